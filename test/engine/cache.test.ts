import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/run.js';
import type { RunResult } from '../../src/core/result.js';

const ROOT = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'backend-review-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const tree = join(work, 'app');
const cacheDir = join(work, 'cache');
cpSync(join(ROOT, 'fixtures', 'apps', 'demo-express'), tree, { recursive: true });
const comparable = (r: RunResult) => JSON.stringify({ model: r.model, findings: r.findings });

describe('extraction cache', () => {
  let cold: RunResult;
  it('misses on a cold scan and writes the cache', async () => {
    cold = await scan({ root: tree, cache: { dir: cacheDir } });
    expect(cold.stats.cacheHits).toBe(0);
    expect(JSON.parse(readFileSync(join(cacheDir, 'extraction-cache.json'), 'utf8')).format).toBe(1);
  });

  it('hits every file on a warm scan and gives the same result', async () => {
    const warm = await scan({ root: tree, cache: { dir: cacheDir } });
    expect(warm.stats.cacheHits).toBe(warm.stats.files);
    expect(comparable(warm)).toBe(comparable(cold));
  });

  it('re-extracts a changed file only', async () => {
    const file = join(tree, 'src', 'routes', 'products.js');
    writeFileSync(file, readFileSync(file, 'utf8').replace("router.get('/:id'", "router.get('/by-id/:id'"));
    const changed = await scan({ root: tree, cache: { dir: cacheDir } });
    expect(changed.stats.cacheHits).toBe(changed.stats.files - 1);
    expect(changed.model.endpoints.map((e) => e.path)).toContain('/api/products/by-id/{id}');
    expect(comparable(changed)).toBe(comparable(await scan({ root: tree })));
  });

  it('ignores and rebuilds a corrupted cache', async () => {
    writeFileSync(join(cacheDir, 'extraction-cache.json'), '{"format": 1, "key": "x", "files": {"src/serv');
    const result = await scan({ root: tree, cache: { dir: cacheDir } });
    expect(result.stats.cacheHits).toBe(0);
    expect(comparable(result)).toBe(comparable(await scan({ root: tree })));
    expect((await scan({ root: tree, cache: { dir: cacheDir } })).stats.cacheHits).toBe(result.stats.files);
  });

  it('never trusts a cache written by another version or extractor set', async () => {
    const path = join(cacheDir, 'extraction-cache.json');
    const doc = JSON.parse(readFileSync(path, 'utf8'));
    doc.key = 'written-by-another-version';
    for (const entry of Object.values(doc.files) as { result: { facts: unknown[] } }[]) entry.result.facts = [];
    writeFileSync(path, JSON.stringify(doc));
    const result = await scan({ root: tree, cache: { dir: cacheDir } });
    expect(result.stats.cacheHits).toBe(0);
    expect(result.model.endpoints.length).toBeGreaterThan(0);
  });

  it('is off unless asked for', async () => {
    expect((await scan({ root: tree })).stats.cacheHits).toBeUndefined();
  });
});
