// Laravel route files (routes/*.php): Route::get/post/.../match/any/view/redirect, chained and array
// groups (prefix, middleware, controller) resolved in-file, and resource routes expanded.
// routes/api.php also carries the framework's default 'api' prefix as a file-scoped global prefix.
import type { Fact, HttpMethod, MiddlewareRef, RouteFact } from '../../core/facts.js';
import { locationOfLine } from '../../languages/location.js';
import type { ParsedFile } from '../../languages/types.js';
import { descendants, loc, namedChildren, treeOf, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { arrayValue, callChain, classConstName, stringTail, stringValue, type CallChain, type ChainLink } from './ast.js';
import {
  applyResourceModifier, middlewareNames, registration, type Pending, type PendingResource,
} from './laravel-registrations.js';
import { expandResource } from './laravel-resources.js';
import { isPhpTestPath } from './methods.js';
import { laravelMiddleware } from './middleware-roles.js';
import { dirOf, isDefaultApiRouteFile, normalizeRelPath } from './paths.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'laravel';
const CALLS = new Set(['member_call_expression', 'scoped_call_expression', 'nullsafe_member_call_expression']);
const INCLUDES = new Set(['require_expression', 'require_once_expression', 'include_expression', 'include_once_expression']);

interface Scope {
  prefix: string;
  middleware: MiddlewareRef[];
  controller?: string;
  /** Variables that stand for the router in a group closure: `function ($router) { $router->get(...) }`. */
  routerVars?: Set<string>;
}

interface Ctx {
  file: ParsedFile;
  facts: Fact[];
  /** 'laravel', or 'lumen' for Lumen's `$router->get()` route files (same route API). */
  framework: string;
}

/** Joins URL pieces with single slashes; Laravel's optional `{id?}` becomes `{id}`. */
export function joinLaravelPath(...pieces: string[]): string {
  const parts = pieces.flatMap((p) => p.split('/')).filter(Boolean);
  return `/${parts.join('/')}`.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\?\}/g, '{$1}');
}

/** Which Route facade the file imports: Laravel's, another framework's (ThinkPHP), or none. */
function usesThinkOrLaravel(root: Node): 'laravel' | 'other' | undefined {
  for (const node of namedChildren(root)) {
    if (node.type !== 'namespace_use_declaration') continue;
    const names = descendants(node, ['qualified_name', 'namespace_name']).map((n) => n.text.replace(/^\\/, ''));
    if (names.some((n) => n === 'Illuminate\\Support\\Facades\\Route' || n === 'Illuminate\\Support\\Facades')) return 'laravel';
    if (names.some((n) => n.toLowerCase().startsWith('think\\'))) return 'other';
  }
  return undefined;
}

/** Parameters and `use (...)` variables of a closure: the router is passed either way (`function ($router)`, `use ($router)`). */
function closureParams(node: Node | undefined): Set<string> {
  const params = fieldOf(node, 'parameters');
  const out = new Set(namedChildren(params).map((p) => fieldOf(p, 'name')?.text).filter((n): n is string => !!n));
  for (const clause of namedChildren(node).filter((c) => c.type === 'anonymous_function_use_clause')) {
    for (const v of descendants(clause, ['variable_name'])) out.add(v.text);
  }
  return out;
}

function closureOf(node: Node | undefined): Node | undefined {
  if (!node) return undefined;
  if (node.type === 'anonymous_function' || node.type === 'anonymous_function_creation_expression') {
    return fieldOf(node, 'body') ?? undefined;
  }
  if (node.type === 'arrow_function') return fieldOf(node, 'body') ?? undefined;
  return undefined;
}

