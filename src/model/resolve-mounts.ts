// Router graph: which routers are mounted where, with which prefixes, tags and middleware.
// Gives, for each router key, every context (full prefix, inherited tags and middleware) it is reachable in.

import type { MiddlewareRef, MountFact, RouterFact, RouterMiddlewareFact, RouteFact } from '../core/facts.js';
import { joinPaths } from './paths.js';
import type { SymbolTable } from './resolve-refs.js';

export interface RouterContext {
  prefix: string; // includes the router's own prefix
  openapiTags: string[];
  middleware: MiddlewareRef[];
}

interface Edge {
  mount: MountFact;
  childKey: string;
}

export interface RouterGraph {
  contextsOf(key: string): RouterContext[];
  /** Middleware declared on `key` (router.use) that applies to something declared at `file:line` with `relPath`. */
  middlewareFor(key: string, file: string, line: number, relPath: string): MiddlewareRef[];
  /** Keys of all routers (router facts) with their facts, for reporting. */
  routerFacts: ReadonlyMap<string, RouterFact>;
}

const MAX_DEPTH = 16;
const MAX_CONTEXTS = 64;

export function childKeyOf(mount: MountFact, symbols: SymbolTable): string | undefined {
  if (mount.childModule === undefined) return symbols.resolve(mount.child);
  const module = symbols.resolveModule(mount.location.file, mount.childModule);
  if (!module) return undefined;
  return symbols.resolve({ file: module, path: mount.child.path });
}

export function buildRouterGraph(
  symbols: SymbolTable,
  routers: readonly RouterFact[],
  mounts: readonly MountFact[],
  routes: readonly RouteFact[],
  routerMiddleware: readonly RouterMiddlewareFact[],
): { graph: RouterGraph; unresolvedMounts: MountFact[] } {
  const routerFacts = new Map<string, RouterFact>();
  for (const router of routers) {
    const key = symbols.resolve(router.ref);
    if (!routerFacts.has(key)) routerFacts.set(key, router);
  }
  // A key is a router when a router fact defines it, routes are registered on it, or it mounts others.
  const isRouter = new Set<string>(routerFacts.keys());
  for (const route of routes) if (route.router) isRouter.add(symbols.resolve(route.router));
  for (const mount of mounts) isRouter.add(symbols.resolve(mount.parent));

  const middlewareByKey = new Map<string, RouterMiddlewareFact[]>();
  for (const fact of routerMiddleware) {
    const key = symbols.resolve(fact.router);
    let list = middlewareByKey.get(key);
    if (!list) middlewareByKey.set(key, (list = []));
    list.push(fact);
  }

  const edgesByParent = new Map<string, Edge[]>();
  const hasParent = new Set<string>();
  const unresolvedMounts: MountFact[] = [];
  for (const mount of mounts) {
    const childKey = childKeyOf(mount, symbols);
    if (!childKey || !isRouter.has(childKey)) {
      unresolvedMounts.push(mount);
      continue;
    }
    const parentKey = symbols.resolve(mount.parent);
    if (parentKey === childKey) continue;
    let list = edgesByParent.get(parentKey);
    if (!list) edgesByParent.set(parentKey, (list = []));
    list.push({ mount, childKey });
    hasParent.add(childKey);
  }
  // Mounts that turned out to be middleware (`app.use('/x', auth)` with auth imported).
  for (const mount of unresolvedMounts) {
    if (!mount.asMiddleware) continue;
    const key = symbols.resolve(mount.parent);
    let list = middlewareByKey.get(key);
    if (!list) middlewareByKey.set(key, (list = []));
    list.push({
      kind: 'router-middleware', framework: mount.framework, router: mount.parent,
      middleware: mount.asMiddleware, pathPrefix: mount.prefix, location: mount.location,
    });
  }

  function middlewareFor(key: string, file: string, line: number, relPath: string): MiddlewareRef[] {
    const out: MiddlewareRef[] = [];
    for (const fact of middlewareByKey.get(key) ?? []) {
      const before = fact.location.file !== file || fact.location.startLine <= line;
      if (!before) continue;
      const prefix = fact.pathPrefix.replace(/\/+$/, '');
      if (prefix && !(relPath === prefix || relPath.startsWith(`${prefix}/`))) continue;
      out.push(fact.middleware);
    }
    return out;
  }

  const ownPrefix = (key: string) => routerFacts.get(key)?.prefix ?? '';
  const ownTags = (key: string) => routerFacts.get(key)?.openapiTags ?? [];
  const ownMiddleware = (key: string) => routerFacts.get(key)?.middleware ?? [];

  const contexts = new Map<string, RouterContext[]>();
  const addContext = (key: string, ctx: RouterContext): boolean => {
    let list = contexts.get(key);
    if (!list) contexts.set(key, (list = []));
    if (list.length >= MAX_CONTEXTS || list.some((c) => c.prefix === ctx.prefix)) return false;
    list.push(ctx);
    return true;
  };

  function visit(key: string, ctx: RouterContext, depth: number, path: Set<string>): void {
    if (!addContext(key, ctx) || depth >= MAX_DEPTH) return;
    for (const edge of edgesByParent.get(key) ?? []) {
      if (path.has(edge.childKey)) continue; // cycle
      const { mount } = edge;
      const mountPrefix = mount.prefix;
      const childOwn = mount.replacesChildPrefix && mountPrefix ? '' : ownPrefix(edge.childKey);
      const inherited = middlewareFor(key, mount.location.file, mount.location.startLine, mountPrefix);
      const child: RouterContext = {
        prefix: joinPaths(ctx.prefix, mountPrefix, childOwn),
        openapiTags: [...ctx.openapiTags, ...(mount.openapiTags ?? []), ...ownTags(edge.childKey)],
        middleware: [...ctx.middleware, ...inherited, ...(mount.middleware ?? []), ...ownMiddleware(edge.childKey)],
      };
      path.add(edge.childKey);
      visit(edge.childKey, child, depth + 1, path);
      path.delete(edge.childKey);
    }
  }

  const roots = [...isRouter].filter((key) => !hasParent.has(key)).sort();
  for (const root of roots) {
    visit(root, { prefix: joinPaths(ownPrefix(root)), openapiTags: [...ownTags(root)], middleware: [...ownMiddleware(root)] }, 0, new Set([root]));
  }
  // Routers only reachable through a cycle: give them their own prefix so their routes are not lost.
  for (const key of isRouter) {
    if (!contexts.has(key)) {
      visit(key, { prefix: joinPaths(ownPrefix(key)), openapiTags: [...ownTags(key)], middleware: [...ownMiddleware(key)] }, 0, new Set([key]));
    }
  }

  return {
    graph: {
      contextsOf: (key) => contexts.get(key) ?? [{ prefix: '/', openapiTags: [], middleware: [] }],
      middlewareFor,
      routerFacts,
    },
    unresolvedMounts,
  };
}
