// In-file constant folding for route paths: string literals, templates and `+` whose pieces are
// constants declared in the same file (`const prefix = '/api'`, `Routes.users`, TS enum members).
import type * as t from '@babel/types';
import type { Node } from '../javascript/ast.js';
import { unwrap, type Bindings, type ScopeOwner } from './bindings.js';

const MAX_DEPTH = 8;

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
  constructor(private readonly bindings: Bindings) {}

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
      case 'BinaryExpression': {
        if (n.operator !== '+') return undefined;
        const left = this.value(n.left as Node, scope, depth + 1);
        const right = this.value(n.right, scope, depth + 1);
        return left !== undefined && right !== undefined ? String(left) + String(right) : undefined;
      }
      case 'Identifier': {
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