function handleChain(chain: CallChain, node: Node, scope: Scope, ctx: Ctx): void {
  let prefix = '';
  const before: MiddlewareRef[] = [];
  const after: MiddlewareRef[] = [];
  const removed = new Set<string>();
  let controller = scope.controller;
  const routes: Pending[] = [];
  const resources: PendingResource[] = [];
  let registered = false;
  const mwRefs = (link: ChainLink) => middlewareNames(link.args.positional).map((n) => laravelMiddleware(n, loc(ctx.file.path, link.node)));

  for (const link of chain.links) {
    const args = link.args.positional;
    const name = link.name;
    if (registered) {
      if (name === 'middleware') after.push(...mwRefs(link));
      else if (name === 'withoutMiddleware') for (const n of middlewareNames(args)) removed.add(n);
      else applyResourceModifier(name, args, resources);
      continue;
    }
    if (name === 'prefix') {
      const value = stringValue(args[0]);
      if (value !== undefined) prefix = joinLaravelPath(prefix, value);
    } else if (name === 'middleware') before.push(...mwRefs(link));
    else if (name === 'withoutMiddleware') for (const n of middlewareNames(args)) removed.add(n);
    else if (name === 'controller') controller = classConstName(args[0]) ?? stringValue(args[0]) ?? controller;
    else if (name === 'group') {
      registered = true;
      handleGroup(link, { prefix, middleware: before, controller, removed }, scope, ctx);
    } else {
      const found = registration(name, args, controller);
      if (!found) continue;
      registered = true;
      routes.push(...found.routes);
      resources.push(...found.resources);
    }
  }

  const middleware = [...scope.middleware, ...before, ...after].filter((m) => !removed.has(m.name));
  const location = loc(ctx.file.path, node);
  const emit = (method: HttpMethod, path: string, handler: string | undefined, origin: 'route' | 'generated') => {
    const fact: RouteFact = { kind: 'route', framework: ctx.framework, method, path: joinLaravelPath(scope.prefix, prefix, path), location };
    if (handler) fact.handler = { name: handler };
    if (middleware.length > 0) fact.middleware = middleware;
    if (origin === 'generated') fact.origin = 'generated';
    ctx.facts.push(fact);
  };
  for (const route of routes) for (const method of route.methods) emit(method, route.path, route.handler, route.origin);
  for (const res of resources) {
    for (const r of expandResource(res.kind, res.name, res.options)) {
      emit(r.method, r.path, res.controller ? `${res.controller}@${r.action}` : undefined, 'generated');
    }
  }
}

function handleGroup(
  link: ChainLink,
  chained: { prefix: string; middleware: MiddlewareRef[]; controller?: string; removed: Set<string> },
  scope: Scope,
  ctx: Ctx,
): void {
  const args = link.args.positional;
  let attrs: Node | undefined;
  let body: Node | undefined;
  let closure: Node | undefined;
  if (args[0]?.type === 'array_creation_expression') {
    attrs = args[0];
    closure = args[1];
  } else closure = args[0];
  body = closureOf(closure);
  if (!body) return; // `->group(base_path('routes/x.php'))`: read by the provider extractor
  const attrPrefix = attrs ? stringValue(arrayValue(attrs, 'prefix')) ?? '' : '';
  const attrMw = attrs ? middlewareNames([arrayValue(attrs, 'middleware')].filter((n): n is Node => !!n)) : [];
  const attrController = attrs ? arrayValue(attrs, 'controller') : undefined;
  const inner: Scope = {
    prefix: joinLaravelPath(scope.prefix, chained.prefix, attrPrefix),
    middleware: [...scope.middleware, ...chained.middleware, ...attrMw.map((n) => laravelMiddleware(n, loc(ctx.file.path, link.node)))]
      .filter((m) => !chained.removed.has(m.name)),
    controller: (attrController && (classConstName(attrController) ?? stringValue(attrController))) || chained.controller,
    routerVars: new Set([...(scope.routerVars ?? []), ...closureParams(closure)]),
  };
  if (body.type === 'compound_statement') visitChildren(body, inner, ctx);
  else visitNode(body, inner, ctx);
}

function visitChildren(node: Node, scope: Scope, ctx: Ctx): void {
  for (const child of namedChildren(node)) visitNode(child, scope, ctx);
}

function visitNode(node: Node, scope: Scope, ctx: Ctx): void {
  if (CALLS.has(node.type)) {
    const chain = callChain(node);
    if (chain && (chain.isStatic ? chain.root === 'Route' : scope.routerVars?.has(chain.root))) {
      handleChain(chain, node, scope, ctx);
      return; // handler closures run per request: routes inside them are not registered at boot
    }
  }
  if (INCLUDES.has(node.type)) {
    includedFilePrefix(node, scope, ctx);
    return;
  }
  visitChildren(node, scope, ctx);
}

