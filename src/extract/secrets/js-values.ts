// Constant values, imports and environment lookups inside ONE JS/TS file, for the secrets, CORS,
// rate-limit and database extractors. Deliberately shallow: a name resolves only when every
// assignment to it in the file is the same kind of constant and no enclosing function shadows it.
import type * as t from '@babel/types';
import { LastFileCache, memberPath, stringValue, walk, type Node } from '../javascript/ast.js';

export interface FileIndex {
  /** Values assigned to each name: `const x = v`, `x = v`, and `this.x = v` / class fields under 'this.x'. */
  assignments: Map<string, Node[]>;
  /** Local name -> { source, imported } for `import` and `require`. */
  imports: Map<string, { source: string; imported: string }>;
}

const FUNCTION_TYPES = new Set([
  'FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod',
]);

/** Strips TS-only wrappers and parentheses. */
export function unwrapTs(node: Node | null | undefined): Node | undefined {
  let cur = node ?? undefined;
  while (cur && (cur.type === 'TSAsExpression' || cur.type === 'TSNonNullExpression' || cur.type === 'ParenthesizedExpression'
    || cur.type === 'TSSatisfiesExpression' || cur.type === 'TSTypeAssertion')) {
    cur = cur.expression;
  }
  return cur;
}

function requireSourceOf(node: Node | null | undefined): string | undefined {
  const n = unwrapTs(node);
  if (!n || n.type !== 'CallExpression' || n.callee.type !== 'Identifier' || n.callee.name !== 'require') return undefined;
  const arg = n.arguments[0];
  return arg && arg.type === 'StringLiteral' ? arg.value : undefined;
}

/** `require('x')`, `require('x').y`, `await import('x')` -> source (and member). */
function requireOf(node: Node | null | undefined): { source: string; member?: string } | undefined {
  const n = unwrapTs(node);
  if (!n) return undefined;
  const direct = requireSourceOf(n);
  if (direct) return { source: direct };
  if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier') {
    const inner = requireSourceOf(n.object);
    if (inner) return { source: inner, member: n.property.name };
  }
  return undefined;
}

// The index of the file extracted last, shared by the secrets, CORS, rate-limit and database
// extractors (read-only).
const FILE_INDEXES = new LastFileCache<t.File, FileIndex>();

/** The index of a file (built once per tree and shared: do not mutate it). */
export function indexFile(ast: t.File): FileIndex {
  return FILE_INDEXES.get(ast, () => buildFileIndex(ast));
}

function buildFileIndex(ast: t.File): FileIndex {
  const assignments = new Map<string, Node[]>();
  const imports = new Map<string, { source: string; imported: string }>();
  const add = (name: string, value: Node) => {
    const list = assignments.get(name);
    if (list) list.push(value);
    else assignments.set(name, [value]);
  };
  walk(ast.program, (node) => {
    switch (node.type) {
      case 'ImportDeclaration':
        for (const spec of node.specifiers) {
          const imported = spec.type === 'ImportDefaultSpecifier' ? 'default'
            : spec.type === 'ImportNamespaceSpecifier' ? '*'
              : spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value;
          imports.set(spec.local.name, { source: node.source.value, imported });
        }
        break;
      case 'VariableDeclarator': {
        const req = requireOf(node.init);
        if (req && node.id.type === 'Identifier') imports.set(node.id.name, { source: req.source, imported: req.member ?? 'default' });
        if (req && node.id.type === 'ObjectPattern') {
          for (const prop of node.id.properties) {
            if (prop.type !== 'ObjectProperty' || prop.value.type !== 'Identifier') continue;
            const key = prop.key.type === 'Identifier' ? prop.key.name : prop.key.type === 'StringLiteral' ? prop.key.value : undefined;
            if (key) imports.set(prop.value.name, { source: req.source, imported: key });
          }
        }
        if (node.id.type === 'Identifier' && node.init) add(node.id.name, node.init);
        else if (node.id.type === 'Identifier') add(node.id.name, node.id);
        break;
      }
      case 'AssignmentExpression': {
        if (node.operator !== '=') break;
        const path = memberPath(node.left as Node);
        if (path && (path.length === 1 || (path.length === 2 && path[0] === 'this'))) add(path.join('.'), node.right);
        break;
      }
      case 'ClassProperty':
      case 'ClassPrivateProperty': {
        const key = node.key.type === 'Identifier' ? node.key.name : node.key.type === 'PrivateName' ? `#${node.key.id.name}` : undefined;
        if (key && node.value) add(`this.${key}`, node.value);
        break;
      }
      default:
        break;
    }
  });
  return { assignments, imports };
}

/** Names declared as parameters of the functions around a node (nearest last in `ancestors`). */
function isShadowedByParam(name: string, ancestors: readonly Node[]): boolean {
  for (const a of ancestors) {
    if (!FUNCTION_TYPES.has(a.type)) continue;
    const fn = a as t.Function;
    for (const p of fn.params) if (patternHasName(p as Node, name)) return true;
  }
  return false;
}

function patternHasName(pattern: Node, name: string): boolean {
  switch (pattern.type) {
    case 'Identifier': return pattern.name === name;
    case 'AssignmentPattern': return patternHasName(pattern.left, name);
    case 'RestElement': return patternHasName(pattern.argument, name);
    case 'TSParameterProperty': return patternHasName(pattern.parameter as Node, name);
    case 'ArrayPattern': return pattern.elements.some((e) => !!e && patternHasName(e, name));
    case 'ObjectPattern':
      return pattern.properties.some((p) => (p.type === 'RestElement' ? patternHasName(p.argument, name) : patternHasName(p.value as Node, name)));
    default: return false;
  }
}

