// The shared state of one scan of one file for one verb-DSL framework (Express, Koa, Fastify, Hono):
// bindings, router objects and the references the model will link them by.
//
// A router is known to this scan when it is created here (`express()`, `new Router()`,
// `fastify()`, `new Hono()`), when it is a parameter of a route-registering function (a Fastify
// plugin, `module.exports = function (app) {...}`), or when it is imported from a relative module.
// Its reference is the binding it is assigned to; routers made inside factories are named after
// the factory (`createRouter()` -> ['createRouter']), class fields after the class
// (['UsersController', 'router']) and anonymous exports after the export (`__default_export`).
import type * as t from '@babel/types';
import type { Fact, RouterFact } from '../../core/facts.js';
import type { Location } from '../../core/types.js';
import { locationFromBabel } from '../../languages/location.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, memberPath, walk, type Node } from '../javascript/ast.js';
import { commonJsExportName, exportLocalName } from '../javascript/modules.js';
import { analyzeBindings, isFunctionNode, requireSource, unwrap, type Binding, type Bindings, type FunctionNode, type ScopeOwner } from './bindings.js';
import { ConstantFolder } from './constants.js';
import {
  frameworkOfPackage, frameworkOfType, isFrontendImport, isOtherServerImport, isServerParamName, verbMethod, type JsFramework,
} from './frameworks.js';

export interface RouterInfo {
  ref: string[];
  framework: JsFramework;
  isApp: boolean;
  prefix?: string;
  /** Where the router comes from: made here, a parameter, or imported (defined elsewhere). */
  origin: 'created' | 'function' | 'imported';
  /** Known to be a router (created here, a registered plugin, a typed parameter), not guessed from a name. */
  trusted: boolean;
  location: Location;
}

const CHAIN_METHODS = new Set(['use', 'route', 'register', 'basePath', 'on', 'mount', 'prefix', 'addHook', 'decorate', 'setErrorHandler', 'notFound', 'onError', 'param', 'set', 'enable', 'disable', 'engine', 'redirect', 'middleware']);

export class RouterScan {
  readonly bindings: Bindings;
  readonly folder: ConstantFolder;
  readonly facts: Fact[] = [];
  /** Framework of receivers this file does not create (parameters, imports). */
  readonly fileFramework: JsFramework;
  /** Browser code or another server framework's file: parameters and imports are not our routers. */
  readonly isFrontend: boolean;
  private readonly routers = new Map<Node, RouterInfo>();
  private readonly emittedRouters = new Set<RouterInfo>();
  private readonly registeredFunctions = new Set<Node>();
  private readonly classRouters = new Map<string, Node>(); // 'Class.field' -> creation node
  private syntheticCount = 0;

  constructor(readonly file: ParsedFile, readonly program: t.Program, readonly framework: JsFramework) {
    this.bindings = analyzeBindings(program);
    this.folder = new ConstantFolder(this.bindings);
    const kind = fileKind(program);
    this.isFrontend = kind.isFrontend;
    this.fileFramework = kind.fileFramework;
  }

  // ---------------------------------------------------------------- locations and names

  loc(node: Node): Location {
    return loc(this.file.path, node);
  }

  /** Location from the start of `from` to the end of `to` (a verb's name to the end of its call). */
  span(from: Node, to: Node): Location {
    if (!from.loc || !to.loc) return this.loc(to);
    return locationFromBabel(this.file.path, { start: from.loc.start, end: to.loc.end });
  }

  synthetic(kind: string, node: Node): string {
    const line = node.loc?.start.line ?? 0;
    const column = (node.loc?.start.column ?? 0) + 1;
    this.syntheticCount++;
    return `__${kind}_L${line}_C${column}`;
  }

  parentOf(node: Node): Node | undefined {
    let parent = this.bindings.parentOf(node);
    while (parent && (parent.type === 'TSAsExpression' || parent.type === 'TSNonNullExpression' || parent.type === 'ParenthesizedExpression' || parent.type === 'TSSatisfiesExpression' || parent.type === 'AwaitExpression')) {
      parent = this.bindings.parentOf(parent);
    }
    return parent;
  }

