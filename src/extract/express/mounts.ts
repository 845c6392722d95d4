// Mounts and app-level middleware of the verb-DSL frameworks: `use(prefix?, ...children)`,
// config arrays driven through forEach, `require('./routes')(app)`, `module.exports = router.routes()`.
import type * as t from '@babel/types';
import { memberPath, type Node } from '../javascript/ast.js';
import { middlewareRef } from '../javascript/middleware-roles.js';
import { commonJsExportName, exportLocalName } from '../javascript/modules.js';
import { isFunctionNode, requireSource, unwrap, type FunctionNode, type ScopeOwner } from './bindings.js';
import { isRelativeSource, type RouterInfo } from './router-scan.js';
import { staticDirOf, staticMiddlewareDir, staticMountFact, type StaticContext } from './static-mounts.js';
import { baseName, keyOf, middlewareName, newMemberPath, propName } from './syntax.js';
import type { VerbScanner } from './verb-routes.js';

/** `module.exports = router.routes()`: the export stands for the router. */
export function exportedRoutes(s: VerbScanner, call: t.CallExpression, router: RouterInfo): void {
  const parent = s.scan.parentOf(call);
  let local: string | undefined;
  if (parent?.type === 'ExportDefaultDeclaration') local = exportLocalName('default');
  if (parent?.type === 'AssignmentExpression' && parent.right === call) {
    const name = commonJsExportName(parent.left as Node);
    if (name !== undefined) local = exportLocalName(name);
  }
  // `export const usersRoutes = router.routes()`, `const routes = router.routes(); export default routes`
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' && unwrap(parent.init as Node) === call) local = parent.id.name;
  if (local && local !== router.ref.join('.')) {
    s.scan.facts.push({ kind: 'alias', local, target: { file: s.scan.file.path, path: router.ref }, location: s.scan.loc(call) });
  }
}

export function use(s: VerbScanner, call: t.CallExpression, router: RouterInfo, args: Node[], scope: ScopeOwner[]): void {
  const expanded = expandConfigArray(s, args, scope);
  if (expanded) {
    for (const substituted of expanded) use(s, call, router, substituted, scope);
    return;
  }
  let prefixes = [''];
  let start = 0;
  let prefixRef: string[] | undefined;
  const first = unwrap(args[0]);
  if (first) {
    const strings = s.scan.folder.strings(first, scope);
    if (strings) { prefixes = strings; start = 1; }
    else if (first.type === 'StringLiteral' || first.type === 'TemplateLiteral' || first.type === 'BinaryExpression' || first.type === 'RegExpLiteral') return;
    else if (args.length >= 2 && isPrefixName(s, first, scope)) { prefixRef = memberPath(first); start = 1; }
  }
  s.scan.touch(router);
  for (const arg of args.slice(start)) useArg(s, call, router, arg, prefixes, scope, prefixRef);
}

/** `app.use(API_PREFIX, router)`, `app.use(config.api.prefix, router)`: a prefix named by a constant defined elsewhere. */
export function isPrefixName(s: VerbScanner, node: Node, scope: ScopeOwner[]): boolean {
  const path = memberPath(node);
  if (!path || path[0] === 'this') return false;
  const last = path[path.length - 1]!;
  const b = s.scan.bindings.lookup(path[0]!, scope);
  if (b && b.kind !== 'import' && b.kind !== 'var' && b.kind !== 'param') return false;
  if (b?.kind === 'var' && path.length === 1) return false; // a local non-constant: middleware
  return /^[A-Z][A-Z0-9_]*$/.test(last) || /(prefix|path|url|base|mount|endpoint|root)$/i.test(last)
    || /^(config|settings|env|conf|options|opts|constants)$/i.test(path[0]!);
}

export function useArg(s: VerbScanner, call: t.CallExpression, router: RouterInfo, arg: Node, prefixes: string[], scope: ScopeOwner[], prefixRef?: string[]): void {
  const a = unwrap(arg);
  if (!a || a.type === 'SpreadElement') return;
  if (a.type === 'ArrayExpression') {
    for (const el of a.elements) if (el) useArg(s, call, router, el as Node, prefixes, scope, prefixRef);
    return;
  }
  if (!prefixRef && staticUse(s, call, router, a, prefixes, scope)) return;
  if (s.fw === 'hono' || s.fw === 'fastify') {
    const name = middlewareName(a) ?? (isFunctionNode(a) ? 'anonymous' : undefined);
    if (name) s.routerMiddleware(call, router, middlewareRef(name, s.scan.loc(a)), prefixes);
    return;
  }
  if (isFunctionNode(a)) {
    const name = a.type === 'FunctionExpression' && a.id ? a.id.name : 'anonymous';
    s.routerMiddleware(call, router, middlewareRef(name, s.scan.loc(a)), prefixes);
    return;
  }
  const child = childRef(s, a, scope);
  if (child === 'skip') return;
  if (child) {
    s.mount(call, router, child.path, prefixes, child.asMiddleware ? middlewareRef(child.asMiddleware, s.scan.loc(a)) : undefined, prefixRef);
    return;
  }
  const name = middlewareName(a);
  if (name) s.routerMiddleware(call, router, middlewareRef(name, s.scan.loc(a)), prefixes);
}

