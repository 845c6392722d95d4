// Router method calls of Gin, Echo, Fiber, chi, gorilla/mux and net/http on a router value: verbs,
// Handle / HandleFunc patterns, groups and subrouters, mounts, middleware, gorilla route builders.
import type { HttpMethod, MiddlewareRef, RefExpr } from '../../core/facts.js';
import type { GoTypeName } from './ast.js';
import { callArgs, literalElements, literalFields, loc, namedArgs, parameters, selectorPath, stringLiteral, type ChainSegment, type Node } from './ast.js';
import { goMiddlewareRef } from './middleware-roles.js';
import { PASSTHROUGH, SERVE_METHODS, methodFromString, verbMethod, type GoFramework } from './frameworks.js';
import { beegoRouter } from './beego.js';
import { irisMvcHandle } from './iris-mvc.js';
import { emitStaticMount, fileServerMount, fileServerOf, staticMethod, staticMiddleware } from './static-mounts.js';
import type { GoRouteWalker } from './routes.js';
import type { Scope } from './scope.js';
import {
  GORILLA_BUILDER, NONE, fallbackPrefix, joinRaw, parsePattern, refKey, verbGuess, type Builder, type PathRef, type RouterVal, type Val,
} from './values.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

/** Frameworks whose routers have a Static(prefix, dir) method. */
const STATIC_FRAMEWORKS: ReadonlySet<string> = new Set(['gin', 'echo', 'fiber', 'hertz', 'goyave', 'iris']);

