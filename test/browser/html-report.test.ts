// The HTML report in a real browser: Debian's Chromium (/usr/bin/chromium, installed by .ci/run)
// driven by playwright-core, which never downloads a browser. Locally the test skips when Chromium
// is absent; in CI (process.env.CI set) it fails instead.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { renderHtml } from '../../src/report/html.js';
import { architectureResult } from '../report/architecture-result.js';

const CHROMIUM = process.env.BACKEND_REVIEW_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--font-render-hinting=none'];
const SCREENSHOTS = join(import.meta.dirname, '__screenshots__');
const BASELINE = join(SCREENSHOTS, 'html-report.png');
const VIEWPORT = { width: 1280, height: 900 };

const hasChromium = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI);
const skipReason = !hasChromium && !inCi ? `${CHROMIUM} is not installed (apt-get install chromium; .ci/run does it in CI)` : undefined;
if (skipReason) console.warn(`test/browser: skipped, ${skipReason}`);

describe.skipIf(skipReason !== undefined)(`the HTML report in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const requests: string[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'backend-review-html-'));
  const file = join(scratch, 'report.html');

  beforeAll(async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: CI must install Debian's chromium (see .ci/run)`).toBe(true);
    writeFileSync(file, renderHtml(architectureResult(), { linkBase: '.' }));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: 'light', deviceScaleFactor: 1, reducedMotion: 'reduce' });
    page = await context.newPage();
    page.on('console', (msg) => { if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`); });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('request', (request) => { if (!request.url().startsWith('file:')) requests.push(request.url()); });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  const paths = () => page.$$eval('#endpoints tbody tr:not([hidden])', (rows) =>
    rows.map((r) => `${(r as HTMLTableRowElement).cells[1]!.textContent} ${(r as HTMLTableRowElement).cells[2]!.textContent}`));
  const countText = () => page.textContent('#endpoints-count');

  it('loads without console errors, script errors or network requests', async () => {
    expect(await page.title()).toBe('Backend architecture: shop api');
    expect(await countText()).toBe('6 of 6 endpoints shown'); // the script ran (CSP hash accepted) and counted
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('filters the endpoint table as one types', async () => {
    await page.fill('#endpoints-filter', 'invoices');
    expect(await paths()).toEqual(['POST /invoices', 'GET /invoices/{invoice_id}']);
    expect(await countText()).toBe('2 of 6 endpoints shown');
    await page.fill('#endpoints-filter', 'requireAuth');
    expect(await paths()).toEqual(['POST /api/articles']);
    await page.fill('#endpoints-filter', '');
    expect(await paths()).toHaveLength(6);
  });

  it('sorts the endpoint table by a column, ascending then descending', async () => {
    const header = page.locator('#endpoints thead button', { hasText: 'Path' });
    await header.click();
    expect(await page.getAttribute('#endpoints thead th:nth-child(3)', 'aria-sort')).toBe('ascending');
    const ascending = (await paths()).map((p) => p.split(' ')[1]);
    expect(ascending).toEqual(['/api/articles', '/api/articles', '/api/users/{id}', '/health', '/invoices', '/invoices/{invoice_id}']);
    await header.click();
    expect(await page.getAttribute('#endpoints thead th:nth-child(3)', 'aria-sort')).toBe('descending');
    expect((await paths()).map((p) => p.split(' ')[1])).toEqual([...ascending].reverse());
    await page.locator('#endpoints thead button', { hasText: 'Method' }).click();
    expect((await paths()).map((p) => p.split(' ')[0])).toEqual(['GET', 'GET', 'GET', 'GET', 'POST', 'POST']);
    // filtering still works on the sorted rows
    await page.fill('#endpoints-filter', 'billing');
    expect(await paths()).toEqual(['GET /invoices/{invoice_id}', 'POST /invoices']);
    await page.fill('#endpoints-filter', '');
    expect(problems).toEqual([]);
  });

  it('looks like the committed screenshot (same size, pixels within a tolerance)', async () => {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.evaluate(() => window.scrollTo(0, 0));
    const shot = await page.screenshot({ type: 'png' });
    expect([shot.readUInt32BE(16), shot.readUInt32BE(20)]).toEqual([VIEWPORT.width, VIEWPORT.height]); // PNG IHDR
    if (!existsSync(BASELINE) || process.env.UPDATE_SNAPSHOTS) {
      expect(inCi && !process.env.UPDATE_SNAPSHOTS, `${BASELINE} is missing in CI`).toBe(false);
      mkdirSync(SCREENSHOTS, { recursive: true });
      writeFileSync(BASELINE, shot);
    }
    const baseline = readFileSync(BASELINE);
    // Chromium decodes both PNGs and compares 16x16-pixel blocks by mean luminance: hinting and
    // anti-aliasing move single pixels, a change of layout, colour or text moves whole blocks.
    const compare = await browser.newPage();
    const result = await compare.evaluate(async ([a, b]) => {
      const load = async (b64: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return { w: img.width, h: img.height, data: ctx.getImageData(0, 0, img.width, img.height).data };
      };
      const [x, y] = [await load(a), await load(b)];
      if (x.w !== y.w || x.h !== y.h) return { sameSize: false, meanDiff: 255, changedBlocks: 1, contrast: 0 };
      const blocks = (img: typeof x) => {
        const out: number[] = [];
        for (let by = 0; by < img.h; by += 16) {
          for (let bx = 0; bx < img.w; bx += 16) {
            let sum = 0;
            let n = 0;
            for (let py = by; py < Math.min(by + 16, img.h); py++) {
              for (let px = bx; px < Math.min(bx + 16, img.w); px++) {
                const i = (py * img.w + px) * 4;
                sum += 0.299 * img.data[i]! + 0.587 * img.data[i + 1]! + 0.114 * img.data[i + 2]!;
                n++;
              }
            }
            out.push(sum / n);
          }
        }
        return out;
      };
      const [p, q] = [blocks(x), blocks(y)];
      const diffs = p.map((v, i) => Math.abs(v - q[i]!));
      const mean = p.reduce((s, v) => s + v, 0) / p.length;
      return {
        sameSize: true,
        meanDiff: diffs.reduce((s, d) => s + d, 0) / diffs.length,
        changedBlocks: diffs.filter((d) => d > 40).length / diffs.length,
        contrast: Math.sqrt(p.reduce((s, v) => s + (v - mean) ** 2, 0) / p.length),
      };
    }, [baseline.toString('base64'), shot.toString('base64')] as const);
    await compare.close();
    const actual = join(tmpdir(), 'backend-review-html-report.actual.png');
    writeFileSync(actual, shot);
    expect(result.sameSize).toBe(true);
    expect(result.contrast, 'the page rendered something').toBeGreaterThan(5);
    // Calibrated: a timestamp added to the header gives 0.16 / 0.04%, the same page in Korean 3.4 / 1.3%,
    // the content 100px narrower 9.8 / 5.8%. Regenerate with UPDATE_SNAPSHOTS=1 after a deliberate change.
    expect(result.meanDiff, `mean block difference; the new screenshot is at ${actual}`).toBeLessThan(2);
    expect(result.changedBlocks, `share of blocks that changed a lot; see ${actual}`).toBeLessThan(0.008);
  });
});
