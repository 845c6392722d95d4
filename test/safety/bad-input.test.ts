// The bad-input matrix: each case runs the built CLI (dist/) on a tree made here and checks the
// message or the reported skip, the exit code, and that it finished (a hang is killed by the
// spawn timeout and fails). Cases that need a hook (a file vanishing mid-scan, a slow extractor)
// call discover() and extractFile() directly.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discover } from '../../src/discover/discover.js';
import { extractFile, MAX_NESTING } from '../../src/engine/extract-file.js';
import type { Extractor } from '../../src/extract/types.js';
import { javascriptAdapter } from '../../src/languages/javascript/adapter.js';
import { validateSarif, validateScanJson } from '../helpers/schemas.js';
import { runCli, scratchDir, unprivileged, writeTree, type CliRun } from './helpers.js';

const scratch = scratchDir('bad-input');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let counter = 0;
function tree(files: Record<string, string | Uint8Array>): string {
  const dir = join(scratch, `case-${++counter}`);
  mkdirSync(dir, { recursive: true });
  writeTree(dir, files);
  return dir;
}

interface SarifLog {
  runs: { results: { ruleId: string }[]; invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { level: string; message: { text: string }; descriptor: { id: string } }[] }[] }[];
}

/** Scans with --format sarif; returns the run, its notes ('<kind> <level>: <message>') and the log. */
function scanSarif(dir: string, extra: string[] = []): { run: CliRun; notes: string[]; log: SarifLog } {
  const run = runCli([dir, '--format', 'sarif', '--fail-on', 'none', '--no-cache', ...extra]);
  expect(run.signal, `killed: ${run.stderr}`).toBeNull();
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const log = JSON.parse(run.stdout) as SarifLog;
  expect(validateSarif(log)).toEqual([]);
  const notes = (log.runs[0]!.invocations[0]!.toolExecutionNotifications ?? [])
    .map((n) => `${n.descriptor.id} ${n.level}: ${n.message.text}`).sort();
  return { run, notes, log };
}

/** Scans with --format json (the contract) and returns `METHOD path file:line` of each endpoint. */
function endpoints(dir: string): string[] {
  const run = runCli([dir, '--format', 'json', '--fail-on', 'none', '--no-cache']);
  expect(run.code).toBe(0);
  const doc = JSON.parse(run.stdout);
  expect(validateScanJson(doc)).toEqual([]);
  return doc.endpoints.map((e: { method: string; path: string; file: string; line: number }) => `${e.method} ${e.path} ${e.file}:${e.line}`).sort();
}

const EXPRESS_PKG = JSON.stringify({ dependencies: { express: '4.19.2' } });
const expressApp = (path: string) => `const express = require('express');\nconst app = express();\napp.get('${path}', (req, res) => res.send('ok'));\n`;

