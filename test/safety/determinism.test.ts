// Determinism: the order in which files are discovered (shuffled through scan()'s test-only
// `reorder` hook) and the number of worker threads (--workers on the built CLI; the pool needs the
// compiled worker, so it runs only from dist/) do not change a byte of SARIF, JSON (apart from
// stats.durationMs), markdown or the console text.
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/run.js';
import { renderReport } from '../../src/report/index.js';
import { hostileCopy, ROOT, runCli, scratchDir } from './helpers.js';

const APPS = join(ROOT, 'fixtures', 'apps');
const scratch = scratchDir('determinism');
const hostile = hostileCopy('determinism-hostile');
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(hostile, { recursive: true, force: true });
});

/** Apps whose output may depend on file order (none since global prefixes apply in source order). */
const ORDER_SENSITIVE = new Set<string>();

/** All fixture apps side by side in one tree (a monorepo of many services). */
const monorepo = join(scratch, 'monorepo');
for (const app of readdirSync(APPS)) if (!ORDER_SENSITIVE.has(app)) cpSync(join(APPS, app), join(monorepo, app), { recursive: true });

const stripDuration = (s: string) => s.replace(/"durationMs": \d+(\.\d+)?/g, '"durationMs": 0');

function seededShuffle(seed: number) {
  return <T>(items: T[]): T[] => {
    let state = seed >>> 0;
    const next = () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
}

async function outputs(root: string, reorder?: <T>(items: T[]) => T[]): Promise<Record<string, string>> {
  const result = await scan({ root, workers: 1, ...(reorder ? { reorder } : {}) });
  return {
    json: stripDuration(renderReport('json', result)),
    sarif: renderReport('sarif', result),
    markdown: renderReport('markdown', result),
    text: renderReport('text', result),
  };
}

describe('determinism', () => {
  for (const [name, root] of [['every fixture app in one tree', monorepo], ['the hostile fixture', hostile]] as const) {
    it(`shuffled discovery order gives byte-identical outputs: ${name}`, async () => {
      const reference = await outputs(root);
      expect(JSON.parse(reference.json).endpoints.length).toBeGreaterThan(name === 'the hostile fixture' ? 1 : 50);
      for (const seed of [1, 2, 3, 42, 1234]) {
        const shuffled = await outputs(root, seededShuffle(seed));
        for (const format of Object.keys(reference)) expect(shuffled[format], `${format}, seed ${seed}`).toBe(reference[format]);
      }
    });
  }

  it('laravel-api resolves its stacked route prefixes the same whatever the file order', async () => {
    const root = join(APPS, 'laravel-api');
    const reference = (await outputs(root)).sarif;
    const differing = [];
    for (const seed of [1, 2, 3, 42, 99]) if ((await outputs(root, seededShuffle(seed))).sarif !== reference) differing.push(seed);
    expect(differing).toEqual([]);
  });

  it('1, 2, 3 and 4 worker threads give byte-identical SARIF, JSON, markdown and text (built CLI)', () => {
    const byWorkers = new Map<number, string[]>();
    for (const workers of [1, 2, 3, 4]) {
      const dir = join(scratch, `out-${workers}`);
      const files = [join(dir, 'r.json'), join(dir, 'r.sarif'), join(dir, 'r.md')];
      const run = runCli([monorepo, '--json', files[0]!, '--sarif', files[1]!, '--report', files[2]!, '--workers', String(workers), '--no-cache', '--fail-on', 'none']);
      expect(run.code, run.stderr).toBe(0);
      byWorkers.set(workers, [...files.map((f) => stripDuration(readFileSync(f, 'utf8'))), run.stdout]);
    }
    const reference = byWorkers.get(1)!;
    expect(JSON.parse(reference[0]!).stats.files).toBeGreaterThan(100);
    for (const [workers, runs] of byWorkers) runs.forEach((out, i) => expect(out, `--workers ${workers}, output ${i}`).toBe(reference[i]));
  }, 180_000);
});
