// Reporters by format name. Each is a pure function of a RunResult; the CLI writes the text.
import type { RunResult } from '../core/result.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';
import type { Reporter, ReporterOptions } from './types.js';

export const reporters = {
  html: (result, options) => renderHtml(result, options),
  json: (result, _options) => renderJson(result),
  sarif: (result, options) => renderSarif(result, options),
  markdown: (result, options) => renderMarkdown(result, options),
  text: (result, options) => renderText(result, options),
} satisfies Record<string, Reporter>;

export type ReportFormat = keyof typeof reporters;

export const REPORT_FORMATS = Object.keys(reporters).sort() as ReportFormat[];

export function renderReport(format: ReportFormat, result: RunResult, options: ReporterOptions = {}): string {
  return reporters[format](result, options);
}

export { renderHtml, renderJson, renderMarkdown, renderSarif, renderText };
export { REPORT_LANGUAGES, type ReportLanguage } from './i18n/index.js';
export { resultFromJson } from './saved-result.js';
export { checklist } from './checklist.js';
export type { ChecklistRow, ChecklistStatus } from './checklist.js';
export type { Reporter, ReporterOptions } from './types.js';
export type { SarifOptions } from './sarif.js';
export type { TextOptions } from './text.js';
