// In-file constant folding for route paths: string literals, templates and `+` whose pieces are
// constants declared in the same file (`const prefix = '/api'`, `Routes.users`, TS enum members).
import type * as t from '@babel/types';
import type { Node } from '../javascript/ast.js';
import { unwrap, type Binding, type Bindings, type ScopeOwner } from './bindings.js';

const MAX_DEPTH = 8;
/** Most paths one registration inside loops may stand for. */
const MAX_LOOP_VALUES = 64;
const ARRAY_CALLBACKS = new Set(['forEach', 'map']);

function keyName(key: Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral') return key.value;
  if (key.type === 'NumericLiteral') return String(key.value);
  return undefined;
}

/** The value of property `name` of an object literal. */
function propertyOf(object: t.ObjectExpression, name: string): Node | undefined {
  for (const prop of object.properties) {
    if (prop.type !== 'ObjectProperty' || prop.computed) continue;
    if (keyName(prop.key) === name) return prop.value as Node;
  }
  return undefined;
}

export class ConstantFolder {
  /** Loop variables bound to one element each while a loop registration is expanded (keyed by declaring node). */
  private env: Map<Node, Node> | undefined;

  constructor(private readonly bindings: Bindings) {}

  /**
   * The constant strings of `node` when it uses variables of loops over constant arrays
   * (`for (const page of PAGES)`, `PAGES.forEach((page) => ...)`): one per element (or combination).
   */
  loopStrings(node: Node | null | undefined, scope: readonly ScopeOwner[]): string[] | undefined {
    const loops = new Map<Node, Node[]>();
    this.collectLoopVars(node, scope, loops, 0);
    if (loops.size === 0) return undefined;
    let combos: Map<Node, Node>[] = [new Map()];
    for (const [key, elements] of loops) {
      combos = combos.flatMap((c) => elements.map((el) => new Map(c).set(key, el)));
      if (combos.length > MAX_LOOP_VALUES) return undefined;
    }
    const out: string[] = [];
    try {
      for (const env of combos) {
        this.env = env;
        const value = this.string(node, scope);
        if (value === undefined) return undefined;
        if (!out.includes(value)) out.push(value);
      }
    } finally {
      this.env = undefined;
    }
    return out;
  }

  private collectLoopVars(node: Node | null | undefined, scope: readonly ScopeOwner[], out: Map<Node, Node[]>, depth: number): void {
    const n = unwrap(node);
    if (!n || depth > MAX_DEPTH) return;
    if (n.type === 'TemplateLiteral') for (const e of n.expressions) this.collectLoopVars(e as Node, scope, out, depth + 1);
    else if (n.type === 'BinaryExpression') { this.collectLoopVars(n.left as Node, scope, out, depth + 1); this.collectLoopVars(n.right, scope, out, depth + 1); }
    else if (n.type === 'MemberExpression' && !n.computed) this.collectLoopVars(n.object, scope, out, depth + 1);
    else if (n.type === 'Identifier') {
      const b = this.bindings.lookup(n.name, scope);
      const key = b && loopKey(b);
      if (!b || !key || out.has(key)) return;
      const elements = this.loopElements(b);
      if (elements) out.set(key, elements);
    }
  }

  /** The elements a loop variable runs over, when the loop iterates a constant array literal. */
  private loopElements(b: Binding): Node[] | undefined {
    let array: Node | undefined;
    if (b.kind === 'var' && !b.init) {
      const decl = this.bindings.parentOf(b.declarator);
      const loop = decl && this.bindings.parentOf(decl);
      if (loop?.type !== 'ForOfStatement' || loop.left !== decl || loop.await) return undefined;
      array = this.resolveNode(loop.right, b.scope, 0);
    } else if (b.kind === 'param' && b.index === 0 && b.param.type === 'Identifier') {
      const call = this.bindings.parentOf(b.fn);
      if (call?.type !== 'CallExpression' || call.arguments[0] !== b.fn) return undefined;
      const callee = unwrap(call.callee as Node);
      if (callee?.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || !ARRAY_CALLBACKS.has(callee.property.name)) return undefined;
      array = this.resolveNode(callee.object, b.scope, 0);
    }
    if (array?.type !== 'ArrayExpression' || array.elements.length === 0) return undefined;
    const out: Node[] = [];
    for (const el of array.elements) {
      if (!el || el.type === 'SpreadElement') return undefined;
      out.push(el as Node);
    }
    return out;
  }

  private bound(name: string, scope: readonly ScopeOwner[]): Node | undefined {
    if (!this.env) return undefined;
    const b = this.bindings.lookup(name, scope);
    const key = b && loopKey(b);
    return key ? this.env.get(key) : undefined;
  }

  /** The constant string `node` evaluates to in `scope`, or undefined. */
  string(node: Node | null | undefined, scope: readonly ScopeOwner[], depth = 0): string | undefined {
    const value = this.value(node, scope, depth);
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
  }

