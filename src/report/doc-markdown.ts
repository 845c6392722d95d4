// Document blocks -> GitHub-flavoured markdown (markdownlint-clean with the committed config).
import type { Block, Inline, Line } from './doc.js';
import { blocks as joinBlocks, code, escapeText, heading, list, table } from './markdown-format.js';

/** URLs in text (a CORS origin, a message) become code spans: never a bare URL, never a link the report did not make. */
const URL_IN_TEXT = /(?:https?|ftp|wss?):\/\/[^\s`'"()<>]+/gi;

function textWithUrls(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const url = match[0].replace(/[.,;:!?]+$/, '');
    out += escapeText(text.slice(last, match.index)) + code(url);
    last = match.index + url.length;
  }
  return out + escapeText(text.slice(last));
}

function inline(i: Inline): string {
  if (i.kind === 'text') return textWithUrls(i.text);
  if (i.kind === 'code') return code(i.text);
  return `[${markdownLine(i.content)}](<${i.href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}

export const markdownLine = (content: Line): string => content.map(inline).join('');

function block(b: Block): string {
  switch (b.kind) {
    case 'heading': return heading(b.level, markdownLine(b.text));
    case 'paragraph': return markdownLine(b.text);
    case 'list': return list(b.items.map(markdownLine));
    case 'table': return table(b.headers.map(escapeText), b.rows.map((r) => r.map(markdownLine)));
    case 'mermaid': return `\`\`\`mermaid\n${b.source}\n\`\`\``;
  }
}

/** The whole document, blocks separated by one blank line, ending with one newline. */
export function renderMarkdownDoc(doc: readonly Block[]): string {
  return `${joinBlocks(...doc.map(block))}\n`;
}
