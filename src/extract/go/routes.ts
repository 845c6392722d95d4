// Go web routing: Gin, Echo, Fiber, chi, gorilla/mux, net/http and Beego.
//
// One pass over a file with a scope per function. A call chain (`r.PathPrefix("/x").Subrouter()`,
// `r.HandleFunc("/p", h).Methods("GET")`, `gin.Default()`) is evaluated from its root to a value:
// a package, a router ref, a new router, a child router (group / subrouter) not yet bound to a
// name, or a gorilla route builder. Values bound to names become `router` facts (+ `mount` facts
// for children); verb calls become `route` facts. Routers handed to functions become mounts of
// the function's parameter ({ file: '<dir>/', path: ['Fn', 'arg0'] }); routers returned by
// functions are named { file: '<dir>/', path: ['Fn', 'return'] }.
import type { Fact, RefExpr } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import type { Extractor } from '../types.js';
import { compositeType, declaredIdentifiers, flattenChain, literalFields, loc, namedArgs, parameters, treeOf, typeName, type ChainSegment, type GoTypeName, type Node } from './ast.js';
import { beegoNamespace, beegoPackageCall } from './beego.js';
import { humaPackageCall } from './huma.js';
import { irisMvcCall } from './iris-mvc.js';
import { GoFileState } from './file-state.js';
import { ALLOCATED_ROUTERS, CONSTRUCTORS, IRIS_MVC, PASSTHROUGH, ROUTER_TYPES, frameworkOfImport, routerField, type GoFramework } from './frameworks.js';
import { builderMethod, finishBuilder, routerMethod } from './router-methods.js';
import { LEAF_TYPES, type Binding, type Scope } from './scope.js';
import { BUILTINS, NONE, SKIP, guessType, refKey, typeRef, type RouterVal, type Val } from './values.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

/** The operator of an assignment statement: '=', '+=', ... (an anonymous child between the two sides). */
function assignOperator(node: Node): string {
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i);
    if (child && !child.isNamed && child.type.endsWith('=')) return child.type;
  }
  return '=';
}

/** Walks one file: scopes per function, assignments, call chains. */
export class GoRouteWalker extends GoFileState {
  run(): Fact[] {
    for (const decl of namedArgs(this.root)) {
      if (decl.type === 'function_declaration') this.functionDecl(decl, undefined);
      else if (decl.type === 'method_declaration') {
        const recv = parameters(fieldOf(decl, 'receiver'))[0];
        this.functionDecl(decl, recv);
      } else if (decl.type === 'var_declaration') {
        this.routerishInFn = new Set();
        this.visit(decl, undefined);
      }
    }
    for (const fact of this.facts) {
      if (fact.kind === 'router' && this.served.has(refKey(fact.ref))) fact.isApp = true;
    }
    return this.facts;
  }

  functionDecl(decl: Node, recv: { name: string; type: Node | undefined } | undefined): void {
    const name = fieldOf(decl, 'name')?.text;
    const body = fieldOf(decl, 'body');
    if (!name || !body) return;
    const recvType = recv ? typeName(recv.type)?.name : undefined;
    if (recv && !recvType) return;
    const base: RefExpr = { file: this.dir, path: recvType ? [recvType, name] : [name] };
    const info = this.functions.get(decl.id);
    this.routerishInFn = info?.routerish ?? new Set();
    const scope = this.newScope(undefined, recvType ? `${recvType}.${name}` : name, decl);
    if (recv && recvType && recv.name && recv.name !== '_') {
      scope.names.set(recv.name, { ref: { file: this.dir, path: [recvType] }, fixed: true, type: { name: recvType } });
    }
    this.bindParams(scope, fieldOf(decl, 'parameters'), base);
    for (const returned of info?.returned ?? []) {
      const binding = scope.names.get(returned);
      if (binding && !binding.fixed) {
        binding.ref = { file: this.dir, path: [...base.path, 'return'] };
        binding.fixed = true;
      }
    }
    this.markRouterish(scope);
    this.visit(body, scope);
  }

