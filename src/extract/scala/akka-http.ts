// Akka HTTP / Pekko HTTP routing DSL: directive trees such as
// `pathPrefix("api") { concat(path("users" / IntNumber) { id => get { complete(..) } }, ..) }`.
// Routes are resolved inside the file: each route-valued `val`/`def` not used by another route of
// the file is a root; `path`/`pathPrefix` add segments, method directives set the method, and each
// leaf (`complete`, `redirect`, `getFromFile`, ...) is an endpoint.
import type { Fact, HttpMethod, MiddlewareRef } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, namedChildren, treeOf, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { definitionBody, definitionsByName, flattenInfix, lambdaParams, stringValue } from './ast.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'akka-http';
const METHODS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', delete: 'DELETE', patch: 'PATCH', head: 'HEAD', options: 'OPTIONS',
};
const PATH_FULL = new Set(['path', 'rawPath']);
const PATH_PREFIX = new Set(['pathPrefix', 'rawPathPrefix', 'pathPrefixTest', 'pathSuffix']);
const PATH_END = new Set(['pathEnd', 'pathEndOrSingleSlash', 'pathSingleSlash', 'redirectToTrailingSlashIfMissing', 'redirectToNoTrailingSlashIfPresent']);
const LEAVES = new Set(['complete', 'redirect', 'reject', 'getFromFile', 'getFromResource', 'getFromDirectory', 'getFromResourceDirectory', 'getFromBrowseableDirectory', 'handleWebSocketMessages', 'handleWith', 'failWith']);
const MATCHER_PARAMS = new Set(['IntNumber', 'LongNumber', 'HexIntNumber', 'HexLongNumber', 'DoubleNumber', 'Segment', 'Segments', 'Remaining', 'RemainingPath', 'JavaUUID', 'Neutral']);
const AUTH = /^authenticate|^authorize|^optionalAuthenticate/;
const ROUTE_WORDS = new Set([...Object.keys(METHODS), ...PATH_FULL, ...PATH_PREFIX, ...PATH_END, 'concat']);

interface Context {
  segments: string[];
  /** Parameters whose names are still to be bound by the next lambda. */
  pending: number[];
  method?: HttpMethod;
  middleware: MiddlewareRef[];
  /** Where the endpoint is declared: its method directive, else its path directive. */
  at?: Node;
}

interface Walk {
  file: string;
  defs: Map<string, Node>;
  facts: Fact[];
  seen: Set<string>;
  depth: number;
}

/** A directive application: its name, its own arguments and the inner route(s). */
function directiveOf(node: Node): { name: string; args: Node[]; inner: Node[]; conj?: Node[] } | undefined {
  if (node.type !== 'call_expression') return undefined;
  const fn = fieldOf(node, 'function');
  const args = fieldOf(node, 'arguments');
  if (!fn || !args) return undefined;
  const argNodes = namedChildren(args);
  if (fn.type === 'identifier' || fn.type === 'field_expression') {
    const name = fn.type === 'identifier' ? fn.text : fieldOf(fn, 'field')?.text ?? '';
    // `get { .. }` / `get(route)`: the arguments are the inner route; `path("x")` alone: its own arguments.
    return args.type === 'block' || METHODS[name] || name === 'concat' || PATH_END.has(name)
      ? { name, args: [], inner: argNodes }
      : { name, args: argNodes, inner: [] };
  }
  if (fn.type === 'call_expression') {
    const inner = directiveOf(fn);
    if (!inner) return undefined;
    return { ...inner, inner: argNodes };
  }
  if (fn.type === 'parenthesized_expression') {
    const conj = namedChildren(fn)[0];
    if (!conj) return undefined;
    return { name: '&', args: [], inner: argNodes, conj: flattenInfix(conj, ['infix_expression']).filter((p): p is Node => typeof p !== 'string') };
  }
  return undefined;
}

