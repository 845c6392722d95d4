import { defineRule } from '../../src/engine/define-rule.js';

/** Tests, specs, fixtures and examples: reported as notes. */
const TEST_PATH = /(^|\/)(tests?|__tests__|spec|specs|e2e|fixtures?|__mocks__|testdata|examples?|src\/it|[A-Za-z.]*\.(Unit|Integration|Functional)?Tests?)\/|\.(test|spec)\.[cm]?[jt]sx?$|(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$|[a-z0-9](Tests?|IT|Spec)\.(java|kt|cs|scala|groovy|php)$|_test\.go$/;

export default defineRule({
  id: 'jwt-without-expiry',
  title: 'JWT without an expiry',
  category: 'jwt',
  cwe: ['CWE-613'],
  severity: 'warning',
  securitySeverity: 5.4,
  recommended: true,
  description: 'Finds tokens signed without an expiry (no expiresIn option and no exp claim), verification that ignores expiry, and, as notes, access tokens that live longer than a day.',
  defaultOptions: {},
  *check({ model }) {
    for (const call of model.jwtCalls) {
      const detail = call.detail ? ` (${call.detail.split('; ').find((d) => /exp|lifetime|expires/i.test(d)) ?? call.detail})` : '';
      if (call.issues.includes('no-expiry')) {
        yield {
          key: `${call.library}:${call.operation}:no-expiry`,
          location: call.location,
          message: call.operation === 'sign'
            ? `This ${call.library} call issues tokens that never expire${detail}.`
            : `This ${call.library} ${call.operation} call accepts expired tokens${detail}.`,
          ...(TEST_PATH.test(call.location.file) ? { severity: 'note' as const } : {}),
        };
      } else if (call.issues.includes('long-expiry')) {
        yield {
          key: `${call.library}:${call.operation}:long-expiry`,
          location: call.location,
          message: `This ${call.library} call issues tokens that stay valid for more than a day${detail}.`,
          severity: 'note',
        };
      }
    }
  },
});
