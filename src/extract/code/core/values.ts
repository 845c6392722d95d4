// Local value tracking shared by the tree-sitter languages: function scopes and their parameters,
// what was assigned to a local name before a given point (declarations, assignments, `+=`), the
// method calls made on a local (`sb.append(x)`, `list.add(x)`, `$parts[] = x`), class constants
// (`static final`, `const`), and the branch guards around each assignment. Syntax only, one file.
import { walk } from '../../tree-sitter/ast.js';
import type { Guard, Lang, Node, Param, RawBinding } from './expr.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

export interface Binding extends RawBinding {
  node: Node;
  start: number;
  end: number;
  /** Not inside an if / loop / switch / catch / lambda of its scope. */
  unconditional: boolean;
  guards: Guard[];
}

/** A method call on a local name (`sb.append(x)`), or an array append / keyed store written as an assignment. */
export interface MethodOp {
  name: string;
  method: string;
  args: Node[];
  node: Node;
  start: number;
  unconditional: boolean;
  guards: Guard[];
}

export interface Scope {
  node: Node;
  parent?: Scope;
  params: Map<string, Param>;
  bindings: Map<string, Binding[]>;
}

export type Resolution =
  | { kind: 'param'; param: Param; scope: Scope }
  | { kind: 'bindings'; bindings: Binding[]; scope: Scope }
  | { kind: 'field'; binding: Binding }
  | { kind: 'free' };

export class FileValues {
  private readonly scopes = new Map<number, Scope>();
  private readonly paramCache = new Map<number, Param[] | null>();
  /** Class fields and file-level constants by name (the first declaration wins). */
  readonly fields = new Map<string, Binding>();
  /** Names assigned anywhere after their declaration (a field assigned in a method is not effectively final). */
  private readonly reassigned = new Set<string>();
  private readonly ops = new Map<string, MethodOp[]>();
  readonly calls: Node[] = [];
  /** Named scope nodes (functions, methods) by name, for same-file helper calls. */
  readonly functions = new Map<string, Node[]>();

  constructor(readonly lang: Lang, readonly root: Node) {
    this.scopes.set(root.id, { node: root, params: new Map(), bindings: new Map() });
    this.index();
  }

  paramsOf(node: Node): Param[] | undefined {
    if (!this.lang.scopeTypes.has(node.type)) return undefined;
    const cached = this.paramCache.get(node.id);
    if (cached !== undefined) return cached ?? undefined;
    const params = this.lang.scopeParams(node);
    this.paramCache.set(node.id, params ?? null);
    return params;
  }

  scopeNodeOf(node: Node): Node {
    for (let cur = node.parent; cur; cur = cur.parent) if (this.paramsOf(cur)) return cur;
    return this.root;
  }

  scopeOf(node: Node): Scope {
    return this.scopes.get(this.scopeNodeOf(node).id) ?? this.scopes.get(this.root.id)!;
  }

  /** Names of the functions / methods / classes around a node, innermost first. */
  enclosingNames(node: Node): string[] {
    const out: string[] = [];
    for (let cur = node.parent; cur; cur = cur.parent) {
      if (this.paramsOf(cur) || this.lang.classTypes.has(cur.type)) {
        const name = fieldOf(cur, 'name') ?? (this.lang.classTypes.has(cur.type) ? fieldOf(cur.parent, 'name') : null);
        if (name && name.text.length < 80) out.push(name.text.replace(/^\$/, ''));
      }
    }
    return out;
  }

  resolve(name: string, at: Node): Resolution {
    const pos = at.startIndex;
    let first = true;
    for (let s: Scope | undefined = this.scopeOf(at); s; s = s.parent) {
      const all = s.bindings.get(name);
      const before = all?.filter((b) => !first || b.end <= pos) ?? [];
      if (before.length > 0) return { kind: 'bindings', bindings: fromLastAssignment(before), scope: s };
      const param = s.params.get(name);
      if (param) return { kind: 'param', param, scope: s };
      if (all && all.length > 0) return { kind: 'bindings', bindings: fromLastAssignment(all), scope: s };
      first = false;
    }
    const field = this.fields.get(name);
    if (field) return { kind: 'field', binding: field };
    return { kind: 'free' };
  }

  /** A class field or file constant that is final, or never reassigned after its declaration. */
  constantField(name: string): Binding | undefined {
    const field = this.fields.get(name);
    if (!field || !field.value) return undefined;
    if (field.isFinal || !this.reassigned.has(name)) return field;
    return undefined;
  }

  /** Method calls on `name` inside the scope that binds it (nested lambdas included), before `at` when given. */
  methodOpsOn(name: string, scope: Scope, before?: number): MethodOp[] {
    const start = scope.node.startIndex;
    const end = scope.node.endIndex;
    return (this.ops.get(name) ?? []).filter((op) => op.start >= start && op.start < end && (before === undefined || op.start < before)
      && this.ownerScope(name, op.node) === scope);
  }

