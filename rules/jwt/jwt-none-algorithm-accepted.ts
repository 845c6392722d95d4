import { defineRule } from '../../src/engine/define-rule.js';

/** Tests, specs, fixtures and examples (which forge unsigned tokens on purpose): reported as notes. */
const TEST_PATH = /(^|\/)(tests?|__tests__|spec|specs|e2e|fixtures?|__mocks__|testdata|examples?|src\/it|[A-Za-z.]*\.(Unit|Integration|Functional)?Tests?)\/|\.(test|spec)\.[cm]?[jt]sx?$|(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$|[a-z0-9](Tests?|IT|Spec)\.(java|kt|cs|scala|groovy|php)$|_test\.go$/;

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
        ...(TEST_PATH.test(call.location.file) ? { severity: 'note' as const } : {}),
      };
    }
  },
});
