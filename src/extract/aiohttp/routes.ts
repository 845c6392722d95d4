// aiohttp: `app.router.add_get/add_post/.../add_route/add_view/add_static(...)`, route definitions
// (`web.get(...)`, `web.view(...)`, `web.static(...)`) in lists handed to `add_routes`, RouteTableDef
// decorators (`@routes.get('/x')`, `@routes.view('/x')` on a class), `add_routes(table)` and
// `add_subapp(prefix, sub_app)` mounts, and web.View classes (`view` facts).
import type { Fact, HttpMethod, RouteFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { dottedPath, keywordArg, loc, positionalArgs, walk, type Node } from '../python/ast.js';
import { evalString, isPythonTestFile, readModuleScope, type ModuleScope } from '../python/modules.js';
import { field, rootOf, textOf } from '../tree-sitter/ast.js';
import { classViewFacts, inheritedHttpMethods, moduleClasses } from '../tornado/class-views.js';
import type { Extractor } from '../types.js';

const FRAMEWORK = 'aiohttp';

const VERBS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD', options: 'OPTIONS',
};

/** `app.router.add_<x>` methods. */
const ROUTER_ADDERS = new Set(['add_get', 'add_post', 'add_put', 'add_patch', 'add_delete', 'add_head', 'add_options', 'add_route', 'add_view', 'add_static']);

interface Ctx {
  file: ParsedFile;
  scope: ModuleScope;
  importsAiohttp: boolean;
  /** In-file class definitions by name (web.View classes registered here). */
  classes: Map<string, Node>;
  /** `add_route = app.router.add_route`: local name -> receiver and method. */
  boundAdders: Map<string, { receiver: string[]; method: string }>;
  /** `r = app.router.add_resource('/x')`: local name -> receiver and path. */
  resources: Map<string, { receiver: string[]; path: string }>;
  /** Factory functions and the local name each returns. */
  returns: Map<string, string>;
  facts: Fact[];
}

/**
 * A name as the model should see it: inside a factory (`def create_app(): app = web.Application(); ...;
 * return app`) the returned object is [factory, 'return']; a name bound to a factory call
 * (`admin = create_admin_app()`) is that factory's result too.
 */
function ref(ctx: Ctx, path: string[], at?: Node) {
  const head = path[0]!;
  const fn = at ? enclosingFunction(at) : undefined;
  if (fn && ctx.returns.get(fn) === head) return { file: ctx.file.path, path: [fn, 'return', ...path.slice(1)] };
  const call = ctx.scope.calls.get(head);
  const callee = call ? dottedPath(field(call, 'function')) : undefined;
  if (callee && !CTORS.has(callee[callee.length - 1]!) && (ctx.scope.functions.has(callee[0]!) || ctx.scope.imports.has(callee[0]!))) {
    return { file: ctx.file.path, path: [...callee, 'return', ...path.slice(1)] };
  }
  return { file: ctx.file.path, path };
}

const CTORS = new Set(['Application', 'RouteTableDef']);

/** Name of the top-level function a node sits in, if any. */
function enclosingFunction(node: Node): string | undefined {
  let fn: Node | undefined;
  for (let cur: Node | null = node.parent; cur; cur = cur.parent) {
    if (cur.type === 'function_definition') fn = cur;
    if (cur.type === 'class_definition') return undefined;
  }
  return fn ? textOf(field(fn, 'name')) : undefined;
}

/** Top-level functions that end with `return <name>`: function -> name. */
function returnedNames(root: Node): Map<string, string> {
  const out = new Map<string, string>();
  for (const statement of root.namedChildren) {
    const def = statement?.type === 'decorated_definition' ? field(statement, 'definition') : statement;
    if (def?.type !== 'function_definition') continue;
    const name = textOf(field(def, 'name'));
    const body = field(def, 'body')?.namedChildren ?? [];
    const last = body[body.length - 1];
    const value = last?.type === 'return_statement' ? last.namedChildren[0] : undefined;
    if (name && value?.type === 'identifier') out.set(name, textOf(value));
  }
  return out;
}

function str(ctx: Ctx, node: Node | undefined): string | undefined {
  return evalString(node, ctx.scope.constants);
}

function methodOf(value: string | undefined): HttpMethod | undefined {
  if (value === undefined) return undefined;
  const upper = value.toUpperCase();
  if (upper === '*' || upper === 'ANY') return 'ANY';
  return /^[A-Z]+$/.test(upper) ? (upper as HttpMethod) : undefined;
}

