import type { Finding, Location, Severity } from '../core/types.js';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];

/** Plain code-unit comparison: independent of the locale, so output is the same everywhere. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function compareLocations(a: Location, b: Location): number {
  return compareText(a.file, b.file)
    || a.startLine - b.startLine
    || a.startColumn - b.startColumn
    || a.endLine - b.endLine
    || a.endColumn - b.endColumn;
}

/** File, line, column, rule id; then the rest so that ties never depend on input order. */
export function compareFindings(a: Finding, b: Finding): number {
  return compareText(a.location.file, b.location.file)
    || a.location.startLine - b.location.startLine
    || a.location.startColumn - b.location.startColumn
    || compareText(a.ruleId, b.ruleId)
    || a.location.endLine - b.location.endLine
    || a.location.endColumn - b.location.endColumn
    || compareText(a.message, b.message)
    || compareText(a.fingerprint, b.fingerprint);
}

export const isSuppressed = (f: Finding): boolean => f.suppression !== undefined;

/** Findings a report shows: unsuppressed ones (or all, when asked), sorted. */
export function reportedFindings(findings: readonly Finding[], includeSuppressed = false): Finding[] {
  return findings.filter((f) => includeSuppressed || !isSuppressed(f)).sort(compareFindings);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** '1 error', '2 errors' */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** '2 errors, 1 warning, 0 notes' */
export function severityTally(counts: Record<Severity, number>): string {
  return `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.note, 'note')}`;
}
