// The security checklist: one status per category, from the rules that ran and what they found.
import { CATEGORIES } from '../core/types.js';
import type { Category, Finding, RuleDescriptor, Severity } from '../core/types.js';
import { countBySeverity } from './finding-order.js';

export type ChecklistStatus = 'fail' | 'pass with notes' | 'pass' | 'not checked';

export interface ChecklistRow {
  category: Category;
  label: string;
  status: ChecklistStatus;
  counts: Record<Severity, number>;
  ruleCount: number;
}

export const CATEGORY_LABELS: Record<Category, string> = {
  sqli: 'SQL injection',
  cors: 'CORS policy',
  health: 'Health endpoint',
  'weak-password-hash': 'Password hashing',
  'untagged-endpoint': 'Endpoint tags',
  secrets: 'Hardcoded secrets',
  jwt: 'JWT handling',
  'weak-hash': 'Weak hashing',
  'rate-limit': 'Rate limiting',
  config: 'Configuration',
};

/** `findings` are the reported (unsuppressed) ones. A category whose rules did not run is 'not checked'. */
export function checklist(rules: readonly RuleDescriptor[], findings: readonly Finding[]): ChecklistRow[] {
  return CATEGORIES.map((category) => {
    const counts = countBySeverity(findings.filter((f) => f.category === category));
    const ruleCount = rules.filter((r) => r.category === category).length;
    let status: ChecklistStatus;
    if (counts.error + counts.warning > 0) status = 'fail';
    else if (counts.note > 0) status = 'pass with notes';
    else status = ruleCount > 0 ? 'pass' : 'not checked';
    return { category, label: CATEGORY_LABELS[category], status, counts, ruleCount };
  });
}
