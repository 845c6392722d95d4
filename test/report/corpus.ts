// Repositories whose reports the corpus tests check: the fixture apps, and the dev repositories of
// ../shared/eval/architecture when their mirrors are on this machine. Plus markdownlint and
// Mermaid's own parser, loaded the way the tests need them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResult } from '../../src/core/result.js';
import { detectSpecId, reportLanguage } from '../../src/engine/moai.js';
import { scan } from '../../src/engine/run.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { ReporterOptions } from '../../src/report/types.js';
import { projectRoot, sharedDir } from '../helpers/schemas.js';

export interface Corpus { name: string; root: string }

/** Directory of bare git mirrors (<owner>+<name>/repo), as the eval kits use; unset = those checks skip. */
export const MIRRORS = process.env.MIRRORS ?? '';
const APPS = join(projectRoot, 'fixtures', 'apps');

export const fixtureCorpora = (): Corpus[] =>
  readdirSync(APPS).sort().map((name) => ({ name: `fixtures/apps/${name}`, root: join(APPS, name) }));

/** The dev split of the architecture kit whose mirrors are in MIRRORS; names of the missing ones. */
export function mirrorCorpora(): { corpora: Corpus[]; missing: string[] } {
  const indexPath = join(sharedDir, 'eval', 'architecture', 'index.json');
  if (!existsSync(indexPath)) return { corpora: [], missing: ['../shared/eval/architecture/index.json'] };
  const index = JSON.parse(readFileSync(indexPath, 'utf8')) as { repos: { repo: string; split: string }[] };
  const corpora: Corpus[] = [];
  const missing: string[] = [];
  for (const { repo } of index.repos.filter((r) => r.split === 'dev')) {
    if (!MIRRORS) {
      missing.push(repo);
      continue;
    }
    const gitDir = join(MIRRORS, repo.replace('/', '+'), 'repo');
    if (existsSync(gitDir)) corpora.push({ name: repo, root: gitDir });
    else missing.push(repo);
  }
  return { corpora, missing };
}

/** Extracts a mirror's HEAD into a scratch directory (git archive HEAD | tar -x) and returns that directory. */
export function extractMirror(corpus: Corpus, scratch: string): string {
  const root = join(scratch, corpus.name.replace('/', '+'));
  mkdirSync(root, { recursive: true });
  const out = spawnSync('sh', ['-c', `git -C "${corpus.root}" archive HEAD | tar -x -C "${root}"`], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`cannot extract ${corpus.name}: ${out.stderr.trim()}`);
  return root;
}

/** The report options the CLI would use for this result (language and SPEC from the MoAI context). */
export function cliReportOptions(result: RunResult): ReporterOptions {
  const specId = detectSpecId(result.moai, result.model.moaiTags);
  return { lang: reportLanguage(result.moai?.language), ...(specId ? { specId } : {}), linkBase: '../..' };
}

export async function markdownReport(root: string): Promise<{ result: RunResult; markdown: string }> {
  const result = await scan({ root });
  return { result, markdown: renderMarkdown(result, cliReportOptions(result)) };
}

/** The committed .markdownlint.jsonc (comments on their own lines). */
export function markdownlintConfig(): Record<string, unknown> {
  const text = readFileSync(join(projectRoot, '.markdownlint.jsonc'), 'utf8');
  return JSON.parse(text.split('\n').filter((l) => !l.trim().startsWith('//')).join('\n')) as Record<string, unknown>;
}

/** markdownlint problems of each named text, as 'name:line MDxxx/rule detail'. */
export async function markdownlintProblems(texts: Record<string, string>): Promise<string[]> {
  const { lint } = await import('markdownlint/promise');
  const results = await lint({ strings: texts, config: markdownlintConfig() });
  return Object.entries(results).flatMap(([name, errors]) => errors.map((e) =>
    `${name}:${e.lineNumber} ${e.ruleNames.join('/')} ${e.errorDetail ?? ''} ${e.errorContext ?? ''}`.trim()));
}

export function mermaidBlocks(markdown: string): string[] {
  const lines = markdown.split('\n');
  const blocks: string[] = [];
  for (let i = lines.indexOf('```mermaid'); i !== -1; i = lines.indexOf('```mermaid', i + 1)) {
    blocks.push(lines.slice(i + 1, lines.indexOf('```', i + 1)).join('\n'));
  }
  return blocks;
}

export type MermaidParse = (source: string) => Promise<void>;

/**
 * Mermaid's own parser. `mermaid` needs a DOM even to parse, so jsdom provides one. Returns the
 * reason when either package is not installed (dev dependencies: mermaid@11.17.2, jsdom@29.1.1).
 */
export async function loadMermaid(): Promise<MermaidParse | string> {
  const load = (name: string) => import(name) as Promise<any>;
  let jsdom: any;
  let mermaid: any;
  try {
    jsdom = await load('jsdom');
  } catch {
    return 'the jsdom package is not installed (npm i -D jsdom@29.1.1 mermaid@11.17.2)';
  }
  const dom = new jsdom.JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  const g = globalThis as Record<string, unknown>;
  g.window ??= dom.window;
  g.document ??= dom.window.document;
  for (const key of ['DOMParser', 'Element', 'HTMLElement', 'Node', 'SVGElement']) g[key] ??= dom.window[key];
  try {
    mermaid = (await load('mermaid')).default;
  } catch {
    return 'the mermaid package is not installed (npm i -D mermaid@11.17.2 jsdom@29.1.1)';
  }
  mermaid.initialize({ startOnLoad: false });
  return async (source: string) => {
    await mermaid.parse(source);
  };
}
