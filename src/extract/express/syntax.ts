// Small syntax helpers of the verb-DSL scanners (member names, object literal values, middleware
// names as written, wildcard prefixes).
import type * as t from '@babel/types';
import { memberPath, type Node } from '../javascript/ast.js';
import { isFunctionNode, unwrap } from './bindings.js';

export function propName(member: Node): string | undefined {
  if (member.type !== 'MemberExpression' && member.type !== 'OptionalMemberExpression') return undefined;
  if (!member.computed && member.property.type === 'Identifier') return member.property.name;
  if (member.property.type === 'StringLiteral') return member.property.value;
  return undefined;
}

export function propertyNode(member: Node): Node | undefined {
  return member.type === 'MemberExpression' || member.type === 'OptionalMemberExpression' ? (member.property as Node) : undefined;
}

export function keyOf(key: Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral') return key.value;
  return undefined;
}

export function objectValue(obj: t.ObjectExpression, key: string): Node | undefined {
  for (const prop of obj.properties) {
    if (prop.type === 'ObjectProperty' && !prop.computed && keyOf(prop.key as Node) === key) return prop.value as Node;
    if (prop.type === 'ObjectMethod' && !prop.computed && keyOf(prop.key as Node) === key) return prop;
  }
  return undefined;
}

/** `new UsersController().router` -> ['UsersController', 'router']. */
export function newMemberPath(node: Node): string[] | undefined {
  if (node.type !== 'MemberExpression' || node.computed || node.property.type !== 'Identifier') return undefined;
  const obj = unwrap(node.object as Node);
  if (obj?.type === 'NewExpression') {
    const cls = memberPath(obj.callee as Node);
    return cls ? [...cls, node.property.name] : undefined;
  }
  return undefined;
}

/** The name a middleware argument is written with, or undefined for anonymous inline code. */
export function middlewareName(node: Node): string | undefined {
  const n = unwrap(node);
  if (!n) return undefined;
  if (n.type === 'Identifier' || n.type === 'MemberExpression') return memberPath(n)?.join('.') ?? newMemberPath(n)?.join('.');
  if (n.type === 'CallExpression') {
    const callee = unwrap(n.callee as Node);
    const path = callee ? memberPath(callee) : undefined;
    if (path) return path.join('.');
    // auth.local() / passport.authenticate('jwt')(...) curried
    return callee?.type === 'CallExpression' ? middlewareName(callee) : undefined;
  }
  if (n.type === 'FunctionExpression' && n.id) return n.id.name;
  return undefined;
}

export function baseName(source: string): string {
  const parts = source.split('/').filter((p) => p && p !== '.' && p !== '..');
  const last = parts[parts.length - 1] ?? source;
  return last === 'index' && parts.length > 1 ? parts[parts.length - 2]! : last.replace(/\.[cm]?[jt]sx?$/, '');
}

/** Hono/Koa wildcard prefixes: '/api/*' -> '/api', '*' -> ''. */
export function wildcardPrefix(prefix: string): string {
  return prefix.replace(/\/?\*+$/, '').replace(/\(\.\*\)$/, '');
}

export function statementOf(ancestors: readonly Node[]): Node | undefined {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const a = ancestors[i]!;
    if (a.type === 'ExpressionStatement' || a.type === 'VariableDeclaration' || a.type === 'ExportNamedDeclaration' || a.type === 'ExportDefaultDeclaration') {
      const parent = ancestors[i - 1];
      return parent?.type === 'ExportNamedDeclaration' ? parent : a;
    }
    if (isFunctionNode(a)) break;
  }
  return undefined;
}
