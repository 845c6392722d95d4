// The job summary ($GITHUB_STEP_SUMMARY): counts by severity, the checklist, top findings, endpoint
// count. Built from the SARIF log the CLI wrote (what code scanning receives) and its JSON result.
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { CATEGORIES, type Category, type Severity } from '../core/types.js';

export const TOP_FINDINGS = 10;
const LEVELS: readonly Severity[] = ['error', 'warning', 'note'];

export interface SummaryCounts {
  /** Reported findings that count: not suppressed, not in the baseline. */
  findings: number;
  bySeverity: Record<Severity, number>;
  /** Findings the baseline already held (left out of the counts). */
  known: number;
}

const levelOf = (r: Result): Severity => (r.level === 'error' || r.level === 'note' ? r.level : 'warning');
const counts = (r: Result): boolean => !r.suppressions?.length && r.baselineState !== 'unchanged';

export function countResults(log: Log): SummaryCounts {
  const results = log.runs.flatMap((run) => run.results ?? []);
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  let findings = 0;
  for (const r of results.filter(counts)) {
    bySeverity[levelOf(r)] += 1;
    findings++;
  }
  return { findings, bySeverity, known: results.filter((r) => r.baselineState === 'unchanged').length };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const tally = (c: Record<Severity, number>): string =>
  `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.note, 'note')}`;

/** Text for a markdown table cell: one line, no pipes or HTML. */
const cell = (text: string): string => text.replace(/\s+/g, ' ').replace(/[|\\`*_<>[\]]/g, (ch) => `\\${ch}`).trim();

function where(r: Result): string {
  const loc = r.locations?.[0]?.physicalLocation;
  const uri = loc?.artifactLocation?.uri;
  if (!uri) return '';
  let file = uri;
  try {
    file = decodeURIComponent(uri);
  } catch {
    // keep the encoded form
  }
  return `\`${file.replace(/`/g, "'")}${loc?.region?.startLine ? `:${loc.region.startLine}` : ''}\``;
}

function categoryOf(rule: ReportingDescriptor | undefined): Category | undefined {
  const category = rule?.properties?.category;
  return typeof category === 'string' && (CATEGORIES as readonly string[]).includes(category) ? (category as Category) : undefined;
}

function checklistRows(log: Log): string[] {
  const rules = log.runs.flatMap((run) => run.tool.driver.rules ?? []);
  const byId = new Map(rules.map((r) => [r.id, r] as const));
  const results = log.runs.flatMap((run) => run.results ?? []).filter(counts);
  return CATEGORIES.map((category) => {
    const own = results.filter((r) => categoryOf(byId.get(r.ruleId ?? '')) === category);
    const c: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
    for (const r of own) c[levelOf(r)] += 1;
    const checked = rules.some((r) => categoryOf(r) === category);
    const status = c.error + c.warning > 0 ? 'fail' : c.note > 0 ? 'pass with notes' : checked ? 'pass' : 'not checked';
    return `| \`${category}\` | ${status} | ${c.error} | ${c.warning} | ${c.note} |`;
  });
}

function topFindings(log: Log): string[] {
  const results = log.runs.flatMap((run) => run.results ?? []).filter(counts);
  const top = [...results].sort((a, b) => LEVELS.indexOf(levelOf(a)) - LEVELS.indexOf(levelOf(b))).slice(0, TOP_FINDINGS);
  if (top.length === 0) return ['No new findings.'];
  const lines = ['| Severity | Rule | Where | Finding |', '| --- | --- | --- | --- |'];
  for (const r of top) lines.push(`| ${levelOf(r)} | \`${r.ruleId ?? ''}\` | ${where(r)} | ${cell(r.message.text ?? '')} |`);
  if (results.length > top.length) lines.push('', `… and ${results.length - top.length} more in the SARIF file and the Security tab.`);
  return lines;
}

export interface SummaryInput {
  log: Log;
  endpoints: number;
  scanned: string;
  exitCode: number;
  failOn: string;
}

export function buildJobSummary(input: SummaryInput): string {
  const c = countResults(input.log);
  const facts = [
    `Scanned \`${input.scanned.replace(/`/g, "'")}\``,
    plural(input.endpoints, 'endpoint'),
    ...(c.known ? [`${plural(c.known, 'known finding')} from the baseline not counted`] : []),
    `fail-on ${input.failOn || 'error (or the config file\'s failOn)'}: ${input.exitCode === 0 ? 'passed' : 'failed'}`,
  ];
  return [
    `## backend-review: ${c.known ? 'new findings: ' : ''}${tally(c.bySeverity)}`,
    '',
    facts.join(' · '),
    '',
    '### Checklist',
    '',
    '| Category | Status | Errors | Warnings | Notes |',
    '| --- | --- | --- | --- | --- |',
    ...checklistRows(input.log),
    '',
    `### Top findings`,
    '',
    ...topFindings(input.log),
    '',
  ].join('\n');
}

export function buildErrorSummary(message: string): string {
  return ['## backend-review: the scan did not run', '', '```', message.trim().replace(/```/g, "'''"), '```', ''].join('\n');
}