/**
 * What a `use()` argument mounts: a router reference (with a middleware fallback name when it may
 * be plain middleware), 'skip', or undefined when it is certainly middleware.
 */
export function childRef(s: VerbScanner, a: Node, scope: ScopeOwner[]): { path: string[]; asMiddleware?: string } | 'skip' | undefined {
  const { scan } = s;
  if (a.type === 'CallExpression') {
    const callee = unwrap(a.callee as Node);
    const src = requireSource(a);
    if (src !== undefined) return isRelativeSource(src) ? { path: [s.syntheticImport(a, src, 'default')], asMiddleware: baseName(src) } : undefined;
    // require('./routes/app')(): a module exporting a function that returns its router.
    const calledSource = callee ? requireSource(callee) : undefined;
    if (calledSource !== undefined) {
      return isRelativeSource(calledSource) ? { path: [s.syntheticImport(callee!, calledSource, 'default')], asMiddleware: baseName(calledSource) } : undefined;
    }
    if (callee?.type === 'MemberExpression') {
      const name = propName(callee);
      if (s.fw === 'koa' && name === 'allowedMethods') return 'skip';
      if (s.fw === 'koa' && (name === 'routes' || name === 'middleware')) {
        const target = unwrap(callee.object as Node);
        const recv = scan.receiver(target, scope);
        if (recv) return { path: recv.ref };
        const path = memberPath(target);
        return path ? { path } : 'skip';
      }
      const path = memberPath(callee);
      const root = path ? scan.bindings.lookup(path[0]!, scope) : undefined;
      if (path && root?.kind === 'import' && isRelativeSource(root.source)) return { path, asMiddleware: path.join('.') };
      return undefined;
    }
    if (callee?.type === 'Identifier') {
      const b = scan.bindings.lookup(callee.name, scope);
      if (b?.kind === 'import') {
        return isRelativeSource(b.source) ? { path: [callee.name], asMiddleware: callee.name } : undefined;
      }
      if (b?.kind === 'function' || b?.kind === 'var') {
        const fn = b.kind === 'function' ? b.fn : unwrap(b.init);
        if (fn && isFunctionNode(fn) && isRouterFactory(s, fn)) return { path: scan.functionRef(fn) };
      }
      return undefined;
    }
    return undefined;
  }
  if (a.type === 'MemberExpression' && !a.computed && a.property.type === 'Identifier') {
    // require('./users').router
    const src = requireSource(unwrap(a.object as Node));
    if (src !== undefined) return isRelativeSource(src) ? { path: [s.syntheticImport(a, src, a.property.name)], asMiddleware: a.property.name } : undefined;
  }
  if (a.type === 'Identifier' || a.type === 'MemberExpression') {
    const recv = scan.receiver(a, scope);
    const path = memberPath(a) ?? newMemberPath(a);
    if (recv) return recv.origin === 'imported' ? { path: recv.ref, asMiddleware: path?.join('.') ?? recv.ref.join('.') } : { path: recv.ref };
    if (!path) return undefined;
    if (path[0] === 'this') return undefined;
    const b = scan.bindings.lookup(path[0]!, scope);
    if (!b) return a.type === 'MemberExpression' && unwrap(a.object as Node)?.type === 'NewExpression' ? { path } : undefined;
    if (b.kind === 'import') return isRelativeSource(b.source) ? { path, asMiddleware: path.join('.') } : undefined;
    if (b.kind === 'param') return { path, asMiddleware: path.join('.') };
    if (b.kind === 'function') return isRouterFactory(s, b.fn) ? { path } : undefined;
    if (b.kind === 'var') {
      const init = unwrap(b.init);
      if (init && isFunctionNode(init)) return undefined;
      if (init?.type === 'CallExpression' || init?.type === 'ObjectExpression') return undefined;
      return { path, asMiddleware: path.join('.') };
    }
    return undefined;
  }
  return undefined;
}

/** Does a local function build and return a router of this framework? */
export function isRouterFactory(s: VerbScanner, fn: FunctionNode): boolean {
  const ref = s.scan.functionRef(fn).join('.');
  return s.scan.routerFacts().some((r) => r.ref.path.join('.') === ref);
}

/**
 * `routes.forEach((r) => router.use(r.path, r.route))` over a constant array of objects:
 * one argument list per element, with `r.x` replaced by the element's `x`.
 */
