// Test, example and fixture files: secrets there are reported at a lower severity.

const DIRS = new Set([
  'test', 'tests', '__tests__', '__test__', 'spec', 'specs', 'fixture', 'fixtures', '__fixtures__', 'example', 'examples',
  'sample', 'samples', 'demo', 'demos', '__mocks__', 'mocks', 'testdata', 'test-data', 'test_data', 'e2e', 'cypress',
]);

/** True for paths under test/example directories and for test, example and sample file names. */
export function isTestOrExample(path: string): boolean {
  const parts = path.toLowerCase().split('/');
  const base = parts.pop() ?? '';
  if (parts.some((p) => DIRS.has(p))) return true;
  // CI configuration: throwaway service credentials for test runs
  if (parts[0] === '.github' || parts[0] === '.circleci' || parts[0] === '.devcontainer' || /^(\.gitlab-ci\.ya?ml|\.travis\.ya?ml|azure-pipelines\.ya?ml|bitbucket-pipelines\.ya?ml|jenkinsfile)$/.test(base)) return true;
  if (/\.(example|sample|template|dist|tmpl|tpl)$/.test(base)) return true;
  if (/^\.env\.(example|sample|template|test|dist|defaults?)$/.test(base)) return true;
  if (/\.(test|spec|e2e)\.[a-z0-9]+$/.test(base)) return true;
  if (/_test\.py$/.test(base) || /^test_.*\.py$/.test(base) || base === 'conftest.py') return true;
  if (/^(tests?|testing|fixtures?|example|sample|demo)\.[a-z0-9]+$/.test(base)) return true;
  return false;
}
