// Sanic: route decorators on Sanic apps and Blueprints (`@app.route(uri, methods=[...])`, `@bp.get(uri)`,
// `@app.websocket(uri)`), `add_route(handler, uri)` (functions and `HTTPMethodView.as_view()` classes),
// `add_websocket_route`, `static(uri, path)`, Blueprint(url_prefix=, version=) prefixes,
// `Blueprint.group(..., url_prefix=, version=)` and `app.blueprint(bp, url_prefix=)` mounts (the mount
// prefix replaces the blueprint's own; a group's stacks), and HTTPMethodView classes (`view` facts).
import type { Fact, HttpMethod, RouteFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { dottedPath, keywordArg, loc, positionalArgs, type Node } from '../python/ast.js';
import { httpMethodList } from '../python/modules.js';
import { classesByName, decoratorCalls, fileRef, openPythonModule, scopeString as str, visitModule, type PyRouteCtx } from '../python/route-helpers.js';
import { field, textOf } from '../tree-sitter/ast.js';
import { classViewFacts, inheritedHttpMethods, moduleClasses } from '../tornado/class-views.js';
import type { Extractor } from '../types.js';

const FRAMEWORK = 'sanic';

const VERBS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD', options: 'OPTIONS',
};

interface Ctx extends PyRouteCtx {
  classes: Map<string, Node>;
  /** Dotted names bound to Sanic(...) / Blueprint(...) / Blueprint.group(...) in this file. */
  receivers: Set<string>;
  groups: Set<string>;
  importsSanic: boolean;
}

/** `<id:int>` / `<name:[a-z]+>` -> `<id>` / `<name>`: the model reads `<a:b>` as Flask's `<converter:name>`. */
export function sanicPath(uri: string): string {
  return uri.replace(/<([A-Za-z_][A-Za-z0-9_]*):[^<>]*>/g, '<$1>');
}

/** `version=2` / `version="1.1"` -> '/v2' (Sanic's default version_prefix). */
function versionPrefix(ctx: Ctx, call: Node): string {
  const node = keywordArg(call, 'version');
  if (!node) return '';
  const text = node.type === 'integer' || node.type === 'float' ? textOf(node) : str(ctx, node);
  if (!text) return '';
  const prefix = str(ctx, keywordArg(call, 'version_prefix')) ?? '/v';
  return `${prefix}${text}`;
}

function isSanicCall(ctx: Ctx, call: Node, names: readonly string[]): string | undefined {
  const callee = dottedPath(field(call, 'function'));
  if (!callee) return undefined;
  const joined = callee.join('.');
  for (const name of names) {
    if (joined === name || joined === `sanic.${name}`) {
      const head = callee[0]!;
      if (head === 'sanic') return name;
      const binding = ctx.scope.imports.get(head);
      if (binding?.source.startsWith('sanic')) return name;
    }
  }
  return undefined;
}

function route(ctx: Ctx, at: Node, method: HttpMethod, path: string, receiver: string[], handler: string | undefined, extra: Partial<RouteFact> = {}): void {
  ctx.facts.push({
    kind: 'route', framework: FRAMEWORK, method, path, router: fileRef(ctx, receiver), location: loc(ctx.file.path, at),
    ...(handler ? { handler: { name: handler } } : {}), ...extra,
  });
}

function isReceiver(ctx: Ctx, receiver: string[]): boolean {
  return ctx.receivers.has(receiver.join('.')) || (ctx.importsSanic && receiver.length <= 2);
}

/** A route-level `version=` on a route registered directly on the app prefixes its path. */
function routePath(ctx: Ctx, call: Node, uri: string, receiver: string[]): string {
  const version = versionPrefix(ctx, call);
  const isBlueprint = ctx.scope.calls.get(receiver.join('.')) && !isSanicCall(ctx, ctx.scope.calls.get(receiver.join('.'))!, ['Sanic']);
  return version && !isBlueprint ? `${version}${sanicPath(uri)}` : sanicPath(uri);
}

