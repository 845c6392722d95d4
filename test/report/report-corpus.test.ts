// The markdown report on real trees: the fixture apps and the architecture kit's dev repositories
// (when their mirrors are here). Each report must pass markdownlint with the committed config,
// every Mermaid block must parse with Mermaid's own parser, and a rerun must be byte-identical.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.js';
import {
  cliReportOptions, extractMirror, fixtureCorpora, loadMermaid, markdownlintProblems, markdownReport, mermaidBlocks, mirrorCorpora, MIRRORS, type Corpus,
} from './corpus.js';

const parser = await loadMermaid();
const noMermaid = typeof parser === 'string' ? parser : undefined;
if (noMermaid) console.warn(`test/report/report-corpus: Mermaid parse checks skipped: ${noMermaid}`);

async function expectMermaidParses(name: string, markdown: string): Promise<void> {
  if (typeof parser === 'string') return;
  const blocks = mermaidBlocks(markdown);
  expect(blocks.length, `${name}: Mermaid blocks`).toBeGreaterThanOrEqual(2);
  for (const [i, block] of blocks.entries()) {
    await expect(parser(block).then(() => 'ok'), `${name}: Mermaid block ${i + 1}:\n${block}`).resolves.toBe('ok');
  }
}

/** Lints the report as the CLI writes it and in the other language; returns both. */
async function checkCorpus(name: string, root: string, rerun: boolean): Promise<string[]> {
  const { result, markdown } = await markdownReport(root);
  const options = cliReportOptions(result);
  const other = renderMarkdown(result, { ...options, lang: options.lang === 'ko' ? 'en' : 'ko' });
  expect(await markdownlintProblems({ [name]: markdown, [`${name} (other language)`]: other })).toEqual([]);
  if (rerun) expect((await markdownReport(root)).markdown, `${name}: rerun`).toBe(markdown);
  return [markdown, other];
}

describe('reports of the fixture apps', () => {
  for (const corpus of fixtureCorpora()) {
    it(`${corpus.name}: markdownlint-clean and byte-identical on a rerun`, async () => {
      await checkCorpus(corpus.name, corpus.root, true);
    });
  }
  it.skipIf(noMermaid !== undefined)(`every Mermaid block of every fixture report parses${noMermaid ? ` (skipped: ${noMermaid})` : ''}`, async () => {
    for (const corpus of fixtureCorpora()) {
      const { result, markdown } = await markdownReport(corpus.root);
      await expectMermaidParses(corpus.name, markdown);
      await expectMermaidParses(`${corpus.name} (ko)`, renderMarkdown(result, { ...cliReportOptions(result), lang: 'ko' }));
    }
  });
  it('the Mermaid checker is not vacuous', async () => {
    if (typeof parser === 'string') return;
    await expect(parser('flowchart LR\n  a["x"] --> b[["y')).rejects.toThrow();
  });
});

const { corpora: mirrors, missing } = mirrorCorpora();
if (missing.length) console.warn(`test/report/report-corpus: mirrors not found under ${MIRRORS}: ${missing.join(', ')}`);

describe.skipIf(mirrors.length === 0)(`reports of the architecture kit's dev repositories (mirrors in ${MIRRORS})`, () => {
  const scratch = mkdtempSync(join(tmpdir(), 'backend-review-corpus-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  for (const corpus of mirrors as Corpus[]) {
    it(`${corpus.name}: markdownlint-clean, Mermaid parses, rerun byte-identical`, async () => {
      const root = extractMirror(corpus, scratch);
      const [markdown, other] = await checkCorpus(corpus.name, root, true);
      await expectMermaidParses(corpus.name, markdown!);
      await expectMermaidParses(`${corpus.name} (other language)`, other!);
    }, 300_000);
  }
});
