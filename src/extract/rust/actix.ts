// Actix-web builders: `App::new().service(..)`, `web::scope("/api")`, `web::resource("/x").route(web::get().to(h))`,
// `.route("/x", web::post().to(h))`, `.configure(config_fn)`, `.wrap(mw)`. Handlers declared with
// `#[get("/x")]` are routers of their own (attribute-routes.ts); `.service(handler)` mounts them.
import type { HttpMethod, MiddlewareRef } from '../../core/facts.js';
import { namedChildren, type Node } from '../tree-sitter/ast.js';
import { calleePath, methodChain, pathSegments, unwrapExpr, type MethodCall } from './ast.js';
import { methodNamed } from './attributes.js';
import type { Evaluator, RouterDialect, RouterValue } from './evaluator.js';
import { layerMiddleware } from './middleware-roles.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'actix';

/** `web::scope` or a bare `scope` when the file imports actix-web (`use actix_web::web::*`). */
function isWebFn(path: readonly string[] | undefined, name: string, ev: Evaluator): boolean {
  if (!path || path[path.length - 1] !== name) return false;
  if (path.length >= 2) return path[path.length - 2] === 'web';
  return ev.usesCrate('actix_web');
}

/** `.to(h)`, and actix-web 1.x's `.to_async(h)` for handlers returning futures. */
function isTo(name: string): boolean {
  return name === 'to' || name === 'to_async';
}

interface ActixRoute {
  methods: HttpMethod[];
  handler?: Node;
  middleware: MiddlewareRef[];
}

/** `web::get().to(h)`, `web::method(Method::PUT).to(h)`, `web::route().guard(guard::Post()).to(h)`, `web::to(h)`. */
function routeValue(expr: Node, ev: Evaluator): ActixRoute | undefined {
  const node = unwrapExpr(expr);
  if (node?.type !== 'call_expression') return undefined;
  const { base, calls } = methodChain(node);
  const path = calleePath(base);
  if (!path) return undefined;
  const name = path[path.length - 1]!;
  const qualified = path.length >= 2 ? path[path.length - 2] === 'web' : ev.usesCrate('actix_web');
  if (!qualified) return undefined;
  const methods: HttpMethod[] = [];
  let handler: Node | undefined;
  const middleware: MiddlewareRef[] = [];
  const verb = methodNamed(name);
  if (verb && verb !== 'QUERY') methods.push(verb);
  else if (name === 'method') methods.push(...methodsIn(namedChildren(fieldOf(base, 'arguments'))[0]));
  else if (isTo(name)) handler = namedChildren(fieldOf(base, 'arguments'))[0];
  else if (name !== 'route') return undefined;
  for (const call of calls) {
    if (isTo(call.name) && call.args[0]) handler = call.args[0];
    else if (call.name === 'method' || call.name === 'guard') methods.push(...methodsIn(call.args[0]));
    else if (call.name === 'wrap' && call.args[0]) middleware.push(...layerMiddleware(call.args[0], ev.file.path));
  }
  if (!handler) return undefined;
  return { methods: methods.length > 0 ? [...new Set(methods)] : ['ANY'], handler, middleware };
}

/** `Method::GET`, `http::Method::POST`, `guard::Get()`, `guard::Any(guard::Get()).or(guard::Post())`. */
function methodsIn(node: Node | undefined): HttpMethod[] {
  if (!node) return [];
  const out: HttpMethod[] = [];
  const candidates = [node, ...node.descendantsOfType(['scoped_identifier', 'identifier']).filter((n): n is Node => n !== null)];
  for (const candidate of candidates) {
    const path = pathSegments(candidate);
    if (!path || path.length < 2) continue;
    const [owner, name] = path.slice(-2) as [string, string];
    if (owner !== 'Method' && owner !== 'guard') continue;
    const method = methodNamed(name);
    if (method && !out.includes(method)) out.push(method);
  }
  return out;
}

function emitRoutes(ev: Evaluator, target: RouterValue, path: string, route: ActixRoute, at: Node, extra: MiddlewareRef[] = []): void {
  const handlerNode = route.handler && (route.handler.type === 'identifier' || route.handler.type === 'scoped_identifier') ? route.handler : undefined;
  const info = handlerNode ? ev.handler(handlerNode) : undefined;
  const middleware = [...extra, ...route.middleware, ...(info?.middleware ?? [])];
  for (const method of route.methods) {
    ev.route({
      framework: FRAMEWORK, method, path, router: target.ref,
      ...(info?.handler ? { handler: info.handler } : {}),
      ...(middleware.length > 0 ? { middleware } : {}),
    }, at);
  }
}

/** `web::resource("/x").route(..).to(..)` registered on `target`; false when `expr` is not a resource. */
function resource(ev: Evaluator, target: RouterValue, expr: Node): boolean {
  const node = unwrapExpr(expr);
  if (node?.type !== 'call_expression') return false;
  const { base, calls } = methodChain(node);
  if (!isWebFn(calleePath(base), 'resource', ev)) return false;
  const arg = namedChildren(fieldOf(base, 'arguments'))[0];
  const path = arg ? ev.stringOf(arg, ev.enclosingFn(node)) : undefined;
  if (path === undefined) return true;
  const wraps = calls.filter((c) => c.name === 'wrap' && c.args[0]).flatMap((c) => layerMiddleware(c.args[0]!, ev.file.path));
  for (const call of calls) {
    if (call.name === 'route' && call.args[0]) {
      const route = routeValue(call.args[0], ev);
      if (route) emitRoutes(ev, target, path, route, call.nameNode, wraps);
    } else if (isTo(call.name) && call.args[0]) {
      emitRoutes(ev, target, path, { methods: ['ANY'], handler: call.args[0], middleware: [] }, call.nameNode, wraps);
    } else {
      const method = methodNamed(call.name);
      if (method && call.args[0]) emitRoutes(ev, target, path, { methods: [method], handler: call.args[0], middleware: [] }, call.nameNode, wraps);
    }
  }
  return true;
}

