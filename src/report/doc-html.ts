// Document blocks -> HTML body fragments. Every text is escaped; links keep relative or https targets only.
import type { Block, Inline, Line, TableBlock } from './doc.js';
import { plain } from './doc.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Only https and relative targets become links; anything else (javascript:, data:) is shown as text. */
function safeHref(href: string): string | undefined {
  if (/^https:\/\//i.test(href)) return href;
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return undefined;
  return href;
}

function inline(i: Inline): string {
  if (i.kind === 'text') return escapeHtml(i.text);
  if (i.kind === 'code') return `<code>${escapeHtml(i.text)}</code>`;
  const href = safeHref(i.href);
  return href === undefined ? htmlLine(i.content) : `<a href="${escapeHtml(href)}">${htmlLine(i.content)}</a>`;
}

export const htmlLine = (content: Line): string => content.map(inline).join('');

/** A number that cannot appear in a count, replaced by the script with the rows shown. */
export const SHOWN_PLACEHOLDER = 987654321;

function tableHtml(b: TableBlock): string {
  const head = b.interactive
    ? b.headers.map((h, i) => `<th scope="col"><button type="button" data-col="${i}">${escapeHtml(h)}</button></th>`).join('')
    : b.headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const rows = b.rows.map((r) => `<tr>${r.map((c) => `<td>${htmlLine(c)}</td>`).join('')}</tr>`).join('\n');
  const tableTag = b.interactive ? `<table id="${escapeHtml(b.interactive.id)}" class="interactive">` : '<table>';
  const body = `<div class="table-wrap">${tableTag}\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table></div>`;
  if (!b.interactive) return body;
  const { id, filterLabel, sortHint, rowsShown } = b.interactive;
  const total = b.rows.length;
  return [
    `<div class="table-tools"><label for="${id}-filter">${escapeHtml(filterLabel)}</label>`,
    `<input type="search" id="${id}-filter" autocomplete="off">`,
    `<span id="${id}-count" aria-live="polite" data-template="${escapeHtml(rowsShown(SHOWN_PLACEHOLDER, total))}">`
      + `${escapeHtml(rowsShown(total, total))}</span>`,
    `<span class="hint">${escapeHtml(sortHint)}</span></div>`,
    body,
  ].join('\n');
}

export interface HtmlBlockContext {
  diagramNote: string;
  /** Id for each level-2 heading, in order. */
  sectionId: (index: number) => string;
}

export function renderHtmlBlocks(blocks: readonly Block[], ctx: HtmlBlockContext): string {
  let section = 0;
  return blocks.map((b) => {
    switch (b.kind) {
      case 'heading':
        return b.level === 2 ? `<h2 id="${ctx.sectionId(section++)}">${htmlLine(b.text)}</h2>` : `<h${b.level}>${htmlLine(b.text)}</h${b.level}>`;
      case 'paragraph': return `<p>${htmlLine(b.text)}</p>`;
      case 'list': return `<ul>\n${b.items.map((i) => `<li>${htmlLine(i)}</li>`).join('\n')}\n</ul>`;
      case 'table': return tableHtml(b);
      case 'mermaid':
        return `<figure class="diagram"><pre class="mermaid">${escapeHtml(b.source)}</pre><figcaption>${escapeHtml(ctx.diagramNote)}</figcaption></figure>`;
    }
  }).join('\n');
}

/** Table of contents entries: the text of each level-2 heading. */
export const sectionTitles = (blocks: readonly Block[]): string[] =>
  blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading' && b.level === 2).map((b) => plain(b.text));
