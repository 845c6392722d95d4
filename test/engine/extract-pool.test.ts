// The worker pool must give exactly what one thread gives. Workers run the compiled extractors, so
// this test drives the build in dist/ (npm test builds first).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'dist', 'src', 'engine');

describe('extractAll in worker threads', () => {
  it('returns the same facts, in file order, as extraction in one thread', async () => {
    expect(existsSync(join(DIST, 'extract-worker.js')), 'dist is missing: run npm run build').toBe(true);
    const { discover } = await import(join(ROOT, 'dist', 'src', 'discover', 'discover.js'));
    const { extractAll } = await import(join(DIST, 'extract-pool.js'));
    const { EXTRACTORS } = await import(join(ROOT, 'dist', 'src', 'extract', 'index.js'));
    const files = ['demo-express', 'fastapi-routers', 'gin-groups', 'spring-java-controllers']
      .flatMap((app) => discover(join(ROOT, 'fixtures', 'apps', app)).files.map((f: { path: string }) => ({ ...f, path: `${app}/${f.path}` })));
    expect(files.length).toBeGreaterThan(10);
    const single = await extractAll(files, { extractors: EXTRACTORS, workers: 1 });
    let progress = 0;
    const pooled = await extractAll(files, { extractors: EXTRACTORS, workers: 3, onProgress: (done: number) => { progress = done; } });
    expect(pooled).toEqual(single);
    expect(progress).toBe(files.length);
    expect(single.flatMap((r: { facts: unknown[] }) => r.facts).length).toBeGreaterThan(20);
  });
});
