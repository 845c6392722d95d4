// A small XML reader for deployment descriptors and framework configuration (struts.xml, web.xml):
// elements with attributes, text and 1-based start lines. One linear pass; comments, processing
// instructions, DOCTYPE and CDATA are handled; malformed input gives a best-effort tree, never a throw.

export interface XmlElement {
  /** Tag name without namespace prefix ('javaee:servlet' -> 'servlet'). */
  name: string;
  attrs: Map<string, string>;
  children: XmlElement[];
  /** Concatenated character data directly inside the element, entities decoded. */
  text: string;
  line: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ent: string) => {
    if (ent.startsWith('#x')) return String.fromCharCode(parseInt(ent.slice(2), 16));
    if (ent.startsWith('#')) return String.fromCharCode(parseInt(ent.slice(1), 10));
    return ENTITIES[ent] ?? whole;
  });
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

function isNameChar(c: string): boolean {
  return !(c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '/' || c === '>' || c === '=' || c === '"' || c === "'");
}

/** Parses the attributes of a start tag body (between the name and '>' / '/>'). */
function readAttributes(body: string): Map<string, string> {
  const attrs = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    while (i < body.length && !isNameChar(body[i]!)) i++;
    const start = i;
    while (i < body.length && isNameChar(body[i]!)) i++;
    const name = body.slice(start, i);
    if (!name) break;
    while (body[i] === ' ' || body[i] === '\t' || body[i] === '\n' || body[i] === '\r') i++;
    if (body[i] !== '=') {
      attrs.set(localName(name), '');
      continue;
    }
    i++;
    while (body[i] === ' ' || body[i] === '\t' || body[i] === '\n' || body[i] === '\r') i++;
    const quote = body[i];
    if (quote !== '"' && quote !== "'") continue;
    const end = body.indexOf(quote, i + 1);
    if (end < 0) break;
    attrs.set(localName(name), decode(body.slice(i + 1, end)));
    i = end + 1;
  }
  return attrs;
}

/** The document's elements: a synthetic root (name '') whose children are the top-level elements. */
export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '', attrs: new Map(), children: [], text: '', line: 1 };
  const stack: XmlElement[] = [root];
  let line = 1;
  let lineAt = 0; // offset up to which newlines were counted
  const lineOf = (offset: number) => {
    for (let j = lineAt; j < offset; j++) if (text.charCodeAt(j) === 10) line++;
    lineAt = Math.max(lineAt, offset);
    return line;
  };
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const top = stack[stack.length - 1]!;
    if (lt < 0) {
      top.text += decode(text.slice(i));
      break;
    }
    if (lt > i) top.text += decode(text.slice(i, lt));
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      i = end < 0 ? text.length : end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      top.text += text.slice(lt + 9, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end + 3;
      continue;
    }
    if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      i = end < 0 ? text.length : end + 2;
      continue;
    }
    if (text.startsWith('<!', lt)) {
      // DOCTYPE, possibly with an internal subset in [...].
      const bracket = text.indexOf('[', lt);
      const close = text.indexOf('>', lt);
      if (bracket >= 0 && close >= 0 && bracket < close) {
        const subsetEnd = text.indexOf(']', bracket);
        const end = subsetEnd < 0 ? -1 : text.indexOf('>', subsetEnd);
        i = end < 0 ? text.length : end + 1;
      } else i = close < 0 ? text.length : close + 1;
      continue;
    }
    const gt = findTagEnd(text, lt + 1);
    if (gt < 0) break;
    const inner = text.slice(lt + 1, gt);
    if (inner.startsWith('/')) {
      const name = localName(inner.slice(1).trim());
      // Pop to the matching element (tolerates unclosed children).
      for (let s = stack.length - 1; s > 0; s--) {
        if (stack[s]!.name === name) {
          stack.length = s;
          break;
        }
      }
      i = gt + 1;
      continue;
    }
    const selfClosing = inner.endsWith('/');
    const body = selfClosing ? inner.slice(0, -1) : inner;
    let n = 0;
    while (n < body.length && isNameChar(body[n]!)) n++;
    const element: XmlElement = {
      name: localName(body.slice(0, n)), attrs: readAttributes(body.slice(n)), children: [], text: '', line: lineOf(lt),
    };
    top.children.push(element);
    if (!selfClosing) stack.push(element);
    i = gt + 1;
  }
  return root;
}

/** Index of the '>' closing a tag opened before `from`, skipping quoted attribute values. */
function findTagEnd(text: string, from: number): number {
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}

/** Direct children with this name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

/** Trimmed text of the first direct child with this name. */
export function childText(element: XmlElement, name: string): string | undefined {
  const child = element.children.find((c) => c.name === name);
  return child ? child.text.trim() : undefined;
}

/** Every element with this name, at any depth, in document order. */
export function descendantsNamed(element: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const stack = [...element.children].reverse();
  while (stack.length) {
    const next = stack.pop()!;
    if (next.name === name) out.push(next);
    for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i]!);
  }
  return out;
}
