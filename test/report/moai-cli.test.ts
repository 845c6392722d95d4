// The built CLI on the MoAI-ADK fixture (Korean config, one SPEC, @API/@TEST TAGs, one orphan):
// where the architecture report goes, in which language, and re-rendering from a saved result.
// Uses dist/ like test/e2e (npm test builds first); BACKEND_REVIEW_CLI points elsewhere.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = resolve(process.env.BACKEND_REVIEW_CLI ?? join(ROOT, 'dist', 'bundle', 'backend-review.js'));
const FIXTURE = join(ROOT, 'fixtures', 'apps', 'moai-korean');
const REPORT = join('.moai', 'docs', 'backend-architecture-SPEC-AUTH-001.md');
const scratch = mkdtempSync(join(tmpdir(), 'backend-review-moai-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let copies = 0;
/** A fresh copy of the fixture (the CLI writes into the scanned directory). */
function copy(): string {
  const dir = join(scratch, `repo${++copies}`);
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

function run(args: string[]) {
  const out = spawnSync(process.execPath, [CLI, ...args], { cwd: scratch, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => statSync(join(dir, p)).isFile()).map((p) => p.split('\\').join('/')).sort();
}

describe('backend-review on a MoAI-ADK repository', () => {
  it('has a built CLI to run', () => {
    expect(existsSync(CLI), `${CLI} missing: run npm run build`).toBe(true);
  });

  it('writes the Korean report to .moai/docs/backend-architecture-<SPEC-ID>.md by default, and only that file', () => {
    const dir = copy();
    const before = files(dir);
    const res = run([dir, '--fail-on', 'none']);
    expect(res.code).toBe(0);
    expect(res.stderr).toBe(`backend-review: wrote the architecture report to ${join(dir, REPORT)}\n`);
    expect(res.stdout).toContain('Endpoints: 4'); // the console summary still goes to stdout
    expect(files(dir)).toEqual([...before, '.moai/docs/backend-architecture-SPEC-AUTH-001.md'].sort());
    const md = readFileSync(join(dir, REPORT), 'utf8');
    expect(md.split('\n')[0]).toBe(`# 백엔드 아키텍처: ${relative(scratch, dir)}`);
    expect(md).toContain('- SPEC: `SPEC-AUTH-001`');
    expect(md).toContain('## TAG 체인');
    expect(md).toContain('| `AUTH-001` | [`.moai/specs/SPEC-AUTH-001`](<../../.moai/specs/SPEC-AUTH-001>), [`src/routes/auth.js:1`]');
    expect(md).toContain('### 고아 TAG (1)\n\n- `@API:PROFILE-001`, 위치 [`src/routes/users.js:8`](<../../src/routes/users.js#L8>): '
      + 'PROFILE-001에 대한 SPEC 문서나 @SPEC TAG가 없음');
    expect(md).toContain('### 끊어진 링크 (0)');
    expect(md).toContain('| `POST` | `/auth/login` | [`src/routes/auth.js:17`](<../../src/routes/auth.js#L17>) | 없음 | - | `@API:AUTH-001` | - |');
    expect(md).toContain('- 테스트 프레임워크: `supertest` 7.0.0 (`package.json`), `vitest` 2.1.8 (`package.json`)');
    expect(md).toContain('- [`Dockerfile`](<../../Dockerfile>): HEALTHCHECK 위치 [`Dockerfile:6`](<../../Dockerfile#L6>)');
    expect(md).toContain('- `knex`: [`migrations`](<../../migrations>)');

    // a rerun rewrites its own file, byte for byte
    expect(run([dir, '--fail-on', 'none']).code).toBe(0);
    expect(readFileSync(join(dir, REPORT), 'utf8')).toBe(md);
  });

  it('writes nothing into the repository when another output is asked for', () => {
    const dir = copy();
    expect(run([dir, '--format', 'json', '--fail-on', 'none']).code).toBe(0);
    expect(run([dir, '--sarif', join(scratch, 'x.sarif'), '--fail-on', 'none', '-q']).code).toBe(0);
    expect(existsSync(join(dir, '.moai', 'docs'))).toBe(false);
  });

  it('--moai with --spec and --lang en overrides the detected SPEC and the configured language', () => {
    const dir = copy();
    const res = run([dir, '--moai', '--spec', 'SPEC-PROFILE-001', '--lang', 'en', '--format', 'json', '--fail-on', 'none']);
    expect(res.code).toBe(0);
    JSON.parse(res.stdout);
    const md = readFileSync(join(dir, '.moai', 'docs', 'backend-architecture-SPEC-PROFILE-001.md'), 'utf8');
    expect(md).toContain('# Backend architecture: ');
    expect(md).toContain('- SPEC: `SPEC-PROFILE-001`');
    expect(md).toContain('### Orphan TAGs (1)');
    expect(run([dir, '--moai', '--spec', 'profile-1']).stderr).toContain('--spec must be a SPEC-ID');
  });

  it('writes backend-architecture.md in a repository without a SPEC, creating .moai/docs', () => {
    const dir = copy();
    rmSync(join(dir, '.moai'), { recursive: true });
    for (const file of ['src/routes/auth.js']) writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace('@SPEC:AUTH-001', 'no TAG'));
    const res = run([dir, '--moai', '--fail-on', 'none', '-q']);
    expect(res.code).toBe(0);
    expect(res.stderr).toContain(join(dir, '.moai', 'docs', 'backend-architecture.md'));
    expect(readFileSync(join(dir, '.moai', 'docs', 'backend-architecture.md'), 'utf8')).toContain('# Backend architecture: ');
  });

  it('refuses to overwrite a document backend-review did not write', () => {
    const dir = copy();
    const target = join(dir, REPORT);
    expect(run([dir, '--fail-on', 'none']).code).toBe(0);
    writeFileSync(target, '# 우리 팀의 아키텍처 문서\n');
    const res = run([dir, '--fail-on', 'none']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('refusing to overwrite');
    expect(readFileSync(target, 'utf8')).toBe('# 우리 팀의 아키텍처 문서\n');
  });

  it('re-renders the same markdown and HTML from the saved JSON result (report --from)', () => {
    const dir = copy();
    const json = join(scratch, 'moai-result.json');
    expect(run([dir, '--json', json, '--fail-on', 'none', '-q']).code).toBe(0);
    const direct = run([dir, '--format', 'markdown', '--fail-on', 'none']).stdout;
    expect(direct).toContain('# 백엔드 아키텍처');
    const fromJson = run(['report', '--from', json]);
    expect(fromJson.code).toBe(0);
    expect(fromJson.stdout).toBe(direct);
    expect(run(['report', '--from', json, '--lang', 'en']).stdout).toContain('## TAG chain');
    const htmlFile = join(scratch, 'out', 'report.html');
    expect(run(['report', '--from', json, '--format', 'html', '-o', htmlFile]).code).toBe(0);
    const html = readFileSync(htmlFile, 'utf8');
    expect(html).toContain('<html lang="ko">');
    expect(html).toContain('<table id="endpoints" class="interactive">');
    expect(html).toBe(run([dir, '--format', 'html', '--fail-on', 'none']).stdout);
    const missing = run(['report', '--from', join(scratch, 'nope.json')]);
    expect([missing.code, missing.stderr]).toEqual([2, `backend-review: cannot read ${join(scratch, 'nope.json')}: no such file\n`]);
  });

  it('--html writes the page with links back into the repository; --timestamp adds the time', () => {
    const dir = copy();
    const htmlFile = join(dir, 'docs', 'architecture.html');
    expect(run([dir, '--html', htmlFile, '--timestamp', '--fail-on', 'none', '-q']).code).toBe(0);
    const html = readFileSync(htmlFile, 'utf8');
    expect(html).toContain('<a href="../src/routes/users.js#L8"><code>src/routes/users.js:8</code></a>');
    expect(html).toMatch(/backend-review 0\.1\.0이\(가\) \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z에 생성한 문서입니다/);
    expect(existsSync(join(dir, '.moai', 'docs'))).toBe(false);
  });

  it('explains the report options in --help', () => {
    const help = run(['--help']).stdout;
    for (const option of ['--moai', '--spec <SPEC-ID>', '--lang <lang>', '--html <file>', '--timestamp', 'markdown (architecture report) or html']) {
      expect(help).toContain(option);
    }
    const reportHelp = run(['report', '--help']);
    expect(reportHelp.code).toBe(0);
    for (const option of ['--from <file>', '--format <format>', '--output <file>', '--lang <lang>']) expect(reportHelp.stdout).toContain(option);
  });
});
