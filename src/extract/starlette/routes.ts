// Starlette: route tables (`Starlette(routes=[...])`, `Router(routes=...)`, `routes = [Route(...), Mount(...)]`)
// with Route / WebSocketRoute / Mount (nested `routes=`, `app=` sub-apps, StaticFiles), the imperative
// `add_route` / `add_websocket_route` / `mount` / `@app.route` API on Starlette and Router objects, and
// HTTPEndpoint classes (`view` facts: the methods the class defines).
import type { Fact, HttpMethod, RouteFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { dottedPath, keywordArg, loc, positionalArgs, walk, type Node } from '../python/ast.js';
import { httpMethodList } from '../python/modules.js';
import { classesByName, decoratorCalls, fileRef as refOf, openPythonModule, scopeString as str, type PyRouteCtx } from '../python/route-helpers.js';
import { field, textOf } from '../tree-sitter/ast.js';
import { classViewFacts, inheritedHttpMethods, moduleClasses } from '../tornado/class-views.js';
import type { Extractor } from '../types.js';

const FRAMEWORK = 'starlette';

interface Ctx extends PyRouteCtx {
  classes: Map<string, Node>;
  /** Names bound to Starlette() / Router() in this file. */
  apps: Set<string>;
}

type Ref = string[];

/** The starlette name a callee stands for ('Route', 'Mount', 'Starlette', ...), by its import; undefined otherwise. */
function starletteName(ctx: Ctx, call: Node): string | undefined {
  const callee = dottedPath(field(call, 'function'));
  if (!callee) return undefined;
  const name = callee[callee.length - 1]!;
  const binding = ctx.scope.imports.get(callee[0]!);
  if (!binding) return undefined;
  const source = binding.source;
  if (callee.length === 1) return source.startsWith('starlette') ? (binding.imported === '*' ? undefined : binding.imported) : undefined;
  // `routing.Route(...)` (from starlette import routing) / `starlette.routing.Route(...)`
  return source.startsWith('starlette') ? name : undefined;
}

function route(ctx: Ctx, at: Node, method: HttpMethod, path: string, router: Ref, handler: string | undefined, extra: Partial<RouteFact> = {}): void {
  ctx.facts.push({
    kind: 'route', framework: FRAMEWORK, method, path, router: refOf(ctx, router), location: loc(ctx.file.path, at),
    ...(handler ? { handler: { name: handler } } : {}), ...extra,
  });
}

/** Routes of one endpoint: a function (methods= or GET), an in-file HTTPEndpoint class, or an imported class (view placeholder). */
function endpointRoutes(ctx: Ctx, at: Node, path: string, router: Ref, endpoint: Node | undefined, methodsNode: Node | undefined): void {
  const target = dottedPath(endpoint);
  const name = target?.join('.');
  const local = target?.length === 1 ? ctx.classes.get(target[0]!) : undefined;
  if (local) {
    for (const m of inheritedHttpMethods(local, ctx.classes)) route(ctx, at, m.method, path, router, `${name}.${m.name}`);
    return;
  }
  const isFunction = target?.length === 1 && ctx.scope.functions.has(target[0]!);
  const last = target?.[target.length - 1];
  if (target && !isFunction && last && /^[A-Z]/.test(last)) {
    // An endpoint class from another module: the model swaps this placeholder for its view.
    route(ctx, at, 'GET', path, router, name, { view: { ref: refOf(ctx, target), base: path } });
    return;
  }
  const methods = httpMethodList(methodsNode, ctx.scope) ?? ['GET'];
  for (const method of methods) route(ctx, at, method, path, router, name);
}

/** A name for an inline Mount's route table: unique in the file, stable for a position. */
function inlineRef(at: Node): Ref {
  return [`<mount@${at.startPosition.row + 1}:${at.startPosition.column}>`];
}

function mount(ctx: Ctx, at: Node, parent: Ref, child: Ref, prefix: string): void {
  ctx.facts.push({ kind: 'mount', framework: FRAMEWORK, parent: refOf(ctx, parent), child: refOf(ctx, child), prefix, location: loc(ctx.file.path, at) });
}

/** `routes=` of a table: a list literal (read in place) or a name (mounted). */
function routesArg(ctx: Ctx, at: Node, node: Node | undefined, router: Ref, prefix = ''): void {
  if (!node) return;
  if (node.type === 'list' || node.type === 'tuple') {
    if (prefix) {
      const child = inlineRef(at);
      mount(ctx, at, router, child, prefix);
      routeTable(ctx, node, child);
    } else routeTable(ctx, node, router);
    return;
  }
  const name = dottedPath(node);
  if (name) mount(ctx, at, router, name, prefix);
}

/** Mount(path, routes=[...] | app=X | app=StaticFiles(...)) inside a table registered on `router`. */
function mountElement(ctx: Ctx, call: Node, router: Ref): void {
  const args = positionalArgs(call);
  const prefix = str(ctx, keywordArg(call, 'path') ?? args[0]);
  if (prefix === undefined) return;
  const routes = keywordArg(call, 'routes') ?? (args[1] && args[1].type === 'list' ? args[1] : undefined);
  if (routes) return routesArg(ctx, call, routes, router, prefix);
  mountApp(ctx, call, router, prefix, keywordArg(call, 'app') ?? args[1]);
}

function mountApp(ctx: Ctx, at: Node, router: Ref, prefix: string, app: Node | undefined): void {
  if (!app) return;
  if (app.type === 'call') {
    const kind = starletteName(ctx, app) ?? dottedPath(field(app, 'function'))?.pop();
    if (kind === 'StaticFiles') {
      route(ctx, at, 'GET', `${prefix.replace(/\/+$/, '')}/{path}`, router, 'StaticFiles', { origin: 'generated' });
    } else if (kind === 'Router' || kind === 'Starlette') {
      routesArg(ctx, app, keywordArg(app, 'routes') ?? positionalArgs(app)[0], router, prefix);
    }
    return;
  }
  const child = dottedPath(app);
  if (child) mount(ctx, at, router, child, prefix);
}

/** Elements of a route table: Route, WebSocketRoute, Mount (Host and others are skipped). */
function routeTable(ctx: Ctx, list: Node, router: Ref): void {
  for (const element of list.namedChildren) {
    if (element?.type !== 'call') continue;
    const kind = starletteName(ctx, element);
    const args = positionalArgs(element);
    if (kind === 'Route') {
      const path = str(ctx, keywordArg(element, 'path') ?? args[0]);
      if (path !== undefined) endpointRoutes(ctx, element, path, router, keywordArg(element, 'endpoint') ?? args[1], keywordArg(element, 'methods') ?? args[2]);
    } else if (kind === 'WebSocketRoute') {
      // The WebSocket handshake is an HTTP GET.
      const path = str(ctx, keywordArg(element, 'path') ?? args[0]);
      if (path !== undefined) route(ctx, element, 'GET', path, router, dottedPath(keywordArg(element, 'endpoint') ?? args[1])?.join('.'));
    } else if (kind === 'Mount') {
      mountElement(ctx, element, router);
    }
  }
}

/** `app.add_route(...)`, `app.add_websocket_route(...)`, `app.mount(...)` on a Starlette / Router object. */
function methodCall(ctx: Ctx, call: Node): void {
  const path = dottedPath(field(call, 'function'));
  if (!path || path.length !== 2 || !ctx.apps.has(path[0]!)) return;
  const receiver = [path[0]!];
  const args = positionalArgs(call);
  const routePath = str(ctx, keywordArg(call, 'path') ?? args[0]);
  if (routePath === undefined) return;
  switch (path[1]) {
    case 'add_route':
      endpointRoutes(ctx, call, routePath, receiver, keywordArg(call, 'route') ?? keywordArg(call, 'endpoint') ?? args[1], keywordArg(call, 'methods') ?? args[2]);
      break;
    case 'add_websocket_route':
      route(ctx, call, 'GET', routePath, receiver, dottedPath(keywordArg(call, 'route') ?? args[1])?.join('.'));
      break;
    case 'mount':
      mountApp(ctx, call, receiver, routePath, keywordArg(call, 'app') ?? args[1]);
      break;
    default:
  }
}

/** `@app.route('/x', methods=[...])` / `@app.websocket_route('/ws')` on a Starlette / Router object. */
function decoratorRoutes(ctx: Ctx, decorated: Node): void {
  const def = field(decorated, 'definition');
  if (!def) return;
  const name = textOf(field(def, 'name')) ?? '';
  for (const { decorator, call } of decoratorCalls(decorated)) {
    const path = dottedPath(field(call, 'function'));
    if (!path || path.length !== 2 || !ctx.apps.has(path[0]!)) continue;
    const routePath = str(ctx, keywordArg(call, 'path') ?? positionalArgs(call)[0]);
    if (routePath === undefined) continue;
    if (path[1] === 'route') {
      if (def.type === 'class_definition') {
        for (const m of inheritedHttpMethods(def, ctx.classes)) route(ctx, decorator, m.method, routePath, [path[0]!], `${name}.${m.name}`);
      } else {
        for (const method of httpMethodList(keywordArg(call, 'methods'), ctx.scope) ?? ['GET' as const]) route(ctx, decorator, method, routePath, [path[0]!], name);
      }
    } else if (path[1] === 'websocket_route') {
      route(ctx, decorator, 'GET', routePath, [path[0]!], name);
    }
  }
}

export function extractStarletteRoutes(file: ParsedFile): Fact[] {
  const module = openPythonModule(file, ['starlette']);
  if (!module) return [];
  const { root, scope } = module;
  const classes = classesByName(moduleClasses(root));
  const ctx: Ctx = { file, scope, classes, apps: new Set(), facts: [] };
  walk(root, (node) => {
    if (node.type === 'assignment') {
      const target = dottedPath(field(node, 'left'));
      const right = field(node, 'right');
      if (!target || !right) return true;
      if (right.type === 'call') {
        const kind = starletteName(ctx, right);
        if (kind === 'Starlette' || kind === 'Router') {
          ctx.apps.add(target.join('.'));
          ctx.facts.push({ kind: 'router', framework: FRAMEWORK, ref: refOf(ctx, target), location: loc(file.path, right), ...(kind === 'Starlette' ? { isApp: true } : {}) });
          routesArg(ctx, right, keywordArg(right, 'routes') ?? positionalArgs(right)[kind === 'Router' ? 0 : 1], target);
          return false;
        }
      } else if (right.type === 'list' && right.namedChildren.some((c) => c?.type === 'call' && ['Route', 'Mount', 'WebSocketRoute'].includes(starletteName(ctx, c) ?? ''))) {
        routeTable(ctx, right, target);
        return false;
      }
    } else if (node.type === 'decorated_definition') {
      decoratorRoutes(ctx, node);
    } else if (node.type === 'call') {
      methodCall(ctx, node);
    }
    return true;
  });
  ctx.facts.push(...classViewFacts(file, root, FRAMEWORK, (_cls, bases) => {
    if (bases.some((b) => b === 'WebSocketEndpoint')) return ['GET'];
    return bases.some((b) => b === 'HTTPEndpoint');
  }));
  return ctx.facts;
}

export const starletteRoutes: Extractor = {
  id: 'starlette/routes',
  languages: ['python'],
  keywords: ['starlette'],
  extract: extractStarletteRoutes,
};
