// The suppress stage: in-source suppressions (and the two rules that judge them), the baseline, and
// the changed-lines filter. Pure: file texts, baseline and changed lines come in as data.
import type { RunResult } from '../core/result.js';
import type { Finding, SourceFile } from '../core/types.js';
import { applyBaseline, type BaselineFile } from './baseline.js';
import { isOnChangedLine, type ChangedLines } from './changed-lines.js';
import type { Rule } from './define-rule.js';
import type { RulePlan } from './rule-settings.js';
import { sortFindings, stampDrafts } from './run-rules.js';
import { suppressFindings } from './suppress.js';

export const INVALID_SUPPRESSION = 'invalid-suppression';
export const UNUSED_SUPPRESSION = 'unused-suppression';

export interface TriageInput {
  findings: Finding[];
  files: readonly SourceFile[];
  plans: readonly RulePlan[];
  allRules: readonly Rule<any>[];
  baseline?: BaselineFile;
  changedSince?: { ref: string; lines: ChangedLines };
}

export type TriageOutput = Pick<RunResult, 'findings' | 'baseline' | 'changedSince'>;

export function triageFindings(input: TriageInput): TriageOutput {
  const knownRules = new Map<string, string>();
  for (const rule of input.allRules) {
    knownRules.set(rule.id, rule.id);
    for (const old of rule.deprecatedIds ?? []) if (!knownRules.has(old)) knownRules.set(old, rule.id);
  }
  const ranRules = new Set(input.plans.filter((p) => p.variants.length > 0).map((p) => p.rule.id));
  const outcome = suppressFindings(input.findings, input.files, { knownRules, ranRules });
  let findings = outcome.findings;
  for (const [id, drafts] of [[INVALID_SUPPRESSION, outcome.invalid], [UNUSED_SUPPRESSION, outcome.unused]] as const) {
    const plan = input.plans.find((p) => p.rule.id === id);
    if (plan && plan.variants.length > 0) findings.push(...stampDrafts(plan, drafts, new Map()));
  }
  findings = sortFindings(findings);

  const out: TriageOutput = { findings };
  // Changed lines first: the baseline's counts then describe what is reported.
  if (input.changedSince) {
    const { lines, ref } = input.changedSince;
    const kept = out.findings.filter((f) => isOnChangedLine(f, lines));
    out.changedSince = { ref, leftOut: out.findings.length - kept.length };
    out.findings = kept;
  }
  if (input.baseline) {
    const applied = applyBaseline(out.findings, input.baseline);
    out.findings = applied.findings;
    out.baseline = { known: applied.known, new: applied.new, absent: applied.absent };
  }
  return out;
}
