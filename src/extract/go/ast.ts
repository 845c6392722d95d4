// Go-specific helpers over tree-sitter-go trees: string literals, constant strings, selector
// chains, call shapes, parameters and types. Language-neutral helpers are re-exported.
import type { Node } from 'web-tree-sitter';
import { field as fieldOf } from '../tree-sitter/ast.js';

export { ancestor, descendants, loc, namedChildren, treeOf, walk } from '../tree-sitter/ast.js';
export type { Node };

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\n': '\n', '\\t': '\t', '\\r': '\r', '\\\\': '\\', '\\"': '"', "\\'": "'", '\\a': '\x07', '\\b': '\b',
  '\\f': '\f', '\\v': '\v',
};

function unescapeGo(seq: string): string {
  const simple = SIMPLE_ESCAPES[seq];
  if (simple !== undefined) return simple;
  const hex = /^\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))$/.exec(seq);
  if (hex) {
    const code = Number.parseInt(hex[1] ?? hex[2] ?? hex[3] ?? '', 16);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  }
  return seq;
}

/** The value of an interpreted ("...") or raw (`...`) string literal node; otherwise undefined. */
export function stringLiteral(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'raw_string_literal') {
    const text = node.text;
    return text.length >= 2 ? text.slice(1, -1).replace(/\r/g, '') : '';
  }
  if (node.type !== 'interpreted_string_literal') return undefined;
  let out = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'interpreted_string_literal_content') out += child.text;
    else if (child.type === 'escape_sequence') out += unescapeGo(child.text);
  }
  return out;
}

/**
 * The constant text of an expression: string literals, `+` between constants, parentheses, and
 * identifiers / `pkg.Name` selectors that `lookup` knows. Otherwise undefined.
 */
export function constString(
  node: Node | null | undefined,
  lookup?: (node: Node) => string | undefined,
  depth = 0,
): string | undefined {
  if (!node || depth > 32) return undefined;
  switch (node.type) {
    case 'interpreted_string_literal':
    case 'raw_string_literal':
      return stringLiteral(node);
    case 'parenthesized_expression':
      return constString(namedArgs(node)[0], lookup, depth + 1);
    case 'binary_expression': {
      if (fieldOf(node, 'operator')?.text !== '+') return undefined;
      const left = constString(fieldOf(node, 'left'), lookup, depth + 1);
      if (left === undefined) return undefined;
      const right = constString(fieldOf(node, 'right'), lookup, depth + 1);
      return right === undefined ? undefined : left + right;
    }
    case 'identifier':
    case 'selector_expression':
      return lookup?.(node);
    default:
      return undefined;
  }
}

/** Named children without comments. */
export function namedArgs(node: Node | null | undefined): Node[] {
  if (!node) return [];
  return node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
}

/** Arguments of a call node (a variadic `xs...` argument is kept as its expression). */
export function callArgs(call: Node): Node[] {
  const args = fieldOf(call, 'arguments');
  return namedArgs(args).map((a) => (a.type === 'variadic_argument' ? (namedArgs(a)[0] ?? a) : a));
}

/** `a.b.c` -> ['a', 'b', 'c'] for identifier / selector chains without calls; otherwise undefined. */
export function selectorPath(node: Node | null | undefined): string[] | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier' || node.type === 'field_identifier' || node.type === 'package_identifier') return [node.text];
  if (node.type === 'selector_expression') {
    const operand = selectorPath(fieldOf(node, 'operand'));
    const field = fieldOf(node, 'field');
    return operand && field ? [...operand, field.text] : undefined;
  }
  if (node.type === 'parenthesized_expression') {
    const inner = namedArgs(node);
    return inner.length === 1 ? selectorPath(inner[0]) : undefined;
  }
  return undefined;
}

/** One call in a method chain: `.name(args)`; `receiverless` for a plain `f(args)` at the chain's start. */
export interface ChainSegment {
  name: string;
  args: Node[];
  call: Node;
  receiverless: boolean;
}

/**
 * A call chain such as `r.PathPrefix("/x").Subrouter().HandleFunc(...)`, innermost first:
 * root `r`, segments PathPrefix, Subrouter, HandleFunc. A chain that starts with a plain call
 * `f(a).G()` has no root and a receiverless first segment `f`. A call of something else
 * (`fns[0](x)`, `func(){}()`) yields root = that callee and no segment for it.
 */