describe('bad input: what is scanned', () => {
  it('a path that does not exist: exit 2, one line naming it', () => {
    const run = runCli([join(scratch, 'no-such-dir')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^backend-review: cannot scan .*no-such-dir: no such file or directory\n$/);
    expect(run.stdout).toBe('');
  });

  it('a file instead of a directory: exit 2, "not a directory"', () => {
    const file = join(scratch, 'plain-file.js');
    writeFileSync(file, expressApp('/x'));
    const run = runCli([file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^backend-review: cannot scan .*plain-file\.js: not a directory\n$/);
  });

  it('an empty directory: exit 0, nothing found, valid JSON', () => {
    const dir = tree({});
    const text = runCli([dir, '--no-cache']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('0 files scanned');
    const json = runCli([dir, '--format', 'json', '--no-cache']);
    const doc = JSON.parse(json.stdout);
    expect(validateScanJson(doc)).toEqual([]);
    expect(doc.endpoints).toEqual([]);
    expect(doc.stats.files).toBe(0);
  });
});

describe('bad input: unreadable entries', () => {
  // chmod 000 does not stop root: when the tests run as root the CLI is started as nobody (65534),
  // for whom the modes apply. Elsewhere the current user is already subject to them. When root
  // cannot hand over to nobody (a checkout others cannot read), these two cases are skipped.
  const user = unprivileged();
  const asUser = user && user !== 'self' ? user : {};

  it.skipIf(!user)('an unreadable file and an unreadable directory are reported as skipped; the rest is scanned', () => {
    const dir = tree({ 'package.json': EXPRESS_PKG, 'src/app.js': expressApp('/visible'), 'locked.js': expressApp('/locked-file'), 'private/inner.js': expressApp('/locked-dir') });
    chmodSync(join(dir, 'locked.js'), 0o000);
    chmodSync(join(dir, 'private'), 0o000);
    for (const d of [scratch, dir, join(dir, 'src')]) chmodSync(d, 0o755);
    const run = runCli([dir, '--format', 'sarif', '--fail-on', 'none', '--no-cache'], { ...asUser, cacheHome: join(scratch, 'nobody-cache') });
    chmodSync(join(dir, 'private'), 0o755);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const log = JSON.parse(run.stdout) as SarifLog;
    const notes = (log.runs[0]!.invocations[0]!.toolExecutionNotifications ?? []).map((n) => n.message.text).sort();
    expect(notes).toEqual(['locked.js: skipped (unreadable)', 'private: skipped (unreadable-directory)']);
  });

  it.skipIf(!user)('an unreadable directory given as the root: exit 2, "permission denied"', () => {
    const dir = tree({ 'a.js': expressApp('/x') });
    chmodSync(dir, 0o000);
    const run = runCli([dir], { ...asUser, cacheHome: join(scratch, 'nobody-cache') });
    chmodSync(dir, 0o755);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^backend-review: cannot scan .*: permission denied\n$/);
  });

  it('a FIFO named like a source file, and a link to it, are not read (no hang)', () => {
    const dir = tree({ 'package.json': EXPRESS_PKG, 'app.js': expressApp('/fine') });
    const made = spawnSync('mkfifo', [join(dir, 'pipe.js')]);
    if (made.status !== 0) return; // no mkfifo here: nothing to test
    symlinkSync('pipe.js', join(dir, 'pipe-link.py'));
    const { run } = scanSarif(dir);
    expect(run.ms).toBeLessThan(30_000);
    expect(endpoints(dir)).toEqual(['GET /fine app.js:3']);
  });
});

describe('bad input: encodings and line endings', () => {
  it('binary files with source extensions are skipped as binary', () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 37) % 256);
    const dir = tree({ 'package.json': EXPRESS_PKG, 'logo.js': bytes, 'model.py': bytes, 'lib.go': new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]), 'app.js': expressApp('/ok') });
    const { notes } = scanSarif(dir);
    expect(notes).toEqual(['skipped note: lib.go: skipped (binary)', 'skipped note: logo.js: skipped (binary)', 'skipped note: model.py: skipped (binary)']);
    expect(endpoints(dir)).toEqual(['GET /ok app.js:3']);
  });

  it('invalid UTF-8 is read with replacement characters and reported; its routes are still found', () => {
    const text = Buffer.concat([Buffer.from("const express = require('express');\nconst app = express();\n// caf"), Buffer.from([0xe9, 0x20, 0xff, 0xfe, 0xc3]), Buffer.from("\napp.get('/latin1', h);\n")]);
    const dir = tree({ 'package.json': EXPRESS_PKG, 'legacy.js': text });
    const { notes } = scanSarif(dir);
    expect(notes).toEqual(['read-error note: legacy.js: not valid UTF-8; read with replacement characters']);
    expect(endpoints(dir)).toEqual(['GET /latin1 legacy.js:4']);
  });

  it('UTF-16 LE and BE with a byte order mark are decoded', () => {
    const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();
    const dir = tree({
      'package.json': EXPRESS_PKG,
      'le.js': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(expressApp('/utf16le'), 'utf16le')]),
      'be.js': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(expressApp('/utf16be'))]),
      'bom8.js': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(expressApp('/utf8bom'))]),
    });
    const { notes } = scanSarif(dir);
    expect(notes).toEqual([]);
    expect(endpoints(dir)).toEqual(['GET /utf16be be.js:3', 'GET /utf16le le.js:3', 'GET /utf8bom bom8.js:3']);
  });

  it('CRLF, lone CR and mixed line endings give the same lines in JS and Python', () => {
    const py = "from flask import Flask\napp = Flask(__name__)\n\n@app.route('/NAME')\ndef view():\n    return 'x'\n";
    const dir = tree({
      'package.json': EXPRESS_PKG,
      'requirements.txt': 'flask==3.0.0\r\n',
      'crlf.js': expressApp('/crlf').replace(/\n/g, '\r\n'),
      'mixed.js': "const express = require('express');\r\nconst app = express();\napp.get('/mixed-a', h);\rapp.get('/mixed-b', h);\r\napp.get('/mixed-c', h);\n",
      'crlf.py': py.replace('NAME', 'py-crlf').replace(/\n/g, '\r\n'),
      'cr.py': py.replace('NAME', 'py-cr').replace(/\n/g, '\r'),
    });
    expect(endpoints(dir)).toEqual([
      'GET /crlf crlf.js:3', 'GET /mixed-a mixed.js:3', 'GET /mixed-b mixed.js:4', 'GET /mixed-c mixed.js:5',
      'GET /py-cr cr.py:4', 'GET /py-crlf crlf.py:4',
    ]);
  });
});

