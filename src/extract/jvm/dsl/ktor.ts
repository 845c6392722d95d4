// Ktor (io.ktor.server.routing) routes:
// - `routing { ... }` / `install(Routing) { ... }` blocks and the bodies of `fun Route.x()` /
//   `fun Routing.x()` extension functions are read as route blocks;
// - in a block: `get("/x") { }` / `get { }` (post, put, patch, delete, head, options; `query` is the
//   QUERY method), `route("/p") { ... }` (prefix), `route("/p", HttpMethod.Post) { handle { } }`,
//   `method(HttpMethod.Get) { handle { } }`, `handle { }` (every method unless a method is set),
//   `webSocket("/x") { }` / `sse("/x") { }` (GET), `staticResources("/s", ...)` / `staticFiles(...)` /
//   `static("/s") { }` (GET /s/**); `authenticate(...) { }` adds an auth middleware; any other call with
//   a trailing lambda is read as a wrapper (`rateLimit { }`, `with(x) { }`); handler lambdas are never
//   read as blocks (so `.describe { query("x") }` is not a QUERY route);
// - type-safe routing `get<Articles.Id> { }`: the route hangs under a mount whose prefix is the full path
//   of the @Resource class, a `constant` fact emitted where the class is declared (parents via `parent`);
// - a call statement `userRoutes()` in a block mounts that extension function's routes at the current
//   prefix ({ file: 'jvm:<pkg>', path: ['userRoutes', '$route'] }, the package from the imports).
import type { Fact, HttpMethod, MiddlewareRef, RefExpr } from '../../../core/facts.js';
import { descendants, loc, namedChildren, type Node } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { callView, type CallView } from '../calls.js';
import { joinLiteral } from '../class-facts.js';
import type { JvmFile } from '../jvm-source.js';
import { evalStrings, packageRefFile, typeRefs, type StrValue } from '../values.js';
import { allClasses, type JvmClass } from '../jvm-source.js';
import { enclosingClassName } from './bindings.js';
import { EMPTY, dedupeFacts, guarded, dslOutline, dslRouteFacts, importsFrom, isCallableReference, joinValue, pathArg, verbOf } from './common.js';

const FRAMEWORK = 'ktor';
const VERBS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD', options: 'OPTIONS', query: 'QUERY',
  webSocket: 'GET', webSocketRaw: 'GET', sse: 'GET',
};
const STATIC = new Set(['staticResources', 'staticFiles', 'staticZip']);
/** Wrappers whose lambda is configuration or a handler, never a route block. */
const NOT_BLOCKS = new Set(['intercept', 'handle', 'launch', 'async', 'runBlocking', 'transaction', 'forEach', 'map', 'describe', 'openAPI', 'swaggerUI']);
const ROUTE_RECEIVERS = new Set(['Route', 'Routing', 'Routing.Route', 'io.ktor.server.routing.Route', 'io.ktor.server.routing.Routing', 'io.ktor.routing.Route', 'io.ktor.routing.Routing']);
const MAX_DEPTH = 32;

interface Ctx {
  prefix: StrValue;
  method?: HttpMethod;
  router: RefExpr;
  middleware: MiddlewareRef[];
}

function statementsOf(node: Node | undefined): Node[] {
  if (!node) return [];
  if (node.type === 'lambda_literal') return namedChildren(node).filter((k) => k.type !== 'lambda_parameters');
  if (node.type === 'function_body') {
    const kids = namedChildren(node);
    return kids.length === 1 && kids[0]!.type === 'block' ? namedChildren(kids[0]) : kids;
  }
  if (node.type === 'block') return namedChildren(node);
  return [];
}

/** The receiver type of a Kotlin extension function (`fun Route.x()` -> 'Route'), if any. */
function receiverType(fn: Node): string | undefined {
  for (const child of namedChildren(fn)) {
    if (child.type === 'user_type') return child.text;
    if (child.type === 'identifier' || child.type === 'simple_identifier') return undefined; // reached the name
  }
  return undefined;
}