/** `.service(x)`: a resource, a scope, a local scope, a scope-returning fn, or an attribute-routed handler. */
function service(ev: Evaluator, target: RouterValue, call: MethodCall): boolean {
  const arg = call.args[0];
  const fn = ev.enclosingFn(call.node);
  if (!arg || !fn) return false;
  if (resource(ev, target, arg)) return true;
  const node = unwrapExpr(arg);
  if (!node) return false;
  if (node.type === 'call_expression' && isStaticFiles(node)) {
    const pathArg = namedChildren(fieldOf(methodChain(node).base, 'arguments'))[0];
    const mountPath = pathArg ? ev.stringOf(pathArg, fn) : undefined;
    if (mountPath !== undefined) ev.route({ framework: FRAMEWORK, method: 'GET', path: `${mountPath.replace(/\/+$/, '')}/*`, router: target.ref }, call.nameNode);
    return true;
  }
  const value = ev.evaluate(node, fn);
  if (value) {
    ev.mount(FRAMEWORK, target.ref, value.ref, '', call.nameNode);
    return true;
  }
  if (node.type === 'identifier' || node.type === 'scoped_identifier') {
    const handler = ev.itemRef(node);
    if (handler) ev.mount(FRAMEWORK, target.ref, handler, '', call.nameNode);
    return true;
  }
  return false;
}

function isStaticFiles(node: Node): boolean {
  const path = calleePath(methodChain(node).base);
  return !!path && path.length >= 2 && path[path.length - 2] === 'Files' && path[path.length - 1] === 'new';
}

/** `.configure(f)`, `.configure(m::f)`, `.configure(|cfg| m::f(cfg))`, `.configure(|cfg| { cfg.service(..); })`. */
function configure(ev: Evaluator, target: RouterValue, call: MethodCall): boolean {
  const arg = unwrapExpr(call.args[0]);
  const fn = ev.enclosingFn(call.node);
  if (!arg || !fn) return false;
  if (arg.type === 'identifier' || arg.type === 'scoped_identifier') {
    const item = ev.itemRef(arg);
    if (item) ev.mount(FRAMEWORK, target.ref, { file: item.file, path: [...item.path, 'arg0'] }, '', call.nameNode);
    return true;
  }
  if (arg.type !== 'closure_expression') return false;
  const param = namedChildren(fieldOf(arg, 'parameters')).map((p) => (p.type === 'identifier' ? p : namedChildren(p)[0]))[0];
  const body = fieldOf(arg, 'body');
  if (!param || !body) return true;
  ev.bind(fn, param.text, target);
  const seen = new Set<number>();
  const calls = [body, ...body.descendantsOfType('call_expression').filter((n): n is Node => n !== null)]
    .filter((n) => n.type === 'call_expression' && n.parent?.type !== 'field_expression' && !seen.has(n.id) && seen.add(n.id));
  for (const inner of calls) {
    const args = namedChildren(fieldOf(inner, 'arguments'));
    const index = args.findIndex((a) => a.type === 'identifier' && a.text === param.text);
    const path = calleePath(inner);
    if (index >= 0 && path && fieldOf(inner, 'function')?.type !== 'field_expression') {
      const item = ev.mods.resolve(inner, path);
      if (item) ev.mount(FRAMEWORK, target.ref, { file: item.file, path: [...item.path, `arg${index}`] }, '', call.nameNode);
      continue;
    }
    ev.evaluate(inner, fn);
  }
  return true;
}

export const actixDialect: RouterDialect = {
  framework: FRAMEWORK,

  constructorOf(path, call, ev) {
    const [owner, name] = path.slice(-2);
    if (owner === 'App' && name === 'new' && (path.length > 2 || ev.usesCrate('actix_web'))) return { prefix: '', isApp: true };
    if (isWebFn(path, 'scope', ev)) {
      const arg = namedChildren(fieldOf(call, 'arguments'))[0];
      const prefix = arg ? ev.stringOf(arg, ev.enclosingFn(call)) : undefined;
      return prefix === undefined ? undefined : { prefix, isApp: false };
    }
    return undefined;
  },

  isRouterOp(call, ev) {
    if (call.name === 'service' || call.name === 'configure' || call.name === 'default_service') return true;
    if (call.name === 'route' && call.args.length === 2) return routeValue(call.args[1]!, ev) !== undefined;
    return false;
  },

  applyOp(ev, target, call) {
    if (target.framework && target.framework !== FRAMEWORK) return false;
    switch (call.name) {
      case 'service':
        return service(ev, target, call);
      case 'route': {
        if (call.args.length !== 2) return false;
        const route = routeValue(call.args[1]!, ev);
        const path = ev.stringOf(call.args[0]!, ev.enclosingFn(call.node));
        if (!route || path === undefined) return false;
        emitRoutes(ev, target, path, route, call.nameNode);
        return true;
      }
      case 'configure':
        return configure(ev, target, call);
      case 'wrap': {
        if (!call.args[0]) return false;
        ev.router(FRAMEWORK, target.ref, call.nameNode, { middleware: layerMiddleware(call.args[0], ev.file.path) });
        return true;
      }
      case 'default_service':
        return true;
      default:
        return false;
    }
  },
};
