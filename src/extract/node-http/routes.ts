// Plain Node.js servers: the request listener of `http.createServer(fn)` / `https.createServer(opts, fn)` /
// `http2.createServer(fn)` (node:http, node:https, node:http2) or `server.on('request', fn)`, dispatching
// by comparing the request's method and URL with literals:
//   if (req.method === 'GET' && req.url === '/users') ...        -> GET /users
//   switch (pathname) { case '/reports': if (method === 'GET') } -> GET /reports
//   if (req.url === '/health') ...  (no method test)              -> ANY /health
// The URL may go through `new URL(req.url, base).pathname`, `url.parse(req.url).pathname` or local
// variables; the method through `const { method } = req`. Prefix tests (startsWith) and regexes are not
// endpoints and are skipped. Paths are absolute (no router ref).
import type * as t from '@babel/types';
import type { Fact, HttpMethod } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { isTestFile, methodFromString } from '../express/frameworks.js';
import { loc, memberPath, stringValue, walk, type Node } from '../javascript/ast.js';
import type { Extractor } from '../types.js';

const FRAMEWORK = 'node-http';

const HTTP_MODULES = new Set(['http', 'https', 'http2', 'node:http', 'node:https', 'node:http2']);

type Fn = t.FunctionExpression | t.ArrowFunctionExpression | t.FunctionDeclaration;

interface Ctx {
  method?: HttpMethod;
  path?: string;
}

/** Names bound to the http modules and to their createServer functions. */
function readImports(program: t.Program): { modules: Set<string>; createServer: Set<string> } {
  const modules = new Set<string>();
  const createServer = new Set<string>();
  const bind = (source: string, local: string, imported: string) => {
    if (!HTTP_MODULES.has(source)) return;
    if (imported === 'default' || imported === '*') modules.add(local);
    else if (imported === 'createServer' || imported === 'createSecureServer') createServer.add(local);
  };
  walk(program, (node) => {
    if (node.type === 'ImportDeclaration') {
      if (node.importKind === 'type') return false;
      for (const spec of node.specifiers) {
        const imported = spec.type === 'ImportSpecifier' ? (spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value)
          : spec.type === 'ImportDefaultSpecifier' ? 'default' : '*';
        bind(node.source.value, spec.local.name, imported);
      }
      return false;
    }
    if (node.type === 'VariableDeclarator') {
      const init = node.init as Node | null;
      if (init?.type !== 'CallExpression' || init.callee.type !== 'Identifier' || init.callee.name !== 'require') return undefined;
      const source = stringValue(init.arguments[0] as Node | undefined);
      if (source === undefined) return undefined;
      if (node.id.type === 'Identifier') bind(source, node.id.name, 'default');
      else if (node.id.type === 'ObjectPattern') {
        for (const prop of node.id.properties) {
          if (prop.type === 'ObjectProperty' && prop.key.type === 'Identifier' && prop.value.type === 'Identifier') bind(source, prop.value.name, prop.key.name);
        }
      }
    }
    return undefined;
  });
  return { modules, createServer };
}

function isFunction(node: Node | undefined): node is Fn {
  return node?.type === 'FunctionExpression' || node?.type === 'ArrowFunctionExpression' || node?.type === 'FunctionDeclaration';
}

/** Request listeners of this file: inline functions, or local functions named by the call. */
function listeners(program: t.Program, names: ReturnType<typeof readImports>): Fn[] {
  const functions = new Map<string, Fn>();
  for (const stmt of program.body) {
    const inner = (stmt.type === 'ExportNamedDeclaration' || stmt.type === 'ExportDefaultDeclaration') && stmt.declaration ? stmt.declaration as Node : stmt;
    if (inner.type === 'FunctionDeclaration' && inner.id) functions.set(inner.id.name, inner);
    else if (inner.type === 'VariableDeclaration') {
      for (const d of inner.declarations) if (d.id.type === 'Identifier' && isFunction(d.init as Node | undefined)) functions.set(d.id.name, d.init as Fn);
    }
  }
  const out: Fn[] = [];
  const take = (node: Node | undefined) => {
    if (isFunction(node)) out.push(node);
    else if (node?.type === 'Identifier' && functions.has(node.name)) out.push(functions.get(node.name)!);
  };
  walk(program, (node) => {
    if (node.type !== 'CallExpression') return undefined;
    const callee = memberPath(node.callee as Node);
    if (!callee) return undefined;
    const args = node.arguments as Node[];
    const isCreate = (callee.length === 1 && names.createServer.has(callee[0]!))
      || (callee.length === 2 && names.modules.has(callee[0]!) && (callee[1] === 'createServer' || callee[1] === 'createSecureServer'));
    if (isCreate) {
      // createServer(listener) / createServer(options, listener)
      take(args.length > 1 ? args[1] : args[0]);
    } else if (callee.length >= 2 && callee[callee.length - 1] === 'on' && stringValue(args[0]) === 'request' && (names.modules.size > 0 || names.createServer.size > 0)) {
      take(args[1]);
    }
    return undefined;
  });
  return out;
}

