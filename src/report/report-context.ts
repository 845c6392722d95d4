// What every section of the architecture report reads: the result, the reported findings, the
// language's messages, and how to write a file:line (a link when the report's place is known).
import type { RunResult } from '../core/result.js';
import type { Finding, Location, RuleDescriptor } from '../core/types.js';
import { code, link, type Inline } from './doc.js';
import { reportedFindings } from './finding-order.js';
import { messagesFor, type Messages, type ReportLanguage } from './i18n/index.js';
import type { ReporterOptions } from './types.js';

export type ArchitectureReportOptions = Pick<ReporterOptions, 'lang' | 'specId' | 'timestamp' | 'linkBase'>;

export interface ReportContext {
  result: RunResult;
  /** Unsuppressed findings, sorted. */
  findings: Finding[];
  rules: Map<string, RuleDescriptor>;
  msg: Messages;
  lang: ReportLanguage;
  target: 'markdown' | 'html';
  options: ArchitectureReportOptions;
}

export function reportContext(result: RunResult, options: ArchitectureReportOptions, target: ReportContext['target']): ReportContext {
  const { lang, msg } = messagesFor(options.lang);
  return {
    result,
    findings: reportedFindings(result.findings),
    rules: new Map(result.rules.map((r) => [r.id, r] as const)),
    msg,
    lang,
    target,
    options,
  };
}

const encodePath = (file: string): string => file.split('/').map(encodeURIComponent).join('/');

/** `file:line`, linked to the file when the report knows where it sits relative to the scanned directory. */
export function where(ctx: ReportContext, loc: Pick<Location, 'file' | 'startLine'>): Inline {
  const label = code(`${loc.file}:${loc.startLine}`);
  const base = ctx.options.linkBase;
  if (base === undefined) return label;
  const prefix = base === '' || base === '.' ? '' : `${base.replace(/\/+$/, '')}/`;
  return link(label, `${prefix}${encodePath(loc.file)}#L${loc.startLine}`);
}

/** A repo-relative file or directory, linked like `where`. */
export function pathRef(ctx: ReportContext, path: string): Inline {
  const label = code(path);
  const base = ctx.options.linkBase;
  if (base === undefined) return label;
  const prefix = base === '' || base === '.' ? '' : `${base.replace(/\/+$/, '')}/`;
  return link(label, `${prefix}${encodePath(path)}`);
}
