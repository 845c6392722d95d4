// --changed-since: parsing git's zero-context diff, and a real repository.
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changedLinesSince, GitError, isOnChangedLine, parseUnifiedDiff } from '../../src/engine/changed-lines.js';
import { scan } from '../../src/engine/run.js';
import type { Finding } from '../../src/core/types.js';

const scratch = mkdtempSync(join(tmpdir(), 'backend-review-changed-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const DIFF = [
  'diff --git a/src/app.ts b/src/app.ts',
  'index 1111111..2222222 100644',
  '--- a/src/app.ts',
  '+++ b/src/app.ts',
  '@@ -3 +3 @@ function a() {',
  '-old',
  '+new',
  '@@ -10,0 +11,3 @@',
  '+x',
  '+y',
  '+z',
  '@@ -20,2 +23,0 @@',
  '-gone',
  '-gone',
  'diff --git a/old.ts b/old.ts',
  'deleted file mode 100644',
  '--- a/old.ts',
  '+++ /dev/null',
  '@@ -1 +0,0 @@',
  '-bye',
  'diff --git "a/dir/na\\303\\257ve file.py" "b/dir/na\\303\\257ve file.py"',
  '--- "a/dir/na\\303\\257ve file.py"',
  '+++ "b/dir/na\\303\\257ve file.py"',
  '@@ -0,0 +1,2 @@',
  '+a',
  '+b',
].join('\n');

const finding = (file: string, startLine: number, endLine = startLine): Finding => ({
  ruleId: 'r', category: 'sqli', cwe: [], severity: 'error', message: 'm.', fingerprint: 'f',
  location: { file, startLine, startColumn: 1, endLine, endColumn: 2 },
});

describe('parseUnifiedDiff', () => {
  it('collects the new-side lines of every hunk, skipping pure deletions and deleted files', () => {
    const changed = parseUnifiedDiff(DIFF);
    expect([...changed.keys()]).toEqual(['src/app.ts', 'dir/naïve file.py']);
    expect([...changed.get('src/app.ts')!]).toEqual([3, 11, 12, 13]);
    expect([...changed.get('dir/naïve file.py')!]).toEqual([1, 2]);
  });

  it('keeps a finding when any line of its span changed', () => {
    const changed = parseUnifiedDiff(DIFF);
    expect(isOnChangedLine(finding('src/app.ts', 3), changed)).toBe(true);
    expect(isOnChangedLine(finding('src/app.ts', 4), changed)).toBe(false);
    expect(isOnChangedLine(finding('src/app.ts', 9, 11), changed)).toBe(true);
    expect(isOnChangedLine(finding('src/other.ts', 3), changed)).toBe(false);
    expect(isOnChangedLine(finding('new.ts', 99), new Map([['new.ts', 'all' as const]]))).toBe(true);
  });
});

describe('changedLinesSince in a repository', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.test', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' });
  const repo = join(scratch, 'repo');
  const app = join(repo, 'services', 'api');
  mkdirSync(join(app, 'src'), { recursive: true });
  writeFileSync(join(app, 'package.json'), '{"name":"api","dependencies":{"express":"4.19.2","pg":"8.11.0"}}');
  const before = [
    "const { Pool } = require('pg');",
    'const pool = new Pool();',
    "async function a(id) { return pool.query('SELECT * FROM a WHERE id = ' + id); }",
    'module.exports = { a };',
  ];
  writeFileSync(join(app, 'src', 'db.js'), `${before.join('\n')}\n`);
  writeFileSync(join(repo, 'README.md'), 'x\n');

  it('lists changed lines relative to the scanned directory, untracked files whole, and keeps only their findings', async () => {
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'init');
    appendFileSync(join(app, 'src', 'db.js'), "async function b(id) { return pool.query('SELECT * FROM b WHERE id = ' + id); }\n");
    writeFileSync(join(app, 'src', 'new.js'), '// new\n');
    appendFileSync(join(repo, 'README.md'), 'y\n');
    const changed = await changedLinesSince(app, 'HEAD');
    expect([...changed.entries()].map(([k, v]) => [k, v === 'all' ? v : [...v]])).toEqual([['src/db.js', [5]], ['src/new.js', 'all']]);

    const all = await scan({ root: app, onlyRules: ['sql-built-by-concatenation'] });
    expect(all.findings.map((f) => f.location.startLine)).toEqual([3, 5]);
    const recent = await scan({ root: app, onlyRules: ['sql-built-by-concatenation'], changedSince: { ref: 'HEAD', lines: changed } });
    expect(recent.findings.map((f) => f.location.startLine)).toEqual([5]);
    expect(recent.changedSince).toEqual({ ref: 'HEAD', leftOut: 1 });
  });

  it('fails with a one-line message for an unknown ref or an option-like ref', async () => {
    await expect(changedLinesSince(app, 'no-such-ref')).rejects.toThrow(GitError);
    await expect(changedLinesSince(app, 'no-such-ref')).rejects.toThrow(/^--changed-since no-such-ref: git diff failed: fatal: /);
    await expect(changedLinesSince(app, '--output=/tmp/x')).rejects.toThrow(/is not a git ref/);
  });
});
