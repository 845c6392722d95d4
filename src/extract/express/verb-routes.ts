// The verb-DSL route scanner shared by Express, Koa, Fastify and Hono: `X.get(path, ...handlers)`,
// `X.use(prefix, child)`, `X.route(...)`, `X.register(plugin, { prefix })`, `X.on(method, path)`.
// One scan covers one framework; receivers of other frameworks are left to their own scan.
import type * as t from '@babel/types';
import type { Fact, HttpMethod, MiddlewareRef, RouteFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { autoloadPrefix, fastifyHook, fastifyOptions, fastifyRegister, fastifyRouteObject, pluginFunction } from '../fastify/plugins.js';
import { honoMount, honoOn, honoOpenapi, honoServe } from '../hono/app-calls.js';
import { memberPath, walk, type Node } from '../javascript/ast.js';
import { middlewareRef } from '../javascript/middleware-roles.js';
import { isFunctionNode, unwrap, type ScopeOwner } from './bindings.js';
import { isTestFile, methodFromString, verbMethod, type JsFramework } from './frameworks.js';
import { callWithRouterArgs, exportedRoutes, use } from './mounts.js';
import { fileKind, RouterScan, type RouterInfo } from './router-scan.js';
import { swaggerTags } from './swagger-tags.js';
import { middlewareName, propertyNode, propName, statementOf, wildcardPrefix } from './syntax.js';

/** `generated`: one of the paths a registration inside a loop over a constant array stands for. */
export interface PathSpec { path: string; isRegex?: boolean; generated?: boolean }

const LOGIN_STEP_OPTIONS = new Set(['successRedirect', 'failureRedirect', 'successReturnToOrRedirect']);

/**
 * `passport.authenticate('local', ...)`, `passport.authenticate('google', { failureRedirect })`: the
 * login step itself (credentials in the body, or a redirect-based sign-in), not a guard that
 * rejects requests without credentials.
 */
function isPassportLoginStep(call: t.CallExpression): boolean {
  const callee = unwrap(call.callee as Node);
  if (callee?.type !== 'MemberExpression' || propName(callee) !== 'authenticate') return false;
  const strategy = unwrap(call.arguments[0] as Node | undefined);
  if (strategy?.type === 'StringLiteral' && strategy.value === 'local') return true;
  const options = unwrap(call.arguments[1] as Node | undefined);
  if (options?.type !== 'ObjectExpression') return false;
  return options.properties.some((p) => p.type === 'ObjectProperty' && !p.computed
    && ((p.key.type === 'Identifier' && LOGIN_STEP_OPTIONS.has(p.key.name)) || (p.key.type === 'StringLiteral' && LOGIN_STEP_OPTIONS.has(p.key.value))));
}

export class VerbScanner {
  readonly scan: RouterScan;
  readonly fw: JsFramework;

  constructor(file: ParsedFile, program: t.Program, framework: JsFramework) {
    this.scan = new RouterScan(file, program, framework);
    this.fw = framework;
  }

  run(): Fact[] {
    const { scan } = this;
    const program = scan.program;
    // Pass 1: creations (so prefixes and class fields are known) and plugin registrations.
    walk(program, (node, ancestors) => {
      if (node.type !== 'CallExpression' && node.type !== 'NewExpression') return undefined;
      const scope = scan.bindings.scopeOf(ancestors);
      scan.routerForCreation(node, scope);
      if (this.fw === 'fastify' && node.type === 'CallExpression') {
        const callee = unwrap(node.callee as Node);
        if (callee?.type === 'MemberExpression' && propName(callee) === 'register') {
          const fn = pluginFunction(this, node.arguments[0] as Node | undefined, scope);
          if (fn) scan.markRegistered(fn);
        }
      }
      return undefined;
    });
    // Pass 2: every call on a router.
    walk(program, (node, ancestors) => {
      if (node.type === 'CallExpression') this.call(node, scan.bindings.scopeOf(ancestors), ancestors);
      else if (node.type === 'ReturnStatement') this.returnedRouter(node.argument as Node | null, scan.enclosingFunction(node), ancestors);
      else if (node.type === 'ArrowFunctionExpression' && node.body.type !== 'BlockStatement') this.returnedRouter(node.body as Node, node, [...ancestors, node]);
      return undefined;
    });
    if (this.fw === 'fastify') autoloadPrefix(this);
    const byPosition = [...scan.facts].sort((a, b) =>
      a.location.startLine - b.location.startLine || a.location.startColumn - b.location.startColumn);
    return [...scan.routerFacts(), ...byPosition];
  }


  // ---------------------------------------------------------------- dispatch

  private call(call: t.CallExpression, scope: ScopeOwner[], ancestors: readonly Node[]): void {
    const callee = unwrap(call.callee as Node);
    if (!callee) return;
    if (callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') {
      callWithRouterArgs(this, call, scope);
      return;
    }
    const name = propName(callee);
    if (!name) return;
    const object = callee.object as Node;
    if (this.fw === 'express' && unwrap(object)?.type === 'ThisExpression' && name === 'route') {
      this.promiseRouterRoute(call, scope);
      return;
    }
    const method = verbMethod(this.fw, name);
    if (method) {
      const chain = this.fw === 'express' ? this.routeChain(object, scope) : undefined;
      if (chain) {
        this.emitRoutes(call, callee, chain.router, method, chain.paths, call.arguments as Node[], scope, ancestors);
        return;
      }
      const router = this.scan.receiver(object, scope);
      if (router) this.verb(call, callee, router, method, scope, ancestors);
      return;
    }
    if (name === 'createServer') {
      for (const arg of call.arguments) if (this.scan.receiver(arg as Node, scope)?.isApp) this.serviceEntry(call);
      return;
    }
    if (name === 'serve' && this.fw === 'hono') {
      honoServe(this, call, scope);
      return;
    }
    const router = this.scan.receiver(object, scope);
    if (!router) return;
    switch (name) {
      case 'routes': case 'middleware':
        if (this.fw === 'koa') exportedRoutes(this, call, router);
        break;
      case 'use':
        use(this, call, router, call.arguments as Node[], scope);
        break;
      case 'route':
        if (this.fw === 'fastify') fastifyRouteObject(this, call, router, scope, ancestors);
        else if (this.fw === 'hono') honoMount(this, call, router, scope);
        break;
      case 'on':
        if (this.fw === 'hono') honoOn(this, call, callee, router, scope, ancestors);
        break;
      case 'openapi':
        if (this.fw === 'hono') honoOpenapi(this, call, callee, router, scope, ancestors);
        break;
      case 'register':
        if (this.fw === 'fastify') fastifyRegister(this, call, router, scope);
        break;
      case 'prefix':
        if (this.fw === 'koa') {
          const prefix = this.scan.folder.string(call.arguments[0] as Node, scope);
          if (prefix !== undefined) this.scan.setPrefix(router, prefix);
        }
        break;
      case 'basePath':
        if (this.fw === 'hono' && this.scan.parentOf(call)?.type === 'ExpressionStatement') {
          const prefix = this.scan.folder.string(call.arguments[0] as Node, scope);
          if (prefix !== undefined) this.scan.setPrefix(router, prefix);
        }
        break;
      case 'addHook':
        if (this.fw === 'fastify') fastifyHook(this, call, router, scope);
        break;
      case 'listen':
        if (router.isApp || router.origin === 'created') this.serviceEntry(call);
        break;
      default:
        break;
    }
  }


  /**
   * `module.exports = function () { ...; return router }` with `router` made at module level: calling
   * the function gives that router, so the function's reference (what `require('./x')()` mounts)
   * is an alias of it. Routers made inside the function are already named after it.
   */
  private returnedRouter(value: Node | null, fn: Node | undefined, ancestors: readonly Node[]): void {
    const v = unwrap(value ?? undefined);
    if (!v || !fn || !isFunctionNode(fn) || (v.type !== 'Identifier' && v.type !== 'MemberExpression')) return;
    const router = this.scan.receiver(v, this.scan.bindings.scopeOf(ancestors));
    if (!router || router.origin !== 'created') return;
    const local = this.scan.functionRef(fn);
    if (local.join('.') === router.ref.join('.') || local[0]!.startsWith('__router_')) return;
    this.scan.facts.push({ kind: 'alias', local: local.join('.'), target: { file: this.scan.file.path, path: router.ref }, location: this.scan.loc(v) });
  }

  serviceEntry(call: Node): void {
    this.scan.facts.push({ kind: 'service-entry', framework: this.fw, location: this.scan.loc(call) });
  }

  // ---------------------------------------------------------------- routes

  /** `X.route('/p')` at the root of `.get(h).post(h)`: the router and paths, for Express. */
  routeChain(object: Node, scope: ScopeOwner[]): { router: RouterInfo; paths: PathSpec[] } | undefined {
    let cur = unwrap(object);
    for (let depth = 0; cur && depth < 16; depth++) {
      if (cur.type !== 'CallExpression') return undefined;
      const callee = unwrap(cur.callee as Node);
      if (callee?.type !== 'MemberExpression') return undefined;
      const name = propName(callee);
      if (name === 'route') {
        const router = this.scan.receiver(callee.object as Node, scope);
        const paths = router ? this.paths(cur.arguments[0] as Node | undefined, scope) : undefined;
        return router && paths ? { router, paths } : undefined;
      }
      if (!name || !verbMethod(this.fw, name)) return undefined;
      cur = unwrap(callee.object as Node);
    }
    return undefined;
  }

  verb(call: t.CallExpression, callee: Node, router: RouterInfo, method: HttpMethod, scope: ScopeOwner[], ancestors: readonly Node[]): void {
    const args = call.arguments as Node[];
    let pathIndex = 0;
    // Koa named routes: router.get('name', '/path', handler)
    if (this.fw === 'koa' && args.length >= 3) {
      const first = this.scan.folder.string(args[0], scope);
      const second = this.scan.folder.string(args[1], scope);
      if (first !== undefined && second !== undefined && second.startsWith('/')) pathIndex = 1;
    }
    const paths = this.paths(args[pathIndex], scope);
    if (!paths) return;
    this.emitRoutes(call, callee, router, method, paths, args.slice(pathIndex + 1), scope, ancestors);
  }

  emitRoutes(
    call: t.CallExpression, callee: Node, router: RouterInfo, method: HttpMethod, paths: PathSpec[],
    rest: Node[], scope: ScopeOwner[], ancestors: readonly Node[], extra?: { handler?: Node; middleware?: MiddlewareRef[]; tags?: string[] },
  ): void {
    let handlers = rest.filter((a) => a.type !== 'SpreadElement');
    let options: t.ObjectExpression | undefined;
    if (this.fw === 'fastify' && handlers.length >= 1) {
      const maybe = this.scan.folder.resolveNode(handlers[0], scope, 0);
      if (maybe?.type === 'ObjectExpression') { options = maybe; handlers = handlers.slice(1); }
    }
    const fromOptions = options ? fastifyOptions(this, options, scope) : undefined;
    const handlerNode = extra?.handler ?? fromOptions?.handler ?? handlers[handlers.length - 1];
    if (!handlerNode) return;
    // `app.options('*', cors())`: CORS pre-flight answered by the cors middleware, not an endpoint.
    if (method === 'OPTIONS' && this.middlewareOf(handlerNode, scope).some((m) => m.role === 'cors')) return;
    if (!router.trusted && !this.isHandlerLike(handlerNode, scope)) return;
    const middleware: MiddlewareRef[] = [...(extra?.middleware ?? []), ...(fromOptions?.middleware ?? [])];
    const before = extra?.handler || fromOptions?.handler ? handlers : handlers.slice(0, -1);
    for (const arg of before) middleware.push(...this.middlewareOf(arg, scope));
    const last = unwrap(handlerNode);
    if (last?.type === 'CallExpression') {
      for (const m of this.middlewareOf(last, scope)) if (m.role !== 'other') middleware.push(m);
    }
    const handler = this.handlerOf(handlerNode);
    const tags = [...(extra?.tags ?? []), ...(fromOptions?.tags ?? []), ...swaggerTags(statementOf(ancestors))];
    this.scan.touch(router);
    for (const spec of paths) {
      const fact: RouteFact = {
        kind: 'route', framework: this.fw, method, path: spec.path,
        router: { file: this.scan.file.path, path: router.ref },
        location: this.scan.span(propertyNode(callee) ?? call, call),
        ...(spec.isRegex ? { isRegex: true } : {}),
        ...(handler ? { handler } : {}),
        ...(middleware.length > 0 ? { middleware } : {}),
        ...(tags.length > 0 ? { openapiTags: [...new Set(tags)] } : {}),
        ...(spec.generated ? { origin: 'generated' as const } : {}),
      };
      this.scan.facts.push(fact);
    }
  }

  /** Route paths an argument stands for: constants, arrays of constants, or a regex literal. */
  paths(node: Node | undefined, scope: ScopeOwner[]): PathSpec[] | undefined {
    const n = unwrap(node);
    if (!n) return undefined;
    if (n.type === 'RegExpLiteral') return [{ path: `/${n.pattern}/${n.flags}`, isRegex: true }];
    const strings = this.scan.folder.strings(n, scope);
    const looped = strings ? undefined : this.scan.folder.loopStrings(n, scope);
    const all = strings ?? looped;
    if (!all) {
      const tail = this.fw === 'fastify' ? this.pluginPrefixTail(n, scope) : undefined;
      return tail !== undefined ? [{ path: tail }] : undefined;
    }
    const valid = all.filter((p) => p.startsWith('/') || p === '*' || p === '(.*)');
    return valid.length > 0 ? valid.map((path) => (looped ? { path, generated: true } : { path })) : undefined;
  }

  /**
   * `opts.prefix + 'users'`, `${opts.prefix}/users` in a Fastify plugin `(fastify, opts)`: the prefix the
   * plugin was registered with (written by hand when fastify-plugin skips it), then a constant.
   * The route is the constant under the plugin; the model adds the registration's prefix.
   */
  private pluginPrefixTail(n: Node, scope: ScopeOwner[]): string | undefined {
    const isOptionsPrefix = (node: Node | undefined): boolean => {
      const m = unwrap(node);
      if (m?.type !== 'MemberExpression' || propName(m) !== 'prefix') return false;
      const obj = unwrap(m.object as Node);
      if (obj?.type !== 'Identifier') return false;
      const b = this.scan.bindings.lookup(obj.name, scope);
      return b?.kind === 'param' && b.index === 1;
    };
    let tail: string | undefined;
    if (n.type === 'BinaryExpression' && n.operator === '+' && isOptionsPrefix(n.left as Node)) {
      tail = this.scan.folder.string(n.right, scope);
    } else if (n.type === 'TemplateLiteral' && n.expressions.length >= 1 && (n.quasis[0]?.value.cooked ?? '') === '' && isOptionsPrefix(n.expressions[0] as Node)) {
      tail = '';
      for (let i = 1; i < n.quasis.length; i++) {
        tail += n.quasis[i]!.value.cooked ?? n.quasis[i]!.value.raw;
        if (i < n.expressions.length) {
          const part = this.scan.folder.string(n.expressions[i] as Node, scope);
          if (part === undefined) return undefined;
          tail += part;
        }
      }
    }
    if (tail === undefined) return undefined;
    return tail.startsWith('/') ? tail : `/${tail}`;
  }

  /** A plausible request handler, for routes on objects this file did not create. */
  isHandlerLike(node: Node, scope: ScopeOwner[]): boolean {
    const n = unwrap(node);
    if (!n) return false;
    if (isFunctionNode(n)) return true;
    if (n.type === 'CallExpression') return true;
    if (n.type === 'Identifier') {
      const b = this.scan.bindings.lookup(n.name, scope);
      if (!b) return false;
      if (b.kind === 'function' || b.kind === 'import' || b.kind === 'class') return true;
      if (b.kind === 'var') {
        const init = unwrap(b.init);
        return !!init && (isFunctionNode(init) || init.type === 'CallExpression');
      }
      return false;
    }
    if (n.type === 'MemberExpression') {
      const path = memberPath(n);
      if (!path) return false;
      if (path[0] === 'this') return true;
      const b = this.scan.bindings.lookup(path[0]!, scope);
      return b?.kind === 'import' || b?.kind === 'var' || b?.kind === 'class';
    }
    return false;
  }

  handlerOf(node: Node): { name: string; location: RouteFact['location'] } | undefined {
    const n = unwrap(node);
    if (!n) return undefined;
    const location = this.scan.loc(n);
    if (n.type === 'Identifier' || n.type === 'MemberExpression') {
      const path = memberPath(n);
      return path ? { name: path.join('.'), location } : undefined;
    }
    if ((n.type === 'FunctionExpression') && n.id) return { name: n.id.name, location };
    if (n.type === 'CallExpression') {
      const path = memberPath(unwrap(n.callee as Node));
      return path ? { name: path.join('.'), location } : undefined;
    }
    return undefined;
  }

  /** Middleware refs of one argument (arrays flattened); anonymous inline functions are skipped. */
  middlewareOf(node: Node, scope: ScopeOwner[]): MiddlewareRef[] {
    const n = unwrap(node);
    if (!n) return [];
    if (n.type === 'ArrayExpression') {
      return n.elements.flatMap((el) => (el && el.type !== 'SpreadElement' ? this.middlewareOf(el as Node, scope) : []));
    }
    const name = middlewareName(n);
    if (!name) return [];
    const ref = middlewareRef(name, this.scan.loc(n));
    return [n.type === 'CallExpression' && isPassportLoginStep(n) ? { ...ref, role: 'other' } : ref];
  }

  // ---------------------------------------------------------------- use / mounts






  syntheticImport(node: Node, source: string, imported: string): string {
    const local = this.scan.synthetic('require', node);
    this.scan.facts.push({ kind: 'import', language: 'javascript', local, source, imported, location: this.scan.loc(node) });
    return local;
  }

  mount(call: Node, router: RouterInfo, child: string[], prefixes: string[], asMiddleware?: MiddlewareRef, prefixRef?: string[]): void {
    this.scan.touch(router);
    for (const prefix of prefixes) {
      this.scan.facts.push({
        kind: 'mount', framework: this.fw,
        parent: { file: this.scan.file.path, path: router.ref },
        child: { file: this.scan.file.path, path: child },
        prefix, location: this.scan.loc(call),
        // A Fastify plugin's own prefix (autoPrefix, autoload folder) only applies when autoloaded.
        ...(this.fw === 'fastify' && prefix ? { replacesChildPrefix: true } : {}),
        ...(prefixRef ? { prefixRef: { file: this.scan.file.path, path: prefixRef } } : {}),
        ...(asMiddleware ? { asMiddleware } : {}),
      });
    }
  }

  routerMiddleware(call: Node, router: RouterInfo, middleware: MiddlewareRef, prefixes: string[]): void {
    this.scan.touch(router);
    for (const prefix of prefixes) {
      this.scan.facts.push({
        kind: 'router-middleware', framework: this.fw,
        router: { file: this.scan.file.path, path: router.ref },
        middleware, pathPrefix: wildcardPrefix(prefix), location: this.scan.loc(call),
      });
    }
  }



  // ---------------------------------------------------------------- Parse Server PromiseRouter

  /** `this.route('GET', '/path', handler)` inside `class X extends SomethingRouter`. */
  private promiseRouterRoute(call: t.CallExpression, scope: ScopeOwner[]): void {
    const cls = this.scan.enclosingClass(call);
    const superName = cls?.superClass ? memberPath(cls.superClass as Node)?.join('.') : undefined;
    const name = cls && this.scan.className(cls);
    if (!cls || !name || !superName || !/Router$/.test(superName)) return;
    const args = call.arguments as Node[];
    const methodName = this.scan.folder.string(args[0], scope);
    const method = methodName !== undefined ? methodFromString(methodName) : undefined;
    const paths = method ? this.paths(args[1], scope) : undefined;
    if (!method || !paths || args.length < 3) return;
    const router: RouterInfo = { ref: [name], framework: 'express', isApp: false, origin: 'created', trusted: true, location: this.scan.loc(cls) };
    this.routerOfClass(cls, router);
    const callee = unwrap(call.callee as Node)!;
    this.emitRoutes(call, callee, router, method, paths, args.slice(2), scope, []);
  }

  private readonly classRouterFacts = new Set<string>();
  private routerOfClass(cls: Node, router: RouterInfo): void {
    const key = router.ref.join('.');
    if (this.classRouterFacts.has(key)) return;
    this.classRouterFacts.add(key);
    this.scan.facts.push({ kind: 'router', framework: 'express', ref: { file: this.scan.file.path, path: router.ref }, location: this.scan.loc(cls) });
  }

  // ---------------------------------------------------------------- Fastify








  // ---------------------------------------------------------------- Hono



}

/** Facts of the verb-DSL routes of `framework` in one file. */
export function scanVerbRoutes(file: ParsedFile, framework: JsFramework): Fact[] {
  if (file.tree.kind !== 'babel' || isTestFile(file.path)) return [];
  const program = file.tree.ast.program;
  // Koa, Fastify and Hono routers are made from an import, or are the parameters of route modules.
  if (framework !== 'express') {
    const kind = fileKind(program);
    if (!kind.frameworks.has(framework) && kind.fileFramework !== framework) return [];
  }
  return new VerbScanner(file, program, framework).run();
}
