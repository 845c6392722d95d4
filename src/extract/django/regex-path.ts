// Django re_path()/url() and DRF register() prefixes: a regular expression (one string literal's
// value) -> a plain path. Named groups become {name}, unnamed groups {param}; anchors are dropped.
// A character scanner, not a regex: it needs balanced parentheses.

export interface CleanPath {
  path: string;
  /** True when the pattern could not be turned into a plain path (kept verbatim). */
  isRegex: boolean;
}

const LITERAL_ESCAPES = new Set(['.', '/', '-', '_', '~', ':', '(', ')', '[', ']', '{', '}', '?', '*', '+', '$', '^', '|', '\\', '&', '=', '%', '@', '!', ',', ';']);
const QUANTIFIERS = new Set(['?', '*', '+']);

/** Index just past the ')' that closes the '(' at `start`, or -1. */
function closingParen(pattern: string, start: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = start; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

/** Skips a quantifier (`?`, `*`, `+`, `{n,m}`, lazy `?`) at `i`; returns the new index. */
function skipQuantifier(pattern: string, i: number): number {
  let j = i;
  if (pattern[j] === '{') {
    const end = pattern.indexOf('}', j);
    if (end > 0) j = end + 1;
  } else if (QUANTIFIERS.has(pattern[j] ?? '')) j++;
  if (pattern[j] === '?' && j > i) j++;
  return j;
}

export function regexToPath(pattern: string): CleanPath {
  let body = pattern;
  if (body.startsWith('^')) body = body.slice(1);
  if (body.endsWith('\\Z')) body = body.slice(0, -2);
  else if (body.endsWith('$') && !body.endsWith('\\$')) body = body.slice(0, -1);
  if (body.endsWith('/?')) body = body.slice(0, -2);
  let out = '';
  for (let i = 0; i < body.length; ) {
    const ch = body[i]!;
    if (ch === '\\') {
      const next = body[i + 1];
      if (next === undefined || !LITERAL_ESCAPES.has(next)) return { path: pattern, isRegex: true };
      out += next;
      i += 2;
      continue;
    }
    if (ch === '(') {
      const end = closingParen(body, i);
      if (end < 0) return { path: pattern, isRegex: true };
      const inner = body.slice(i + 1, end - 1);
      const after = skipQuantifier(body, end);
      const optional = after > end;
      const named = /^\?P<([A-Za-z_][A-Za-z0-9_]*)>/.exec(inner);
      if (named) out += `{${named[1]}}`;
      else if (inner.startsWith('?:') || inner.startsWith('?=') || inner.startsWith('?!')) {
        // Non-capturing / lookahead: an optional group is dropped, a required one must be plain text.
        if (!optional && !inner.startsWith('?=') && !inner.startsWith('?!')) {
          const nested = regexToPath(inner.slice(2));
          if (nested.isRegex) return { path: pattern, isRegex: true };
          out += nested.path;
        }
      } else out += '{param}';
      i = after;
      continue;
    }
    if (ch === '[' || ch === '.' || ch === '|') return { path: pattern, isRegex: true };
    if (QUANTIFIERS.has(ch) || ch === '{') return { path: pattern, isRegex: true };
    if (ch === '^' || ch === '$') return { path: pattern, isRegex: true };
    out += ch;
    i++;
  }
  return { path: out, isRegex: false };
}
