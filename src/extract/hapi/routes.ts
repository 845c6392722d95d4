// hapi: route configuration objects (`{ method, path, handler | options }`, method arrays and '*')
// passed to `server.route(...)` singly or in arrays, or kept in route modules (`module.exports = [...]`);
// plugins (`{ name, register(server) { server.route(...) } }`) and `server.register(plugin, { routes: { prefix } })`
// / `server.register({ plugin, routes: { prefix } })` mounts.
import type * as t from '@babel/types';
import type { Fact, HttpMethod, RefExpr } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { DEFAULT_EXPORT_LOCAL, commonJsExportName, exportLocalName } from '../javascript/modules.js';
import { loc, memberPath, objectProperty, stringValue, walk, type Node } from '../javascript/ast.js';
import { isTestFile } from '../express/frameworks.js';
import type { Extractor } from '../types.js';

const FRAMEWORK = 'hapi';

const HAPI_PACKAGE = /^(@hapi\/hapi|hapi)$/;
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT']);

type FunctionNode = t.FunctionExpression | t.ArrowFunctionExpression | t.FunctionDeclaration | t.ObjectMethod;

interface Ctx {
  file: ParsedFile;
  importsHapi: boolean;
  /** Names bound to Hapi.server() / new Hapi.Server(). */
  servers: Set<string>;
  /** In-file `const x = <literal>` initialisers. */
  consts: Map<string, Node>;
  /** Plugin register functions -> the plugin object's ref. */
  plugins: Map<Node, string[]>;
  /** Function declarations / const-bound functions by name. */
  functions: Map<string, Node>;
  /** `{ name, register }` with register naming a function defined elsewhere in the file. */
  pendingPlugins: { name: string; owner: string[] }[];
  selfImported: boolean;
  facts: Fact[];
}

function unwrap(node: Node | null | undefined): Node | undefined {
  let cur = node ?? undefined;
  while (cur && (cur.type === 'ParenthesizedExpression' || cur.type === 'TSAsExpression' || cur.type === 'TSSatisfiesExpression' || cur.type === 'AwaitExpression')) {
    cur = cur.type === 'AwaitExpression' ? (cur.argument as Node) : cur.expression;
  }
  return cur;
}