function route(ctx: Ctx, at: Node, method: HttpMethod, path: string, router: string[], handler?: Node | string): void {
  const name = typeof handler === 'string' ? handler : dottedPath(handler)?.join('.');
  const fact: RouteFact = {
    kind: 'route', framework: FRAMEWORK, method, path, router: ref(ctx, router, at), location: loc(ctx.file.path, at),
    ...(name ? { handler: { name } } : {}),
  };
  ctx.facts.push(fact);
}

/** A class-based view: the methods of an in-file class, else a placeholder the model swaps for the class's view. */
function viewRoutes(ctx: Ctx, at: Node, path: string, router: string[], handler: Node | undefined): void {
  const target = dottedPath(handler);
  if (!target) return;
  const local = target.length === 1 ? ctx.classes.get(target[0]!) : undefined;
  if (local) {
    for (const m of inheritedHttpMethods(local, ctx.classes)) route(ctx, at, m.method, path, router, `${target[0]}.${m.name}`);
    return;
  }
  ctx.facts.push({
    kind: 'route', framework: FRAMEWORK, method: 'GET', path, router: ref(ctx, router, at), location: loc(ctx.file.path, at),
    handler: { name: target.join('.') }, view: { ref: { file: ctx.file.path, path: target }, base: path },
  });
}

function staticRoute(ctx: Ctx, at: Node, prefix: string | undefined, router: string[]): void {
  if (prefix === undefined) return;
  ctx.facts.push({
    kind: 'route', framework: FRAMEWORK, method: 'GET', path: `${prefix.replace(/\/+$/, '')}/{filename}`,
    router: ref(ctx, router, at), location: loc(ctx.file.path, at), handler: { name: 'static' }, origin: 'generated',
  });
}

/** `app.router.add_get(path, handler)` and friends, on `receiver` (the app or router, without `.router`). */
function adderCall(ctx: Ctx, call: Node, receiver: string[], method: string): void {
  const args = positionalArgs(call);
  if (method === 'add_route') {
    const verb = methodOf(str(ctx, keywordArg(call, 'method') ?? args[0]));
    const path = str(ctx, keywordArg(call, 'path') ?? args[1]);
    if (verb && path !== undefined) route(ctx, call, verb, path, receiver, keywordArg(call, 'handler') ?? args[2]);
    return;
  }
  const path = str(ctx, keywordArg(call, method === 'add_static' ? 'prefix' : 'path') ?? args[0]);
  if (path === undefined) return;
  if (method === 'add_static') return staticRoute(ctx, call, path, receiver);
  const handler = keywordArg(call, 'handler') ?? args[1];
  if (method === 'add_view') return viewRoutes(ctx, call, path, receiver, handler);
  const verb = VERBS[method.slice(4)];
  if (verb) route(ctx, call, verb, path, receiver, handler);
}

/** `web.get` / `aiohttp.web.get` / `get` imported from aiohttp.web -> 'get'. */
function webFunction(ctx: Ctx, callee: string[] | undefined): string | undefined {
  if (!callee) return undefined;
  const name = callee[callee.length - 1]!;
  const head = callee.slice(0, -1).join('.');
  if (head === 'aiohttp.web') return name;
  if (head === '') return ctx.scope.imports.get(name)?.source === 'aiohttp.web' ? name : undefined;
  if (callee.length !== 2) return undefined;
  const binding = ctx.scope.imports.get(head);
  if (binding) return (binding.source === 'aiohttp' && binding.imported === 'web') || (binding.source === 'aiohttp.web' && binding.imported === '*') ? name : undefined;
  return head === 'web' && ctx.importsAiohttp ? name : undefined;
}

/** `web.get(path, handler)`, `web.route(method, path, handler)`, `web.view(path, View)`, `web.static(prefix, dir)`. */
function routeDef(ctx: Ctx, call: Node, router: string[]): boolean {
  const name = webFunction(ctx, dottedPath(field(call, 'function')));
  if (!name) return false;
  const args = positionalArgs(call);
  if (name === 'route') {
    const verb = methodOf(str(ctx, keywordArg(call, 'method') ?? args[0]));
    const path = str(ctx, keywordArg(call, 'path') ?? args[1]);
    if (verb && path !== undefined) route(ctx, call, verb, path, router, keywordArg(call, 'handler') ?? args[2]);
    return true;
  }
  if (name === 'static') {
    staticRoute(ctx, call, str(ctx, keywordArg(call, 'prefix') ?? args[0]), router);
    return true;
  }
  const path = str(ctx, keywordArg(call, 'path') ?? args[0]);
  if (path === undefined) return false;
  const handler = keywordArg(call, 'handler') ?? args[1];
  if (name === 'view') {
    viewRoutes(ctx, call, path, router, handler);
    return true;
  }
  const verb = VERBS[name];
  if (!verb) return false;
  route(ctx, call, verb, path, router, handler);
  return true;
}

