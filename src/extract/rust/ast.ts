// Rust-specific helpers over tree-sitter-rust trees: string literals (raw strings included), paths,
// method-call chains, attributes and macro token trees. Language-neutral helpers live in
// ../tree-sitter/ast.ts.
import { namedChildren, type Node } from '../tree-sitter/ast.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', '"': '"', "'": "'" };

/** The value of a string literal (`"a"`, `r"a"`, `r#"a"#`); undefined for anything else. */
export function stringValue(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'raw_string_literal') {
    return node.namedChildren.filter((c) => c?.type === 'string_content').map((c) => c!.text).join('');
  }
  if (node.type !== 'string_literal') return undefined;
  let out = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'string_content') out += child.text;
    else if (child.type === 'escape_sequence') out += ESCAPES[child.text.slice(1)] ?? child.text.slice(1);
  }
  return out;
}

/** Segments of a path expression: `a::b::c` -> ['a', 'b', 'c']; `Router::<S>::new` -> ['Router', 'new']. */
export function pathSegments(node: Node | null | undefined): string[] | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'identifier': case 'type_identifier': case 'field_identifier': case 'crate': case 'self': case 'super':
    case 'metavariable':
      return [node.text];
    case 'scoped_identifier': case 'scoped_type_identifier': {
      const name = fieldOf(node, 'name');
      const path = fieldOf(node, 'path');
      if (!name) return undefined;
      if (!path) return [name.text];
      const head = pathSegments(path);
      return head ? [...head, name.text] : undefined;
    }
    case 'generic_type':
      return pathSegments(fieldOf(node, 'type'));
    case 'generic_function':
      return pathSegments(fieldOf(node, 'function'));
    default:
      return undefined;
  }
}

/** The callee path of a plain call `a::b(x)` (not a method call), e.g. ['a', 'b']. */
export function calleePath(call: Node): string[] | undefined {
  if (call.type !== 'call_expression') return undefined;
  return pathSegments(fieldOf(call, 'function'));
}

export function callArgs(call: Node | null | undefined): Node[] {
  return namedChildren(fieldOf(call, 'arguments'));
}

export interface MethodCall {
  name: string;
  args: Node[];
  /** The `name` token: where the call is written in a multi-line chain. */
  nameNode: Node;
  node: Node;
}

/** Strips `.await`, `?`, `&`, `&mut` and parentheses around an expression. */
export function unwrapExpr(node: Node | null | undefined): Node | undefined {
  let cur = node ?? undefined;
  while (cur) {
    if (cur.type === 'await_expression' || cur.type === 'try_expression' || cur.type === 'parenthesized_expression') {
      cur = namedChildren(cur)[0];
    } else if (cur.type === 'reference_expression') {
      cur = fieldOf(cur, 'value') ?? undefined;
    } else return cur;
  }
  return undefined;
}

/**
 * A method chain `base.a(x).b(y)` as its base expression and the calls in order. A plain call
 * `f(x)` has itself as base and no calls.
 */
export function methodChain(node: Node): { base: Node; calls: MethodCall[] } {
  const calls: MethodCall[] = [];
  let cur: Node = unwrapExpr(node) ?? node;
  for (;;) {
    if (cur.type !== 'call_expression') break;
    let fn = fieldOf(cur, 'function');
    if (fn?.type === 'generic_function') fn = fieldOf(fn, 'function');
    if (fn?.type !== 'field_expression') break;
    const field = fieldOf(fn, 'field');
    const value = fieldOf(fn, 'value');
    if (!field || !value) break;
    calls.push({ name: field.text, args: callArgs(cur), nameNode: field, node: cur });
    cur = unwrapExpr(value) ?? value;
  }
  calls.reverse();
  return { base: cur, calls };
}

/** Attribute nodes written on an item (`#[get("/x")]` siblings before it), in source order. */
export function attributesOf(item: Node): Node[] {
  const out: Node[] = [];
  for (let prev = item.previousNamedSibling; prev; prev = prev.previousNamedSibling) {
    if (prev.type === 'attribute_item') {
      const attr = namedChildren(prev).find((c) => c.type === 'attribute');
      if (attr) out.unshift(attr);
    } else if (!prev.type.includes('comment')) break;
  }
  return out;
}

/** Path of an attribute: `#[actix_web::get(..)]` -> ['actix_web', 'get']. */
export function attributePath(attr: Node): string[] {
  const first = namedChildren(attr)[0];
  return pathSegments(first) ?? [];
}