function decoratorRoutes(ctx: Ctx, decorated: Node): void {
  const def = field(decorated, 'definition');
  if (!def || def.type !== 'function_definition') return;
  const name = textOf(field(def, 'name')) ?? '';
  for (const { decorator, call } of decoratorCalls(decorated)) {
    const path = dottedPath(field(call, 'function'));
    if (!path || path.length < 2) continue;
    const receiver = path.slice(0, -1);
    const kind = path[path.length - 1]!;
    if (!isReceiver(ctx, receiver)) continue;
    const uri = str(ctx, keywordArg(call, 'uri') ?? positionalArgs(call)[0]);
    // On a receiver not bound here (an imported app or blueprint), only URI-shaped arguments count.
    if (uri === undefined || (!ctx.receivers.has(receiver.join('.')) && !uri.startsWith('/'))) continue;
    const full = routePath(ctx, call, uri, receiver);
    if (kind === 'route') {
      for (const method of httpMethodList(keywordArg(call, 'methods') ?? positionalArgs(call)[1], ctx.scope) ?? ['GET' as const]) {
        route(ctx, decorator, method, full, receiver, name);
      }
    } else if (kind === 'websocket') {
      route(ctx, decorator, 'GET', full, receiver, name);
    } else if (VERBS[kind]) {
      route(ctx, decorator, VERBS[kind]!, full, receiver, name);
    }
  }
}

/** `X.as_view()` -> X. */
function viewClassOf(node: Node | undefined): string[] | undefined {
  if (node?.type !== 'call') return undefined;
  const callee = dottedPath(field(node, 'function'));
  return callee && callee.length >= 2 && callee[callee.length - 1] === 'as_view' ? callee.slice(0, -1) : undefined;
}

function addRoute(ctx: Ctx, call: Node, receiver: string[], websocket: boolean): void {
  const args = positionalArgs(call);
  const handler = keywordArg(call, 'handler') ?? args[0];
  const uri = str(ctx, keywordArg(call, 'uri') ?? args[1]);
  if (!handler || uri === undefined) return;
  const path = routePath(ctx, call, uri, receiver);
  if (websocket) return route(ctx, call, 'GET', path, receiver, dottedPath(handler)?.join('.'));
  const cls = viewClassOf(handler);
  if (cls) {
    const local = cls.length === 1 ? ctx.classes.get(cls[0]!) : undefined;
    if (local) {
      for (const m of inheritedHttpMethods(local, ctx.classes)) route(ctx, call, m.method, path, receiver, `${cls[0]}.${m.name}`);
    } else {
      route(ctx, call, 'GET', path, receiver, cls.join('.'), { view: { ref: fileRef(ctx, cls), base: path } });
    }
    return;
  }
  const methods = httpMethodList(keywordArg(call, 'methods') ?? args[2], ctx.scope) ?? ['GET' as const];
  for (const method of methods) route(ctx, call, method, path, receiver, dottedPath(handler)?.join('.'));
}

/** `static(uri, file_or_directory)`: a directory serves every file below uri, a file just uri. */
function staticRoute(ctx: Ctx, call: Node, receiver: string[]): void {
  const args = positionalArgs(call);
  const uri = str(ctx, keywordArg(call, 'uri') ?? args[0]);
  if (uri === undefined) return;
  const target = str(ctx, keywordArg(call, 'file_or_directory') ?? args[1]);
  const lastSegment = target?.split('/').pop() ?? '';
  const isFile = /^[^.].*\.[A-Za-z0-9]+$/.test(lastSegment);
  const path = isFile ? uri : `${uri.replace(/\/+$/, '')}/{filename}`;
  route(ctx, call, 'GET', path, receiver, 'static', { origin: 'generated' });
}

/** Blueprints a call argument names: `bp`, `[bp1, bp2]`, `(bp1, bp2)`. */
function blueprintArgs(nodes: Node[]): string[][] {
  const out: string[][] = [];
  for (const node of nodes) {
    if (node.type === 'list' || node.type === 'tuple') out.push(...blueprintArgs(node.namedChildren.filter((c): c is Node => !!c)));
    else {
      const path = dottedPath(node);
      if (path) out.push(path);
    }
  }
  return out;
}

