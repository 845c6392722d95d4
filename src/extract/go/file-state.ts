// File-level state of the Go route extractor: imports, declarations, scopes and name lookup, value
// helpers (paths, methods, handlers, middleware) and the emitters of router / mount / route facts.
import type { Fact, HttpMethod, MiddlewareRef, RefExpr, RouteFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import {
  callArgs, constString, declaredIdentifiers, literalElements, loc, namedArgs, selectorPath, stringLiteral, typeName, walk,
  type ChainSegment, type GoTypeName, type Node,
} from './ast.js';
import {
  FRAMEWORK_PRIORITY, frameworkHint, frameworkOfImport, methodFromConstant, methodFromString, type GoFramework,
} from './frameworks.js';
import { readGoImports } from './imports.js';
import { goMiddlewareRef } from './middleware-roles.js';
import { packageDir, parameters, routerTypeFramework, scanFunctions, type Binding, type FunctionInfo, type Scope } from './scope.js';
import { swaggoTags } from './swaggo.js';
import { fallbackPrefix, refKey, type Fw, type PathRef, type RouterVal } from './values.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

export class GoFileState {
  readonly facts: Fact[] = [];
  readonly dir: string;
  readonly imports = new Map<string, string>(); // local -> import path
  readonly fileFw: GoFramework | undefined;
  readonly pkgStrings = new Map<string, string>();
  readonly tags: Map<string, string[]>;
  readonly funcDecls = new Map<string, Node>(); // 'name' and 'Type.name' -> declaration
  readonly methodsByType = new Map<string, Set<string>>();
  readonly fieldTypes = new Map<string, GoTypeName>(); // 'Type.field' -> field type
  readonly processed = new Set<number>();
  readonly knownRouters = new Map<string, Fw>(); // ref key -> framework
  readonly served = new Set<string>();
  routerishInFn = new Set<string>();
  readonly functions: Map<number, FunctionInfo>;

  constructor(readonly file: ParsedFile, readonly root: Node) {
    this.dir = packageDir(file.path);
    for (const imp of readGoImports(root)) if (imp.local !== '_' && imp.local !== '.') this.imports.set(imp.local, imp.path);
    const fws = new Set([...this.imports.values()].map(frameworkOfImport).filter((f): f is GoFramework => !!f));
    this.fileFw = FRAMEWORK_PRIORITY.find((f) => fws.has(f))
      ?? [...this.imports.values()].map(frameworkHint).find((f): f is GoFramework => !!f);
    this.tags = swaggoTags(root);
    this.functions = scanFunctions(root);
    this.readDeclarations();
  }

  // ------------------------------------------------------------------ file-level declarations

  readDeclarations(): void {
    for (const decl of namedArgs(this.root)) {
      if (decl.type === 'const_declaration' || decl.type === 'var_declaration') {
        for (const spec of decl.descendantsOfType(['const_spec', 'var_spec'])) {
          if (!spec) continue;
          const names = declaredIdentifiers(spec);
          const values = namedArgs(fieldOf(spec, 'value'));
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
      } else if (decl.type === 'type_declaration') {
        this.readStructFields(decl);
      } else if (decl.type === 'function_declaration') {
        const name = fieldOf(decl, 'name')?.text;
        if (name) this.funcDecls.set(name, decl);
      } else if (decl.type === 'method_declaration') {
        const name = fieldOf(decl, 'name')?.text;
        const recv = parameters(fieldOf(decl, 'receiver'))[0];
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

  /** `type API struct { Accounts *AccountResource }` -> 'API.Accounts' -> AccountResource. */
  readStructFields(decl: Node): void {
    for (const spec of namedArgs(decl)) {
      if (spec.type !== 'type_spec') continue;
      const owner = fieldOf(spec, 'name')?.text;
      const struct = fieldOf(spec, 'type');
      if (!owner || struct?.type !== 'struct_type') continue;
      for (const list of namedArgs(struct)) {
        for (const field of namedArgs(list)) {
          if (field.type !== 'field_declaration') continue;
          const type = typeName(fieldOf(field, 'type'));
          if (!type) continue;
          const names = namedArgs(field).filter((c) => c.type === 'field_identifier');
          for (const name of names.length ? names : [{ text: type.name }]) this.fieldTypes.set(`${owner}.${name.text}`, type);
        }
      }
    }
  }

  fwOfLocal = (local: string): GoFramework | undefined => {
    const path = this.imports.get(local);
    return path ? frameworkOfImport(path) : undefined;
  };

  pkgBinding(name: string): Binding {
    const ref = { file: this.dir, path: [name] };
    const str = this.pkgStrings.get(name);
    const router = this.knownRouters.get(refKey(ref));
    return { ref, fixed: true, ...(str !== undefined ? { str } : {}), ...(router ? { router } : {}) };
  }

  /** The binding of a name in a scope; undefined for imported package names. */
  lookup(name: string, scope: Scope | undefined): Binding | undefined {
    for (let s = scope; s; s = s.parent) {
      const found = s.names.get(name);
      if (found) return found;
    }
    if (this.imports.has(name)) return undefined;
    return this.pkgBinding(name);
  }

  lookupLocalOnly(name: string, scope: Scope | undefined): Binding | undefined {
    for (let s = scope; s; s = s.parent) {
      const found = s.names.get(name);
      if (found) return found;
    }
    return undefined;
  }

  newScope(parent: Scope | undefined, qual: string, fn: Node): Scope {
    const scope: Scope = { ...(parent ? { parent } : {}), qual, names: new Map() };
    for (const name of this.functions.get(fn.id)?.declared ?? []) {
      if (name === '_') continue;
      scope.names.set(name, { ref: { file: this.file.path, path: [`${qual}:${name}`] } });
    }
    return scope;
  }

  bindParams(scope: Scope, list: Node | null | undefined, base: RefExpr | undefined): void {
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

  markRouterish(scope: Scope): void {
    for (const [name, binding] of scope.names) if (this.routerishInFn.has(name)) binding.routerish = true;
  }

  constOf(node: Node | undefined, scope: Scope | undefined): string | undefined {
    return constString(node, (n) => (n.type === 'identifier' ? this.lookup(n.text, scope)?.str : undefined));
  }

  frameworkOf(fw: Fw | undefined, guess: GoFramework): GoFramework {
    if (fw && fw !== 'unknown') return fw;
    return this.fileFw && this.fileFw !== 'net-http' ? this.fileFw : guess;
  }

  synthetic(at: Node, tag = ''): RefExpr {
    return { file: this.file.path, path: [`@${at.startPosition.row + 1}:${at.startPosition.column + 1}${tag}`] };
  }

  /** A route path argument; relative paths ('admin') only on known routers. */
  pathOf(node: Node | undefined, scope: Scope | undefined, known: boolean): string | undefined {
    if (!node) return undefined;
    const value = this.constOf(node, scope);
    if (value === undefined) return undefined;
    if (value.startsWith('/')) return value;
    if (!known) return undefined;
    if (value === '') return value;
    return /^[A-Za-z0-9_.~:*{}-][^\s]*$/.test(value) && !value.includes('://') ? value : undefined;
  }

  /**
   * A path written as a name this file cannot evaluate (`healthzPath`, `paths.Users`, `adminPath + "/x"`):
   * the name's ref and the constant suffix. Only for known routers.
   */
  pathRefOf(node: Node | undefined, scope: Scope | undefined, known: boolean): PathRef | undefined {
    if (!node || !known) return undefined;
    if (node.type === 'binary_expression' && fieldOf(node, 'operator')?.text === '+') {
      const head = this.pathRefOf(fieldOf(node, 'left') ?? undefined, scope, known);
      const tail = this.constOf(fieldOf(node, 'right') ?? undefined, scope);
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

  methodOf(node: Node, scope: Scope | undefined): HttpMethod | undefined {
    const str = this.constOf(node, scope);
    if (str !== undefined) return methodFromString(str);
    const path = selectorPath(node);
    const last = path?.[path.length - 1];
    if (!last) return undefined;
    return methodFromConstant(last) ?? (/^[A-Z]+$/.test(last) ? methodFromString(last) : undefined);
  }

  /** One method, a `[]string{...}` literal, or a variable holding one string. */
  methodsOf(node: Node, scope: Scope | undefined): HttpMethod[] {
    if (node.type === 'composite_literal') {
      return literalElements(node).map((e) => this.methodOf(e, scope)).filter((m): m is HttpMethod => !!m);
    }
    const one = this.methodOf(node, scope);
    return one ? [one] : [];
  }

  /** `r.GET(path, handlers...)`; false when the call does not look like a route. */
  verbRoute(r: RouterVal, fw: GoFramework, method: HttpMethod, seg: ChainSegment, scope: Scope | undefined, known: boolean): boolean {
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
  emitHandlerRoute(
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
    // Echo (and PocketBase, whose router is Echo's before v0.23): handler first, then middleware.
    const echoOrder = fw === 'echo' || fw === 'pocketbase';
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

  handlerOf(node: Node, scope: Scope | undefined): { handler: NonNullable<RouteFact['handler']>; lookup: string[] } | undefined {
    let target = node;
    // http.HandlerFunc(h), wrap(h): name the call, look tags up on the wrapped function.
    if (target.type === 'call_expression') {
      const callee = selectorPath(fieldOf(target, 'function'));
      if (!callee) return undefined;
      const inner = callArgs(target)[0];
      const innerPath = inner ? selectorPath(inner) : undefined;
      // http.HandlerFunc(x) is a conversion: the handler is x (none for an inline function).
      if (callee[callee.length - 1] === 'HandlerFunc' && callee.length <= 2) {
        if (!innerPath || !inner) return undefined;
        target = inner;
        const keys = this.lookupKeys(innerPath, scope);
        const decl = keys.map((k) => this.funcDecls.get(k)).find((d) => !!d);
        const at = decl ? (fieldOf(decl, 'name') ?? decl) : inner;
        return { handler: { name: innerPath.join('.'), location: loc(this.file.path, at) }, lookup: keys };
      }
      const name = callee.join('.');
      const lookup = innerPath ? this.lookupKeys(innerPath, scope) : [];
      return { handler: { name, location: loc(this.file.path, target) }, lookup };
    }
    const path = selectorPath(target);
    if (!path) return undefined;
    const keys = this.lookupKeys(path, scope);
    const decl = keys.map((k) => this.funcDecls.get(k)).find((d) => !!d);
    const at = decl ? (fieldOf(decl, 'name') ?? decl) : target;
    target = at;
    return { handler: { name: path.join('.'), location: loc(this.file.path, target) }, lookup: keys };
  }

  /**
   * Methods an all-method handler dispatches on (`switch r.Method { case "GET": ... }`,
   * `if r.Method != http.MethodPost { return }`), for an inline handler or a function of this file.
   */
  dispatchedMethods(node: Node, scope: Scope | undefined): HttpMethod[] {
    let fn: Node | undefined = node;
    if (fn.type === 'call_expression') fn = callArgs(fn)[0]; // http.HandlerFunc(func ...)
    if (fn && fn.type !== 'func_literal') {
      const path = selectorPath(fn);
      const keys = path ? this.lookupKeys(path, scope) : [];
      fn = keys.map((k) => this.funcDecls.get(k)).find((d) => !!d);
    }
    const body = fieldOf(fn, 'body');
    if (!body) return [];
    const out = new Set<HttpMethod>();
    const isMethodSel = (n: Node | null | undefined) => n?.type === 'selector_expression' && fieldOf(n, 'field')?.text === 'Method';
    walk(body, (n) => {
      if (n !== body && n.type === 'func_literal') return false;
      if (n.type === 'expression_switch_statement' && isMethodSel(fieldOf(n, 'value'))) {
        for (const c of namedArgs(n)) {
          if (c.type !== 'expression_case') continue;
          for (const v of namedArgs(fieldOf(c, 'value'))) {
            const m = this.methodOf(v, scope);
            if (m) out.add(m);
          }
        }
      } else if (n.type === 'binary_expression' && ['==', '!='].includes(fieldOf(n, 'operator')?.text ?? '')) {
        const left = fieldOf(n, 'left');
        const right = fieldOf(n, 'right');
        const other = isMethodSel(left) ? right : isMethodSel(right) ? left : undefined;
        const m = other ? this.methodOf(other, scope) : undefined;
        if (m) out.add(m);
      }
      return undefined;
    });
    return [...out];
  }

  /** Keys into the file's function table for a handler written as `f`, `h.M` or `pkg.F`. */
  lookupKeys(path: string[], scope: Scope | undefined): string[] {
    if (path.length === 1) return this.lookupLocalOnly(path[0]!, scope) ? [] : [path[0]!];
    if (path.length === 2) {
      if (this.imports.has(path[0]!) && !this.lookupLocalOnly(path[0]!, scope)) return [];
      const type = this.lookup(path[0]!, scope)?.type;
      return type && !type.pkg ? [`${type.name}.${path[1]}`, path[1]!] : [path[1]!];
    }
    return [];
  }

  tagsOf(keys: readonly string[]): string[] | undefined {
    for (const key of keys) {
      const tags = this.tags.get(key);
      if (tags) return tags;
    }
    return undefined;
  }

  middlewareArgs(nodes: readonly Node[]): MiddlewareRef[] {
    const out: MiddlewareRef[] = [];
    for (const node of nodes) {
      if (node.type === 'func_literal' || stringLiteral(node) !== undefined) continue;
      out.push(goMiddlewareRef(node.text, loc(this.file.path, node)));
    }
    return out;
  }

  /** A router's own prefix (go-restful `ws.Path("/users")`): set on its router fact, or a new fact. */
  setRouterPrefix(ref: RefExpr, fw: Fw, prefix: string, at: Node): void {
    const key = refKey(ref);
    for (const fact of this.facts) {
      if (fact.kind === 'router' && refKey(fact.ref) === key) {
        fact.prefix = prefix;
        return;
      }
    }
    this.emitRouter(ref, fw, at);
    const last = this.facts[this.facts.length - 1];
    if (last?.kind === 'router') last.prefix = prefix;
  }

  emitRouter(ref: RefExpr, fw: Fw, at: Node, isApp = false): void {
    const framework = this.frameworkOf(fw, 'net-http');
    this.knownRouters.set(refKey(ref), framework);
    this.facts.push({ kind: 'router', framework, ref, ...(isApp ? { isApp: true } : {}), location: loc(this.file.path, at) });
  }

  emitMount(parent: RefExpr, child: RefExpr, prefix: string | PathRef, mw: MiddlewareRef[], at: Node, fw: Fw): void {
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
