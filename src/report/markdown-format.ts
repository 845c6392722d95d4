// Small builders for valid CommonMark / GitHub-flavoured markdown.

/** Backslash-escapes characters that would start markup, so text shows as written. */
export function escapeText(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/[\\`*_[\]<>#]/g, (c) => `\\${c}`);
}

/** An inline code span that survives backticks inside. */
export function code(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ');
  if (flat.trim() === '') return '(empty)';
  let fence = '`';
  while (flat.includes(fence)) fence += '`';
  const pad = flat.startsWith('`') || flat.endsWith('`') || fence.length > 1 ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A link whose URL cannot break out of its parentheses. */
export function link(text: string, url: string): string {
  return `[${escapeText(text)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}

/** A GitHub table of formatted markdown cells; every `|` in a cell is escaped (also inside code spans). */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (c: string) => (c === '' ? ' ' : c.replace(/\|/g, '\\|'));
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

export function list(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}

export const heading = (level: number, text: string): string => `${'#'.repeat(level)} ${text}`;

/** Joins blocks with one blank line between them (around headings, lists, tables and fences). */
export const blocks = (...parts: (string | false | undefined)[]): string =>
  parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n\n');
