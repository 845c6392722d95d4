import { defineRule } from '../../src/engine/define-rule.js';

// Built into the engine (see invalid-suppression.ts): src/engine/suppress.ts yields the findings.
// Off by default; --report-unused-suppressions or the config switches it on.
export default defineRule({
  id: 'unused-suppression',
  title: 'Suppression comment that matches no finding',
  category: 'config',
  cwe: [],
  severity: 'warning',
  recommended: false,
  description: 'Finds backend-review-ignore comments whose rule reports nothing on the comment\'s line or the next one, so the comment is stale.',
  defaultOptions: {},
  *check() {},
});
