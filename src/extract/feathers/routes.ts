// Feathers services: `app.use('/messages', service, { methods })` exposes a service over REST, one
// endpoint per standard service method it implements:
//   find -> GET /messages, get -> GET /messages/:id, create -> POST /messages,
//   update -> PUT /messages/:id, patch -> PATCH /messages/:id, remove -> DELETE /messages/:id.
// The service is an object literal (its methods), `new Class()` of a class in this file (its methods;
// every standard method when it extends a base service), a database adapter from a `feathers-*` /
// `@feathersjs/*` package (`new MemoryService()`, `createService(opts)`: every standard method), or a
// class from another file: then the routes are placeholders naming that class as a view, and the class's
// own file describes it (a `view` fact for each top-level class that implements service methods).
// A literal `methods: [...]` option narrows the exposed methods. Paths are absolute (no router ref).
import type * as t from '@babel/types';
import type { Fact, HttpMethod, RefExpr } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { isTestFile } from '../express/frameworks.js';
import { loc, memberPath, objectProperty, stringValue, walk, type Node } from '../javascript/ast.js';
import { commonJsExportName, exportLocalName } from '../javascript/modules.js';
import type { Extractor } from '../types.js';

const FRAMEWORK = 'feathers';

type ServiceMethod = 'find' | 'get' | 'create' | 'update' | 'patch' | 'remove';
const STANDARD: ServiceMethod[] = ['find', 'get', 'create', 'update', 'patch', 'remove'];
const REST: Record<ServiceMethod, { method: HttpMethod; path: string }> = {
  find: { method: 'GET', path: '' },
  get: { method: 'GET', path: '/:id' },
  create: { method: 'POST', path: '' },
  update: { method: 'PUT', path: '/:id' },
  patch: { method: 'PATCH', path: '/:id' },
  remove: { method: 'DELETE', path: '/:id' },
};

const isServiceMethod = (name: string): name is ServiceMethod => (STANDARD as string[]).includes(name);

/** `feathers-memory`, `@feathersjs/knex`, ...: packages whose services implement every standard method. */
function isFeathersPackage(source: string): boolean {
  return source.startsWith('feathers-') || source.startsWith('@feathersjs/');
}

