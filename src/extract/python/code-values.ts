// Local value tracking for the Python code-fact extractors (sql-calls, hash-calls, jwt-calls,
// config-issues): function scopes, what was assigned to a local name before a given point, which
// names are parameters and what each local imports. Syntax only, one file, no type inference.
// How strings were built is in built-text.ts.
import { field, fieldChildren, LastTreeCache, memoForRoot, textOf } from '../tree-sitter/ast.js';
import { dottedPath, stringValue, walk, type Node } from './ast.js';

export interface Binding {
  name: string;
  /** '=' assignment; '+=' append; 'opaque' = bound to something unknown (tuple unpacking, loop, with, except). */
  op: '=' | '+=' | 'opaque';
  value?: Node;
  node: Node;
  start: number;
  end: number;
  unconditional: boolean;
}

interface Scope {
  id: number;
  node: Node;
  parent?: Scope;
  params: Set<string>;
  bindings: Map<string, Binding[]>;
  methodCalls: Map<string, Node[]>;
  /** `name[key] = v` / `name.attr = v`, by name. */
  memberAssigns: Map<string, { prop: string; value: Node; start: number; node: Node }[]>;
}

const SCOPE_TYPES = new Set(['module', 'function_definition', 'lambda']);

const FILE_VALUES = new LastTreeCache<Map<number, PyFileValues>>();

export class PyFileValues {
  /** The values of the file `root` heads, built once per tree and shared (read-only after construction). */
  static of(root: Node): PyFileValues {
    return memoForRoot(FILE_VALUES, root, (r) => new PyFileValues(r));
  }

  private readonly scopes = new Map<number, Scope>();
  /** local name -> dotted module path (`md5` -> 'hashlib.md5', `h` -> 'hashlib', `m4` -> 'Crypto.Hash.MD4'). */
  readonly imports = new Map<string, string>();
  readonly calls: Node[] = [];
  readonly assignments: Node[] = [];

  constructor(readonly root: Node) {
    this.index();
  }

  scopeNodeOf(node: Node): Node {
    let cur = node.parent;
    while (cur && !SCOPE_TYPES.has(cur.type)) cur = cur.parent;
    return cur ?? this.root;
  }

  private scopeOf(node: Node): Scope {
    return this.scopes.get(this.scopeNodeOf(node).id) ?? this.scopes.get(this.root.id)!;
  }

  /** Names of the functions (and classes) around a node, innermost first. */
  enclosingFunctionNames(node: Node): string[] {
    const names: string[] = [];
    for (let cur = node.parent; cur; cur = cur.parent) {
      if (cur.type === 'function_definition' || cur.type === 'class_definition') {
        const name = textOf(field(cur, 'name'));
        if (name) names.push(name);
      }
    }
    return names;
  }

  /** The full dotted name of a callee, with the first segment resolved through this file's imports. */
  qualifiedName(node: Node | null | undefined): string | undefined {
    const path = dottedPath(node);
    if (!path || path.length === 0) return undefined;
    const imported = this.imports.get(path[0]!);
    return imported ? [imported, ...path.slice(1)].join('.') : path.join('.');
  }