/** Elements of a route-definition list, registered on `router`. */
function routeList(ctx: Ctx, list: Node, router: string[]): void {
  for (const element of list.namedChildren) if (element?.type === 'call') routeDef(ctx, element, router);
}

function addRoutes(ctx: Ctx, call: Node, receiver: string[]): void {
  const arg = positionalArgs(call)[0] ?? keywordArg(call, 'routes');
  if (!arg) return;
  if (arg.type === 'list' || arg.type === 'tuple') return routeList(ctx, arg, receiver);
  const child = dottedPath(arg);
  if (!child) return;
  ctx.facts.push({ kind: 'mount', framework: FRAMEWORK, parent: ref(ctx, receiver, call), child: ref(ctx, child, call), prefix: '', location: loc(ctx.file.path, call) });
}

/** `app.router.add_resource('/x')` -> { receiver: ['app'], path: '/x' }. */
function resourceOf(ctx: Ctx, node: Node | null | undefined): { receiver: string[]; path: string } | undefined {
  if (node?.type === 'identifier') return ctx.resources.get(textOf(node));
  if (node?.type !== 'call') return undefined;
  const callee = dottedPath(field(node, 'function'));
  if (!callee || callee.length < 3 || callee[callee.length - 1] !== 'add_resource' || callee[callee.length - 2] !== 'router') return undefined;
  const path = str(ctx, keywordArg(node, 'path') ?? positionalArgs(node)[0]);
  return path === undefined ? undefined : { receiver: callee.slice(0, -2), path };
}

/** `resource.add_route('GET', handler)` on an `add_resource(path)` result. */
function resourceRoute(ctx: Ctx, call: Node): boolean {
  const fn = field(call, 'function');
  if (fn?.type !== 'attribute' || textOf(field(fn, 'attribute')) !== 'add_route') return false;
  const resource = resourceOf(ctx, field(fn, 'object'));
  if (!resource) return false;
  const args = positionalArgs(call);
  const verb = methodOf(str(ctx, keywordArg(call, 'method') ?? args[0]));
  if (verb) route(ctx, call, verb, resource.path, resource.receiver, keywordArg(call, 'handler') ?? args[1]);
  return true;
}

function callFacts(ctx: Ctx, call: Node): void {
  if (resourceRoute(ctx, call)) return;
  const path = dottedPath(field(call, 'function'));
  if (!path) return;
  const method = path[path.length - 1]!;
  if (path.length === 1) {
    const bound = ctx.boundAdders.get(method);
    if (bound) adderCall(ctx, call, bound.receiver, bound.method);
    return;
  }
  const receiver = path.slice(0, -1);
  if (ROUTER_ADDERS.has(method) && receiver.length >= 2 && receiver[receiver.length - 1] === 'router') {
    adderCall(ctx, call, receiver.slice(0, -1), method);
  } else if (method === 'add_routes') {
    addRoutes(ctx, call, receiver[receiver.length - 1] === 'router' && receiver.length >= 2 ? receiver.slice(0, -1) : receiver);
  } else if (method === 'add_subapp' && ctx.importsAiohttp) {
    const args = positionalArgs(call);
    const prefix = str(ctx, keywordArg(call, 'prefix') ?? args[0]);
    const child = dottedPath(keywordArg(call, 'subapp') ?? args[1]);
    if (prefix === undefined || !child) return;
    ctx.facts.push({ kind: 'mount', framework: FRAMEWORK, parent: ref(ctx, receiver, call), child: ref(ctx, child, call), prefix, location: loc(ctx.file.path, call) });
  } else if (method === 'run_app' && ctx.importsAiohttp) {
    ctx.facts.push({ kind: 'service-entry', framework: FRAMEWORK, location: loc(ctx.file.path, call) });
  }
}

