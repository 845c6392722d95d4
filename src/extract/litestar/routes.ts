// Litestar (and Starlite, its former name): handler decorators (`@get("/x")`, `@post(path=[...])`,
// `@route("/x", http_method=[...])`, `@websocket`, `@websocket_listener`) on functions and on
// Controller methods (the class's `path` is its prefix), `Router(path=, route_handlers=[...])` and
// `Litestar(route_handlers=[...])` / `app.register(handler)`.
// Each handler function is a tiny router of its own: the routers and the app mount it, so that the
// model gives it the prefix of every place it is registered (a handler registered nowhere keeps its path).
import type { Fact, HttpMethod, RefExpr } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { dottedPath, keywordArg, loc, positionalArgs, walk, type Node } from '../python/ast.js';
import { baseNames, classBody, evalString, type ModuleScope } from '../python/modules.js';
import { fileRef as ref, openPythonModule, stringOrList, type PyRouteCtx as Ctx } from '../python/route-helpers.js';
import { field, textOf } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';

const FRAMEWORK = 'litestar';
const PACKAGES = ['litestar', 'starlite'];

const DECORATORS: Record<string, HttpMethod | 'route'> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD',
  route: 'route', websocket: 'GET', websocket_listener: 'GET', websocket_stream: 'GET',
};
const METHODS = new Set<HttpMethod>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT']);

function fromLitestar(scope: ModuleScope, local: string): string | undefined {
  const binding = scope.imports.get(local);
  if (!binding) return undefined;
  const pkg = binding.source.split('.')[0]!;
  return PACKAGES.includes(pkg) ? binding.imported : undefined;
}

/** The Litestar name a callee refers to: `get` imported from litestar, `litestar.get`, `handlers.get`. */
function litestarName(ctx: Ctx, callee: string[] | undefined): string | undefined {
  if (!callee) return undefined;
  if (callee.length === 1) return fromLitestar(ctx.scope, callee[0]!);
  const head = ctx.scope.imports.get(callee[0]!);
  if (head && PACKAGES.includes(head.source.split('.')[0]!)) return callee[callee.length - 1];
  return undefined;
}

/** Path strings of `path=` / the first positional argument: one string, a list of strings, or none (''). */
function handlerPaths(ctx: Ctx, call: Node | undefined): string[] | undefined {
  if (!call) return [''];
  const node = keywordArg(call, 'path') ?? positionalArgs(call)[0];
  if (!node || node.type === 'none') return [''];
  return stringOrList(ctx, node, ['list', 'tuple', 'set']);
}

/** `http_method="GET"`, `[HttpMethod.GET, "POST"]`, `{"GET"}`. */
function httpMethods(ctx: Ctx, node: Node | undefined): HttpMethod[] {
  if (!node) return [];
  const items = ['list', 'tuple', 'set'].includes(node.type) ? node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') : [node];
  const out: HttpMethod[] = [];
  for (const item of items) {
    const path = dottedPath(item);
    const text = (evalString(item, ctx.scope.constants) ?? (path && path.length > 1 ? path[path.length - 1] : undefined))?.toUpperCase();
    if (text && METHODS.has(text as HttpMethod) && !out.includes(text as HttpMethod)) out.push(text as HttpMethod);
  }
  return out;
}

/** Route facts of a decorated function, registered on `owner` (the function itself or its Controller). */
function handlerRoutes(ctx: Ctx, decorated: Node, owner: string[] | undefined): void {
  const def = field(decorated, 'definition');
  if (def?.type !== 'function_definition') return;
  const name = textOf(field(def, 'name'));
  if (!name) return;
  for (const decorator of decorated.namedChildren) {
    if (decorator?.type !== 'decorator') continue;
    const expr = decorator.namedChildren[0];
    const call = expr?.type === 'call' ? expr : undefined;
    const kind = litestarName(ctx, dottedPath(call ? field(call, 'function') : expr));
    const decl = kind ? DECORATORS[kind] : undefined;
    if (!decl) continue;
    const paths = handlerPaths(ctx, call);
    if (!paths) continue;
    const methods = decl === 'route' ? (call ? httpMethods(ctx, keywordArg(call, 'http_method') ?? positionalArgs(call)[1]) : []) : [decl];
    for (const path of paths) {
      for (const method of methods) {
        ctx.facts.push({
          kind: 'route', framework: FRAMEWORK, method, path, router: ref(ctx, owner ?? [name]),
          handler: { name: owner ? `${owner.join('.')}.${name}` : name, location: loc(ctx.file.path, def) },
          location: loc(ctx.file.path, decorator),
        });
      }
    }
  }
}

function isController(ctx: Ctx, cls: Node, depth = 0): boolean {
  if (depth > 8) return false;
  for (const arg of field(cls, 'superclasses')?.namedChildren ?? []) {
    const path = dottedPath(arg);
    if (!path) continue;
    if (litestarName(ctx, path) === 'Controller') return true;
    const local = path.length === 1 ? ctx.scope.classes.get(path[0]!) : undefined;
    if (local && local !== cls && isController(ctx, local, depth + 1)) return true;
  }
  return false;
}

/** The `path = "..."` of a controller class or of its in-file bases. */
function controllerPath(ctx: Ctx, cls: Node, depth = 0): string | undefined {
  const own = classBody(cls).assignments.get('path');
  if (own) return evalString(own, ctx.scope.constants);
  if (depth > 8) return undefined;
  for (const base of baseNames(cls)) {
    const local = ctx.scope.classes.get(base);
    if (local && local !== cls) {
      const inherited = controllerPath(ctx, local, depth + 1);
      if (inherited !== undefined) return inherited;
    }
  }
  return undefined;
}

