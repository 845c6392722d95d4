// A tiny document model shared by the markdown and HTML architecture reports: the report is built
// once as blocks of inline runs, then written out by `doc-markdown.ts` or `doc-html.ts`.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; content: Inline[]; href: string };

/** A run of inline content; plain strings in builders become text. */
export type Line = Inline[];

export interface TableBlock {
  kind: 'table';
  headers: string[];
  rows: Line[][];
  /** Set on the tables the HTML view makes interactive (sortable and filterable). */
  interactive?: { id: string; filterLabel: string; sortHint: string; rowsShown: (shown: number, total: number) => string };
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: Line; id?: string }
  | { kind: 'paragraph'; text: Line }
  | { kind: 'list'; items: Line[] }
  | TableBlock
  | { kind: 'mermaid'; source: string };

export type Part = string | Inline | Line | undefined | false;

export const text = (value: string): Inline => ({ kind: 'text', text: value });
export const code = (value: string): Inline => ({ kind: 'code', text: value });
export const link = (content: Part, href: string): Inline => ({ kind: 'link', content: line(content), href });

/** Joins parts into one line; strings become text, falsy parts are dropped. */
export function line(...parts: Part[]): Line {
  const out: Inline[] = [];
  for (const part of parts) {
    if (part === undefined || part === false || part === '') continue;
    if (typeof part === 'string') out.push(text(part));
    else if (Array.isArray(part)) out.push(...part);
    else out.push(part);
  }
  return out;
}

/** Items separated by `sep` (', ' by default). */
export function joined(items: readonly Line[], sep = ', '): Line {
  return items.flatMap((item, i) => (i === 0 ? item : [text(sep), ...item]));
}

export const heading = (level: 1 | 2 | 3 | 4, ...parts: Part[]): Block => ({ kind: 'heading', level, text: line(...parts) });
export const paragraph = (...parts: Part[]): Block => ({ kind: 'paragraph', text: line(...parts) });
export const list = (items: readonly Line[]): Block => ({ kind: 'list', items: [...items] });
export const table = (headers: readonly string[], rows: readonly Line[][]): TableBlock =>
  ({ kind: 'table', headers: [...headers], rows: rows.map((r) => [...r]) });
export const mermaid = (source: string): Block => ({ kind: 'mermaid', source });

/** A list, or a paragraph saying there is nothing to list. */
export const listOr = (items: readonly Line[], none: string): Block => (items.length ? list(items) : paragraph(none));

/** The plain text of a line (for sorting, filtering and tests). */
export function plain(content: Line): string {
  return content.map((i) => (i.kind === 'link' ? plain(i.content) : i.text)).join('');
}
