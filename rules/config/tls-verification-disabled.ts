import { defineRule } from '../../src/engine/define-rule.js';

/** Tests, specs, fixtures and examples: reported as notes. */
const TEST_PATH = /(^|\/)(tests?|__tests__|spec|specs|e2e|fixtures?|__mocks__|testdata|examples?|src\/it|[A-Za-z.]*\.(Unit|Integration|Functional)?Tests?)\/|\.(test|spec)\.[cm]?[jt]sx?$|(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$|[a-z0-9](Tests?|IT|Spec)\.(java|kt|cs|scala|groovy|php)$|_test\.go$/;

export default defineRule({
  id: 'tls-verification-disabled',
  title: 'TLS certificate verification disabled',
  category: 'config',
  cwe: ['CWE-295'],
  severity: 'error',
  securitySeverity: 7.4,
  recommended: true,
  description: "Finds outgoing TLS connections that skip certificate checks: rejectUnauthorized: false, NODE_TLS_REJECT_UNAUTHORIZED = '0', requests / httpx verify=False, ssl._create_unverified_context, ssl.CERT_NONE.",
  defaultOptions: {},
  *check({ model }) {
    for (const issue of model.configIssues) {
      if (issue.issue !== 'tls-verification-disabled') continue;
      yield {
        key: issue.detail,
        location: issue.location,
        message: `TLS certificate verification is disabled (${issue.detail}), so any server can impersonate the remote end.`,
        ...(TEST_PATH.test(issue.location.file) ? { severity: 'note' as const } : {}),
      };
    }
  },
});
