// Vert.x Web (io.vertx.ext.web.Router) routes, in Java and Kotlin:
// - `router.get("/x").handler(h)`, `router.post(...)`, ..., `router.query(...)`, `getWithRegex(...)`;
// - `router.route("/x").handler(h)` (every method), `router.route(HttpMethod.POST, "/x")`,
//   `router.route().method(HttpMethod.GET).path("/x")`, `router.route("/x").method(A).method(B)`,
//   `router.route("/x").get(h)` style method restrictions, `routeWithRegex(...)` / `pathRegex(...)`;
// - sub-routers: `router.mountSubRouter("/api", api)`, `router.route("/api/*").subRouter(api)` are mounts
//   between router references; a sub-router whose routes are unknown (a call result, or a router with
//   nothing registered in the file) is an every-method route at the mount point;
// - routers passed to methods (`UserRoutes.register(router)`, `new Api().mount(router)`, a method of the
//   same class): the method's Router parameter is a router reference ({ file: 'jvm:<pkg>',
//   path: [Class, method, 'argN'] }) mounted under the caller's router.
// Routes whose only handlers are middleware factories (`BodyHandler.create()`, `CorsHandler.create()`,
// ...) are middleware, not endpoints; `StaticHandler.create()` serves GET.
import type { Fact, HttpMethod, RefExpr } from '../../../core/facts.js';
import { descendants, loc, namedChildren, type Node } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { callView, type CallView } from '../calls.js';
import type { JvmFile } from '../jvm-source.js';
import { packageRefFile, typeRefs, type StrValue } from '../values.js';
import { bindingOf, enclosingClassName, functionName, methodMounts, type Binding, type BindingKind } from './bindings.js';
import { EMPTY, callsIn, constructedType, dedupeFacts, guarded, dslOutline, dslRouteFacts, importsFrom, pathArg, verbOf } from './common.js';

const FRAMEWORK = 'vertx';
const VERB_CALLS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', delete: 'DELETE', patch: 'PATCH', head: 'HEAD', options: 'OPTIONS', trace: 'TRACE', connect: 'CONNECT', query: 'QUERY',
};
const HANDLER_CALLS = new Set(['handler', 'blockingHandler', 'respond', 'coHandler', 'coRespond', 'subRouter', 'send']);
/** Handler factories that serve requests (the rest of `*Handler.create()` are middleware). */
const SERVING_HANDLERS = new Set(['StaticHandler', 'TemplateHandler', 'SockJSHandler', 'FaviconHandler', 'GraphQLHandler', 'ApolloWSHandler', 'GraphiQLHandler']);

interface RouteChain {
  methods: HttpMethod[];
  path: StrValue | undefined;
  isRegex: boolean;
  handlers: Node[];
  subRouter?: Node;
  at: Node;
}

/** Calls that take `call` as their receiver, innermost first (`call.a().b()` -> [a, b]). */
function outerCalls(call: CallView): CallView[] {
  const out: CallView[] = [];
  let node: Node = call.node;
  for (let depth = 0; depth < 32; depth++) {
    let parent = node.parent;
    if (parent?.type === 'navigation_expression') parent = parent.parent;
    const outer = callView(parent);
    if (!outer?.receiver) break;
    const receiver = outer.receiver.type === 'navigation_expression' ? outer.receiver : outer.receiver;
    if (receiver.id !== node.id && namedChildren(receiver)[0]?.id !== node.id) break;
    out.push(outer);
    node = outer.node;
  }
  return out;
}

function isRouterType(type: string | undefined): boolean {
  return !!type && /(^|\.)Router$/.test(type.replace(/[?<].*$/s, '').trim());
}

function isRouterInit(node: Node | undefined): boolean {
  if (!node) return false;
  const call = callView(node);
  return !!call && call.name === 'router' && !!call.receiver && /(^|\.)Router$/.test(call.receiver.text);
}

const ROUTER_KIND: BindingKind = { isType: isRouterType, isInit: isRouterInit };

function routerBinding(file: JvmFile, node: Node | undefined): Binding | undefined {
  return bindingOf(file, node, ROUTER_KIND);
}

