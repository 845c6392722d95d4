// Flask: Flask()/Blueprint() objects, @x.route / @x.get... decorators, add_url_rule (function and
// class-based views), register_blueprint mounts, and flask-restful Api.add_resource.
import type { Fact, HttpMethod, MiddlewareRef, RefExpr } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { descendants, dottedPath, keywordArg, loc, positionalArgs, walk, type Node } from '../python/ast.js';
import { middlewareRef } from '../python/middleware-roles.js';
import {
  baseNames, callFramework, classBody, evalString, httpMethodList, isHttpMethod, isPythonTestFile, readModuleScope, receiverFramework, type ModuleScope,
} from '../python/modules.js';
import type { Extractor } from '../types.js';
import { flaskViewInfo, viewClassOf } from './views.js';
import { field, rootOf, textOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'flask';

const SHORTCUTS: Record<string, HttpMethod> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', query: 'QUERY' };

interface ApiBinding {
  router?: RefExpr;
  prefix: string;
  /** Methods that register a resource: add_resource, and in-file subclass wrappers that call self.add_resource(...). */
  adders: Set<string>;
}

interface Ctx {
  file: ParsedFile;
  scope: ModuleScope;
  facts: Fact[];
  apis: Map<string, ApiBinding>;
}

function ref(ctx: Ctx, path: string[]): RefExpr {
  return { file: ctx.file.path, path };
}

function calleeParts(call: Node): { receiver: string[]; method: string } | undefined {
  const path = dottedPath(field(call, 'function'));
  if (!path || path.length < 2) return undefined;
  return { receiver: path.slice(0, -1), method: path[path.length - 1]! };
}

function isFlask(ctx: Ctx, receiver: string[], isRouteStyle: boolean): boolean {
  return receiverFramework(ctx.scope, receiver, isRouteStyle) === 'flask';
}

/** True when `name` is flask-restful's Api or an in-file subclass of it. */
function isApiClass(scope: ModuleScope, name: string | undefined, depth = 0): boolean {
  if (!name || depth > 8) return false;
  if (name === 'Api') return true;
  const cls = scope.classes.get(name);
  return !!cls && baseNames(cls).some((base) => isApiClass(scope, base, depth + 1));
}

/** `add_resource` plus methods of in-file Api subclasses whose body calls `self.add_resource(...)`. */
function resourceAdders(scope: ModuleScope, ctor: string | undefined, depth = 0): Set<string> {
  const out = new Set(['add_resource']);
  const cls = ctor ? scope.classes.get(ctor) : undefined;
  if (!cls || depth > 8) return out;
  for (const [name, def] of classBody(cls).functions) {
    const delegates = descendants(def, ['call']).some((c) => dottedPath(field(c, 'function'))?.join('.') === 'self.add_resource');
    if (delegates) out.add(name);
  }
  for (const base of baseNames(cls)) for (const name of resourceAdders(scope, base, depth + 1)) out.add(name);
  return out;
}

function constructorFacts(ctx: Ctx, target: string[], call: Node): void {
  const callee = dottedPath(field(call, 'function'));
  const ctor = callee?.[callee.length - 1];
  const at = loc(ctx.file.path, call);
  const framework = callFramework(ctx.scope, call);
  if (framework && framework !== 'flask') return;
  if (ctor === 'Flask' || ctor === 'APIFlask') {
    ctx.facts.push({ kind: 'router', framework: FRAMEWORK, ref: ref(ctx, target), isApp: true, location: at });
    ctx.facts.push({ kind: 'service-entry', framework: FRAMEWORK, location: at });
    const staticPath = evalString(keywordArg(call, 'static_url_path'), ctx.scope.constants);
    if (staticPath) {
      ctx.facts.push({
        kind: 'route', framework: FRAMEWORK, method: 'GET', path: `${staticPath.replace(/\/+$/, '')}/<path:filename>`,
        router: ref(ctx, target), handler: { name: 'static' }, location: at, origin: 'generated',
      });
    }
  } else if (ctor === 'Blueprint' || ctor === 'APIBlueprint') {
    const prefix = evalString(keywordArg(call, 'url_prefix'), ctx.scope.constants);
    ctx.facts.push({ kind: 'router', framework: FRAMEWORK, ref: ref(ctx, target), location: at, ...(prefix ? { prefix } : {}) });
  } else if (isApiClass(ctx.scope, ctor) && target.length === 1) {
    const app = dottedPath(keywordArg(call, 'app') ?? positionalArgs(call)[0]);
    const prefix = evalString(keywordArg(call, 'prefix'), ctx.scope.constants) ?? '';
    ctx.apis.set(target[0]!, { ...(app ? { router: ref(ctx, app) } : {}), prefix, adders: resourceAdders(ctx.scope, ctor) });
  }
}

/** Decorators below index `from` (they wrap the registered function), as middleware. */
function wrapperMiddleware(ctx: Ctx, decorators: Node[]): MiddlewareRef[] {
  return decorators.map((d) => middlewareRef(textOf(d).replace(/^@\s*/, ''), loc(ctx.file.path, d)));
}

function decoratorRoutes(ctx: Ctx, decorated: Node): void {
  const def = field(decorated, 'definition');
  if (def?.type !== 'function_definition') return;
  const decorators = decorated.namedChildren.filter((c): c is Node => c?.type === 'decorator');
  decorators.forEach((decorator, index) => {
    const call = decorator.namedChildren[0] ?? null;
    if (call?.type !== 'call') return;
    const parts = calleeParts(call);
    if (!parts || (parts.method !== 'route' && !SHORTCUTS[parts.method])) return;
    if (!isFlask(ctx, parts.receiver, parts.method === 'route')) return;
    const path = evalString(keywordArg(call, 'rule') ?? positionalArgs(call)[0], ctx.scope.constants);
    if (path === undefined) return;
    const shortcut = SHORTCUTS[parts.method];
    const methods = shortcut ? [shortcut] : httpMethodList(keywordArg(call, 'methods'), ctx.scope) ?? ['GET' as const];
    const middleware = wrapperMiddleware(ctx, decorators.slice(index + 1));
    for (const method of methods) {
      ctx.facts.push({
        kind: 'route', framework: FRAMEWORK, method, path, router: ref(ctx, parts.receiver),
        handler: { name: textOf(field(def, 'name')) ?? '', location: loc(ctx.file.path, def) },
        location: loc(ctx.file.path, decorator),
        ...(middleware.length ? { middleware } : {}),
      });
    }
  });
}

function registerBlueprint(ctx: Ctx, call: Node, receiver: string[]): void {
  const child = dottedPath(keywordArg(call, 'blueprint') ?? positionalArgs(call)[0]);
  if (!child) return;
  const prefixNode = keywordArg(call, 'url_prefix');
  const prefix = prefixNode ? evalString(prefixNode, ctx.scope.constants) : undefined;
  // `url_prefix=config.API_PREFIX`: the model resolves the name through constant facts.
  const prefixRef = prefix === undefined ? dottedPath(prefixNode) : undefined;
  ctx.facts.push({
    kind: 'mount', framework: FRAMEWORK, parent: ref(ctx, receiver), child: ref(ctx, child),
    prefix: prefix ?? '', location: loc(ctx.file.path, call),
    ...(prefixRef ? { prefixRef: ref(ctx, prefixRef) } : {}),
    ...(prefix !== undefined || prefixRef ? { replacesChildPrefix: true } : {}),
  });
}

/** The view expression of add_url_rule(rule, endpoint=None, view_func=None, ...). */
function viewFuncArg(call: Node): Node | undefined {
  const keyword = keywordArg(call, 'view_func');
  if (keyword) return keyword;
  const args = positionalArgs(call);
  const hasRuleKeyword = !!keywordArg(call, 'rule');
  const candidates = hasRuleKeyword ? args : args.slice(1);
  // (endpoint, view_func) positionally, or the view directly after the rule.
  if (candidates.length >= 2) return candidates[1];
  const only = candidates[0];
  return only && only.type !== 'string' && only.type !== 'none' ? only : undefined;
}

/** Wrappers applied by hand around a view: login_required(view) -> login_required. */
function handWrappers(ctx: Ctx, node: Node | undefined): MiddlewareRef[] {
  const out: MiddlewareRef[] = [];
  let expr = node;
  while (expr?.type === 'call') {
    const callee = dottedPath(field(expr, 'function'));
    if (!callee || callee[callee.length - 1] === 'as_view') break;
    out.push(middlewareRef(callee.join('.'), loc(ctx.file.path, expr)));
    expr = positionalArgs(expr)[0];
  }
  return out;
}

function functionDecorators(ctx: Ctx, name: string | undefined): MiddlewareRef[] {
  const def = name ? ctx.scope.functions.get(name) : undefined;
  const decorated = def?.parent?.type === 'decorated_definition' ? def.parent : undefined;
  if (!decorated) return [];
  return wrapperMiddleware(ctx, decorated.namedChildren.filter((c): c is Node => c?.type === 'decorator'));
}

function addUrlRule(ctx: Ctx, call: Node, receiver: string[]): void {
  const path = evalString(keywordArg(call, 'rule') ?? positionalArgs(call)[0], ctx.scope.constants);
  if (path === undefined) return;
  const view = viewFuncArg(call);
  const cls = viewClassOf(ctx.scope, view);
  const explicit = httpMethodList(keywordArg(call, 'methods'), ctx.scope);
  const viewInfo = cls ? flaskViewInfo(ctx.file, ctx.scope, cls) : undefined;
  const methods = explicit ?? (viewInfo?.methods.length ? viewInfo.methods : ['GET' as const]);
  const viewPath = dottedPath(view);
  const middleware = [...handWrappers(ctx, view), ...(viewInfo?.middleware ?? []), ...functionDecorators(ctx, viewPath?.length === 1 ? viewPath[0] : undefined)];
  const className = textOf(field(cls, 'name'));
  for (const method of methods) {
    const handlerNode = viewInfo?.handlers.get(method) ?? (viewPath?.length === 1 ? ctx.scope.functions.get(viewPath[0]!) : undefined);
    const name = className
      ? (viewInfo?.handlers.has(method) ? `${className}.${method.toLowerCase()}` : className)
      : viewPath?.join('.') ?? textOf(view) ?? '';
    ctx.facts.push({
      kind: 'route', framework: FRAMEWORK, method, path, router: ref(ctx, receiver),
      handler: { name, ...(handlerNode ? { location: loc(ctx.file.path, handlerNode) } : {}) },
      location: loc(ctx.file.path, call),
      ...(middleware.length ? { middleware } : {}),
    });
  }
}

function joinPrefix(prefix: string, path: string): string {
  if (!prefix) return path;
  return `${prefix.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** flask-restful / flask-restx `api.add_resource(Resource, '/a', '/b')`. */
function addResource(ctx: Ctx, call: Node, api: ApiBinding, apiName: string): void {
  const [resource, ...urls] = positionalArgs(call);
  if (!resource) return;
  const cls = viewClassOf(ctx.scope, resource);
  const info = cls ? flaskViewInfo(ctx.file, ctx.scope, cls) : undefined;
  const methods: HttpMethod[] = info?.methods.length ? info.methods : ['ANY'];
  const name = dottedPath(resource)?.join('.') ?? textOf(resource);
  const resourcePath = dottedPath(resource);
  for (const urlNode of urls) {
    const url = evalString(urlNode, ctx.scope.constants);
    if (url === undefined) continue;
    for (const method of methods) {
      const handlerNode = info?.handlers.get(method);
      const full = joinPrefix(api.prefix, url);
      ctx.facts.push({
        // A Resource from another module: the model takes its methods from that module's view facts.
        ...(!info && resourcePath ? { view: { ref: ref(ctx, resourcePath), base: full } } : {}),
        kind: 'route', framework: FRAMEWORK, method, path: full,
        router: api.router ?? ref(ctx, [apiName]),
        handler: { name: method === 'ANY' ? name : `${name}.${method.toLowerCase()}`, ...(handlerNode ? { location: loc(ctx.file.path, handlerNode) } : {}) },
        location: loc(ctx.file.path, call),
        ...(info?.middleware.length ? { middleware: info.middleware } : {}),
      });
    }
  }
}

function callFacts(ctx: Ctx, call: Node): void {
  const parts = calleeParts(call);
  if (!parts) return;
  const api = parts.receiver.length === 1 ? ctx.apis.get(parts.receiver[0]!) : undefined;
  if (api) {
    if (api.adders.has(parts.method)) addResource(ctx, call, api, parts.receiver[0]!);
    else if (parts.method === 'init_app') {
      const app = dottedPath(keywordArg(call, 'app') ?? positionalArgs(call)[0]);
      if (app && !api.router) api.router = ref(ctx, app);
    }
    return;
  }
  if (parts.method === 'register_blueprint' && isFlask(ctx, parts.receiver, true)) registerBlueprint(ctx, call, parts.receiver);
  else if (parts.method === 'add_url_rule' && isFlask(ctx, parts.receiver, true)) addUrlRule(ctx, call, parts.receiver);
}

export function extractFlaskRoutes(file: ParsedFile): Fact[] {
  if (file.tree.kind !== 'tree-sitter' || isPythonTestFile(file.path)) return [];
  const root = rootOf(file.tree.tree);
  const ctx: Ctx = { file, scope: readModuleScope(root), facts: [], apis: new Map() };
  // Calls run in source order so that `api = Api(app)` is known before `api.add_resource(...)`.
  walk(root, (node) => {
    if (node.type === 'assignment') {
      const target = dottedPath(field(node, 'left'));
      const right = field(node, 'right');
      if (target && right?.type === 'call') constructorFacts(ctx, target, right);
    } else if (node.type === 'decorated_definition') {
      decoratorRoutes(ctx, node);
    } else if (node.type === 'call') {
      callFacts(ctx, node);
    }
    return true;
  });
  return ctx.facts.filter((f) => f.kind !== 'route' || isHttpMethod(f.method) || f.method === 'ANY');
}

export const flaskRoutes: Extractor = {
  id: 'flask/routes',
  languages: ['python'],
  keywords: ['flask', 'Flask', 'Blueprint', '.route(', 'add_url_rule', 'register_blueprint', 'add_resource'],
  extract: extractFlaskRoutes,
};