function isFunction(node: Node | undefined): node is FunctionNode {
  return !!node && (node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression' || node.type === 'FunctionDeclaration' || node.type === 'ObjectMethod');
}

function requireSource(node: Node | undefined): string | undefined {
  if (node?.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require') return undefined;
  const arg = node.arguments[0];
  return arg?.type === 'StringLiteral' ? arg.value : undefined;
}

/** Methods of a route's `method`: 'GET', ['PATCH', 'OPTIONS'], '*'. */
function methodsOf(node: Node | undefined): HttpMethod[] | undefined {
  const v = unwrap(node);
  if (!v) return undefined;
  const one = (value: string | undefined): HttpMethod | undefined => {
    const upper = value?.trim().toUpperCase();
    if (upper === '*') return 'ANY';
    return upper && METHODS.has(upper) ? (upper as HttpMethod) : undefined;
  };
  if (v.type === 'ArrayExpression') {
    const out: HttpMethod[] = [];
    for (const el of v.elements) {
      const m = one(stringValue(el as Node));
      if (!m) return undefined;
      if (!out.includes(m)) out.push(m);
    }
    return out.length ? out : undefined;
  }
  const m = one(stringValue(v));
  return m ? [m] : undefined;
}

/** A hapi route configuration object: method + path (+ a handler somewhere in it, outside hapi files). */
function routeConfig(ctx: Ctx, node: Node | undefined): { methods: HttpMethod[]; path: string; handler?: string } | undefined {
  const v = unwrap(node);
  if (v?.type !== 'ObjectExpression') return undefined;
  const methods = methodsOf(objectProperty(v, 'method'));
  const path = stringValue(objectProperty(v, 'path'));
  if (!methods || path === undefined || !path.startsWith('/')) return undefined;
  const options = unwrap(objectProperty(v, 'options') ?? objectProperty(v, 'config'));
  const handler = objectProperty(v, 'handler') ?? objectProperty(options, 'handler');
  if (!handler && !ctx.importsHapi) return undefined;
  const name = handler ? memberPath(handler.type === 'ObjectMethod' ? undefined : handler)?.join('.') : undefined;
  return { methods, path, ...(name ? { handler: name } : {}) };
}

function pushRoutes(ctx: Ctx, at: Node, config: { methods: HttpMethod[]; path: string; handler?: string }, router: string[] | undefined): void {
  for (const method of config.methods) {
    ctx.facts.push({
      kind: 'route', framework: FRAMEWORK, method, path: config.path, location: loc(ctx.file.path, at),
      ...(router ? { router: { file: ctx.file.path, path: router } } : {}),
      ...(config.handler ? { handler: { name: config.handler } } : {}),
    });
  }
}

/** A module reference written inline (`require('./routes')`): a synthetic import the model can follow. */
function requireRef(ctx: Ctx, call: Node, source: string, imported: string): RefExpr {
  const local = `__hapi_require_${call.loc?.start.line ?? 0}_${call.loc?.start.column ?? 0}`;
  ctx.facts.push({ kind: 'import', language: 'javascript', local, source, imported, location: loc(ctx.file.path, call) });
  return { file: ctx.file.path, path: [local] };
}

/** Refs a plugin / route-table expression may stand for: `x`, `require('./x')`, `require('./x').plugin`. */
function childRefs(ctx: Ctx, node: Node | undefined, withPlugin: boolean): RefExpr[] {
  const v = unwrap(node);
  if (!v) return [];
  const source = requireSource(v);
  if (source !== undefined) {
    const base = requireRef(ctx, v, source, 'default');
    return withPlugin ? [base, { file: base.file, path: [...base.path, 'plugin'] }] : [base];
  }
  if (v.type === 'MemberExpression' && !v.computed && v.property.type === 'Identifier') {
    const inner = requireSource(unwrap(v.object as Node));
    if (inner !== undefined) return [requireRef(ctx, v, inner, v.property.name)];
  }
  const path = memberPath(v);
  if (!path) return [];
  return withPlugin ? [{ file: ctx.file.path, path }, { file: ctx.file.path, path: [...path, 'plugin'] }] : [{ file: ctx.file.path, path }];
}

function mount(ctx: Ctx, at: Node, parent: string[], child: RefExpr, prefix: string): void {
  ctx.facts.push({ kind: 'mount', framework: FRAMEWORK, parent: { file: ctx.file.path, path: parent }, child, prefix, location: loc(ctx.file.path, at) });
}

/** `server.route(config | [configs] | table)`: routes on `router`, route tables mounted on it. */
function routeCall(ctx: Ctx, call: t.CallExpression, router: string[]): void {
  const arg = unwrap(call.arguments[0] as Node | undefined);
  if (!arg) return;
  const items = arg.type === 'ArrayExpression' ? (arg.elements as (Node | null)[]) : [arg];
  for (const raw of items) {
    const item = raw?.type === 'SpreadElement' ? unwrap(raw.argument as Node) : unwrap(raw);
    if (!item) continue;
    const config = routeConfig(ctx, item);
    if (config) {
      pushRoutes(ctx, item, config, router);
      continue;
    }
    if (item.type === 'ObjectExpression' || item.type === 'ArrayExpression') continue;
    // A table defined in this file was read where it is defined; any other value is mounted by reference.
    for (const child of childRefs(ctx, item, false)) mount(ctx, call, router, child, '');
  }
}

/** `routes: { prefix: '/x' }` of a registration object. */
function routesPrefix(node: Node | undefined): string | undefined {
  return stringValue(objectProperty(unwrap(objectProperty(unwrap(node), 'routes')), 'prefix'));
}

/** The plugin of a hapi < 17 registration object `{ register: require('./x'), options }` (not an inline plugin). */
function legacyRegister(item: Node): Node | undefined {
  const value = unwrap(objectProperty(item, 'register'));
  if (!value || isFunction(value) || objectProperty(item, 'name') || objectProperty(item, 'pkg')) return undefined;
  return value;
}

/** `server.register(plugin | { plugin, routes: { prefix } } | [...], { routes: { prefix } })`. */
function registerCall(ctx: Ctx, call: t.CallExpression, router: string[]): void {
  const arg = unwrap(call.arguments[0] as Node | undefined);
  const shared = routesPrefix(call.arguments[1] as Node | undefined) ?? '';
  const items = arg?.type === 'ArrayExpression' ? (arg.elements as (Node | null)[]) : [arg];
  for (const raw of items) {
    const item = unwrap(raw ?? undefined);
    if (!item) continue;
    // `{ plugin, routes: { prefix } }`; hapi < 17 wrote `{ register: plugin, routes: { prefix } }`.
    const pluginNode = item.type === 'ObjectExpression' ? objectProperty(item, 'plugin') ?? legacyRegister(item) : undefined;
    if (pluginNode) {
      const prefix = routesPrefix(item) ?? shared;
      for (const child of childRefs(ctx, pluginNode, true)) mount(ctx, call, router, child, prefix);
      continue;
    }
    if (item.type === 'ObjectExpression') continue; // an inline plugin: its register function was read in place
    for (const child of childRefs(ctx, item, true)) mount(ctx, call, router, child, shared);
  }
}

/** The local that stands for this module's own namespace (see selfModule). */
const MODULE_SELF = '__hapi_module';

/**
 * The ref an object literal is known by: `const x = {}`, `exports.plugin = {}`, `export default {}`,
 * a property of one of those; `module.exports = {...}` is the module namespace itself (its properties
 * are the module's exports), named by a self-import (see selfModule).
 */
function ownerRef(node: Node, ancestors: readonly Node[]): string[] | undefined {
  const parent = ancestors[ancestors.length - 1];
  if (!parent) return undefined;
  if (parent.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') return [parent.id.name];
  if (parent.type === 'AssignmentExpression' && parent.right === node) {
    const exported = commonJsExportName(parent.left as Node);
    if (exported === 'default') return node.type === 'ObjectExpression' ? [MODULE_SELF] : [DEFAULT_EXPORT_LOCAL];
    if (exported) return [exportLocalName(exported)];
    return memberPath(parent.left as Node);
  }
  if (parent.type === 'ExportDefaultDeclaration') return [DEFAULT_EXPORT_LOCAL];
  if (parent.type === 'ObjectProperty' && parent.value === node) {
    const holder = ancestors[ancestors.length - 2];
    const key = parent.key.type === 'Identifier' ? parent.key.name : parent.key.type === 'StringLiteral' ? parent.key.value : undefined;
    const base = holder ? ownerRef(holder, ancestors.slice(0, -2)) : undefined;
    if (!base || !key) return undefined;
    // A property of `module.exports = {...}` is exported under its own name.
    return base.length === 1 && base[0] === MODULE_SELF ? [exportLocalName(key)] : [...base, key];
  }
  return undefined;
}

/** An import of this very module as a namespace, so `__hapi_module` resolves to the module a `require()` of it names. */
function selfModule(ctx: Ctx, at: Node): void {
  if (ctx.selfImported) return;
  ctx.selfImported = true;
  const base = ctx.file.path.split('/').pop() ?? ctx.file.path;
  ctx.facts.push({ kind: 'import', language: 'javascript', local: MODULE_SELF, source: `./${base}`, imported: '*', location: loc(ctx.file.path, at) });
}

/** The receiver of a `.route()` / `.register()` call as the model should see it: a plugin's server is the plugin. */
function receiverRef(ctx: Ctx, receiver: string[], ancestors: readonly Node[]): string[] | undefined {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const fn = ancestors[i]!;
    if (!isFunction(fn)) continue;
    const first = fn.params[0];
    if (first?.type === 'Identifier' && receiver.length === 1 && first.name === receiver[0]) {
      const plugin = ctx.plugins.get(fn);
      if (plugin) return plugin;
      return receiver;
    }
  }
  if (ctx.servers.has(receiver.join('.'))) return receiver;
  if (receiver.length === 1 && /^(server|srv|app|hapi|plugin)$|Server$/.test(receiver[0]!)) return receiver;
  return undefined;
}

function readProgram(ctx: Ctx, program: t.Program): void {
  walk(program, (node, ancestors) => {
    if (node.type === 'ImportDeclaration') {
      if (HAPI_PACKAGE.test(node.source.value)) ctx.importsHapi = true;
      return false;
    }
    if (node.type === 'CallExpression' && requireSource(node) !== undefined && HAPI_PACKAGE.test(requireSource(node)!)) ctx.importsHapi = true;
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier') {
      const init = unwrap(node.init as Node | null);
      if (init) ctx.consts.set(node.id.name, init);
      if (isFunction(init)) ctx.functions.set(node.id.name, init);
      if (init && (init.type === 'CallExpression' || init.type === 'NewExpression')) {
        const callee = memberPath(init.callee as Node);
        const last = callee?.[callee.length - 1];
        if (last === 'server' || last === 'Server') ctx.servers.add(node.id.name);
      }
    }
    if (node.type === 'FunctionDeclaration' && node.id) ctx.functions.set(node.id.name, node);
    // hapi < 17: `exports.register = function (server, options, next) {...}` makes the module the plugin.
    if (node.type === 'AssignmentExpression' && commonJsExportName(node.left as Node) === 'register') {
      const fn = unwrap(node.right as Node);
      if (isFunction(fn)) {
        ctx.plugins.set(fn, [MODULE_SELF]);
        selfModule(ctx, node);
      }
    }
    if (node.type === 'ObjectExpression') {
      // A plugin: { name | pkg, register }.
      const register = objectProperty(node, 'register');
      if (register && (objectProperty(node, 'name') || objectProperty(node, 'pkg'))) {
        const owner = ownerRef(node, ancestors);
        if (owner?.[0] === MODULE_SELF) selfModule(ctx, node);
        if (owner) {
          const fn = register.type === 'ObjectMethod' ? register : unwrap(register);
          if (isFunction(fn)) ctx.plugins.set(fn, owner);
          else if (fn?.type === 'Identifier') ctx.pendingPlugins.push({ name: fn.name, owner });
        }
      }
    }
    return undefined;
  });
}

export function extractHapiRoutes(file: ParsedFile): Fact[] {
  if (file.tree.kind !== 'babel' || isTestFile(file.path)) return [];
  const program = file.tree.ast.program;
  const ctx: Ctx = { file, importsHapi: false, servers: new Set(), consts: new Map(), plugins: new Map(), functions: new Map(), pendingPlugins: [], selfImported: false, facts: [] };
  readProgram(ctx, program);
  for (const { name, owner } of ctx.pendingPlugins) {
    const fn = ctx.functions.get(name);
    if (fn && !ctx.plugins.has(fn)) ctx.plugins.set(fn, owner);
  }
  walk(program, (node, ancestors) => {
    if (node.type === 'CallExpression') {
      const callee = node.callee as Node;
      if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return undefined;
      const name = callee.property.name;
      if (name !== 'route' && name !== 'register') return undefined;
      const receiver = memberPath(callee.object as Node);
      if (!receiver) return undefined;
      const router = receiverRef(ctx, receiver, ancestors);
      if (!router) return undefined;
      if (name === 'route') routeCall(ctx, node, router);
      else if (ctx.importsHapi || ctx.plugins.size > 0) registerCall(ctx, node, router);
      return undefined;
    }
    // Route tables kept outside a route() call: `const routes = [...]`, `module.exports = [...]`.
    if (node.type === 'ArrayExpression' || node.type === 'ObjectExpression') {
      const parent = ancestors[ancestors.length - 1];
      // Arguments of route() calls are read by routeCall; elements of an array by the array.
      if (parent?.type === 'CallExpression' || (node.type === 'ObjectExpression' && parent?.type === 'ArrayExpression')) return undefined;
      const owner = ownerRef(node, ancestors);
      const items = node.type === 'ArrayExpression' ? (node.elements as (Node | null)[]) : [node];
      let any = false;
      for (const raw of items) {
        const config = routeConfig(ctx, raw ?? undefined);
        if (!config) continue;
        any = true;
        if (owner?.[0] === MODULE_SELF) selfModule(ctx, node);
        pushRoutes(ctx, raw!, config, owner);
      }
      return any ? false : undefined;
    }
    return undefined;
  });
  return ctx.facts;
}

export const hapiRoutes: Extractor = {
  id: 'hapi/routes',
  languages: ['javascript', 'typescript'],
  keywords: ['hapi', 'handler', '.route(', 'register'],
  extract: extractHapiRoutes,
};