function functionNameOf(fn: Node): string | undefined {
  return namedChildren(fn).find((c) => c.type === 'identifier' || c.type === 'simple_identifier')?.text;
}

/**
 * Type-safe routing `get<Articles> { }` / `post<Articles.New> { }`: the grammar reads it as
 * `(get < Articles) > { ... }`. Returns the verb, the resource type and the verb node.
 */
function typedVerb(node: Node): { method: HttpMethod; type: string; at: Node } | undefined {
  if (node.type !== 'binary_expression' || node.child(1)?.type !== '>') return undefined;
  const [left, lambda] = namedChildren(node);
  if (!left || left.type !== 'binary_expression' || left.child(1)?.type !== '<' || lambda?.type !== 'lambda_literal') return undefined;
  const [verbNode, typeNode] = namedChildren(left);
  const method = verbNode?.type === 'identifier' ? VERBS[verbNode.text] : undefined;
  if (!method || !typeNode || !/^[A-Z][\w.]*$/.test(typeNode.text)) return undefined;
  return { method, type: typeNode.text, at: verbNode! };
}

/** The constant naming the full path of a @Resource class: { jvm:<pkg>, [...Class, '$resource:<Class>'] }. */
export function resourceRef(pkgFile: string, members: readonly string[]): RefExpr {
  return { file: pkgFile, path: [...members, `$resource:${members.join('.')}`] };
}

class KtorReader {
  readonly facts: Fact[] = [];

  constructor(private readonly file: JvmFile) {}

  /** A route on a @Resource class: its path is the class's resource path (a constant the model resolves). */
  private resourceRoute(method: HttpMethod, type: string, at: Node, ctx: Ctx): void {
    const cls = typeRefs(this.file, type)[0];
    if (!cls || ctx.prefix.kind === 'unknown') return;
    const location = loc(this.file.path, at);
    const key = `$resource:${location.startLine}:${location.startColumn}`;
    const group: RefExpr = { file: this.file.path, path: [key] };
    const leaf: RefExpr = { file: this.file.path, path: [`${key}:path`] };
    if (ctx.prefix.kind === 'literal') this.facts.push({ kind: 'mount', framework: FRAMEWORK, parent: ctx.router, child: group, prefix: ctx.prefix.text, location });
    else this.facts.push({ kind: 'mount', framework: FRAMEWORK, parent: ctx.router, child: group, prefix: ctx.prefix.fallback, prefixRef: ctx.prefix.ref, location });
    this.facts.push({ kind: 'mount', framework: FRAMEWORK, parent: group, child: leaf, prefix: `{${type}}`, prefixRef: resourceRef(cls.file, cls.path), location });
    this.route(method, EMPTY, at, { ...ctx, router: leaf });
  }

  /** Refs of an extension function called by name: its package from the imports, else this and wildcard packages. */
  private functionRefs(name: string, at: Node): RefExpr[] {
    const imported = this.file.imports.get(name);
    if (imported) {
      const pkg = imported.slice(0, Math.max(0, imported.lastIndexOf('.')));
      return [{ file: packageRefFile(pkg), path: [name, '$route'] }];
    }
    const cls = enclosingClassName(this.file, at) ?? [];
    const own = [{ file: packageRefFile(this.file.packageName), path: [name, '$route'] }];
    if (cls.length) own.unshift({ file: packageRefFile(this.file.packageName), path: [...cls, name, '$route'] });
    return [...own, ...this.file.wildcardImports.map((pkg) => ({ file: packageRefFile(pkg), path: [name, '$route'] }))];
  }

  block(statements: readonly Node[], ctx: Ctx, depth: number): void {
    if (depth > MAX_DEPTH) return;
    for (const statement of statements) this.statement(statement, ctx, depth);
  }

  private route(method: HttpMethod, path: StrValue, at: Node, ctx: Ctx): void {
    const facts = dslRouteFacts(this.file, FRAMEWORK, { method, path, at, router: ctx.router });
    for (const fact of facts) {
      if (fact.kind === 'route' && ctx.middleware.length) this.facts.push({ ...fact, middleware: [...ctx.middleware] });
      else this.facts.push(fact);
    }
  }

