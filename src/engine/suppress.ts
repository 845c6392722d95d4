// In-source suppressions: `backend-review-ignore <rule-id>: <reason>` on the finding's line or the line above,
// in the comment syntax of the file's language (see suppression-comments.ts). A reason is required.
import type { Finding, Location } from '../core/types.js';
import type { Draft } from './define-rule.js';
import { findDirectives, type Directive } from './suppression-comments.js';

export interface SuppressionOutcome {
  /** The findings, with `suppression` set on the ones a directive covers. */
  findings: Finding[];
  /** Directives without a rule id, without a reason, or naming an unknown rule (rule `invalid-suppression`). */
  invalid: Draft[];
  /** Directives (per rule id) that matched no finding (rule `unused-suppression`). */
  unused: Draft[];
}

export interface SuppressionContext {
  /** Rule id or deprecated id -> current rule id, for every rule the tool knows. */
  knownRules: ReadonlyMap<string, string>;
  /** Ids of the rules that ran, to say why a directive matched nothing. */
  ranRules: ReadonlySet<string>;
}

const locationOf = (d: Directive): Location => ({ file: d.file, startLine: d.line, startColumn: d.startColumn, endLine: d.line, endColumn: d.endColumn });

function invalidDrafts(d: Directive, context: SuppressionContext): Draft[] {
  const draft = (message: string, key: string): Draft => ({ location: locationOf(d), message, key: `${key}\u0000${d.text}` });
  if (d.ruleIds.length === 0) {
    return [draft('backend-review-ignore names no rule id before its reason.', 'no-rule')];
  }
  const out: Draft[] = d.ruleIds.filter((id) => !context.knownRules.has(id))
    .map((id) => draft(`backend-review-ignore names ${id}, which is not a backend-review rule.`, `unknown:${id}`));
  if (d.reason === '') {
    out.push(draft(`backend-review-ignore for ${d.ruleIds.join(', ')} gives no reason after a colon.`, 'no-reason'));
  }
  return out;
}

/** Marks covered findings as suppressed and reports bad and unused directives. Pure: texts come in. */
export function suppressFindings(findings: readonly Finding[], files: readonly { path: string; text: string }[], context: SuppressionContext): SuppressionOutcome {
  const directives = files.flatMap((f) => findDirectives(f.path, f.text));
  const invalid = directives.flatMap((d) => invalidDrafts(d, context));
  // file -> line -> rule id -> the directives that suppress it there
  const index = new Map<string, Map<number, Map<string, Directive[]>>>();
  for (const d of directives) {
    if (d.reason === '') continue; // without a reason a directive suppresses nothing
    const byLine = index.get(d.file) ?? new Map<number, Map<string, Directive[]>>();
    index.set(d.file, byLine);
    for (const line of d.covers) {
      const byRule = byLine.get(line) ?? new Map<string, Directive[]>();
      byLine.set(line, byRule);
      for (const written of d.ruleIds) {
        const id = context.knownRules.get(written);
        if (id) byRule.set(id, [...(byRule.get(id) ?? []), d]);
      }
    }
  }
  const used = new Set<string>(); // `${file}:${line}:${ruleId}` of directives that matched
  const out = findings.map((finding) => {
    const matches = index.get(finding.location.file)?.get(finding.location.startLine)?.get(finding.ruleId);
    if (!matches?.length) return finding;
    for (const d of matches) used.add(`${d.file}:${d.line}:${finding.ruleId}`);
    return { ...finding, suppression: { kind: 'inSource' as const, justification: matches[0]!.reason } };
  });
  const unused: Draft[] = [];
  for (const d of directives) {
    if (d.reason === '') continue;
    for (const written of d.ruleIds) {
      const id = context.knownRules.get(written);
      if (!id || used.has(`${d.file}:${d.line}:${id}`)) continue;
      const why = context.ranRules.has(id) ? '' : ` (${id} did not run)`;
      unused.push({
        location: locationOf(d), key: `unused:${id}\u0000${d.text}`,
        message: `backend-review-ignore for ${id} matches no finding on this line or the next${why}.`,
      });
    }
  }
  return { findings: out, invalid, unused };
}

/** Marks findings covered by a directive; `textOf` gives a file's text. Rule ids are taken as written. */
export function applySuppressions(findings: Finding[], textOf: (file: string) => string | undefined): Finding[] {
  const files = [...new Set(findings.map((f) => f.location.file))].map((path) => ({ path, text: textOf(path) ?? '' }));
  const ids = new Map(findings.map((f) => [f.ruleId, f.ruleId] as const));
  return suppressFindings(findings, files, { knownRules: ids, ranRules: new Set(ids.keys()) }).findings;
}
