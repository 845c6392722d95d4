// Readers for JVM configuration files: Java .properties and the block-style YAML of
// application.yml (nested mappings of scalars, `---` documents). Enough for the few keys route
// extraction needs; lists, anchors and flow collections are skipped. Config files, not source code.

export interface ConfigEntry {
  key: string;
  value: string;
  line: number; // 1-based
  /** Document index in a multi-document YAML file (0 for properties). */
  document: number;
}

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) return v.slice(1, -1);
  return v;
}

/** `key=value`, `key: value` or `key value` lines; `#` / `!` comments; `\` line continuations. */
export function readProperties(text: string): ConfigEntry[] {
  const out: ConfigEntry[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i]!.trimStart();
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + lines[++i]!.trimStart();
    let sep = -1;
    for (let j = 0; j < line.length; j++) {
      const c = line[j];
      if (c === '\\') { j++; continue; }
      if (c === '=' || c === ':' || c === ' ' || c === '\t') { sep = j; break; }
    }
    const key = (sep < 0 ? line : line.slice(0, sep)).trim();
    let rest = sep < 0 ? '' : line.slice(sep + 1);
    rest = rest.replace(/^[\s=:]*/, '');
    if (key) out.push({ key, value: rest.trim(), line: start + 1, document: 0 });
  }
  return out;
}

/** Strips a ` # comment` outside quotes. */
function stripComment(text: string): string {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) return text.slice(0, i);
  }
  return text;
}

/** Flattens block mappings to dotted keys: `server:\n  servlet:\n    context-path: /api` -> server.servlet.context-path. */
export function readYaml(text: string): ConfigEntry[] {
  const out: ConfigEntry[] = [];
  const stack: { indent: number; key: string }[] = [];
  let document = 0;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (/^---(\s|$)/.test(raw) || /^\.\.\.(\s|$)/.test(raw)) {
      document++;
      stack.length = 0;
      continue;
    }
    const content = stripComment(raw).trimEnd();
    if (!content.trim()) continue;
    const indent = content.length - content.trimStart().length;
    const body = content.trim();
    if (body.startsWith('- ') || body === '-') continue; // list items are not needed here
    const colon = keyColon(body);
    if (colon < 0) continue;
    const key = unquote(body.slice(0, colon));
    const value = body.slice(colon + 1).trim();
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const full = [...stack.map((s) => s.key), key].join('.');
    if (value === '' || value === '|' || value === '>') stack.push({ indent, key });
    else out.push({ key: full, value: unquote(value), line: i + 1, document });
  }
  return out;
}

/** Index of the `:` that ends a mapping key (followed by a space or the end), outside quotes. */
function keyColon(body: string): number {
  let quote = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if ((c === '"' || c === "'") && i === 0) quote = c;
    else if (c === ':' && (i + 1 === body.length || body[i + 1] === ' ' || body[i + 1] === '\t')) return i;
  }
  return -1;
}