class ListenerScan {
  readonly methodNames = new Set<string>();
  readonly pathNames = new Set<string>();
  /** Names bound to `new URL(req.url, ...)` / `url.parse(req.url)`: their `.pathname` is the path. */
  readonly urlObjects = new Set<string>();
  private readonly emitted = new Set<string>();

  constructor(private readonly file: ParsedFile, private readonly req: string, private readonly handler: string, private readonly facts: Fact[]) {}

  private unwrap(node: Node | null | undefined): Node | undefined {
    let current = node ?? undefined;
    while (current && (current.type === 'TSAsExpression' || current.type === 'TSNonNullExpression' || current.type === 'ParenthesizedExpression')) current = current.expression as Node;
    // `req.url ?? '/'`, `req.url || '/'`
    if (current?.type === 'LogicalExpression' && (current.operator === '??' || current.operator === '||')) return this.unwrap(current.left as Node);
    return current;
  }

  isMethod(node: Node | null | undefined): boolean {
    const n = this.unwrap(node);
    if (!n) return false;
    if (n.type === 'Identifier') return this.methodNames.has(n.name);
    // req.method.toUpperCase()
    if (n.type === 'CallExpression' && n.arguments.length === 0 && n.callee.type === 'MemberExpression' && !n.callee.computed
      && n.callee.property.type === 'Identifier' && n.callee.property.name === 'toUpperCase') return this.isMethod(n.callee.object as Node);
    const path = memberPath(n);
    return path?.length === 2 && path[0] === this.req && path[1] === 'method';
  }

  isUrlSource(node: Node | null | undefined): boolean {
    const n = this.unwrap(node);
    if (!n) return false;
    if (n.type === 'Identifier') return this.pathNames.has(n.name);
    const path = memberPath(n);
    return path?.length === 2 && path[0] === this.req && path[1] === 'url';
  }

  isPath(node: Node | null | undefined): boolean {
    const n = this.unwrap(node);
    if (!n) return false;
    if (this.isUrlSource(n)) return true;
    const path = memberPath(n);
    return path?.length === 2 && this.urlObjects.has(path[0]!) && path[1] === 'pathname';
  }

  /** `new URL(req.url, base)` / `url.parse(req.url)` / `parse(req.url, true)`. */
  isUrlObject(node: Node | null | undefined): boolean {
    const n = this.unwrap(node);
    if (n?.type === 'NewExpression' && n.callee.type === 'Identifier' && n.callee.name === 'URL') return this.isUrlSource(n.arguments[0] as Node);
    if (n?.type === 'CallExpression') {
      const callee = memberPath(n.callee as Node);
      if (callee && callee[callee.length - 1] === 'parse') return this.isUrlSource(n.arguments[0] as Node);
    }
    return false;
  }

  /** Local bindings of the method, the URL, URL objects and the pathname. */
  bind(body: Node): void {
    walk(body, (node) => {
      if (node.type !== 'VariableDeclarator') return undefined;
      const init = node.init as Node | null;
      if (node.id.type === 'Identifier') {
        if (this.isMethod(init)) this.methodNames.add(node.id.name);
        else if (this.isPath(init)) this.pathNames.add(node.id.name);
        else if (this.isUrlObject(init)) this.urlObjects.add(node.id.name);
      } else if (node.id.type === 'ObjectPattern') {
        const fromReq = init?.type === 'Identifier' && init.name === this.req;
        const fromUrl = this.isUrlObject(init) || (init?.type === 'Identifier' && this.urlObjects.has(init.name));
        for (const prop of node.id.properties) {
          if (prop.type !== 'ObjectProperty' || prop.key.type !== 'Identifier' || prop.value.type !== 'Identifier') continue;
          if (fromReq && prop.key.name === 'method') this.methodNames.add(prop.value.name);
          else if (fromReq && prop.key.name === 'url') this.pathNames.add(prop.value.name);
          else if (fromUrl && prop.key.name === 'pathname') this.pathNames.add(prop.value.name);
        }
      }
      return undefined;
    });
  }