  /** A list of constant strings: an array literal of constants, or one constant. */
  strings(node: Node | null | undefined, scope: readonly ScopeOwner[]): string[] | undefined {
    const n = this.resolveNode(node, scope, 0);
    if (n && n.type === 'ArrayExpression') {
      const out: string[] = [];
      for (const el of n.elements) {
        const s = el && el.type !== 'SpreadElement' ? this.string(el, scope) : undefined;
        if (s === undefined) return undefined;
        out.push(s);
      }
      return out;
    }
    const one = this.string(node, scope);
    return one === undefined ? undefined : [one];
  }

  /** Follows identifiers and member accesses to the literal node they are bound to (objects, arrays). */
  resolveNode(node: Node | null | undefined, scope: readonly ScopeOwner[], depth: number): Node | undefined {
    const n = unwrap(node);
    if (!n || depth > MAX_DEPTH) return undefined;
    if (n.type === 'Identifier') {
      const element = this.bound(n.name, scope);
      if (element) return this.resolveNode(element, scope, depth + 1);
      const b = this.bindings.lookup(n.name, scope);
      if (b?.kind === 'var' && b.isConst && b.init) return this.resolveNode(b.init, b.scope, depth + 1);
      return n;
    }
    if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier') {
      const obj = this.resolveNode(n.object, scope, depth + 1);
      if (obj?.type === 'ObjectExpression') {
        const v = propertyOf(obj, n.property.name);
        return v ? this.resolveNode(v, scope, depth + 1) : undefined;
      }
      return n;
    }
    return n;
  }

  private value(node: Node | null | undefined, scope: readonly ScopeOwner[], depth: number): string | number | undefined {
    const n = unwrap(node);
    if (!n || depth > MAX_DEPTH) return undefined;
    switch (n.type) {
      case 'StringLiteral':
        return n.value;
      case 'NumericLiteral':
        return n.value;
      case 'TemplateLiteral': {
        let out = '';
        for (let i = 0; i < n.quasis.length; i++) {
          out += n.quasis[i]!.value.cooked ?? n.quasis[i]!.value.raw;
          if (i < n.expressions.length) {
            const part = this.value(n.expressions[i] as Node, scope, depth + 1);
            if (part === undefined) return undefined;
            out += String(part);
          }
        }
        return out;
      }
      case 'LogicalExpression': {
        // `process.env.API_PREFIX || '/api'`: the default the code falls back to when the variable is unset.
        if (n.operator !== '||' && n.operator !== '??') return undefined;
        const left = this.value(n.left as Node, scope, depth + 1);
        if (left !== undefined && left !== '') return left;
        return isEnvRead(unwrap(n.left as Node)) ? this.value(n.right as Node, scope, depth + 1) : undefined;
      }
      case 'BinaryExpression': {
        if (n.operator !== '+') return undefined;
        const left = this.value(n.left as Node, scope, depth + 1);
        const right = this.value(n.right, scope, depth + 1);
        return left !== undefined && right !== undefined ? String(left) + String(right) : undefined;
      }
      case 'Identifier': {
        const element = this.bound(n.name, scope);
        if (element) return this.value(element, scope, depth + 1);
        const b = this.bindings.lookup(n.name, scope);
        if (b?.kind === 'var' && b.isConst && b.init) return this.value(b.init, b.scope, depth + 1);
        return undefined;
      }
      case 'MemberExpression': {
        if (n.computed || n.property.type !== 'Identifier') return undefined;
        const member = n.property.name;
        const objectNode = unwrap(n.object);
        if (objectNode?.type === 'Identifier') {
          const b = this.bindings.lookup(objectNode.name, scope);
          if (b?.kind === 'enum') return enumMember(b.node, member);
        }
        const obj = this.resolveNode(n.object, scope, depth + 1);
        if (obj?.type === 'ObjectExpression') {
          const v = propertyOf(obj, member);
          return v ? this.value(v, scope, depth + 1) : undefined;
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }
}

/** `process.env.NAME` / `process.env['NAME']`. */
function isEnvRead(node: Node | undefined): boolean {
  if (node?.type !== 'MemberExpression') return false;
  const env = unwrap(node.object);
  if (env?.type !== 'MemberExpression' || env.computed || env.property.type !== 'Identifier' || env.property.name !== 'env') return false;
  const proc = unwrap(env.object);
  return proc?.type === 'Identifier' && proc.name === 'process';
}

/** The node that declares a loop variable: its declarator, or the callback parameter. */
function loopKey(b: Binding): Node | undefined {
  if (b.kind === 'var') return b.declarator;
  if (b.kind === 'param') return b.param;
  return undefined;
}

function enumMember(node: t.TSEnumDeclaration, name: string): string | number | undefined {
  const members = (node as unknown as { members?: t.TSEnumMember[]; body?: { members: t.TSEnumMember[] } }).members
    ?? (node as unknown as { body?: { members: t.TSEnumMember[] } }).body?.members ?? [];
  for (const m of members) {
    const key = m.id.type === 'Identifier' ? m.id.name : m.id.value;
    if (key !== name) continue;
    const init = m.initializer;
    if (init?.type === 'StringLiteral') return init.value;
    if (init?.type === 'NumericLiteral') return init.value;
    return undefined;
  }
  return undefined;
}
