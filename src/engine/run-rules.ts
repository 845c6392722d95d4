// Runs the planned rules over the model and stamps their drafts into findings (id, category, CWE,
// configured severity, fingerprint), keeping each draft only where its file's setting applies.
import type { Finding, Notification } from '../core/types.js';
import { compareLocations } from '../model/build-model.js';
import type { ProjectModel } from '../model/types.js';
import type { Draft } from './define-rule.js';
import { fingerprintOf } from './fingerprint.js';
import type { EffectiveSetting, RulePlan } from './rule-settings.js';

/** Turns one rule's drafts into findings; `variant` is the option set they were produced with. */
export function stampDrafts(plan: RulePlan, drafts: Iterable<Draft>, occurrences: Map<string, number>, variant?: EffectiveSetting): Finding[] {
  const { rule } = plan;
  const out: Finding[] = [];
  for (const draft of drafts) {
    const setting = plan.settingFor(draft.location.file);
    if (!setting.enabled || (variant && setting.optionsKey !== variant.optionsKey)) continue;
    const base = `${draft.location.file}\u0000${draft.key}`;
    const occurrence = occurrences.get(base) ?? 0;
    occurrences.set(base, occurrence + 1);
    out.push({
      ruleId: rule.id,
      category: rule.category,
      cwe: [...rule.cwe],
      severity: setting.severity ?? draft.severity ?? rule.severity,
      message: draft.message,
      location: draft.location,
      ...(draft.related?.length ? { related: draft.related } : {}),
      fingerprint: fingerprintOf(rule.id, draft.location.file, draft.key, occurrence),
    });
  }
  return out;
}

export const sortFindings = (findings: Finding[]): Finding[] =>
  findings.sort((a, b) => compareLocations(a.location, b.location) || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message));

export function runRules(plans: readonly RulePlan[], model: ProjectModel, notifications: Notification[]): Finding[] {
  const findings: Finding[] = [];
  for (const plan of plans) {
    const occurrences = new Map<string, number>();
    try {
      for (const variant of plan.variants) {
        findings.push(...stampDrafts(plan, plan.rule.check({ model, options: variant.options }), occurrences, variant));
      }
    } catch (error) {
      notifications.push({ level: 'error', kind: 'extractor-error', message: `rule ${plan.rule.id} failed: ${(error as Error).message}` });
    }
  }
  return sortFindings(findings);
}