  /** Constraints a test puts on its consequent: `a === 'x' && b === 'y'` (either operand order). */
  constraints(test: Node): Ctx | undefined {
    const n = this.unwrap(test);
    if (!n) return undefined;
    if (n.type === 'LogicalExpression' && n.operator === '&&') {
      const left = this.constraints(n.left as Node);
      const right = this.constraints(n.right as Node);
      if (!left && !right) return undefined;
      return { ...left, ...right };
    }
    if (n.type !== 'BinaryExpression' || (n.operator !== '===' && n.operator !== '==')) return undefined;
    const pairs: [Node, Node][] = [[n.left as Node, n.right as Node], [n.right as Node, n.left as Node]];
    for (const [subject, literal] of pairs) {
      const value = stringValue(literal);
      if (value === undefined) continue;
      if (this.isMethod(subject)) {
        const method = methodFromString(value);
        return method && method !== 'ANY' ? { method } : undefined;
      }
      if (this.isPath(subject) && value.startsWith('/')) return { path: value };
    }
    return undefined;
  }

  private emit(ctx: Ctx, at: Node): void {
    if (!ctx.path) return;
    const method = ctx.method ?? 'ANY';
    const key = `${method} ${ctx.path}`;
    if (this.emitted.has(key)) return;
    this.emitted.add(key);
    this.facts.push({ kind: 'route', framework: FRAMEWORK, method, path: ctx.path, location: loc(this.file.path, at), handler: { name: this.handler } });
  }

  /** True when a method test occurs somewhere under `node`. */
  private hasMethodTest(node: Node): boolean {
    let found = false;
    walk(node, (inner) => {
      if (found) return false;
      if (inner.type === 'IfStatement' && this.constraints(inner.test as Node)?.method) found = true;
      else if (inner.type === 'SwitchStatement' && this.isMethod(inner.discriminant as Node)) found = true;
      return undefined;
    });
    return found;
  }

  /** A branch entered under `ctx`: emit when its path is known and no deeper method test refines it. */
  private branch(ctx: Ctx, body: Node | null | undefined, at: Node): void {
    if (!body) return;
    if (ctx.path && (ctx.method || !this.hasMethodTest(body))) {
      this.emit(ctx, at);
      return;
    }
    this.statement(body, ctx);
  }

  statement(node: Node | null | undefined, ctx: Ctx): void {
    if (!node) return;
    switch (node.type) {
      case 'BlockStatement':
        for (const s of node.body) this.statement(s as Node, ctx);
        return;
      case 'IfStatement': {
        const found = this.constraints(node.test as Node);
        if (found) this.branch({ ...ctx, ...found }, node.consequent as Node, node);
        else this.statement(node.consequent as Node, ctx);
        this.statement(node.alternate as Node | null, ctx);
        return;
      }
      case 'SwitchStatement': {
        const onMethod = this.isMethod(node.discriminant as Node);
        const onPath = !onMethod && this.isPath(node.discriminant as Node);
        if (!onMethod && !onPath) {
          for (const c of node.cases) for (const s of c.consequent) this.statement(s as Node, ctx);
          return;
        }
        // Empty cases fall through to the next body: `case 'GET': case 'HEAD': ...`.
        let pending: t.SwitchCase[] = [];
        for (const c of node.cases) {
          pending.push(c);
          if (c.consequent.length === 0) continue;
          const body: Node = { type: 'BlockStatement', body: c.consequent, directives: [] } as unknown as Node;
          for (const p of pending) {
            const value = p.test ? stringValue(p.test as Node) : undefined;
            if (value === undefined) { if (!p.test) this.statement(body, ctx); continue; }
            const method = onMethod ? methodFromString(value) : undefined;
            if (onMethod && method && method !== 'ANY') this.branch({ ...ctx, method }, body, p);
            else if (onPath && value.startsWith('/')) this.branch({ ...ctx, path: value }, body, p);
          }
          pending = [];
        }
        return;
      }
      case 'TryStatement':
        this.statement(node.block as Node, ctx);
        this.statement(node.handler?.body as Node | undefined, ctx);
        this.statement(node.finalizer as Node | null, ctx);
        return;
      case 'LabeledStatement':
        this.statement(node.body as Node, ctx);
        return;
      default:
        return;
    }
  }
}

export function extractNodeHttpRoutes(file: ParsedFile): Fact[] {
  if (file.tree.kind !== 'babel' || isTestFile(file.path)) return [];
  const program = file.tree.ast.program;
  const names = readImports(program);
  if (names.modules.size === 0 && names.createServer.size === 0) return [];
  const facts: Fact[] = [];
  for (const fn of listeners(program, names)) {
    const req = fn.params[0];
    if (req?.type !== 'Identifier') continue;
    const handler = fn.type === 'FunctionDeclaration' && fn.id ? fn.id.name : '<listener>';
    const scan = new ListenerScan(file, req.name, handler, facts);
    scan.bind(fn.body as Node);
    if (fn.body.type === 'BlockStatement') scan.statement(fn.body as Node, {});
  }
  return facts;
}

export const nodeHttpRoutes: Extractor = {
  id: 'node-http/routes',
  languages: ['javascript', 'typescript'],
  keywords: ['createServer'],
  extract: extractNodeHttpRoutes,
};