  scopeAt(node: Node): ScopeOwner[] {
    const ancestors: Node[] = [];
    for (let p = this.bindings.parentOf(node); p; p = this.bindings.parentOf(p)) ancestors.unshift(p);
    return this.bindings.scopeOf(ancestors);
  }

  enclosingClass(node: Node): t.ClassDeclaration | t.ClassExpression | undefined {
    for (let p = this.bindings.parentOf(node); p; p = this.bindings.parentOf(p)) {
      if (p.type === 'ClassDeclaration' || p.type === 'ClassExpression') return p;
    }
    return undefined;
  }

  className(cls: t.ClassDeclaration | t.ClassExpression): string | undefined {
    if (cls.id) return cls.id.name;
    const parent = this.parentOf(cls);
    if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
    return undefined;
  }

  /** The reference a value placed at `expr` is known by: its variable, export, class field... */
  placementRef(expr: Node): string[] {
    let cur = expr;
    // Unwrap fastify-plugin style wrappers: fp(fn), fastifyPlugin(fn, opts).
    for (let parent = this.parentOf(cur); parent?.type === 'CallExpression' && parent.arguments[0] === cur && this.isPluginWrapper(parent); parent = this.parentOf(cur)) {
      cur = parent;
    }
    const parent = this.parentOf(cur);
    if (!parent) return [this.synthetic('router', expr)];
    switch (parent.type) {
      case 'VariableDeclarator':
        if (parent.id.type === 'Identifier') return [parent.id.name];
        break;
      case 'AssignmentExpression': {
        if (parent.right !== cur && unwrap(parent.right) !== cur) break;
        const exported = commonJsExportName(parent.left as Node);
        if (exported !== undefined) return [exportLocalName(exported)];
        const path = memberPath(parent.left as Node);
        if (path && path[0] === 'this' && path.length === 2) {
          const cls = this.enclosingClass(parent);
          const name = cls && this.className(cls);
          if (name) return [name, path[1]!];
        }
        if (path && path.length === 1) return path;
        break;
      }
      case 'ExportDefaultDeclaration':
        return [exportLocalName('default')];
      case 'ClassProperty': case 'ClassPrivateProperty': {
        const cls = this.enclosingClass(parent);
        const name = cls && this.className(cls);
        const key = parent.key.type === 'Identifier' ? parent.key.name : parent.key.type === 'PrivateName' ? `#${parent.key.id.name}` : undefined;
        if (name && key) return [name, key];
        break;
      }
      case 'ObjectProperty': {
        const obj = this.parentOf(parent);
        const assign = obj && this.parentOf(obj);
        const key = parent.key.type === 'Identifier' ? parent.key.name : parent.key.type === 'StringLiteral' ? parent.key.value : undefined;
        if (key && assign?.type === 'AssignmentExpression' && commonJsExportName(assign.left as Node) === 'default') return [exportLocalName(key)];
        break;
      }
      case 'ReturnStatement': case 'ArrowFunctionExpression': {
        const fn = parent.type === 'ReturnStatement' ? this.enclosingFunction(parent) : parent;
        if (fn && (parent.type === 'ReturnStatement' || parent.body === cur)) return this.functionRef(fn);
        break;
      }
      default:
        break;
    }
    return [this.synthetic('router', expr)];
  }

  enclosingFunction(node: Node): FunctionNode | undefined {
    for (let p = this.bindings.parentOf(node); p; p = this.bindings.parentOf(p)) if (isFunctionNode(p)) return p;
    return undefined;
  }

  /** The reference of a function: its name, variable, export or class method. */
  functionRef(fn: FunctionNode): string[] {
    if (fn.type === 'FunctionDeclaration' && fn.id) return [fn.id.name];
    if ((fn.type === 'ClassMethod' || fn.type === 'ClassPrivateMethod') && fn.key.type === 'Identifier') {
      const cls = this.enclosingClass(fn);
      const name = cls && this.className(cls);
      if (name) return [name, fn.key.name];
    }
    if (fn.type === 'ObjectMethod' && fn.key.type === 'Identifier') {
      const obj = this.parentOf(fn);
      const assign = obj && this.parentOf(obj);
      if (assign?.type === 'AssignmentExpression' && commonJsExportName(assign.left as Node) === 'default') return [exportLocalName(fn.key.name)];
    }
    return this.placementRef(fn);
  }

