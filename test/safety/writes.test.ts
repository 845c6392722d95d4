// Writes only where asked: the scanned tree (paths, sizes, mtimes, modes, content hashes) is the
// same after a scan, except for the report file the user asked for and the cache under the tree's
// node_modules/ (off with --no-cache). A file that is not a backend-review output is not
// overwritten without --force, and links planted in the tree cannot redirect a write.
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratchDir, snapshotTree, treeChanges, writeTree } from './helpers.js';

const scratch = scratchDir('writes');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let counter = 0;
function app(extra: Record<string, string> = {}): string {
  const dir = join(scratch, `tree-${++counter}`);
  writeTree(dir, {
    'package.json': JSON.stringify({ dependencies: { express: '4.19.2' } }),
    'src/app.js': "const express = require('express');\nconst app = express();\napp.get('/health', (req, res) => res.send('ok'));\n",
    ...extra,
  });
  return dir;
}

describe('writes only where asked', () => {
  it('outputs outside the tree and the default cache leave the tree untouched', () => {
    const dir = app();
    const outside = join(scratch, 'outside');
    const before = snapshotTree(dir);
    const run = runCli([dir, '--sarif', join(outside, 'r.sarif'), '--json', join(outside, 'r.json'), '--report', join(outside, 'r.md'), '--html', join(outside, 'r.html'), '--fail-on', 'none'], { cacheHome: join(scratch, 'xdg') });
    expect(run.code).toBe(0);
    expect(treeChanges(before, snapshotTree(dir))).toEqual([]);
    // Nor does a plain scan, or one printing every format.
    for (const format of ['text', 'json', 'sarif', 'markdown', 'html']) expect(runCli([dir, '--format', format, '--fail-on', 'none'], { cacheHome: join(scratch, 'xdg') }).code).toBe(0);
    expect(treeChanges(before, snapshotTree(dir))).toEqual([]);
  });

  it('--report into the tree writes that one file', () => {
    const dir = app();
    const before = snapshotTree(dir);
    expect(runCli([dir, '--report', join(dir, 'docs', 'architecture.md'), '--no-cache', '--fail-on', 'none']).code).toBe(0);
    expect(treeChanges(before, snapshotTree(dir))).toEqual(['added docs', 'added docs/architecture.md']);
  });

  it('a tree with node_modules gets the cache there, and nothing with --no-cache', () => {
    const dir = app({ 'node_modules/express/package.json': '{"name":"express","version":"4.19.2"}' });
    const before = snapshotTree(dir);
    expect(runCli([dir, '--no-cache', '--fail-on', 'none']).code).toBe(0);
    expect(treeChanges(before, snapshotTree(dir))).toEqual([]);
    expect(runCli([dir, '--fail-on', 'none']).code).toBe(0);
    const changes = treeChanges(before, snapshotTree(dir));
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) expect(change).toMatch(/^(added node_modules\/\.cache(\/backend-review(\/extraction-cache\.json)?)?|changed node_modules)$/);
  });

  it('refuses to overwrite a file that is not a backend-review output without --force; overwrites its own', () => {
    const dir = app({ 'NOTES.md': 'my own notes\n' });
    const target = join(dir, 'NOTES.md');
    const refused = runCli([dir, '--report', target, '--quiet', '--no-cache', '--fail-on', 'none']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`backend-review: refusing to overwrite ${target}: it exists and is not a backend-review output (use --force)\n`);
    expect(readFileSync(target, 'utf8')).toBe('my own notes\n');
    const forced = runCli([dir, '--report', target, '--quiet', '--no-cache', '--force', '--fail-on', 'none']);
    expect(forced.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('backend-review');
    const again = runCli([dir, '--report', target, '--quiet', '--no-cache', '--fail-on', 'none']);
    expect(again.code).toBe(0);
  });

  it('does not write through a link planted in the tree, to a file or a directory', () => {
    const victim = join(scratch, 'victim');
    mkdirSync(victim, { recursive: true });
    writeFileSync(join(victim, 'config.txt'), 'written by backend-review? no: mine\n');
    const dir = app();
    symlinkSync(join(victim, 'config.txt'), join(dir, 'report.md'));
    symlinkSync(join(victim, 'created-by-link.md'), join(dir, 'dangling.md'));
    for (const name of ['report.md', 'dangling.md']) {
      const run = runCli([dir, '--report', join(dir, name), '--quiet', '--no-cache', '--fail-on', 'none']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`refusing to write ${join(dir, name)}: it is a symbolic link (use --force)`);
    }
    expect(readFileSync(join(victim, 'config.txt'), 'utf8')).toBe('written by backend-review? no: mine\n');
    expect(snapshotTree(victim).size).toBe(1);
  });

  it('the MoAI default report (a tree with .moai/) goes to .moai/docs only, never out through a linked .moai/docs', () => {
    const dir = app({ '.moai/config.yaml': 'project:\n  name: demo\n' });
    const before = snapshotTree(dir);
    const plain = runCli([dir, '--no-cache', '--fail-on', 'none'], { cwd: scratch });
    expect(plain.code).toBe(0);
    expect(treeChanges(before, snapshotTree(dir))).toEqual(['added .moai/docs', 'added .moai/docs/backend-architecture.md', 'changed .moai']);

    const victim = join(scratch, 'moai-victim');
    mkdirSync(victim, { recursive: true });
    const linked = app({ '.moai/config.yaml': 'project:\n  name: demo\n' });
    symlinkSync(victim, join(linked, '.moai', 'docs'));
    const run = runCli([linked, '--no-cache', '--fail-on', 'none'], { cwd: scratch });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/refusing to write .*backend-architecture\.md: it leads outside/);
    expect(snapshotTree(victim).size).toBe(0);
  });
});
