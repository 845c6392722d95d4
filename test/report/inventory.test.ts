// The repository inventory (src/engine/inventory.ts): test files and frameworks, migrations, Dockerfiles, .env examples.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from '../../src/discover/discover.js';
import { parseManifest } from '../../src/discover/manifests.js';
import { buildInventory, collectInventory, envKeys, healthcheckLine, isTestPath } from '../../src/engine/inventory.js';

const FIXTURE = join(import.meta.dirname, '..', '..', 'fixtures', 'apps', 'moai-korean');
const deps = (path: string, ...names: string[]) => ({ path, dependencies: new Map(names.map((n) => [n, '^1.2.3'])) });

describe('inventory', () => {
  it('recognises test files by name and directory', () => {
    const tests = ['src/a.test.ts', 'src/a.spec.mjs', 'app/test_views.py', 'app/views_test.py', 'pkg/h_test.go',
      'src/test/java/a/UserControllerTest.java', 'tests/Feature/LoginTest.php', 'Api.Tests/UsersTests.cs', '__tests__/x.js', 'spec/models/user.rb'];
    const others = ['src/testing-utils.ts', 'src/contest.py', 'src/attest.go', 'app/views.py', 'src/latest/a.ts'];
    expect(tests.filter(isTestPath)).toEqual(tests);
    expect(others.filter(isTestPath)).toEqual([]);
  });

  it('finds test frameworks in manifests, migration tools from the file layout', () => {
    const inv = buildInventory({
      sourcePaths: ['api/migrations/0001_initial.py', 'api/migrations/0002_user.py', 'db/migrations/20240101_users.js', 'src/a.test.ts'],
      otherPaths: ['prisma/migrations/20240101_init/migration.sql', 'prisma/migrations/20240202_x/migration.sql',
        'src/main/resources/db/migration/V1__init.sql', 'alembic.ini', 'docs/schema.sql'],
      manifests: [deps('package.json', 'express', 'vitest', 'knex', 'supertest'), deps('api/requirements.txt', 'django', 'pytest')],
      dockerfiles: [],
      envFiles: [],
    });
    expect(inv.testFiles).toBe(1);
    expect(inv.testFrameworks).toEqual([
      { id: 'pytest', version: '1.2.3', manifest: 'api/requirements.txt' },
      { id: 'supertest', version: '1.2.3', manifest: 'package.json' },
      { id: 'vitest', version: '1.2.3', manifest: 'package.json' },
    ]);
    expect(inv.migrations).toEqual([
      { tool: 'alembic', path: 'alembic.ini' },
      { tool: 'django-migrations', path: 'api/migrations' },
      { tool: 'knex', path: 'db/migrations' },
      { tool: 'prisma-migrate', path: 'prisma/migrations' },
      { tool: 'flyway', path: 'src/main/resources/db/migration' },
    ]);
  });

  it('does not call a migrations folder knex without the dependency', () => {
    const inv = buildInventory({ sourcePaths: ['migrations/001.js'], otherPaths: ['migrations/002.sql'], manifests: [deps('package.json', 'express')], dockerfiles: [], envFiles: [] });
    expect(inv.migrations).toEqual([{ tool: 'sql-files', path: 'migrations' }]);
  });

  it('finds the HEALTHCHECK instruction of a Dockerfile', () => {
    expect(healthcheckLine('FROM node:20\n# HEALTHCHECK in a comment\nRUN echo \\\n  HEALTHCHECK\nhealthcheck --interval=5s CMD curl -f http://localhost/health\n')).toBe(5);
    expect(healthcheckLine('FROM node:20\nHEALTHCHECK NONE\n')).toBeNull();
    expect(healthcheckLine('FROM node:20\nCMD ["node", "app.js"]\n')).toBeNull();
  });

  it('keeps the names of .env example variables, never their values', () => {
    expect(envKeys('# comment\nPORT=3000\nexport JWT_SECRET=change-me\nDATABASE_URL = postgres://x\n\nnot a key line\nFLAG\n'))
      .toEqual(['DATABASE_URL', 'FLAG', 'JWT_SECRET', 'PORT']);
    const inv = buildInventory({
      sourcePaths: [], otherPaths: [], manifests: [], dockerfiles: [],
      envFiles: [{ path: '.env.example', text: 'API_KEY=sk_live_abc\n' }, { path: '.env', text: 'REAL=1\n' }],
    });
    expect(inv.envExamples).toEqual([{ path: '.env.example', keys: ['API_KEY'] }]);
    expect(JSON.stringify(inv)).not.toContain('sk_live');
  });

  it('collects the inventory of the Korean fixture from disk', () => {
    const discovery = discover(FIXTURE);
    const manifests = discovery.manifests.map((m) => parseManifest(m.path, m.text).manifest!).filter(Boolean);
    expect(collectInventory(FIXTURE, discovery, manifests)).toEqual({
      testFiles: 1,
      testFrameworks: [
        { id: 'supertest', version: '7.0.0', manifest: 'package.json' },
        { id: 'vitest', version: '2.1.8', manifest: 'package.json' },
      ],
      migrations: [{ tool: 'knex', path: 'migrations' }],
      dockerfiles: [{ path: 'Dockerfile', healthcheckLine: 6 }],
      envExamples: [{ path: '.env.example', keys: ['DATABASE_URL', 'JWT_SECRET', 'PORT'] }],
    });
  });
});
