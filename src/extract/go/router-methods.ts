// Router method calls of Gin, Echo, Fiber, chi, gorilla/mux and net/http on a router value: verbs,
// Handle / HandleFunc patterns, groups and subrouters, mounts, middleware, gorilla route builders.
import type { RefExpr } from '../../core/facts.js';
import { callArgs, loc, parameters, selectorPath, stringLiteral, type ChainSegment, type Node } from './ast.js';
import { PASSTHROUGH, SERVE_METHODS, verbMethod, type GoFramework } from './frameworks.js';
import { beegoRouter } from './beego.js';
import type { GoRouteWalker } from './routes.js';
import type { Scope } from './scope.js';
import {
  GORILLA_BUILDER, NONE, fallbackPrefix, joinRaw, parsePattern, refKey, verbGuess, type Builder, type PathRef, type RouterVal, type Val,
} from './values.js';

export function routerMethod(w: GoRouteWalker, r: RouterVal, seg: ChainSegment, scope: Scope | undefined): Val | undefined {
  const known = !!r.router || !!r.routerish;
  const fw = w.frameworkOf(r.router, verbGuess(seg.name));
  const { name, args } = seg;
  const at = seg.call;
  const verb = verbMethod(name);
  if (verb) return w.verbRoute(r, fw, verb, seg, scope, known) ? NONE : undefined;
  switch (name) {
    case 'Handle':
    case 'HandleFunc': {
      if (args.length >= 3) {
        const method = w.methodOf(args[0]!, scope);
        const path = w.pathOf(args[1], scope, known) ?? w.pathRefOf(args[1], scope, known);
        if (method && path !== undefined) {
          w.emitHandlerRoute(r, fw, [method], path, args.slice(2), at, scope);
          return NONE;
        }
        // Handle("LOAD", "/x", h): a method HttpMethod cannot express.
        if (path !== undefined && /^[A-Z]+$/.test(w.constOf(args[0], scope) ?? '')) return NONE;
      }
      if (args.length < 2 || stringLiteral(args[1]) !== undefined) return undefined;
      const raw = w.constOf(args[0], scope);
      if (raw === undefined) return undefined;
      const pattern = parsePattern(raw);
      if (!pattern || (!pattern.path.startsWith('/') && !known)) return undefined;
      const handler = args[1]!;
      const target = mountedRouter(w, handler, scope);
      if (target) {
        w.emitMount(r.ref, target, pattern.path.replace(/\/+$/, ''), r.mw ?? [], at, w.frameworkOf(r.router, 'net-http'));
        return NONE;
      }
      return {
        k: 'builder', router: r.ref, fw: w.frameworkOf(r.router, w.fileFw ?? 'net-http'), known, at, path: pattern.path,
        ...(pattern.method ? { methods: [pattern.method] } : {}), handler, mw: r.mw ?? [],
      };
    }
    case 'Method':
    case 'MethodFunc':
    case 'Add': {
      if (args.length < 3) return undefined;
      const methods = w.methodsOf(args[0]!, scope);
      const path = w.pathOf(args[1], scope, known) ?? w.pathRefOf(args[1], scope, known);
      if (!methods.length || path === undefined) return undefined;
      w.emitHandlerRoute(r, fw, methods, path, args.slice(2), at, scope);
      return NONE;
    }
    case 'Match': {
      if (args.length < 3) return undefined;
      const methods = w.methodsOf(args[0]!, scope);
      const path = w.pathOf(args[1], scope, known) ?? w.pathRefOf(args[1], scope, known);
      if (!methods.length || path === undefined) return undefined;
      w.emitHandlerRoute(r, fw, methods, path, args.slice(2), at, scope);
      return NONE;
    }
    case 'Group': {
      const first = args[0];
      if (!first) return undefined;
      if (first.type === 'func_literal') return inlineSubrouter(w, r, fw, '', first, at, scope);
      const prefix = w.pathOf(first, scope, known);
      const mw = [...(r.mw ?? []), ...w.middlewareArgs(args.slice(1))];
      if (prefix === undefined && args.length === 1 && (first.type === 'identifier' || first.type === 'selector_expression')
        && (fw === 'chi' || (first.type === 'identifier' && w.funcDecls.has(first.text)))) {
        // chi r.Group(registerAdmin): a named function that receives the group.
        return inlineSubrouter(w, r, fw, '', first, at, scope);
      }
      if (prefix === undefined) {
        const ref = w.pathRefOf(first, scope, known);
        return ref ? { k: 'child', parent: r.ref, fw, prefix: fallbackPrefix(ref), prefixRef: ref, mw, at } : undefined;
      }
      return { k: 'child', parent: r.ref, fw, prefix, mw, at };
    }
    case 'Route': {
      if (args.length < 2) return undefined;
      const prefix = w.pathOf(args[0], scope, known) ?? w.pathRefOf(args[0], scope, known);
      if (prefix === undefined) return undefined;
      return inlineSubrouter(w, r, fw, prefix, args[1]!, at, scope);
    }
    case 'Mount': {
      if (args.length < 2) return undefined;
      const prefix = w.pathOf(args[0], scope, known) ?? w.pathRefOf(args[0], scope, known);
      if (prefix === undefined) return undefined;
      const child = w.evalExpr(args[1]!, scope);
      const childRouter = child.k === 'ref' ? child : w.asRouter(child, args[1]!);
      if (childRouter) w.emitMount(r.ref, childRouter.ref, prefix, r.mw ?? [], at, fw);
      return NONE;
    }
    case 'With':
      return { ...r, mw: [...(r.mw ?? []), ...w.middlewareArgs(args)] };
    case 'Use':
    case 'Pre': {
      let rest = args;
      let pathPrefix = '';
      const first = args[0] ? w.constOf(args[0], scope) : undefined;
      if (first !== undefined) {
        pathPrefix = first;
        rest = args.slice(1);
      }
      for (const mw of w.middlewareArgs(rest)) {
        w.facts.push({ kind: 'router-middleware', framework: fw, router: r.ref, middleware: mw, pathPrefix, location: loc(w.file.path, at) });
      }
      // Gin / Fiber return the router: `v1 := r.Group("/v1").Use(auth)`.
      return { k: 'ref', ref: r.ref, ...(r.router ? { router: r.router } : {}) };
    }
    case 'StaticFile':
    case 'File': {
      if (args.length !== 2 || stringLiteral(args[1]) === undefined) return undefined;
      const path = w.pathOf(args[0], scope, known);
      if (path === undefined) return undefined;
      w.facts.push({
        kind: 'route', framework: fw, method: 'GET', path, router: r.ref, handler: { name: name === 'File' ? 'File' : 'StaticFile' },
        location: loc(w.file.path, at), ...(r.mw?.length ? { middleware: r.mw } : {}),
      });
      return NONE;
    }
    case 'Router':
      if (fw === 'beego') return beegoRouter(w, r.ref, seg, scope) ? NONE : undefined;
      return undefined;
    default:
      break;
  }
  const returned = r.ref.path[r.ref.path.length - 1] === 'return';
  const appFile = w.fileFw === 'gin' || w.fileFw === 'echo' || w.fileFw === 'fiber';
  if (SERVE_METHODS.has(name) && (known || (returned && appFile))) {
    w.facts.push({ kind: 'service-entry', framework: fw, location: loc(w.file.path, at) });
    w.served.add(refKey(r.ref));
    return NONE;
  }
  if (PASSTHROUGH.has(name) && known) return r;
  if (GORILLA_BUILDER.has(name) && (fw === 'gorilla-mux' || (known && !r.router))) {
    const builder: Builder = { k: 'builder', router: r.ref, fw: 'gorilla-mux', known, at, mw: r.mw ?? [] };
    return builderMethod(w, builder, seg, scope);
  }
  return undefined;
}

