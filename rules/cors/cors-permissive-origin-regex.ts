import type { CorsConfigFact } from '../../src/core/facts.js';
import { defineRule } from '../../src/engine/define-rule.js';

/** CORS facts may carry the allowlist regex that lets unintended origins through (additive field). */

export default defineRule({
  id: 'cors-permissive-origin-regex',
  title: 'CORS origin allowlist regex matches unintended origins',
  category: 'cors',
  cwe: ['CWE-942'],
  severity: 'warning',
  securitySeverity: 5.3,
  recommended: true,
  description: "Finds CORS origin allowlist patterns with an unescaped '.', which also matches look-alike hosts (www.foo.com matches wwwXfoo.com).",
  defaultOptions: {},
  *check({ model }) {
    for (const cors of model.cors as CorsConfigFact[]) {
      if (cors.permissivePattern === undefined) continue;
      yield {
        key: `${cors.library}:${cors.permissivePattern}`,
        location: cors.location,
        message: `The CORS origin pattern /${cors.permissivePattern}/ has an unescaped '.', so it also matches origins that differ in that character.`,
        ...(cors.credentials === true ? { severity: 'error' as const } : {}),
      };
    }
  },
});
