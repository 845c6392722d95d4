// Go web routing: Gin, Echo, Fiber, chi, gorilla/mux, net/http and Beego.
//
// One pass over a file with a scope per function. A call chain (`r.PathPrefix("/x").Subrouter()`,
// `r.HandleFunc("/p", h).Methods("GET")`, `gin.Default()`) is evaluated from its root to a value:
// a package, a router ref, a new router, a child router (group / subrouter) not yet bound to a
// name, or a gorilla route builder. Values bound to names become `router` facts (+ `mount` facts
// for children); verb calls become `route` facts. Routers handed to functions become mounts of
// the function's parameter ({ file: '<dir>/', path: ['Fn', 'arg0'] }); routers returned by
// functions are named { file: '<dir>/', path: ['Fn', 'return'] }.
import type { Fact, HttpMethod, MiddlewareRef, RefExpr, RouteFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import type { Extractor } from '../types.js';
import {
  callArgs, compositeType, constString, flattenChain, literalElements, literalFields, loc, namedArgs, selectorPath,
  stringLiteral, treeOf, typeName, walk, type ChainSegment, type GoTypeName, type Node,
} from './ast.js';
import {
  CONSTRUCTORS, FRAMEWORK_PRIORITY, PASSTHROUGH, SERVE_METHODS, frameworkOfImport, methodFromConstant, methodFromString,
  verbMethod, type GoFramework,
} from './frameworks.js';
import { readGoImports } from './imports.js';
import { goMiddlewareRef } from './middleware-roles.js';
import {
  declaredNames, packageDir, parameters, returnedNames, routerTypeFramework, routerishNames, type Binding, type Scope,
} from './scope.js';
import { swaggoTags } from './swaggo.js';

type Fw = GoFramework | 'unknown';

interface RouterVal {
  k: 'ref';
  ref: RefExpr;
  router?: Fw;
  routerish?: boolean;
  type?: GoTypeName;
  /** chi `r.With(mw)`: middleware for what is registered through this value. */
  mw?: MiddlewareRef[];
}

type Val =
  | { k: 'none' }
  | { k: 'pkg'; path: string; local: string; fw?: GoFramework }
  | { k: 'samepkg' }
  | RouterVal
  | { k: 'typed'; type: GoTypeName }
  | { k: 'new'; fw: GoFramework; isApp: boolean; at: Node }
  | { k: 'child'; parent: RefExpr; fw: Fw; prefix: string; prefixRef?: PathRef; mw: MiddlewareRef[]; at: Node }
  | { k: 'ns'; prefix: string; args: Node[]; at: Node }
  | Builder;

/** A path written as a constant's name plus a literal suffix. */
interface PathRef {
  ref: RefExpr;
  name: string;
  suffix: string;
}

interface Builder {
  k: 'builder';
  router: RefExpr;
  fw: Fw;
  known: boolean;
  at: Node;
  path?: string;
  prefix?: string;
  methods?: HttpMethod[];
  handler?: Node;
  buildOnly?: boolean;
  mw: MiddlewareRef[];
}

const NONE: Val = { k: 'none' };
const SKIP = Symbol('skip');
const GORILLA_BUILDER = new Set(['Path', 'PathPrefix', 'Methods', 'Host', 'Schemes', 'Headers', 'HeadersRegexp', 'Queries', 'MatcherFunc', 'Name', 'NewRoute']);
const BUILTINS = new Set(['append', 'make', 'new', 'len', 'cap', 'panic', 'print', 'println', 'copy', 'delete', 'close', 'recover', 'min', 'max', 'clear']);

const refKey = (ref: RefExpr) => `${ref.file}#${ref.path.join('.')}`;

class GoFile {
  readonly facts: Fact[] = [];
  private readonly dir: string;
  private readonly imports = new Map<string, string>(); // local -> import path
  private readonly fileFw: GoFramework | undefined;
  private readonly pkgStrings = new Map<string, string>();
  private readonly tags: Map<string, string[]>;
  private readonly funcDecls = new Map<string, Node>(); // 'name' and 'Type.name' -> declaration
  private readonly methodsByType = new Map<string, Set<string>>();
  private readonly processed = new Set<number>();
  private readonly knownRouters = new Map<string, Fw>(); // ref key -> framework
  private readonly served = new Set<string>();
  private routerishInFn = new Set<string>();

  constructor(private readonly file: ParsedFile, private readonly root: Node) {
    this.dir = packageDir(file.path);
    for (const imp of readGoImports(root)) if (imp.local !== '_' && imp.local !== '.') this.imports.set(imp.local, imp.path);
    const fws = new Set([...this.imports.values()].map(frameworkOfImport).filter((f): f is GoFramework => !!f));
    this.fileFw = FRAMEWORK_PRIORITY.find((f) => fws.has(f));
    this.tags = swaggoTags(root);
    this.readDeclarations();
  }

  // ------------------------------------------------------------------ file-level declarations

  private readDeclarations(): void {
    for (const decl of namedArgs(this.root)) {
      if (decl.type === 'const_declaration' || decl.type === 'var_declaration') {
        for (const spec of decl.descendantsOfType(['const_spec', 'var_spec'])) {
          if (!spec) continue;
          const names = spec.childrenForFieldName('name').filter((n): n is Node => !!n);
          const values = namedArgs(spec.childForFieldName('value'));
          names.forEach((name, i) => {
            const value = constString(values[i], (n) => this.pkgStrings.get(n.text));
            if (value === undefined) return;
            this.pkgStrings.set(name.text, value);
            // Path-like package constants, for routes in other files that name them.
            if (value.startsWith('/') && name.text !== '_') {
              this.facts.push({ kind: 'constant', ref: { file: this.dir, path: [name.text] }, value, location: loc(this.file.path, name) });
            }
          });
        }
      } else if (decl.type === 'function_declaration') {
        const name = decl.childForFieldName('name')?.text;
        if (name) this.funcDecls.set(name, decl);
      } else if (decl.type === 'method_declaration') {
        const name = decl.childForFieldName('name')?.text;
        const recv = parameters(decl.childForFieldName('receiver'))[0];
        const type = typeName(recv?.type)?.name;
        if (!name || !type) continue;
        this.funcDecls.set(`${type}.${name}`, decl);
        if (!this.funcDecls.has(name)) this.funcDecls.set(name, decl);
        let set = this.methodsByType.get(type);
        if (!set) this.methodsByType.set(type, (set = new Set()));
        set.add(name);
      }
    }
  }

  private fwOfLocal = (local: string): GoFramework | undefined => {
    const path = this.imports.get(local);
    return path ? frameworkOfImport(path) : undefined;
  };

  // ------------------------------------------------------------------ scopes

  private pkgBinding(name: string): Binding {
    const ref = { file: this.dir, path: [name] };
    const str = this.pkgStrings.get(name);
    const router = this.knownRouters.get(refKey(ref));
    return { ref, fixed: true, ...(str !== undefined ? { str } : {}), ...(router ? { router } : {}) };
  }

  /** The binding of a name in a scope; undefined for imported package names. */
  private lookup(name: string, scope: Scope | undefined): Binding | undefined {
    for (let s = scope; s; s = s.parent) {
      const found = s.names.get(name);
      if (found) return found;
    }
    if (this.imports.has(name)) return undefined;
    return this.pkgBinding(name);
  }

  private newScope(parent: Scope | undefined, qual: string, body: Node | null | undefined): Scope {
    const scope: Scope = { ...(parent ? { parent } : {}), qual, names: new Map() };
    for (const name of declaredNames(body)) {
      if (name === '_') continue;
      scope.names.set(name, { ref: { file: this.file.path, path: [`${qual}:${name}`] } });
    }
    return scope;
  }

  private bindParams(scope: Scope, list: Node | null | undefined, base: RefExpr | undefined): void {
    parameters(list).forEach((p, i) => {
      if (!p.name || p.name === '_') return;
      const router = routerTypeFramework(p.type, this.fwOfLocal);
      const type = typeName(p.type);
      const ref = base ? { file: base.file, path: [...base.path, `arg${i}`] } : { file: this.file.path, path: [`${scope.qual}:${p.name}`] };
      scope.names.set(p.name, {
        ref, fixed: true, ...(router ? { router } : {}), ...(type ? { type } : {}),
        ...(this.routerishInFn.has(p.name) ? { routerish: true } : {}),
      });
    });
  }

  private markRouterish(scope: Scope): void {
    for (const [name, binding] of scope.names) if (this.routerishInFn.has(name)) binding.routerish = true;
  }

  // ------------------------------------------------------------------ the walk

  run(): Fact[] {
    for (const decl of namedArgs(this.root)) {
      if (decl.type === 'function_declaration') this.functionDecl(decl, undefined);
      else if (decl.type === 'method_declaration') {
        const recv = parameters(decl.childForFieldName('receiver'))[0];
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

  private functionDecl(decl: Node, recv: { name: string; type: Node | undefined } | undefined): void {
    const name = decl.childForFieldName('name')?.text;
    const body = decl.childForFieldName('body');
    if (!name || !body) return;
    const recvType = recv ? typeName(recv.type)?.name : undefined;
    if (recv && !recvType) return;
    const base: RefExpr = { file: this.dir, path: recvType ? [recvType, name] : [name] };
    this.routerishInFn = routerishNames(body);
    const scope = this.newScope(undefined, recvType ? `${recvType}.${name}` : name, body);
    if (recv && recvType && recv.name && recv.name !== '_') {
      scope.names.set(recv.name, { ref: { file: this.dir, path: [recvType] }, fixed: true, type: { name: recvType } });
    }
    this.bindParams(scope, decl.childForFieldName('parameters'), base);
    for (const returned of returnedNames(body, new Set(scope.names.keys()))) {
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
  private visit(start: Node, startScope: Scope | undefined): void {
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
  private visitNode(node: Node, scope: Scope | undefined): typeof SKIP | { scope: Scope | undefined; children?: Node[] } {
    switch (node.type) {
      case 'func_literal': {
        if (this.processed.has(node.id)) return SKIP;
        this.processed.add(node.id);
        const body = node.childForFieldName('body');
        const inner = this.newScope(scope, `${scope?.qual ?? 'init'}@${node.startPosition.row + 1}`, body);
        this.bindParams(inner, node.childForFieldName('parameters'), undefined);
        this.markRouterish(inner);
        return { scope: inner, children: body ? [body] : [] };
      }
      case 'short_var_declaration':
      case 'assignment_statement':
        this.assignment(node.childForFieldName('left'), node.childForFieldName('right'), scope);
        break;
      case 'var_spec': {
        const names = node.childrenForFieldName('name').filter((n): n is Node => !!n);
        const values = namedArgs(node.childForFieldName('value'));
        names.forEach((name, i) => {
          const value = values[i];
          if (value) this.bind(name, value, scope);
        });
        const type = typeName(node.childForFieldName('type'));
        if (type) for (const name of names) { const b = this.lookup(name.text, scope); if (b && !b.type) b.type = type; }
        break;
      }
      case 'const_spec': {
        const names = node.childrenForFieldName('name').filter((n): n is Node => !!n);
        const values = namedArgs(node.childForFieldName('value'));
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

  private assignment(left: Node | null, right: Node | null, scope: Scope | undefined): void {
    const lhs = namedArgs(left);
    const rhs = namedArgs(right);
    if (lhs.length !== rhs.length) return;
    lhs.forEach((target, i) => this.bind(target, rhs[i]!, scope));
  }

  /** `target := value` / `target = value` / `var target = value`. */
  private bind(target: Node, value: Node, scope: Scope | undefined): void {
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
        this.beegoNamespace(ref, val, scope);
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
  private serverLiteral(node: Node, scope: Scope | undefined): void {
    const type = typeName(node.childForFieldName('type'));
    if (!type?.pkg || type.name !== 'Server' || this.fwOfLocal(type.pkg) !== 'net-http') return;
    const handler = literalFields(node).get('Handler');
    if (handler) this.markServed(handler, scope);
  }

  private markServed(node: Node, scope: Scope | undefined): void {
    const ids = node.type === 'identifier' ? [node] : node.descendantsOfType('identifier').filter((n): n is Node => !!n);
    for (const id of ids) {
      const binding = this.lookup(id.text, scope);
      if (binding) this.served.add(refKey(binding.ref));
    }
  }

  // ------------------------------------------------------------------ values

  private constOf(node: Node | undefined, scope: Scope | undefined): string | undefined {
    return constString(node, (n) => (n.type === 'identifier' ? this.lookup(n.text, scope)?.str : undefined));
  }

  /** Value of an expression that is not a call chain (identifiers, selectors, literals). */
  private evalExpr(node: Node, scope: Scope | undefined): Val {
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
        const operand = node.childForFieldName('operand');
        const field = node.childForFieldName('field')?.text;
        if (!operand || !field) return NONE;
        const base = operand.type === 'call_expression' ? this.chain(operand, scope) : this.evalExpr(operand, scope);
        if (base.k === 'pkg') return { k: 'ref', ref: { file: this.file.path, path: [base.local, field] } };
        if (base.k === 'ref') {
          const ref = { file: base.ref.file, path: [...base.ref.path, field] };
          const router = this.knownRouters.get(refKey(ref));
          return { k: 'ref', ref, ...(router ? { router } : {}) };
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
        return type ? { k: 'typed', type } : NONE;
      }
      case 'call_expression':
        return this.chain(node, scope);
      default:
        return NONE;
    }
  }

  private frameworkOf(fw: Fw | undefined, guess: GoFramework): GoFramework {
    if (fw && fw !== 'unknown') return fw;
    return this.fileFw && this.fileFw !== 'net-http' ? this.fileFw : guess;
  }

  /** A router ref for a value, creating a synthetic one for unbound new / child routers. */
  private asRouter(val: Val, at: Node): RouterVal | undefined {
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

  private synthetic(at: Node, tag = ''): RefExpr {
    return { file: this.file.path, path: [`@${at.startPosition.row + 1}:${at.startPosition.column + 1}${tag}`] };
  }

  // ------------------------------------------------------------------ chains

  /** Evaluates a call chain, emitting its facts; marks its calls processed. */
  private chain(call: Node, scope: Scope | undefined): Val {
    if (this.processed.has(call.id)) return NONE;
    const { root, segments } = flattenChain(call);
    for (const seg of segments) this.processed.add(seg.call.id);
    let val: Val = root ? this.evalExpr(root, scope) : { k: 'samepkg' };
    for (const seg of segments) {
      if (!seg.name) { val = NONE; continue; }
      val = this.segment(val, seg, scope);
    }
    if (val.k === 'builder') {
      this.finishBuilder(val, scope);
      return NONE;
    }
    return val;
  }

  private segment(val: Val, seg: ChainSegment, scope: Scope | undefined): Val {
    switch (val.k) {
      case 'pkg':
        return this.packageCall(val, seg, scope);
      case 'samepkg': {
        if (BUILTINS.has(seg.name)) return NONE;
        const local = this.lookupLocalOnly(seg.name, scope);
        if (local) return NONE; // a function value
        return this.callFunction({ file: this.dir, path: [seg.name] }, seg, scope, guessType(seg.name));
      }
      case 'typed':
        return this.callFunction(typeRef(val.type, this.file.path, this.dir, seg.name), seg, scope);
      case 'ref': {
        const result = this.routerMethod(val, seg, scope);
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
        if (PASSTHROUGH.has(seg.name)) return val;
        const router = this.asRouter(val, seg.call);
        return router ? (this.routerMethod(router, seg, scope) ?? NONE) : NONE;
      }
      case 'ns':
        return NONE;
      case 'builder':
        return this.builderMethod(val, seg, scope);
      default:
        return NONE;
    }
  }

  private lookupLocalOnly(name: string, scope: Scope | undefined): Binding | undefined {
    for (let s = scope; s; s = s.parent) {
      const found = s.names.get(name);
      if (found) return found;
    }
    return undefined;
  }

  /** A call of a function or method named by `base`: routers passed to it become mounts of its parameters. */
  private callFunction(base: RefExpr, seg: ChainSegment, scope: Scope | undefined, type?: GoTypeName): Val {
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

  private packageCall(pkg: { path: string; local: string; fw?: GoFramework }, seg: ChainSegment, scope: Scope | undefined): Val {
    const fw = pkg.fw;
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
        return this.routerMethod(router, seg, scope) ?? NONE;
      }
      return NONE;
    }
    if (fw === 'beego') return this.beegoPackageCall(pkg, seg, scope);
    if (fw) return NONE;
    const local = this.imports.get(pkg.local) !== undefined ? pkg.local : undefined;
    if (!local) return NONE;
    return this.callFunction({ file: this.file.path, path: [local, seg.name] }, seg, scope, guessType(seg.name, local));
  }

  // ------------------------------------------------------------------ router methods

  private routerMethod(r: RouterVal, seg: ChainSegment, scope: Scope | undefined): Val | undefined {
    const known = !!r.router || !!r.routerish;
    const fw = this.frameworkOf(r.router, verbGuess(seg.name));
    const { name, args } = seg;
    const at = seg.call;
    const verb = verbMethod(name);
    if (verb) return this.verbRoute(r, fw, verb, seg, scope, known) ? NONE : undefined;
    switch (name) {
      case 'Handle':
      case 'HandleFunc': {
        if (args.length >= 3) {
          const method = this.methodOf(args[0]!, scope);
          const path = this.pathOf(args[1], scope, known) ?? this.pathRefOf(args[1], scope, known);
          if (method && path !== undefined) {
            this.emitHandlerRoute(r, fw, [method], path, args.slice(2), at, scope);
            return NONE;
          }
        }
        if (args.length < 2) return undefined;
        const raw = this.constOf(args[0], scope);
        if (raw === undefined) return undefined;
        const pattern = parsePattern(raw);
        if (!pattern || (!pattern.path.startsWith('/') && !known)) return undefined;
        const handler = args[1]!;
        const target = this.mountedRouter(handler, scope);
        if (target) {
          this.emitMount(r.ref, target, pattern.path.replace(/\/+$/, ''), r.mw ?? [], at, this.frameworkOf(r.router, 'net-http'));
          return NONE;
        }
        return {
          k: 'builder', router: r.ref, fw: this.frameworkOf(r.router, this.fileFw ?? 'net-http'), known, at, path: pattern.path,
          ...(pattern.method ? { methods: [pattern.method] } : {}), handler, mw: r.mw ?? [],
        };
      }
      case 'Method':
      case 'MethodFunc':
      case 'Add': {
        if (args.length < 3) return undefined;
        const methods = this.methodsOf(args[0]!, scope);
        const path = this.pathOf(args[1], scope, known) ?? this.pathRefOf(args[1], scope, known);
        if (!methods.length || path === undefined) return undefined;
        this.emitHandlerRoute(r, fw, methods, path, args.slice(2), at, scope);
        return NONE;
      }
      case 'Match': {
        if (args.length < 3) return undefined;
        const methods = this.methodsOf(args[0]!, scope);
        const path = this.pathOf(args[1], scope, known) ?? this.pathRefOf(args[1], scope, known);
        if (!methods.length || path === undefined) return undefined;
        this.emitHandlerRoute(r, fw, methods, path, args.slice(2), at, scope);
        return NONE;
      }
      case 'Group': {
        const first = args[0];
        if (!first) return undefined;
        if (first.type === 'func_literal') return this.inlineSubrouter(r, fw, '', first, at, scope);
        const prefix = this.pathOf(first, scope, known);
        const mw = [...(r.mw ?? []), ...this.middlewareArgs(args.slice(1))];
        if (prefix === undefined && args.length === 1 && (first.type === 'identifier' || first.type === 'selector_expression')
          && (fw === 'chi' || (first.type === 'identifier' && this.funcDecls.has(first.text)))) {
          // chi r.Group(registerAdmin): a named function that receives the group.
          return this.inlineSubrouter(r, fw, '', first, at, scope);
        }
        if (prefix === undefined) {
          const ref = this.pathRefOf(first, scope, known);
          return ref ? { k: 'child', parent: r.ref, fw, prefix: fallbackPrefix(ref), prefixRef: ref, mw, at } : undefined;
        }
        return { k: 'child', parent: r.ref, fw, prefix, mw, at };
      }
      case 'Route': {
        if (args.length < 2) return undefined;
        const prefix = this.pathOf(args[0], scope, known) ?? this.pathRefOf(args[0], scope, known);
        if (prefix === undefined) return undefined;
        return this.inlineSubrouter(r, fw, prefix, args[1]!, at, scope);
      }
      case 'Mount': {
        if (args.length < 2) return undefined;
        const prefix = this.pathOf(args[0], scope, known) ?? this.pathRefOf(args[0], scope, known);
        if (prefix === undefined) return undefined;
        const child = this.evalExpr(args[1]!, scope);
        const childRouter = child.k === 'ref' ? child : this.asRouter(child, args[1]!);
        if (childRouter) this.emitMount(r.ref, childRouter.ref, prefix, r.mw ?? [], at, fw);
        return NONE;
      }
      case 'With':
        return { ...r, mw: [...(r.mw ?? []), ...this.middlewareArgs(args)] };
      case 'Use':
      case 'Pre': {
        let rest = args;
        let pathPrefix = '';
        const first = args[0] ? this.constOf(args[0], scope) : undefined;
        if (first !== undefined) {
          pathPrefix = first;
          rest = args.slice(1);
        }
        for (const mw of this.middlewareArgs(rest)) {
          this.facts.push({ kind: 'router-middleware', framework: fw, router: r.ref, middleware: mw, pathPrefix, location: loc(this.file.path, at) });
        }
        return NONE;
      }
      case 'StaticFile':
      case 'File': {
        if (args.length !== 2 || stringLiteral(args[1]) === undefined) return undefined;
        const path = this.pathOf(args[0], scope, known);
        if (path === undefined) return undefined;
        this.facts.push({
          kind: 'route', framework: fw, method: 'GET', path, router: r.ref, handler: { name: name === 'File' ? 'File' : 'StaticFile' },
          location: loc(this.file.path, at), ...(r.mw?.length ? { middleware: r.mw } : {}),
        });
        return NONE;
      }
      case 'Router':
        if (fw === 'beego') return this.beegoRouter(r.ref, seg, scope) ? NONE : undefined;
        return undefined;
      default:
        break;
    }
    const returned = r.ref.path[r.ref.path.length - 1] === 'return';
    if (SERVE_METHODS.has(name) && (known || (returned && (fw === 'gin' || fw === 'echo' || fw === 'fiber')))) {
      this.facts.push({ kind: 'service-entry', framework: fw, location: loc(this.file.path, at) });
      this.served.add(refKey(r.ref));
      return NONE;
    }
    if (PASSTHROUGH.has(name) && known) return r;
    if (GORILLA_BUILDER.has(name) && (fw === 'gorilla-mux' || (known && !r.router))) {
      const builder: Builder = { k: 'builder', router: r.ref, fw: 'gorilla-mux', known, at, mw: r.mw ?? [] };
      return this.builderMethod(builder, seg, scope);
    }
    return undefined;
  }

  /** `r.Route("/x", func(r chi.Router) {...})`, `r.Group(func(r chi.Router) {...})`, or with a named function. */
  private inlineSubrouter(r: RouterVal, fw: GoFramework, prefix: string | PathRef, fn: Node, at: Node, scope: Scope | undefined): Val {
    if (fn.type === 'func_literal') {
      const ref = this.synthetic(at);
      this.emitRouter(ref, fw, at);
      this.emitMount(r.ref, ref, prefix, r.mw ?? [], at, fw);
      this.processed.add(fn.id);
      const body = fn.childForFieldName('body');
      const inner = this.newScope(scope, `${scope?.qual ?? 'init'}@${fn.startPosition.row + 1}`, body);
      this.bindParams(inner, fn.childForFieldName('parameters'), undefined);
      const first = parameters(fn.childForFieldName('parameters'))[0];
      if (first?.name && first.name !== '_') inner.names.set(first.name, { ref, fixed: true, router: fw });
      this.markRouterish(inner);
      if (body) this.visit(body, inner);
      return { k: 'ref', ref, router: fw };
    }
    const target = this.evalExpr(fn, scope);
    if (target.k === 'ref') {
      this.emitMount(r.ref, { file: target.ref.file, path: [...target.ref.path, 'arg0'] }, prefix, r.mw ?? [], at, fw);
    }
    return NONE;
  }

  /** The router a handler argument stands for when it is one (`mux.Handle("/api/", apiRouter)`). */
  private mountedRouter(node: Node, scope: Scope | undefined): RefExpr | undefined {
    let target = node;
    // http.StripPrefix("/api", h)
    if (target.type === 'call_expression') {
      const path = selectorPath(target.childForFieldName('function'));
      if (path && path[path.length - 1] === 'StripPrefix') target = callArgs(target)[1] ?? target;
    }
    if (target.type !== 'identifier' && target.type !== 'selector_expression') return undefined;
    const val = this.evalExpr(target, scope);
    return val.k === 'ref' && val.router ? val.ref : undefined;
  }

  // ------------------------------------------------------------------ gorilla route builder

  private builderMethod(b: Builder, seg: ChainSegment, scope: Scope | undefined): Val {
    const { name, args } = seg;
    switch (name) {
      case 'Path': {
        const path = this.pathOf(args[0], scope, true);
        return path === undefined ? NONE : { ...b, path };
      }
      case 'PathPrefix': {
        const prefix = this.pathOf(args[0], scope, true);
        return prefix === undefined ? NONE : { ...b, prefix };
      }
      case 'Methods': {
        const methods = args.flatMap((a) => this.methodsOf(a, scope));
        return { ...b, methods: [...(b.methods ?? []), ...methods] };
      }
      case 'HandlerFunc':
      case 'Handler':
        return args[0] ? { ...b, handler: args[0] } : b;
      case 'HandleFunc':
      case 'Handle':
        return NONE;
      case 'BuildOnly':
        return { ...b, buildOnly: true };
      case 'Subrouter': {
        const prefix = b.prefix ?? b.path ?? '';
        return { k: 'child', parent: b.router, fw: 'gorilla-mux', prefix, mw: b.mw, at: b.at };
      }
      case 'Host': case 'Schemes': case 'Headers': case 'HeadersRegexp': case 'Queries': case 'MatcherFunc': case 'Name':
      case 'NewRoute':
        return b;
      default:
        this.finishBuilder(b, scope);
        return NONE;
    }
  }

  private finishBuilder(b: Builder, scope: Scope | undefined): void {
    if (!b.handler || b.buildOnly) return;
    if (b.path === undefined) {
      // r.PathPrefix("/api").Handler(apiRouter): a mount when the handler is a router.
      if (b.prefix === undefined) return;
      const target = this.mountedRouter(b.handler, scope);
      if (target) this.emitMount(b.router, target, b.prefix.replace(/\/+$/, ''), b.mw, b.at, 'gorilla-mux');
      return;
    }
    const fw = b.fw === 'unknown' ? this.frameworkOf(undefined, 'gorilla-mux') : b.fw;
    const path = b.prefix !== undefined ? joinRaw(b.prefix, b.path) : b.path;
    this.emitHandlerRoute({ k: 'ref', ref: b.router, mw: b.mw }, fw, b.methods?.length ? b.methods : ['ANY'], path, [b.handler], b.at, scope);
  }

  // ------------------------------------------------------------------ routes

  /** `r.GET(path, handlers...)`; false when the call does not look like a route. */
  private verbRoute(r: RouterVal, fw: GoFramework, method: HttpMethod, seg: ChainSegment, scope: Scope | undefined, known: boolean): boolean {
    const { args } = seg;
    if (args.length < 2) return false;
    const path = this.pathOf(args[0], scope, known) ?? this.pathRefOf(args[0], scope, known);
    if (path === undefined) return false;
    const rest = args.slice(1);
    if (rest.some((a) => stringLiteral(a) !== undefined)) return false;
    this.emitHandlerRoute(r, fw, [method], path, rest, seg.call, scope);
    return true;
  }

  /** Route facts for one registration; `handlers` in the framework's order (Echo: handler first). */
  private emitHandlerRoute(
    r: RouterVal, fw: GoFramework, methods: readonly HttpMethod[], written: string | PathRef, handlers: Node[], at: Node, scope: Scope | undefined,
  ): void {
    if (handlers.length === 0) return;
    let router = r.ref;
    let path: string;
    if (typeof written === 'string') path = written;
    else {
      // The path is a constant declared elsewhere: register on a router mounted at that constant.
      router = this.synthetic(at, `:${written.name}`);
      this.emitRouter(router, fw, at);
      this.emitMount(r.ref, router, { ...written, suffix: '' }, [], at, fw);
      path = written.suffix;
    }
    const echoOrder = fw === 'echo';
    const handlerNode = echoOrder ? handlers[0]! : handlers[handlers.length - 1]!;
    const mwNodes = echoOrder ? handlers.slice(1) : handlers.slice(0, -1);
    const middleware = [...(r.mw ?? []), ...this.middlewareArgs(mwNodes)];
    const handler = this.handlerOf(handlerNode, scope);
    if (methods.length === 1 && methods[0] === 'ANY') {
      const dispatched = this.dispatchedMethods(handlerNode, scope);
      if (dispatched.length) methods = dispatched;
    }
    const tags = handler ? this.tagsOf(handler.lookup) : undefined;
    const seen = new Set<string>();
    for (const method of methods) {
      if (seen.has(method)) continue;
      seen.add(method);
      const fact: RouteFact = {
        kind: 'route', framework: fw, method, path, router, location: loc(this.file.path, at),
        ...(handler ? { handler: handler.handler } : {}),
        ...(middleware.length ? { middleware } : {}),
        ...(tags?.length ? { openapiTags: tags } : {}),
      };
      this.facts.push(fact);
    }
  }

  private handlerOf(node: Node, scope: Scope | undefined): { handler: NonNullable<RouteFact['handler']>; lookup: string[] } | undefined {
    let target = node;
    // http.HandlerFunc(h), wrap(h): name the call, look tags up on the wrapped function.
    if (target.type === 'call_expression') {
      const callee = selectorPath(target.childForFieldName('function'));
      if (!callee) return undefined;
      const inner = callArgs(target)[0];
      const innerPath = inner ? selectorPath(inner) : undefined;
      const name = callee.join('.');
      const lookup = innerPath ? this.lookupKeys(innerPath, scope) : [];
      return { handler: { name, location: loc(this.file.path, target) }, lookup };
    }
    const path = selectorPath(target);
    if (!path) return undefined;
    const keys = this.lookupKeys(path, scope);
    const decl = keys.map((k) => this.funcDecls.get(k)).find((d) => !!d);
    const at = decl ? (decl.childForFieldName('name') ?? decl) : target;
    target = at;
    return { handler: { name: path.join('.'), location: loc(this.file.path, target) }, lookup: keys };
  }

  /**
   * Methods an all-method handler dispatches on (`switch r.Method { case "GET": ... }`,
   * `if r.Method != http.MethodPost { return }`), for an inline handler or a function of this file.
   */
  private dispatchedMethods(node: Node, scope: Scope | undefined): HttpMethod[] {
    let fn: Node | undefined = node;
    if (fn.type === 'call_expression') fn = callArgs(fn)[0]; // http.HandlerFunc(func ...)
    if (fn && fn.type !== 'func_literal') {
      const path = selectorPath(fn);
      const keys = path ? this.lookupKeys(path, scope) : [];
      fn = keys.map((k) => this.funcDecls.get(k)).find((d) => !!d);
    }
    const body = fn?.childForFieldName('body');
    if (!body) return [];
    const out = new Set<HttpMethod>();
    const isMethodSel = (n: Node | null | undefined) => n?.type === 'selector_expression' && n.childForFieldName('field')?.text === 'Method';
    walk(body, (n) => {
      if (n !== body && n.type === 'func_literal') return false;
      if (n.type === 'expression_switch_statement' && isMethodSel(n.childForFieldName('value'))) {
        for (const c of namedArgs(n)) {
          if (c.type !== 'expression_case') continue;
          for (const v of namedArgs(c.childForFieldName('value'))) {
            const m = this.methodOf(v, scope);
            if (m) out.add(m);
          }
        }
      } else if (n.type === 'binary_expression' && ['==', '!='].includes(n.childForFieldName('operator')?.text ?? '')) {
        const left = n.childForFieldName('left');
        const right = n.childForFieldName('right');
        const other = isMethodSel(left) ? right : isMethodSel(right) ? left : undefined;
        const m = other ? this.methodOf(other, scope) : undefined;
        if (m) out.add(m);
      }
      return undefined;
    });
    return [...out];
  }

  /** Keys into the file's function table for a handler written as `f`, `h.M` or `pkg.F`. */
  private lookupKeys(path: string[], scope: Scope | undefined): string[] {
    if (path.length === 1) return this.lookupLocalOnly(path[0]!, scope) ? [] : [path[0]!];
    if (path.length === 2) {
      if (this.imports.has(path[0]!) && !this.lookupLocalOnly(path[0]!, scope)) return [];
      const type = this.lookup(path[0]!, scope)?.type;
      return type && !type.pkg ? [`${type.name}.${path[1]}`, path[1]!] : [path[1]!];
    }
    return [];
  }

  private tagsOf(keys: readonly string[]): string[] | undefined {
    for (const key of keys) {
      const tags = this.tags.get(key);
      if (tags) return tags;
    }
    return undefined;
  }

  private middlewareArgs(nodes: readonly Node[]): MiddlewareRef[] {
    const out: MiddlewareRef[] = [];
    for (const node of nodes) {
      if (node.type === 'func_literal' || stringLiteral(node) !== undefined) continue;
      out.push(goMiddlewareRef(node.text, loc(this.file.path, node)));
    }
    return out;
  }

  /**
   * A path written as a name this file cannot evaluate (`healthzPath`, `paths.Users`, `adminPath + "/x"`):
   * the name's ref and the constant suffix. Only for known routers.
   */
  private pathRefOf(node: Node | undefined, scope: Scope | undefined, known: boolean): PathRef | undefined {
    if (!node || !known) return undefined;
    if (node.type === 'binary_expression' && node.childForFieldName('operator')?.text === '+') {
      const head = this.pathRefOf(node.childForFieldName('left') ?? undefined, scope, known);
      const tail = this.constOf(node.childForFieldName('right') ?? undefined, scope);
      return head && tail !== undefined ? { ...head, suffix: head.suffix + tail } : undefined;
    }
    if (node.type === 'identifier') {
      if (this.lookupLocalOnly(node.text, scope) || this.imports.has(node.text)) return undefined;
      return { ref: { file: this.dir, path: [node.text] }, name: node.text, suffix: '' };
    }
    const path = selectorPath(node);
    if (node.type === 'selector_expression' && path?.length === 2 && this.imports.has(path[0]!) && !this.lookupLocalOnly(path[0]!, scope)) {
      return { ref: { file: this.file.path, path }, name: path[1]!, suffix: '' };
    }
    return undefined;
  }

  /** A route path argument; relative paths ('admin') only on known routers. */
  private pathOf(node: Node | undefined, scope: Scope | undefined, known: boolean): string | undefined {
    if (!node) return undefined;
    const value = this.constOf(node, scope);
    if (value === undefined) return undefined;
    if (value.startsWith('/')) return value;
    if (!known) return undefined;
    if (value === '') return value;
    return /^[A-Za-z0-9_.~:*{}-][^\s]*$/.test(value) && !value.includes('://') ? value : undefined;
  }

  private methodOf(node: Node, scope: Scope | undefined): HttpMethod | undefined {
    const str = this.constOf(node, scope);
    if (str !== undefined) return methodFromString(str);
    const path = selectorPath(node);
    const last = path?.[path.length - 1];
    if (!last) return undefined;
    return methodFromConstant(last) ?? (/^[A-Z]+$/.test(last) ? methodFromString(last) : undefined);
  }

  /** One method, a `[]string{...}` literal, or a variable holding one string. */
  private methodsOf(node: Node, scope: Scope | undefined): HttpMethod[] {
    if (node.type === 'composite_literal') {
      return literalElements(node).map((e) => this.methodOf(e, scope)).filter((m): m is HttpMethod => !!m);
    }
    const one = this.methodOf(node, scope);
    return one ? [one] : [];
  }

  // ------------------------------------------------------------------ beego

  private beegoPackageCall(pkg: { path: string; local: string; fw?: GoFramework }, seg: ChainSegment, scope: Scope | undefined): Val {
    const app = this.asRouter({ k: 'pkg', ...pkg }, seg.call)!;
    switch (seg.name) {
      case 'Router':
        this.beegoRouter(app.ref, seg, scope);
        return NONE;
      case 'NewNamespace': {
        const prefix = this.pathOf(seg.args[0], scope, true);
        if (prefix === undefined) return NONE;
        return { k: 'ns', prefix, args: seg.args.slice(1), at: seg.call };
      }
      case 'AddNamespace':
        for (const arg of seg.args) {
          const val = this.evalExpr(arg, scope);
          if (val.k === 'ref') this.emitMount(app.ref, val.ref, '', [], seg.call, 'beego');
          else if (val.k === 'ns') {
            const ref = this.synthetic(arg);
            this.beegoNamespace(ref, val, scope);
            this.emitMount(app.ref, ref, '', [], seg.call, 'beego');
          }
        }
        return NONE;
      case 'InsertFilter': {
        const pattern = this.constOf(seg.args[0], scope);
        const filter = seg.args[2];
        if (pattern === undefined || !filter) return NONE;
        const cut = pattern.search(/[*:]/);
        const pathPrefix = (cut >= 0 ? pattern.slice(0, cut) : pattern).replace(/\/+$/, '');
        for (const mw of this.middlewareArgs([filter])) {
          this.facts.push({ kind: 'router-middleware', framework: 'beego', router: app.ref, middleware: mw, pathPrefix, location: loc(this.file.path, seg.call) });
        }
        return NONE;
      }
      case 'Run':
      case 'RunWithMiddleWares':
        this.facts.push({ kind: 'service-entry', framework: 'beego', location: loc(this.file.path, seg.call) });
        return NONE;
      default: {
        const verb = verbMethod(seg.name);
        if (verb) this.verbRoute(app, 'beego', verb, seg, scope, true);
        return NONE;
      }
    }
  }

  /** `web.Router("/x", &C{}, "get:Get;post:Post")`; mapping-less routes use C's verb-named methods in this file. */
  private beegoRouter(router: RefExpr, seg: ChainSegment, scope: Scope | undefined): boolean {
    const [pathNode, ctrl, mappingNode] = seg.args;
    const path = this.pathOf(pathNode, scope, true);
    if (path === undefined || !ctrl) return false;
    const ctrlVal = this.evalExpr(ctrl, scope);
    const type = ctrlVal.k === 'typed' ? ctrlVal.type : ctrlVal.k === 'ref' ? ctrlVal.type : undefined;
    const typeLabel = type?.name ?? ctrl.text;
    const at = loc(this.file.path, seg.call);
    const emit = (method: HttpMethod, fn: string) => {
      const decl = type && !type.pkg ? this.funcDecls.get(`${type.name}.${fn}`) : undefined;
      const tags = type && !type.pkg ? this.tags.get(`${type.name}.${fn}`) : undefined;
      this.facts.push({
        kind: 'route', framework: 'beego', method, path, router, location: at,
        handler: { name: fn ? `${typeLabel}.${fn}` : typeLabel, ...(decl ? { location: loc(this.file.path, decl.childForFieldName('name') ?? decl) } : {}) },
        ...(tags?.length ? { openapiTags: tags } : {}),
      });
    };
    const mapping = mappingNode ? this.constOf(mappingNode, scope) : undefined;
    if (mapping) {
      for (const part of mapping.split(';')) {
        const [methods, fn] = part.split(':');
        if (!methods || !fn) continue;
        for (const m of methods.split(',')) {
          const method = methodFromString(m);
          if (method) emit(method, fn.trim());
        }
      }
      return true;
    }
    const verbs = type && !type.pkg ? [...(this.methodsByType.get(type.name) ?? [])].filter((m) => verbMethod(m) && verbMethod(m) !== 'ANY') : [];
    if (verbs.length) for (const fn of verbs.sort()) emit(verbMethod(fn)!, fn);
    else emit('ANY', '');
    return true;
  }

  private beegoNamespace(ref: RefExpr, ns: { prefix: string; args: Node[]; at: Node }, scope: Scope | undefined): void {
    this.facts.push({ kind: 'router', framework: 'beego', ref, ...(ns.prefix ? { prefix: ns.prefix } : {}), location: loc(this.file.path, ns.at) });
    this.knownRouters.set(refKey(ref), 'beego');
    for (const arg of ns.args) {
      if (arg.type !== 'call_expression') continue;
      this.processed.add(arg.id);
      const fn = selectorPath(arg.childForFieldName('function'));
      const name = fn?.[fn.length - 1];
      if (!name) continue;
      const args = callArgs(arg);
      const seg: ChainSegment = { name, args, call: arg, receiverless: false };
      if (name === 'NSRouter') this.beegoRouter(ref, seg, scope);
      else if (name === 'NSNamespace') {
        const prefix = this.pathOf(args[0], scope, true);
        if (prefix === undefined) continue;
        const child = this.synthetic(arg);
        this.beegoNamespace(child, { prefix, args: args.slice(1), at: arg }, scope);
        this.emitMount(ref, child, '', [], arg, 'beego');
      } else if (name === 'NSBefore') {
        for (const mw of this.middlewareArgs(args)) {
          this.facts.push({ kind: 'router-middleware', framework: 'beego', router: ref, middleware: mw, pathPrefix: '', location: loc(this.file.path, arg) });
        }
      } else if (name.startsWith('NS')) {
        const verb = verbMethod(name.slice(2));
        if (verb) this.verbRoute({ k: 'ref', ref, router: 'beego' }, 'beego', verb, { ...seg, name: name.slice(2) }, scope, true);
      }
    }
  }

  // ------------------------------------------------------------------ fact helpers

  private emitRouter(ref: RefExpr, fw: Fw, at: Node, isApp = false): void {
    const framework = this.frameworkOf(fw, 'net-http');
    this.knownRouters.set(refKey(ref), framework);
    this.facts.push({ kind: 'router', framework, ref, ...(isApp ? { isApp: true } : {}), location: loc(this.file.path, at) });
  }

  private emitMount(parent: RefExpr, child: RefExpr, prefix: string | PathRef, mw: MiddlewareRef[], at: Node, fw: Fw): void {
    if (refKey(parent) === refKey(child)) return;
    if (typeof prefix !== 'string' && prefix.suffix) {
      // `adminPath + "/x"`: mount a router at the constant, and the child below it at the suffix.
      const middle = this.synthetic(at, `:${prefix.name}`);
      this.emitRouter(middle, fw, at);
      this.emitMount(parent, middle, { ...prefix, suffix: '' }, [], at, fw);
      this.emitMount(middle, child, prefix.suffix, mw, at, fw);
      return;
    }
    const written = typeof prefix === 'string' ? { prefix } : { prefix: fallbackPrefix(prefix), prefixRef: prefix.ref };
    this.facts.push({
      kind: 'mount', framework: this.frameworkOf(fw, 'net-http'), parent, child, ...written, location: loc(this.file.path, at),
      ...(mw.length ? { middleware: mw } : {}),
    });
  }
}

/** Guessed framework for verb spellings in files without a framework import. */
function verbGuess(name: string): GoFramework {
  if (name === 'HandleFunc' || name === 'Handle') return 'net-http';
  return name === name.toUpperCase() ? 'gin' : 'chi';
}

/** `NewUserHandler` -> type UserHandler (in package `pkg` when given). */
function guessType(fn: string, pkg?: string): GoTypeName | undefined {
  const m = /^New([A-Z]\w*)$/.exec(fn);
  if (!m) return undefined;
  return { ...(pkg ? { pkg } : {}), name: m[1]! };
}

/** The ref of method `method` of a type: package-qualified through the import when the type is. */
function typeRef(type: GoTypeName, file: string, dir: string, method: string): RefExpr {
  return type.pkg ? { file, path: [type.pkg, type.name, method] } : { file: dir, path: [type.name, method] };
}

/** Go 1.22 ServeMux patterns: "[METHOD ][HOST]/path[{$}]". */
function parsePattern(raw: string): { method?: HttpMethod; path: string } | undefined {
  let rest = raw.trim();
  let method: HttpMethod | undefined;
  const space = rest.search(/[ \t]/);
  if (space > 0) {
    method = methodFromString(rest.slice(0, space));
    if (!method || !/^[A-Z]+$/.test(rest.slice(0, space))) return undefined;
    rest = rest.slice(space).trim();
  }
  if (!rest.startsWith('/')) {
    const slash = rest.indexOf('/');
    if (slash < 0 || rest.includes(' ')) return rest === '' ? undefined : { ...(method ? { method } : {}), path: rest };
    rest = rest.slice(slash);
  }
  if (rest.endsWith('{$}')) rest = rest.slice(0, -3);
  return { ...(method ? { method } : {}), path: rest || '/' };
}

/** The prefix a mount keeps when the model cannot resolve the constant: the name as a placeholder. */
function fallbackPrefix(ref: PathRef): string {
  return `/{${ref.name}}`;
}

function joinRaw(prefix: string, path: string): string {
  if (!prefix) return path;
  if (!path) return prefix;
  return `${prefix.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
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
    const goFile = new GoFile(file, tree.rootNode);
    try {
      return goFile.run();
    } catch {
      // An unexpected shape: keep what was read before it rather than lose the file.
      return goFile.facts;
    }
  },
};