export function flattenChain(call: Node): { root: Node | undefined; segments: ChainSegment[] } {
  const segments: ChainSegment[] = [];
  let node: Node = call;
  for (let guard = 0; guard < 64; guard++) {
    if (node.type === 'parenthesized_expression') {
      const inner = namedArgs(node);
      if (inner.length === 1 && inner[0]!.type === 'call_expression') { node = inner[0]!; continue; }
      break;
    }
    if (node.type !== 'call_expression') break;
    const fn = fieldOf(node, 'function');
    if (!fn) break;
    if (fn.type === 'selector_expression') {
      const field = fieldOf(fn, 'field');
      const operand = fieldOf(fn, 'operand');
      if (!field || !operand) break;
      segments.unshift({ name: field.text, args: callArgs(node), call: node, receiverless: false });
      node = operand;
      continue;
    }
    if (fn.type === 'identifier') {
      segments.unshift({ name: fn.text, args: callArgs(node), call: node, receiverless: true });
      return { root: undefined, segments };
    }
    segments.unshift({ name: '', args: callArgs(node), call: node, receiverless: true });
    return { root: fn, segments };
  }
  return { root: node, segments };
}

/** A type as written: `*pkg.Name`, `Name`, `pkg.Name[T]` -> { pkg?, name }. */
export interface GoTypeName {
  pkg?: string;
  name: string;
}

export function typeName(node: Node | null | undefined): GoTypeName | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'pointer_type':
    case 'parenthesized_type':
      return typeName(namedArgs(node)[0]);
    case 'type_identifier':
      return { name: node.text };
    case 'qualified_type': {
      const pkg = fieldOf(node, 'package')?.text;
      const name = fieldOf(node, 'name')?.text;
      return name ? { ...(pkg ? { pkg } : {}), name } : undefined;
    }
    case 'generic_type':
      return typeName(fieldOf(node, 'type'));
    default:
      return undefined;
  }
}

/**
 * The names a parameter / var / const spec declares: its direct `identifier` children (types are
 * type nodes and values sit in an expression_list). Cheaper than childrenForFieldName('name').
 */
export function declaredIdentifiers(decl: Node): Node[] {
  return namedArgs(decl).filter((c) => c.type === 'identifier');
}

/** Parameters of a parameter_list, in order, flattened (`a, b int` -> a, b). Unnamed ones get name ''. */
export function parameters(list: Node | null | undefined): { name: string; type: Node | undefined; node: Node }[] {
  const out: { name: string; type: Node | undefined; node: Node }[] = [];
  for (const decl of namedArgs(list)) {
    if (decl.type !== 'parameter_declaration' && decl.type !== 'variadic_parameter_declaration') continue;
    const type = fieldOf(decl, 'type') ?? undefined;
    const names = declaredIdentifiers(decl);
    if (names.length === 0) out.push({ name: '', type, node: decl });
    for (const name of names) out.push({ name: name.text, type, node: decl });
  }
  return out;
}

/** The type of a composite literal / `&T{}` / `(&T{})` expression, if that is what the node is. */
export function compositeType(node: Node | null | undefined): GoTypeName | undefined {
  if (!node) return undefined;
  if (node.type === 'parenthesized_expression') return compositeType(namedArgs(node)[0]);
  if (node.type === 'unary_expression' && fieldOf(node, 'operator')?.text === '&') {
    return compositeType(fieldOf(node, 'operand'));
  }
  if (node.type === 'composite_literal') return typeName(fieldOf(node, 'type'));
  return undefined;
}

/** Keyed elements of a composite literal's body: key text -> value node. */
export function literalFields(node: Node): Map<string, Node> {
  const out = new Map<string, Node>();
  // `T{...}`, or an element `{...}` of a typed slice literal.
  const body = node.type === 'literal_value' ? node : fieldOf(node, 'body');
  for (const el of namedArgs(body)) {
    if (el.type !== 'keyed_element') continue;
    const parts = namedArgs(el);
    const key = parts[0];
    const value = parts[1];
    if (!key || !value) continue;
    const keyNode = key.type === 'literal_element' ? namedArgs(key)[0] : key;
    const valueNode = value.type === 'literal_element' ? namedArgs(value)[0] : value;
    if (keyNode && valueNode) out.set(keyNode.text, valueNode);
  }
  return out;
}

/** Elements of a composite literal body (`[]string{"GET", "POST"}`), unwrapped. */
export function literalElements(node: Node): Node[] {
  const body = fieldOf(node, 'body');
  return namedArgs(body).map((el) => (el.type === 'literal_element' ? (namedArgs(el)[0] ?? el) : el));
}