describe('bad input: size and shape', () => {
  it('a 50 MB source file is skipped as too large without being read', () => {
    const dir = tree({ 'package.json': EXPRESS_PKG, 'app.js': expressApp('/small') });
    const line = 'const x = { a: 1, b: [1, 2, 3], c: "padding padding padding" };\n';
    writeFileSync(join(dir, 'huge.js'), line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)));
    const { run, notes } = scanSarif(dir);
    expect(notes).toEqual(['skipped note: huge.js: skipped (too-large)']);
    expect(run.ms).toBeLessThan(20_000);
  });

  it('a 5 MB single-line minified file is skipped (too large), a 600 KB one as minified', () => {
    const chunk = 'function a(b){return b+1};var c=a(2);';
    const dir = tree({
      'package.json': EXPRESS_PKG,
      'bundle.js': chunk.repeat(Math.ceil((5 * 1024 * 1024) / chunk.length)),
      'vendor.js': chunk.repeat(Math.ceil((600 * 1024) / chunk.length)),
      'app.js': expressApp('/ok'),
    });
    const { run, notes } = scanSarif(dir);
    expect(notes).toEqual(['skipped note: bundle.js: skipped (too-large)', 'skipped note: vendor.js: skipped (minified)']);
    expect(run.ms).toBeLessThan(20_000);
  });

  it('10,000 levels of brackets in JS, TS and Python are skipped as too deeply nested; the rest is scanned', () => {
    const n = 10_000;
    const dir = tree({
      'package.json': EXPRESS_PKG,
      'requirements.txt': 'flask\n',
      'arrays.js': `const x = ${'[\n'.repeat(n)}${']\n'.repeat(n)};\n`,
      'calls.ts': `const y = ${'f(\n'.repeat(n)}${')\n'.repeat(n)};\n`,
      'unclosed.js': `const z = ${'{\n'.repeat(n)}`,
      'lists.py': `x = ${'[\n'.repeat(n)}${']\n'.repeat(n)}\n`,
      'calls.py': `x = ${'f(\n'.repeat(n)}${')\n'.repeat(n)}\n`,
      'app.js': expressApp('/still-here'),
    });
    const { run, notes } = scanSarif(dir);
    const reason = `skipped (brackets nested more than ${MAX_NESTING} deep)`;
    expect(notes).toEqual(['arrays.js', 'calls.py', 'calls.ts', 'lists.py', 'unclosed.js'].map((f) => `skipped warning: ${f}: ${reason}`));
    expect(run.ms).toBeLessThan(30_000);
    expect(endpoints(dir)).toEqual(['GET /still-here app.js:3']);
  });

  it('deep nesting without brackets (unary, ternary and arrow chains; `not not ...`) finishes with at most a parse note', () => {
    const n = 20_000;
    const dir = tree({
      'package.json': EXPRESS_PKG,
      'requirements.txt': 'flask\n',
      'unary.js': `const a = ${'!'.repeat(n)}x;\n`,
      'ternary.js': `const b = ${'c ? d :\n'.repeat(n)}e;\n`,
      'arrows.js': `const f = ${'a =>\n'.repeat(n)}a;\n`,
      'plus.js': `const g = ${'a +\n'.repeat(n)}a;\n`,
      'nots.py': `x = ${'not \\\n'.repeat(n)}y\n`,
      'app.js': expressApp('/still-here'),
    });
    const { run, notes } = scanSarif(dir);
    for (const note of notes) expect(note).toMatch(/^(parse-error|skipped) (warning|note): (unary|ternary|arrows|plus)\.js: |^(parse-error|skipped) (warning|note): nots\.py: /);
    expect(run.ms).toBeLessThan(60_000);
    expect(endpoints(dir)).toEqual(['GET /still-here app.js:3']);
  });

  it('Babel running out of stack on deep nesting is a parse failure with a clear message, not a throw', () => {
    const text = `const x = ${'['.repeat(10_000)}${']'.repeat(10_000)};`;
    const parsed = javascriptAdapter.parse({ path: 'deep.js', language: 'javascript', text, bytes: text.length });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toBe('nested too deeply to parse (call stack exhausted)');
  });
});

