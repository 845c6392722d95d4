// The CLI options of config, baselines, diffs and suppressions, run in-process through main().
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/program.js';

const scratch = mkdtempSync(join(tmpdir(), 'backend-review-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const DEMO = join(import.meta.dirname, '..', '..', 'fixtures', 'apps', 'demo-express');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  process.exitCode = 0;
  try {
    await main(['node', 'backend-review', ...args]);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { code, stdout, stderr };
}

/** A copy of the demo app as its own repository root (a .git directory stops the config search). */
function demoCopy(name: string): string {
  const dir = join(scratch, name);
  cpSync(DEMO, dir, { recursive: true });
  mkdirSync(join(dir, '.git'));
  return dir;
}

describe('backend-review init', () => {
  it('writes a commented starter config and refuses to overwrite it', async () => {
    const dir = join(scratch, 'init');
    mkdirSync(dir);
    const first = await cli('init', dir);
    expect(first.code).toBe(0);
    const text = readFileSync(join(dir, 'backend-review.config.yaml'), 'utf8');
    expect(text).toMatch(/^# backend-review configuration\./);
    expect(text).toContain('failOn: error');
    const second = await cli('init', dir);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/^backend-review: refusing to overwrite .*backend-review\.config\.yaml: it exists\n$/);
    expect(readFileSync(join(dir, 'backend-review.config.yaml'), 'utf8')).toBe(text);
  });
});

describe('config on the command line', () => {
  it('exits 2 with one line naming the file and the key', async () => {
    const bad = join(scratch, 'bad.yaml');
    writeFileSync(bad, 'rules:\n  sql-built-by-concatenation: [error, { ignoreSink: [] }]\n');
    const res = await cli(DEMO, '--config', bad, '-q');
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(`backend-review: ${bad}: rules.sql-built-by-concatenation[1].ignoreSink: unknown option of sql-built-by-concatenation (known: ignoreSinks)\n`);
    const missing = await cli(DEMO, '--config', join(scratch, 'none.yaml'), '-q');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/none\.yaml: no such file\n$/);
  });

  it('is found in the scanned directory; its failOn applies unless --fail-on is given', async () => {
    const app = demoCopy('config-found');
    expect((await cli(app, '-q')).code).toBe(1);
    writeFileSync(join(app, 'backend-review.config.yaml'), 'failOn: none\nrules:\n  sql-built-by-concatenation: note\n');
    expect((await cli(app, '-q')).code).toBe(0);
    expect((await cli(app, '-q', '--fail-on', 'error')).code).toBe(1);
    const json = JSON.parse((await cli(app, '--format', 'json')).stdout) as { findings: { ruleId: string; severity: string; file: string }[] };
    const sql = json.findings.filter((f) => f.ruleId === 'sql-built-by-concatenation');
    expect(sql.length).toBe(2);
    expect(sql.every((f) => f.severity === 'note')).toBe(true);
    expect(json.findings.some((f) => f.file === 'backend-review.config.yaml')).toBe(false);
  });
});

describe('baselines on the command line', () => {
  it('a second run with --baseline reports 0 new findings and exits 0', async () => {
    const base = join(scratch, 'demo-baseline.json');
    const first = await cli(DEMO, '--write-baseline', base, '-q');
    expect(first.code).toBe(1);
    const written = JSON.parse(readFileSync(base, 'utf8')) as { total: number; tool: { name: string } };
    expect(written.tool.name).toBe('backend-review');
    expect(written.total).toBeGreaterThan(3);
    const second = await cli(DEMO, '--baseline', base, '--fail-on', 'note');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Findings: none');
    expect(second.stdout).toContain(`${written.total} known finding(s) from the baseline were left out; 0 new.`);
    const sarif = JSON.parse((await cli(DEMO, '--baseline', base, '--format', 'sarif')).stdout) as Log;
    expect(sarif.runs[0]!.results!.map((r) => r.baselineState)).toEqual(Array(written.total).fill('unchanged'));
  });

  it('exits 2 for a missing or corrupt baseline file', async () => {
    const missing = await cli(DEMO, '--baseline', join(scratch, 'nope.json'), '-q');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^backend-review: baseline .*nope\.json: no such file; write one with --write-baseline\n$/);
    const corrupt = join(scratch, 'corrupt.json');
    writeFileSync(corrupt, '{"tool": {"name": "backend-review"}');
    const bad = await cli(DEMO, '--baseline', corrupt, '-q');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^backend-review: baseline .*corrupt\.json: not valid JSON/);
  });

  it('--changed-since with an unknown ref exits 2', async () => {
    const app = demoCopy('changed');
    rmSync(join(app, '.git'), { recursive: true });
    execFileSync('git', ['init', '-q'], { cwd: app });
    const res = await cli(app, '--changed-since', 'no-such-ref-123', '-q');
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^backend-review: --changed-since no-such-ref-123: git diff failed: fatal: .*no-such-ref-123.*\n$/);
  });
});

describe('suppressions on the command line', () => {
  const app = demoCopy('suppressed');
  const server = join(app, 'src', 'server.js');
  const lines = readFileSync(server, 'utf8').split('\n');
  const corsLine = lines.findIndex((l) => l.includes('cors('));
  lines.splice(corsLine, 0, '// backend-review-ignore cors-reflects-request-origin: internal admin tool behind the VPN');
  lines.splice(0, 0, '// backend-review-ignore hardcoded-secret: nothing here any more');
  writeFileSync(server, lines.join('\n'));

  it('leaves suppressed findings out of SARIF unless --include-suppressed', async () => {
    const plain = JSON.parse((await cli(app, '--format', 'sarif', '--fail-on', 'none')).stdout) as Log;
    expect(plain.runs[0]!.results!.some((r) => r.ruleId === 'cors-reflects-request-origin')).toBe(false);
    const kept = JSON.parse((await cli(app, '--format', 'sarif', '--include-suppressed', '--fail-on', 'none')).stdout) as Log;
    const cors = kept.runs[0]!.results!.find((r) => r.ruleId === 'cors-reflects-request-origin')!;
    expect(cors.suppressions).toEqual([{ kind: 'inSource', justification: 'internal admin tool behind the VPN' }]);
  });

  it('reports stale suppressions with --report-unused-suppressions only', async () => {
    const ids = async (...args: string[]) => (JSON.parse((await cli(app, '--format', 'json', '--fail-on', 'none', ...args)).stdout) as { findings: { ruleId: string; line: number }[] })
      .findings.filter((f) => f.ruleId.endsWith('-suppression')).map((f) => `${f.ruleId}:${f.line}`);
    expect(await ids()).toEqual([]);
    expect(await ids('--report-unused-suppressions')).toEqual(['unused-suppression:1']);
  });

  it('explains every new option in --help', async () => {
    const help = await cli('--help');
    for (const option of ['--config', '--baseline', '--write-baseline', '--changed-since', '--include-suppressed', '--report-unused-suppressions']) {
      expect(help.stdout).toContain(option);
    }
    expect(help.stdout).toContain('init');
    expect(existsSync(join(app, 'backend-review.config.yaml'))).toBe(false);
  });
});
