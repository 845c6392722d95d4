// Config files: where they are found, what is valid, and how rule settings reach the findings.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RULES } from '../../rules/index.js';
import { ConfigError, validateConfig } from '../../src/engine/config-schema.js';
import { starterConfig } from '../../src/engine/config-template.js';
import { configSearchDirs, findConfigFile, loadConfigFile, rebaseGlobs } from '../../src/engine/config.js';
import { defineRule } from '../../src/engine/define-rule.js';
import { planRules } from '../../src/engine/rule-settings.js';
import { scan } from '../../src/engine/run.js';

const scratch = mkdtempSync(join(tmpdir(), 'backend-review-config-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const DEMO = join(import.meta.dirname, '..', '..', 'fixtures', 'apps', 'demo-express');

function write(path: string, text: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

/** A rule for these tests: one finding per endpoint whose path is not allowed. */
const endpointRule = defineRule({
  id: 'test-endpoint', title: 'Test endpoint', category: 'config', cwe: [], severity: 'warning', recommended: true,
  description: 'One finding per endpoint.', defaultOptions: { allow: ['/never'], verbose: false },
  *check({ model, options }) {
    for (const e of model.endpoints) {
      if (options.allow.includes(e.path)) continue;
      yield { key: `${e.method} ${e.path}`, location: e.location, message: `${e.method} ${e.path}${options.verbose ? ' (verbose)' : ''}.` };
    }
  },
});
const offByDefault = defineRule({ ...endpointRule, id: 'test-off', recommended: false, defaultOptions: {} });
const TEST_RULES = [endpointRule, offByDefault];

const errorOf = (raw: unknown): string => {
  try {
    validateConfig(raw, 'backend-review.config.yaml', scratch, TEST_RULES);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('no error');
};

describe('validateConfig', () => {
  it('accepts every documented key', () => {
    const config = validateConfig({
      extends: 'recommended', ignore: ['vendor/**'], failOn: 'warning',
      rules: { 'test-endpoint': ['error', { allow: ['/health'] }], 'test-off': 'note' },
      overrides: [{ files: 'legacy/**', rules: { 'test-endpoint': 'off' } }],
    }, 'c.yaml', scratch, TEST_RULES);
    expect(config).toMatchObject({
      extends: ['recommended'], ignore: ['vendor/**'], failOn: 'warning',
      rules: { 'test-endpoint': { level: 'error', options: { allow: ['/health'] } }, 'test-off': { level: 'note' } },
      overrides: [{ files: ['legacy/**'], rules: { 'test-endpoint': { level: 'off' } } }],
    });
  });

  it('names the file and the key of every mistake', () => {
    expect(errorOf({ rule: {} })).toBe('backend-review.config.yaml: rule: unknown key (known: extends, ignore, rules, overrides, failOn)');
    expect(errorOf({ rules: { 'no-such-rule': 'off' } })).toBe('backend-review.config.yaml: rules.no-such-rule: unknown rule id (run `backend-review rules` for the list)');
    expect(errorOf({ rules: { 'test-endpoint': 'fatal' } })).toMatch(/^backend-review\.config\.yaml: rules\.test-endpoint: expected one of off, error, warning, note/);
    expect(errorOf({ rules: { 'test-endpoint': ['error', { alow: [] }] } }))
      .toBe('backend-review.config.yaml: rules.test-endpoint[1].alow: unknown option of test-endpoint (known: allow, verbose)');
    expect(errorOf({ rules: { 'test-endpoint': ['error', { allow: '/x' }] } })).toBe('backend-review.config.yaml: rules.test-endpoint[1].allow: expected an array, got a string');
    expect(errorOf({ rules: { 'test-endpoint': ['error', { allow: [1] }] } })).toBe('backend-review.config.yaml: rules.test-endpoint[1].allow[0]: expected a string, got a number');
    expect(errorOf({ rules: { 'test-endpoint': ['error', { verbose: 'yes' }] } })).toBe('backend-review.config.yaml: rules.test-endpoint[1].verbose: expected a boolean, got a string');
    expect(errorOf({ rules: { 'test-off': ['error', { any: 1 }] } })).toMatch(/rules\.test-off\[1\]\.any: unknown option of test-off \(it takes no options\)/);
    expect(errorOf({ failOn: 'fatal' })).toMatch(/^backend-review\.config\.yaml: failOn: expected one of error, warning, note, none/);
    expect(errorOf({ extends: ['strict'] })).toMatch(/extends\[0\]: unknown preset "strict"/);
    expect(errorOf({ ignore: [''] })).toMatch(/ignore: expected a list of non-empty strings/);
    expect(errorOf({ overrides: [{ rules: {} }] })).toMatch(/overrides\[0\]\.files: missing/);
    expect(errorOf({ overrides: [{ files: ['x'], rule: {} }] })).toMatch(/overrides\[0\]\.rule: unknown key/);
    expect(errorOf({ overrides: [{ files: ['x'], rules: { nope: 'off' } }] })).toMatch(/overrides\[0\]\.rules\.nope: unknown rule id/);
    expect(errorOf(['rules'])).toMatch(/expected an object at the top level, got an array/);
  });
});

describe('config files', () => {
  it('reads YAML, JSON, .backend-reviewrc and package.json#backendReview, with one-line errors', () => {
    const dir = join(scratch, 'formats');
    expect(loadConfigFile(write(join(dir, 'a.yaml'), 'rules:\n  test-endpoint: error\n'), TEST_RULES).rules['test-endpoint']).toEqual({ level: 'error' });
    expect(loadConfigFile(write(join(dir, '.backend-reviewrc'), '{"failOn": "none"}'), TEST_RULES).failOn).toBe('none');
    expect(loadConfigFile(write(join(dir, 'package.json'), '{"name":"x","backendReview":{"ignore":["gen/**"]}}'), TEST_RULES).ignore).toEqual(['gen/**']);
    expect(loadConfigFile(write(join(dir, 'empty.yml'), '# nothing yet\n'), TEST_RULES).rules).toEqual({});
    const bad = write(join(dir, 'bad.yaml'), 'rules:\n  test-endpoint: error\n   oops: [\n');
    expect(() => loadConfigFile(bad, TEST_RULES, 'bad.yaml')).toThrow(/^bad\.yaml: not valid YAML at line \d/);
    const badJson = write(join(dir, 'bad.json'), '{"rules": }');
    expect(() => loadConfigFile(badJson, TEST_RULES, 'bad.json')).toThrow(/^bad\.json: not valid JSON/);
    expect(() => loadConfigFile(join(dir, 'missing.yaml'), TEST_RULES, 'missing.yaml')).toThrow('missing.yaml: no such file');
    const pkgKey = write(join(dir, 'p', 'package.json'), '{"backendReview":{"rules":{"nope":"off"}}}');
    expect(() => loadConfigFile(pkgKey, TEST_RULES, 'package.json')).toThrow('package.json#backendReview: rules.nope: unknown rule id');
  });

  it('is found from the scanned directory up to the repository root, nearest first, in name order', () => {
    const repo = join(scratch, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'services', 'api', 'src'), { recursive: true });
    const scanned = join(repo, 'services', 'api');
    expect(configSearchDirs(scanned)).toEqual([scanned, join(repo, 'services'), repo]);
    expect(findConfigFile(scanned)).toBeUndefined();
    write(join(repo, 'package.json'), '{"name":"mono"}'); // no backendReview key: not a config
    expect(findConfigFile(scanned)).toBeUndefined();
    write(join(repo, '.backend-reviewrc.yml'), 'failOn: note\n');
    expect(findConfigFile(scanned)).toBe(join(repo, '.backend-reviewrc.yml'));
    write(join(repo, 'backend-review.config.json'), '{}');
    expect(findConfigFile(scanned)).toBe(join(repo, 'backend-review.config.json'));
    write(join(repo, 'services', 'package.json'), '{"backendReview":{}}');
    expect(findConfigFile(scanned)).toBe(join(repo, 'services', 'package.json'));
    write(join(scanned, 'backend-review.config.yaml'), '');
    expect(findConfigFile(scanned)).toBe(join(scanned, 'backend-review.config.yaml'));
  });

  it('is not looked for above the scanned directory outside a repository', () => {
    const outside = join(scratch, 'no-repo', 'app');
    mkdirSync(outside, { recursive: true });
    write(join(scratch, 'no-repo', 'backend-review.config.yaml'), 'failOn: none\n');
    if (configSearchDirs(outside).length === 1) expect(findConfigFile(outside)).toBeUndefined();
  });

  it('rebases ignore globs from the config directory to the scanned one', () => {
    const globs = ['vendor', '**/generated/**', '/services/api/legacy/**', 'services/api/*.gen.ts', '/docs', '!services/api/keep.ts'];
    expect(rebaseGlobs(globs, '/repo', '/repo/services/api')).toEqual(['vendor', '**/generated/**', 'legacy/**', '*.gen.ts', '!keep.ts']);
    expect(rebaseGlobs(globs, '/repo', '/repo')).toEqual(globs);
    expect(rebaseGlobs(globs, '/repo/a', '/repo/b')).toEqual([]);
  });

  it('the README example is a valid config', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const block = /## Configuration[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
    const config = validateConfig(parse(block), 'README', scratch, RULES);
    expect(config.rules['cors-allows-any-origin']).toEqual({ level: 'off' });
    expect(config.failOn).toBe('warning');
  });

  it('init writes a starter that is itself a valid config, also with every rule line uncommented', () => {
    const text = starterConfig(RULES);
    const path = write(join(scratch, 'starter', 'backend-review.config.yaml'), text);
    const config = loadConfigFile(path, RULES);
    expect(config).toMatchObject({ extends: ['recommended'], ignore: [], rules: {}, overrides: [], failOn: 'error' });
    expect(text).toContain('# sql-built-by-concatenation:');
    const uncommented = text.replace(/^ {2}# ([a-z0-9-]+:.*?)(\s+\(off unless listed here\))?$/gm, '  $1');
    const raw = parse(uncommented) as { rules: Record<string, unknown> };
    expect(Object.keys(raw.rules).sort()).toEqual(RULES.map((r) => r.id).sort());
    expect(() => validateConfig(raw, 'starter', scratch, RULES)).not.toThrow();
  });
});

describe('rule settings', () => {
  const root = scratch;
  const config = (raw: unknown) => validateConfig(raw, 'c.yaml', scratch, TEST_RULES);

  it('runs recommended rules by default; extends [] and levels switch rules on and off', () => {
    const on = (plans: ReturnType<typeof planRules>) => plans.filter((p) => p.variants.length).map((p) => p.rule.id);
    expect(on(planRules(TEST_RULES, { root }))).toEqual(['test-endpoint']);
    expect(on(planRules(TEST_RULES, { root, config: config({ extends: [] }) }))).toEqual([]);
    expect(on(planRules(TEST_RULES, { root, config: config({ rules: { 'test-endpoint': 'off', 'test-off': 'note' } }) }))).toEqual(['test-off']);
    expect(on(planRules(TEST_RULES, { root, onlyRules: ['test-off'], config: config({ rules: { 'test-off': 'off' } }) }))).toEqual(['test-off']);
    expect(on(planRules(TEST_RULES, { root, alsoEnable: ['test-off'] }))).toEqual(['test-endpoint', 'test-off']);
  });

  it('merges options over the defaults and applies overrides in order, per file', () => {
    const [plan] = planRules(TEST_RULES, { root, config: config({
      rules: { 'test-endpoint': ['error', { verbose: true }] },
      overrides: [
        { files: ['src/routes/**'], rules: { 'test-endpoint': ['note', { allow: ['/api/products'] }] } },
        { files: ['src/routes/users.js'], rules: { 'test-endpoint': 'off' } },
      ],
    }) });
    expect(plan!.settingFor('src/server.js')).toMatchObject({ enabled: true, severity: 'error', options: { allow: ['/never'], verbose: true } });
    expect(plan!.settingFor('src/routes/products.js')).toMatchObject({ enabled: true, severity: 'note', options: { allow: ['/api/products'], verbose: true } });
    expect(plan!.settingFor('src/routes/users.js').enabled).toBe(false);
    expect(plan!.variants.map((v) => v.options)).toEqual([{ allow: ['/never'], verbose: true }, { allow: ['/api/products'], verbose: true }]);
  });

  it('reach the findings of a scan: severity, options and per-path overrides', async () => {
    const base = await scan({ root: DEMO, rules: TEST_RULES });
    const endpoints = base.findings.filter((f) => f.ruleId === 'test-endpoint');
    expect(endpoints.length).toBe(5);
    expect(new Set(endpoints.map((f) => f.severity))).toEqual(new Set(['warning']));

    const configured = await scan({ root: DEMO, rules: TEST_RULES, config: validateConfig({
      rules: { 'test-endpoint': ['error', { verbose: true }] },
      overrides: [{ files: ['src/routes/users.js'], rules: { 'test-endpoint': ['note', { allow: ['/api/users/login'] }] } }],
    }, 'c.yaml', DEMO, TEST_RULES) });
    const found = configured.findings.map((f) => `${f.location.file} ${f.severity} ${f.message}`);
    expect(found.filter((f) => f.startsWith('src/routes/users.js'))).toEqual(['src/routes/users.js note GET /api/users/me (verbose).']);
    expect(found.filter((f) => !f.startsWith('src/routes/users.js')).every((f) => / error .*\(verbose\)\.$/.test(f))).toBe(true);
    expect(found).toHaveLength(4);
    // Fingerprints do not depend on which option set produced the finding.
    const me = (r: typeof base) => r.findings.find((f) => f.message.startsWith('GET /api/users/me'))!.fingerprint;
    expect(me(configured)).toBe(me(base));
  });
});