  isPluginWrapper(call: t.CallExpression): boolean {
    const callee = unwrap(call.callee as Node);
    if (callee?.type !== 'Identifier') return false;
    const b = this.bindings.lookup(callee.name, this.scopeAt(call));
    if (b?.kind === 'import') return b.source === 'fastify-plugin';
    return callee.name === 'fp' || callee.name === 'fastifyPlugin';
  }

  /** True when `fn` returns the variable `name` (a router factory). */
  returnsName(fn: FunctionNode, name: string): boolean {
    const body = fn.body as Node;
    if (body.type !== 'BlockStatement') return body.type === 'Identifier' && body.name === name;
    let found = false;
    const stack: Node[] = [body];
    while (stack.length > 0 && !found) {
      const node = stack.pop()!;
      if (node.type === 'ReturnStatement') {
        const arg = unwrap(node.argument as Node | null);
        if (arg?.type === 'Identifier' && arg.name === name) found = true;
        continue;
      }
      if (isFunctionNode(node) || node.type === 'ClassDeclaration' || node.type === 'ClassExpression') continue;
      for (const key of Object.keys(node)) {
        if (key === 'loc' || key.endsWith('Comments')) continue;
        const value = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value)) { for (const v of value) if (v && typeof v === 'object' && 'type' in v) stack.push(v as Node); }
        else if (value && typeof value === 'object' && 'type' in value) stack.push(value as Node);
      }
    }
    return found;
  }

  // ---------------------------------------------------------------- creations

  /** The binding of an identifier callee / constructor, if it is an import. */
  private importOf(node: Node | undefined, scope: readonly ScopeOwner[]): Extract<Binding, { kind: 'import' }> | undefined {
    const n = unwrap(node);
    if (n?.type !== 'Identifier') return undefined;
    const b = this.bindings.lookup(n.name, scope);
    return b?.kind === 'import' ? b : undefined;
  }

  /** Is `node` an expression that creates a router of this scan's framework? */
  creationKind(node: Node, scope: readonly ScopeOwner[]): { isApp: boolean; options?: Node } | undefined {
    const n = unwrap(node);
    if (!n || (n.type !== 'CallExpression' && n.type !== 'NewExpression')) return undefined;
    const callee = unwrap(n.callee as Node);
    if (!callee) return undefined;
    const options = n.arguments[0] as Node | undefined;
    const fw = this.framework;
    // require('express')() / require('fastify')({...}) / require('koa-router')()
    const reqSource = requireSource(callee);
    if (reqSource !== undefined) {
      if (fw === 'express' && reqSource === 'express') return { isApp: true };
      if (fw === 'fastify' && reqSource === 'fastify') return { isApp: true, options };
      if (fw === 'koa' && (reqSource === 'koa')) return { isApp: true };
      if (fw === 'koa' && frameworkOfPackage(reqSource) === 'koa') return { isApp: false, options };
      return undefined;
    }
    if (callee.type === 'Identifier') {
      const imp = this.importOf(callee, scope);
      if (!imp) return undefined;
      const { source, imported } = imp;
      switch (fw) {
        case 'express':
          if (source !== 'express') return undefined;
          if (imported === 'default' || imported === '*') return { isApp: true };
          if (imported === 'Router') return { isApp: false };
          return undefined;
        case 'koa':
          if (source === 'koa' && (imported === 'default' || imported === '*')) return { isApp: true };
          if (source !== 'koa' && frameworkOfPackage(source) === 'koa' && (imported === 'default' || imported === 'Router' || imported === '*')) return { isApp: false, options };
          return undefined;
        case 'fastify':
          if (source === 'fastify' && (imported === 'default' || imported === 'fastify' || imported === '*')) return { isApp: true, options };
          return undefined;
        case 'hono':
          if (frameworkOfPackage(source) === 'hono' && n.type === 'NewExpression' && /Hono$/.test(imported)) return { isApp: false };
          return undefined;
        default:
          return undefined;
      }
    }
    if (callee.type === 'MemberExpression') {
      // express.Router(), require('express').Router(), koa's Router.default?
      const prop = !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : undefined;
      const objSource = requireSource(unwrap(callee.object as Node)) ?? this.importOf(callee.object as Node, scope)?.source;
      if (fw === 'express' && prop === 'Router' && objSource === 'express') return { isApp: false };
      if (fw === 'fastify' && (prop === 'fastify' || prop === 'default') && objSource === 'fastify') return { isApp: true, options };
      if (fw === 'hono' && objSource && frameworkOfPackage(objSource) === 'hono' && prop && /Hono$/.test(prop)) return { isApp: false };
    }
    return undefined;
  }

  /** Router info for a creation expression (memoised by node). */
  routerForCreation(node: Node, scope: readonly ScopeOwner[]): RouterInfo | undefined {
    const n = unwrap(node)!;
    const known = this.routers.get(n);
    if (known) return known;
    const kind = this.creationKind(n, scope);
    if (!kind) return undefined;
    // Climb the chain `new Hono().basePath('/api').get(...)` to the expression that is stored.
    let top: Node = n;
    let prefix: string | undefined = this.optionPrefix(kind.options, scope);
    for (;;) {
      const member = this.parentOf(top);
      const call = member && this.parentOf(member);
      if (member?.type !== 'MemberExpression' || unwrap(member.object as Node) !== top || call?.type !== 'CallExpression' || call.callee !== member) break;
      const name = !member.computed && member.property.type === 'Identifier' ? member.property.name : undefined;
      if (!name || !(CHAIN_METHODS.has(name) || verbMethod(this.framework, name))) break;
      if (name === 'basePath' && this.framework === 'hono') prefix = this.folder.string(call.arguments[0] as Node, scope) ?? prefix;
      top = call;
    }
    let ref = this.placementRef(top);
    // A router made and returned by a factory is known by the factory's name.
    const parent = this.parentOf(top);
    if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') {
      const fn = this.enclosingFunction(parent);
      if (fn && this.returnsName(fn, parent.id.name)) ref = this.functionRef(fn);
    }
    const info: RouterInfo = {
      ref, framework: this.framework, isApp: kind.isApp, origin: 'created', trusted: true, location: this.loc(n),
      ...(prefix !== undefined ? { prefix } : {}),
    };
    this.routers.set(n, info);
    if (ref.length === 2) this.classRouters.set(ref.join('.'), n);
    return info;
  }

  private optionPrefix(options: Node | undefined, scope: readonly ScopeOwner[]): string | undefined {
    const obj = this.folder.resolveNode(options, scope, 0);
    if (obj?.type !== 'ObjectExpression') return undefined;
    for (const prop of obj.properties) {
      if (prop.type === 'ObjectProperty' && !prop.computed && prop.key.type === 'Identifier' && prop.key.name === 'prefix') {
        return this.folder.string(prop.value as Node, scope);
      }
    }
    return undefined;
  }

  // ---------------------------------------------------------------- receivers

  /** Marks functions handed to `.register(...)` (Fastify plugins) so their first parameter is a router. */
  markRegistered(fn: Node): void {
    this.registeredFunctions.add(fn);
  }

  /** The framework a function parameter stands for when it is an app/router, else undefined. */
  private paramFramework(b: Extract<Binding, { kind: 'param' }>): { framework: JsFramework; trusted: boolean } | undefined {
    const param = b.param.type === 'AssignmentPattern' ? b.param.left : b.param.type === 'TSParameterProperty' ? b.param.parameter : b.param;
    const annotation = (param as { typeAnnotation?: Node | null }).typeAnnotation;
    const typeNode = annotation?.type === 'TSTypeAnnotation' ? annotation.typeAnnotation : undefined;
    if (typeNode?.type === 'TSTypeReference') {
      const typeName = tsTypeName(typeNode.typeName as Node);
      const fw = typeName ? frameworkOfType(typeName) : undefined;
      if (fw && fw !== 'any') return { framework: fw, trusted: true };
    }
    if (this.registeredFunctions.has(b.fn) && b.index === 0) return { framework: 'fastify', trusted: true };
    if (this.isFrontend || !isServerParamName(b.name)) return undefined;
    if (/^(fastify|instance)$/i.test(b.name)) return { framework: 'fastify', trusted: false };
    return { framework: this.fileFramework, trusted: false };
  }

  /** The router an expression used as a call receiver stands for, if any. */
  receiver(node: Node | null | undefined, scope: readonly ScopeOwner[], depth = 0): RouterInfo | undefined {
    const n = unwrap(node as Node | undefined);
    if (!n || depth > 8) return undefined;
    switch (n.type) {
      case 'Identifier': {
        const b = this.bindings.lookup(n.name, scope);
        if (!b) return undefined;
        return this.receiverOfBinding(b, depth);
      }
      case 'CallExpression': case 'NewExpression': {
        const created = this.routerForCreation(n, scope);
        if (created) return created;
        const callee = unwrap(n.callee as Node);
        if (n.type === 'CallExpression' && callee?.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
          const name = callee.property.name;
          if (CHAIN_METHODS.has(name) || verbMethod(this.framework, name)) {
            // `app.route('/x')` is an Express route object, not the app.
            if (name === 'route' && this.framework === 'express') return undefined;
            return this.receiver(callee.object as Node, scope, depth + 1);
          }
        }
        return undefined;
      }
      case 'MemberExpression': {
        const path = memberPath(n);
        if (path && path[0] === 'this' && path.length === 2) {
          const cls = this.enclosingClass(n);
          const name = cls && this.className(cls);
          const creation = name ? this.classRouters.get(`${name}.${path[1]}`) : undefined;
          if (creation) return this.routers.get(creation);
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }

  private receiverOfBinding(b: Binding, depth: number): RouterInfo | undefined {
    switch (b.kind) {
      case 'var': {
        if (!b.init) return undefined;
        const init = unwrap(b.init)!;
        if (init.type === 'Identifier' || init.type === 'MemberExpression' || init.type === 'CallExpression' || init.type === 'NewExpression') {
          const found = this.receiver(init, b.scope, depth + 1);
          if (found) return found;
        }
        // `const app = createApp()` with createApp imported from a relative module or a local factory.
        if (init.type === 'CallExpression') {
          const callee = unwrap(init.callee as Node);
          if (callee?.type === 'Identifier') {
            const cb = this.bindings.lookup(callee.name, b.scope);
            if (cb?.kind === 'import' && isRelativeSource(cb.source) && !this.isFrontend && this.framework === this.fileFramework) {
              return { ref: [callee.name], framework: this.framework, isApp: false, origin: 'imported', trusted: false, location: this.loc(init) };
            }
          }
        }
        return undefined;
      }
      case 'import': {
        if (!isRelativeSource(b.source) || this.isFrontend || this.framework !== this.fileFramework) return undefined;
        return { ref: [b.name], framework: this.framework, isApp: false, origin: 'imported', trusted: false, location: this.loc(b.node) };
      }
      case 'param': {
        const fw = this.paramFramework(b);
        if (fw?.framework !== this.framework) return undefined;
        const known = this.routers.get(b.fn);
        if (known) return known;
        const info: RouterInfo = { ref: this.functionRef(b.fn), framework: fw.framework, isApp: false, origin: 'function', trusted: fw.trusted, location: this.loc(b.fn) };
        this.routers.set(b.fn, info);
        return info;
      }
      default:
        return undefined;
    }
  }

  /** Router info of a function used as a plugin (its first parameter is the router), creating it if needed. */
  routerForFunction(fn: FunctionNode): RouterInfo {
    const known = this.routers.get(fn);
    if (known) return known;
    const info: RouterInfo = { ref: this.functionRef(fn), framework: this.framework, isApp: false, origin: 'function', trusted: true, location: this.loc(fn) };
    this.routers.set(fn, info);
    return info;
  }

  /** Records that something was registered on `router` (so its router fact is emitted). */
  touch(router: RouterInfo): void {
    this.emittedRouters.add(router);
  }

  /** Routers standing for functions (plugins, route modules) that something was registered on. */
  functionRouters(): RouterInfo[] {
    return [...this.routers.values()].filter((r) => r.origin === 'function' && this.emittedRouters.has(r));
  }

  setPrefix(router: RouterInfo, prefix: string): void {
    router.prefix = prefix;
  }

  /** Router facts for every router created here or registered on through a parameter. */
  routerFacts(): RouterFact[] {
    const out: RouterFact[] = [];
    const seen = new Set<string>();
    for (const info of this.routers.values()) {
      if (info.origin === 'imported') continue;
      if (info.origin === 'function' && !this.emittedRouters.has(info)) continue;
      const key = info.ref.join('.');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        kind: 'router', framework: info.framework, ref: { file: this.file.path, path: info.ref }, location: info.location,
        ...(info.prefix !== undefined ? { prefix: info.prefix } : {}),
        ...(info.isApp ? { isApp: true } : {}),
      });
    }
    return out;
  }
}