/** The token tree of an attribute's arguments (`(...)` after its path), if any. */
export function attributeArgs(attr: Node): Node | undefined {
  return fieldOf(attr, 'arguments') ?? undefined;
}

/** Tokens of a token tree without its delimiters, split at top-level commas. */
export function tokenGroups(tree: Node | null | undefined): Node[][] {
  if (!tree) return [];
  const groups: Node[][] = [[]];
  const children = tree.children.filter((c): c is Node => c !== null);
  for (let i = 1; i < children.length - 1; i++) {
    const child = children[i]!;
    if (child.type === ',') groups.push([]);
    else if (!child.type.includes('comment')) groups[groups.length - 1]!.push(child);
  }
  return groups.filter((g) => g.length > 0);
}

/** `a::b::c` written as tokens in a macro or attribute -> ['a', 'b', 'c']; undefined if not a plain path. */
export function tokenPath(tokens: readonly Node[]): string[] | undefined {
  const out: string[] = [];
  let expectName = true;
  for (const token of tokens) {
    if (expectName && (token.type === 'identifier' || token.type === 'crate' || token.type === 'self' || token.type === 'super')) {
      out.push(token.text);
      expectName = false;
    } else if (!expectName && token.type === '::') expectName = true;
    else return undefined;
  }
  return out.length > 0 && !expectName ? out : undefined;
}

/** `key = value` inside an attribute group: the value token(s) when the group starts with `key =`. */
export function keyValue(group: readonly Node[], key: string): Node[] | undefined {
  if (group.length >= 3 && group[0]!.text === key && group[1]!.type === '=') return group.slice(2);
  return undefined;
}

/** True when an attribute list marks test-only code: `#[cfg(test)]`, `#[test]`, `#[tokio::test]`. */
export function isTestAttribute(attr: Node): boolean {
  const path = attributePath(attr);
  const last = path[path.length - 1];
  if (last === 'test' || last === 'async_test') return true;
  if (path.length === 1 && path[0] === 'cfg') {
    const groups = tokenGroups(attributeArgs(attr));
    return groups.length === 1 && groups[0]!.length === 1 && groups[0]![0]!.text === 'test';
  }
  return false;
}

const ITEM_TYPES = ['function_item', 'mod_item', 'impl_item'];

/** True when the node sits inside an item marked test-only. */
export function isInTestCode(node: Node): boolean {
  for (let cur: Node | null = node; cur; cur = cur.parent) {
    if (ITEM_TYPES.includes(cur.type) && attributesOf(cur).some(isTestAttribute)) return true;
  }
  return false;
}

/** True for paths under a crate's integration tests or benchmarks, and `tests.rs` modules. */
export function isRustTestPath(path: string): boolean {
  return /(^|\/)(tests|benches)\//.test(path) || /(^|\/)tests?\.rs$/.test(path);
}

/** True when the file starts with `#![cfg(test)]`. */
export function isTestOnlyFile(root: Node): boolean {
  return namedChildren(root).some((c) => c.type === 'inner_attribute_item'
    && namedChildren(c).some((a) => a.type === 'attribute' && isTestAttribute(a)));
}

/** The nearest enclosing `fn` item. */
export function enclosingFunction(node: Node): Node | undefined {
  for (let cur = node.parent; cur; cur = cur.parent) if (cur.type === 'function_item') return cur;
  return undefined;
}

/** Names of a function's parameters in order (`self` excluded); '' for patterns that are not a name. */
export function parameterNames(fn: Node): string[] {
  const params = fieldOf(fn, 'parameters');
  return namedChildren(params)
    .filter((p) => p.type === 'parameter')
    .map((p) => {
      const pattern = fieldOf(p, 'pattern');
      const inner = pattern?.type === 'mut_pattern' ? namedChildren(pattern)[0] : pattern;
      return inner?.type === 'identifier' ? inner.text : '';
    });
}

/** Type names mentioned in a type (`Option<Extension<Claims>>` -> ['Option', 'Extension', 'Claims']), outermost first. */
export function typeNames(type: Node | null | undefined): string[] {
  if (!type) return [];
  const out: string[] = [];
  const stack: Node[] = [type];
  while (stack.length > 0) {
    const node = stack.shift()!;
    if (node.type === 'type_identifier') out.push(node.text);
    else if (node.type === 'scoped_type_identifier') {
      const name = fieldOf(node, 'name');
      if (name) out.push(name.text);
      continue;
    }
    stack.push(...namedChildren(node));
  }
  return out;
}