/**
 * `require __DIR__.'/api/v1.php';` inside a group: the included route file gets the group's prefix
 * (and the 'api' default when included from routes/api.php) as a file-scoped global prefix.
 */
function includedFilePrefix(node: Node, scope: Scope, ctx: Ctx): void {
  const target = namedChildren(node)[0];
  const tail = stringTail(target);
  if (!target || tail === undefined || !target.text.startsWith('__DIR__') || !tail.endsWith('.php')) return;
  const included = normalizeRelPath(`${dirOf(ctx.file.path)}/${tail}`);
  const prefix = joinLaravelPath(isDefaultApiRouteFile(ctx.file.path) ? 'api' : '', scope.prefix).slice(1);
  if (!prefix || isDefaultApiRouteFile(included)) return;
  ctx.facts.push({ kind: 'global-prefix', framework: ctx.framework, prefix, files: [included], location: loc(ctx.file.path, node) });
}

function isLaravelRouteFile(file: ParsedFile, root: Node): boolean {
  if (isPhpTestPath(file.path)) return false;
  const uses = usesThinkOrLaravel(root);
  if (uses) return uses === 'laravel';
  return /(^|\/)routes\/(.+\/)?[^/]+\.php$/i.test(file.path);
}

export const laravelRoutes: Extractor = {
  id: 'laravel/routes',
  languages: ['php'],
  keywords: ['Route::'],
  extract(file) {
    const tree = treeOf(file);
    if (!tree) return [];
    const root = tree.rootNode;
    if (!isLaravelRouteFile(file, root)) return [];
    const ctx: Ctx = { file, facts: [], framework: FRAMEWORK };
    visitChildren(root, { prefix: '', middleware: [] }, ctx);
    if (isDefaultApiRouteFile(file.path)) {
      ctx.facts.push({
        kind: 'global-prefix', framework: FRAMEWORK, prefix: 'api', files: [file.path],
        location: locationOfLine(file.path, file.text, 1),
      });
    }
    return ctx.facts;
  },
};

/** Variables Lumen route files and bootstrap/app.php register routes on. */
const LUMEN_ROUTERS = ['$router', '$app', '$app->router'];

/**
 * Lumen (laravel/lumen-framework): routes/web.php and app/Http/routes.php register on `$router` (or `$app`
 * in Lumen < 5.5) with Laravel's route API (get/post/.../addRoute, array groups with prefix/middleware);
 * bootstrap/app.php groups (`$app->router->group([...], function ($router) { require ...; })`) give the
 * required route file their prefix.
 */
export const lumenRoutes: Extractor = {
  id: 'lumen/routes',
  languages: ['php'],
  keywords: ['$router->', '$app->'],
  extract(file) {
    const tree = treeOf(file);
    if (!tree || isPhpTestPath(file.path)) return [];
    const isRouteFile = /(^|\/)routes\/(.+\/)?[^/]+\.php$/i.test(file.path) || /(^|\/)app\/Http\/routes\.php$/.test(file.path);
    const isBootstrap = /(^|\/)bootstrap\/app\.php$/.test(file.path) && file.text.includes('Lumen');
    if (!isRouteFile && !isBootstrap) return [];
    // Laravel route files (the Route facade) are laravelRoutes'; Slim apps also call `$app->get()`.
    if (isRouteFile && (file.text.includes('Route::') || file.text.includes('Slim\\') || file.text.includes('RouteCollectorProxy'))) return [];
    const ctx: Ctx = { file, facts: [], framework: 'lumen' };
    const vars = new Set(LUMEN_ROUTERS);
    visitLumen(tree.rootNode, { prefix: '', middleware: [], routerVars: vars }, ctx);
    return ctx.facts;
  },
};

/** Like visitNode, but `Route::` facades are Laravel's (left to laravelRoutes) and only router variables count. */
function visitLumen(node: Node, scope: Scope, ctx: Ctx): void {
  if (CALLS.has(node.type)) {
    const chain = callChain(node);
    if (chain && !chain.isStatic && scope.routerVars?.has(chain.root)) {
      handleChain(chain, node, scope, ctx);
      return;
    }
  }
  for (const child of namedChildren(node)) visitLumen(child, scope, ctx);
}
