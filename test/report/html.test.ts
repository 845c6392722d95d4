// The HTML report as text: self-contained, same content as markdown, interactive endpoint table.
// test/browser/html-report.test.ts loads it in Chromium.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { architectureResult } from './architecture-result.js';
import { emptyResult, reversedResult, sampleResult } from './sample-result.js';

const html = renderHtml(architectureResult(), { linkBase: '.' });

const between = (text: string, start: string, end: string): string => {
  const i = text.indexOf(start);
  expect(i, start).toBeGreaterThan(-1);
  return text.slice(i, text.indexOf(end, i + start.length));
};

describe('renderHtml', () => {
  it('is one document that loads nothing from anywhere', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html.endsWith('</html>\n')).toBe(true);
    expect(html).not.toMatch(/<(script|img|iframe|link|object|embed)\b[^>]*\b(src|href)=/i);
    expect(html).not.toMatch(/url\(/);
    expect(html).not.toMatch(/@import/);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+';/);
    // the hashes match the inline style and script, so the browser runs them and nothing else
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const style = between(html, '<style>', '</style>').slice('<style>'.length);
    const script = between(html, '<script>', '</script>').slice('<script>'.length);
    expect(csp).toContain(`style-src ${hash(style)};`);
    expect(csp).toContain(`script-src ${hash(script)};`);
    // the overwrite guard of the CLI reads the first 4 KiB
    expect(html.slice(0, 4096)).toContain('content="backend-review 0.1.0"');
  });

  it('has the same sections as the markdown report, with a table of contents', () => {
    const h2 = [...html.matchAll(/<h2 id="section-(\d+)">([^<]*)</g)].map((m) => `${m[1]} ${m[2]}`);
    expect(h2).toEqual(['1 Summary', '2 Scorecard', '3 Services', '4 Framework', '5 Database', '6 API endpoints (6)',
      '7 Middleware stack', '8 Testing', '9 Security', '10 Operations', '11 TAG chain', '12 Findings', '13 Run notes']);
    expect(html).toContain('<li><a href="#section-11">TAG chain</a></li>');
  });

  it('writes one sortable, filterable endpoint table with a service column', () => {
    const tableHtml = between(html, '<table id="endpoints" class="interactive">', '</table>');
    expect(tableHtml).toContain('<th scope="col"><button type="button" data-col="0">Service</button></th>');
    expect(tableHtml).toContain('<button type="button" data-col="7">Findings</button>');
    expect(tableHtml.match(/<tr>/g)).toHaveLength(7); // header + 6 endpoints
    expect(tableHtml).toContain('<td><code>services/billing</code></td><td><code>POST</code></td><td><code>/invoices</code></td>');
    expect(html).toContain('<input type="search" id="endpoints-filter" autocomplete="off">');
    expect(html).toContain('data-template="987654321 of 6 endpoints shown">6 of 6 endpoints shown</span>');
  });

  it('groups findings by rule, most severe first, and shows the diagrams as Mermaid source', () => {
    const findings = between(html, '<h2 id="section-12">', '<h2 id="section-13">');
    const rules = [...findings.matchAll(/<h3><code>([^<]+)<\/code>/g)].map((m) => m[1]);
    expect(rules).toEqual(['cors-allows-any-origin', 'sql-built-by-concatenation', 'invalid-suppression', 'weak-hash-for-security',
      'endpoint-without-openapi-tags', 'http-service-without-health-endpoint']);
    expect(findings).toContain('<li><code>error</code> <a href="services/billing/app/db.py#L20"><code>services/billing/app/db.py:20</code></a>: SQL text');
    expect(html.match(/<pre class="mermaid">flowchart LR\n/g)).toHaveLength(3);
    expect(html).toContain('clients([&quot;Clients&quot;])');
  });

  it('escapes everything that comes from the scanned code', () => {
    const r = sampleResult();
    r.model.endpoints[0]!.path = '/x/<script>alert(1)</script>';
    r.findings[0]!.message = 'Bad "<img src=x onerror=alert(1)>".';
    r.rules[0]!.helpUri = 'javascript:alert(1)';
    const out = renderHtml(r);
    expect(out).not.toContain('<script>alert(1)');
    expect(out).not.toContain('<img src=x');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).not.toContain('href="javascript:');
  });

  it('is in Korean when asked, and deterministic', () => {
    const ko = renderHtml(architectureResult(), { lang: 'ko' });
    expect(ko).toContain('<html lang="ko">');
    expect(ko).toContain('<title>백엔드 아키텍처: shop api</title>');
    expect(ko).toContain('<label for="endpoints-filter">엔드포인트 필터</label>');
    expect(renderHtml(sampleResult())).toBe(renderHtml(reversedResult()));
    expect(renderHtml(emptyResult())).toContain('<p>No endpoint found.</p>');
  });
});
