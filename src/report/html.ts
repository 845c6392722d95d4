// The HTML architecture report (`--format html`, `--html FILE`): one self-contained file, the same
// content as the markdown report, with a sortable and filterable endpoint table. Nothing is loaded
// from the network: the style and script are inline and the Content-Security-Policy forbids the rest.
import { createHash } from 'node:crypto';
import type { RunResult } from '../core/result.js';
import { architectureReport } from './architecture-report.js';
import { plain, type Block } from './doc.js';
import { escapeHtml, htmlLine, renderHtmlBlocks, sectionTitles, SHOWN_PLACEHOLDER } from './doc-html.js';
import { HTML_SCRIPT, HTML_STYLE } from './html-assets.js';
import type { ReporterOptions } from './types.js';

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const sectionId = (index: number): string => `section-${index + 1}`;

export function renderHtml(result: RunResult, options: ReporterOptions = {}): string {
  const { ctx, blocks } = architectureReport(result, options, 'html');
  const [title, ...rest] = blocks as [Extract<Block, { kind: 'heading' }>, ...Block[]];
  const [generated, ...body] = rest;
  const script = HTML_SCRIPT.split('__PLACEHOLDER__').join(String(SHOWN_PLACEHOLDER));
  const csp = `default-src 'none'; style-src ${sha256(HTML_STYLE)}; script-src ${sha256(script)}; img-src data:; base-uri 'none'; form-action 'none'`;
  const toc = sectionTitles(body).map((t, i) => `<li><a href="#${sectionId(i)}">${escapeHtml(t)}</a></li>`).join('\n');
  return `${[
    '<!doctype html>',
    `<html lang="${ctx.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta name="generator" content="${escapeHtml(`${result.tool.name} ${result.tool.version}`)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    `<title>${escapeHtml(plain(title.text))}</title>`,
    `<style>${HTML_STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${htmlLine(title.text)}</h1>`,
    generated ? renderHtmlBlocks([generated], { diagramNote: ctx.msg.html.diagramNote, sectionId: () => '' }) : '',
    '</header>',
    `<nav aria-label="${escapeHtml(ctx.msg.html.contents)}"><ol>\n${toc}\n</ol></nav>`,
    '<main>',
    renderHtmlBlocks(body, { diagramNote: ctx.msg.html.diagramNote, sectionId }),
    '</main>',
    `<script>${script}</script>`,
    '</body>',
    '</html>',
  ].join('\n')}\n`;
}
