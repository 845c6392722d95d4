// The repository inventory the architecture report needs and the model does not hold: test files
// and frameworks, migration tools, Dockerfile HEALTHCHECKs and `.env.example` keys.
// `buildInventory` is pure (paths, manifests and file texts in); `collectInventory` does the reading.

import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ignore from 'ignore';
import type { RepoInventory } from '../core/result.js';
import type { Discovery } from '../discover/discover.js';

const MAX_READ_BYTES = 256 * 1024;
const MAX_MIGRATIONS = 12;

export interface InventoryManifest {
  path: string;
  dependencies: ReadonlyMap<string, string>;
}

export interface InventoryInput {
  /** Repo-relative source files (language other than plain text). */
  sourcePaths: readonly string[];
  /** Other repo-relative paths worth a look (`*.sql`, `alembic.ini`, changelogs). */
  otherPaths: readonly string[];
  manifests: readonly InventoryManifest[];
  dockerfiles: readonly { path: string; text: string }[];
  envFiles: readonly { path: string; text: string }[];
}

/** Dependency name -> test framework id. */
const TEST_FRAMEWORKS: Record<string, string> = {
  vitest: 'vitest', jest: 'jest', mocha: 'mocha', ava: 'ava', jasmine: 'jasmine', tap: 'tap', '@playwright/test': 'playwright',
  cypress: 'cypress', supertest: 'supertest', pytest: 'pytest', nose2: 'nose2', hypothesis: 'hypothesis',
  'github.com/stretchr/testify': 'testify', 'junit-jupiter': 'junit', 'junit-jupiter-api': 'junit', junit: 'junit',
  testng: 'testng', 'spring-boot-starter-test': 'spring-boot-test', 'phpunit/phpunit': 'phpunit', 'pestphp/pest': 'pest',
  xunit: 'xunit', nunit: 'nunit', 'MSTest.TestFramework': 'mstest', scalatest: 'scalatest', specs2: 'specs2', munit: 'munit',
};

const TEST_NAME = /(\.(test|spec)\.[cm]?[jt]sx?$)|(^test_[^/]*\.py$)|(_test\.(py|go)$)|((Test|Tests|IT|Spec|Suite)\.(java|kt|scala|cs|php)$)/;
const TEST_DIRS = new Set(['test', 'tests', '__tests__', 'spec', 'specs', 'testing']);

export function isTestPath(path: string): boolean {
  const parts = path.split('/');
  const base = parts[parts.length - 1]!;
  return TEST_NAME.test(base) || parts.slice(0, -1).some((p) => TEST_DIRS.has(p.toLowerCase()));
}

function cleanVersion(spec: string): string | null {
  const match = /\d+(\.\d+){0,3}/.exec(spec);
  return match ? match[0] : null;
}