  resolve(name: string, at: Node): { kind: 'param' } | { kind: 'free' } | { kind: 'bindings'; bindings: Binding[] } {
    const pos = at.startIndex;
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

  /** `name.method(...)` calls in the scope that binds `name`. */
  methodCallsOn(name: string, at: Node): Node[] {
    for (let s: Scope | undefined = this.scopeOf(at); s; s = s.parent) {
      if (s.bindings.has(name) || s.params.has(name) || !s.parent) return s.methodCalls.get(name) ?? [];
    }
    return [];
  }

  memberAssignsOn(name: string, at: Node): { prop: string; value: Node; start: number; node: Node }[] {
    for (let s: Scope | undefined = this.scopeOf(at); s; s = s.parent) {
      if (s.bindings.has(name) || s.params.has(name) || !s.parent) return s.memberAssigns.get(name) ?? [];
    }
    return [];
  }

  /** Identifier references to `name` in the scope of `at` (excluding nested functions), in order. */
  referencesIn(name: string, at: Node): Node[] {
    const scopeNode = this.scopeNodeOf(at);
    const out: Node[] = [];
    walk(scopeNode, (n) => {
      if (n.id !== scopeNode.id && (n.type === 'function_definition' || n.type === 'class_definition')) return false;
      if (n.type === 'identifier' && textOf(n) === name) {
        const parent = n.parent;
        if (parent?.type === 'attribute' && field(parent, 'attribute')?.id === n.id) return undefined;
        if (parent?.type === 'keyword_argument' && field(parent, 'name')?.id === n.id) return undefined;
        out.push(n);
      }
      return undefined;
    });
    return out;
  }

  private index(): void {
    this.scopes.set(this.root.id, newScope(this.root));
    walk(this.root, (node) => {
      switch (node.type) {
        case 'function_definition':
        case 'lambda': {
          const outer = this.outerScope(node);
          const scope = newScope(node, outer);
          const params = field(node, 'parameters');
          if (params) for (const p of params.namedChildren) for (const n of paramNames(p)) scope.params.add(n);
          this.scopes.set(node.id, scope);
          break;
        }
        case 'call':
          this.calls.push(node);
          this.recordMethodCall(node);
          break;
        case 'assignment':
          this.assignments.push(node);
          this.recordAssignment(node);
          break;
        case 'augmented_assignment': {
          const left = field(node, 'left');
          const op = textOf(field(node, 'operator'));
          const right = field(node, 'right') ?? undefined;
          if (left?.type === 'identifier') this.bind(node, { name: textOf(left), op: op === '+=' ? '+=' : 'opaque', value: right, node, start: node.startIndex, end: node.endIndex, unconditional: this.isUnconditional(node) });
          break;
        }
        case 'named_expression': {
          const name = field(node, 'name');
          const value = field(node, 'value') ?? undefined;
          if (name) this.bind(node, { name: textOf(name), op: '=', value, node, start: node.startIndex, end: node.endIndex, unconditional: false });
          break;
        }
        case 'for_statement':
        case 'for_in_clause': {
          const left = field(node, 'left');
          for (const n of targetNames(left)) this.bind(node, { name: n, op: 'opaque', node, start: node.startIndex, end: node.startIndex, unconditional: false });
          break;
        }
        case 'as_pattern': {
          const alias = field(node, 'alias');
          for (const n of targetNames(alias)) this.bind(node, { name: n, op: 'opaque', node, start: node.startIndex, end: node.endIndex, unconditional: false });
          break;
        }
        case 'import_statement':
          for (const child of fieldChildren(node, 'name')) {
            if (!child) continue;
            if (child.type === 'aliased_import') {
              const full = textOf(field(child, 'name'));
              const alias = textOf(field(child, 'alias'));
              if (full && alias) this.imports.set(alias, full);
            } else if (child.type === 'dotted_name') {
              const first = textOf(child.namedChildren[0]);
              if (first) this.imports.set(first, first);
            }
          }
          break;
        case 'import_from_statement': {
          const module = textOf(field(node, 'module_name'));
          if (!module) break;
          for (const child of fieldChildren(node, 'name')) {
            if (!child) continue;
            if (child.type === 'aliased_import') {
              const name = textOf(field(child, 'name'));
              const alias = textOf(field(child, 'alias'));
              if (name && alias) this.imports.set(alias, `${module}.${name}`);
            } else if (child.type === 'dotted_name') {
              this.imports.set(textOf(child), `${module}.${textOf(child)}`);
            }
          }
          break;
        }
        default:
          break;
      }
      return undefined;
    });
  }

  private outerScope(node: Node): Scope {
    // Class bodies do not enclose their methods' names: skip to the scope around the class.
    return this.scopeOf(node);
  }

  private bind(at: Node, binding: Binding): void {
    const scope = this.scopeOf(at);
    const list = scope.bindings.get(binding.name) ?? [];
    list.push(binding);
    scope.bindings.set(binding.name, list);
  }

  private isUnconditional(node: Node): boolean {
    let cur: Node | null = node.parent; // expression_statement
    if (cur?.type === 'expression_statement') cur = cur.parent;
    if (!cur) return true;
    if (cur.type === 'module') return true;
    if (cur.type === 'block') return !!cur.parent && (cur.parent.type === 'function_definition' || cur.parent.type === 'with_statement' || cur.parent.type === 'try_statement');
    return false;
  }

  private recordAssignment(node: Node): void {
    const left = field(node, 'left');
    const right = field(node, 'right') ?? undefined;
    if (!left) return;
    const unconditional = this.isUnconditional(node);
    if (left.type === 'identifier') {
      // chained `a = b = value`: the right side is another assignment
      let value = right;
      while (value?.type === 'assignment') value = field(value, 'right') ?? undefined;
      this.bind(node, { name: textOf(left), op: right ? '=' : 'opaque', value, node, start: node.startIndex, end: node.endIndex, unconditional });
      return;
    }
    if ((left.type === 'subscript' || left.type === 'attribute') && right) {
      const base = left.type === 'subscript' ? field(left, 'value') : field(left, 'object');
      const keyNode = left.type === 'subscript' ? field(left, 'subscript') : field(left, 'attribute');
      const basePath = dottedPath(base);
      const key = keyNode ? (left.type === 'subscript' ? stringValue(keyNode) : textOf(keyNode)) : undefined;
      if (basePath && key !== undefined) {
        const scope = this.scopeOf(node);
        const name = basePath.join('.');
        const list = scope.memberAssigns.get(name) ?? [];
        list.push({ prop: key, value: right, start: node.startIndex, node });
        scope.memberAssigns.set(name, list);
      }
      return;
    }
    for (const n of targetNames(left)) this.bind(node, { name: n, op: 'opaque', node, start: node.startIndex, end: node.endIndex, unconditional });
  }

  private recordMethodCall(node: Node): void {
    const fn = field(node, 'function');
    if (fn?.type !== 'attribute') return;
    const object = field(fn, 'object');
    if (object?.type !== 'identifier') return;
    const scope = this.scopeOf(node);
    const list = scope.methodCalls.get(textOf(object)) ?? [];
    list.push(node);
    scope.methodCalls.set(textOf(object), list);
  }
}

function newScope(node: Node, parent?: Scope): Scope {
  return { id: node.id, node, parent, params: new Set(), bindings: new Map(), methodCalls: new Map(), memberAssigns: new Map() };
}

function fromLastAssignment(bindings: Binding[]): Binding[] {
  for (let i = bindings.length - 1; i >= 0; i--) {
    const b = bindings[i]!;
    if ((b.op === '=' || b.op === 'opaque') && b.unconditional) return bindings.slice(i);
  }
  return bindings;
}

function paramNames(p: Node): string[] {
  switch (p.type) {
    case 'identifier': return [textOf(p)];
    case 'typed_parameter': return p.namedChildren.filter((c): c is Node => c?.type === 'identifier').slice(0, 1).map((c) => textOf(c));
    case 'default_parameter':
    case 'typed_default_parameter': {
      const name = field(p, 'name');
      return name ? [textOf(name)] : [];
    }
    case 'list_splat_pattern':
    case 'dictionary_splat_pattern': {
      const inner = p.namedChildren.find((c) => c?.type === 'identifier');
      return inner ? [textOf(inner)] : [];
    }
    default: return [];
  }
}

function targetNames(node: Node | null | undefined): string[] {
  if (!node) return [];
  if (node.type === 'identifier') return [textOf(node)];
  if (['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'as_pattern_target', 'parenthesized_expression', 'list_splat_pattern'].includes(node.type)) {
    return node.namedChildren.flatMap((c) => targetNames(c));
  }
  return [];
}
