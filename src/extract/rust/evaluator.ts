// Walks the functions of one Rust file and evaluates router-building expressions (method chains on
// `Router::new()`, `App::new()`, `web::scope(..)`, `rocket::build()`, local variables and
// router-returning functions) into route, mount and router facts. The framework specifics are
// op handlers (axum.ts, actix.ts, rocket.ts); this file knows values, names and refs.
//
// Refs: items of a module use the module's canonical key as `file` (modules.ts). A function's
// returned router is [fn, 'return'], its n-th parameter [fn, 'argN'], a local [`fn:name`], and an
// unnamed router value [`fn@line:col`].
import type { Fact, RefExpr } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { namedChildren, type Node } from '../tree-sitter/ast.js';
import { calleePath, enclosingFunction, isInTestCode, methodChain, parameterNames, stringValue, unwrapExpr, type MethodCall } from './ast.js';
import { RustFile, sameRef } from './rust-file.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

export { refKey, sameRef } from './rust-file.js';

export interface RouterValue {
  kind: 'router';
  ref: RefExpr;
  framework?: string;
  /** The value is the result of a plain function call (`users::router()`), not built here. */
  isCall?: boolean;
  /** A path carried by the value itself, not a router prefix (tide `app.at("/x")`, gotham scopes). */
  base?: string;
  /** Framework-specific builder state (a pending verb of a gotham chain). */
  state?: Record<string, unknown>;
}

type Value = RouterValue | { kind: 'string'; value: string };

/** Framework-specific knowledge plugged into the evaluator. */
export interface RouterDialect {
  framework: string;
  /** A call that creates a router: returns its own prefix ('' if none) and whether it is an application root. */
  constructorOf(path: readonly string[], call: Node, ev: Evaluator): { prefix: string; isApp: boolean } | undefined;
  /** Ops that only this framework's routers have (enough to treat an unknown receiver as a router). */
  isRouterOp(call: MethodCall, ev: Evaluator): boolean;
  /**
   * Applies one method call to a router; false when it is not a router op (then ignored). A
   * returned value replaces the router for the rest of the chain (tide `.at(..)` returns a route).
   */
  applyOp(ev: Evaluator, target: RouterValue, call: MethodCall): boolean | RouterValue;
  /** Called once when a constructor call made a new router (gotham `build_simple_router(|route| ..)`). */
  onConstruct?(ev: Evaluator, value: RouterValue, call: Node): void;
  /** Statement-level macros (`routes![..]` outside a mount). */
  macroValue?(ev: Evaluator, node: Node, target: RefExpr): RouterValue | undefined;
}

export class Evaluator extends RustFile {
  private readonly env = new Map<number, Map<string, Value>>();
  private readonly done = new Set<number>();

  constructor(file: ParsedFile, root: Node, readonly dialects: readonly RouterDialect[]) {
    super(file, root);
  }

  // ---------------------------------------------------------------- walking

  /** Evaluates every router expression in the file, in source order. */
  run(root: Node): Fact[] {
    this.walkNodes(root);
    return this.flush();
  }

