// --shard i/n + merge: shards partition the files exactly, and the merged output is the unsharded one.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesOfShard, shardOf } from '../../src/engine/shard.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'bundle', 'backend-review.js');
const work = mkdtempSync(join(tmpdir(), 'backend-review-shard-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(args: string[]) {
  const out = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe('shards', () => {
  it('partition any file list exactly and deterministically', () => {
    const files = Array.from({ length: 500 }, (_, i) => ({ path: `src/module-${i}/file-${i % 7}.ts` }));
    for (const count of [1, 2, 3, 5]) {
      const shares = Array.from({ length: count }, (_, i) => filesOfShard(files, { index: i + 1, count }));
      expect(shares.flat().map((f) => f.path).sort()).toEqual(files.map((f) => f.path).sort());
      expect(new Set(shares.flat().map((f) => f.path)).size).toBe(files.length);
      if (count > 1) expect(shares.every((s) => s.length > 0)).toBe(true);
    }
    expect(shardOf('src/a.ts', 4)).toBe(shardOf('src/a.ts', 4));
  });

  it('merge gives the same JSON and SARIF as one unsharded scan', () => {
    const tree = join(work, 'tree');
    for (const app of ['demo-express', 'fastapi-routers', 'gin-groups']) cpSync(join(ROOT, 'fixtures', 'apps', app), join(tree, app), { recursive: true });
    const facts = [1, 2, 3].map((i) => join(work, `shard-${i}.json`));
    facts.forEach((file, i) => {
      const res = cli([tree, '--shard', `${i + 1}/3`, '--facts', file, '--quiet']);
      expect(res.code, res.stderr).toBe(0);
    });
    const counts = facts.map((f) => Object.keys(JSON.parse(readFileSync(f, 'utf8')).files).length);
    expect(counts.every((n) => n > 0)).toBe(true);
    const strip = (s: string) => s.replace(/"durationMs": \d+(\.\d+)?/, '"durationMs": 0');
    const whole = cli([tree, '--format', 'json', '--fail-on', 'none', '--no-cache']);
    const merged = cli(['merge', ...facts, '--root', tree, '--format', 'json', '--fail-on', 'none']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(strip(merged.stdout)).toBe(strip(whole.stdout));
    expect(JSON.parse(whole.stdout).endpoints.length).toBeGreaterThan(10);
    const wholeSarif = cli([tree, '--format', 'sarif', '--fail-on', 'none', '--no-cache']);
    const mergedSarif = cli(['merge', ...facts, '--root', tree, '--format', 'sarif', '--fail-on', 'none']);
    expect(mergedSarif.stdout).toBe(wholeSarif.stdout);
  });

  it('rejects a bad --shard and a file that is not a shard, with exit code 2', () => {
    const bad = cli([ROOT, '--shard', '4/3', '--facts', join(work, 'x.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--shard 4/3');
    const notShard = cli(['merge', join(ROOT, 'package.json'), '--root', ROOT]);
    expect(notShard.code).toBe(2);
    expect(notShard.stderr).toContain('not a backend-review shard file');
  });
});
