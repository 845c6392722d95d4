// Runs the built CLI as a user would (node dist/bundle/backend-review.js) on the fixture apps.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateSarif, validateScanJson } from '../helpers/schemas.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'bundle', 'backend-review.js');
const APPS = join(ROOT, 'fixtures', 'apps');
const scratch = mkdtempSync(join(tmpdir(), 'backend-review-e2e-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(args: string[], cwd = ROOT) {
  const out = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe('the built CLI', () => {
  it('exists (npm run build ran)', () => {
    expect(existsSync(CLI), `${CLI} missing: run npm run build`).toBe(true);
  });

  const apps = readdirSync(APPS).filter((name) => existsSync(join(APPS, name, 'expected-endpoints.txt'))).sort();
  it('has fixture apps with expected endpoints', () => {
    expect(apps.length).toBeGreaterThan(0);
  });

  for (const app of apps) {
    it(`finds exactly the expected endpoints of fixtures/apps/${app}, with valid JSON and SARIF`, () => {
      const json = run([join(APPS, app), '--format', 'json', '--fail-on', 'none']);
      expect(json.stderr).toBe('');
      expect(json.code).toBe(0);
      const doc = JSON.parse(json.stdout);
      expect(validateScanJson(doc)).toEqual([]);
      const found = [...new Set(doc.endpoints.map((e: { method: string; path: string }) => `${e.method} ${e.path}`))].sort();
      const expected = readFileSync(join(APPS, app, 'expected-endpoints.txt'), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean).sort();
      expect(found).toEqual(expected);
      // Files of static-file mounts are listed apart (`staticFiles`), against their own list.
      const staticPath = join(APPS, app, 'expected-static-files.txt');
      const expectedStatic = existsSync(staticPath) ? readFileSync(staticPath, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean).sort() : [];
      expect([...new Set((doc.staticFiles ?? []).map((e: { method: string; path: string }) => `${e.method} ${e.path}`))].sort()).toEqual(expectedStatic);
      const sarif = run([join(APPS, app), '--format', 'sarif', '--fail-on', 'none']);
      expect(validateSarif(JSON.parse(sarif.stdout))).toEqual([]);
    });
  }

  it('reports the demo app findings, exits 1 at --fail-on error and writes all outputs', () => {
    const sarifFile = join(scratch, 'demo.sarif');
    const jsonFile = join(scratch, 'demo.json');
    const reportFile = join(scratch, 'report', 'demo.md');
    const res = run([join(APPS, 'demo-express'), '--sarif', sarifFile, '--json', jsonFile, '--report', reportFile]);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/errors?/);
    const doc = JSON.parse(readFileSync(jsonFile, 'utf8'));
    const rules = new Set(doc.findings.map((f: { ruleId: string }) => f.ruleId));
    expect(rules.size).toBeGreaterThan(0);
    expect(validateSarif(JSON.parse(readFileSync(sarifFile, 'utf8')))).toEqual([]);
    expect(readFileSync(reportFile, 'utf8')).toContain('/api/users/login');
  });

  it('gives byte-identical JSON on a rerun (apart from the duration)', () => {
    const strip = (s: string) => s.replace(/"durationMs": \d+(\.\d+)?/, '"durationMs": 0');
    const a = run([join(APPS, 'demo-express'), '--format', 'json', '--fail-on', 'none']);
    const b = run([join(APPS, 'demo-express'), '--format', 'json', '--fail-on', 'none']);
    expect(strip(a.stdout)).toBe(strip(b.stdout));
  });

  it('exits 2 with one clear line for a missing directory, a file, and a bad option', () => {
    const missing = run([join(scratch, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^backend-review: cannot scan .*no such file or directory\n$/);
    const file = join(scratch, 'file.txt');
    writeFileSync(file, 'x');
    const notDir = run([file]);
    expect(notDir.code).toBe(2);
    expect(notDir.stderr).toContain('not a directory');
    const badFormat = run([APPS, '--format', 'xml']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('--format must be one of');
    expect(badFormat.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('refuses to overwrite a file it did not write, unless --force', () => {
    const target = join(scratch, 'notes.md');
    writeFileSync(target, 'my own notes\n');
    const refused = run([join(APPS, 'demo-express'), '--report', target, '--quiet']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('refusing to overwrite');
    expect(readFileSync(target, 'utf8')).toBe('my own notes\n');
    const forced = run([join(APPS, 'demo-express'), '--report', target, '--quiet', '--force', '--fail-on', 'none']);
    expect(forced.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('backend-review');
  });

  it('prints help that explains every option, and the version', () => {
    const help = run(['--help']);
    expect(help.code).toBe(0);
    for (const option of ['--format', '--sarif', '--json', '--report', '--fail-on', '--quiet', '--version', '--ignore', '--progress', '--force']) {
      expect(help.stdout).toContain(option);
    }
    const version = run(['--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