  /** Pre-order walk in document order (iterative: generated code can nest deeply). */
  visit(start: Node, startScope: Scope | undefined): void {
    const stack: [Node, Scope | undefined][] = [[start, startScope]];
    while (stack.length > 0) {
      const [node, scope] = stack.pop()!;
      const next = this.visitNode(node, scope);
      if (next === SKIP) continue;
      const children = next.children ?? namedArgs(node);
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, next.scope]);
    }
  }

  /** Handles one node; tells which children to walk next, and in which scope. */
  visitNode(node: Node, scope: Scope | undefined): typeof SKIP | { scope: Scope | undefined; children?: Node[] } {
    const type = node.type;
    if (LEAF_TYPES.has(type)) return SKIP;
    switch (type) {
      case 'func_literal': {
        if (this.processed.has(node.id)) return SKIP;
        this.processed.add(node.id);
        const body = fieldOf(node, 'body');
        const inner = this.newScope(scope, `${scope?.qual ?? 'init'}@${node.startPosition.row + 1}`, node);
        this.bindParams(inner, fieldOf(node, 'parameters'), undefined);
        this.markRouterish(inner);
        return { scope: inner, children: body ? [body] : [] };
      }
      case 'short_var_declaration':
      case 'assignment_statement': {
        const op = node.type === 'assignment_statement' ? assignOperator(node) : ':=';
        if (op === '=' || op === ':=') this.assignment(fieldOf(node, 'left'), fieldOf(node, 'right'), scope);
        else this.compoundAssignment(fieldOf(node, 'left'), op, fieldOf(node, 'right'), scope);
        break;
      }
      case 'var_spec': {
        const names = declaredIdentifiers(node);
        const values = namedArgs(fieldOf(node, 'value'));
        names.forEach((name, i) => {
          const value = values[i];
          if (value) this.bind(name, value, scope);
        });
        const type = typeName(fieldOf(node, 'type'));
        if (type) for (const name of names) { const b = this.lookup(name.text, scope); if (b && !b.type) b.type = type; }
        break;
      }
      case 'const_spec': {
        const names = declaredIdentifiers(node);
        const values = namedArgs(fieldOf(node, 'value'));
        names.forEach((name, i) => {
          const str = this.constOf(values[i], scope);
          const binding = scope ? this.lookup(name.text, scope) : undefined;
          if (binding && str !== undefined) binding.str = str;
        });
        return SKIP;
      }
      case 'call_expression':
        if (!this.processed.has(node.id)) this.chain(node, scope);
        break;
      case 'composite_literal':
        this.serverLiteral(node, scope);
        break;
      default:
        break;
    }
    return { scope };
  }

  /**
   * `path += "*"`: the string stays known only when both sides are; otherwise it is forgotten (a
   * parameter plus a suffix is not the suffix). Other operators never give a path.
   */
  compoundAssignment(left: Node | null, op: string, right: Node | null, scope: Scope | undefined): void {
    const target = namedArgs(left)[0];
    if (target?.type !== 'identifier') return;
    const binding = this.lookup(target.text, scope);
    if (!binding) return;
    const before = this.constOf(target, scope);
    const add = right ? this.constOf(namedArgs(right)[0] ?? right, scope) : undefined;
    binding.str = op === '+=' && before !== undefined && add !== undefined ? before + add : undefined;
  }

  assignment(left: Node | null, right: Node | null, scope: Scope | undefined): void {
    const lhs = namedArgs(left);
    const rhs = namedArgs(right);
    if (lhs.length === rhs.length) lhs.forEach((target, i) => this.bind(target, rhs[i]!, scope));
    // `r, err := setup()`: the first result.
    else if (rhs.length === 1 && lhs.length > 1 && rhs[0]!.type === 'call_expression') this.bind(lhs[0]!, rhs[0]!, scope);
  }

  /** `target := value` / `target = value` / `var target = value`. */
  bind(target: Node, value: Node, scope: Scope | undefined): void {
    if (target.text === '_') return;
    const str = this.constOf(value, scope);
    const val = value.type === 'call_expression' ? this.chain(value, scope) : this.evalExpr(value, scope);
    let binding: Binding | undefined;
    let ref: RefExpr | undefined;
    if (target.type === 'identifier') {
      binding = this.lookup(target.text, scope);
      ref = binding?.ref;
    } else if (target.type === 'selector_expression') {
      const v = this.evalExpr(target, scope);
      if (v.k === 'ref') ref = v.ref;
    }
    if (!ref) return;
    if (binding && str !== undefined) binding.str = str;
    const at = value;
    switch (val.k) {
      case 'new':
        this.emitRouter(ref, val.fw, val.at, val.isApp);
        if (binding) binding.router = val.fw;
        return;
      case 'child':
        this.emitRouter(ref, val.fw, val.at);
        this.emitMount(val.parent, ref, val.prefixRef ?? val.prefix, val.mw, val.at, val.fw);
        if (binding) binding.router = val.fw;
        return;
      case 'ns':
        beegoNamespace(this, ref, val, scope);
        if (binding) binding.router = 'beego';
        return;
      case 'ref': {
        if (!binding || binding.fixed || target.type !== 'identifier') {
          // A name with a fixed ref (returned, package-level, field) that takes another router.
          if (val.router || binding?.routerish || (binding?.router ?? this.knownRouters.get(refKey(ref)))) {
            this.emitMount(ref, val.ref, '', val.mw ?? [], at, val.router ?? 'unknown');
          }
          if (binding && val.type && !binding.type) binding.type = val.type;
          return;
        }
        binding.ref = val.ref;
        if (val.router) binding.router = val.router;
        if (val.type) binding.type = val.type;
        if (val.mw?.length) {
          // `sub := r.With(mw)`: a router of its own that inherits r.
          const own = { file: this.file.path, path: [`${scope?.qual ?? ''}:${target.text}`] };
          binding.ref = own;
          this.emitRouter(own, val.router ?? 'unknown', at);
          this.emitMount(val.ref, own, '', val.mw, at, val.router ?? 'unknown');
        }
        return;
      }
      case 'typed':
        if (binding) binding.type = val.type;
        return;
      default:
        return;
    }
  }

  /** `&http.Server{Handler: r}` marks r as served (an application root). */
  serverLiteral(node: Node, scope: Scope | undefined): void {
    const type = typeName(fieldOf(node, 'type'));
    if (!type?.pkg || type.name !== 'Server' || this.fwOfLocal(type.pkg) !== 'net-http') return;
    const handler = literalFields(node).get('Handler');
    if (handler) this.markServed(handler, scope);
  }

  markServed(node: Node, scope: Scope | undefined): void {
    const ids = node.type === 'identifier' ? [node] : node.descendantsOfType('identifier').filter((n): n is Node => !!n);
    for (const id of ids) {
      const binding = this.lookup(id.text, scope);
      if (binding) this.served.add(refKey(binding.ref));
    }
  }

  /** Value of an expression that is not a call chain (identifiers, selectors, literals). */
  evalExpr(node: Node, scope: Scope | undefined): Val {
    switch (node.type) {
      case 'identifier': {
        const binding = this.lookup(node.text, scope);
        if (!binding) {
          const path = this.imports.get(node.text)!;
          const fw = frameworkOfImport(path);
          return { k: 'pkg', path, local: node.text, ...(fw ? { fw } : {}) };
        }
        const router = binding.router ?? this.knownRouters.get(refKey(binding.ref));
        return {
          k: 'ref', ref: binding.ref, ...(router ? { router } : {}), ...(binding.type ? { type: binding.type } : {}),
          ...(binding.routerish ? { routerish: true } : {}),
        };
      }
      case 'selector_expression': {
        const operand = fieldOf(node, 'operand');
        const field = fieldOf(node, 'field')?.text;
        if (!operand || !field) return NONE;
        const base = operand.type === 'call_expression' ? this.chain(operand, scope) : this.evalExpr(operand, scope);
        if (base.k === 'pkg') return { k: 'ref', ref: { file: this.file.path, path: [base.local, field] } };
        if (base.k === 'ref') {
          const ref = { file: base.ref.file, path: [...base.ref.path, field] };
          const router = this.knownRouters.get(refKey(ref));
          const type = base.type && !base.type.pkg ? this.fieldTypes.get(`${base.type.name}.${field}`) : undefined;
          const routerType = type?.pkg && this.fwOfLocal(type.pkg) && ROUTER_TYPES[this.fwOfLocal(type.pkg)!].has(type.name) ? this.fwOfLocal(type.pkg) : undefined;
          const eventRouter = base.type?.pkg ? routerField(this.imports.get(base.type.pkg), base.type.name, field) : undefined;
          const known = router ?? routerType ?? eventRouter;
          return { k: 'ref', ref, ...(known ? { router: known } : {}), ...(type ? { type } : {}) };
        }
        return NONE;
      }
      case 'parenthesized_expression': {
        const inner = namedArgs(node)[0];
        return inner ? (inner.type === 'call_expression' ? this.chain(inner, scope) : this.evalExpr(inner, scope)) : NONE;
      }
      case 'unary_expression':
      case 'composite_literal': {
        const type = compositeType(node);
        return type ? (this.allocatedRouter(type, node) ?? { k: 'typed', type }) : NONE;
      }
      case 'call_expression':
        return this.chain(node, scope);
      default:
        return NONE;
    }
  }

  /** `new(restful.WebService)`, `&restful.Container{}`: a router of a framework type. */
  allocatedRouter(type: GoTypeName, at: Node): Val | undefined {
    const fw = type.pkg ? this.fwOfLocal(type.pkg) : undefined;
    const known = fw ? ALLOCATED_ROUTERS[fw]?.[type.name] : undefined;
    return fw && known ? { k: 'new', fw, isApp: known.isApp, at } : undefined;
  }

  /** A router ref for a value, creating a synthetic one for unbound new / child routers. */
  asRouter(val: Val, at: Node): RouterVal | undefined {
    switch (val.k) {
      case 'ref':
        return val;
      case 'new': {
        const ref = this.synthetic(at);
        this.emitRouter(ref, val.fw, val.at, val.isApp);
        return { k: 'ref', ref, router: val.fw };
      }
      case 'child': {
        const ref = this.synthetic(at);
        this.emitRouter(ref, val.fw, val.at);
        this.emitMount(val.parent, ref, val.prefixRef ?? val.prefix, val.mw, val.at, val.fw);
        return { k: 'ref', ref, router: val.fw };
      }
      case 'pkg':
        if (val.fw === 'net-http') return { k: 'ref', ref: { file: this.file.path, path: [val.local, 'DefaultServeMux'] }, router: 'net-http' };
        if (val.fw === 'beego') return { k: 'ref', ref: { file: this.file.path, path: [val.local, 'BeeApp'] }, router: 'beego' };
        return undefined;
      default:
        return undefined;
    }
  }

  /** Evaluates a call chain, emitting its facts; marks its calls processed. */
  chain(call: Node, scope: Scope | undefined): Val {
    if (this.processed.has(call.id)) return NONE;
    const { root, segments } = flattenChain(call);
    for (const seg of segments) this.processed.add(seg.call.id);
    let val: Val = root ? this.evalExpr(root, scope) : { k: 'samepkg' };
    for (const seg of segments) {
      if (!seg.name) { val = NONE; continue; }
      val = this.segment(val, seg, scope);
    }
    if (val.k === 'builder') {
      finishBuilder(this, val, scope);
      return NONE;
    }
    return val;
  }

  segment(val: Val, seg: ChainSegment, scope: Scope | undefined): Val {
    switch (val.k) {
      case 'pkg':
        return this.packageCall(val, seg, scope);
      case 'samepkg': {
        if (seg.name === 'new' && seg.args[0]) {
          const type = typeName(seg.args[0]) ?? selectorType(seg.args[0]) ?? identType(seg.args[0]);
          return type ? (this.allocatedRouter(type, seg.call) ?? { k: 'typed', type }) : NONE;
        }
        if (BUILTINS.has(seg.name)) return NONE;
        const local = this.lookupLocalOnly(seg.name, scope);
        if (local) return NONE; // a function value
        return this.callFunction({ file: this.dir, path: [seg.name] }, seg, scope, guessType(seg.name));
      }
      case 'typed':
        return this.callFunction(typeRef(val.type, this.file.path, this.dir, seg.name), seg, scope);
      case 'ref': {
        const result = routerMethod(this, val, seg, scope);
        if (result) return result;
        if (seg.name === 'ListenAndServe' || seg.name === 'ListenAndServeTLS') {
          this.facts.push({ kind: 'service-entry', framework: this.frameworkOf(undefined, 'net-http'), location: loc(this.file.path, seg.call) });
          return NONE;
        }
        if (val.type) return this.callFunction(typeRef(val.type, this.file.path, this.dir, seg.name), seg, scope);
        return NONE;
      }
      case 'new':
      case 'child': {
        if (PASSTHROUGH.has(seg.name) || (seg.name === 'Name' && val.fw === 'fiber')) return val;
        const router = this.asRouter(val, seg.call);
        return router ? (routerMethod(this, router, seg, scope) ?? NONE) : NONE;
      }
      case 'ns':
        return NONE;
      case 'builder':
        return builderMethod(this, val, seg, scope);
      default:
        return NONE;
    }
  }

  /** A call of a function or method named by `base`: routers passed to it become mounts of its parameters. */
  callFunction(base: RefExpr, seg: ChainSegment, scope: Scope | undefined, type?: GoTypeName): Val {
    seg.args.forEach((arg, i) => {
      if (arg.type === 'func_literal') return;
      const val = this.evalExpr(arg, scope);
      const child = { file: base.file, path: [...base.path, `arg${i}`] };
      if (val.k === 'ref' && (val.router || val.routerish)) {
        this.emitMount(val.ref, child, '', val.mw ?? [], seg.call, val.router ?? 'unknown');
      } else if (val.k === 'child') {
        this.emitMount(val.parent, child, val.prefixRef ?? val.prefix, val.mw, seg.call, val.fw);
      } else if (val.k === 'new') {
        const router = this.asRouter(val, arg);
        if (router) this.emitMount(router.ref, child, '', [], seg.call, val.fw);
      }
    });
    return { k: 'ref', ref: { file: base.file, path: [...base.path, 'return'] }, ...(type ? { type } : {}) };
  }

  packageCall(pkg: { path: string; local: string; fw?: GoFramework }, seg: ChainSegment, scope: Scope | undefined): Val {
    const fw = pkg.fw;
    if (IRIS_MVC.test(pkg.path)) return irisMvcCall(this, seg, scope);
    if (fw) {
      const ctor = CONSTRUCTORS[fw][seg.name];
      if (ctor) return { k: 'new', fw, isApp: ctor.isApp, at: seg.call };
    }
    if (fw === 'net-http') {
      if (seg.name === 'ListenAndServe' || seg.name === 'ListenAndServeTLS' || seg.name === 'Serve' || seg.name === 'ServeTLS') {
        this.facts.push({ kind: 'service-entry', framework: this.frameworkOf(undefined, 'net-http'), location: loc(this.file.path, seg.call) });
        const handler = seg.args[seg.name === 'ListenAndServeTLS' ? 3 : 1];
        if (handler) this.markServed(handler, scope);
        return NONE;
      }
      if (seg.name === 'Handle' || seg.name === 'HandleFunc') {
        const router = this.asRouter(pkg.fw ? { k: 'pkg', ...pkg } : NONE, seg.call)!;
        return routerMethod(this, router, seg, scope) ?? NONE;
      }
      return NONE;
    }
    if (fw === 'beego') return beegoPackageCall(this, pkg, seg, scope);
    if (fw === 'huma') return humaPackageCall(this, pkg, seg, scope);
    if (fw === 'connect-rpc') {
      // Generated Connect code: connect.NewUnaryHandler(UserServiceGetUserProcedure, svc.GetUser, opts...);
      // the procedure is "/package.Service/Method", served with POST.
      if (!/^New(Unary|ServerStream|ClientStream|BidiStream)Handler(Simple)?$/.test(seg.name) || seg.args.length < 2) return NONE;
      const procedure = this.constOf(seg.args[0], scope);
      if (!procedure || !/^\/[\w.]+\/\w+$/.test(procedure)) return NONE;
      const handler = this.handlerOf(seg.args[1]!, scope);
      this.facts.push({
        kind: 'route', framework: 'connect-rpc', method: 'POST', path: procedure, location: loc(this.file.path, seg.call),
        ...(handler ? { handler: handler.handler } : {}),
      });
      return NONE;
    }
    if (fw === 'go-restful' && seg.name === 'Add' && seg.args.length === 1) {
      // restful.Add(ws): the default container.
      const child = this.evalExpr(seg.args[0]!, scope);
      const router = child.k === 'ref' ? child : this.asRouter(child, seg.args[0]!);
      if (router) this.emitMount({ file: this.file.path, path: [pkg.local, 'DefaultContainer'] }, router.ref, '', [], seg.call, 'go-restful');
      return NONE;
    }
    if (fw) return NONE;
    const local = this.imports.get(pkg.local) !== undefined ? pkg.local : undefined;
    if (!local) return NONE;
    return this.callFunction({ file: this.file.path, path: [local, seg.name] }, seg, scope, guessType(seg.name, local));
  }
}

function isTestFile(path: string): boolean {
  return path.endsWith('_test.go');
}

export const goRoutes: Extractor = {
  id: 'go/routes',
  languages: ['go'],
  extract(file: ParsedFile): Fact[] {
    if (isTestFile(file.path)) return [];
    const tree = treeOf(file);
    if (!tree) return [];
    const goFile = new GoRouteWalker(file, tree.rootNode);
    try {
      return goFile.run();
    } catch {
      // An unexpected shape: keep what was read before it rather than lose the file.
      return goFile.facts;
    }
  },
};

/** `restful.WebService` written as an expression (`new(restful.WebService)` may parse its argument so). */
function selectorType(node: Node): GoTypeName | undefined {
  if (node.type !== 'selector_expression') return undefined;
  const pkg = fieldOf(node, 'operand');
  const name = fieldOf(node, 'field')?.text;
  return pkg?.type === 'identifier' && name ? { pkg: pkg.text, name } : undefined;
}

/** `new(UserController)`: the argument may parse as an identifier. */
function identType(node: Node): GoTypeName | undefined {
  return node.type === 'identifier' ? { name: node.text } : undefined;
}
