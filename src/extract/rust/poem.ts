// Poem: `Route::new().at("/users/:id", get(show).put(update))`, `.at("/", handler)` (every method),
// `.nest("/api", api_routes())`, `.nest("/api", OpenApiService::new(Api, "t", "1"))` and static
// files (`StaticFilesEndpoint`). `#[OpenApi] impl Api { #[oai(path, method)] .. }` operations are
// routers of their own (poem-openapi.ts) that `OpenApiService::new(Api, ..)` mounts.
import { namedChildren, type Node } from '../tree-sitter/ast.js';
import { calleePath, methodChain, unwrapExpr } from './ast.js';
import { methodRouterEntries } from './axum.js';
import { emitRoutes, isPathLike } from './dialect-kit.js';
import type { Evaluator, RouterDialect, RouterValue } from './evaluator.js';
import { layerMiddleware } from './middleware-roles.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'poem';

function usesPoem(ev: Evaluator): boolean {
  return ev.usesCrate('poem') || ev.usesCrate('poem_openapi');
}

function isStaticFiles(node: Node | undefined): boolean {
  if (node?.type !== 'call_expression') return false;
  const path = calleePath(methodChain(node).base);
  return !!path && path.some((s) => s === 'StaticFilesEndpoint' || s === 'StaticFileEndpoint');
}

/** `.at(path, ep)`: a method router, a bare handler (all methods), or a nested router. */
function at(ev: Evaluator, target: RouterValue, path: string, ep: Node, fn: Node, at: Node): void {
  const entries = methodRouterEntries(ep, ev.file.path);
  if (entries.length > 0) {
    for (const entry of entries) emitRoutes(ev, FRAMEWORK, target, [entry.method], path, entry.handler, at, entry.middleware);
    return;
  }
  const node = unwrapExpr(ep);
  if (!node) return;
  if (isStaticFiles(node)) {
    emitRoutes(ev, FRAMEWORK, target, ['GET'], path, undefined, at);
    return;
  }
  // `handler`, `handler.with(mw)`, `make_sync(|_| ..)`: the endpoint answers every method.
  const { base, calls } = node.type === 'call_expression' ? methodChain(node) : { base: node, calls: [] };
  const made = base.type === 'call_expression' && ['make', 'make_sync'].includes(calleePath(base)?.pop() ?? '');
  if (made) {
    emitRoutes(ev, FRAMEWORK, target, ['ANY'], path, undefined, at);
    return;
  }
  const child = node.type === 'call_expression' || node.type === 'identifier' && ev.lookup(fn, node.text) ? ev.routerOf(node, fn) : undefined;
  if (child) {
    ev.mount(FRAMEWORK, target.ref, child.ref, path, at);
    return;
  }
  if (!isPathLike(base) || !calls.every((c) => c.name === 'with' || c.name === 'around' || c.name === 'data')) return;
  const mws = calls.filter((c) => c.name === 'with' && c.args[0]).flatMap((c) => layerMiddleware(c.args[0]!, ev.file.path));
  emitRoutes(ev, FRAMEWORK, target, ['ANY'], path, base, at, mws);
}

export const poemDialect: RouterDialect = {
  framework: FRAMEWORK,

  constructorOf(path, _call, ev) {
    const [owner, name] = path.slice(-2);
    if (owner === 'Route' && name === 'new' && (path[0] === 'poem' || usesPoem(ev))) return { prefix: '', isApp: false };
    if (owner === 'OpenApiService' && name === 'new' && usesPoem(ev)) return { prefix: '', isApp: false };
    return undefined;
  },

  onConstruct(ev, value, call) {
    const path = calleePath(call);
    if (path?.[path.length - 2] !== 'OpenApiService') return;
    const first = unwrapExpr(namedChildren(fieldOf(call, 'arguments'))[0]);
    const apis = first?.type === 'tuple_expression' ? namedChildren(first) : first ? [first] : [];
    for (const api of apis) {
      const inner = unwrapExpr(api);
      // `Api`, `users::Api`, `Api::default()`, `Api { .. }`
      const named = inner?.type === 'call_expression' ? methodChain(inner).base : inner?.type === 'struct_expression' ? fieldOf(inner, 'name') : inner;
      const segs = named?.type === 'call_expression' ? calleePath(named)?.slice(0, -1) : named ? [named.text] : undefined;
      if (!named || !segs || segs.length === 0) continue;
      const ref = named.type === 'call_expression' ? ev.mods.resolve(named, segs) : ev.itemRef(named);
      if (ref) ev.mount(FRAMEWORK, value.ref, ref, '', api);
    }
  },

  isRouterOp(call, ev) {
    return (call.name === 'at' && call.args.length === 2 || call.name === 'nest' || call.name === 'nest_no_strip') && usesPoem(ev);
  },

  applyOp(ev, target, call) {
    if (target.framework !== FRAMEWORK) return false;
    const fn = ev.enclosingFn(call.node);
    const [first, second] = call.args;
    if (!fn || !first) return false;
    switch (call.name) {
      case 'at': {
        const path = ev.stringOf(first, fn);
        if (path === undefined || !second) return false;
        at(ev, target, path, second, fn, call.nameNode);
        return true;
      }
      case 'nest': case 'nest_no_strip': {
        const prefix = ev.stringOf(first, fn);
        if (prefix === undefined || !second) return false;
        if (isStaticFiles(unwrapExpr(second))) {
          emitRoutes(ev, FRAMEWORK, target, ['GET'], `${prefix.replace(/\/+$/, '')}/*`, undefined, call.nameNode);
          return true;
        }
        const child = ev.routerOf(second, fn);
        if (child) ev.mount(FRAMEWORK, target.ref, child.ref, prefix, call.nameNode);
        return true;
      }
      case 'with': {
        ev.router(FRAMEWORK, target.ref, call.nameNode, { middleware: layerMiddleware(first, ev.file.path) });
        return true;
      }
      default:
        return false;
    }
  },
};
