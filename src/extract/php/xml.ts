// A small linear XML element reader for framework configuration files (Magento etc/webapi.xml,
// etc/*/routes.xml): elements with attributes and children, comments / CDATA / processing
// instructions skipped, text ignored. Not a validating parser: malformed input yields what was read.

export interface XmlElement {
  name: string;
  attrs: Map<string, string>;
  children: XmlElement[];
  /** 1-based line of the '<'. */
  line: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c !== '&') {
      out += c;
      continue;
    }
    const end = value.indexOf(';', i);
    const name = end > i ? value.slice(i + 1, end) : '';
    if (end > i && name.length <= 8 && ENTITIES[name] !== undefined) {
      out += ENTITIES[name];
      i = end;
    } else out += c;
  }
  return out;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\n' || c === '\t' || c === '\r';
const isNameChar = (c: string | undefined) => c !== undefined && !isSpace(c) && c !== '=' && c !== '>' && c !== '/' && c !== '<' && c !== '"' && c !== "'";

/** The root elements of an XML text (usually one). */
export function parseXml(text: string): XmlElement[] {
  const roots: XmlElement[] = [];
  const stack: XmlElement[] = [];
  let line = 1;
  let i = 0;
  const advanceTo = (to: number) => {
    for (; i < to && i < text.length; i++) if (text[i] === '\n') line++;
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    advanceTo(lt);
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      advanceTo(end < 0 ? text.length : end + 3);
      continue;
    }
    if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      advanceTo(end < 0 ? text.length : end + 3);
      continue;
    }
    if (text[i + 1] === '?' || text[i + 1] === '!') {
      const end = text.indexOf('>', i + 2);
      advanceTo(end < 0 ? text.length : end + 1);
      continue;
    }
    if (text[i + 1] === '/') {
      const end = text.indexOf('>', i + 2);
      const name = text.slice(i + 2, end < 0 ? text.length : end).trim();
      // Pop to the matching element (tolerates unclosed children).
      const at = stack.map((e) => e.name).lastIndexOf(name);
      if (at >= 0) stack.length = at;
      advanceTo(end < 0 ? text.length : end + 1);
      continue;
    }
    const el: XmlElement = { name: '', attrs: new Map(), children: [], line };
    let j = i + 1;
    while (isNameChar(text[j])) j++;
    el.name = text.slice(i + 1, j);
    let selfClosing = false;
    while (j < text.length) {
      while (isSpace(text[j])) j++;
      const c = text[j];
      if (c === undefined) break;
      if (c === '>') { j++; break; }
      if (c === '/' && text[j + 1] === '>') { selfClosing = true; j += 2; break; }
      const start = j;
      while (isNameChar(text[j])) j++;
      const attr = text.slice(start, j);
      if (!attr) { j++; continue; }
      while (isSpace(text[j])) j++;
      if (text[j] !== '=') continue;
      j++;
      while (isSpace(text[j])) j++;
      const quote = text[j];
      if (quote !== '"' && quote !== "'") continue;
      const end = text.indexOf(quote, j + 1);
      const value = text.slice(j + 1, end < 0 ? text.length : end);
      el.attrs.set(attr, decode(value));
      j = end < 0 ? text.length : end + 1;
    }
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else roots.push(el);
    if (!selfClosing && el.name) stack.push(el);
    advanceTo(j);
  }
  return roots;
}

/** Descendant elements (and the roots themselves) with the given name, in document order. */
export function xmlElements(roots: readonly XmlElement[], name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (el: XmlElement) => {
    if (el.name === name) out.push(el);
    for (const child of el.children) visit(child);
  };
  for (const root of roots) visit(root);
  return out;
}
