// Line-level readers for configuration files: `.properties` keys and YAML key paths (by indentation).
// No regex runs over a whole file: each line is split by index arithmetic, then small linear
// regexes look at one key or one value.

export interface ConfigEntry {
  /** Dotted key path: 'spring.datasource.url', 'nelmio_cors.defaults.allow_origin'. */
  key: string;
  /** The value as written (quotes removed); '' for a YAML parent key. */
  value: string;
  line: number;
  /** 0-based column where the key starts. */
  column: number;
  /** Text of the line, without the line break. */
  text: string;
}

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) return v.slice(1, -1);
  return v;
}

/** `key=value` / `key: value` lines of a .properties file. */
export function propertiesEntries(text: string): ConfigEntry[] {
  const out: ConfigEntry[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const trimmed = line.trimStart();
    if (!trimmed || trimmed.startsWith('#') || trimmed.startsWith('!')) return;
    const eq = trimmed.search(/[=:]/);
    if (eq <= 0) return;
    out.push({ key: trimmed.slice(0, eq).trim(), value: unquote(trimmed.slice(eq + 1)), line: i + 1, column: line.length - trimmed.length, text: line });
  });
  return out;
}

/** YAML mapping keys with their full dotted path; list items (`- x`) are reported under their parent key with key path + '[]'. */
export function yamlEntries(text: string): ConfigEntry[] {
  const out: ConfigEntry[] = [];
  const stack: { indent: number; key: string }[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const trimmed = line.trimStart();
    if (!trimmed || trimmed.startsWith('#') || trimmed === '---') return;
    const indent = line.length - trimmed.length;
    if (trimmed.startsWith('- ')) {
      // `key:` followed by items at a deeper or the same indentation
      while (stack.length > 0 && stack[stack.length - 1]!.indent > indent) stack.pop();
      const parent = stack.map((s) => s.key).join('.');
      const item = trimmed.slice(2);
      const colon = item.search(/:(\s|$)/);
      if (colon > 0 && !/^["']/.test(item)) {
        // `- url: /api` : a mapping inside a list item
        out.push({ key: `${parent}[].${unquote(item.slice(0, colon))}`, value: unquote(item.slice(colon + 1).replace(/\s#.*$/, '')), line: i + 1, column: indent + 2, text: line });
      } else out.push({ key: `${parent}[]`, value: unquote(item.replace(/\s#.*$/, '')), line: i + 1, column: indent, text: line });
      return;
    }
    const colon = trimmed.search(/:(\s|$)/);
    if (colon <= 0) return;
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const key = unquote(trimmed.slice(0, colon));
    const value = trimmed.slice(colon + 1).replace(/\s#.*$/, '').trim();
    stack.push({ indent, key });
    out.push({ key: stack.map((s) => s.key).join('.'), value: unquote(value), line: i + 1, column: indent, text: line });
  });
  return out;
}

/** `['*', 'https://a']`, `[*]`, `"*"` -> the items. */
export function inlineList(value: string): string[] {
  const v = value.trim();
  if (v.startsWith('[') && v.endsWith(']')) return v.slice(1, -1).split(',').map(unquote).filter((s) => s.length > 0);
  return v.length > 0 ? v.split(',').map(unquote).filter((s) => s.length > 0) : [];
}