describe('bad input: links and a changing tree', () => {
  it('symlink loops, links leaving the root and dangling links are skipped with their reason; directory links are not followed', () => {
    const outside = tree({ 'secret.js': expressApp('/outside') });
    const dir = tree({ 'package.json': EXPRESS_PKG, 'src/app.js': expressApp('/inside') });
    symlinkSync('loop-b.js', join(dir, 'loop-a.js'));
    symlinkSync('loop-a.js', join(dir, 'loop-b.js'));
    symlinkSync('self.py', join(dir, 'self.py'));
    symlinkSync('..', join(dir, 'src', 'up')); // a directory loop
    symlinkSync(dir, join(dir, 'src', 'root-again'));
    symlinkSync(join(outside, 'secret.js'), join(dir, 'escape.js'));
    symlinkSync(outside, join(dir, 'outside-dir'));
    symlinkSync('/etc/passwd', join(dir, 'passwd.py'));
    symlinkSync('missing.js', join(dir, 'dangling.js'));
    symlinkSync('src/app.js', join(dir, 'alias.js')); // inside the root: read
    const { run, notes } = scanSarif(dir);
    expect(notes).toEqual([
      'skipped note: dangling.js: skipped (broken-symlink)',
      'skipped note: escape.js: skipped (symlink-outside-root)',
      'skipped note: loop-a.js: skipped (symlink-loop)',
      'skipped note: loop-b.js: skipped (symlink-loop)',
      'skipped note: passwd.py: skipped (symlink-outside-root)',
      'skipped note: self.py: skipped (symlink-loop)',
    ]);
    expect(run.ms).toBeLessThan(30_000);
    const found = endpoints(dir);
    expect(found.length).toBeGreaterThan(0);
    for (const e of found) expect(e).toMatch(/^GET \/inside (alias\.js|src\/app\.js):3$/); // never /outside
  });

  it('a file that vanishes between listing and reading is reported as vanished (discover read-error path)', () => {
    const dir = tree({ 'a.js': expressApp('/a'), 'b.js': expressApp('/b'), 'c.py': 'x = 1\n' });
    const result = discover(dir, { beforeRead: (path) => { if (path !== 'a.js') unlinkSync(join(dir, path)); } });
    expect(result.files.map((f) => f.path)).toEqual(['a.js']);
    expect(result.skippedFiles).toEqual([{ path: 'b.js', reason: 'vanished' }, { path: 'c.py', reason: 'vanished' }]);
  });

  it('a file replaced by a directory or a FIFO after listing is skipped, not read', () => {
    const dir = tree({ 'a.js': expressApp('/a'), 'b.js': expressApp('/b') });
    const result = discover(dir, {
      beforeRead: (path) => {
        unlinkSync(join(dir, path));
        if (path === 'a.js') mkdirSync(join(dir, path));
        else if (spawnSync('mkfifo', [join(dir, path)]).status !== 0) writeFileSync(join(dir, path), '\u0000');
      },
    });
    expect(result.files).toEqual([]);
    expect(result.skippedFiles.map((s) => `${s.path} ${s.reason}`).sort()).toEqual(expect.arrayContaining([expect.stringMatching(/^a\.js (unreadable|not-a-file)$/)]));
    expect(result.skippedFiles.map((s) => s.path).sort()).toEqual(['a.js', 'b.js']);
  });
});

