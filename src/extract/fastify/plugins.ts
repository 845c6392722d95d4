// Fastify specifics of the verb-DSL scanner: plugins (`register(plugin, { prefix })`, fp(),
// inline and required plugins, @fastify/autoload prefixes), `route({...})` objects, route options
// (hooks as middleware, schema tags) and `addHook`.
import type * as t from '@babel/types';
import type { HttpMethod, MiddlewareRef } from '../../core/facts.js';
import { memberPath, type Node } from '../javascript/ast.js';
import { middlewareRole } from '../javascript/middleware-roles.js';
import { commonJsExportName, exportLocalName } from '../javascript/modules.js';
import { isFunctionNode, requireSource, unwrap, type FunctionNode, type ScopeOwner } from '../express/bindings.js';
import { methodFromString } from '../express/frameworks.js';
import { staticContext } from '../express/mounts.js';
import { isRelativeSource, type RouterInfo } from '../express/router-scan.js';
import { staticDirOf, staticMountFact } from '../express/static-mounts.js';
import { objectValue } from '../express/syntax.js';
import type { VerbScanner } from '../express/verb-routes.js';

const HOOKS = new Set(['onRequest', 'preHandler', 'preValidation', 'preParsing']);

/**
 * @fastify/autoload: a plugin file's `autoPrefix` export, else its folder under `routes/`
 * (`routes/api/tasks/index.ts` -> '/api/tasks'), is the prefix of its default-exported plugin.
 */
export function autoloadPrefix(s: VerbScanner): void {
  const { scan } = s;
  let defaultRef: string[] | undefined;
  let autoPrefix: string | undefined;
  for (const stmt of scan.program.body) {
    if (stmt.type === 'ExportDefaultDeclaration') {
      const decl = stmt.declaration as Node;
      defaultRef = decl.type === 'FunctionDeclaration' && decl.id ? [decl.id.name]
        : decl.type === 'Identifier' ? [decl.name] : [exportLocalName('default')];
    } else if (stmt.type === 'ExportNamedDeclaration' && stmt.declaration?.type === 'VariableDeclaration') {
      for (const d of stmt.declaration.declarations) {
        if (d.id.type === 'Identifier' && d.id.name === 'autoPrefix') autoPrefix = scan.folder.string(d.init as Node, [scan.program]);
      }
    } else if (stmt.type === 'ExpressionStatement' && stmt.expression.type === 'AssignmentExpression') {
      const name = commonJsExportName(stmt.expression.left as Node);
      const right = unwrap(stmt.expression.right as Node);
      if (name === 'autoPrefix') autoPrefix = scan.folder.string(right, [scan.program]);
      else if (name === 'default') defaultRef = right?.type === 'Identifier' ? [right.name] : [exportLocalName('default')];
    }
  }
  if (!defaultRef) return;
  const folder = /(?:^|\/)routes\/(.+)\/[^/]+$/.exec(scan.file.path)?.[1];
  const prefix = autoPrefix ?? (folder ? `/${folder}` : undefined);
  if (prefix === undefined) return;
  const key = defaultRef.join('.');
  const router = scan.functionRouters().find((r) => r.ref.join('.') === key);
  if (router && router.prefix === undefined) scan.setPrefix(router, prefix);
}

export function pluginFunction(s: VerbScanner, node: Node | undefined, scope: ScopeOwner[], depth = 0): FunctionNode | undefined {
  const n = unwrap(node);
  if (!n || depth > 4) return undefined;
  if (isFunctionNode(n)) return n;
  if (n.type === 'CallExpression' && n.arguments.length > 0 && s.scan.isPluginWrapper(n)) {
    return pluginFunction(s, n.arguments[0] as Node, scope, depth + 1);
  }
  if (n.type === 'Identifier') {
    const b = s.scan.bindings.lookup(n.name, scope);
    if (b?.kind === 'function') return b.fn;
    if (b?.kind === 'var' && b.init) return pluginFunction(s, b.init, b.scope, depth + 1);
  }
  return undefined;
}

export function fastifyRegister(s: VerbScanner, call: t.CallExpression, router: RouterInfo, scope: ScopeOwner[]): void {
  const args = call.arguments as Node[];
  const plugin = unwrap(args[0]);
  if (!plugin) return;
  const prefix = optionString(s, args[1], 'prefix', scope) ?? '';
  const optionsNode = s.scan.folder.resolveNode(args[1], scope, 0);
  const prefixNode = optionsNode?.type === 'ObjectExpression' ? objectValue(optionsNode, 'prefix') : undefined;
  const prefixRef = prefixNode && !prefix ? memberPath(unwrap(prefixNode)) : undefined;
  const fn = pluginFunction(s, plugin, scope);
  if (fn) {
    const child = s.scan.routerForFunction(fn);
    s.mount(call, router, child.ref, [prefix], undefined, prefixRef);
    return;
  }
  let target: Node = plugin;
  while (target.type === 'CallExpression' && s.scan.isPluginWrapper(target) && target.arguments[0]) target = unwrap(target.arguments[0] as Node)!;
  const src = requireSource(target);
  if (staticPlugin(s, call, router, src ?? importSource(s, target, scope), scope)) return;
  if (src !== undefined) {
    if (isRelativeSource(src)) s.mount(call, router, [s.syntheticImport(target, src, 'default')], [prefix], undefined, prefixRef);
    else packagePlugin(s, call, router, src, prefix);
    return;
  }
  if (target.type === 'CallExpression' && target.callee.type === 'Import') {
    const source = s.scan.folder.string(target.arguments[0] as Node, scope);
    if (source !== undefined && isRelativeSource(source)) s.mount(call, router, [s.syntheticImport(target, source, 'default')], [prefix], undefined, prefixRef);
    return;
  }
  const path = memberPath(target);
  if (!path) return;
  const b = s.scan.bindings.lookup(path[0]!, scope);
  if (b?.kind === 'import') {
    if (isRelativeSource(b.source)) s.mount(call, router, path, [prefix], undefined, prefixRef);
    else packagePlugin(s, call, router, path.join('.'), prefix);
  }
}

