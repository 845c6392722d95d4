// ZIO HTTP route patterns: `Routes(Method.GET / "users" / int("id") -> handler { .. })`,
// `Endpoint(Method.POST / "users")`, `RoutePattern(Method.GET, "/users")`, and the 2.x case DSL
// `Http.collect[Request] { case Method.GET -> Root / "users" / id => .. }` (also `!!`).
// A pattern is a `/` chain whose leftmost operand is `Method.X`; path codecs `int("id")`,
// `string("name")`, `uuid("id")`, `long(..)` become `{name}`, `trailing` becomes `*`.
// `Routes(..).nest("api" / "v1")` and `"api" / Routes(..)` in the same expression prefix the routes.
// Routes are resolved in-file (no router).
import type { Fact, HttpMethod } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, namedChildren, treeOf, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { flattenInfix, stringValue } from './ast.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'zio-http';
const METHODS: Record<string, HttpMethod> = {
  GET: 'GET', POST: 'POST', PUT: 'PUT', DELETE: 'DELETE', PATCH: 'PATCH', HEAD: 'HEAD', OPTIONS: 'OPTIONS', TRACE: 'TRACE', CONNECT: 'CONNECT', ANY: 'ANY',
};
const CODECS = new Set(['int', 'string', 'uuid', 'long', 'bool', 'boolean', 'literal']);
const ROOTS = new Set(['Root', '!!', 'empty']);

/** `Method.GET` -> 'GET'. */
function methodOf(node: Node | undefined): HttpMethod | undefined {
  if (node?.type === 'stable_identifier') {
    const [owner, name] = namedChildren(node);
    return owner?.text === 'Method' && name ? METHODS[name.text] : undefined;
  }
  if (node?.type !== 'field_expression') return undefined;
  if (fieldOf(node, 'value')?.text !== 'Method') return undefined;
  return METHODS[fieldOf(node, 'field')?.text ?? ''];
}

/**
 * One path operand -> segments; undefined when it cannot be read. In expressions, names are vals of
 * the file (`val userId = int("id")`, `val base = "api"`); in case patterns they are bound names.
 */
function segmentOf(node: Node, vals?: Map<string, Node>, depth = 0): string[] | undefined {
  const literal = stringValue(node);
  if (literal !== undefined) return literal.split('/').filter(Boolean);
  if (node.type === 'identifier') {
    if (ROOTS.has(node.text)) return [];
    if (node.text === 'trailing') return ['*'];
    const def = vals?.get(node.text);
    const value = fieldOf(def, 'value');
    if (value && depth < 4) {
      const parts = flattenInfix(value, ['infix_expression']);
      if (parts.every((p, i) => (i % 2 === 1 ? p === '/' : true))) {
        const out: string[] = [];
        for (const part of parts) {
          if (typeof part === 'string') continue;
          const segs = segmentOf(part, vals, depth + 1);
          if (!segs) return undefined;
          out.push(...segs);
        }
        return out;
      }
    }
    return [`{${node.text}}`]; // a bound name in a case pattern, or a codec defined elsewhere
  }
  if (node.type === 'field_expression' && fieldOf(node, 'value')?.text === 'PathCodec') {
    const field = fieldOf(node, 'field')?.text;
    return field === 'empty' ? [] : field === 'trailing' ? ['*'] : undefined;
  }
  if (node.type === 'operator_identifier' && ROOTS.has(node.text)) return [];
  if (node.type === 'call_expression' || node.type === 'case_class_pattern') {
    let fn: Node | null = node.type === 'call_expression' ? fieldOf(node, 'function') : fieldOf(node, 'type');
    if (fn?.type === 'field_expression') fn = fieldOf(fn, 'field'); // PathCodec.int("id")
    const args = node.type === 'call_expression' ? namedChildren(fieldOf(node, 'arguments')) : namedChildren(node).slice(1);
    const name = fn?.text ?? '';
    const label = stringValue(args[0]);
    if (name === 'literal' && label !== undefined) return label.split('/').filter(Boolean);
    if (CODECS.has(name)) return [`{${label ?? args[0]?.text ?? 'param'}}`];
    if (node.type === 'case_class_pattern') return [`{${args[0]?.text ?? 'param'}}`]; // IntVar(id) style extractors
    return undefined;
  }
  return undefined;
}

function pathOf(operands: Node[], vals?: Map<string, Node>): string | undefined {
  const segments: string[] = [];
  for (const operand of operands) {
    const segs = segmentOf(operand, vals);
    if (!segs) return undefined;
    segments.push(...segs);
  }
  return `/${segments.join('/')}`;
}

/** Segments of a nest prefix (`"api" / "v1"`, `literal("api")`); undefined when not readable. */
function prefixSegments(node: Node | undefined, vals: Map<string, Node>): string[] | undefined {
  if (!node) return undefined;
  const parts = flattenInfix(node, ['infix_expression']);
  if (parts.some((p, i) => i % 2 === 1 && p !== '/')) return undefined;
  const out: string[] = [];
  for (const part of parts) {
    if (typeof part === 'string') continue;
    const segs = segmentOf(part, vals);
    if (!segs) return undefined;
    out.push(...segs);
  }
  return out;
}