/** Path matcher -> segments (params as `{}` placeholders to be named). */
function matcherSegments(node: Node | undefined): string[] {
  if (!node) return [];
  const parts = flattenInfix(node, ['infix_expression']).filter((p): p is Node => typeof p !== 'string');
  const out: string[] = [];
  for (const part of parts) {
    const literal = stringValue(part);
    if (literal !== undefined) {
      out.push(...literal.split('/').filter(Boolean));
      continue;
    }
    const head = part.type === 'field_expression' || part.type === 'call_expression' ? part.text.split(/[.(]/)[0]! : part.text;
    if (MATCHER_PARAMS.has(head) || part.text.endsWith('.r')) out.push('{}');
    else if (part.type === 'identifier' && head === 'Slash') continue;
    else out.push('{}');
  }
  return out;
}

function applyDirective(name: string, args: Node[], ctx: Context, file: string, at: Node): Context {
  if (METHODS[name]) return { ...ctx, method: METHODS[name], at };
  if (name === 'method' && args[0]) {
    const last = args[0].text.split('.').pop() ?? '';
    const method = METHODS[last.toLowerCase()];
    return method ? { ...ctx, method, at } : ctx;
  }
  if (PATH_FULL.has(name) || PATH_PREFIX.has(name)) {
    const segs = matcherSegments(args[0]);
    const start = ctx.segments.length;
    const pending = [...ctx.pending];
    segs.forEach((s, i) => { if (s === '{}') pending.push(start + i); });
    return { ...ctx, segments: [...ctx.segments, ...segs], pending, ...(ctx.method ? {} : { at }) };
  }
  if (AUTH.test(name)) {
    return { ...ctx, middleware: [...ctx.middleware, { name, role: name.startsWith('optional') ? 'optional-auth' : 'auth', location: loc(file, at) }] };
  }
  return ctx;
}

function bindParams(ctx: Context, names: string[]): Context {
  if (ctx.pending.length === 0) return ctx;
  const segments = [...ctx.segments];
  ctx.pending.forEach((index, i) => { segments[index] = `{${names[i] ?? `p${i + 1}`}}`; });
  return { ...ctx, segments, pending: [] };
}

function emit(walk: Walk, ctx: Context, at: Node): void {
  const segments = ctx.segments.map((s) => (s === '{}' ? '{param}' : s));
  walk.facts.push({
    kind: 'route', framework: FRAMEWORK, method: ctx.method ?? 'ANY', path: `/${segments.join('/')}`,
    ...(ctx.middleware.length > 0 ? { middleware: ctx.middleware } : {}),
    location: loc(walk.file, ctx.at ?? at),
  });
}

function walkRoute(node: Node, ctx: Context, walk: Walk): void {
  if (walk.depth > 64) return;
  walk.depth++;
  try {
    walkInner(node, ctx, walk);
  } finally {
    walk.depth--;
  }
}

function walkInner(node: Node, ctx: Context, walk: Walk): void {
  switch (node.type) {
    case 'block': case 'indented_block': case 'arguments': case 'parenthesized_expression':
      for (const child of namedChildren(node)) if (!child.type.endsWith('_definition')) walkRoute(child, ctx, walk);
      return;
    case 'postfix_expression':
      for (const child of namedChildren(node)) walkRoute(child, ctx, walk);
      return;
    case 'infix_expression': {
      for (const part of flattenInfix(node, ['infix_expression'])) if (typeof part !== 'string') walkRoute(part, ctx, walk);
      return;
    }
    case 'lambda_expression': {
      const bound = bindParams(ctx, lambdaParams(node));
      const params = fieldOf(node, 'parameters');
      for (const child of namedChildren(node)) if (child.id !== params?.id) walkRoute(child, bound, walk);
      return;
    }
    case 'identifier': {
      if (LEAVES.has(node.text)) emit(walk, ctx, node);
      const def = walk.defs.get(node.text);
      const body = def ? definitionBody(def) : undefined;
      if (body && !walk.seen.has(node.text) && isRouteExpr(body, walk.defs)) {
        walk.seen.add(node.text);
        walkRoute(body, ctx, walk);
        walk.seen.delete(node.text);
      }
      return;
    }
    case 'call_expression': {
      const d = directiveOf(node);
      if (!d) return;
      if (LEAVES.has(d.name)) {
        emit(walk, ctx, node);
        return;
      }
      let next = ctx;
      for (const part of d.conj ?? []) {
        const cd = part.type === 'identifier' ? { name: part.text, args: [] as Node[] } : directiveOf(part);
        if (cd) next = applyDirective(cd.name, cd.args, next, walk.file, part);
      }
      next = applyDirective(d.name, d.args, next, walk.file, node);
      for (const inner of d.inner) walkRoute(inner, next, walk);
      return;
    }
    default:
  }
}

/** The value expression of a definition body: the last expression of a block. */
function valueExpr(body: Node): Node | undefined {
  let cur: Node | undefined = body;
  while (cur && (cur.type === 'block' || cur.type === 'indented_block')) {
    const exprs: Node[] = namedChildren(cur).filter((c) => !c.type.endsWith('_definition') && !c.type.includes('comment'));
    cur = exprs[exprs.length - 1];
  }
  return cur;
}

/** True when an expression is a route built from routing directives (its outermost directive is one). */
function isRouteExpr(body: Node, defs: Map<string, Node>, seen = new Set<string>()): boolean {
  const node = valueExpr(body);
  if (!node) return false;
  if (node.type === 'identifier') {
    if (ROUTE_WORDS.has(node.text)) return true;
    const def = defs.get(node.text);
    const inner = def ? definitionBody(def) : undefined;
    if (!inner || seen.has(node.text)) return false;
    seen.add(node.text);
    return isRouteExpr(inner, defs, seen);
  }
  if (node.type === 'infix_expression' || node.type === 'postfix_expression') {
    return flattenInfix(node, ['infix_expression']).some((p) => typeof p !== 'string' && (p.type === 'postfix_expression'
      ? namedChildren(p).some((c) => isRouteExpr(c, defs, seen))
      : isRouteExpr(p, defs, seen)));
  }
  const d = directiveOf(node);
  if (!d) return false;
  if (d.conj) return d.conj.some((c) => isRouteExpr(c, defs, seen));
  return ROUTE_WORDS.has(d.name) || AUTH.test(d.name);
}

export const akkaHttpRoutes: Extractor = {
  id: 'akka-http/routes',
  languages: ['scala'],
  keywords: ['akka.http', 'pekko.http'],
  extract(file: ParsedFile): Fact[] {
    const tree = treeOf(file);
    if (!tree || /(^|\/)src\/test\//.test(file.path)) return [];
    const root = tree.rootNode;
    const defs = definitionsByName(root);
    const routeDefs = [...defs.entries()].filter(([, def]) => {
      const body = definitionBody(def);
      return body !== undefined && isRouteExpr(body, defs);
    });
    // Definitions used inside other route definitions are not roots.
    const used = new Set<string>();
    for (const [name, def] of routeDefs) {
      const body = definitionBody(def)!;
      for (const id of body.descendantsOfType('identifier')) if (id && id.text !== name && defs.has(id.text)) used.add(id.text);
    }
    const facts: Fact[] = [];
    for (const [name, def] of routeDefs) {
      if (used.has(name)) continue;
      const walk: Walk = { file: file.path, defs, facts, seen: new Set([name]), depth: 0 };
      walkRoute(definitionBody(def)!, { segments: [], pending: [], middleware: [] }, walk);
    }
    return facts;
  },
};
