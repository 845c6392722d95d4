import { defineRule } from '../../src/engine/define-rule.js';

// Built into the engine: suppression comments are read from the source text at the suppress stage
// (src/engine/suppress.ts), which yields this rule's findings. The model holds no comments, so the
// check below has nothing to look at; the definition carries the id, severity and docs.
export default defineRule({
  id: 'invalid-suppression',
  title: 'Suppression comment without a rule id, without a reason, or for an unknown rule',
  category: 'config',
  cwe: [],
  severity: 'warning',
  recommended: true,
  description: 'Finds backend-review-ignore comments that cannot take effect: no rule id, no reason after a colon, or a rule id backend-review does not know.',
  defaultOptions: {},
  *check() {},
});
