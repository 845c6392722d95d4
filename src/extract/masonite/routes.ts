// Masonite: route lists of `routes/*.py` (`ROUTES = [Route.get('/url', 'Controller@method'), ...]`).
// Masonite 4: Route.get/post/put/patch/delete/options/view/redirect/permanent_redirect/any/match,
// Route.resource / Route.api expansions and Route.group([...], prefix=) (nested groups compose).
// Masonite 2/3: Get('/url', ...) / Post / Put / Patch / Delete / Options / Match([...], '/url', ...),
// RouteGroup([...], prefix=). Paths keep parameters as `{name}` (`@id`, `@id:integer`, `?term`).
// Routes are resolved in-file: they carry no router.
import type { Fact, HttpMethod, RouteFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { dottedPath, keywordArg, loc, positionalArgs, walk, type Node } from '../python/ast.js';
import { openPythonModule, scopeString as str, type PyRouteCtx as Ctx } from '../python/route-helpers.js';
import { field, textOf } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';

const FRAMEWORK = 'masonite';

const VERBS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', options: 'OPTIONS',
  view: 'GET', redirect: 'GET', permanent_redirect: 'GET',
};
/** Masonite 2/3 route classes. */
const CLASS_VERBS: Record<string, HttpMethod> = {
  Get: 'GET', Post: 'POST', Put: 'PUT', Patch: 'PATCH', Delete: 'DELETE', Options: 'OPTIONS', Redirect: 'GET',
};
const ANY_METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** `/users/@id:integer/?slug` -> `/users/{id}/{slug}`; a missing leading slash is added. */
export function masonitePath(url: string): string {
  const segments = url.split('/').map((segment) => {
    const match = /^[@?]([A-Za-z_][A-Za-z0-9_]*)(?::.*)?$/.exec(segment);
    return match ? `{${match[1]}}` : segment;
  });
  const joined = segments.join('/');
  return joined.startsWith('/') ? joined : `/${joined}`;
}

/** The callee's dotted path; tree-sitter reads `[*Route.api(...)]` as a call of `(*Route).api`. */
function calleePath(call: Node): string[] | undefined {
  const fn = field(call, 'function');
  const object = fn?.type === 'attribute' ? field(fn, 'object') : undefined;
  if (object?.type === 'list_splat') {
    const base = dottedPath(object.namedChildren[0]);
    const attr = field(fn, 'attribute');
    return base && attr ? [...base, textOf(attr)] : undefined;
  }
  return dottedPath(fn);
}

/** What a call is: a Masonite route helper (`Route.get`, `Get`), a group, or nothing. */
function classify(ctx: Ctx, call: Node): { kind: 'verb' | 'group' | 'resource' | 'api' | 'any' | 'match'; method?: HttpMethod } | undefined {
  const callee = calleePath(call);
  if (!callee) return undefined;
  const fromMasonite = (name: string) => ctx.scope.imports.get(name)?.source.startsWith('masonite') ?? false;
  if (callee.length === 2 && fromMasonite(callee[0]!) && ctx.scope.imports.get(callee[0]!)?.imported === 'Route') {
    const name = callee[1]!;
    if (VERBS[name]) return { kind: 'verb', method: VERBS[name] };
    if (name === 'group') return { kind: 'group' };
    if (name === 'resource' || name === 'api' || name === 'any' || name === 'match') return { kind: name };
    return undefined;
  }
  if (callee.length === 1 && fromMasonite(callee[0]!)) {
    const imported = ctx.scope.imports.get(callee[0]!)!.imported;
    if (CLASS_VERBS[imported]) return { kind: 'verb', method: CLASS_VERBS[imported] };
    if (imported === 'Match') return { kind: 'match' };
    if (imported === 'RouteGroup') return { kind: 'group' };
  }
  return undefined;
}

