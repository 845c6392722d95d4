// Property-based fuzzing (fast-check): a fixture app under fixtures/apps/, mutated (lines and
// tokens deleted, duplicated, swapped; stray characters inserted), is written to a scratch
// directory and scanned in-process twice. Each scan must complete, its JSON must validate against
// the scan-result contract and its SARIF against SARIF 2.1.0, and the rerun must give byte-identical
// JSON (apart from stats.durationMs), SARIF, markdown and text.
//
// Budget: FUZZ_RUNS inputs (default 25 in `npm test`); `npm run fuzz` runs the long budget.
// FUZZ_SEED replays a run; FUZZ_SECONDS caps the wall time of a long run.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/run.js';
import { renderReport } from '../../src/report/index.js';
import { validateSarif, validateScanJson } from '../helpers/schemas.js';
import { mutate, mutationArb, OPS, tokensOf } from './mutate.js';
import { scratchDir } from '../safety/helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const APPS = join(ROOT, 'fixtures', 'apps');
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 0);
const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : undefined;

const scratch = scratchDir('fuzz');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function readApp(app: string): Map<string, string> {
  const dir = join(APPS, app);
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true }).map(String).sort()) {
    const abs = join(dir, entry);
    if (!statSync(abs).isFile() || entry === 'expected-endpoints.txt') continue;
    files.set(relative(dir, abs), readFileSync(abs, 'utf8'));
  }
  return files;
}

const apps = readdirSync(APPS).filter((a) => statSync(join(APPS, a)).isDirectory()).sort();
const sources = new Map(apps.map((a) => [a, readApp(a)]));

const stripDuration = (s: string) => s.replace(/"durationMs": \d+(\.\d+)?/g, '"durationMs": 0');

async function outputs(root: string): Promise<Record<string, string>> {
  const result = await scan({ root, workers: 1 });
  return {
    json: stripDuration(renderReport('json', result)),
    sarif: renderReport('sarif', result),
    markdown: renderReport('markdown', result),
    text: renderReport('text', result),
  };
}

describe('fuzzing the fixture apps', () => {
  it('mutations of the tokens and lines exist for every app (the fuzzer has material)', () => {
    expect(apps.length).toBeGreaterThan(10);
    for (const [app, files] of sources) expect(files.size, app).toBeGreaterThan(0);
    expect(tokensOf("app.get('/x', h);")).toEqual(['app', '.', 'get', '(', "'", '/', 'x', "'", ',', ' ', 'h', ')', ';']);
    expect(OPS.length).toBe(7);
  });

  it(`scans complete, validate and repeat byte for byte on mutated apps (${RUNS} inputs)`, async () => {
    let tried = 0;
    const extractorErrors = new Map<string, number>();
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...apps), fc.array(mutationArb, { minLength: 1, maxLength: 8 }), async (app, mutations) => {
        tried++;
        const dir = join(scratch, `run-${tried}`);
        for (const [path, text] of mutate(sources.get(app)!, mutations)) {
          mkdirSync(join(dir, path, '..'), { recursive: true });
          writeFileSync(join(dir, path), text);
        }
        try {
          const first = await outputs(dir);
          expect(validateScanJson(JSON.parse(first.json))).toEqual([]);
          expect(validateSarif(JSON.parse(first.sarif))).toEqual([]);
          const second = await outputs(dir);
          for (const format of Object.keys(first)) expect(second[format], format).toBe(first[format]);
          for (const n of JSON.parse(first.sarif).runs[0].invocations[0].toolExecutionNotifications ?? []) {
            if (n.descriptor.id === 'extractor-error') {
              const key = String(n.message.text).replace(/^[^:]*: /, '');
              extractorErrors.set(key, (extractorErrors.get(key) ?? 0) + 1);
            }
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}), ...(SECONDS > 0 ? { interruptAfterTimeLimit: SECONDS * 1000, markInterruptAsFailure: false } : {}) },
    );
    const seconds = (performance.now() - started) / 1000;
    // Figures for the long run (`npm run fuzz`); extractor errors are caught and reported by the engine, listed here.
    console.log(`fuzz: ${tried} inputs in ${seconds.toFixed(1)} s (${(tried / seconds).toFixed(1)}/s); extractor errors: ${extractorErrors.size === 0 ? 'none' : [...extractorErrors].map(([m, c]) => `${c}x ${m}`).join('; ')}`);
    expect(tried).toBeGreaterThanOrEqual(SECONDS > 0 ? 1 : RUNS);
  }, 120_000 + RUNS * 3_000);
});
