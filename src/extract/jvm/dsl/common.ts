// Shared pieces of the JVM builder / lambda DSL route extractors (Armeria, Vert.x, Javalin, Spark,
// Ktor, http4k): call iteration, path values joined along nested groups, local variable lookup, and
// route facts that may sit on a router reference (so the model can join mount prefixes across calls).
import type { Fact, HttpMethod, MiddlewareRef, RefExpr } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import { descendants, loc, memoByNode, namedChildren, type Node } from '../../tree-sitter/ast.js';
import { argStrings, callView, type CallView } from '../calls.js';
import { joinLiteral } from '../class-facts.js';
import type { JvmFile } from '../jvm-source.js';
import { isTestSource, outlineOf } from '../outline.js';
import { routeFacts } from '../route-emit.js';
import type { StrValue } from '../values.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

export const EMPTY: StrValue = { kind: 'literal', text: '' };
export const UNKNOWN: StrValue = { kind: 'unknown' };

export const HTTP_VERBS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT', 'QUERY']);

/** Leading and trailing double quotes removed (a loop: `/"+$/` is quadratic on a run of quotes). */
function trimQuotes(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 34) start++;
  while (end > start && text.charCodeAt(end - 1) === 34) end--;
  return text.slice(start, end);
}

/** `HttpMethod.GET`, `Method.POST`, `HandlerType.PUT`, `GET`, `"GET"` -> the verb, or undefined. */
export function verbOf(node: Node | undefined): HttpMethod | undefined {
  if (!node) return undefined;
  let text = node.text;
  if (node.type === 'string_literal') text = trimQuotes(text);
  const last = text.slice(text.lastIndexOf('.') + 1).toUpperCase();
  return HTTP_VERBS.has(last) ? (last as HttpMethod) : undefined;
}

/** Joins a group prefix and a path declared inside it. */
export function joinValue(prefix: StrValue, path: StrValue): StrValue {
  if (prefix.kind === 'unknown' || path.kind === 'unknown') return UNKNOWN;
  if (path.kind === 'ref') return prefix.kind === 'literal' && prefix.text === '' ? path : UNKNOWN;
  if (prefix.kind === 'ref') return { ...prefix, suffix: joinLiteral(prefix.suffix, path.text) };
  if (prefix.text === '') return path;
  return { kind: 'literal', text: path.text === '' ? prefix.text : joinLiteral(prefix.text, path.text) };
}

/** The single string value of an argument (constants and `+` resolved), or unknown. */
export function pathArg(file: JvmFile, node: Node | undefined, depth = 0): StrValue {
  if (!node) return UNKNOWN;
  const values = argStrings(file, node);
  if (values.length === 1 && values[0]!.kind !== 'unknown') return values[0]!;
  if (values.length > 1 || depth > 4) return UNKNOWN;
  // Local variables (`final String base = "/users";`) and `+` over them.
  if (node.type === 'identifier' || node.type === 'simple_identifier') {
    const init = localInit(file, node, node.text)?.init;
    return init ? pathArg(file, init, depth + 1) : UNKNOWN;
  }
  if (node.type === 'parenthesized_expression') return pathArg(file, namedChildren(node)[0], depth + 1);
  if ((node.type === 'binary_expression' || node.type === 'additive_expression') && node.childCount === 3 && node.child(1)?.type === '+') {
    const left = pathArg(file, node.child(0) ?? undefined, depth + 1);
    const right = pathArg(file, node.child(2) ?? undefined, depth + 1);
    if (left.kind === 'literal' && right.kind === 'literal') return { kind: 'literal', text: left.text + right.text };
    if (left.kind === 'ref' && right.kind === 'literal') return { ...left, suffix: left.suffix + right.text };
  }
  return UNKNOWN;
}

/** True for a node that may hold a path (a string, a name, a concatenation), not a handler. */
export function isPathLike(node: Node | undefined): boolean {
  if (!node || isCallableReference(node)) return false;
  return ['string_literal', 'identifier', 'field_access', 'binary_expression', 'navigation_expression', 'additive_expression', 'parenthesized_expression'].includes(node.type);
}

