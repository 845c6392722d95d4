// Doctrine-style annotations in one docblock comment taken from the syntax tree:
// `@Route("/x", name="y", methods={"GET","POST"})`, `@Rest\Get("/x")`, `@IsGranted("ROLE_USER")`.
// A small linear scanner: strings, {lists}, key=value / key: value pairs, nested @annotations, bare words.

export type AnnotationValue =
  | { kind: 'string'; value: string }
  | { kind: 'word'; value: string }
  | { kind: 'list'; items: AnnotationValue[]; named: Map<string, AnnotationValue> }
  | { kind: 'annotation'; annotation: DocAnnotation };

export interface DocAnnotation {
  name: string; // as written: 'Route', 'Rest\\Get', 'OA\\Tag'
  /** 0-based line of the '@' inside the comment text. */
  line: number;
  positional: AnnotationValue[];
  named: Map<string, AnnotationValue>;
}

const isNameStart = (c: string) => /[A-Za-z_\\]/.test(c);
const isNameChar = (c: string) => /[A-Za-z0-9_\\]/.test(c);
const isWordChar = (c: string) => /[A-Za-z0-9_\\:.\-+]/.test(c);

class Scanner {
  pos = 0;
  constructor(readonly text: string) {}

  lineAt(pos: number): number {
    let line = 0;
    for (let i = 0; i < pos && i < this.text.length; i++) if (this.text[i] === '\n') line++;
    return line;
  }

  skipSpace(): void {
    while (this.pos < this.text.length && /[\s*]/.test(this.text[this.pos]!)) {
      // A '*/' ends the comment.
      if (this.text[this.pos] === '*' && this.text[this.pos + 1] === '/') return;
      this.pos++;
    }
  }

  readName(): string {
    const start = this.pos;
    while (this.pos < this.text.length && isNameChar(this.text[this.pos]!)) this.pos++;
    return this.text.slice(start, this.pos);
  }

  readString(): string {
    const quote = this.text[this.pos]!;
    this.pos++;
    let out = '';
    while (this.pos < this.text.length) {
      const c = this.text[this.pos]!;
      if (c === quote) {
        if (this.text[this.pos + 1] === quote) { // "" escapes a quote
          out += quote;
          this.pos += 2;
          continue;
        }
        this.pos++;
        return out;
      }
      out += c;
      this.pos++;
    }
    return out;
  }

  readValue(depth: number): AnnotationValue | undefined {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === undefined) return undefined;
    if (c === '"' || c === "'") return { kind: 'string', value: this.readString() };
    if (c === '{' || c === '[') return this.readList(c === '{' ? '}' : ']', depth + 1);
    if (c === '@' && depth < 8) {
      this.pos++;
      const annotation = this.readAnnotation(this.pos - 1, depth + 1);
      return annotation ? { kind: 'annotation', annotation } : undefined;
    }
    const start = this.pos;
    while (this.pos < this.text.length && isWordChar(this.text[this.pos]!)) this.pos++;
    if (this.pos === start) {
      this.pos++; // unknown character: step over it
      return undefined;
    }
    return { kind: 'word', value: this.text.slice(start, this.pos) };
  }

  /** Reads `key=value` / `key: value` / value items up to `close`; the opening bracket is at pos. */
  readItems(close: string, depth: number): { items: AnnotationValue[]; named: Map<string, AnnotationValue> } {
    this.pos++;
    const items: AnnotationValue[] = [];
    const named = new Map<string, AnnotationValue>();
    while (this.pos < this.text.length) {
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === undefined) break;
      if (c === close) {
        this.pos++;
        break;
      }
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === '*' && this.text[this.pos + 1] === '/') break;
      const before = this.pos;
      const value = this.readValue(depth);
      this.skipSpace();
      const sep = this.text[this.pos];
      if ((sep === '=' || sep === ':') && value && (value.kind === 'word' || value.kind === 'string')) {
        this.pos++;
        const inner = this.readValue(depth);
        if (inner) named.set(value.value, inner);
      } else if (value) items.push(value);
      if (this.pos === before) this.pos++;
    }
    return { items, named };
  }

  readList(close: string, depth: number): AnnotationValue {
    const { items, named } = this.readItems(close, depth);
    return { kind: 'list', items, named };
  }

  readAnnotation(at: number, depth: number): DocAnnotation | undefined {
    const name = this.readName();
    if (!name) return undefined;
    const annotation: DocAnnotation = { name, line: this.lineAt(at), positional: [], named: new Map() };
    if (this.text[this.pos] === '(') {
      const { items, named } = this.readItems(')', depth);
      annotation.positional = items;
      annotation.named = named;
    }
    return annotation;
  }
}

/** Top-level annotations of a docblock, in order. */
export function parseDocAnnotations(comment: string): DocAnnotation[] {
  const scanner = new Scanner(comment);
  const out: DocAnnotation[] = [];
  while (scanner.pos < comment.length) {
    const at = comment.indexOf('@', scanner.pos);
    if (at < 0) break;
    const prev = at > 0 ? comment[at - 1]! : ' ';
    scanner.pos = at + 1;
    if (!/[\s*]/.test(prev) || !isNameStart(comment[at + 1] ?? '')) continue;
    const annotation = scanner.readAnnotation(at, 0);
    if (annotation) out.push(annotation);
  }
  return out;
}

/** Strings of a value: "x" -> ['x'], {"a","b"} -> ['a', 'b'], words included (`Request::METHOD_GET`). */
export function annotationStrings(value: AnnotationValue | undefined): string[] {
  if (!value) return [];
  if (value.kind === 'string' || value.kind === 'word') return [value.value];
  if (value.kind === 'list') return [...value.items, ...value.named.values()].flatMap(annotationStrings);
  return [];
}
