import { defineRule } from '../../src/engine/define-rule.js';

/** Tests, specs, fixtures and examples: reported as notes. */
const TEST_PATH = /(^|\/)(tests?|__tests__|spec|specs|e2e|fixtures?|__mocks__|testdata|examples?|src\/it|[A-Za-z.]*\.(Unit|Integration|Functional)?Tests?)\/|\.(test|spec)\.[cm]?[jt]sx?$|(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$|[a-z0-9](Tests?|IT|Spec)\.(java|kt|cs|scala|groovy|php)$|_test\.go$/;

export default defineRule({
  id: 'debug-mode-enabled',
  title: 'Debug mode switched on in application code or production settings',
  category: 'config',
  cwe: ['CWE-489', 'CWE-215'],
  severity: 'warning',
  securitySeverity: 5.3,
  recommended: true,
  description: "Finds debug mode turned on in code that ships: Flask app.run(debug=True) / app.config['DEBUG'] = True, FastAPI(debug=True), and DEBUG = True in a Django settings module that is not a local, dev or test one.",
  defaultOptions: {},
  *check({ model }) {
    for (const issue of model.configIssues) {
      if (issue.issue !== 'debug-enabled') continue;
      yield {
        key: issue.detail,
        location: issue.location,
        message: `Debug mode is switched on (${issue.detail}), which exposes stack traces and, in Flask, an interactive debugger.`,
        ...(TEST_PATH.test(issue.location.file) ? { severity: 'note' as const } : {}),
      };
    }
  },
});
