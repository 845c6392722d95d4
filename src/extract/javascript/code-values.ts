// Local value tracking for the JS/TS code-fact extractors (sql-calls, hash-calls, jwt-calls,
// config-issues): which function scope a node is in, what was assigned to a local name before a
// given point, which names are parameters and what each local imports. Syntax only, one file,
// no type inference. How strings were built is in built-text.ts.
import type * as t from '@babel/types';
import { LastFileCache, memberPath, walk, type Node } from './ast.js';

const SCOPE_TYPES = new Set([
  'Program', 'FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod',
  'ClassMethod', 'ClassPrivateMethod',
]);

export interface Binding {
  name: string;
  /** '=' plain assignment or declaration; '+=' append; 'opaque' = bound to something unknown (destructuring, loop, catch). */
  op: '=' | '+=' | 'opaque';
  value?: Node;
  /** The declarator / assignment node (location of the definition). */
  node: Node;
  start: number;
  end: number;
  /** The statement is directly in its scope's body (not under an if / loop / try). */
  unconditional: boolean;
  /** For a `for (const x of items)` loop variable: the iterated expression (`items`). */
  of?: Node;
}

interface Scope {
  node: Node;
  parent?: Scope;
  params: Set<string>;
  /** Parameters annotated `number`, `bigint` or `boolean` (TypeScript). */
  numericParams: Set<string>;
  bindings: Map<string, Binding[]>;
  /** `name.method(...)` calls, by receiver name. */
  methodCalls: Map<string, t.CallExpression[]>;
  /** `name.prop = value` assignments, by object name. */
  memberAssigns: Map<string, { prop: string; value: Node; start: number }[]>;
}

export interface ImportBinding {
  source: string; // module specifier
  imported: string; // 'default' | '*' | name
}

// The FileValues of the file extracted last, shared by the extractors that need it (read-only
// after construction).
const FILE_VALUES = new LastFileCache<Node, FileValues>();

export class FileValues {
  /** The values of the file `root` heads, built once per tree and shared. */
  static of(root: Node): FileValues {
    return FILE_VALUES.get(root, () => new FileValues(root));
  }

  private readonly parents = new Map<Node, Node>();
  private readonly scopes = new Map<Node, Scope>();
  readonly imports = new Map<string, ImportBinding>();
  /** Every call in the file, in document order. */
  readonly calls: (t.CallExpression | t.NewExpression)[] = [];

  constructor(readonly root: Node) {
    this.index();
  }

  parentOf(node: Node): Node | undefined {
    return this.parents.get(node);
  }

  /** Nearest function (or Program) around a node. */
  scopeNodeOf(node: Node): Node {
    let cur = this.parents.get(node);
    while (cur && !SCOPE_TYPES.has(cur.type)) cur = this.parents.get(cur);
    return cur ?? this.root;
  }

  private scopeOf(node: Node): Scope {
    return this.scopes.get(this.scopeNodeOf(node)) ?? this.scopes.get(this.root)!;
  }

  /** Name of the function around a node (declaration id, or the variable / property / method it is assigned to). */
  enclosingFunctionNames(node: Node): string[] {
    const names: string[] = [];
    let fn: Node | undefined = this.scopeNodeOf(node);
    while (fn && fn.type !== 'Program') {
      const name = functionName(fn, this.parents.get(fn));
      if (name) names.push(name);
      fn = this.scopeNodeOf(fn);
    }
    return names;
  }

  /**
   * The bindings that make up the value of `name` at `at`: in the scope where the name is bound, the
   * last unconditional '=' before `at` and every later binding before `at` (outer scopes: regardless of
   * position). 'param' when it is a parameter; 'free' when nothing binds it in this file.
   */
  resolve(name: string, at: Node): { kind: 'param' } | { kind: 'free' } | { kind: 'bindings'; bindings: Binding[] } {
    const pos = nodeStart(at);
    let first = true;
    for (let s: Scope | undefined = this.scopeOf(at); s; s = s.parent) {
      const all = s.bindings.get(name);
      const before = all?.filter((b) => !first || b.end <= pos) ?? [];
      if (before.length > 0) return { kind: 'bindings', bindings: fromLastAssignment(before) };
      if (s.params.has(name)) return { kind: 'param' };
      if (all && all.length > 0) return { kind: 'bindings', bindings: fromLastAssignment(all) };
      first = false;
    }
    return { kind: 'free' };
  }

