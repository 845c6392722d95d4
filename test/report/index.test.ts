import { describe, expect, it } from 'vitest';
import { renderReport, reporters, REPORT_FORMATS } from '../../src/report/index.js';
import { renderHtml } from '../../src/report/html.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderSarif } from '../../src/report/sarif.js';
import { renderText } from '../../src/report/text.js';
import { sampleResult } from './sample-result.js';

describe('reporters', () => {
  it('are keyed by format name', () => {
    expect(Object.keys(reporters).sort()).toEqual(['html', 'json', 'markdown', 'sarif', 'text']);
    expect(REPORT_FORMATS).toEqual(['html', 'json', 'markdown', 'sarif', 'text']);
  });

  it('renderReport dispatches with the options', () => {
    const r = sampleResult();
    expect(renderReport('json', r, { color: true })).toBe(renderJson(r));
    expect(renderReport('markdown', r)).toBe(renderMarkdown(r));
    expect(renderReport('markdown', r, { lang: 'ko', linkBase: '..' })).toBe(renderMarkdown(r, { lang: 'ko', linkBase: '..' }));
    expect(renderReport('html', r, { lang: 'ko' })).toBe(renderHtml(r, { lang: 'ko' }));
    expect(renderReport('sarif', r, { category: 'api', color: true })).toBe(renderSarif(r, { category: 'api' }));
    expect(renderReport('text', r, { color: true })).toBe(renderText(r, { color: true }));
    expect(renderReport('text', r)).not.toMatch(/\u001b\[/);
  });

  it('need nothing but the JSON form of the result', () => {
    const r = sampleResult();
    const revived = JSON.parse(JSON.stringify(r)) as typeof r;
    for (const format of REPORT_FORMATS) expect(renderReport(format, revived)).toBe(renderReport(format, r));
  });
});
