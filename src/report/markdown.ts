// The markdown architecture report (`--format markdown`, `--report`, `--moai`).
import type { RunResult } from '../core/result.js';
import { architectureReport } from './architecture-report.js';
import { renderMarkdownDoc } from './doc-markdown.js';
import type { ReporterOptions } from './types.js';

export function renderMarkdown(result: RunResult, options: ReporterOptions = {}): string {
  return renderMarkdownDoc(architectureReport(result, options, 'markdown').blocks);
}