function requireSource(node: Node | null | undefined): string | undefined {
  if (node?.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require') return undefined;
  return stringValue(node.arguments[0] as Node | undefined);
}

interface Scope {
  /** Local name -> import source. */
  imports: Map<string, string>;
  /** Top-level classes of this file: name -> node. */
  classes: Map<string, t.Class>;
  /** Top-level `const x = <init>`: name -> init. */
  locals: Map<string, Node>;
}

function methodName(key: Node, computed: boolean): string | undefined {
  if (computed) return stringValue(key);
  return key.type === 'Identifier' ? key.name : stringValue(key);
}

/** Standard service methods a class body or object literal defines, in standard order. */
function definedMethods(members: readonly Node[]): ServiceMethod[] {
  const found = new Set<ServiceMethod>();
  for (const m of members) {
    let name: string | undefined;
    if (m.type === 'ClassMethod' || m.type === 'ObjectMethod') {
      if (m.kind !== 'method') continue;
      name = methodName(m.key as Node, m.computed);
    } else if (m.type === 'ClassProperty' || m.type === 'ObjectProperty') {
      const value = m.value as Node | null;
      if (value?.type !== 'ArrowFunctionExpression' && value?.type !== 'FunctionExpression') continue;
      name = methodName(m.key as Node, m.computed);
    }
    if (name && isServiceMethod(name)) found.add(name);
  }
  return STANDARD.filter((m) => found.has(m));
}

/** Methods of a class: its own, or every standard method when it extends a base (adapter) service. */
function classMethods(cls: t.Class): ServiceMethod[] {
  return cls.superClass ? [...STANDARD] : definedMethods(cls.body.body as Node[]);
}

function readScope(program: t.Program): Scope {
  const scope: Scope = { imports: new Map(), classes: new Map(), locals: new Map() };
  for (const stmt of program.body) {
    let inner: Node = stmt;
    if ((stmt.type === 'ExportNamedDeclaration' || stmt.type === 'ExportDefaultDeclaration') && stmt.declaration) inner = stmt.declaration as Node;
    if (inner.type === 'ImportDeclaration') {
      for (const spec of inner.specifiers) scope.imports.set(spec.local.name, inner.source.value);
    } else if (inner.type === 'ClassDeclaration' && inner.id) {
      scope.classes.set(inner.id.name, inner);
    } else if (inner.type === 'VariableDeclaration') {
      for (const decl of inner.declarations) {
        const init = decl.init as Node | null | undefined;
        if (!init) continue;
        const source = requireSource(init) ?? (init.type === 'MemberExpression' ? requireSource(init.object as Node) : undefined);
        if (decl.id.type === 'Identifier') {
          if (source !== undefined) scope.imports.set(decl.id.name, source);
          else if (init.type === 'ClassExpression') scope.classes.set(decl.id.name, init);
          else scope.locals.set(decl.id.name, init);
        } else if (decl.id.type === 'ObjectPattern' && source !== undefined) {
          for (const prop of decl.id.properties) {
            if (prop.type === 'ObjectProperty' && prop.value.type === 'Identifier') scope.imports.set(prop.value.name, source);
          }
        }
      }
    }
  }
  return scope;
}

type Resolved =
  | { kind: 'methods'; methods: ServiceMethod[]; handler: string }
  | { kind: 'view'; ref: RefExpr; handler: string };

/** What a service expression exposes. */
function resolveService(file: ParsedFile, scope: Scope, node: Node | undefined, depth = 0): Resolved | undefined {
  if (!node || depth > 2) return undefined;
  if (node.type === 'ObjectExpression') {
    const methods = definedMethods(node.properties as Node[]);
    return methods.length ? { kind: 'methods', methods, handler: '<object>' } : undefined;
  }
  if (node.type === 'Identifier') {
    const local = scope.locals.get(node.name);
    return local ? resolveService(file, scope, local, depth + 1) : undefined;
  }
  if (node.type === 'NewExpression' || node.type === 'CallExpression') {
    const callee = memberPath(node.callee as Node);
    if (!callee) return undefined;
    const head = callee[0]!;
    const name = callee.join('.');
    const source = scope.imports.get(head);
    if (source !== undefined) {
      if (isFeathersPackage(source)) return { kind: 'methods', methods: [...STANDARD], handler: name };
      if (node.type === 'NewExpression' && callee.length === 1 && (source.startsWith('.') || source.startsWith('/') || source.startsWith('#') || source.startsWith('@/') || source.startsWith('~/'))) {
        return { kind: 'view', ref: { file: file.path, path: [head] }, handler: name };
      }
      return undefined;
    }
    if (node.type === 'NewExpression' && callee.length === 1) {
      const cls = scope.classes.get(head);
      if (cls) {
        const methods = classMethods(cls);
        return methods.length ? { kind: 'methods', methods, handler: name } : undefined;
      }
    }
  }
  return undefined;
}

function featherPath(node: Node | undefined, scope: Scope): string | undefined {
  let value = stringValue(node);
  if (value === undefined && node?.type === 'Identifier') value = stringValue(scope.locals.get(node.name));
  if (value === undefined) return undefined;
  const trimmed = value.replace(/^\/+|\/+$/g, '');
  return `/${trimmed}`;
}

function hasFeathersSignal(file: ParsedFile, scope: Scope): boolean {
  for (const source of scope.imports.values()) if (source.includes('feathers')) return true;
  return file.text.includes('.service(');
}

/** `view` facts for the top-level classes of this file that implement service methods. */
function classViews(file: ParsedFile, program: t.Program, scope: Scope): Fact[] {
  const facts: Fact[] = [];
  const emit = (name: string, cls: t.Class, at: Node) => {
    const own = definedMethods(cls.body.body as Node[]);
    const base = cls.superClass ? memberPath(cls.superClass as Node) : undefined;
    const baseSource = base ? scope.imports.get(base[0]!) : undefined;
    const inherits = base !== undefined && (baseSource === undefined ? scope.classes.has(base[0]!) || /Service$/.test(base[base.length - 1]!) : isFeathersPackage(baseSource) || /Service$/.test(base[base.length - 1]!));
    const methods = inherits ? [...STANDARD] : own;
    if (!methods.length) return;
    facts.push({
      kind: 'view', framework: FRAMEWORK, ref: { file: file.path, path: [name] }, location: loc(file.path, at),
      routes: methods.map((m) => ({ method: REST[m].method, path: REST[m].path, handler: { name: `${name}.${m}` } })),
    });
  };
  for (const stmt of program.body) {
    let inner: Node = stmt;
    if (stmt.type === 'ExportNamedDeclaration' && stmt.declaration) inner = stmt.declaration as Node;
    if (stmt.type === 'ExportDefaultDeclaration') {
      const decl = stmt.declaration as Node;
      if (decl.type === 'ClassDeclaration') emit(decl.id ? decl.id.name : exportLocalName('default'), decl, stmt);
      continue;
    }
    if (inner.type === 'ClassDeclaration' && inner.id) emit(inner.id.name, inner, stmt);
    else if (inner.type === 'VariableDeclaration') {
      for (const decl of inner.declarations) {
        if (decl.id.type === 'Identifier' && decl.init?.type === 'ClassExpression') emit(decl.id.name, decl.init, stmt);
      }
    } else if (inner.type === 'ExpressionStatement' && inner.expression.type === 'AssignmentExpression' && inner.expression.right.type === 'ClassExpression') {
      // exports.Messages = class Messages {}, module.exports = class {}
      const exported = commonJsExportName(inner.expression.left as Node);
      const cls = inner.expression.right;
      if (exported === undefined) continue;
      emit(cls.id && exported !== 'default' ? cls.id.name : exportLocalName(exported), cls, stmt);
    }
  }
  return facts;
}

export function extractFeathersRoutes(file: ParsedFile): Fact[] {
  if (file.tree.kind !== 'babel' || isTestFile(file.path)) return [];
  const program = file.tree.ast.program;
  const scope = readScope(program);
  const facts = classViews(file, program, scope);
  const signal = hasFeathersSignal(file, scope);
  if (!signal && !file.text.includes('methods')) return facts;
  walk(program, (node) => {
    if (node.type !== 'CallExpression') return undefined;
    const callee = node.callee as Node;
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || callee.property.name !== 'use') return undefined;
    const args = node.arguments as Node[];
    if (args.length < 2 || args.length > 3) return undefined;
    const listed = objectProperty(args[2], 'methods');
    // Without a Feathers import or app.service() in the file, only a `{ methods }` option tells a service.
    if (!signal && !listed) return undefined;
    const literal = featherPath(args[0], scope);
    // A path named by an imported constant (`app.use(messagePath, ...)`): the routes go on a router of
    // their own, mounted with a prefix the model resolves through the constant.
    const pathRef = literal === undefined && (args[0]!.type === 'Identifier' || args[0]!.type === 'MemberExpression') ? memberPath(args[0]) : undefined;
    const parent = memberPath(callee.object as Node);
    if (literal === undefined && (!pathRef || !parent)) return undefined;
    const service = resolveService(file, scope, args[1]);
    if (!service) return undefined;
    let allowed: Set<string> | undefined;
    if (listed?.type === 'ArrayExpression') {
      allowed = new Set();
      for (const el of listed.elements) { const v = stringValue(el as Node | null); if (v !== undefined) allowed.add(v); }
    }
    const at = loc(file.path, node);
    let base = literal === undefined || literal === '/' ? '' : literal;
    let router: RefExpr | undefined;
    if (literal === undefined) {
      router = { file: file.path, path: [`__feathers_service_${at.startLine}_${at.startColumn}`] };
      facts.push({ kind: 'router', framework: FRAMEWORK, ref: router, location: at });
      facts.push({ kind: 'mount', framework: FRAMEWORK, parent: { file: file.path, path: parent! }, child: router, prefix: '', prefixRef: { file: file.path, path: pathRef! }, location: at });
      base = '';
    }
    const on = router ? { router } : {};
    if (service.kind === 'methods' || allowed) {
      // A literal `methods` list names what is exposed (Feathers requires each to exist on the service).
      for (const m of service.kind === 'methods' ? service.methods : STANDARD) {
        if (allowed && !allowed.has(m)) continue;
        facts.push({ kind: 'route', framework: FRAMEWORK, method: REST[m].method, path: `${base}${REST[m].path}` || '/', ...on, location: at, handler: { name: `${service.handler}.${m}` } });
      }
    } else {
      // Placeholders (every standard method) that the class's view replaces when it resolves.
      for (const m of STANDARD) {
        facts.push({
          kind: 'route', framework: FRAMEWORK, method: REST[m].method, path: `${base}${REST[m].path}` || '/', ...on, location: at,
          handler: { name: `${service.handler}.${m}` }, view: { ref: service.ref, base },
        });
      }
    }
    return undefined;
  });
  return facts;
}

export const feathersRoutes: Extractor = {
  id: 'feathers/routes',
  languages: ['javascript', 'typescript'],
  keywords: ['feathers', '.service(', 'methods', 'class '],
  extract: extractFeathersRoutes,
};