/** Every-method route, or the methods a chain restricts it to. */
function readChain(file: JvmFile, start: CallView, outer: CallView[]): RouteChain | undefined {
  const chain: RouteChain = { methods: [], path: undefined, isRegex: false, handlers: [], at: start.nameNode };
  const name = start.name;
  const startVerb = VERB_CALLS[name.replace(/WithRegex$/, '')];
  if (startVerb) {
    if (start.args.length !== 1) return undefined;
    chain.methods.push(startVerb);
    chain.path = pathArg(file, start.args[0]);
    chain.isRegex = name.endsWith('WithRegex');
  } else if (name === 'route' || name === 'routeWithRegex') {
    const args = start.args;
    chain.isRegex = name === 'routeWithRegex';
    if (args.length === 2) {
      const verb = verbOf(args[0]);
      if (!verb) return undefined;
      chain.methods.push(verb);
      chain.path = pathArg(file, args[1]);
    } else if (args.length === 1) chain.path = pathArg(file, args[0]);
    else if (args.length > 2) return undefined;
  } else return undefined;
  for (const call of outer) {
    const verb = VERB_CALLS[call.name];
    if (call.name === 'method' && call.args.length === 1) {
      const m = verbOf(call.args[0]);
      if (m && !chain.methods.includes(m)) chain.methods.push(m);
    } else if ((call.name === 'path' || call.name === 'pathRegex') && call.args.length === 1) {
      chain.path = pathArg(file, call.args[0]);
      chain.isRegex = call.name === 'pathRegex';
    } else if (verb && call.args.length === 1 && !isPathArg(call.args[0]!)) {
      // `route("/x").get(handler)`: a method restriction with its handler.
      if (!chain.methods.includes(verb)) chain.methods.push(verb);
      chain.handlers.push(call.args[0]!);
    } else if (call.name === 'subRouter' && call.args.length === 1) {
      chain.subRouter = call.args[0]!;
    } else if (HANDLER_CALLS.has(call.name)) {
      const arg = call.args[0] ?? call.lambda;
      if (arg) chain.handlers.push(arg);
    }
  }
  return chain;
}

function isPathArg(node: Node): boolean {
  return node.type === 'string_literal' || node.type === 'binary_expression' || node.type === 'additive_expression';
}

/** `BodyHandler.create()` -> 'BodyHandler'; undefined for anything but a `*Handler.create(...)` factory. */
function handlerFactory(node: Node): string | undefined {
  const call = callView(node);
  if (!call || call.name !== 'create' || !call.receiver) return undefined;
  const type = call.receiver.text.split('.').pop() ?? '';
  return /Handler$/.test(type) ? type : undefined;
}

/** Router facts of one file. */
function vertxFacts(file: JvmFile): Fact[] {
  const out: Fact[] = [];
  const calls = callsIn(file);
  // Routers that get routes or are handed to other code in this file: sub-routers with known content.
  const routed = new Set<string>();
  const passed = new Map<string, number>();
  const bindingKey = (b: Binding) => `${b.ref.file}#${b.ref.path.join('.')}`;
  const pending: { chain: RouteChain; router: Binding }[] = [];

  for (const call of calls) {
    const router = call.receiver ? routerBinding(file, call.receiver) : undefined;
    for (const arg of call.args) {
      const passedRouter = arg.type === 'identifier' || arg.type === 'simple_identifier' ? routerBinding(file, arg) : undefined;
      if (passedRouter) passed.set(bindingKey(passedRouter), (passed.get(bindingKey(passedRouter)) ?? 0) + 1);
    }
    if (!router) {
      out.push(...methodMounts(file, call, FRAMEWORK, ROUTER_KIND));
      continue;
    }
    if (call.name === 'mountSubRouter' && call.args.length === 2) {
      const child = call.args[1]!;
      const prefix = pathArg(file, call.args[0]);
      pending.push({ chain: { methods: [], path: prefix, isRegex: false, handlers: [], subRouter: child, at: call.nameNode }, router });
      continue;
    }
    const chain = readChain(file, call, outerCalls(call));
    if (!chain) continue;
    routed.add(bindingKey(router));
    pending.push({ chain, router });
  }
  pending.forEach(({ chain, router }, index) => {
    if (chain.subRouter) {
      out.push(...subRouterFacts(file, chain, router, routed, passed));
      return;
    }
    if (!chain.path || chain.path.kind === 'unknown') return; // `router.route().handler(...)`: every path, middleware-like
    if (chain.handlers.length === 0) return; // nothing handles it (yet): not an endpoint
    const factories = chain.handlers.map(handlerFactory);
    if (factories.every((f) => f !== undefined && !SERVING_HANDLERS.has(f))) return; // middleware
    const methods: HttpMethod[] = chain.methods.length ? chain.methods : factories.some((f) => f === 'StaticHandler') ? ['GET'] : ['ANY'];
    if (methods[0] === 'ANY' && coveredLater(chain.path, bindingKey(router), pending.slice(index + 1), bindingKey)) return; // a filter before them
    for (const method of methods) {
      out.push(...dslRouteFacts(file, FRAMEWORK, { method, path: chain.path!, at: chain.at, router: router.ref, ...(chain.isRegex ? { isRegex: true } : {}) }));
    }
  });
  out.push(...returnMounts(file));
  return out;
}

/**
 * `router.route("/user").handler(auth)` followed by `router.get("/user")...` on the same router: the
 * every-method route is a filter (it calls next()) in front of the method routes, not an endpoint.
 */
function coveredLater(path: StrValue, routerKey: string, later: readonly { chain: RouteChain; router: Binding }[], keyOf: (b: Binding) => string): boolean {
  if (path.kind !== 'literal') return false;
  const wildcard = path.text.endsWith('*') ? path.text.slice(0, -1) : undefined;
  return later.some(({ chain, router }) => {
    if (keyOf(router) !== routerKey || chain.methods.length === 0 || chain.path?.kind !== 'literal') return false;
    return chain.path.text === path.text || (wildcard !== undefined && chain.path.text.startsWith(wildcard));
  });
}

