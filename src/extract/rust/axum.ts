// axum (and aide / utoipa-axum routers built on it): `Router::new().route("/x", get(h).post(h2))`,
// `.nest("/api", users::router())`, `.merge(..)`, `.nest_service`, `.route_service`, `.fallback`,
// `.layer(from_fn(auth))`, `OpenApiRouter::new().routes(routes!(h))`.
import type { HttpMethod, MiddlewareRef } from '../../core/facts.js';
import type { Node } from '../tree-sitter/ast.js';
import { namedChildren } from '../tree-sitter/ast.js';
import { calleePath, methodChain, pathSegments, stringValue, tokenGroups, tokenPath, unwrapExpr, type MethodCall } from './ast.js';
import { methodNamed, utoipaTags } from './attributes.js';
import type { Evaluator, RouterDialect, RouterValue } from './evaluator.js';
import { layerMiddleware } from './middleware-roles.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'axum';
const ROUTER_TYPES = new Set(['Router', 'ApiRouter', 'OpenApiRouter']);
const ROUTER_OPS = new Set([
  'route', 'api_route', 'api_route_with', 'nest', 'nest_api_service', 'nest_service', 'merge', 'route_service',
  'fallback', 'fallback_service', 'routes', 'route_layer',
]);

interface MethodEntry {
  method: HttpMethod;
  handler?: Node;
  middleware: MiddlewareRef[];
}

/** `get(h).post(h2)`, `on(MethodFilter::GET, h)`, `get_with(h, op)`, `any_service(svc)` -> methods with handlers. */
export function methodRouterEntries(expr: Node, file: string): MethodEntry[] {
  const node = unwrapExpr(expr);
  if (node?.type !== 'call_expression') return [];
  const { base, calls } = methodChain(node);
  const out: MethodEntry[] = [];
  const basePath = calleePath(base);
  // Actix routes (`web::get().to(h)`) have the same verbs: they are not axum method routers.
  if (!basePath || basePath[basePath.length - 2] === 'web' || calls.some((c) => c.name === 'to' || c.name === 'to_async')) return [];
  const baseName = basePath[basePath.length - 1]!;
  if (!(basePath.length >= 2 && basePath[basePath.length - 2] === 'MethodRouter' && baseName === 'new')) {
    const entries = verbEntries(baseName, namedChildren(fieldOf(base, 'arguments')));
    if (entries.length === 0) return [];
    out.push(...entries);
  }
  for (const call of calls) {
    if (call.name === 'layer' || call.name === 'route_layer') {
      const mws = call.args[0] ? layerMiddleware(call.args[0], file) : [];
      for (const entry of out) entry.middleware.push(...mws);
      continue;
    }
    out.push(...verbEntries(call.name, call.args));
  }
  return out;
}

function verbEntries(name: string, args: Node[]): MethodEntry[] {
  if (name === 'on' || name === 'on_service') {
    const filter = args[0];
    const methods = filter ? methodFilterMethods(filter) : [];
    return methods.map((method) => ({ method, ...(args[1] && name === 'on' ? { handler: args[1] } : {}), middleware: [] }));
  }
  const isService = name.endsWith('_service');
  const verb = name.replace(/_(service|with)$/, '');
  const method = verb === 'any' ? 'ANY' : methodNamed(verb);
  if (!method || method === 'CONNECT' && verb !== 'connect') return [];
  return [{ method, ...(!isService && args[0] ? { handler: args[0] } : {}), middleware: [] }];
}

/** `MethodFilter::GET`, `MethodFilter::GET.or(MethodFilter::POST)`, `MethodFilter::GET | MethodFilter::PUT`. */
function methodFilterMethods(filter: Node): HttpMethod[] {
  const out: HttpMethod[] = [];
  const nodes = [filter, ...filter.descendantsOfType('scoped_identifier').filter((n): n is Node => n !== null)];
  for (const node of nodes) {
    if (node.type !== 'scoped_identifier') continue;
    const path = pathSegments(node);
    if (!path || path[path.length - 2] !== 'MethodFilter') continue;
    const method = methodNamed(path[path.length - 1]!);
    if (method && !out.includes(method)) out.push(method);
  }
  return out;
}

