// Test, example and fixture files: secrets there are reported at a lower severity.

const DIRS = new Set([
  'test', 'tests', '__tests__', '__test__', 'spec', 'specs', 'fixture', 'fixtures', '__fixtures__', 'example', 'examples',
  'sample', 'samples', 'demo', 'demos', '__mocks__', 'mocks', 'testdata', 'test-data', 'test_data', 'e2e', 'cypress',
  // Seed data for development databases (demo users and their passwords)
  'seed', 'seeds', 'seeders', 'seeding', 'seed-data', 'seed_data', 'seeddata',
]);

/** True for paths under test/example directories and for test, example and sample file names. */
export function isTestOrExample(path: string): boolean {
  const parts = path.toLowerCase().split('/');
  const base = parts.pop() ?? '';
  if (parts.some((p) => DIRS.has(p) || /[-_.](examples?|samples?|demos?)$/.test(p))) return true;
  // CI configuration: throwaway service credentials for test runs
  if (parts[0] === '.github' || parts[0] === '.circleci' || parts[0] === '.devcontainer' || /^(\.gitlab-ci\.ya?ml|\.travis\.ya?ml|azure-pipelines\.ya?ml|bitbucket-pipelines\.ya?ml|jenkinsfile)$/.test(base)) return true;
  if (/\.(example|sample|template|dist|tmpl|tpl)$/.test(base)) return true;
  // Example env files and the env files of test runs and CI (`.env.testing`, `.env.travis`, `.env.ci`)
  if (/^\.env\.(example|sample|template|test|testing|dist|defaults?|ci|travis|github|gitlab|circleci|e2e|cypress)$/.test(base)) return true;
  // Database seeders: `DatabaseSeeder.php`, `UserSeeder.ts`, `seed.ts`, `001_users.seed.js`
  if (/seeders?\.[a-z0-9]+$/.test(base) || /^(seed|seeds)\.[a-z0-9]+$/.test(base) || /\.seeds?\.[a-z0-9]+$/.test(base)) return true;
  if (/\.(test|spec|e2e)\.[a-z0-9]+$/.test(base)) return true;
  if (/_test\.py$/.test(base) || /^test_.*\.py$/.test(base) || base === 'conftest.py') return true;
  if (/^(tests?|testing|fixtures?|example|sample|demo)\.[a-z0-9]+$/.test(base)) return true;
  return false;
}
