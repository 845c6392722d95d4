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

  it('hands the files this thread should not parse to a worker, with the same result', async () => {
    const { extractAll } = await import(join(DIST, 'extract-pool.js'));
    const { EXTRACTORS } = await import(join(ROOT, 'dist', 'src', 'extract', 'index.js'));
    const file = (path: string, text: string) => ({ path, language: 'typescript', text, bytes: text.length });
    const routes = (n: number) => `import express from 'express';\nconst app = express();\napp.get('/r${n}', (req, res) => res.send('x'));\n`;
    const files = [
      ...Array.from({ length: 12 }, (_, n) => file(`ok${n}.ts`, routes(n))),
      // oxc rejects a top-level return (Babel allows it): parsed by a worker, not here
      file('broken.ts', `${routes(100)}app.post('/broken', (req, res) => res.send('y'));\nreturn;\n`),
      // over this thread's oxc budget (6,000 light tokens), shallow enough for any stack
      file('long.ts', `${routes(200)}${Array.from({ length: 2000 }, (_, i) => `const a${i} = ${i};`).join('\n')}\n`),
    ];
    const single = await extractAll(files, { extractors: EXTRACTORS, workers: 1 });
    const pooled = await extractAll(files, { extractors: EXTRACTORS, workers: 2 });
    expect(pooled).toEqual(single);
    const paths = (i: number) => single[i].facts.filter((f: { kind: string }) => f.kind === 'route').map((f: { path: string }) => f.path);
    expect(paths(12)).toEqual(['/r100', '/broken']);
    expect(paths(13)).toEqual(['/r200']);
  });

  it('splits the files into shrinking batches that cover each file once, in order', async () => {
    const { batchesOf } = await import(join(DIST, 'extract-pool.js'));
    const files = Array.from({ length: 500 }, (_, i) => ({ path: `f${i}.ts`, language: 'typescript', text: '', bytes: 100 }));
    const batches: { index: number }[][] = batchesOf(files, 2);
    expect(batches.flat().map((b) => b.index)).toEqual(files.map((_, i) => i));
    expect(batches[0]!.length).toBe(32);
    expect(batches[batches.length - 1]!.length).toBeLessThanOrEqual(2);
    for (let i = 1; i < batches.length; i++) expect(batches[i]!.length).toBeLessThanOrEqual(batches[i - 1]!.length);
  });
});