/** `app.blueprint(bp, url_prefix=...)`: a blueprint's url_prefix option replaces its own; a group's stacks. */
function blueprintMount(ctx: Ctx, call: Node, receiver: string[]): void {
  const args = positionalArgs(call);
  const prefixNode = keywordArg(call, 'url_prefix');
  const prefix = prefixNode ? str(ctx, prefixNode) : undefined;
  if (prefixNode && prefix === undefined) return;
  for (const child of blueprintArgs(args.slice(0, 1))) {
    const isGroup = ctx.groups.has(child.join('.'));
    ctx.facts.push({
      kind: 'mount', framework: FRAMEWORK, parent: fileRef(ctx, receiver), child: fileRef(ctx, child),
      prefix: prefix ?? '', location: loc(ctx.file.path, call),
      ...(prefix !== undefined && !isGroup ? { replacesChildPrefix: true } : {}),
    });
  }
}

function callFacts(ctx: Ctx, call: Node): void {
  const path = dottedPath(field(call, 'function'));
  if (!path || path.length < 2) return;
  const receiver = path.slice(0, -1);
  const method = path[path.length - 1]!;
  if (!['add_route', 'add_websocket_route', 'static', 'blueprint', 'register_blueprint'].includes(method)) return;
  if (!isReceiver(ctx, receiver)) return;
  if (method === 'add_route') addRoute(ctx, call, receiver, false);
  else if (method === 'add_websocket_route') addRoute(ctx, call, receiver, true);
  else if (method === 'static') staticRoute(ctx, call, receiver);
  else blueprintMount(ctx, call, receiver);
}

/** `x = Sanic(...)`, `bp = Blueprint(...)`, `group = Blueprint.group(...)`. */
function creation(ctx: Ctx, target: string[], call: Node): void {
  const kind = isSanicCall(ctx, call, ['Sanic', 'Blueprint', 'Blueprint.group']);
  if (!kind) return;
  const name = target.join('.');
  ctx.receivers.add(name);
  const ref = fileRef(ctx, target);
  const location = loc(ctx.file.path, call);
  if (kind === 'Sanic') {
    ctx.facts.push({ kind: 'router', framework: FRAMEWORK, ref, location, isApp: true });
    return;
  }
  const urlPrefix = kind === 'Blueprint' ? str(ctx, keywordArg(call, 'url_prefix') ?? positionalArgs(call)[1]) : str(ctx, keywordArg(call, 'url_prefix'));
  const prefix = `${versionPrefix(ctx, call)}${urlPrefix ?? ''}`;
  ctx.facts.push({ kind: 'router', framework: FRAMEWORK, ref, location, ...(prefix ? { prefix } : {}) });
  if (kind === 'Blueprint.group') {
    ctx.groups.add(name);
    for (const child of blueprintArgs(positionalArgs(call))) {
      ctx.facts.push({ kind: 'mount', framework: FRAMEWORK, parent: ref, child: fileRef(ctx, child), prefix: '', location });
    }
  }
}

export function extractSanicRoutes(file: ParsedFile): Fact[] {
  const module = openPythonModule(file, ['sanic']);
  if (!module) return [];
  const { root, scope } = module;
  const classes = classesByName(moduleClasses(root));
  const ctx: Ctx = { file, scope, classes, receivers: new Set(), groups: new Set(), importsSanic: true, facts: [] };
  visitModule(root, {
    assignment: (target, right) => {
      if (target && right?.type === 'call') creation(ctx, target, right);
    },
    decorated: (node) => decoratorRoutes(ctx, node),
    call: (node) => callFacts(ctx, node),
  });
  ctx.facts.push(...classViewFacts(file, root, FRAMEWORK, (_cls, bases) => bases.some((b) => b === 'HTTPMethodView')));
  return ctx.facts;
}

export const sanicRoutes: Extractor = {
  id: 'sanic/routes',
  languages: ['python'],
  keywords: ['sanic'],
  extract: extractSanicRoutes,
};