describe('bad input: control characters', () => {
  it('escape sequences, newlines and bidi overrides from the tree reach the console and markdown only as visible escapes', () => {
    const dir = tree({
      'package.json': EXPRESS_PKG,
      'evil.js': "const app = require('express')();\napp.get('/a\\x1b[2J\\x1b]0;title\\x07', h);\napp.get('/b\\n::error::injected', h);\napp.get('/c\\u202egnp.exe', h);\n",
      'name\u001b[31m.js': "app.get('/d', h);\n",
    });
    for (const format of ['text', 'markdown']) {
      const run = runCli([dir, '--format', format, '--no-cache', '--fail-on', 'none']);
      expect(run.code).toBe(0);
      expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(run.stdout).not.toMatch(/^::error/m);
      expect(run.stdout).toContain('/a\\x1b[2J\\x1b]0;title\\x07');
      expect(run.stdout).toContain('\\u202e');
    }
    // JSON keeps the exact strings (JSON.stringify escapes them).
    expect(endpoints(dir)).toContain('GET /a\u001b[2J\u001b]0;title\u0007 evil.js:2');
  });
});

describe('bad input: manifests', () => {
  it('invalid package.json, composer.json and pom.xml give a warning or are read leniently; the scan goes on', () => {
    const dir = tree({
      'package.json': EXPRESS_PKG,
      'app.js': expressApp('/ok'),
      'web/package.json': '{"dependencies": {"express": "4.0.0",',
      'list/package.json': '[1, 2, 3]',
      'odd/package.json': '{"dependencies": {"express": 5, "koa": null, "x": {"a": 1}}, "devDependencies": "oops"}',
      'php/composer.json': '{"require": [1, 2',
      'java/pom.xml': '<project><dependencies><dependency><artifactId>spring-boot-starter-web</artifactId',
      'java2/pom.xml': '<<<>>> not xml at all &&& <artifactId>',
      'py/pyproject.toml': '[project\nname = ',
    });
    const { notes } = scanSarif(dir);
    expect(notes).toEqual([
      "manifest-error warning: list/package.json: not a JSON object",
      expect.stringMatching(/^manifest-error warning: php\/composer\.json: could not be parsed \(Expected ',' or ']' after array element in JSON at position \d+/),
      expect.stringMatching(/^manifest-error warning: py\/pyproject\.toml: could not be parsed \(.+\)$/),
      expect.stringMatching(/^manifest-error warning: web\/package\.json: could not be parsed \(Expected double-quoted property name in JSON at position \d+/),
    ]);
    expect(endpoints(dir)).toEqual(['GET /ok app.js:3']);
  });
});

describe('the per-file time budget', () => {
  const busy = (ms: number, id: string): Extractor => ({
    id, languages: ['javascript'],
    extract: () => {
      const end = performance.now() + ms;
      while (performance.now() < end) { /* a slow extractor */ }
      return [{ kind: 'framework', framework: 'express', location: { file: 'slow.js', startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } } as never];
    },
  });
  const file = { path: 'slow.js', language: 'javascript' as const, text: 'const a = 1;\n', bytes: 13 };

  it('a file whose extraction runs past the budget is dropped and reported, naming where it stopped', () => {
    const result = extractFile(file, [busy(30, 'slow/one'), busy(30, 'slow/two'), busy(30, 'slow/three')], 20);
    expect(result.facts).toEqual([]);
    expect(result.notifications).toEqual([{ level: 'warning', kind: 'skipped', file: 'slow.js', message: 'slow.js: skipped (over the 20 ms time budget; stopped before extractor slow/two)' }]);
  });

  it('a file within the budget keeps its facts', () => {
    const result = extractFile(file, [busy(1, 'quick/one'), busy(1, 'quick/two')], 5_000);
    expect(result.facts).toHaveLength(2);
    expect(result.notifications).toEqual([]);
  });
});
