// Secrets never leave: known fake credentials are planted in a copy of fixtures/hostile (source,
// .env, a private key, broken manifests and a broken config next to them) and no output of the
// built CLI may contain any of them whole: console text, JSON, SARIF, markdown, HTML, the
// baseline, the cache, error messages on stderr.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hostileCopy, plantedNeedles, PLANTED, runCli, scratchDir } from './helpers.js';

const out = scratchDir('secrets-out');
const tree = hostileCopy('secrets');
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(tree, { recursive: true, force: true });
});

function leaks(label: string, text: string): string[] {
  return plantedNeedles().filter((n) => text.includes(n.value)).map((n) => `${label} contains ${n.name}`);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('planted secrets', () => {
  it('are really in the scanned tree (the test would see a leak)', () => {
    const env = readFileSync(join(tree, '.env'), 'utf8');
    expect(env).toContain(PLANTED.AWS_SECRET_ACCESS_KEY);
    expect(readFileSync(join(tree, 'src', 'server.js'), 'utf8')).toContain(PLANTED.JWT_SECRET);
    expect(readFileSync(join(tree, 'deploy', 'id_rsa'), 'utf8')).toContain(PLANTED.PRIVATE_KEY_BODY);
    expect(readFileSync(join(tree, 'legacy', 'package.json'), 'utf8')).toContain(PLANTED.DB_PASSWORD);
  });

  it('are found and reported redacted, and appear whole in no output of a scan', () => {
    const cacheDir = join(out, 'cache');
    const files = { sarif: join(out, 'r.sarif'), json: join(out, 'r.json'), report: join(out, 'r.md'), html: join(out, 'r.html'), baseline: join(out, 'baseline.json') };
    const run = runCli([tree, '--sarif', files.sarif, '--json', files.json, '--report', files.report, '--html', files.html, '--write-baseline', files.baseline, '--cache-dir', cacheDir, '--fail-on', 'none']);
    expect(run.code).toBe(0);
    const found: string[] = [];
    found.push(...leaks('console text', run.stdout + run.stderr));
    for (const [name, path] of Object.entries(files)) found.push(...leaks(name, readFileSync(path, 'utf8')));
    expect(filesUnder(cacheDir).length).toBeGreaterThan(0); // the cache is checked below

    // Every other format on stdout, with --debug, and a second run that reads the cache back.
    for (const format of ['json', 'sarif', 'markdown', 'html', 'text']) {
      const again = runCli([tree, '--format', format, '--cache-dir', cacheDir, '--fail-on', 'none', '--debug', '--progress']);
      expect(again.code).toBe(0);
      found.push(...leaks(`--format ${format}`, again.stdout + again.stderr));
    }
    expect(found).toEqual([]);

    // The secrets were seen: each planted file has a secrets finding, reported redacted.
    const doc = JSON.parse(readFileSync(files.json, 'utf8'));
    const secretFiles = new Set(doc.findings.filter((f: { category: string }) => f.category === 'secrets').map((f: { file: string }) => f.file));
    expect([...secretFiles].sort()).toEqual(expect.arrayContaining(['.env', 'deploy/id_rsa', 'src/server.js', 'src/settings.py']));
    // Broken manifests next to secrets are reported, without the text around the error.
    const sarif = JSON.parse(readFileSync(files.sarif, 'utf8'));
    const notes: string[] = sarif.runs[0].invocations[0].toolExecutionNotifications.map((n: { message: { text: string } }) => n.message.text);
    expect(notes.filter((n) => n.startsWith('legacy/')).sort()).toEqual([
      expect.stringMatching(/^legacy\/composer\.json: could not be parsed/),
      expect.stringMatching(/^legacy\/package\.json: could not be parsed/),
      expect.stringMatching(/^legacy\/pyproject\.toml: could not be parsed/),
    ]);
  });

  // `constant` facts keep string values for route prefixes; credential-like values are dropped
  // before facts leave the extractor, so neither the cache nor shard files carry them.
  it('never reach the cache', () => {
    const cacheDir = join(out, 'cache-known-leak');
    expect(runCli([tree, '--cache-dir', cacheDir, '--quiet', '--fail-on', 'none']).code).toBe(0);
    const doc = JSON.parse(readFileSync(join(cacheDir, 'extraction-cache.json'), 'utf8')) as { files: Record<string, { result: { facts: { kind: string }[]; notifications: unknown[] } }> };
    const carriers: string[] = [];
    for (const [path, entry] of Object.entries(doc.files)) {
      for (const fact of entry.result.facts) for (const leak of leaks(fact.kind, JSON.stringify(fact))) carriers.push(`${path}: ${leak}`);
      for (const leak of leaks('notification', JSON.stringify(entry.result.notifications))) carriers.push(`${path}: ${leak}`);
    }
    expect(carriers.sort()).toEqual([]);
    expect(leaks('cache', readFileSync(join(cacheDir, 'extraction-cache.json'), 'utf8'))).toEqual([]);
  });

  it('do not leak through the error for a broken config file in the scanned tree', () => {
    const config = join(tree, 'backend-review.config.json');
    writeFileSync(config, `{ "rules": { "x": ${PLANTED.DB_PASSWORD} } }\n`);
    try {
      const run = runCli([tree, '--no-cache']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/backend-review\.config\.json.*not valid JSON/);
      expect(leaks('stderr', run.stdout + run.stderr)).toEqual([]);
    } finally {
      rmSync(config);
    }
  });

  it('do not leak through `report --from` of a saved result', () => {
    const saved = join(out, 'r.json');
    expect(statSync(saved).isFile()).toBe(true);
    for (const format of ['markdown', 'html']) {
      const run = runCli(['report', '--from', saved, '--format', format]);
      expect(run.code).toBe(0);
      expect(leaks(`report --format ${format}`, run.stdout + run.stderr)).toEqual([]);
    }
  });
});