/** The single value node a reference (`x`, `this.x`) stands for in this file, or undefined. */
export function resolveReference(node: Node | null | undefined, index: FileIndex, ancestors: readonly Node[]): Node | undefined {
  const n = unwrapTs(node);
  if (!n) return undefined;
  const path = memberPath(n);
  if (!path || !(path.length === 1 || (path.length === 2 && path[0] === 'this'))) return undefined;
  if (path.length === 1 && (isShadowedByParam(path[0]!, ancestors) || index.imports.has(path[0]!))) return undefined;
  const values = index.assignments.get(path.join('.'));
  if (!values || values.length !== 1) return undefined;
  const value = unwrapTs(values[0]);
  return value && value.type !== 'Identifier' ? value : undefined;
}

/** A constant string: a literal, or a reference to one (one hop). `via` is the reference's value node. */
export function constantString(node: Node | null | undefined, index: FileIndex, ancestors: readonly Node[]): { value: string; literal: Node; viaReference: boolean } | undefined {
  const n = unwrapValueWrapper(unwrapTs(node));
  if (!n) return undefined;
  const direct = stringValue(n);
  if (direct !== undefined) return { value: direct, literal: n, viaReference: false };
  const target = unwrapValueWrapper(resolveReference(n, index, ancestors));
  const value = stringValue(target);
  return value !== undefined && target ? { value, literal: target, viaReference: true } : undefined;
}

/** `Buffer.from(x)`, `String(x)`, `new TextEncoder().encode(x)` -> x. */
export function unwrapValueWrapper(node: Node | undefined): Node | undefined {
  if (!node || (node.type !== 'CallExpression' && node.type !== 'NewExpression')) return node;
  const callee = memberPath(node.callee as Node)?.join('.') ?? (node.callee.type === 'MemberExpression' && node.callee.property.type === 'Identifier' ? `?.${node.callee.property.name}` : '');
  if (!/^(Buffer\.from|String|Buffer|\?\.encode)$/.test(callee)) return node;
  const arg = node.arguments[0];
  return arg && arg.type !== 'SpreadElement' && arg.type !== 'ArgumentPlaceholder' ? unwrapTs(arg as Node) : node;
}

/** `process.env.X`, `process.env['X']`, `import.meta.env.X`, `Deno.env.get('X')`, `Bun.env.X` -> 'X'. */
export function envVarName(node: Node | null | undefined): string | undefined {
  const n = unwrapTs(node);
  if (!n) return undefined;
  if (n.type === 'CallExpression') {
    const callee = memberPath(n.callee as Node)?.join('.');
    if (callee === 'Deno.env.get') return stringValue(n.arguments[0] as Node) ?? '?';
    return undefined;
  }
  if (n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') {
    const path = memberPath(n);
    if (path && path.length === 3 && ['process.env', 'Bun.env'].includes(`${path[0]}.${path[1]}`)) return path[2];
    if (path && path.length === 4 && path[0] === 'import' && path[1] === 'meta' && path[2] === 'env') return path[3];
    const objectPath = memberPath(n.object);
    if (objectPath && ['process.env', 'import.meta.env', 'Bun.env'].includes(objectPath.join('.'))) return '?';
  }
  if (n.type === 'MetaProperty') return undefined;
  return undefined;
}

/** `process.env.X || 'v'` / `?? 'v'` / `process.env.X ? process.env.X : 'v'`: the env name and the literal fallback. */
export function envFallback(node: Node | null | undefined): { env: string; fallback: Node } | undefined {
  const n = unwrapTs(node);
  if (!n) return undefined;
  if (n.type === 'LogicalExpression' && (n.operator === '||' || n.operator === '??')) {
    const env = envVarName(n.left) ?? envFallback(n.left)?.env;
    const right = unwrapTs(n.right);
    if (env !== undefined && right && stringValue(right) !== undefined) return { env, fallback: right };
    return undefined;
  }
  if (n.type === 'ConditionalExpression') {
    const env = envVarName(n.test) ?? envVarName(n.consequent);
    const alt = unwrapTs(n.alternate);
    if (env !== undefined && alt && stringValue(alt) !== undefined) return { env, fallback: alt };
  }
  return undefined;
}

/** Name of a property key: `a`, `'a'`, `[\`a\`]`; undefined for other computed keys. */
export function propertyKeyName(prop: t.ObjectProperty | t.ObjectMethod | t.ClassProperty | t.ClassPrivateProperty): string | undefined {
  const key = prop.key as Node;
  if (key.type === 'PrivateName') return `#${key.id.name}`;
  if (!('computed' in prop && prop.computed) && key.type === 'Identifier') return key.name;
  return stringValue(key);
}

/** The library a call's callee was imported from: `cors()` with `import cors from 'cors'` -> 'cors'. */
export function importedFrom(callee: Node, index: FileIndex): { source: string; imported: string; member?: string } | undefined {
  const path = memberPath(unwrapTs(callee));
  if (!path) return undefined;
  const imp = index.imports.get(path[0]!);
  if (!imp) return undefined;
  return path.length > 1 ? { ...imp, member: path.slice(1).join('.') } : imp;
}
