export { scan, type ScanOptions } from './run.js';
// The public entry (package.json "main"). Parsing and extraction (extract-file.ts, extract-pool.ts)
// are not re-exported: whoever imports this module would load every parser with them.
export type { FileExtraction } from './extract-file.js';
export { defineRule, type Rule, type Draft, type RuleContext } from './define-rule.js';
export { describeRule, packageRoot, DOCS_BASE } from './rule-docs.js';
export { TOOL_VERSION } from './version.js';
export { RULES } from '../../rules/index.js';
export { renderReport, REPORT_FORMATS, resultFromJson, type ReportFormat } from '../report/index.js';
export { extractShard, parseShard, readShards, shardOf, filesOfShard, SHARD_FORMAT, type ShardDocument } from './shard.js';