export function routerMethod(w: GoRouteWalker, r: RouterVal, seg: ChainSegment, scope: Scope | undefined): Val | undefined {
  const known = !!r.router || !!r.routerish;
  const fw = w.frameworkOf(r.router, verbGuess(seg.name));
  const { name, args } = seg;
  const at = seg.call;
  const verb = verbMethod(name);
  if (r.router === 'go-restful') {
    const handled = restfulMethod(w, r, seg, scope, verb);
    if (handled) return handled;
  }
  if (verb) return w.verbRoute(r, fw, verb, seg, scope, known) ? NONE : undefined;
  switch (name) {
    case 'Handle':
    case 'HandleFunc': {
      // Iris MVC: mvcApp.Handle(new(UserController), options...) mounts the controller.
      if (fw === 'iris' && name === 'Handle' && args[0] && w.constOf(args[0], scope) === undefined) return irisMvcHandle(w, r, args[0], at, scope);
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
      // http.Handle("/static/", http.StripPrefix("/static/", http.FileServer(http.Dir("static")))): the files too.
      const server = fileServerOf(w, handler, scope);
      const served = server && fileServerMount(pattern.path, server);
      if (served) emitStaticMount(w, r.ref, w.frameworkOf(r.router, w.fileFw ?? 'net-http'), served.prefix, served.dir, r.mw ?? [], at);
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
    case 'Subrouter': {
      // Goyave: router.Subrouter("/api").
      if (fw !== 'goyave') break;
      const prefix = w.pathOf(args[0], scope, known);
      return prefix === undefined ? undefined : { k: 'child', parent: r.ref, fw, prefix, mw: r.mw ?? [], at };
    }
    case 'SetMeta':
    case 'RemoveMeta':
    case 'CORS':
    case 'StatusHandler':
      if (fw === 'goyave') return r;
      break;
    case 'Controller': {
      // Goyave: router.Controller(&user.Controller{}) calls the controller's RegisterRoutes(router).
      if (fw !== 'goyave' || !args[0]) return undefined;
      const val = w.evalExpr(args[0], scope);
      const type = val.k === 'typed' ? val.type : val.k === 'ref' ? val.type : undefined;
      if (type) {
        const base = typeRef(type, w.file.path, w.dir);
        w.emitMount(r.ref, { file: base.file, path: [...base.path, 'RegisterRoutes', 'arg0'] }, '', r.mw ?? [], at, fw);
      }
      return NONE;
    }
    case 'Group': {
      const first = args[0];
      if (fw === 'goyave' && !first) return { k: 'child', parent: r.ref, fw, prefix: '', mw: r.mw ?? [], at };
      if (!first) return undefined;
      if (first.type === 'func_literal') return inlineSubrouter(w, r, fw, '', first, at, scope);
      const prefix = w.pathOf(first, scope, known);
      if (fw === 'goframe' && prefix !== undefined) {
        // GoFrame: s.Group("/api", func(group *ghttp.RouterGroup) {...}) / group.Group("/v1").
        const fn = args[1];
        return fn ? inlineSubrouter(w, r, fw, prefix, fn, at, scope) : { k: 'child', parent: r.ref, fw, prefix, mw: r.mw ?? [], at };
      }
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
    case 'Party':
    case 'PartyFunc': {
      // Iris: app.Party("/x", mw...), app.PartyFunc("/x", func(p iris.Party) {...}); "admin." is a subdomain.
      if (fw !== 'iris' || !args[0]) return undefined;
      const raw = w.constOf(args[0], scope);
      if (raw === undefined) return undefined;
      const prefix = irisPartyPrefix(raw);
      const fn = args[1];
      if (fn?.type === 'func_literal' || (name === 'PartyFunc' && fn)) return inlineSubrouter(w, r, fw, prefix, fn, at, scope);
      return { k: 'child', parent: r.ref, fw, prefix, mw: [...(r.mw ?? []), ...w.middlewareArgs(args.slice(1))], at };
    }
    case 'BindHandler': {
      // GoFrame: s.BindHandler("[METHOD:]/path[@domain]", handler); no method means all methods.
      if (fw !== 'goframe' || args.length < 2) return undefined;
      const pattern = goframePattern(w.constOf(args[0], scope));
      if (!pattern) return undefined;
      w.emitHandlerRoute(r, fw, [pattern.method], pattern.path, [args[1]!], at, scope);
      return NONE;
    }
    case 'AddRoute':
    case 'AddRoutes': {
      // go-zero: server.AddRoute(rest.Route{Method, Path, Handler}, opts...),
      // server.AddRoutes([]rest.Route{{...}, ...}, rest.WithPrefix("/v1"), rest.WithJwt(secret)).
      if (fw !== 'go-zero' || !args[0]) return undefined;
      let routes = args[0];
      const mw: MiddlewareRef[] = [];
      // rest.WithMiddlewares([]rest.Middleware{m...}, []rest.Route{...}...) (goctl output for `middleware:`).
      if (routes.type === 'call_expression' && selectorPath(fieldOf(routes, 'function'))?.slice(-1)[0] === 'WithMiddlewares') {
        const [mws, rest] = callArgs(routes);
        if (mws?.type === 'composite_literal') mw.push(...w.middlewareArgs(literalElements(mws)));
        routes = rest?.type === 'variadic_argument' ? namedArgs(rest)[0] : rest;
        if (!routes) return NONE;
      }
      const list = name === 'AddRoute' ? [routes] : routes.type === 'composite_literal' ? literalElements(routes) : [];
      let target: RouterVal = r;
      for (const opt of args.slice(1)) {
        if (opt.type !== 'call_expression') continue;
        const callee = selectorPath(fieldOf(opt, 'function'));
        const last = callee?.[callee.length - 1];
        const optArgs = callArgs(opt);
        if (last === 'WithPrefix') {
          const prefix = w.pathOf(optArgs[0], scope, true);
          if (prefix === undefined) return NONE;
          const ref = w.synthetic(opt);
          w.emitRouter(ref, fw, opt);
          w.emitMount(r.ref, ref, prefix, [], at, fw);
          target = { k: 'ref', ref, router: fw };
        } else if (last === 'WithJwt' || last === 'WithJwtTransition') {
          mw.push(goMiddlewareRef(callee!.join('.'), loc(w.file.path, opt)));
        }
      }
      const routeMw = [...(r.mw ?? []), ...mw];
      for (const item of list) {
        const fields = literalFields(item);
        const methodNode = fields.get('Method');
        const method = methodNode ? w.methodOf(methodNode, scope) : undefined;
        const path = w.pathOf(fields.get('Path'), scope, true);
        const handler = fields.get('Handler');
        if (!method || path === undefined || !handler) continue;
        w.emitHandlerRoute({ ...target, mw: routeMw }, fw, [method], path, [handler], item, scope);
      }
      return NONE;
    }
    case 'Unbind':
      if (fw === 'pocketbase') return r;
      return undefined;
    case 'BindFunc':
    case 'Bind':
      if (fw === 'pocketbase') {
        // PocketBase: rg.Group("/x").Bind(apis.RequireAuth()) returns the group.
        for (const mw of w.middlewareArgs(args)) {
          w.facts.push({ kind: 'router-middleware', framework: fw, router: r.ref, middleware: mw, pathPrefix: '', location: loc(w.file.path, at) });
        }
        return r;
      }
      if (name === 'BindFunc') return undefined;
      // GoFrame: group.Bind(controller...): the controller's request types carry their routes (goframe.ts).
      if (fw !== 'goframe' || (r.router !== 'goframe' && !r.routerish)) return undefined;
      for (const arg of args) {
        const val = w.evalExpr(arg, scope);
        // &controller.User{} -> the type; controller.User (a package variable), controller.NewUser() (a
        // constructor's result) -> that name, which goframe.ts links to the controller type.
        const ref = val.k === 'typed' ? typeRef(val.type, w.file.path, w.dir) : val.k === 'ref' ? val.ref : undefined;
        if (ref) w.emitMount(r.ref, ref, '', r.mw ?? [], at, fw);
      }
      return NONE;
    case 'Map':
    case 'ALLMap': {
      // GoFrame: group.ALLMap(g.Map{"/users": list, "POST:/users": create}).
      if (fw !== 'goframe' || args[0]?.type !== 'composite_literal') return undefined;
      for (const el of namedArgs(args[0].childForFieldName('body'))) {
        if (el.type !== 'keyed_element') continue;
        const [key, value] = namedArgs(el).map((n) => (n.type === 'literal_element' ? (namedArgs(n)[0] ?? n) : n));
        const pattern = goframePattern(w.constOf(key, scope));
        if (pattern && value) w.emitHandlerRoute(r, fw, [pattern.method], pattern.path, [value], el, scope);
      }
      return NONE;
    }
    case 'Middleware':
      // GoFrame group.Middleware(mw...), Goyave router.Middleware(mw): both return the router.
      if (fw !== 'goframe' && fw !== 'goyave') return undefined;
      for (const mw of w.middlewareArgs(args)) {
        w.facts.push({ kind: 'router-middleware', framework: fw, router: r.ref, middleware: mw, pathPrefix: '', location: loc(w.file.path, at) });
      }
      return r;
    case 'HandleMany': {
      // Iris: app.HandleMany("GET POST", "/x /y", h): space-separated methods and paths.
      if (args.length < 3) return undefined;
      const verbs = w.constOf(args[0], scope);
      const paths = (w.constOf(args[1], scope) ?? '').split(/\s+/).filter((p) => p.startsWith('/'));
      if (verbs === undefined || !paths.length) return undefined;
      const methods = verbs.split(/\s+/).filter(Boolean).map((v) => methodFromString(v)).filter((m): m is HttpMethod => !!m);
      if (!methods.length) return undefined;
      for (const path of paths) w.emitHandlerRoute(r, fw, methods, path, args.slice(2), at, scope);
      return NONE;
    }
    case 'Route': {
      if (fw === 'kratos' && args.length >= 1) {
        // Kratos: r := srv.Route("/v1", filters...).
        const prefix = w.pathOf(args[0], scope, known);
        return prefix === undefined ? undefined : { k: 'child', parent: r.ref, fw, prefix, mw: [...(r.mw ?? []), ...w.middlewareArgs(args.slice(1))], at };
      }
      if (fw === 'goyave') {
        // Goyave: router.Route([]string{"GET", "POST"}, "/x", handler).
        if (args.length < 3) return undefined;
        const methods = w.methodsOf(args[0]!, scope);
        const path = w.pathOf(args[1], scope, known) ?? w.pathRefOf(args[1], scope, known);
        if (!methods.length || path === undefined) return undefined;
        w.emitHandlerRoute(r, fw, methods, path, [args[2]!], at, scope);
        return NONE;
      }
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
      rest = staticMiddleware(w, r.ref, fw, pathPrefix, rest, r.mw ?? [], at, scope);
      for (const mw of w.middlewareArgs(rest)) {
        w.facts.push({ kind: 'router-middleware', framework: fw, router: r.ref, middleware: mw, pathPrefix, location: loc(w.file.path, at) });
      }
      // Gin / Fiber return the router: `v1 := r.Group("/v1").Use(auth)`.
      return { k: 'ref', ref: r.ref, ...(r.router ? { router: r.router } : {}) };
    }
    case 'Static':
    case 'StaticFS':
    case 'HandleDir': {
      // Gin/Echo/Fiber/Hertz/Goyave Static("/public", "./public"), StaticFS("/p", http.Dir("x")), Iris HandleDir.
      if (name === 'HandleDir' && fw !== 'iris') return undefined;
      if (!known && !STATIC_FRAMEWORKS.has(fw)) return undefined;
      return staticMethod(w, r.ref, fw, name, args, r.mw ?? [], at, scope, known) ? NONE : undefined;
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
    const body = fieldOf(fn, 'body');
    const inner = w.newScope(scope, `${scope?.qual ?? 'init'}@${fn.startPosition.row + 1}`, fn);
    w.bindParams(inner, fieldOf(fn, 'parameters'), undefined);
    const first = parameters(fieldOf(fn, 'parameters'))[0];
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
    const path = selectorPath(fieldOf(target, 'function'));
    if (path && path[path.length - 1] === 'StripPrefix') target = callArgs(target)[1] ?? target;
  }
  if (target.type === 'call_expression') return wrappedRouter(w, target, scope);
  if (target.type !== 'identifier' && target.type !== 'selector_expression') return undefined;
  const val = w.evalExpr(target, scope);
  return val.k === 'ref' && val.router ? val.ref : undefined;
}

/**
 * A router wrapped in a middleware function: `accessControl(mux)`, `handlers.CORS(opts)(router)`,
 * `logging.Wrap(r, logger)`: the call's one argument that is a known router (names only; calls are
 * not evaluated, so nothing is registered twice).
 */
function wrappedRouter(w: GoRouteWalker, call: Node, scope: Scope | undefined): RefExpr | undefined {
  const found: RefExpr[] = [];
  for (const arg of callArgs(call)) {
    if (arg.type !== 'identifier' && arg.type !== 'selector_expression') continue;
    const val = w.evalExpr(arg, scope);
    if (val.k === 'ref' && val.router) found.push(val.ref);
  }
  return found.length === 1 ? found[0] : undefined;
}

export function builderMethod(w: GoRouteWalker, b: Builder, seg: ChainSegment, scope: Scope | undefined): Val {
  const { name, args } = seg;
  if (b.fw === 'go-restful') {
    // go-restful RouteBuilder: ws.GET("/x").To(handler).Filter(mw).Param(...).Writes(...)...
    if (name === 'To') return args[0] ? { ...b, handler: args[0] } : b;
    if (name === 'Filter') return { ...b, mw: [...b.mw, ...w.middlewareArgs(args)] };
    if (name === 'Build') {
      finishBuilder(w, b, scope);
      return NONE;
    }
    return b;
  }
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
    // r.PathPrefix("/static/").Handler(http.StripPrefix("/static/", http.FileServer(http.Dir("./static/")))).
    const server = target ? undefined : fileServerOf(w, b.handler, scope);
    const served = server && fileServerMount(b.prefix, server);
    if (served) emitStaticMount(w, b.router, 'gorilla-mux', served.prefix, served.dir, b.mw, b.at);
    return;
  }
  const fw = b.fw === 'unknown' ? w.frameworkOf(undefined, 'gorilla-mux') : b.fw;
  const path = b.prefix !== undefined ? joinRaw(b.prefix, b.path) : b.path;
  w.emitHandlerRoute({ k: 'ref', ref: b.router, mw: b.mw }, fw, b.methods?.length ? b.methods : ['ANY'], path, [b.handler], b.at, scope);
}

/** Iris party path: "admin." / "admin.example.com/x" name a subdomain, which is not part of the path. */
export function irisPartyPrefix(raw: string): string {
  const slash = raw.indexOf('/');
  const host = slash < 0 ? raw : raw.slice(0, slash);
  if (host.includes('.') || host === '*') return slash < 0 ? '' : raw.slice(slash);
  return raw;
}

/** GoFrame route pattern "[METHOD:]path[@domain]" (method ALL or absent: all methods). */
export function goframePattern(raw: string | undefined): { method: HttpMethod; path: string } | undefined {
  if (raw === undefined) return undefined;
  let rest = raw.trim();
  const at = rest.lastIndexOf('@');
  if (at > 0) rest = rest.slice(0, at);
  let method: HttpMethod = 'ANY';
  const colon = rest.indexOf(':');
  if (colon > 0 && !rest.slice(0, colon).includes('/')) {
    const m = methodFromString(rest.slice(0, colon));
    if (!m) return undefined;
    method = m;
    rest = rest.slice(colon + 1);
  }
  return rest.startsWith('/') ? { method, path: rest } : undefined;
}

/** The ref of a named type: package-qualified through the import when it is. */
function typeRef(type: GoTypeName, file: string, dir: string): RefExpr {
  return type.pkg ? { file, path: [type.pkg, type.name] } : { file: dir, path: [type.name] };
}

/**
 * go-restful WebService / Container methods: `ws.Path("/users")` (the service's own prefix),
 * `ws.Route(ws.GET("/{id}").To(h))`, `container.Add(ws)`, `ws.Filter(mw)`, documentation setters.
 */
function restfulMethod(w: GoRouteWalker, r: RouterVal, seg: ChainSegment, scope: Scope | undefined, verb: HttpMethod | undefined): Val | undefined {
  const { name, args } = seg;
  const at = seg.call;
  if (verb && args.length === 1) {
    const path = w.pathOf(args[0], scope, true);
    if (path === undefined) return undefined;
    return { k: 'builder', router: r.ref, fw: 'go-restful', known: true, at, path, methods: [verb], mw: r.mw ?? [] };
  }
  switch (name) {
    case 'Method': {
      const method = args[0] ? w.methodOf(args[0], scope) : undefined;
      return method ? { k: 'builder', router: r.ref, fw: 'go-restful', known: true, at, path: '', methods: [method], mw: r.mw ?? [] } : undefined;
    }
    case 'Path': {
      const prefix = w.pathOf(args[0], scope, true);
      if (prefix !== undefined) w.setRouterPrefix(r.ref, 'go-restful', prefix, at);
      return r;
    }
    case 'Route':
      for (const arg of args) if (arg.type === 'call_expression') w.chain(arg, scope);
      return r;
    case 'Add': {
      if (args.length !== 1) return undefined;
      const child = w.evalExpr(args[0]!, scope);
      const router = child.k === 'ref' ? child : w.asRouter(child, args[0]!);
      if (router) w.emitMount(r.ref, router.ref, '', r.mw ?? [], at, 'go-restful');
      return r;
    }
    case 'Filter':
      for (const mw of w.middlewareArgs(args)) {
        w.facts.push({ kind: 'router-middleware', framework: 'go-restful', router: r.ref, middleware: mw, pathPrefix: '', location: loc(w.file.path, at) });
      }
      return r;
    case 'Consumes': case 'Produces': case 'Doc': case 'ApiVersion': case 'Param': case 'Returns': case 'SetDynamicRoutes':
      return r;
    default:
      return undefined;
  }
}
