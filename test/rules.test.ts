// Runs the whole pipeline on every fixture case of every registered rule, with only that rule on.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { scan } from '../src/engine/run.js';
import type { Finding } from '../src/core/types.js';
import { readExpectations } from './helpers/expectations.js';

const ROOT = join(import.meta.dirname, '..');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

function casesOf(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory()).sort();
}

function render(caseDir: string, findings: Finding[]): string {
  const out: string[] = [];
  for (const f of findings) {
    const lines = readFileSync(join(caseDir, f.location.file), 'utf8').split('\n');
    const source = (lines[f.location.startLine - 1] ?? '').replace(/\r$/, '');
    const width = f.location.endLine === f.location.startLine ? Math.max(1, f.location.endColumn - f.location.startColumn) : Math.max(1, source.length - f.location.startColumn + 1);
    out.push(`${f.location.file}:${f.location.startLine}:${f.location.startColumn} ${f.severity} ${f.ruleId}: ${f.message}`);
    out.push(`  ${source}`);
    out.push(`  ${' '.repeat(Math.max(0, f.location.startColumn - 1))}${'^'.repeat(width)}`);
  }
  return `${out.join('\n')}\n`;
}

describe('rule registry', () => {
  it('lists rules sorted by id with unique ids', () => {
    const ids = RULES.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });
});

for (const rule of RULES) {
  const base = join(ROOT, 'rules', rule.category, rule.id);
  describe(`rule ${rule.id}`, () => {
    it('has its source file named after the id, a docs page with Why / How to fix / Options, and a CWE list', () => {
      expect(existsSync(`${base}.ts`), `${base}.ts`).toBe(true);
      const doc = readFileSync(`${base}.md`, 'utf8');
      for (const heading of ['## Why', '## How to fix', '## Options']) expect(doc, `${rule.id}.md lacks ${heading}`).toContain(heading);
      for (const cwe of rule.cwe) expect(cwe).toMatch(/^CWE-\d+$/);
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.title).not.toMatch(/\.$/);
    });
    it('has at least one valid and one invalid case', () => {
      expect(casesOf(join(base, 'valid')).length).toBeGreaterThan(0);
      expect(casesOf(join(base, 'invalid')).length).toBeGreaterThan(0);
    });
    for (const kind of ['valid', 'invalid'] as const) {
      for (const name of casesOf(join(base, kind))) {
        const caseDir = join(base, kind, name);
        it(`${kind}/${name}`, async () => {
          const result = await scan({ root: caseDir, onlyRules: [rule.id], ignore: ['**/expected.txt'] });
          const findings = result.findings.filter((f) => f.ruleId === rule.id);
          const expectations = readExpectations(caseDir).filter((e) => e.ruleId === rule.id);
          const at = (e: { file: string; line: number }) => `${e.file}:${e.line}`;
          const found = findings.map((f) => at({ file: f.location.file, line: f.location.startLine })).sort();
          const expected = expectations.filter((e) => e.kind === 'expect').map(at).sort();
          const todoMiss = new Set(expectations.filter((e) => e.kind === 'todo-expect').map(at));
          const todoFalseAlarm = new Set(expectations.filter((e) => e.kind === 'todo-ok').map(at));
          for (const miss of todoMiss) expect(found, `todo-expect at ${miss} is now caught: promote it to expect`).not.toContain(miss);
          const actual = found.filter((f) => !todoFalseAlarm.has(f));
          if (kind === 'valid') {
            expect(actual, 'a valid case yields no finding').toEqual([]);
            expect(expected, 'a valid case carries no expect: comment').toEqual([]);
          } else {
            expect(expected.length, 'an invalid case has at least one expect: comment').toBeGreaterThan(0);
            expect(actual).toEqual(expected);
            const snapshotPath = join(caseDir, 'expected.txt');
            const rendered = render(caseDir, findings);
            if (UPDATE || (!existsSync(snapshotPath) && !process.env.CI)) writeFileSync(snapshotPath, rendered);
            expect(existsSync(snapshotPath), `${snapshotPath} is missing (run with UPDATE_SNAPSHOTS=1)`).toBe(true);
            expect(rendered).toBe(readFileSync(snapshotPath, 'utf8'));
          }
        });
      }
    }
  });
}