  private statement(node: Node, ctx: Ctx, depth: number): void {
    const typed = typedVerb(node);
    if (typed) {
      this.resourceRoute(typed.method, typed.type, typed.at, ctx);
      return;
    }
    const call = callView(node);
    if (!call) return;
    // `get("/x") { }.describe { }`: the route is the receiver.
    if (call.receiver) {
      const inner = callView(call.receiver);
      if (inner && !callView(inner.receiver ?? null) && !inner.receiver) this.statement(inner.node, ctx, depth + 1);
      return;
    }
    const at = call.nameNode;
    const verb = VERBS[call.name];
    const first = call.args[0];
    const firstPath = first && first.type !== 'lambda_literal' ? pathArg(this.file, first) : EMPTY;
    if (verb) {
      if (!call.lambda && !call.args.some((a) => a.type === 'lambda_literal' || isCallableReference(a))) return; // `query("x")` outside a block
      const own = call.args.length > 0 && first!.type !== 'lambda_literal' && !isCallableReference(first!) ? firstPath : EMPTY;
      if (own.kind === 'unknown') return;
      this.route(verb, joinValue(ctx.prefix, own), at, ctx);
      return;
    }
    switch (call.name) {
      case 'route': {
        if (!call.lambda || call.args.length === 0) return;
        const method = call.args[1] ? verbOf(call.args[1]) : undefined;
        this.block(statementsOf(call.lambda), { ...ctx, prefix: joinValue(ctx.prefix, firstPath), ...(method ? { method } : {}) }, depth + 1);
        return;
      }
      case 'method': {
        const method = verbOf(first);
        if (method && call.lambda) this.block(statementsOf(call.lambda), { ...ctx, method }, depth + 1);
        return;
      }
      case 'handle':
        if (call.lambda || call.args.length) this.route(ctx.method ?? 'ANY', ctx.prefix, at, ctx);
        return;
      case 'authenticate': {
        if (!call.lambda) return;
        const optional = call.args.some((a) => a.parent?.text.replace(/\s+/g, '') === 'optional=true');
        const names = call.args.filter((a) => a.type === 'string_literal').map((a) => a.text).join(', ');
        const middleware: MiddlewareRef = { name: `authenticate(${names})`, role: optional ? 'optional-auth' : 'auth', location: loc(this.file.path, at) };
        this.block(statementsOf(call.lambda), { ...ctx, middleware: [...ctx.middleware, middleware] }, depth + 1);
        return;
      }
      default:
        break;
    }
    if ((STATIC.has(call.name) || (call.name === 'static' && call.lambda)) && call.args.length >= 1) {
      if (firstPath.kind === 'literal') this.route('GET', joinValue(ctx.prefix, { kind: 'literal', text: joinLiteral(firstPath.text, '**') }), at, ctx);
      return;
    }
    if (call.lambda) {
      if (!NOT_BLOCKS.has(call.name)) this.block(statementsOf(call.lambda), ctx, depth + 1);
      return;
    }
    // `userRoutes()` / `userRoutes(service)`: an extension function of Route declaring more routes.
    if (/^[a-z]/.test(call.name)) {
      const location = loc(this.file.path, at);
      for (const child of this.functionRefs(call.name, call.node)) {
        if (ctx.prefix.kind === 'literal') this.facts.push({ kind: 'mount', framework: FRAMEWORK, parent: ctx.router, child, prefix: ctx.prefix.text, location });
        else if (ctx.prefix.kind === 'ref') this.facts.push({ kind: 'mount', framework: FRAMEWORK, parent: ctx.router, child, prefix: ctx.prefix.fallback, prefixRef: ctx.prefix.ref, location });
      }
    }
  }
}