/** Packages a module imports or requires at its top level. */
function moduleSources(program: t.Program): string[] {
  const out: string[] = [];
  const fromExpression = (node: Node | null | undefined) => {
    let cur = unwrap(node);
    for (let depth = 0; cur && depth < 8; depth++) {
      const src = requireSource(cur);
      if (src !== undefined) { out.push(src); return; }
      if (cur.type === 'CallExpression') cur = unwrap(cur.callee as Node);
      else if (cur.type === 'MemberExpression') cur = unwrap(cur.object as Node);
      else if (cur.type === 'AwaitExpression') cur = unwrap(cur.argument);
      else return;
    }
  };
  for (const stmt of program.body) {
    if (stmt.type === 'ImportDeclaration') out.push(stmt.source.value);
    else if (stmt.type === 'TSImportEqualsDeclaration' && stmt.moduleReference.type === 'TSExternalModuleReference') out.push(stmt.moduleReference.expression.value);
    else if (stmt.type === 'VariableDeclaration') for (const d of stmt.declarations) fromExpression(d.init as Node | null);
    else if (stmt.type === 'ExpressionStatement') fromExpression(stmt.expression as Node);
  }
  return out;
}

/**
 * Which of our frameworks a file imports, the framework its parameters and imports stand for, and
 * whether it is browser code or another server framework's (then only routers it creates count).
 */