  /** Visits every node under `root` (statements of a block handed over by a dialect). */
  walkNodes(root: Node): void {
    const stack: Node[] = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (this.visit(node)) continue;
      for (let i = node.namedChildCount - 1; i >= 0; i--) {
        const child = node.namedChild(i);
        if (child) stack.push(child);
      }
    }
  }

  /**
   * A router value written as an expression argument: `{ let mut api = tide::new(); ..; api }`
   * (statements walked, tail evaluated), a chain, a local, or a call to a router-returning function.
   */
  routerOf(expr: Node, fn: Node): RouterValue | undefined {
    const node = unwrapExpr(expr);
    if (!node) return undefined;
    if (node.type === 'block') {
      const children = namedChildren(node);
      const tail = children[children.length - 1];
      for (const child of children) if (child !== tail || child.type !== 'identifier' && !child.type.endsWith('_expression')) this.walkNodes(child);
      return tail && tail.type !== 'expression_statement' ? this.routerOf(tail, fn) : undefined;
    }
    const value = this.evaluate(node, fn);
    if (value) return value;
    return node.type === 'call_expression' && methodChain(node).calls.length === 0 ? this.callValue(node) : undefined;
  }

  /** Handles one node; true when its subtree is consumed. */
  private visit(node: Node): boolean {
    if ((node.type === 'function_item' || node.type === 'mod_item') && isInTestCode(node)) return true;
    const fn = node.type === 'function_item' ? undefined : enclosingFunction(node);
    if (!fn) return false;
    if (node.type === 'let_declaration') return this.visitLet(node, fn);
    if (node.type === 'assignment_expression') {
      const left = fieldOf(node, 'left');
      const right = fieldOf(node, 'right');
      if (left?.type !== 'identifier' || !right) return false;
      const value = this.boundValue(right, fn, this.localRef(fn, left.text));
      if (value) this.bind(fn, left.text, value);
      return value !== undefined;
    }
    if (node.type === 'call_expression' || node.type === 'macro_invocation') {
      if (node.parent?.type === 'field_expression') return false; // inner link of a chain
      const target = this.isReturned(node, fn) ? this.returnRef(fn) : undefined;
      let value = this.evaluate(node, fn, target);
      if (value?.isCall && target && !returnsRouter(fn)) value = undefined;
      if (value && target && !sameRef(value.ref, target)) this.mount(this.dialectFramework(value), target, value.ref, '', node);
      if (node.type === 'call_expression' && (value === undefined || value.isCall)) this.passedRouters(node, fn);
      // A bare call `run(App::new()...)` is not consumed: its arguments may build routers.
      return value !== undefined && !(value.isCall && !target);
    }
    if (node.type === 'identifier' && this.isReturned(node, fn)) {
      const value = this.lookup(fn, node.text);
      if (value?.kind === 'router') this.mount(this.dialectFramework(value), this.returnRef(fn), value.ref, '', node);
    }
    return false;
  }

  private visitLet(node: Node, fn: Node): boolean {
    const pattern = fieldOf(node, 'pattern');
    const inner = pattern?.type === 'mut_pattern' ? namedChildren(pattern)[0] : pattern;
    const valueNode = fieldOf(node, 'value');
    if (inner?.type !== 'identifier' || !valueNode) return false;
    const name = inner.text;
    const str = this.stringOf(valueNode, fn);
    if (str !== undefined) {
      this.bind(fn, name, { kind: 'string', value: str });
      return true;
    }
    const value = this.boundValue(valueNode, fn, this.localRef(fn, name));
    if (value) this.bind(fn, name, value);
    return value !== undefined;
  }

  /** The router value of a `let`/assignment right-hand side; a bare internal call binds its returned router. */
  private boundValue(expr: Node, fn: Node, target: RefExpr): RouterValue | undefined {
    const node = unwrapExpr(expr);
    if (!node) return undefined;
    const evaluated = this.evaluate(node, fn, target);
    if (evaluated) return evaluated;
    if (node.type === 'identifier') {
      const value = this.lookup(fn, node.text);
      return value?.kind === 'router' ? value : undefined;
    }
    return undefined;
  }

  /** `routes::register(&mut app)`: the crate function registers on its parameter, which is this router. */
  private passedRouters(call: Node, fn: Node): void {
    const path = calleePath(call);
    const item = path ? this.mods.resolve(call, path) : undefined;
    if (!item) return;
    namedChildren(fieldOf(call, 'arguments')).forEach((arg, index) => {
      const node = unwrapExpr(arg);
      const value = node?.type === 'identifier' ? this.lookup(fn, node.text) : undefined;
      if (value?.kind !== 'router' || !value.framework) return;
      this.mount(value.framework, value.ref, { file: item.file, path: [...item.path, `arg${index}`] }, value.base ?? '', call);
    });
  }

  private isReturned(node: Node, fn: Node): boolean {
    const parent = node.parent;
    if (!parent) return false;
    if (parent.type === 'return_expression') return enclosingFunction(node) === fn && !this.inClosure(node, fn);
    const body = fieldOf(fn, 'body');
    if (parent.id !== body?.id) return false;
    const last = namedChildren(body).pop();
    return last?.id === node.id;
  }

  private inClosure(node: Node, fn: Node): boolean {
    for (let cur = node.parent; cur && cur.id !== fn.id; cur = cur.parent) if (cur.type === 'closure_expression') return true;
    return false;
  }

  // ---------------------------------------------------------------- values

  /**
   * Evaluates an expression as a router: a chain on a constructor, a local router, a parameter, or
   * a call to a router-returning function. Facts of the ops in the chain are emitted on the way.
   * `target` names the value when it is bound (let / return); otherwise a new router gets an anonymous ref.
   */
  evaluate(expr: Node, fn: Node, target?: RefExpr): RouterValue | undefined {
    const node = unwrapExpr(expr);
    if (!node || this.done.has(node.id)) return undefined;
    if (node.type === 'macro_invocation') {
      for (const dialect of this.dialects) {
        const value = dialect.macroValue?.(this, node, target ?? this.anonRef(fn, node));
        if (value) {
          this.done.add(node.id);
          return value;
        }
      }
      return undefined;
    }
    if (node.type === 'identifier') {
      const value = this.lookup(fn, node.text);
      return value?.kind === 'router' ? value : undefined;
    }
    if (node.type !== 'call_expression') return undefined;
    const { base, calls } = methodChain(node);
    const start = this.baseValue(base, calls, fn, node, target);
    if (!start) return undefined;
    this.done.add(node.id);
    let current = start;
    for (const call of calls) {
      for (const dialect of this.dialects) {
        const applied = dialect.applyOp(this, current, call);
        if (applied) {
          if (typeof applied === 'object') current = applied;
          current.framework ??= dialect.framework;
          break;
        }
      }
    }
    return current;
  }

  private baseValue(base: Node, calls: MethodCall[], fn: Node, whole: Node, target?: RefExpr): RouterValue | undefined {
    const hasOps = calls.some((c) => this.dialects.some((d) => d.isRouterOp(c, this)));
    if (base.type === 'call_expression' || base.type === 'macro_invocation') {
      const path = base.type === 'call_expression' ? calleePath(base) : undefined;
      if (path) {
        for (const dialect of this.dialects) {
          const ctor = dialect.constructorOf(path, base, this);
          if (!ctor) continue;
          const ref = target ?? this.anonRef(fn, whole);
          if (ctor.isApp || ctor.prefix) this.router(dialect.framework, ref, base, { isApp: ctor.isApp, prefix: ctor.prefix });
          const value: RouterValue = { kind: 'router', ref, framework: dialect.framework };
          dialect.onConstruct?.(this, value, base);
          return value;
        }
      }
      const inner = base.type === 'macro_invocation' ? this.evaluate(base, fn) : this.callValue(base);
      if (!inner) return undefined;
      if (!hasOps && calls.length === 0) return { ...inner, isCall: true };
      if (!hasOps && !calls.every((c) => PASS_THROUGH.has(c.name))) return undefined;
      const ref = target ?? this.anonRef(fn, whole);
      this.mount(inner.framework ?? this.dialects[0]!.framework, ref, inner.ref, '', base);
      return { kind: 'router', ref, ...(inner.framework ? { framework: inner.framework } : {}) };
    }
    if (base.type === 'identifier') {
      const known = this.lookup(fn, base.text);
      if (known?.kind === 'router') {
        // `api_service.swagger_ui()` is not the router itself: some call must be a router op.
        if (calls.length === 0) return undefined;
        const statement = whole.parent?.type === 'expression_statement';
        if (!statement && !hasOps && !calls.every((c) => PASS_THROUGH.has(c.name) || c.name === 'clone')) return undefined;
        return known;
      }
      if (!hasOps) return undefined;
      const index = parameterNames(fn).indexOf(base.text);
      const ref = index >= 0 ? this.paramRef(fn, index) : this.localRef(fn, base.text);
      const value: RouterValue = { kind: 'router', ref };
      this.bind(fn, base.text, value);
      return value;
    }
    return undefined;
  }

  /** `users::router()` / `api_router(state)`: the router the called function returns (internal functions only). */
  callValue(call: Node): RouterValue | undefined {
    const path = calleePath(call);
    if (!path) return undefined;
    const item = this.mods.resolve(call, path);
    if (!item) return undefined;
    return { kind: 'router', ref: { file: item.file, path: [...item.path, 'return'] } };
  }

  /** A string value: literal, `const`, local string, `[a, "/b"].concat()`, `concat!(..)`. */
  stringOf(expr: Node, fn?: Node): string | undefined {
    const node = unwrapExpr(expr);
    if (!node) return undefined;
    const literal = stringValue(node);
    if (literal !== undefined) return literal;
    if (node.type === 'identifier') {
      const value = fn ? this.lookup(fn, node.text) : undefined;
      if (value?.kind === 'string') return value.value;
      return this.constOf(node.text);
    }
    if (node.type === 'call_expression') {
      const { base, calls } = methodChain(node);
      const last = calls[calls.length - 1];
      if (base.type === 'array_expression' && calls.length === 1 && (last?.name === 'concat' || last?.name === 'join')) {
        const parts = namedChildren(base).map((p) => this.stringOf(p, fn));
        if (last.name === 'join' && last.args.length > 0) return undefined;
        return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
      }
      if (calls.length === 1 && ['to_string', 'to_owned', 'into', 'as_str'].includes(last!.name)) return this.stringOf(base, fn);
    }
    if (node.type === 'binary_expression' && fieldOf(node, 'operator')?.text === '+') {
      const left = fieldOf(node, 'left');
      const right = fieldOf(node, 'right');
      const a = left ? this.stringOf(left, fn) : undefined;
      const b = a !== undefined && right ? this.stringOf(right, fn) : undefined;
      return a !== undefined && b !== undefined ? a + b : undefined;
    }
    return undefined;
  }

  /**
   * A string built from a crate constant of another module: `PREFIX`, `consts::PREFIX.to_owned() + "users"`,
   * `String::from(PREFIX) + "/x"`. The constant's ref and the literal suffix; the model reads the
   * constant's value from its `constant` fact.
   */
  constantPrefix(expr: Node, fn: Node): { ref: RefExpr; suffix: string } | undefined {
    const node = unwrapExpr(expr);
    if (!node) return undefined;
    if (node.type === 'binary_expression' && fieldOf(node, 'operator')?.text === '+') {
      const left = fieldOf(node, 'left');
      const right = fieldOf(node, 'right');
      const head = left ? this.constantPrefix(left, fn) : undefined;
      const tail = head && right ? this.stringOf(right, fn) : undefined;
      return head && tail !== undefined ? { ref: head.ref, suffix: head.suffix + tail } : undefined;
    }
    let inner: Node | undefined = node;
    if (node.type === 'call_expression') {
      const { base, calls } = methodChain(node);
      const path = calleePath(base);
      if (calls.length === 1 && ['to_owned', 'to_string', 'into'].includes(calls[0]!.name)) inner = base;
      else if (calls.length === 0 && path?.join('::') === 'String::from') inner = namedChildren(fieldOf(base, 'arguments'))[0];
      else return undefined;
    }
    if (!inner || inner.type !== 'identifier' && inner.type !== 'scoped_identifier' || this.stringOf(inner, fn) !== undefined) return undefined;
    if (inner.type === 'identifier' && this.lookup(fn, inner.text)) return undefined;
    const ref = this.itemRef(inner);
    return ref ? { ref, suffix: '' } : undefined;
  }

  // ---------------------------------------------------------------- refs and env

  fnName(fn: Node): string {
    return fieldOf(fn, 'name')?.text ?? '?';
  }

  returnRef(fn: Node): RefExpr {
    return this.mods.localItem(fn, [this.fnName(fn), 'return']);
  }

  paramRef(fn: Node, index: number): RefExpr {
    return this.mods.localItem(fn, [this.fnName(fn), `arg${index}`]);
  }

  localRef(fn: Node, name: string): RefExpr {
    return this.mods.localItem(fn, [`${this.fnName(fn)}:${name}`]);
  }

  anonRef(fn: Node, node: Node): RefExpr {
    return this.mods.localItem(fn, [`${this.fnName(fn)}@${node.startPosition.row + 1}:${node.startPosition.column + 1}`]);
  }

  bind(fn: Node, name: string, value: Value): void {
    let scope = this.env.get(fn.id);
    if (!scope) this.env.set(fn.id, (scope = new Map()));
    scope.set(name, value);
  }

  lookup(fn: Node, name: string): Value | undefined {
    return this.env.get(fn.id)?.get(name);
  }

  enclosingFn(node: Node): Node | undefined {
    return enclosingFunction(node);
  }

  private dialectFramework(value: RouterValue): string {
    return value.framework ?? this.dialects[0]!.framework;
  }

}

/** Calls that return the same router (state, conversion) and so keep a chain a router chain. */
const PASS_THROUGH = new Set(['with_state', 'layer', 'route_layer', 'into_make_service', 'boxed', 'wrap', 'with_openapi']);

/** True when a function's declared return type can be a router (`Router`, `Scope`, `Vec<Route>`, ...). */
function returnsRouter(fn: Node): boolean {
  const type = fieldOf(fn, 'return_type')?.text ?? '';
  return /Router|Scope|Route|Rocket|App|Service|Resource|impl /.test(type);
}
