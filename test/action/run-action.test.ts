// The action's script run as a runner runs it: compiled JavaScript, INPUT_* variables, and
// GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files in a temporary directory; the CLI is the compiled one
// next to it, as in the action's own checkout.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineHashes } from '../../src/engine/line-hash.js';
import { validateSarif } from '../helpers/schemas.js';

const ROOT = join(import.meta.dirname, '..', '..');
// The project's own build (npm test runs tsc first), as the action itself runs it after `npm ci`.
const BUILD = join(ROOT, 'dist');
const SCRIPT = join(BUILD, 'src', 'action', 'run-action.js');
const workspace = mkdtempSync(join(tmpdir(), 'backend-review-action-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

beforeAll(() => {
  cpSync(join(ROOT, 'fixtures', 'apps', 'demo-express'), join(workspace, 'app'), { recursive: true });
}, 300_000);

function runAction(inputs: Record<string, string>, name: string) {
  const output = join(workspace, `${name}.output`);
  const summary = join(workspace, `${name}.summary.md`);
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH, HOME: process.env.HOME, CI: 'true', GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, RUNNER_TEMP: workspace,
  };
  for (const [key, value] of Object.entries(inputs)) env[`INPUT_${key.toUpperCase()}`] = value;
  const res = spawnSync(process.execPath, [SCRIPT], { cwd: workspace, env, encoding: 'utf8' });
  const outputs = Object.fromEntries(readFileSync(output, 'utf8').split('\n').filter(Boolean).map((l) => l.split(/=(.*)/s).slice(0, 2)));
  return { code: res.status, stdout: res.stdout, stderr: res.stderr, outputs, summary: readFileSync(summary, 'utf8') };
}

describe('the action script, run as a runner runs it', () => {
  it('was compiled', () => {
    expect(existsSync(SCRIPT), SCRIPT).toBe(true);
    expect(existsSync(join(BUILD, 'bundle', 'backend-review.js'))).toBe(true);
  });

  it('writes the SARIF, the outputs and a job summary, and fails on findings', () => {
    const first = runAction({ path: 'app', 'sarif-file': 'reports/first.sarif', args: '--write-baseline baseline.json', category: 'demo' }, 'first');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(1);
    const sarifPath = join(workspace, 'reports', 'first.sarif');
    expect(first.outputs['sarif-file']).toBe(sarifPath);
    const log = JSON.parse(readFileSync(sarifPath, 'utf8')) as Log;
    expect(validateSarif(log)).toEqual([]);
    const results = log.runs[0]!.results!;
    expect(Number(first.outputs.findings)).toBe(results.length);
    expect(Number(first.outputs.errors)).toBe(results.filter((r) => r.level === 'error').length);
    expect(Number(first.outputs.errors)).toBeGreaterThan(0);
    expect(log.runs[0]!.automationDetails).toEqual({ id: 'demo/' });
    const r0 = results[0]!;
    const file = decodeURIComponent(r0.locations![0]!.physicalLocation!.artifactLocation!.uri!);
    const line = r0.locations![0]!.physicalLocation!.region!.startLine!;
    expect(r0.partialFingerprints!.primaryLocationLineHash).toBe(lineHashes(readFileSync(join(workspace, 'app', file), 'utf8'))[line - 1]);
    expect(first.summary).toMatch(/^## backend-review: \d+ errors?, \d+ warnings?, \d+ notes?\n/);
    expect(first.summary).toContain('5 endpoints');
    expect(first.summary).toContain('### Checklist');
    expect(first.summary).toContain('| `sqli` | fail |');
    expect(first.summary).toContain('### Top findings');
    expect(first.summary).toContain('| error | `');
    expect(first.summary).toContain(': failed');
    expect(existsSync(join(workspace, 'baseline.json'))).toBe(true);
    expect(first.stdout).toContain('Findings');
  });

  it('a second run with the baseline reports 0 new findings and exits 0', () => {
    const second = runAction({ path: 'app', baseline: 'baseline.json' }, 'second');
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(second.outputs).toEqual({ 'sarif-file': join(workspace, 'backend-review.sarif'), findings: '0', errors: '0' });
    expect(second.summary).toMatch(/^## backend-review: new findings: 0 errors, 0 warnings, 0 notes\n/);
    expect(second.summary).toMatch(/\d+ known findings from the baseline not counted/);
    expect(second.summary).toContain('No new findings.');
    const log = JSON.parse(readFileSync(join(workspace, 'backend-review.sarif'), 'utf8')) as Log;
    expect(new Set(log.runs[0]!.results!.map((r) => r.baselineState))).toEqual(new Set(['unchanged']));
  });

  it('fails with exit code 2 and an error summary for bad input, a missing baseline or a bad config', () => {
    const badInput = runAction({ 'fail-on': 'sometimes' }, 'bad-input');
    expect(badInput.code).toBe(2);
    expect(badInput.summary).toContain('## backend-review: the scan did not run');
    expect(badInput.summary).toContain('input fail-on must be one of');
    const missing = runAction({ path: 'app', baseline: 'missing.json', 'sarif-file': 'missing.sarif' }, 'missing');
    expect(missing.code).toBe(2);
    expect(missing.outputs).toEqual({});
    expect(missing.summary).toMatch(/baseline .*missing\.json: no such file/);
    writeFileSync(join(workspace, 'bad.yaml'), 'rules:\n  no-such-rule: off\n');
    const badConfig = runAction({ path: 'app', args: '--config bad.yaml', 'sarif-file': 'bad.sarif' }, 'bad-config');
    expect(badConfig.code).toBe(2);
    expect(badConfig.summary).toContain('bad.yaml: rules.no-such-rule: unknown rule id');
  });

  it('honours fail-on none', () => {
    const res = runAction({ path: 'app', 'fail-on': 'none', 'sarif-file': 'none.sarif', upload: 'false' }, 'none');
    expect(res.code).toBe(0);
    expect(Number(res.outputs.findings)).toBeGreaterThan(0);
    expect(res.stdout).toContain('upload is false');
    expect(res.summary).toContain('fail-on none: passed');
  });
});
