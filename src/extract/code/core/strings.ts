// String literal helpers shared by the tree-sitter languages' expression views.

const SIMPLE: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', f: '\f', v: '\v', a: '\x07', e: '\x1b', s: ' ' };

/** Decodes one escape sequence as written (`\n`, `\"`, `\u00e9`, `\x41`); unknown escapes keep the escaped character. */
export function decodeEscape(seq: string): string {
  if (seq.length < 2 || seq[0] !== '\\') return seq;
  const c = seq[1]!;
  if (c in SIMPLE && seq.length === 2) return SIMPLE[c]!;
  if ((c === 'u' || c === 'x' || c === 'U') && seq.length > 2) {
    const hex = seq.slice(2).replace(/[{}]/g, '');
    const code = parseInt(hex, 16);
    if (Number.isFinite(code) && code >= 0 && code <= 0x10ffff) return String.fromCodePoint(code);
  }
  if (/^[0-7]+$/.test(seq.slice(1))) return String.fromCharCode(parseInt(seq.slice(1), 8));
  return seq.slice(1);
}

/** Decodes the escapes of a whole literal body. */
export function decodeEscapes(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '\\' || i + 1 >= text.length) { out += ch; continue; }
    const next = text[i + 1]!;
    if (next === 'u' && text[i + 2] === '{') {
      const close = text.indexOf('}', i + 3);
      if (close > 0) { out += decodeEscape(text.slice(i, close + 1)); i = close; continue; }
    }
    const len = next === 'u' ? 6 : next === 'U' ? 10 : next === 'x' ? 4 : 2;
    out += decodeEscape(text.slice(i, i + len));
    i += len - 1;
  }
  return out;
}