/** aide `api_route_with(path, mr, |op| op.tag("Admin"))`: tags set in the transform closure. */
function closureTags(node: Node | undefined): string[] {
  if (node?.type !== 'closure_expression') return [];
  const tags: string[] = [];
  for (const call of node.descendantsOfType('call_expression')) {
    if (!call) continue;
    const fn = fieldOf(call, 'function');
    if (fn?.type !== 'field_expression' || fieldOf(fn, 'field')?.text !== 'tag') continue;
    const value = stringValue(namedChildren(fieldOf(call, 'arguments'))[0]);
    if (value) tags.push(value);
  }
  return tags;
}

const STATIC_SERVICES = /^(ServeDir|ServeFile|SpaRouter|Files|MemoryServe)$/;

function isStaticService(expr: Node): boolean {
  const node = unwrapExpr(expr);
  if (node?.type !== 'call_expression') return false;
  const { base } = methodChain(node);
  const path = calleePath(base);
  return !!path && path.some((s) => STATIC_SERVICES.test(s));
}

function addRoutes(ev: Evaluator, target: RouterValue, call: MethodCall): void {
  const [pathArg, mrArg, transform] = call.args;
  const path = pathArg ? ev.stringOf(pathArg, ev.enclosingFn(call.node)) : undefined;
  if (path === undefined || !mrArg) return;
  const extraTags = closureTags(transform);
  for (const entry of methodRouterEntries(mrArg, ev.file.path)) {
    const info = entry.handler && isPathLike(entry.handler) ? ev.handler(entry.handler) : undefined;
    const tags = [...(info?.fn ? utoipaTags(info.fn) : []), ...extraTags];
    const middleware = [...entry.middleware, ...(info?.middleware ?? [])];
    ev.route({
      framework: FRAMEWORK, method: entry.method, path, router: target.ref,
      ...(info?.handler ? { handler: info.handler } : {}),
      ...(middleware.length > 0 ? { middleware } : {}),
      ...(tags.length > 0 ? { openapiTags: tags } : {}),
    }, call.nameNode);
  }
}

function isPathLike(node: Node): boolean {
  return node.type === 'identifier' || node.type === 'scoped_identifier';
}

function childRouter(ev: Evaluator, expr: Node, at: Node): RouterValue | undefined {
  const fn = ev.enclosingFn(at);
  if (!fn) return undefined;
  const node = unwrapExpr(expr);
  if (!node) return undefined;
  return ev.evaluate(node, fn) ?? (node.type === 'call_expression' && !methodChain(node).calls.length ? ev.callValue(node) : undefined);
}

// An app's own route builder returned from a `-> Router` function:
// `AuthedRouteBuilder::new().get("/x", h, perms).unauthenticated_post("/y", h2).build()`.
const CUSTOM_BUILDER = /^[A-Z][A-Za-z0-9]*Route(r)?Builder$/;
const CUSTOM_VERB = /^(?:[a-z]+_)?(get|post|put|patch|delete)$/;

function returnsAxumRouter(fn: Node | undefined): boolean {
  const type = fieldOf(fn, 'return_type');
  return !!type && ['Router', 'ApiRouter'].includes(pathSegments(type)?.pop() ?? '');
}

function customVerb(ev: Evaluator, target: RouterValue, call: MethodCall): boolean {
  const verb = CUSTOM_VERB.exec(call.name)?.[1];
  const [pathArg, handler] = call.args;
  const path = verb && pathArg ? ev.stringOf(pathArg, ev.enclosingFn(call.node)) : undefined;
  if (!verb || path === undefined || !handler || !isPathLike(handler)) return true;
  const info = ev.handler(handler);
  ev.route({
    framework: FRAMEWORK, method: methodNamed(verb)!, path, router: target.ref, handler: info.handler,
    ...(info.middleware.length > 0 ? { middleware: info.middleware } : {}),
  }, call.nameNode);
  return true;
}