function testFrameworks(manifests: readonly InventoryManifest[]): RepoInventory['testFrameworks'] {
  const out: RepoInventory['testFrameworks'] = [];
  for (const manifest of manifests) {
    const seen = new Set<string>();
    for (const [dep, spec] of manifest.dependencies) {
      const id = TEST_FRAMEWORKS[dep];
      if (!id || seen.has(id)) continue;
      seen.add(id);
      out.push({ id, version: cleanVersion(spec), manifest: manifest.path });
    }
  }
  return out.sort((a, b) => cmp(a.manifest, b.manifest) || cmp(a.id, b.id));
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * [tool, test on a path, dependency one of which must be declared (any manifest)]. Group 2 of the
 * test is the directory (or file) that shows the tool, group 1 what precedes it. More specific first.
 */
const MIGRATION_LAYOUTS: [string, RegExp, string[] | undefined][] = [
  ['prisma-migrate', /(^|\/)(prisma\/migrations)\//, undefined],
  ['alembic', /(^|\/)(alembic\.ini)$/, undefined],
  ['alembic', /(^|\/)([^/]+)\/versions\/[^/]+\.py$/, ['alembic']],
  ['django-migrations', /(^|\/)(migrations)\/\d{4}_[^/]+\.py$/, undefined],
  ['flyway', /(^|\/)(db\/migration)\/V\d[^/]*__[^/]+\.sql$/, undefined],
  ['liquibase', /(^|\/)(db\/changelog)\//, undefined],
  ['laravel-migrations', /(^|\/)(database\/migrations)\/[^/]+\.php$/, undefined],
  ['ef-core-migrations', /(^|\/)(Migrations)\/\d{8,}_[^/]+\.cs$/, undefined],
  ['diesel', /(^|\/)(migrations)\/[^/]+\/up\.sql$/, ['diesel']],
  ['sqlx', /(^|\/)(migrations)\/[^/]+\.sql$/, ['sqlx']],
  ['golang-migrate', /(^|\/)([^/]+)\/[^/]+\.up\.sql$/, ['github.com/golang-migrate/migrate/v4', 'github.com/golang-migrate/migrate']],
  ['goose', /(^|\/)(migrations?)\/[^/]+\.(sql|go)$/, ['github.com/pressly/goose/v3', 'github.com/pressly/goose']],
  ['knex', /(^|\/)(migrations)\/[^/]+\.[cm]?[jt]s$/, ['knex']],
  ['sequelize', /(^|\/)(migrations)\/[^/]+\.[cm]?[jt]s$/, ['sequelize-cli', 'sequelize']],
  ['typeorm', /(^|\/)(migrations?)\/[^/]+\.[jt]s$/, ['typeorm']],
  ['sql-files', /(^|\/)(migrations?)\/[^/]+\.sql$/, undefined],
];

function migrations(paths: readonly string[], manifests: readonly InventoryManifest[]): RepoInventory['migrations'] {
  const declared = new Set(manifests.flatMap((m) => [...m.dependencies.keys()]));
  const found = new Map<string, { tool: string; path: string }>();
  for (const path of [...paths].sort(cmp)) {
    for (const [tool, re, deps] of MIGRATION_LAYOUTS) {
      const match = re.exec(path);
      if (!match || (deps && !deps.some((d) => declared.has(d)))) continue;
      const where = path.slice(0, match.index + match[1]!.length + match[2]!.length);
      found.set(`${tool}\u0000${where}`, { tool, path: where });
      break;
    }
  }
  return [...found.values()].sort((a, b) => cmp(a.path, b.path) || cmp(a.tool, b.tool)).slice(0, MAX_MIGRATIONS);
}

/** The 1-based line of the first HEALTHCHECK instruction (other than HEALTHCHECK NONE), or null. */
export function healthcheckLine(dockerfile: string): number | null {
  const lines = dockerfile.split(/\r?\n/);
  let continued = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const starts = !continued;
    continued = line.endsWith('\\');
    if (!starts || line.startsWith('#')) continue;
    const [word, arg] = line.split(/\s+/, 2);
    if (word?.toUpperCase() === 'HEALTHCHECK' && arg?.toUpperCase() !== 'NONE') return i + 1;
  }
  return null;
}

/** Variable names declared by a dotenv file (`KEY=...`, `export KEY=...`); values are never kept. */
export function envKeys(text: string): string[] {
  const keys = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim().replace(/^export\s+/, '');
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const key = (eq < 0 ? line : line.slice(0, eq)).trim();
    if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(key)) keys.add(key);
  }
  return [...keys].sort(cmp);
}

const ENV_EXAMPLE = /(^|\/)(\.env\.(example|sample|template|dist|defaults)|(example|sample)\.env|env\.(example|sample))$/i;

export const isEnvExample = (path: string): boolean => ENV_EXAMPLE.test(path);
export const isDockerfile = (path: string): boolean => /(^|\/)(Dockerfile(\.[^/]+)?|[^/]+\.[Dd]ockerfile|Containerfile)$/.test(path);

export function buildInventory(input: InventoryInput): RepoInventory {
  return {
    testFiles: input.sourcePaths.filter(isTestPath).length,
    testFrameworks: testFrameworks(input.manifests),
    migrations: migrations([...input.sourcePaths, ...input.otherPaths], input.manifests),
    dockerfiles: input.dockerfiles.map((d) => ({ path: d.path, healthcheckLine: healthcheckLine(d.text) }))
      .sort((a, b) => cmp(a.path, b.path)),
    envExamples: input.envFiles.filter((f) => isEnvExample(f.path)).map((f) => ({ path: f.path, keys: envKeys(f.text) }))
      .sort((a, b) => cmp(a.path, b.path)),
  };
}

function readSmall(path: string): string | undefined {
  try {
    if (statSync(path).size > MAX_READ_BYTES) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Dockerfiles, SQL files, alembic.ini and Liquibase changelogs: inventory material the discovery lists but does not read. */
const OTHER_FILE = /(^|\/)(Dockerfile(\.[^/]+)?|[^/]+\.[dD]ockerfile|Containerfile|[^/]+\.sql|alembic\.ini)$|(^|\/)db\/changelog\//;

/** Picks Dockerfiles and migration-like files from the discovery's listing, reads the Dockerfiles, and builds the inventory. */
export function collectInventory(root: string, discovery: Discovery, manifests: readonly InventoryManifest[], extraIgnore: readonly string[] = []): RepoInventory {
  const ig = ignore().add([...extraIgnore]);
  const other = (discovery.paths ?? []).filter((p) => OTHER_FILE.test(p) && !ig.ignores(p)).sort(cmp);
  const dockerfiles = other.filter(isDockerfile)
    .map((path) => ({ path, text: readSmall(join(root, path)) }))
    .filter((d): d is { path: string; text: string } => d.text !== undefined);
  return buildInventory({
    sourcePaths: discovery.files.filter((f) => f.language !== 'text').map((f) => f.path),
    otherPaths: other.filter((p) => !isDockerfile(p)),
    manifests,
    dockerfiles,
    envFiles: discovery.files.filter((f) => f.language === 'text' && isEnvExample(f.path)),
  });
}