function importSource(s: VerbScanner, target: Node, scope: ScopeOwner[]): string | undefined {
  const path = memberPath(target);
  const b = path?.length === 1 ? s.scan.bindings.lookup(path[0]!, scope) : undefined;
  return b?.kind === 'import' ? b.source : b?.kind === 'var' ? requireSource(unwrap(b.init)) : undefined;
}

/**
 * `register(require('@fastify/static'), { root: path.join(__dirname, 'public'), prefix: '/public/' })`: the files
 * under each root at the prefix ('/' by default); `serve: false` serves nothing by itself.
 */
function staticPlugin(s: VerbScanner, call: t.CallExpression, router: RouterInfo, source: string | undefined, scope: ScopeOwner[]): boolean {
  if (source !== '@fastify/static' && source !== 'fastify-static') return false;
  const options = s.scan.folder.resolveNode(call.arguments[1] as Node, scope, 0);
  if (options?.type !== 'ObjectExpression') return true;
  const serve = unwrap(objectValue(options, 'serve'));
  if (serve?.type === 'BooleanLiteral' && !serve.value) return true;
  const prefixNode = objectValue(options, 'prefix');
  const prefix = prefixNode ? s.scan.folder.string(prefixNode, scope) : '/';
  const rootNode = unwrap(objectValue(options, 'root'));
  if (prefix === undefined || !rootNode) return true;
  const roots = rootNode.type === 'ArrayExpression' ? rootNode.elements.map((e) => (e && e.type !== 'SpreadElement' ? (e as Node) : undefined)) : [rootNode];
  const ctx = staticContext(s, scope);
  s.scan.touch(router);
  for (const root of roots) {
    const dir = staticDirOf(root, ctx);
    if (dir) s.scan.facts.push(staticMountFact(s.scan.file.path, 'fastify', { file: s.scan.file.path, path: router.ref }, prefix, dir, call));
  }
  return true;
}

/** `register(cors, ...)`, `register(rateLimit, ...)`: middleware-like plugins. */
export function packagePlugin(s: VerbScanner, call: Node, router: RouterInfo, name: string, prefix: string): void {
  const role = middlewareRole(name);
  if (role === 'cors' || role === 'rate-limit') s.routerMiddleware(call, router, { name, role, location: s.scan.loc(call) }, [prefix]);
}

export function optionString(s: VerbScanner, node: Node | undefined, key: string, scope: ScopeOwner[]): string | undefined {
  const obj = s.scan.folder.resolveNode(node, scope, 0);
  if (obj?.type !== 'ObjectExpression') return undefined;
  const value = objectValue(obj, key);
  return value ? s.scan.folder.string(value, scope) : undefined;
}

export function fastifyOptions(s: VerbScanner, options: t.ObjectExpression, scope: ScopeOwner[]): { handler?: Node; middleware: MiddlewareRef[]; tags: string[] } {
  const handler = objectValue(options, 'handler');
  const middleware: MiddlewareRef[] = [];
  for (const hook of HOOKS) {
    const value = objectValue(options, hook);
    if (value) middleware.push(...s.middlewareOf(value, scope));
  }
  const schema = s.scan.folder.resolveNode(objectValue(options, 'schema'), scope, 0);
  const tagsNode = schema?.type === 'ObjectExpression' ? objectValue(schema, 'tags') : undefined;
  const tags = tagsNode ? s.scan.folder.strings(tagsNode, scope) ?? [] : [];
  return { ...(handler ? { handler } : {}), middleware, tags };
}

export function fastifyRouteObject(s: VerbScanner, call: t.CallExpression, router: RouterInfo, scope: ScopeOwner[], ancestors: readonly Node[]): void {
  const options = s.scan.folder.resolveNode(call.arguments[0] as Node, scope, 0);
  if (options?.type !== 'ObjectExpression') return;
  const methodNode = objectValue(options, 'method') ?? objectValue(options, 'methods');
  const methods = (s.scan.folder.strings(methodNode, scope) ?? []).map(methodFromString).filter((m): m is HttpMethod => !!m);
  const paths = s.paths(objectValue(options, 'url') ?? objectValue(options, 'path'), scope);
  const handler = objectValue(options, 'handler');
  if (methods.length === 0 || !paths || !handler) return;
  const extra = fastifyOptions(s, options, scope);
  const callee = unwrap(call.callee as Node)!;
  for (const method of [...new Set(methods)]) {
    s.emitRoutes(call, callee, router, method, paths, [], scope, ancestors, { handler, middleware: extra.middleware, tags: extra.tags });
  }
}

export function fastifyHook(s: VerbScanner, call: t.CallExpression, router: RouterInfo, scope: ScopeOwner[]): void {
  const hook = s.scan.folder.string(call.arguments[0] as Node, scope);
  if (!hook || !HOOKS.has(hook)) return;
  for (const m of s.middlewareOf(call.arguments[1] as Node, scope)) s.routerMiddleware(call, router, m, ['']);
}
