// The whole-scan memo: an unchanged tree is answered from it; any change in the tree, the options
// or the memo file itself sends the scan down the normal path.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/run.js';
import type { RunResult } from '../../src/core/result.js';

const ROOT = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'backend-review-memo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const tree = join(work, 'app');
const cacheDir = join(work, 'cache');
const memoFile = join(cacheDir, 'result-memo.json');
cpSync(join(ROOT, 'fixtures', 'apps', 'demo-express'), tree, { recursive: true });

/** Files last modified an hour ago: old enough that the memo trusts their metadata. */
function age(dir: string, seconds = 3600): void {
  const then = new Date(Date.now() - seconds * 1000);
  for (const entry of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, entry);
    if (statSync(path).isFile()) utimesSync(path, then, then);
  }
}

/** Marks the stored result so that a scan answered from the memo can be told apart. */
function tamperMemo(): void {
  const doc = JSON.parse(readFileSync(memoFile, 'utf8'));
  doc.result.findings[0].message = 'FROM THE MEMO';
  writeFileSync(memoFile, JSON.stringify(doc));
}

const messages = (r: RunResult) => r.findings.map((f) => f.message);

describe('whole-scan memo', () => {
  age(tree);
  let cold: RunResult;

  it('is written by a scan of a settled tree, and answers the next scan of the same tree', async () => {
    cold = await scan({ root: tree, cache: { dir: cacheDir } });
    expect(cold.findings.length).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(memoFile, 'utf8')).format).toBe(1);
    const warm = await scan({ root: tree, cache: { dir: cacheDir } });
    expect(JSON.stringify({ m: warm.model, f: warm.findings, n: warm.notifications, i: warm.inventory }))
      .toBe(JSON.stringify({ m: cold.model, f: cold.findings, n: cold.notifications, i: cold.inventory }));
    expect(warm.rules.map((r) => r.id)).toEqual(cold.rules.map((r) => r.id));
    expect(warm.stats.cacheHits).toBe(warm.stats.files);
    tamperMemo();
    expect(messages(await scan({ root: tree, cache: { dir: cacheDir } }))).toContain('FROM THE MEMO');
  });

  it('is not used for other options, or without the cache', async () => {
    expect(messages(await scan({ root: tree, cache: { dir: cacheDir }, ignore: ['nothing-matches/**'] }))).not.toContain('FROM THE MEMO');
    expect(messages(await scan({ root: tree }))).not.toContain('FROM THE MEMO');
  });

  it('is not used once a file changed, even with the same size and an old modification time', async () => {
    await scan({ root: tree, cache: { dir: cacheDir } });
    tamperMemo();
    const file = join(tree, 'src', 'routes', 'products.js');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace("router.get('/:id'", "router.get('/:ix'")); // same length
    age(tree); // mtime back in the past: the change time (ctime) still moved
    const changed = await scan({ root: tree, cache: { dir: cacheDir } });
    expect(messages(changed)).not.toContain('FROM THE MEMO');
    expect(changed.model.endpoints.map((e) => e.path)).toContain('/api/products/{ix}');
  });

  it('is not used when a file is added', async () => {
    await scan({ root: tree, cache: { dir: cacheDir } });
    tamperMemo();
    writeFileSync(join(tree, 'src', 'extra.js'), 'module.exports = 1;\n');
    age(tree);
    expect(messages(await scan({ root: tree, cache: { dir: cacheDir } }))).not.toContain('FROM THE MEMO');
  });

  it('is not written while files are fresh (a later edit could keep their metadata)', async () => {
    rmSync(memoFile, { force: true });
    writeFileSync(join(tree, 'src', 'extra.js'), 'module.exports = 2;\n'); // modified just now
    await scan({ root: tree, cache: { dir: cacheDir } });
    expect(() => statSync(memoFile)).toThrow();
  });

  it('ignores a corrupted or foreign memo and scans', async () => {
    age(tree);
    const fresh = await scan({ root: tree, cache: { dir: cacheDir } });
    writeFileSync(memoFile, '{"format":1,"key":');
    expect(messages(await scan({ root: tree, cache: { dir: cacheDir } }))).toEqual(messages(fresh));
    writeFileSync(memoFile, JSON.stringify({ format: 99, key: 'x', result: {} }));
    expect(messages(await scan({ root: tree, cache: { dir: cacheDir } }))).toEqual(messages(fresh));
  });
});
