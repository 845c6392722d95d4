// DRF routers: `router = DefaultRouter()` / SimpleRouter(), and `router.register(prefix, ViewSet)` expanded into
// the list / detail / @action routes the router generates (origin 'generated').
import type { Fact, RefExpr } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { dottedPath, keywordArg, loc, positionalArgs, type Node } from '../python/ast.js';
import { constructorOf, evalString, type ModuleScope } from '../python/modules.js';
import { regexToPath } from './regex-path.js';
import { viewsetRoutes } from './viewsets.js';
import { field } from '../tree-sitter/ast.js';

const FRAMEWORK = 'django';
const DRF_ROUTERS = new Set(['DefaultRouter', 'SimpleRouter', 'ExtendedDefaultRouter', 'ExtendedSimpleRouter']);

interface Ctx {
  file: ParsedFile;
  scope: ModuleScope;
  facts: Fact[];
}

function ref(ctx: Ctx, path: string[]): RefExpr {
  return { file: ctx.file.path, path };
}

/** Router objects, their API root (DefaultRouter) and the routes of each `router.register(prefix, ViewSet)`. */
export function drfRouterFacts(file: ParsedFile, scope: ModuleScope, statements: readonly Node[]): Fact[] {
  const ctx: Ctx = { file, scope, facts: [] };
  for (const [name, call] of ctx.scope.calls) {
    const ctor = constructorOf(ctx.scope, name);
    if (!ctor || !DRF_ROUTERS.has(ctor)) continue;
    ctx.facts.push({ kind: 'router', framework: FRAMEWORK, ref: ref(ctx, [name]), location: loc(ctx.file.path, call) });
    if (ctor.includes('Default')) {
      ctx.facts.push({
        kind: 'route', framework: FRAMEWORK, method: 'GET', path: '', router: ref(ctx, [name]),
        handler: { name: 'APIRootView' }, location: loc(ctx.file.path, call), origin: 'generated',
      });
    }
  }
  for (const statement of statements) {
    const call = statement.namedChildren[0] ?? null;
    if (call?.type !== 'call') continue;
    const callee = dottedPath(field(call, 'function'));
    if (!callee || callee.length !== 2 || callee[1] !== 'register') continue;
    const ctor = constructorOf(ctx.scope, callee[0]);
    if (ctor ? !DRF_ROUTERS.has(ctor) : !ctx.scope.packages.has('rest_framework')) continue;
    registerCall(ctx, call, callee[0]!);
  }
  return ctx.facts;
}

function trailingSlash(ctx: Ctx, router: string): string {
  const call = ctx.scope.calls.get(router);
  const option = call ? keywordArg(call, 'trailing_slash') : undefined;
  if (!option) return '/';
  if (option.type === 'false') return '';
  const value = evalString(option, ctx.scope.constants);
  return value === '/' ? '/' : '';
}

function registerCall(ctx: Ctx, call: Node, router: string): void {
  const args = positionalArgs(call);
  const prefixValue = evalString(keywordArg(call, 'prefix') ?? args[0], ctx.scope.constants);
  const viewset = keywordArg(call, 'viewset') ?? args[1];
  const viewsetPath = dottedPath(viewset);
  if (prefixValue === undefined || !viewsetPath) return;
  const prefix = regexToPath(prefixValue).path.replace(/\/+$/, '');
  const slash = trailingSlash(ctx, router);
  const cls = viewsetPath.length === 1 ? ctx.scope.classes.get(viewsetPath[0]!) : undefined;
  const { routes, middleware } = viewsetRoutes(ctx.file, ctx.scope, cls, viewsetPath.join('.'), slash);
  // A viewset from another module: the model takes its actions from that module's view facts.
  const viewRef = cls ? {} : { view: { ref: ref(ctx, viewsetPath), base: `${prefix}/` } };
  for (const route of routes) {
    const path = route.path ? `${prefix}/${route.path}` : `${prefix}${slash}`;
    ctx.facts.push({
      ...viewRef,
      kind: 'route', framework: FRAMEWORK, method: route.method, path, router: ref(ctx, [router]),
      handler: { name: route.handler, ...(route.handlerNode ? { location: loc(ctx.file.path, route.handlerNode) } : {}) },
      location: loc(ctx.file.path, call), origin: 'generated',
      ...(middleware.length ? { middleware } : {}),
    });
  }
}

