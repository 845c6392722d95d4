// Gotham: `build_simple_router(|route| { route.get("/").to(index); route.scope("/api", |route| { .. });
// route.associate("/x", |assoc| { assoc.post().to(h); }); route.with_pipeline_chain(chain, |route| { .. });
// route.delegate("/admin").to_router(admin_router()); })`, `build_router(chain, pipelines, |route| ..)`,
// and a builder chain `Router::builder().get("/").to(h).post("/x").to(h2)`.
import type { HttpMethod } from '../../core/facts.js';
import { namedChildren, type Node } from '../tree-sitter/ast.js';
import { calleePath, methodChain, unwrapExpr, type MethodCall } from './ast.js';
import { methodNamed } from './attributes.js';
import { emitRoutes, joinBase } from './dialect-kit.js';
import type { Evaluator, RouterDialect, RouterValue } from './evaluator.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'gotham';
const TERMINALS = new Set(['to', 'to_async', 'to_async_borrowing', 'to_new_handler', 'to_file', 'to_dir']);

interface Pending {
  methods: HttpMethod[];
  path: string;
}

/** A verb call of a gotham builder: `get("/x")`, `get_or_head("/x")`, `request(vec![Method::GET], "/x")`; `assoc.get()` inside associate. */
function verbOf(ev: Evaluator, call: MethodCall, fn: Node, assocPath: string | undefined): Pending | undefined {
  const withPath = (methods: HttpMethod[], arg: Node | undefined): Pending | undefined => {
    if (assocPath !== undefined) return arg ? undefined : { methods, path: assocPath };
    const path = arg ? ev.stringOf(arg, fn) : undefined;
    return path === undefined ? undefined : { methods, path };
  };
  if (call.name === 'get_or_head') return withPath(['GET', 'HEAD'], call.args[0]);
  if (call.name === 'request') {
    const methods = methodsIn(call.args[0]);
    return methods.length > 0 ? withPath(methods, call.args[1]) : undefined;
  }
  const method = methodNamed(call.name);
  return method && method !== 'QUERY' && method !== 'CONNECT' ? withPath([method], call.args[0]) : undefined;
}

/** `vec![Method::GET, Method::HEAD]`: the methods named in the token tree. */
function methodsIn(node: Node | undefined): HttpMethod[] {
  const out: HttpMethod[] = [];
  for (const id of node ? node.descendantsOfType('identifier') : []) {
    const prev = id?.previousSibling;
    if (!id || prev?.type !== '::' || prev.previousSibling?.text !== 'Method') continue;
    const method = methodNamed(id.text);
    if (method && !out.includes(method)) out.push(method);
  }
  return out;
}

/** Applies one call of a builder chain; returns the new pending verb (or undefined when consumed). */
function step(ev: Evaluator, target: RouterValue, call: MethodCall, fn: Node, prefix: string, pending: Pending | undefined, assocPath?: string): Pending | undefined {
  const verb = verbOf(ev, call, fn, assocPath);
  if (verb) return verb;
  if (TERMINALS.has(call.name) && pending) {
    const handler = call.name === 'to_file' || call.name === 'to_dir' ? undefined : call.args[0];
    emitRoutes(ev, FRAMEWORK, target, pending.methods, joinBase(prefix, pending.path) || '/', handler, call.nameNode);
    return undefined;
  }
  const closure = call.args[call.args.length - 1];
  switch (call.name) {
    case 'scope': {
      const path = call.args[0] ? ev.stringOf(call.args[0], fn) : undefined;
      if (path !== undefined && closure) scope(ev, target, closure, joinBase(prefix, path));
      return undefined;
    }
    case 'associate': {
      const path = call.args[0] ? ev.stringOf(call.args[0], fn) : undefined;
      if (path !== undefined && closure) scope(ev, target, closure, prefix, path);
      return undefined;
    }
    case 'with_pipeline_chain':
      if (closure) scope(ev, target, closure, prefix);
      return undefined;
    case 'delegate': case 'delegate_without_pipelines': {
      const path = call.args[0] ? ev.stringOf(call.args[0], fn) : undefined;
      return path === undefined ? undefined : { methods: [], path: `\0delegate${path}` };
    }
    case 'to_router':
      if (pending?.path.startsWith('\0delegate') && call.args[0]) {
        const child = ev.routerOf(call.args[0], fn);
        if (child) ev.mount(FRAMEWORK, target.ref, child.ref, joinBase(prefix, pending.path.slice('\0delegate'.length)), call.nameNode);
      }
      return undefined;
    default:
      // `with_path_extractor::<T>()`, `with_query_string_extractor`, `add_route_matcher`: keep the verb.
      return pending;
  }
}

/** The statements of a `|route| { .. }` closure, each a chain on the closure's parameter. */
function scope(ev: Evaluator, target: RouterValue, closureArg: Node, prefix: string, assocPath?: string): void {
  const closure = unwrapExpr(closureArg);
  const fn = ev.enclosingFn(closureArg);
  if (closure?.type !== 'closure_expression' || !fn) return;
  const param = namedChildren(fieldOf(closure, 'parameters'))
    .map((p) => (p.type === 'identifier' ? p : fieldOf(p, 'pattern') ?? namedChildren(p)[0]))[0]?.text;
  const body = fieldOf(closure, 'body');
  if (!param || !body) return;
  const exprs = body.type === 'block'
    ? namedChildren(body).map((s) => (s.type === 'expression_statement' ? namedChildren(s)[0] : s))
    : [body];
  for (const expr of exprs) {
    const node = unwrapExpr(expr);
    if (node?.type !== 'call_expression') continue;
    const { base, calls } = methodChain(node);
    if (base.type !== 'identifier' || base.text !== param) continue;
    let pending: Pending | undefined;
    for (const call of calls) pending = step(ev, target, call, fn, prefix, pending, assocPath);
  }
}

function usesGotham(ev: Evaluator): boolean {
  return ev.usesCrate('gotham');
}

export const gothamDialect: RouterDialect = {
  framework: FRAMEWORK,

  constructorOf(path, _call, ev) {
    const name = path[path.length - 1];
    if (!usesGotham(ev) && path[0] !== 'gotham') return undefined;
    if (name === 'build_simple_router' || name === 'build_router') return { prefix: '', isApp: true };
    if (name === 'builder' && path[path.length - 2] === 'Router') return { prefix: '', isApp: true };
    return undefined;
  },

  onConstruct(ev, value, call) {
    const name = calleePath(call)?.pop();
    if (name !== 'build_simple_router' && name !== 'build_router') return;
    const args = namedChildren(fieldOf(call, 'arguments'));
    const closure = args[args.length - 1];
    if (closure) scope(ev, value, closure, '');
  },

  isRouterOp() {
    return false;
  },

  applyOp(ev, target, call) {
    if (target.framework !== FRAMEWORK) return false;
    const fn = ev.enclosingFn(call.node);
    if (!fn) return false;
    const pending = target.state?.pending as Pending | undefined;
    const next = step(ev, target, call, fn, '', pending);
    target.state = { ...target.state, pending: next };
    return true;
  },
};