  /** True when `name` at `at` is a parameter annotated `number`, `bigint` or `boolean`. */
  isNumericParam(name: string, at: Node): boolean {
    for (let s: Scope | undefined = this.scopeOf(at); s; s = s.parent) {
      if (s.bindings.has(name)) return false;
      if (s.params.has(name)) return s.numericParams.has(name);
    }
    return false;
  }

  /** `name.method(...)` calls in the scope that binds `name` (or the scope of `at`). */
  methodCallsOn(name: string, at: Node): t.CallExpression[] {
    for (let s: Scope | undefined = this.scopeOf(at); s; s = s.parent) {
      if (s.bindings.has(name) || s.params.has(name) || !s.parent) return s.methodCalls.get(name) ?? [];
    }
    return [];
  }

  memberAssignsOn(name: string, at: Node): { prop: string; value: Node; start: number }[] {
    for (let s: Scope | undefined = this.scopeOf(at); s; s = s.parent) {
      if (s.bindings.has(name) || s.params.has(name) || !s.parent) return s.memberAssigns.get(name) ?? [];
    }
    return [];
  }

  /** Every identifier reference to `name` inside the scope of `at` (not declarations), in order. */
  referencesIn(name: string, at: Node): t.Identifier[] {
    const scopeNode = this.scopeNodeOf(at);
    const out: t.Identifier[] = [];
    walk(scopeNode, (n, ancestors) => {
      if (n !== scopeNode && SCOPE_TYPES.has(n.type) && n.type !== 'ArrowFunctionExpression' && n.type !== 'FunctionExpression') return false;
      if (n.type === 'Identifier' && n.name === name) {
        const parent = ancestors[ancestors.length - 1];
        const isProp = parent && (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === n && !parent.computed;
        const isKey = parent && parent.type === 'ObjectProperty' && parent.key === n && !parent.computed && parent.value !== n;
        if (!isProp && !isKey) out.push(n);
      }
      return undefined;
    });
    return out;
  }

  /** The module a local name was imported / required from (`bcrypt` -> { source: 'bcryptjs', imported: 'default' }). */
  importOf(name: string): ImportBinding | undefined {
    return this.imports.get(name);
  }

  private index(): void {
    const rootScope: Scope = newScope(this.root);
    this.scopes.set(this.root, rootScope);
    walk(this.root, (node, ancestors) => {
      const parent = ancestors[ancestors.length - 1];
      if (parent) this.parents.set(node, parent);
      if (node !== this.root && SCOPE_TYPES.has(node.type)) {
        const outer = this.scopes.get(this.scopeNodeOf(node))!;
        const scope = newScope(node, outer);
        const fn = node as t.Function;
        for (const p of fn.params ?? []) {
          for (const n of patternNames(p as Node)) scope.params.add(n);
          const name = numericParamName(p as Node);
          if (name) scope.numericParams.add(name);
        }
        this.scopes.set(node, scope);
      }
      switch (node.type) {
        case 'CallExpression':
        case 'NewExpression':
          this.calls.push(node);
          if (node.type === 'CallExpression') this.recordMethodCall(node);
          this.recordRequire(node, parent);
          break;
        case 'VariableDeclarator':
          this.recordDeclarator(node);
          break;
        case 'AssignmentExpression':
          this.recordAssignment(node);
          break;
        case 'ImportDeclaration':
          for (const spec of node.specifiers) {
            const imported = spec.type === 'ImportDefaultSpecifier' ? 'default'
              : spec.type === 'ImportNamespaceSpecifier' ? '*'
              : spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value;
            this.imports.set(spec.local.name, { source: node.source.value, imported });
          }
          break;
        case 'CatchClause':
          if (node.param) for (const n of patternNames(node.param)) this.bind(node, { name: n, op: 'opaque', node, start: nodeStart(node), end: nodeEnd(node), unconditional: false });
          break;
        case 'ForOfStatement':
        case 'ForInStatement':
          if (node.left.type === 'VariableDeclaration') {
            for (const d of node.left.declarations) for (const n of patternNames(d.id)) {
              const of = node.type === 'ForOfStatement' && d.id.type === 'Identifier' ? node.right as Node : undefined;
              this.bind(node, { name: n, op: 'opaque', node, start: nodeStart(node), end: nodeEnd(node), unconditional: false, ...(of ? { of } : {}) });
            }
          }
          break;
        default:
          break;
      }
      return undefined;
    });
  }

  private bind(at: Node, binding: Binding): void {
    const scope = this.scopeOf(at);
    const list = scope.bindings.get(binding.name) ?? [];
    list.push(binding);
    scope.bindings.set(binding.name, list);
  }

  private isUnconditional(node: Node): boolean {
    // declarator -> declaration -> body, or assignment -> expression statement -> body
    let cur: Node | undefined = node;
    for (let i = 0; i < 4 && cur; i++) {
      const parent: Node | undefined = this.parents.get(cur);
      if (!parent) return true;
      if (parent.type === 'Program') return true;
      if (parent.type === 'BlockStatement') {
        const owner = this.parents.get(parent);
        return !!owner && SCOPE_TYPES.has(owner.type);
      }
      if (parent.type === 'IfStatement' || parent.type === 'ConditionalExpression' || parent.type === 'LogicalExpression'
        || parent.type.startsWith('For') || parent.type === 'WhileStatement' || parent.type === 'SwitchCase') return false;
      cur = parent;
    }
    return false;
  }

  private recordDeclarator(node: t.VariableDeclarator): void {
    const unconditional = this.isUnconditional(node);
    // const { JWT, JWK } = jose  (jose imported / required earlier)
    const init = unwrap(node.init as Node | null);
    if (node.id.type === 'ObjectPattern' && init?.type === 'Identifier') {
      const base = this.imports.get(init.name);
      if (base && (base.imported === 'default' || base.imported === '*')) {
        for (const prop of node.id.properties) {
          if (prop.type !== 'ObjectProperty') continue;
          const key = prop.key.type === 'Identifier' ? prop.key.name : prop.key.type === 'StringLiteral' ? prop.key.value : undefined;
          if (key && prop.value.type === 'Identifier') this.imports.set(prop.value.name, { source: base.source, imported: key });
        }
      }
    }
    if (node.id.type === 'Identifier') {
      const init = node.init ?? undefined;
      this.bind(node, { name: node.id.name, op: init ? '=' : 'opaque', value: init ?? undefined, node, start: nodeStart(node), end: nodeEnd(node), unconditional });
      if (!init) {
        // `let q;` declares without a value: a later assignment decides.
        const list = this.scopeOf(node).bindings.get(node.id.name)!;
        list.pop();
      }
      return;
    }
    for (const n of patternNames(node.id)) this.bind(node, { name: n, op: 'opaque', node, start: nodeStart(node), end: nodeEnd(node), unconditional });
  }

  private recordAssignment(node: t.AssignmentExpression): void {
    const left = node.left as Node;
    if (left.type === 'Identifier') {
      const op = node.operator === '=' ? '=' : node.operator === '+=' ? '+=' : 'opaque';
      this.bind(node, { name: left.name, op, value: node.right, node, start: nodeStart(node), end: nodeEnd(node), unconditional: this.isUnconditional(node) });
      return;
    }
    if (left.type === 'MemberExpression') {
      const path = memberPath(left);
      if (path && path.length >= 2) {
        const scope = this.scopeOf(node);
        const list = scope.memberAssigns.get(path[0]!) ?? [];
        list.push({ prop: path.slice(1).join('.'), value: node.right, start: nodeStart(node) });
        scope.memberAssigns.set(path[0]!, list);
      }
    }
  }

  private recordMethodCall(node: t.CallExpression): void {
    const callee = node.callee as Node;
    if (callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') return;
    const object = callee.object as Node;
    if (object.type !== 'Identifier') return;
    const scope = this.scopeOf(node);
    const list = scope.methodCalls.get(object.name) ?? [];
    list.push(node);
    scope.methodCalls.set(object.name, list);
  }

  private recordRequire(node: t.CallExpression | t.NewExpression, parent: Node | undefined): void {
    const source = requireSource(node);
    if (source === undefined || !parent) return;
    let holder: Node = parent;
    let imported = 'default';
    // require('x').y
    if ((holder.type === 'MemberExpression') && holder.object === node) {
      const prop = memberPath(holder.property as Node);
      if (!holder.computed && prop) imported = prop[0]!;
      const up = this.parents.get(holder);
      if (!up) return;
      holder = up;
    }
    if (holder.type !== 'VariableDeclarator') return;
    if (holder.id.type === 'Identifier') {
      this.imports.set(holder.id.name, { source, imported });
    } else if (holder.id.type === 'ObjectPattern') {
      for (const prop of holder.id.properties) {
        if (prop.type !== 'ObjectProperty') continue;
        const key = prop.key.type === 'Identifier' ? prop.key.name : prop.key.type === 'StringLiteral' ? prop.key.value : undefined;
        const value = prop.value.type === 'AssignmentPattern' ? prop.value.left : prop.value;
        if (key && value.type === 'Identifier') this.imports.set(value.name, { source, imported: key });
      }
    }
  }
}

function newScope(node: Node, parent?: Scope): Scope {
  return { node, parent, params: new Set(), numericParams: new Set(), bindings: new Map(), methodCalls: new Map(), memberAssigns: new Map() };
}

function fromLastAssignment(bindings: Binding[]): Binding[] {
  for (let i = bindings.length - 1; i >= 0; i--) {
    const b = bindings[i]!;
    if ((b.op === '=' || b.op === 'opaque') && b.unconditional) return bindings.slice(i);
  }
  // only conditional assignments: all of them count (any of them may hold)
  return bindings;
}

export function nodeStart(node: Node): number {
  return node.start ?? 0;
}

export function nodeEnd(node: Node): number {
  return node.end ?? 0;
}

function requireSource(node: t.CallExpression | t.NewExpression): string | undefined {
  if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require') return undefined;
  const arg = node.arguments[0];
  return arg?.type === 'StringLiteral' ? arg.value : undefined;
}

/** The name of a parameter annotated `number` / `bigint` / `boolean` (`timeoutMs: number`, `limit = 10`). */
function numericParamName(param: Node): string | undefined {
  const p = param.type === 'TSParameterProperty' ? param.parameter as Node : param;
  const id = p.type === 'AssignmentPattern' ? p.left as Node : p;
  if (id.type !== 'Identifier') return undefined;
  const annotation = id.typeAnnotation?.type === 'TSTypeAnnotation' ? id.typeAnnotation.typeAnnotation : undefined;
  if (annotation && (annotation.type === 'TSNumberKeyword' || annotation.type === 'TSBigIntKeyword' || annotation.type === 'TSBooleanKeyword')) return id.name;
  if (!annotation && p.type === 'AssignmentPattern' && p.right.type === 'NumericLiteral') return id.name;
  return undefined;
}

/** Names bound by a parameter / declaration pattern. */
export function patternNames(node: Node | null | undefined): string[] {
  if (!node) return [];
  switch (node.type) {
    case 'Identifier': return [node.name];
    case 'AssignmentPattern': return patternNames(node.left);
    case 'RestElement': return patternNames(node.argument);
    case 'TSParameterProperty': return patternNames(node.parameter as Node);
    case 'ArrayPattern': return node.elements.flatMap((e) => patternNames(e as Node | null));
    case 'ObjectPattern':
      return node.properties.flatMap((p) => (p.type === 'RestElement' ? patternNames(p) : patternNames(p.value as Node)));
    default: return [];
  }
}

function keyText(key: Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral') return key.value;
  if (key.type === 'PrivateName') return key.id.name;
  return undefined;
}

function functionName(fn: Node, parent: Node | undefined): string | undefined {
  if ((fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression') && fn.id) return fn.id.name;
  if (fn.type === 'ClassMethod' || fn.type === 'ObjectMethod' || fn.type === 'ClassPrivateMethod') return keyText(fn.key as Node);
  if (!parent) return undefined;
  if (parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if (parent.type === 'AssignmentExpression') return memberPath(parent.left as Node)?.at(-1);
  if (parent.type === 'ObjectProperty' || parent.type === 'ClassProperty') return keyText(parent.key as Node);
  return undefined;
}

export function unwrap(node: Node | null | undefined): Node | undefined {
  let cur = node ?? undefined;
  while (cur && (cur.type === 'TSAsExpression' || cur.type === 'TSNonNullExpression' || cur.type === 'ParenthesizedExpression'
    || cur.type === 'TSSatisfiesExpression' || cur.type === 'TSTypeAssertion' || cur.type === 'AwaitExpression')) {
    cur = (cur as { expression?: Node; argument?: Node }).expression ?? (cur as { argument?: Node }).argument;
  }
  return cur;
}