function controllerFacts(ctx: Ctx, cls: Node): void {
  const name = textOf(field(cls, 'name'));
  if (!name || !isController(ctx, cls)) return;
  const prefix = controllerPath(ctx, cls);
  ctx.facts.push({ kind: 'router', framework: FRAMEWORK, ref: ref(ctx, [name]), location: loc(ctx.file.path, cls), ...(prefix ? { prefix } : {}) });
  for (const statement of field(cls, 'body')?.namedChildren ?? []) {
    if (statement.type === 'decorated_definition') handlerRoutes(ctx, statement, [name]);
  }
}

/** A synthetic ref for a Router/Litestar call that is not bound to a name. */
function inlineRef(ctx: Ctx, call: Node): RefExpr {
  return ref(ctx, [`<litestar-router:${call.startPosition.row + 1}:${call.startPosition.column}>`]);
}

/** Mounts for each element of `route_handlers=[...]`; inline Router(...) calls become routers of their own. */
function mountHandlers(ctx: Ctx, parent: RefExpr, list: Node | undefined, at: Node): void {
  if (!list || !['list', 'tuple'].includes(list.type)) return;
  for (const item of list.namedChildren) {
    if (!item || item.type === 'comment') continue;
    let child: RefExpr | undefined;
    if (item.type === 'call' && litestarName(ctx, dottedPath(field(item, 'function'))) === 'Router') {
      child = inlineRef(ctx, item);
      routerCall(ctx, child, item, false);
    } else {
      const path = dottedPath(item);
      if (path) child = ref(ctx, path);
    }
    if (child) ctx.facts.push({ kind: 'mount', framework: FRAMEWORK, parent, child, prefix: '', location: loc(ctx.file.path, at) });
  }
}

function routerCall(ctx: Ctx, target: RefExpr, call: Node, isApp: boolean): void {
  const prefixNode = keywordArg(call, 'path') ?? (isApp ? undefined : positionalArgs(call)[0]);
  const prefix = evalString(prefixNode, ctx.scope.constants);
  ctx.facts.push({
    kind: 'router', framework: FRAMEWORK, ref: target, location: loc(ctx.file.path, call),
    ...(prefix ? { prefix } : {}), ...(isApp ? { isApp: true } : {}),
  });
  if (isApp) ctx.facts.push({ kind: 'service-entry', framework: FRAMEWORK, location: loc(ctx.file.path, call) });
  mountHandlers(ctx, target, keywordArg(call, 'route_handlers') ?? (isApp ? positionalArgs(call)[0] : positionalArgs(call)[1]), call);
}

/** Router(...) / Litestar(...) calls not nested in another route_handlers list. */
function constructorCall(ctx: Ctx, call: Node): void {
  const kind = litestarName(ctx, dottedPath(field(call, 'function')));
  if (kind !== 'Router' && kind !== 'Litestar' && kind !== 'Starlite') return;
  // Inline routers inside a route_handlers list are handled by their parent.
  const list = call.parent;
  if (kind === 'Router' && list && (list.type === 'list' || list.type === 'tuple') && list.parent?.type === 'keyword_argument') {
    const owner = list.parent.parent?.parent;
    if (owner?.type === 'call' && ['Router', 'Litestar', 'Starlite'].includes(litestarName(ctx, dottedPath(field(owner, 'function'))) ?? '')) return;
  }
  const assignment = call.parent?.type === 'assignment' && field(call.parent, 'right') === call ? call.parent : undefined;
  const target = dottedPath(field(assignment, 'left'));
  routerCall(ctx, target ? ref(ctx, target) : inlineRef(ctx, call), call, kind !== 'Router');
}

/** `app.register(handler)` on a name bound to Litestar(...) / Router(...) in this file. */
function registerCall(ctx: Ctx, call: Node): void {
  const callee = dottedPath(field(call, 'function'));
  if (!callee || callee.length !== 2 || callee[1] !== 'register') return;
  const bound = ctx.scope.calls.get(callee[0]!);
  const kind = bound ? litestarName(ctx, dottedPath(field(bound, 'function'))) : undefined;
  if (kind !== 'Router' && kind !== 'Litestar' && kind !== 'Starlite') return;
  const child = dottedPath(positionalArgs(call)[0]);
  if (child) ctx.facts.push({ kind: 'mount', framework: FRAMEWORK, parent: ref(ctx, [callee[0]!]), child: ref(ctx, child), prefix: '', location: loc(ctx.file.path, call) });
}

export function extractLitestarRoutes(file: ParsedFile): Fact[] {
  const module = openPythonModule(file, PACKAGES);
  if (!module) return [];
  const { root, scope } = module;
  const ctx: Ctx = { file, scope, facts: [] };
  walk(root, (node) => {
    if (node.type === 'class_definition') {
      controllerFacts(ctx, node);
      return false;
    }
    if (node.type === 'decorated_definition') {
      const def = field(node, 'definition');
      if (def?.type === 'function_definition') handlerRoutes(ctx, node, undefined);
    } else if (node.type === 'call') {
      constructorCall(ctx, node);
      registerCall(ctx, node);
    }
    return true;
  });
  return ctx.facts;
}

export const litestarRoutes: Extractor = {
  id: 'litestar/routes',
  languages: ['python'],
  keywords: ['litestar', 'starlite'],
  extract: extractLitestarRoutes,
};
