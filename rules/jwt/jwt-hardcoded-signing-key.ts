import { defineRule } from '../../src/engine/define-rule.js';

/** Tests, specs, fixtures and examples: reported as notes. */
const TEST_PATH = /(^|\/)(tests?|__tests__|spec|specs|e2e|fixtures?|__mocks__|testdata|examples?|src\/it|[A-Za-z.]*\.(Unit|Integration|Functional)?Tests?)\/|\.(test|spec)\.[cm]?[jt]sx?$|(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$|[a-z0-9](Tests?|IT|Spec)\.(java|kt|cs|scala|groovy|php)$|_test\.go$/;

export default defineRule({
  id: 'jwt-hardcoded-signing-key',
  title: 'JWT signing or verification key written in the source',
  category: 'jwt',
  cwe: ['CWE-798', 'CWE-321'],
  severity: 'error',
  securitySeverity: 7.5,
  recommended: true,
  description: 'Finds JWT sign / verify calls and JWT settings whose key is a string literal, a constant, or a literal fallback for a missing environment variable: anyone with the source can mint valid tokens.',
  defaultOptions: {},
  *check({ model }) {
    for (const call of model.jwtCalls) {
      if (!call.issues.includes('hardcoded-key')) continue;
      const fallback = call.detail?.includes('fallback') ?? false;
      yield {
        key: `${call.library}:${call.operation}`,
        location: call.location,
        message: fallback
          ? `This ${call.library} ${call.operation} call falls back to a key written in the source when the configured one is missing.`
          : `This ${call.library} ${call.operation} call uses a key written in the source.`,
        ...(TEST_PATH.test(call.location.file) ? { severity: 'note' as const } : {}),
      };
    }
  },
});