/** `Users::me` / `this::get` (the Kotlin grammar reads `A::b` as a navigation expression). */
export function isCallableReference(node: Node): boolean {
  return node.type === 'method_reference' || node.type === 'callable_reference' || (node.type === 'navigation_expression' && node.text.includes('::'));
}

/** Every call of the file (Java method_invocation / Kotlin call_expression), in document order. */
export function callsIn(file: JvmFile, root: Node = file.root): CallView[] {
  const types = file.language === 'java' ? ['method_invocation'] : ['call_expression'];
  const out: CallView[] = [];
  for (const node of descendants(root, types)) {
    // Kotlin `get("/x") { }` nests the argument call under the call with the trailing lambda: read the outer one only.
    if (!node || (node.parent?.type === 'call_expression' && node.parent.namedChildren[0]?.id === node.id)) continue;
    const call = callView(node);
    if (call) out.push(call);
  }
  return out;
}

/** The innermost call of a receiver chain (`a.b().c().d()` -> `b()`), and the name at its root (`a`). */
export function chainRoot(call: CallView): { first: CallView; rootName?: string } {
  let current = call;
  for (let depth = 0; depth < 64; depth++) {
    const next = current.receiver ? callView(current.receiver) : undefined;
    if (!next) break;
    current = next;
  }
  return { first: current, ...(current.receiver ? { rootName: current.receiver.text } : {}) };
}

/** The calls of a receiver chain from the innermost to `call` itself. */
export function chainCalls(call: CallView): CallView[] {
  const out: CallView[] = [call];
  let current = call;
  for (let depth = 0; depth < 64; depth++) {
    const next = current.receiver ? callView(current.receiver) : undefined;
    if (!next) break;
    out.unshift(next);
    current = next;
  }
  return out;
}

/** The method / function / lambda body a node sits in (for local variable lookup). */
export function enclosingBody(node: Node): Node | undefined {
  for (let cur: Node | null = node.parent; cur; cur = cur.parent) {
    if (['method_declaration', 'constructor_declaration', 'function_declaration', 'class_body', 'program', 'source_file'].includes(cur.type)) return cur;
  }
  return undefined;
}

/**
 * The initialiser of a local variable (Java `T name = init;`, Kotlin `val name = init`) declared in
 * the method / function around `at`, or a field of the class; undefined when there is none.
 */
export function localInit(file: JvmFile, at: Node, name: string): { init?: Node; type?: string } | undefined {
  const scopes: Node[] = [];
  for (let cur: Node | null = at.parent; cur; cur = cur.parent) {
    if (['method_declaration', 'constructor_declaration', 'function_declaration', 'class_body', 'lambda_expression', 'lambda_literal'].includes(cur.type)) scopes.push(cur);
  }
  scopes.push(file.root);
  for (const scope of scopes) {
    const found = declarationIn(file, scope, name);
    if (found) return found;
  }
  return undefined;
}

type Declaration = { init?: Node; type?: string };
const DECLARATIONS = {};

function declarationIn(file: JvmFile, scope: Node, name: string): Declaration | undefined {
  return memoByNode(DECLARATIONS, scope, (node) => declarationsOf(file.language, node)).get(name);
}

/** Every local / field declaration below a scope node, first one per name (read once per scope). */
function declarationsOf(language: JvmFile['language'], scope: Node): Map<string, Declaration> {
  const out = new Map<string, Declaration>();
  if (language === 'java') {
    for (const decl of descendants(scope, ['variable_declarator'])) {
      const name = fieldOf(decl, 'name')?.text;
      if (!decl || !name || out.has(name)) continue;
      const type = fieldOf(decl.parent, 'type')?.text;
      const init = fieldOf(decl, 'value') ?? undefined;
      out.set(name, { ...(init ? { init } : {}), ...(type && type !== 'var' ? { type: type.replace(/<.*$/s, '') } : {}) });
    }
    return out;
  }
  for (const decl of descendants(scope, ['property_declaration'])) {
    if (!decl) continue;
    const variable = namedChildren(decl).find((c) => c.type === 'variable_declaration');
    const name = namedChildren(variable).find((c) => c.type === 'identifier')?.text;
    if (!name || out.has(name)) continue;
    const type = namedChildren(variable).find((c) => c.type === 'user_type')?.text;
    let init: Node | undefined;
    let afterEquals = false;
    for (let i = 0; i < decl.childCount && !init; i++) {
      const child = decl.child(i);
      if (!child) continue;
      if (child.type === '=') afterEquals = true;
      else if (afterEquals && child.isNamed) init = child;
    }
    out.set(name, { ...(init ? { init } : {}), ...(type ? { type } : {}) });
  }
  return out;
}