/** `@routes.get('/x')` / `@routes.route('PUT', '/x')` / `@routes.view('/x')` on a RouteTableDef. */
function decoratorRoutes(ctx: Ctx, decorated: Node, tables: Set<string>): void {
  const def = field(decorated, 'definition');
  if (!def) return;
  const name = textOf(field(def, 'name')) ?? '';
  for (const decorator of decorated.namedChildren) {
    if (decorator?.type !== 'decorator') continue;
    const call = decorator.namedChildren[0];
    if (call?.type !== 'call') continue;
    const path = dottedPath(field(call, 'function'));
    if (!path || path.length !== 2) continue;
    // A RouteTableDef of this file, or one imported into an aiohttp module.
    if (!tables.has(path[0]!) && !(ctx.importsAiohttp && ctx.scope.imports.has(path[0]!))) continue;
    const kind = path[1]!;
    const args = positionalArgs(call);
    const router = [path[0]!];
    if (kind === 'route') {
      const verb = methodOf(str(ctx, keywordArg(call, 'method') ?? args[0]));
      const p = str(ctx, keywordArg(call, 'path') ?? args[1]);
      if (verb && p !== undefined) route(ctx, decorator, verb, p, router, name);
    } else if (kind === 'view' && def.type === 'class_definition') {
      const p = str(ctx, keywordArg(call, 'path') ?? args[0]);
      if (p === undefined) continue;
      for (const m of inheritedHttpMethods(def, ctx.classes)) route(ctx, decorator, m.method, p, router, `${name}.${m.name}`);
    } else if (VERBS[kind] && def.type === 'function_definition') {
      const p = str(ctx, keywordArg(call, 'path') ?? args[0]);
      if (p !== undefined) route(ctx, decorator, VERBS[kind]!, p, router, name);
    } else if (kind === 'static') {
      staticRoute(ctx, decorator, str(ctx, args[0]), router);
    }
  }
}

function isAiohttpCtor(ctx: Ctx, call: Node, name: string): boolean {
  const callee = dottedPath(field(call, 'function'));
  if (!callee || callee[callee.length - 1] !== name) return false;
  if (callee.length === 1) return ctx.scope.imports.get(name)?.source.startsWith('aiohttp') ?? false;
  return callee[0] === 'web' || callee[0] === 'aiohttp';
}

export function extractAiohttpRoutes(file: ParsedFile): Fact[] {
  if (file.tree.kind !== 'tree-sitter' || isPythonTestFile(file.path)) return [];
  const root = rootOf(file.tree.tree);
  const scope = readModuleScope(root);
  const classes = new Map<string, Node>();
  for (const cls of moduleClasses(root)) {
    const name = textOf(field(cls, 'name'));
    if (name && !classes.has(name)) classes.set(name, cls);
  }
  const ctx: Ctx = { file, scope, importsAiohttp: scope.packages.has('aiohttp'), classes, boundAdders: new Map(), resources: new Map(), returns: returnedNames(root), facts: [] };
  const tables = new Set<string>();
  walk(root, (node) => {
    if (node.type === 'assignment') {
      const target = dottedPath(field(node, 'left'));
      const right = field(node, 'right');
      if (!target || !right) return true;
      const resource = right.type === 'call' && target.length === 1 ? resourceOf(ctx, right) : undefined;
      if (resource) {
        ctx.resources.set(target[0]!, resource);
      } else if (right.type === 'call' && ctx.importsAiohttp) {
        if (isAiohttpCtor(ctx, right, 'RouteTableDef')) {
          tables.add(target.join('.'));
          ctx.facts.push({ kind: 'router', framework: FRAMEWORK, ref: ref(ctx, target, node), location: loc(file.path, right) });
        } else if (isAiohttpCtor(ctx, right, 'Application')) {
          ctx.facts.push({ kind: 'router', framework: FRAMEWORK, ref: ref(ctx, target, node), location: loc(file.path, right), isApp: true });
        }
      } else if (right.type === 'list' && ctx.importsAiohttp) {
        // `routes = [web.get(...), ...]`: a list handed to add_routes later.
        routeList(ctx, right, target);
        return false;
      } else if (right.type === 'attribute' && target.length === 1) {
        const bound = dottedPath(right);
        const method = bound?.[bound.length - 1];
        if (bound && method && ROUTER_ADDERS.has(method) && bound.length >= 3 && bound[bound.length - 2] === 'router') {
          ctx.boundAdders.set(target[0]!, { receiver: bound.slice(0, -2), method });
        }
      }
    } else if (node.type === 'decorated_definition') {
      if (tables.size > 0 || ctx.importsAiohttp) decoratorRoutes(ctx, node, tables);
    } else if (node.type === 'call') {
      callFacts(ctx, node);
    }
    return true;
  });
  if (ctx.importsAiohttp) {
    ctx.facts.push(...classViewFacts(file, root, FRAMEWORK, (_cls, bases) => bases.some((b) => b.endsWith('View'))));
  }
  return ctx.facts;
}

export const aiohttpRoutes: Extractor = {
  id: 'aiohttp/routes',
  languages: ['python'],
  keywords: ['aiohttp', '.router.add_', 'add_routes'],
  extract: extractAiohttpRoutes,
};
