import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/report/text.js';
import { at, emptyResult, reversedResult, sampleResult } from './sample-result.js';

const ANSI = /\u001b\[[0-9;]*m/;
const plain = renderText(sampleResult(), { color: false });
const lines = plain.split('\n');

describe('renderText', () => {
  it('has no ANSI escapes without colour, and has them with colour', () => {
    expect(plain).not.toMatch(ANSI);
    expect(renderText(sampleResult())).toBe(plain);
    const coloured = renderText(sampleResult(), { color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured).toContain('\u001b[31merror\u001b[39m');
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain);
  });

  it('lists frameworks per service', () => {
    expect(lines).toContain('  .                 express 4.18.2  (javascript, typescript)');
    expect(lines).toContain('  services/billing  fastapi  (python)');
  });

  it('lists endpoints with their auth', () => {
    expect(lines).toContain('Endpoints: 6');
    expect(lines).toContain('  POST  /api/articles           auth: required  src/routes/articles.ts:20');
    expect(lines).toContain('  GET   /invoices/{invoice_id}  auth: unknown   services/billing/app/main.py:22');
  });

  it('shows at most 20 endpoints', () => {
    const r = sampleResult();
    const base = r.model.endpoints[0]!;
    r.model.endpoints = Array.from({ length: 25 }, (_, i) => ({ ...base, path: `/r/${String(i).padStart(2, '0')}` }));
    const out = renderText(r).split('\n');
    expect(out).toContain('Endpoints: 25');
    expect(out.filter((l) => l.startsWith('  GET  /r/'))).toHaveLength(20);
    expect(out).toContain('  ... and 5 more');
  });

  it('groups findings by severity as file:line:col  severity  message  [rule-id]', () => {
    const errors = lines.indexOf('Errors (2)');
    const warnings = lines.indexOf('Warnings (2)');
    const notes = lines.indexOf('Notes (2)');
    expect(errors).toBeGreaterThan(0);
    expect(warnings).toBeGreaterThan(errors);
    expect(notes).toBeGreaterThan(warnings);
    expect(lines[errors + 1]).toBe('  services/billing/app/db.py:20:5  error  SQL text passed to cursor.execute is built by concatenation.  [sql-built-by-concatenation]');
    expect(lines[errors + 2]).toBe('  src/main.ts:13:9  error  cors() with no options allows any origin, with credentials.  [cors-allows-any-origin]');
    expect(lines[notes + 2]).toBe('  src/routes/articles.ts:20:1  note  POST /api/articles has no OpenAPI tags.  [endpoint-without-openapi-tags]');
    expect(plain).not.toContain('hardcoded-secret');
  });

  it('lists run notes, most severe first', () => {
    const start = lines.indexOf('Run notes: 3');
    expect(lines.slice(start + 1, start + 4)).toEqual([
      '  error  src/broken.ts:3  Unexpected token.  [parse-error]',
      '  warning  assets/big.min.js  File larger than 1 MiB skipped.  [skipped]',
      '  note  package.json of tools/ is not valid JSON.  [manifest-error]',
    ]);
  });

  it('ends with a one-line tally', () => {
    expect(plain.endsWith('\n')).toBe(true);
    expect(lines.at(-2)).toBe('2 errors, 2 warnings, 2 notes (1 suppressed)');
    const one = sampleResult();
    one.findings = [{ ...one.findings[1]!, location: at('a.ts', 1) }];
    expect(renderText(one).trimEnd().split('\n').at(-1)).toBe('1 error, 0 warnings, 0 notes');
    expect(renderText(emptyResult()).trimEnd().split('\n').at(-1)).toBe('0 errors, 0 warnings, 0 notes');
  });

  it('is deterministic for reordered input', () => {
    expect(renderText(reversedResult())).toBe(plain);
  });
});