/** `r.Route("/x", func(r chi.Router) {...})`, `r.Group(func(r chi.Router) {...})`, or with a named function. */
export function inlineSubrouter(w: GoRouteWalker, r: RouterVal, fw: GoFramework, prefix: string | PathRef, fn: Node, at: Node, scope: Scope | undefined): Val {
  if (fn.type === 'func_literal') {
    const ref = w.synthetic(at);
    w.emitRouter(ref, fw, at);
    w.emitMount(r.ref, ref, prefix, r.mw ?? [], at, fw);
    w.processed.add(fn.id);
    const body = fn.childForFieldName('body');
    const inner = w.newScope(scope, `${scope?.qual ?? 'init'}@${fn.startPosition.row + 1}`, fn);
    w.bindParams(inner, fn.childForFieldName('parameters'), undefined);
    const first = parameters(fn.childForFieldName('parameters'))[0];
    if (first?.name && first.name !== '_') inner.names.set(first.name, { ref, fixed: true, router: fw });
    w.markRouterish(inner);
    if (body) w.visit(body, inner);
    return { k: 'ref', ref, router: fw };
  }
  const target = w.evalExpr(fn, scope);
  if (target.k === 'ref') {
    w.emitMount(r.ref, { file: target.ref.file, path: [...target.ref.path, 'arg0'] }, prefix, r.mw ?? [], at, fw);
  }
  return NONE;
}