/** Group prefixes around a call, outermost first; undefined when one is not a constant. */
function groupPrefix(ctx: Ctx, call: Node): string | undefined {
  let prefix = '';
  for (let node = call.parent; node; node = node.parent) {
    if (node.type !== 'call' || classify(ctx, node)?.kind !== 'group') continue;
    const prefixNode = keywordArg(node, 'prefix');
    if (!prefixNode) continue;
    const value = str(ctx, prefixNode);
    if (value === undefined) return undefined;
    prefix = (value && !value.startsWith('/') ? `/${value}` : value) + prefix;
  }
  return prefix;
}

function joinGroup(prefix: string, url: string): string {
  if (!prefix) return url;
  return url === '' || url === '/' ? prefix : `${prefix}${url.startsWith('/') ? '' : '/'}${url}`;
}

function handlerName(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'string') return textOf(node).slice(1, -1);
  return dottedPath(node)?.join('.');
}

function emit(ctx: Ctx, call: Node, prefix: string, method: HttpMethod, url: string, handler: string | undefined, extra: Partial<RouteFact> = {}): void {
  const path = masonitePath(joinGroup(prefix, url)).replace(/\/{2,}/g, '/');
  ctx.facts.push({
    kind: 'route', framework: FRAMEWORK, method, path, location: loc(ctx.file.path, call),
    ...(handler ? { handler: { name: handler } } : {}), ...extra,
  });
}

function routeCall(ctx: Ctx, call: Node): void {
  const kind = classify(ctx, call);
  if (!kind || kind.kind === 'group') return;
  const prefix = groupPrefix(ctx, call);
  if (prefix === undefined) return;
  const args = positionalArgs(call);
  if (kind.kind === 'match') {
    const methods = (args[0] && ['list', 'tuple', 'set'].includes(args[0].type) ? args[0].namedChildren : [])
      .map((m) => str(ctx, m)?.toUpperCase())
      .filter((m): m is HttpMethod => !!m && ANY_METHODS.concat(['HEAD', 'TRACE', 'CONNECT']).includes(m as HttpMethod));
    const url = str(ctx, args[1]);
    if (url === undefined) return;
    for (const method of [...new Set(methods)]) emit(ctx, call, prefix, method, url, handlerName(args[2]));
    return;
  }
  const url = str(ctx, keywordArg(call, 'url') ?? keywordArg(call, 'base_url') ?? args[0]);
  if (url === undefined) return;
  const controllerNode = keywordArg(call, 'controller') ?? args[1];
  if (kind.kind === 'any') {
    for (const method of ANY_METHODS) emit(ctx, call, prefix, method, url, handlerName(controllerNode));
    return;
  }
  if (kind.kind === 'resource' || kind.kind === 'api') {
    const controller = str(ctx, controllerNode) ?? handlerName(controllerNode) ?? '';
    const base = `/${url.replace(/^\/+/, '')}`;
    const actions: [HttpMethod, string, string][] = [
      ['GET', base, 'index'],
      ...(kind.kind === 'resource' ? [['GET', `${base}/create`, 'create'] as [HttpMethod, string, string]] : []),
      ['POST', base, 'store'],
      ['GET', `${base}/@id`, 'show'],
      ...(kind.kind === 'resource' ? [['GET', `${base}/@id/edit`, 'edit'] as [HttpMethod, string, string]] : []),
      ['PUT', `${base}/@id`, 'update'],
      ['PATCH', `${base}/@id`, 'update'],
      ['DELETE', `${base}/@id`, 'destroy'],
    ];
    for (const [method, path, action] of actions) emit(ctx, call, prefix, method, path, `${controller}@${action}`, { origin: 'generated' });
    return;
  }
  emit(ctx, call, prefix, kind.method!, url, handlerName(controllerNode));
}

export function extractMasoniteRoutes(file: ParsedFile): Fact[] {
  const module = openPythonModule(file, ['masonite']);
  if (!module) return [];
  const { root, scope } = module;
  const ctx: Ctx = { file, scope, facts: [] };
  walk(root, (node) => {
    if (node.type === 'call') routeCall(ctx, node);
    return true;
  });
  return ctx.facts;
}

export const masoniteRoutes: Extractor = {
  id: 'masonite/routes',
  languages: ['python'],
  keywords: ['masonite'],
  extract: extractMasoniteRoutes,
};