export function expandConfigArray(s: VerbScanner, args: Node[], scope: ScopeOwner[]): Node[][] | undefined {
  let param: string | undefined;
  let fn: FunctionNode | undefined;
  for (const arg of args) {
    const a = unwrap(arg);
    if (a?.type !== 'MemberExpression' || unwrap(a.object as Node)?.type !== 'Identifier') continue;
    const b = s.scan.bindings.lookup((unwrap(a.object as Node) as t.Identifier).name, scope);
    if (b?.kind === 'param' && b.index === 0) { param = b.name; fn = b.fn; break; }
  }
  if (!param || !fn) return undefined;
  const call = s.scan.parentOf(fn);
  if (call?.type !== 'CallExpression' || call.arguments[0] !== fn) return undefined;
  const callee = unwrap(call.callee as Node);
  if (callee?.type !== 'MemberExpression' || !['forEach', 'map'].includes(propName(callee) ?? '')) return undefined;
  const array = s.scan.folder.resolveNode(callee.object as Node, s.scan.scopeAt(call), 0);
  if (array?.type !== 'ArrayExpression') return undefined;
  const out: Node[][] = [];
  for (const el of array.elements) {
    if (el?.type !== 'ObjectExpression') return undefined;
    out.push(args.map((arg) => {
      const a = unwrap(arg);
      if (a?.type === 'MemberExpression' && unwrap(a.object as Node)?.type === 'Identifier' && (unwrap(a.object as Node) as t.Identifier).name === param) {
        const key = propName(a);
        const prop = el.properties.find((p) => p.type === 'ObjectProperty' && !p.computed && keyOf(p.key as Node) === key) as t.ObjectProperty | undefined;
        return (prop?.value as Node | undefined) ?? arg;
      }
      return arg;
    }));
  }
  return out;
}

/** `routes(app)`, `require('./routes')(app)`: a module given the app registers on it (prefix ''). */
export function callWithRouterArgs(s: VerbScanner, call: t.CallExpression, scope: ScopeOwner[]): void {
  const callee = unwrap(call.callee as Node);
  if (!callee) return;
  let child: string[] | undefined;
  const src = requireSource(callee);
  if (src !== undefined) {
    if (!isRelativeSource(src)) return;
    child = undefined;
    for (const arg of call.arguments) {
      const recv = s.scan.receiver(arg as Node, scope);
      if (!recv || recv.origin === 'imported') continue;
      child ??= [s.syntheticImport(callee, src, 'default')];
      s.mount(call, recv, child, ['']);
    }
    return;
  }
  if (callee.type !== 'Identifier') return;
  const b = s.scan.bindings.lookup(callee.name, scope);
  if (b?.kind === 'import') {
    if (!isRelativeSource(b.source)) return;
    child = [callee.name];
  } else if (b?.kind === 'function') {
    child = s.scan.functionRef(b.fn);
  } else if (b?.kind === 'var' && b.init && isFunctionNode(unwrap(b.init)!)) {
    child = s.scan.functionRef(unwrap(b.init) as FunctionNode);
  } else {
    return;
  }
  for (const arg of call.arguments) {
    const recv = s.scan.receiver(arg as Node, scope);
    if (!recv || recv.origin === 'imported') continue;
    if (recv.ref.join('.') === child.join('.')) continue;
    s.mount(call, recv, child, ['']);
  }
}

/** Constant folding and module lookup of one scope, for static-file middleware arguments. */
export function staticContext(s: VerbScanner, scope: ScopeOwner[]): StaticContext {
  return {
    string: (node) => s.scan.folder.string(node, scope),
    moduleOf: (name) => {
      const b = s.scan.bindings.lookup(name, scope);
      if (b?.kind === 'import') return b.source;
      if (b?.kind === 'var') return requireSource(unwrap(b.init));
      return undefined;
    },
  };
}

/** `app.use('/assets', express.static('public'))`, `router.use(serveStatic(path.join(__dirname, 'public')))`. */
function staticUse(s: VerbScanner, call: t.CallExpression, router: RouterInfo, a: Node, prefixes: string[], scope: ScopeOwner[]): boolean {
  const ctx = staticContext(s, scope);
  let middleware: Node | undefined = a;
  let subPrefix = '';
  // `const assets = express.static('public'); app.use('/a', assets)`
  if (a.type === 'Identifier') {
    const b = s.scan.bindings.lookup(a.name, scope);
    middleware = b?.kind === 'var' && b.isConst ? unwrap(b.init) : undefined;
  }
  // Koa: app.use(mount('/public', serve('public'))) (koa-mount)
  if (middleware?.type === 'CallExpression' && middleware.arguments.length === 2) {
    const callee = unwrap(middleware.callee as Node);
    const module = callee?.type === 'Identifier' ? ctx.moduleOf(callee.name) : requireSource(callee);
    const mounted = module === 'koa-mount' ? ctx.string(middleware.arguments[0] as Node) : undefined;
    if (mounted !== undefined) {
      subPrefix = mounted;
      middleware = middleware.arguments[1] as Node;
    }
  }
  const dir = staticDirOf(staticMiddlewareDir(middleware, ctx), ctx);
  if (!dir) return false;
  s.scan.touch(router);
  for (const prefix of prefixes) {
    const full = subPrefix ? `${prefix.replace(/\/+$/, '')}/${subPrefix.replace(/^\/+/, '')}` : prefix;
    s.scan.facts.push(staticMountFact(s.scan.file.path, s.fw, { file: s.scan.file.path, path: router.ref }, full, dir, call));
  }
  return true;
}