export const axumDialect: RouterDialect = {
  framework: FRAMEWORK,

  constructorOf(path, call, ev) {
    const [type, fn] = path.slice(-2);
    if (type && ROUTER_TYPES.has(type) && (fn === 'new' || fn === 'with_openapi' || fn === 'default')) return { prefix: '', isApp: false };
    if (type && fn === 'new' && CUSTOM_BUILDER.test(type) && returnsAxumRouter(ev.enclosingFn(call))) return { prefix: '', isApp: false };
    return undefined;
  },

  onConstruct(_ev, value, call) {
    const type = calleePath(call)?.slice(-2)[0];
    if (type && !ROUTER_TYPES.has(type)) value.state = { customBuilder: true };
  },

  isRouterOp(call) {
    if (!ROUTER_OPS.has(call.name)) return false;
    if (call.name === 'route' || call.name === 'api_route') return call.args.length === 2;
    if (call.name === 'routes') return call.args[0]?.type === 'macro_invocation';
    return true;
  },

  applyOp(ev, target, call) {
    if (target.framework && target.framework !== FRAMEWORK) return false;
    const fn = ev.enclosingFn(call.node);
    if (target.state?.customBuilder) return customVerb(ev, target, call);
    switch (call.name) {
      case 'route': case 'api_route': case 'api_route_with':
        if (call.args.length < 2 || methodRouterEntries(call.args[1]!, ev.file.path).length === 0) return false;
        addRoutes(ev, target, call);
        return true;
      case 'route_service': {
        const path = call.args[0] ? ev.stringOf(call.args[0], fn) : undefined;
        if (path === undefined) return false;
        ev.route({ framework: FRAMEWORK, method: 'ANY', path, router: target.ref }, call.nameNode);
        return true;
      }
      case 'nest': case 'nest_api_service': case 'nest_service': {
        const [pathArg, childArg] = call.args;
        const prefix = pathArg ? ev.stringOf(pathArg, fn) : undefined;
        if (prefix === undefined || !childArg) return false;
        if (call.name === 'nest_service' && isStaticService(childArg)) {
          ev.route({ framework: FRAMEWORK, method: 'ANY', path: `${prefix.replace(/\/+$/, '')}/*`, router: target.ref }, call.nameNode);
          return true;
        }
        const child = childRouter(ev, childArg, call.node);
        if (!child) return call.name !== 'nest_service' ? false : true;
        ev.mount(FRAMEWORK, target.ref, child.ref, prefix, call.nameNode);
        return true;
      }
      case 'merge': {
        const child = call.args[0] ? childRouter(ev, call.args[0], call.node) : undefined;
        if (!child) return false;
        ev.mount(FRAMEWORK, target.ref, child.ref, '', call.nameNode);
        return true;
      }
      case 'fallback': case 'fallback_service':
        if (call.args.length !== 1) return false;
        ev.route({ framework: FRAMEWORK, method: 'ANY', path: '/*', router: target.ref }, call.nameNode);
        return true;
      case 'layer': case 'route_layer': {
        if (!call.args[0]) return false;
        ev.wrapRegistered(target.ref, layerMiddleware(call.args[0], ev.file.path));
        return true;
      }
      case 'routes': {
        const mac = call.args[0];
        if (mac?.type !== 'macro_invocation' || pathSegments(fieldOf(mac, 'macro'))?.pop() !== 'routes') return false;
        const tree = namedChildren(mac).find((c) => c.type === 'token_tree');
        for (const group of tokenGroups(tree)) {
          const segs = tokenPath(group);
          const ref = segs ? ev.mods.resolve(mac, segs) : undefined;
          if (ref) ev.mount(FRAMEWORK, target.ref, ref, '', group[0]!);
        }
        return true;
      }
      default:
        return false;
    }
  },
};
