// Pyramid: URL dispatch splits a route in two. `config.add_route(name, pattern)` declares the URL;
// `@view_config(route_name=name, request_method=...)` (also on methods of a class whose
// `@view_defaults(route_name=...)` names the route) and `config.add_view(view, route_name=...)`
// declare the methods. The add_route call becomes a placeholder route (ANY: a Pyramid route whose
// views have no request_method predicate answers every method) whose `view` is the route name in a
// shared namespace; each file's views for a name become one `view` fact that the model substitutes.
// Also `config.add_static_view(name, path)` and `with config.route_prefix_context(prefix):` blocks.
import type { Fact, HttpMethod, ViewFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { dottedPath, keywordArg, loc, positionalArgs, walk, type Node } from '../python/ast.js';
import { evalString, isPythonTestFile, readModuleScope } from '../python/modules.js';
import { decoratorCalls, importedCtor, type PyRouteCtx } from '../python/route-helpers.js';
import { field, rootOf, textOf } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';

const FRAMEWORK = 'pyramid';
/** Route names are global to a Configurator: every file refers to them in this namespace. */
export const PYRAMID_ROUTE_NAMESPACE = 'pyramid-route-names:';
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT']);

interface Ctx extends PyRouteCtx {
  /** View methods by route name, in first-seen order. */
  views: Map<string, { methods: HttpMethod[]; handlers: Map<HttpMethod, { name: string; node: Node }>; node: Node }>;
}

/** `/x/{id:\d+}/*subpath` -> `/x/{id:\d+}/{subpath}` (a star remainder is one more parameter). */
export function pyramidPattern(pattern: string): string {
  const star = /\*([A-Za-z_][A-Za-z0-9_]*)$/.exec(pattern);
  const out = star ? `${pattern.slice(0, star.index)}{${star[1]}}` : pattern;
  return out.startsWith('/') ? out : `/${out}`;
}

/** `request_method="GET"` / `("GET", "POST")`; ANY when absent; undefined when not constant. */
function requestMethods(ctx: Ctx, node: Node | undefined): HttpMethod[] | undefined {
  if (!node) return ['ANY'];
  const items = ['list', 'tuple', 'set'].includes(node.type) ? node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') : [node];
  const out: HttpMethod[] = [];
  for (const item of items) {
    const value = evalString(item, ctx.scope.constants)?.toUpperCase();
    if (value === undefined) return undefined;
    if (METHODS.has(value) && !out.includes(value as HttpMethod)) out.push(value as HttpMethod);
  }
  return out;
}

function addView(ctx: Ctx, routeName: string, methods: HttpMethod[], handler: string, node: Node, at: Node): void {
  let entry = ctx.views.get(routeName);
  if (!entry) ctx.views.set(routeName, (entry = { methods: [], handlers: new Map(), node: at }));
  for (const method of methods) {
    if (!entry.methods.includes(method)) entry.methods.push(method);
    if (!entry.handlers.has(method)) entry.handlers.set(method, { name: handler, node });
  }
}

function pyramidName(ctx: Ctx, call: Node, names: readonly string[]): string | undefined {
  return importedCtor(ctx.scope, call, names, ['pyramid']);
}


function viewConfigs(ctx: Ctx, decorated: Node, defaultRoute: string | undefined, owner: string | undefined): void {
  const def = field(decorated, 'definition');
  const name = textOf(field(def, 'name'));
  if (!def || !name) return;
  for (const { call } of decoratorCalls(decorated)) {
    if (pyramidName(ctx, call, ['view_config']) !== 'view_config') continue;
    const routeNode = keywordArg(call, 'route_name');
    const route = routeNode ? evalString(routeNode, ctx.scope.constants) : defaultRoute;
    const methods = requestMethods(ctx, keywordArg(call, 'request_method'));
    if (!route || !methods) continue;
    addView(ctx, route, methods, owner ? `${owner}.${name}` : name, def, call);
  }
}

function classViews(ctx: Ctx, decorated: Node): void {
  const cls = field(decorated, 'definition');
  const name = textOf(field(cls, 'name'));
  if (cls?.type !== 'class_definition' || !name) return;
  let defaultRoute: string | undefined;
  for (const { call } of decoratorCalls(decorated)) {
    if (pyramidName(ctx, call, ['view_defaults']) === 'view_defaults') defaultRoute = evalString(keywordArg(call, 'route_name'), ctx.scope.constants);
  }
  // A view_config on the class itself registers the class (its __call__).
  viewConfigs(ctx, decorated, undefined, undefined);
  for (const statement of field(cls, 'body')?.namedChildren ?? []) {
    if (statement.type === 'decorated_definition') viewConfigs(ctx, statement, defaultRoute, name);
  }
}

function isConfigReceiver(ctx: Ctx, call: Node, receiver: string[]): boolean {
  if (ctx.scope.packages.has('pyramid')) return true;
  const last = receiver[receiver.length - 1]!.toLowerCase();
  if (last === 'config' || last === 'configurator') return true;
  for (let node = call.parent; node; node = node.parent) {
    if (node.type === 'function_definition') return textOf(field(node, 'name')) === 'includeme';
  }
  return false;
}

/** Prefixes of enclosing `with config.route_prefix_context('/api'):` blocks; undefined when one is not constant. */
function routePrefix(ctx: Ctx, call: Node): string | undefined {
  let prefix = '';
  for (let node = call.parent; node; node = node.parent) {
    if (node.type !== 'with_statement') continue;
    for (const clause of node.namedChildren) {
      if (clause?.type !== 'with_clause') continue;
      for (const item of clause.namedChildren) {
        const value = item?.type === 'with_item' ? field(item, 'value') : undefined;
        const callee = value?.type === 'call' ? dottedPath(field(value, 'function')) : undefined;
        if (callee?.[callee.length - 1] !== 'route_prefix_context') continue;
        const part = evalString(keywordArg(value!, 'route_prefix') ?? positionalArgs(value!)[0], ctx.scope.constants);
        if (part === undefined) return undefined;
        prefix = `${part.startsWith('/') || !part ? '' : '/'}${part.replace(/\/+$/, '')}${prefix}`;
      }
    }
  }
  return prefix;
}

function callFacts(ctx: Ctx, call: Node): void {
  const callee = dottedPath(field(call, 'function'));
  if (!callee || callee.length < 2) return;
  const method = callee[callee.length - 1]!;
  if (!['add_route', 'add_view', 'add_static_view'].includes(method)) return;
  if (!isConfigReceiver(ctx, call, callee.slice(0, -1))) return;
  const args = positionalArgs(call);
  if (method === 'add_route') {
    const nameNode = keywordArg(call, 'name') ?? args[0];
    const patternNode = keywordArg(call, 'pattern') ?? keywordArg(call, 'path') ?? (keywordArg(call, 'name') ? args[0] : args[1]);
    // Both must be strings: falcon/starlette add_route(path, handler) pass a handler second.
    if (nameNode?.type !== 'string' && nameNode?.type !== 'identifier') return;
    const name = evalString(nameNode, ctx.scope.constants);
    const pattern = evalString(patternNode, ctx.scope.constants);
    if (name === undefined || pattern === undefined) return;
    const prefix = routePrefix(ctx, call);
    if (prefix === undefined) return;
    const path = pyramidPattern(prefix ? `${prefix.replace(/\/+$/, '')}/${pattern.replace(/^\/+/, '')}` : pattern);
    ctx.facts.push({
      kind: 'route', framework: FRAMEWORK, method: 'ANY', path, location: loc(ctx.file.path, call), handler: { name },
      view: { ref: { file: PYRAMID_ROUTE_NAMESPACE, path: [name] }, base: path },
    });
  } else if (method === 'add_view') {
    const route = evalString(keywordArg(call, 'route_name'), ctx.scope.constants);
    const methods = requestMethods(ctx, keywordArg(call, 'request_method'));
    const view = keywordArg(call, 'view') ?? args[0];
    if (!route || !methods || !view) return;
    addView(ctx, route, methods, dottedPath(view)?.join('.') ?? evalString(view, ctx.scope.constants) ?? textOf(view), view, call);
  } else {
    const name = evalString(keywordArg(call, 'name') ?? args[0], ctx.scope.constants);
    if (!name || name.includes('://')) return;
    ctx.facts.push({
      kind: 'route', framework: FRAMEWORK, method: 'GET', path: `/${name.replace(/^\/+|\/+$/g, '')}/{subpath}`,
      location: loc(ctx.file.path, call), handler: { name: 'static' }, origin: 'generated',
    });
  }
}

export function extractPyramidRoutes(file: ParsedFile): Fact[] {
  if (file.tree.kind !== 'tree-sitter' || isPythonTestFile(file.path)) return [];
  const root = rootOf(file.tree.tree);
  const ctx: Ctx = { file, scope: readModuleScope(root), facts: [], views: new Map() };
  walk(root, (node) => {
    if (node.type === 'decorated_definition') {
      const def = field(node, 'definition');
      if (def?.type === 'class_definition') classViews(ctx, node);
      else if (def?.type === 'function_definition') viewConfigs(ctx, node, undefined, undefined);
    } else if (node.type === 'call') {
      callFacts(ctx, node);
    }
    return true;
  });
  for (const [route, entry] of ctx.views) {
    const view: ViewFact = {
      kind: 'view', framework: FRAMEWORK, ref: { file: PYRAMID_ROUTE_NAMESPACE, path: [route] }, location: loc(file.path, entry.node),
      routes: entry.methods.map((method) => {
        const handler = entry.handlers.get(method)!;
        return { method, path: '', handler: { name: handler.name, location: loc(file.path, handler.node) } };
      }),
    };
    ctx.facts.push(view);
  }
  return ctx.facts;
}

export const pyramidRoutes: Extractor = {
  id: 'pyramid/routes',
  languages: ['python'],
  keywords: ['add_route', 'view_config', 'add_view', 'add_static_view'],
  extract: extractPyramidRoutes,
};
