// http4s DSL: `HttpRoutes.of[IO] { case GET -> Root / "users" / IntVar(id) => .. }`,
// `AuthedRoutes.of[User, IO] { case GET -> Root / "me" as user => .. }` (auth required) and
// `Router("/api" -> userRoutes, "/auth" -> authRoutes)` mounts.
//
// Refs: route values defined in an object or class are named { file: 'http4s:routes', path: [Owner, name] },
// so `Router("/api" -> UserRoutes.routes)` in another file meets them; a bare `userRoutes` is looked up in
// the owner of the code that uses it.
import type { Fact, HttpMethod, MiddlewareRef, RefExpr } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, namedChildren, treeOf, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { flattenInfix, stringValue } from './ast.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'http4s';
const NAMESPACE = 'http4s:routes';
const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']);
const ROUTE_BUILDERS = new Set(['HttpRoutes', 'AuthedRoutes', 'ContextRoutes']);

function ownerName(node: Node): string | undefined {
  for (let cur = node.parent; cur; cur = cur.parent) {
    if (cur.type === 'object_definition' || cur.type === 'class_definition' || cur.type === 'trait_definition') {
      return fieldOf(cur, 'name')?.text;
    }
  }
  return undefined;
}

/** The val/def a value is assigned to. */
function definitionName(node: Node): string | undefined {
  for (let cur = node.parent; cur; cur = cur.parent) {
    if (cur.type === 'val_definition') return fieldOf(cur, 'pattern')?.text;
    if (cur.type === 'function_definition') return fieldOf(cur, 'name')?.text;
    if (cur.type === 'template_body') return undefined;
  }
  return undefined;
}

function valueRef(file: string, at: Node, name: string | undefined): RefExpr {
  const owner = ownerName(at);
  if (name && owner) return { file: NAMESPACE, path: [owner, name] };
  if (name) return { file, path: [name] };
  return { file, path: [`routes@${at.startPosition.row + 1}`] };
}

/** `HttpRoutes.of[IO] { .. }` -> its builder name and case block. */
function routesCall(call: Node): { builder: string; cases: Node } | undefined {
  let fn = fieldOf(call, 'function');
  if (fn?.type === 'generic_function') fn = fieldOf(fn, 'function');
  if (fn?.type !== 'field_expression' || fieldOf(fn, 'field')?.text !== 'of') return undefined;
  const builder = fieldOf(fn, 'value')?.text;
  const cases = fieldOf(call, 'arguments');
  if (!builder || !ROUTE_BUILDERS.has(builder) || cases?.type !== 'case_block') return undefined;
  return { builder, cases };
}

function methodsOf(pattern: Node): HttpMethod[] {
  if (pattern.type === 'identifier') return METHODS.has(pattern.text) ? [pattern.text as HttpMethod] : [];
  if (pattern.type === 'capture_pattern') {
    const inner = fieldOf(pattern, 'pattern');
    return inner ? methodsOf(inner) : [];
  }
  if (pattern.type === 'tuple_pattern' || pattern.type === 'alternative_pattern') return namedChildren(pattern).flatMap(methodsOf);
  return [];
}

/** `GET -> Root / "users" / IntVar(id) :? Q(q)` -> methods and `/users/{id}`. */
export function casePattern(pattern: Node): { methods: HttpMethod[]; path: string } | undefined {
  const parts = flattenInfix(pattern, ['infix_pattern']);
  const arrow = parts.indexOf('->');
  if (arrow !== 1) return undefined;
  const methods = methodsOf(parts[0] as Node);
  if (methods.length === 0) return undefined;
  const segments: string[] = [];
  for (let i = 2; i < parts.length; i += 2) {
    const operand = parts[i] as Node;
    if (i > 2 && parts[i - 1] !== '/') break;
    if (operand.type === 'identifier' && operand.text === 'Root') continue;
    const literal = stringValue(operand);
    if (literal !== undefined) segments.push(literal);
    else if (operand.type === 'identifier') segments.push(`{${operand.text}}`);
    else if (operand.type === 'case_class_pattern') {
      const inner = namedChildren(operand).find((c) => c.type === 'identifier');
      segments.push(`{${inner?.text ?? 'param'}}`);
    } else segments.push('{param}');
  }
  return { methods, path: `/${segments.join('/')}` };
}

/** Route values mounted by `Router("/api" -> routes, ..)`, combined with `<+>` or not. */
function routerMounts(call: Node, file: string, facts: Fact[]): void {
  const fn = fieldOf(call, 'function');
  if (fn?.type !== 'identifier' || fn.text !== 'Router') return;
  const parent = valueRef(file, call, definitionName(call));
  for (const arg of namedChildren(fieldOf(call, 'arguments'))) {
    if (arg.type !== 'infix_expression' || fieldOf(arg, 'operator')?.text !== '->') continue;
    const prefix = stringValue(fieldOf(arg, 'left'));
    let right = fieldOf(arg, 'right');
    while (right?.type === 'parenthesized_expression') right = namedChildren(right)[0] ?? null;
    if (prefix === undefined || !right) continue;
    for (const part of flattenInfix(right, ['infix_expression'])) {
      if (typeof part === 'string') continue;
      const child = part.type === 'identifier' ? valueRef(file, call, part.text)
        : part.type === 'field_expression' ? { file: NAMESPACE, path: [fieldOf(part, 'value')?.text ?? '', fieldOf(part, 'field')?.text ?? ''] }
          : undefined;
      if (child) facts.push({ kind: 'mount', framework: FRAMEWORK, parent, child, prefix, location: loc(file, arg) });
    }
  }
}

export const http4sRoutes: Extractor = {
  id: 'http4s/routes',
  languages: ['scala'],
  keywords: ['http4s'],
  extract(file: ParsedFile): Fact[] {
    const tree = treeOf(file);
    if (!tree || /(^|\/)src\/test\//.test(file.path)) return [];
    const facts: Fact[] = [];
    for (const call of tree.rootNode.descendantsOfType('call_expression')) {
      if (!call) continue;
      routerMounts(call, file.path, facts);
      const routes = routesCall(call);
      if (!routes) continue;
      const router = valueRef(file.path, call, definitionName(call));
      const middleware: MiddlewareRef[] = routes.builder === 'AuthedRoutes' ? [{ name: 'AuthedRoutes', role: 'auth', location: loc(file.path, call) }] : [];
      for (const clause of namedChildren(routes.cases)) {
        const pattern = clause.type === 'case_clause' ? fieldOf(clause, 'pattern') : undefined;
        const parsed = pattern ? casePattern(pattern) : undefined;
        if (!parsed) continue;
        for (const method of parsed.methods) {
          facts.push({
            kind: 'route', framework: FRAMEWORK, method, path: parsed.path, router,
            ...(middleware.length > 0 ? { middleware } : {}),
            location: loc(file.path, clause),
          });
        }
      }
    }
    return facts;
  },
};