function isRoutingRoot(call: CallView): boolean {
  if (!call.lambda) return false;
  if (call.name === 'routing') return true;
  return call.name === 'install' && call.args.length === 1 && /(^|\.)Routing$/.test(call.args[0]!.text);
}

/** `constant` facts with the full path of each @Resource class (a `parent` property nests it under the parent's path). */
function resourceConstants(file: JvmFile): Fact[] {
  const classes = allClasses(file);
  const own = new Map<JvmClass, string>();
  for (const cls of classes) {
    const ann = cls.annotations.find((a) => a.simpleName === 'Resource');
    const value = ann?.args[0] ? evalStrings(ann.args[0].value, { file, classes: [cls] })[0] : undefined;
    if (value?.kind === 'literal') own.set(cls, value.text);
  }
  const full = (cls: JvmClass, depth: number): string | undefined => {
    const path = own.get(cls);
    if (path === undefined || depth > 8) return path;
    const parentType = parentParameterType(cls);
    const parent = parentType ? classes.find((c) => c.name === parentType.split('.').pop() && own.has(c)) : undefined;
    const base = parent ? full(parent, depth + 1) : undefined;
    return base === undefined ? path : joinLiteral(base, path);
  };
  const out: Fact[] = [];
  for (const cls of own.keys()) {
    const value = full(cls, 0);
    if (value === undefined) continue;
    const location = loc(file.path, cls.node);
    out.push({ kind: 'constant', ref: resourceRef(packageRefFile(file.packageName), cls.qualifiedPath), value: value.startsWith('/') ? value : `/${value}`, location });
  }
  return out;
}

/** The type of a primary-constructor parameter named `parent` (`class New(val parent: Articles = Articles())`). */
function parentParameterType(cls: JvmClass): string | undefined {
  const ctor = namedChildren(cls.node).find((c) => c.type === 'primary_constructor');
  for (const param of ctor ? descendants(ctor, ['class_parameter']) : []) {
    if (!param) continue;
    const kids = namedChildren(param);
    if (kids.find((k) => k.type === 'identifier' || k.type === 'simple_identifier')?.text !== 'parent') continue;
    return kids.find((k) => k.type === 'user_type')?.text;
  }
  return undefined;
}

function ktorFacts(file: JvmFile): Fact[] {
  const reader = new KtorReader(file);
  const bodies: Node[] = [];
  for (const fn of descendants(file.root, ['function_declaration'])) {
    if (!fn) continue;
    const receiver = receiverType(fn);
    const name = functionNameOf(fn);
    if (!receiver || !name || !ROUTE_RECEIVERS.has(receiver)) continue;
    const body = namedChildren(fn).find((c) => c.type === 'function_body');
    if (!body) continue;
    bodies.push(body);
    const cls = enclosingClassName(file, fn) ?? [];
    const router = { file: packageRefFile(file.packageName), path: [...cls, name, '$route'] };
    reader.block(statementsOf(body), { prefix: EMPTY, router, middleware: [] }, 0);
  }
  const roots: Node[] = [];
  for (const node of descendants(file.root, ['call_expression'])) {
    if (!node || node.parent?.type === 'call_expression') continue; // the callee part of `routing { }`
    const call = callView(node);
    if (!call || !isRoutingRoot(call)) continue;
    if ([...bodies, ...roots].some((b) => b.startIndex <= node.startIndex && node.endIndex <= b.endIndex)) continue;
    roots.push(node);
    const location = loc(file.path, call.nameNode);
    const router = { file: file.path, path: [`$routing:${location.startLine}`] };
    reader.block(statementsOf(call.lambda), { prefix: EMPTY, router, middleware: [] }, 0);
  }
  return [...reader.facts, ...resourceConstants(file)];
}

export const ktorRoutes: Extractor = {
  id: 'ktor/routes',
  languages: ['kotlin'],
  keywords: ['io.ktor'],
  extract(parsed) {
    const file = dslOutline(parsed);
    if (!file || !importsFrom(file, 'io.ktor')) return [];
    return guarded(() => dedupeFacts(ktorFacts(file)));
  },
};
