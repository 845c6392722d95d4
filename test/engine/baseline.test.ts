// Baselines: a multiset of line-insensitive fingerprints; only new findings count.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyBaseline, BaselineError, createBaseline, parseBaseline, readBaseline, renderBaseline } from '../../src/engine/baseline.js';
import { scan } from '../../src/engine/run.js';
import type { Finding } from '../../src/core/types.js';

const scratch = mkdtempSync(join(tmpdir(), 'backend-review-baseline-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const DEMO = join(import.meta.dirname, '..', '..', 'fixtures', 'apps', 'demo-express');

const f = (fingerprint: string, line: number, extra: Partial<Finding> = {}): Finding => ({
  ruleId: 'sql-built-by-concatenation', category: 'sqli', cwe: ['CWE-89'], severity: 'error', message: 'SQL.', fingerprint,
  location: { file: 'src/db.ts', startLine: line, startColumn: 1, endLine: line, endColumn: 9 }, ...extra,
});

describe('baseline files', () => {
  it('record each fingerprint with its count, leaving suppressed findings out', () => {
    const baseline = createBaseline([f('a', 1), f('a', 9), f('b', 3), f('c', 4, { suppression: { kind: 'inSource', justification: 'ok' } })], '1.2.3');
    expect(baseline).toEqual({
      tool: { name: 'backend-review', version: '1.2.3' }, schemaVersion: 1, total: 3,
      byRule: { 'sql-built-by-concatenation': 3 }, fingerprints: { a: 2, b: 1 },
    });
    expect(parseBaseline(renderBaseline(baseline), 'b.json')).toEqual(baseline);
  });

  it('match as a multiset: two identical findings need two entries', () => {
    const baseline = createBaseline([f('a', 1)], '1');
    const out = applyBaseline([f('a', 10), f('a', 20), f('b', 30)], baseline);
    expect(out.findings.map((x) => x.baselineState)).toEqual(['unchanged', 'new', 'new']);
    expect(out).toMatchObject({ known: 1, new: 2, absent: 0 });
    expect(applyBaseline([], createBaseline([f('a', 1), f('a', 2)], '1'))).toMatchObject({ known: 0, new: 0, absent: 2 });
  });

  it('reject a missing, corrupt or foreign file with a clear message', () => {
    expect(() => readBaseline(join(scratch, 'none.json'))).toThrow(BaselineError);
    expect(() => readBaseline(join(scratch, 'none.json'))).toThrow(/none\.json: no such file; write one with --write-baseline$/);
    expect(() => parseBaseline('{"tool":', 'b.json')).toThrow(/^baseline b\.json: not valid JSON/);
    expect(() => parseBaseline('{"runs":[]}', 'b.json')).toThrow(/^baseline b\.json: not a backend-review baseline/);
    expect(() => parseBaseline('{"tool":{"name":"backend-review"},"schemaVersion":9,"fingerprints":{}}', 'b.json')).toThrow(/schemaVersion 9 is not supported/);
    expect(() => parseBaseline('{"tool":{"name":"backend-review"},"schemaVersion":1,"fingerprints":{"a":0}}', 'b.json')).toThrow(/fingerprints\.a: expected a positive whole count/);
  });
});

describe('a scan with a baseline', () => {
  it('marks every finding of the same tree unchanged, and a new one new', async () => {
    const first = await scan({ root: DEMO });
    expect(first.findings.length).toBeGreaterThan(3);
    expect(first.findings.every((x) => x.baselineState === undefined)).toBe(true);
    const file = join(scratch, 'demo.json');
    writeFileSync(file, renderBaseline(createBaseline(first.findings, '0')));
    const again = await scan({ root: DEMO, baseline: readBaseline(file) });
    expect(again.findings.map((x) => x.baselineState)).toEqual(first.findings.map(() => 'unchanged'));
    expect(again.baseline).toEqual({ known: first.findings.length, new: 0, absent: 0 });

    const partial = createBaseline(first.findings.slice(1), '0');
    const third = await scan({ root: DEMO, baseline: partial });
    expect(third.findings.filter((x) => x.baselineState === 'new').map((x) => x.fingerprint)).toEqual([first.findings[0]!.fingerprint]);
    expect(third.baseline).toEqual({ known: first.findings.length - 1, new: 1, absent: 0 });
  });
});
