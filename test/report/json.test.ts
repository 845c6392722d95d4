import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/report/json.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { resultFromJson } from '../../src/report/saved-result.js';
import { validateScanJson } from '../helpers/schemas.js';
import { architectureResult } from './architecture-result.js';
import { at, emptyResult, reversedResult, sampleResult } from './sample-result.js';

interface ScanJson {
  schemaVersion: number; root: string; tool: { name: string; version: string };
  services: { root: string; languages: string[]; frameworks: { id: string; version: string | null }[] }[];
  endpoints: Record<string, unknown>[];
  architecture: Record<string, Record<string, unknown>[]>;
  findings: Record<string, unknown>[];
  stats: Record<string, number>;
}

const parse = (text: string) => JSON.parse(text) as ScanJson;

describe('renderJson', () => {
  const text = renderJson(sampleResult());
  const doc = parse(text);

  it('validates against the scan-result contract schema', () => {
    expect(validateScanJson(doc)).toEqual([]);
    expect(validateScanJson(parse(renderJson(emptyResult())))).toEqual([]);
  });

  it('the validator is not vacuous', () => {
    expect(validateScanJson({ ...doc, root: '/abs' }).join('\n')).toMatch(/root/);
    expect(validateScanJson({ ...doc, findings: [{ ...doc.findings[0], file: 'C:\\x.ts' }] }).join('\n')).toMatch(/file/);
  });

  it('writes the header, services and stats', () => {
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'tool', 'root', 'services', 'endpoints', 'extensionMethodEndpoints', 'staticFiles', 'architecture', 'findings', 'stats', 'report']);
    expect(doc.extensionMethodEndpoints).toEqual([]);
    expect(doc.staticFiles).toEqual([]);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.tool).toEqual({ name: 'backend-review', version: '0.1.0' });
    expect(doc.root).toBe('.');
    expect(doc.services).toEqual([
      { root: '.', languages: ['javascript', 'typescript'], frameworks: [{ id: 'express', version: '4.18.2' }] },
      { root: 'services/billing', languages: ['python'], frameworks: [{ id: 'fastapi', version: null }] },
    ]);
    expect(doc.stats).toEqual({ files: 42, bytes: 123456, parseErrors: 1, durationMs: 812 });
  });

  it('keeps methods the contract cannot express (QUERY) out of `endpoints`, in `extensionMethodEndpoints`', () => {
    const withQuery = structuredClone(sampleResult());
    const base = withQuery.model.endpoints[0]!;
    withQuery.model.endpoints.push({ ...base, method: 'QUERY', path: '/search' });
    const out = JSON.parse(renderJson(withQuery));
    expect(out.endpoints.some((e: { method: string }) => e.method === 'QUERY')).toBe(false);
    expect(out.extensionMethodEndpoints.map((e: { method: string; path: string }) => `${e.method} ${e.path}`)).toEqual(['QUERY /search']);
    expect(validateScanJson(out)).toEqual([]);
  });

  it('writes endpoints sorted by file, line, method, path, with the repo root as "."', () => {
    expect(doc.endpoints.map((e) => `${e.file}:${e.line} ${e.method} ${e.path} ${e.service}`)).toEqual([
      'services/billing/app/main.py:15 POST /invoices services/billing',
      'services/billing/app/main.py:22 GET /invoices/{invoice_id} services/billing',
      'src/main.ts:30 GET /health .',
      'src/routes/articles.ts:12 GET /api/articles .',
      'src/routes/articles.ts:20 POST /api/articles .',
      'src/routes/users.ts:8 GET /api/users/{id} .',
    ]);
    expect(doc.endpoints[3]).toEqual({
      method: 'GET', path: '/api/articles', file: 'src/routes/articles.ts', line: 12, framework: 'express',
      service: '.', openapiTags: ['articles'], moaiTags: ['@API:ARTICLE-001'], auth: 'none',
    });
  });

  it('writes an endpoint reported twice once', () => {
    const r = sampleResult();
    r.model.endpoints.push(structuredClone(r.model.endpoints[0]!));
    expect(parse(renderJson(r)).endpoints).toEqual(doc.endpoints);
  });

  it('writes the architecture facts', () => {
    expect(doc.architecture).toEqual({
      cors: [{ policy: 'wildcard', credentials: true, file: 'src/main.ts', line: 13 }],
      health: [{ path: '/health', file: 'src/main.ts', line: 30 }],
      metrics: [{ path: '/metrics', file: 'services/billing/app/main.py', line: 40 }],
      // line 58 is reported twice (bcrypt and bcryptjs): once; the verify call at 70 is kept.
      passwordHashing: [
        { algorithm: 'bcrypt', library: 'bcrypt', file: 'src/auth.ts', line: 58 },
        { algorithm: 'bcrypt', library: 'bcryptjs', file: 'src/auth.ts', line: 70 },
      ],
      // slowapi is configured but never applied: left out.
      rateLimiting: [{ library: 'express-rate-limit', file: 'src/main.ts', line: 15 }],
      databases: [
        { engine: 'postgresql', library: 'prisma', file: 'prisma/schema.prisma', line: 2 },
        { engine: 'sqlite', library: 'sqlalchemy', file: 'services/billing/app/db.py', line: 4 },
      ],
    });
  });

  it('writes unsuppressed findings sorted by file, line, column, rule id', () => {
    expect(doc.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual([
      'services/billing/app/db.py:20:5 sql-built-by-concatenation',
      'services/billing/app/main.py:1:1 http-service-without-health-endpoint',
      'src/legacy utils/[hash].ts:5:10 weak-hash-for-security',
      'src/main.ts:13:9 cors-allows-any-origin',
      'src/routes/articles.ts:20:1 endpoint-without-openapi-tags',
      'src/routes/users.ts:2:1 invalid-suppression',
    ]);
    expect(doc.findings.some((f) => f.ruleId === 'hardcoded-secret')).toBe(false);
    expect(doc.findings[0]).toEqual({
      ruleId: 'sql-built-by-concatenation', category: 'sqli', cwe: ['CWE-89'], severity: 'error',
      message: 'SQL text passed to cursor.execute is built by concatenation.', file: 'services/billing/app/db.py',
      line: 20, column: 5, endLine: 20, endColumn: 60, fingerprint: 'sql-built-by-concatenation:services/billing/app/db.py:fp',
    });
  });

  it('sorts findings on one line by column, then rule id', () => {
    const r = sampleResult();
    const base = r.findings[1]!;
    r.findings = [
      { ...base, ruleId: 'zz-rule', location: at('a.ts', 1, 5) },
      { ...base, ruleId: 'aa-rule', location: at('a.ts', 1, 5) },
      { ...base, ruleId: 'mm-rule', location: at('a.ts', 1, 2) },
    ];
    expect(parse(renderJson(r)).findings.map((f) => f.ruleId)).toEqual(['mm-rule', 'aa-rule', 'zz-rule']);
  });

  it('writes empty lists as []', () => {
    const empty = parse(renderJson(emptyResult()));
    expect(empty.services).toEqual([]);
    expect(empty.endpoints).toEqual([]);
    expect(empty.findings).toEqual([]);
    expect(empty.architecture).toEqual({ cors: [], health: [], metrics: [], passwordHashing: [], rateLimiting: [], databases: [] });
  });

  it('is deterministic: 2-space JSON with a trailing newline, identical for reordered input', () => {
    expect(text).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    expect(renderJson(sampleResult())).toBe(text);
    expect(renderJson(reversedResult())).toBe(text);
  });

  it('carries what the reports need (`report` field): re-rendering from the JSON gives the same reports', () => {
    for (const r of [sampleResult(), architectureResult(), emptyResult()]) {
      const revived = resultFromJson(renderJson(r));
      for (const options of [{}, { lang: 'ko', linkBase: '../..' }]) {
        expect(renderMarkdown(revived, options)).toBe(renderMarkdown(r, options));
        expect(renderHtml(revived, options)).toBe(renderHtml(r, options));
      }
    }
    const saved = JSON.parse(renderJson(architectureResult())).report;
    expect(saved.rootName).toBe('shop api'); // never the absolute path
    expect(JSON.stringify(saved)).not.toContain('/home/dev');
    expect(saved.rules[0]).not.toHaveProperty('helpMarkdown');
  });

  it('reads a RunResult saved as is, and refuses JSON without report data', () => {
    const r = sampleResult();
    expect(renderMarkdown(resultFromJson(JSON.stringify(r)))).toBe(renderMarkdown(r));
    const contractOnly = JSON.parse(renderJson(r));
    delete contractOnly.report;
    expect(() => resultFromJson(JSON.stringify(contractOnly))).toThrow(/no report data/);
    expect(() => resultFromJson('{')).toThrow(/not JSON/);
  });
});