/** `return router;` in a method: the method's result ({ jvm:<pkg>, [Class, method, 'return'] }) is that router. */
function returnMounts(file: JvmFile): Fact[] {
  const out: Fact[] = [];
  const types = file.language === 'java' ? ['return_statement'] : ['return_expression', 'jump_expression'];
  for (const statement of descendants(file.root, types)) {
    const value = statement ? namedChildren(statement)[0] : undefined;
    if (!statement || !value || (value.type !== 'identifier' && value.type !== 'simple_identifier')) continue;
    const router = routerBinding(file, value);
    if (!router) continue;
    let fn: Node | null = statement.parent;
    while (fn && !['method_declaration', 'function_declaration', 'lambda_expression', 'lambda_literal'].includes(fn.type)) fn = fn.parent;
    if (!fn || fn.type.startsWith('lambda')) continue;
    out.push({
      kind: 'mount', framework: FRAMEWORK, parent: { file: packageRefFile(file.packageName), path: [...(enclosingClassName(file, fn) ?? []), functionName(fn), 'return'] },
      child: router.ref, prefix: '', location: loc(file.path, statement),
    });
  }
  return out;
}

/** The router a sub-router call returns: `createApi(vertx)`, `new Api().router()`, `Api.create(vertx)`. */
function returnedRouter(file: JvmFile, node: Node): RefExpr | undefined {
  const call = callView(node);
  if (!call) return undefined;
  if (!call.receiver || call.receiver.type === 'this' || call.receiver.type === 'this_expression') {
    const cls = enclosingClassName(file, node);
    return cls ? { file: packageRefFile(file.packageName), path: [...cls, call.name, 'return'] } : undefined;
  }
  const type = constructedType(call.receiver) ?? (/^[A-Z][\w.]*$/.test(call.receiver.text) ? call.receiver.text : undefined);
  const owner = type ? typeRefs(file, type)[0] : undefined;
  return owner ? { file: owner.file, path: [...owner.path, call.name, 'return'] } : undefined;
}

/** `router.route("/api/*").subRouter(api)` / `mountSubRouter("/api", api)`: a mount, or an every-method route. */
function subRouterFacts(file: JvmFile, chain: RouteChain, parent: Binding, routed: Set<string>, passed: Map<string, number>): Fact[] {
  const child = chain.subRouter!;
  const path = chain.path ?? EMPTY;
  if (path.kind === 'unknown') return [];
  const location = loc(file.path, chain.at);
  const childBinding = routerBinding(file, child);
  const prefix = stripWildcard(path);
  if (childBinding) {
    const key = `${childBinding.ref.file}#${childBinding.ref.path.join('.')}`;
    const known = routed.has(key) || (passed.get(key) ?? 0) > 1 || !childBinding.local;
    if (known) {
      if (prefix.kind === 'literal') return [{ kind: 'mount', framework: FRAMEWORK, parent: parent.ref, child: childBinding.ref, prefix: prefix.text, location }];
      if (prefix.kind === 'ref') return [{ kind: 'mount', framework: FRAMEWORK, parent: parent.ref, child: childBinding.ref, prefix: prefix.fallback, prefixRef: prefix.ref, location }];
      return [];
    }
  }
  const returned = childBinding ? undefined : returnedRouter(file, child);
  if (returned && !servingHandlerChain(child)) {
    if (prefix.kind === 'literal') return [{ kind: 'mount', framework: FRAMEWORK, parent: parent.ref, child: returned, prefix: prefix.text, location }];
    if (prefix.kind === 'ref') return [{ kind: 'mount', framework: FRAMEWORK, parent: parent.ref, child: returned, prefix: prefix.fallback, prefixRef: prefix.ref, location }];
    return [];
  }
  // A sub-router whose routes cannot be known (an in-file router given nothing, a handler's router
  // such as `SockJSHandler.create(vertx).bridge(...)`): the mount point serves every method.
  if (!childBinding && !servingHandlerChain(child)) return [];
  return dslRouteFacts(file, FRAMEWORK, { method: 'ANY', path, at: chain.at, router: parent.ref });
}

/** True when a sub-router expression comes from a serving handler factory (`SockJSHandler.create(vertx).bridge(opts)`). */
function servingHandlerChain(node: Node): boolean {
  let call = callView(node);
  for (let depth = 0; call && depth < 8; depth++) {
    const receiver = call.receiver?.text.split('.').pop() ?? '';
    if (SERVING_HANDLERS.has(receiver)) return true;
    call = call.receiver ? callView(call.receiver) : undefined;
  }
  return false;
}

function stripWildcard(path: StrValue): StrValue {
  if (path.kind === 'literal') return { kind: 'literal', text: path.text.replace(/\/?\*$/, '') };
  if (path.kind === 'ref') return { ...path, suffix: path.suffix.replace(/\/?\*$/, '') };
  return path;
}

export const vertxRoutes: Extractor = {
  id: 'vertx/routes',
  languages: ['java', 'kotlin'],
  keywords: ['io.vertx'],
  extract(parsed) {
    const file = dslOutline(parsed);
    if (!file || !importsFrom(file, 'io.vertx')) return [];
    return guarded(() => dedupeFacts(vertxFacts(file)));
  },
};
