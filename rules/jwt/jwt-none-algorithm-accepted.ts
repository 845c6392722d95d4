import { defineRule } from '../../src/engine/define-rule.js';

export default defineRule({
  id: 'jwt-none-algorithm-accepted',
  title: "JWT signed or verified with the 'none' algorithm",
  category: 'jwt',
  cwe: ['CWE-347', 'CWE-327'],
  severity: 'error',
  securitySeverity: 9.1,
  recommended: true,
  description: "Finds JWTs created with alg 'none' and verifications whose allowed algorithms include 'none', which accept unsigned tokens anyone can forge.",
  defaultOptions: {},
  *check({ model }) {
    for (const call of model.jwtCalls) {
      if (!call.issues.includes('none-algorithm')) continue;
      const what = call.operation === 'sign' ? 'creates unsigned tokens' : "accepts unsigned tokens (algorithm 'none')";
      yield {
        key: `${call.library}:${call.operation}`,
        location: call.location,
        message: `This ${call.library} ${call.operation} call ${what}.`,
      };
    }
  },
});
