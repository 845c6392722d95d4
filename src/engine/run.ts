// The scan pipeline: discover -> parse -> extract -> model -> rules -> suppress -> result.

import { listTree } from '../discover/discover.js';
import type { RunResult } from '../core/result.js';
import type { Extractor } from '../extract/index.js';
import { RULES } from '../../rules/index.js';
import type { BaselineFile } from './baseline.js';
import type { ChangedLines } from './changed-lines.js';
import type { FileExtraction } from './extract-file.js';
import type { BackendReviewConfig } from './config-schema.js';
import type { Rule } from './define-rule.js';
import { describeRule } from './rule-docs.js';
import { cacheDirFor, memoFingerprint } from './code-identity.js';
import { hasRacyEntries, memoKey, readMemo, writeMemo } from './result-memo.js';
import { planRules } from './rule-settings.js';
import { UNUSED_SUPPRESSION } from './triage-findings.js';
import { TOOL_VERSION } from './version.js';

export interface ScanOptions {
  /** Directory to scan. */
  root: string;
  /** Extra ignore globs (gitignore syntax). */
  ignore?: readonly string[];
  /** Only these rule ids run (default: every recommended rule, or what the config enables). */
  onlyRules?: readonly string[];
  /** A validated config (see config.ts): rule levels, options, per-path overrides. Its ignore globs go in `ignore`. */
  config?: BackendReviewConfig;
  /** Findings whose fingerprints it holds are marked 'unchanged', the others 'new'. */
  baseline?: BaselineFile;
  /** Keep only findings on these lines (from `changedLinesSince(root, ref)`). */
  changedSince?: { ref: string; lines: ChangedLines };
  /** Switch on the unused-suppression rule. */
  reportUnusedSuppressions?: boolean;
  extractors?: readonly Extractor[];
  rules?: readonly Rule<any>[];
  /** Parse/extract threads: 0 or 1 = in this thread; default: one per core (at most 4) on larger trees. */
  workers?: number;
  /** Reuse per-file results of earlier scans: a directory, or true for the default place; off by default. */
  cache?: boolean | { dir: string };
  /** Per-file results computed elsewhere (shards, see shard.ts), used where the content hash matches. */
  precomputed?: ReadonlyMap<string, { hash: string; result: FileExtraction }>;
  onProgress?: (event: { phase: 'discover' | 'parse' | 'model' | 'rules'; done: number; total: number }) => void;
  /** Test hook: reorders the discovered files and manifests (determinism tests shuffle them). */
  reorder?: <T>(items: T[]) => T[];
}


export async function scan(options: ScanOptions): Promise<RunResult> {
  // process.hrtime, not performance.now(): the global loads perf_hooks, which a memoized rescan can do without.
  const started = process.hrtime.bigint();
  const elapsedMs = () => Math.round(Number(process.hrtime.bigint() - started) / 1e6);
  const allRules = options.rules ?? RULES;
  const plans = planRules(allRules, {
    config: options.config, onlyRules: options.onlyRules, root: options.root,
    alsoEnable: options.reportUnusedSuppressions ? [UNUSED_SUPPRESSION] : [],
  }).filter((p) => p.variants.length > 0);

  options.onProgress?.({ phase: 'discover', done: 0, total: 0 });
  const listing = listTree(options.root);
  // The whole-scan memo (result-memo.ts): only for the standard extractors and rules, with the cache on.
  const memoDir = options.cache && !options.extractors && !options.rules && !options.precomputed && !options.reorder
    ? cacheDirFor(options.root, options.cache) : undefined;
  const key = memoDir ? memoKey(memoFingerprint(), {
    ignore: options.ignore ?? [], config: options.config ?? null, onlyRules: options.onlyRules ?? null, baseline: options.baseline ?? null,
    changedSince: options.changedSince ?? null, unused: options.reportUnusedSuppressions === true,
  }, listing) : undefined;
  const memo = memoDir && key ? readMemo(memoDir, key) : undefined;
  if (memo) {
    return {
      ...memo,
      rootPath: options.root,
      rules: [...allRules].sort((a, b) => a.id.localeCompare(b.id)).map(describeRule),
      stats: { ...memo.stats, durationMs: elapsedMs(), cacheHits: memo.stats.files },
    };
  }
  const startedAt = Date.now();
  // Everything past the memo is loaded only now: a memoized rescan never compiles it.
  const { fullScan } = await import('./full-scan.js');
  const result = await fullScan({ options, plans, allRules, listing, elapsedMs });
  if (memoDir && key && !hasRacyEntries(listing, startedAt)) writeMemo(memoDir, key, result);
  return result;
}