/**
 * Prefixes that enclosing `Routes(..)` get in the same expression: `Routes(..).nest("api" / "v1")`,
 * `"api" / Routes(..)` (innermost first, joined outermost first).
 */
function nestPrefix(pattern: Node, vals: Map<string, Node>): string {
  const prefixes: string[][] = [];
  for (let cur: Node | null = pattern.parent, depth = 0; cur && depth < 64; cur = cur.parent, depth++) {
    if (cur.type === 'template_body' || cur.type === 'function_definition' || cur.type === 'val_definition') break;
    if (cur.type !== 'call_expression' || fieldOf(cur, 'function')?.text !== 'Routes') continue;
    // walk the links applied to this Routes(..) value
    let top: Node = cur;
    for (let up = top.parent; up; up = top.parent) {
      if (up.type === 'field_expression' && fieldOf(up, 'value')?.id === top.id) {
        const call = up.parent;
        if (fieldOf(up, 'field')?.text === 'nest' && call?.type === 'call_expression' && fieldOf(call, 'function')?.id === up.id) {
          const segs = prefixSegments(namedChildren(fieldOf(call, 'arguments'))[0], vals);
          if (segs) prefixes.push(segs);
          top = call;
          continue;
        }
        top = up;
        continue;
      }
      if (up.type === 'call_expression' && fieldOf(up, 'function')?.id === top.id) {
        top = up;
        continue;
      }
      if (up.type === 'infix_expression' && fieldOf(up, 'right')?.id === top.id && fieldOf(up, 'operator')?.text === '/') {
        const segs = prefixSegments(fieldOf(up, 'left') ?? undefined, vals);
        if (segs) prefixes.push(segs);
        top = up;
        continue;
      }
      break;
    }
  }
  const segments = prefixes.reverse().flat();
  return segments.length > 0 ? `/${segments.join('/')}` : '';
}

export const zioHttpRoutes: Extractor = {
  id: 'zio-http/routes',
  languages: ['scala'],
  keywords: ['zio.http'],
  extract(file: ParsedFile): Fact[] {
    const tree = treeOf(file);
    if (!tree || /(^|\/)src\/test\//.test(file.path)) return [];
    const facts: Fact[] = [];
    const vals = new Map<string, Node>();
    for (const def of tree.rootNode.descendantsOfType('val_definition')) {
      const name = fieldOf(def, 'pattern');
      if (def && name?.type === 'identifier' && !vals.has(name.text)) vals.set(name.text, def);
    }
    const push = (method: HttpMethod, path: string, at: Node) => {
      const prefix = nestPrefix(at, vals);
      const full = prefix ? (path === '/' ? prefix : prefix + path) : path;
      facts.push({ kind: 'route', framework: FRAMEWORK, method, path: full, location: loc(file.path, at) });
    };
    for (const node of tree.rootNode.descendantsOfType(['infix_expression', 'infix_pattern', 'call_expression'])) {
      if (!node) continue;
      if (node.type === 'call_expression') {
        // RoutePattern(Method.GET, "/users/:id") is rare; only the literal form is read.
        if (fieldOf(node, 'function')?.text !== 'RoutePattern') continue;
        const [m, p] = namedChildren(fieldOf(node, 'arguments'));
        const method = methodOf(m);
        const path = stringValue(p);
        if (method && path !== undefined) push(method, path.startsWith('/') ? path : `/${path}`, node);
        continue;
      }
      const op = fieldOf(node, 'operator')?.text;
      if (node.type === 'infix_pattern') {
        // case Method.GET -> Root / "users" / id  (parsed as ((Method.GET -> Root) / "users") / id)
        if (node.parent?.type === 'infix_pattern') continue;
        const parts = flattenInfix(node, ['infix_pattern']);
        if (parts[1] !== '->' || parts.some((p, i) => i % 2 === 1 && i > 1 && p !== '/')) continue;
        const method = methodOf(parts[0] as Node);
        const path = method ? pathOf(parts.slice(2).filter((p): p is Node => typeof p !== 'string')) : undefined;
        if (method && path !== undefined) push(method, path, node);
        continue;
      }
      // Method.GET / "users" / int("id"): the maximal `/` chain.
      if (op !== '/') continue;
      const parent = node.parent;
      if (parent?.type === 'infix_expression' && fieldOf(parent, 'left')?.id === node.id && fieldOf(parent, 'operator')?.text === '/') continue;
      const parts = flattenInfix(node, ['infix_expression']);
      if (parts.some((p, i) => i % 2 === 1 && p !== '/')) continue;
      const operands = parts.filter((p): p is Node => typeof p !== 'string');
      const method = methodOf(operands[0]);
      if (!method) continue;
      const path = pathOf(operands.slice(1), vals);
      if (path !== undefined) push(method, path, node);
    }
    return facts;
  },
};