export function fileKind(program: t.Program): { frameworks: Set<JsFramework>; fileFramework: JsFramework; isFrontend: boolean } {
  const frameworks = new Set<JsFramework>();
  let isFrontend = false;
  for (const source of moduleSources(program)) {
    const fw = frameworkOfPackage(source);
    if (fw) frameworks.add(fw);
    if (isFrontendImport(source) || (!fw && isOtherServerImport(source))) isFrontend = true;
  }
  const fileFramework = frameworks.has('fastify') ? 'fastify' : frameworks.has('hono') ? 'hono'
    : frameworks.has('koa') ? 'koa' : frameworks.has('express') ? 'express' : guessFramework(program);
  return { frameworks, fileFramework, isFrontend };
}

/**
 * The framework of a route module that imports none (`module.exports = async (app) => {...}`):
 * Fastify when it uses Fastify-only methods or `reply` handlers, Koa for `ctx` handlers, else Express.
 */
function guessFramework(program: t.Program): JsFramework {
  let guess: JsFramework | undefined;
  walk(program, (node) => {
    if (guess) return false;
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && node.callee.property.type === 'Identifier'
      && /^(addHook|decorate|decorateRequest|decorateReply|setErrorHandler|addSchema|register)$/.test(node.callee.property.name)) {
      guess = 'fastify';
    } else if (isFunctionNode(node) && node.params.length >= 1 && node.params.length <= 2) {
      const names = node.params.map((p) => (p.type === 'Identifier' ? p.name : ''));
      if (names[1] === 'reply' || names[0] === 'fastify') guess = 'fastify';
      else if (names.length === 1 && names[0] === 'ctx') guess = 'koa';
    }
    return undefined;
  });
  return guess ?? 'express';
}

export function isRelativeSource(source: string): boolean {
  return source.startsWith('.') || source.startsWith('/') || /^[@~#]\//.test(source) || /^(src|app|lib|server|routes|api)\//.test(source);
}

function tsTypeName(node: Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'TSQualifiedName') {
    const left = tsTypeName(node.left as Node);
    return left ? `${left}.${node.right.name}` : undefined;
  }
  return undefined;
}