/** The router a handler argument stands for when it is one (`mux.Handle("/api/", apiRouter)`). */
export function mountedRouter(w: GoRouteWalker, node: Node, scope: Scope | undefined): RefExpr | undefined {
  let target = node;
  // http.StripPrefix("/api", h)
  if (target.type === 'call_expression') {
    const path = selectorPath(target.childForFieldName('function'));
    if (path && path[path.length - 1] === 'StripPrefix') target = callArgs(target)[1] ?? target;
  }
  if (target.type !== 'identifier' && target.type !== 'selector_expression') return undefined;
  const val = w.evalExpr(target, scope);
  return val.k === 'ref' && val.router ? val.ref : undefined;
}

export function builderMethod(w: GoRouteWalker, b: Builder, seg: ChainSegment, scope: Scope | undefined): Val {
  const { name, args } = seg;
  switch (name) {
    case 'Path': {
      const path = w.pathOf(args[0], scope, true);
      return path === undefined ? NONE : { ...b, path };
    }
    case 'PathPrefix': {
      const prefix = w.pathOf(args[0], scope, true);
      return prefix === undefined ? NONE : { ...b, prefix };
    }
    case 'Methods': {
      const methods = args.flatMap((a) => w.methodsOf(a, scope));
      return { ...b, methods: [...(b.methods ?? []), ...methods] };
    }
    case 'HandlerFunc':
    case 'Handler':
      return args[0] ? { ...b, handler: args[0] } : b;
    case 'HandleFunc':
    case 'Handle':
      return NONE;
    case 'BuildOnly':
      return { ...b, buildOnly: true };
    case 'Subrouter': {
      const prefix = b.prefix ?? b.path ?? '';
      return { k: 'child', parent: b.router, fw: 'gorilla-mux', prefix, mw: b.mw, at: b.at };
    }
    case 'Host': case 'Schemes': case 'Headers': case 'HeadersRegexp': case 'Queries': case 'MatcherFunc': case 'Name':
    case 'NewRoute':
      return b;
    default:
      finishBuilder(w, b, scope);
      return NONE;
  }
}

export function finishBuilder(w: GoRouteWalker, b: Builder, scope: Scope | undefined): void {
  if (!b.handler || b.buildOnly) return;
  if (b.path === undefined) {
    // r.PathPrefix("/api").Handler(apiRouter): a mount when the handler is a router.
    if (b.prefix === undefined) return;
    const target = mountedRouter(w, b.handler, scope);
    if (target) w.emitMount(b.router, target, b.prefix.replace(/\/+$/, ''), b.mw, b.at, 'gorilla-mux');
    return;
  }
  const fw = b.fw === 'unknown' ? w.frameworkOf(undefined, 'gorilla-mux') : b.fw;
  const path = b.prefix !== undefined ? joinRaw(b.prefix, b.path) : b.path;
  w.emitHandlerRoute({ k: 'ref', ref: b.router, mw: b.mw }, fw, b.methods?.length ? b.methods : ['ANY'], path, [b.handler], b.at, scope);
}