/** `new X(...)` (Java) / `X(...)` (Kotlin, capitalised) -> 'X'. */
export function constructedType(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'object_creation_expression') return fieldOf(node, 'type')?.text.replace(/<.*$/s, '');
  if (node.type === 'call_expression') {
    const callee = namedChildren(node)[0];
    if (callee && (callee.type === 'identifier' || callee.type === 'navigation_expression') && /^[A-Z]/.test(callee.text.split('.').pop() ?? '')) {
      return callee.text;
    }
  }
  return undefined;
}

export interface DslRoute {
  method: HttpMethod;
  path: StrValue;
  at: Node;
  /** Router the path is relative to; absent = the path is complete. */
  router?: RefExpr;
  handler?: string;
  origin?: 'route' | 'generated';
  isRegex?: boolean;
  view?: { ref: RefExpr; base: string };
  middleware?: MiddlewareRef[];
}

/** Route facts for one DSL route (a path starting with another file's constant becomes a mount with prefixRef). */
export function dslRouteFacts(file: JvmFile, framework: string, route: DslRoute): Fact[] {
  const location = loc(file.path, route.at);
  const extras = {
    ...(route.handler ? { handler: { name: route.handler } } : {}),
    ...(route.origin ? { origin: route.origin } : {}),
    ...(route.isRegex ? { isRegex: true } : {}),
    ...(route.view ? { view: route.view } : {}),
    ...(route.middleware?.length ? { middleware: route.middleware } : {}),
  };
  if (!route.router) {
    if (route.path.kind === 'literal') {
      return [{ kind: 'route', framework, method: route.method, path: route.path.text || '/', location, ...extras }];
    }
    return routeFacts(file, {
      framework, method: route.method, path: route.path, at: route.at,
      ...(route.handler ? { handler: route.handler } : {}), ...(route.middleware?.length ? { middleware: route.middleware } : {}),
    });
  }
  if (route.path.kind === 'literal') {
    return [{ kind: 'route', framework, method: route.method, path: route.path.text, router: route.router, location, ...extras }];
  }
  if (route.path.kind !== 'ref') return [];
  const child: RefExpr = { file: file.path, path: [`$${route.method}:${location.startLine}:${location.startColumn}`] };
  return [
    { kind: 'mount', framework, parent: route.router, child, prefix: route.path.fallback, prefixRef: route.path.ref, location },
    { kind: 'route', framework, method: route.method, path: route.path.suffix, router: child, location, ...extras },
  ];
}

/** Removes facts that repeat an earlier one exactly (the same route reached twice). */
export function dedupeFacts(facts: Fact[]): Fact[] {
  const seen = new Set<string>();
  return facts.filter((fact) => {
    const key = JSON.stringify(fact);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** True when the file imports something from one of the packages (single, wildcard or static imports). */
export function importsFrom(file: JvmFile, ...packages: string[]): boolean {
  const sources = [...file.imports.values(), ...file.wildcardImports, ...file.staticImports.values()];
  return sources.some((s) => packages.some((p) => s === p || s.startsWith(`${p}.`)));
}

/** Runs an extraction, turning an unexpected tree shape into "no facts" rather than a lost file. */
export function guarded(run: () => Fact[]): Fact[] {
  try {
    return run();
  } catch {
    return [];
  }
}

/** Outline of a parsed file for the DSL extractors (undefined for test sources and unparsable files). */
export function dslOutline(parsed: ParsedFile): JvmFile | undefined {
  if (isTestSource(parsed.path)) return undefined;
  try {
    return outlineOf(parsed);
  } catch {
    return undefined;
  }
}
