// The scorecard: each checklist category scored 0-10 from the findings of its rules.
import type { Category, Finding, RuleDescriptor, Severity } from '../core/types.js';
import { checklist, type ChecklistRow } from './checklist.js';
import { compareText } from './finding-order.js';

export interface ScoreRow {
  category: Category;
  /** null: no rule of the category ran. */
  score: number | null;
  counts: Record<Severity, number>;
  ruleCount: number;
  /** Rules with findings, most findings first: [rule id, count]. */
  failingRules: [string, number][];
  /** Rule docs to link: the failing rules, else every rule of the category. */
  docs: { id: string; helpUri: string }[];
}

/**
 * 10 without findings. Notes cost 1-2 points (9, 8), warnings 3-5 (7, 6, 5), errors 6-10
 * (4, 3, 2, 1, 0): the worst severity sets the band, the count moves within it.
 */
export function scoreOf(counts: Record<Severity, number>): number {
  if (counts.error > 0) return Math.max(0, 4 - (counts.error - 1));
  if (counts.warning > 0) return Math.max(5, 7 - (counts.warning - 1));
  if (counts.note > 0) return counts.note === 1 ? 9 : 8;
  return 10;
}

function row(check: ChecklistRow, rules: readonly RuleDescriptor[], findings: readonly Finding[]): ScoreRow {
  const own = findings.filter((f) => f.category === check.category);
  const byRule = new Map<string, number>();
  for (const f of own) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  const failingRules = [...byRule.entries()].sort(([a, x], [b, y]) => y - x || compareText(a, b));
  const categoryRules = rules.filter((r) => r.category === check.category).sort((a, b) => compareText(a.id, b.id));
  const failingDocs = failingRules.map(([id]) => rules.find((r) => r.id === id)).filter((r): r is RuleDescriptor => r !== undefined);
  const docs = (failingDocs.length ? failingDocs : categoryRules).map((r) => ({ id: r.id, helpUri: r.helpUri }));
  return {
    category: check.category,
    score: check.status === 'not checked' ? null : scoreOf(check.counts),
    counts: check.counts,
    ruleCount: check.ruleCount,
    failingRules,
    docs,
  };
}

/** One row per checklist category, in the checklist's order. `findings` are the reported ones. */
export function scorecard(rules: readonly RuleDescriptor[], findings: readonly Finding[]): ScoreRow[] {
  return checklist(rules, findings).map((check) => row(check, rules, findings));
}