  private ownerScope(name: string, at: Node): Scope | undefined {
    for (let s: Scope | undefined = this.scopeOf(at); s; s = s.parent) {
      if (s.bindings.has(name) || s.params.has(name)) return s;
    }
    return undefined;
  }

  private index(): void {
    walk(this.root, (node) => {
      const params = this.paramsOf(node);
      if (params) {
        const scope: Scope = { node, parent: this.scopeOf(node), params: new Map(params.map((p) => [p.name, p])), bindings: new Map() };
        this.scopes.set(node.id, scope);
        const name = fieldOf(node, 'name')?.text;
        if (name) {
          const list = this.functions.get(name) ?? [];
          list.push(node);
          this.functions.set(name, list);
        }
      }
      if (this.lang.callTypes.has(node.type)) {
        this.calls.push(node);
        this.recordMethodOp(node);
      }
      const raws = this.lang.bindings(node);
      if (raws) for (const raw of raws) this.record(node, raw);
      return undefined;
    });
    for (const list of this.ops.values()) list.sort((a, b) => a.start - b.start);
  }

  private record(node: Node, raw: RawBinding): void {
    const { unconditional, guards } = this.conditions(node);
    if (raw.op === 'call') {
      this.pushOp({ name: raw.name, method: raw.method ?? '', args: raw.args ?? [], node, start: node.startIndex, unconditional, guards });
      return;
    }
    const inClass = this.classBodyOf(node);
    if (inClass) {
      if (!this.fields.has(raw.name)) this.fields.set(raw.name, { ...raw, node, start: node.startIndex, end: node.endIndex, unconditional: true, guards: [] });
      return;
    }
    const scope = this.scopeOf(node);
    if (raw.op !== 'declare' && scope.node.id !== this.root.id) this.reassigned.add(raw.name);
    const list = scope.bindings.get(raw.name) ?? [];
    list.push({ ...raw, node, start: node.startIndex, end: node.endIndex, unconditional, guards });
    scope.bindings.set(raw.name, list);
    if (scope.node.id === this.root.id && !this.fields.has(raw.name) && raw.value && (raw.op === '=')) {
      // file-level `const` / `val` / package var: also visible from functions as a field-like constant
      this.fields.set(raw.name, { ...raw, node, start: node.startIndex, end: node.endIndex, unconditional: true, guards: [] });
    }
  }

  /** A field declaration directly in a class body (not inside a method). */
  private classBodyOf(node: Node): boolean {
    for (let cur = node.parent; cur; cur = cur.parent) {
      if (this.paramsOf(cur)) return false;
      if (this.lang.classTypes.has(cur.type)) return true;
    }
    return false;
  }

  conditions(node: Node): { unconditional: boolean; guards: Guard[] } {
    const scopeNode = this.scopeNodeOf(node);
    let unconditional = true;
    const guards: Guard[] = [];
    let child = node;
    for (let cur = node.parent; cur && cur.id !== scopeNode.id; cur = cur.parent) {
      if (this.lang.conditionalTypes.has(cur.type)) {
        unconditional = false;
        const guard = this.lang.guardOf?.(cur, child);
        if (guard) guards.push(guard);
      }
      child = cur;
    }
    return { unconditional, guards };
  }

  private recordMethodOp(call: Node): void {
    const e = this.lang.expr(call);
    if (e.k !== 'call' || !e.receiver || e.isNew) return;
    // fluent chains: sb.append(a).append(b) records both appends on `sb`
    let recvNode: Node | undefined = e.receiver;
    for (let i = 0; recvNode && i < 20; i++) {
      const inner = this.lang.expr(recvNode);
      if (inner.k === 'call' && inner.receiver && !inner.isNew) recvNode = inner.receiver;
      else if (inner.k === 'wrap') recvNode = inner.inner;
      else break;
    }
    if (!recvNode) return;
    const recv = this.lang.expr(recvNode);
    let name: string | undefined;
    if (recv.k === 'name') name = recv.name;
    else if (recv.k === 'member' && recv.path && recv.path.length === 2 && /^(this|self|\$this)$/.test(recv.path[0]!)) name = recv.path[1];
    if (!name) return;
    const { unconditional, guards } = this.conditions(call);
    const start = e.nameNode?.startIndex ?? call.startIndex;
    this.pushOp({ name, method: e.method, args: e.args, node: call, start, unconditional, guards });
  }

  private pushOp(op: MethodOp): void {
    const list = this.ops.get(op.name) ?? [];
    list.push(op);
    this.ops.set(op.name, list);
  }
}

function fromLastAssignment(bindings: Binding[]): Binding[] {
  for (let i = bindings.length - 1; i >= 0; i--) {
    const b = bindings[i]!;
    if ((b.op === '=' || b.op === 'opaque') && b.unconditional) return bindings.slice(i);
  }
  return bindings;
}
