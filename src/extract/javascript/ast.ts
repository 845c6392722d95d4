// Small, syntax-only helpers over Babel ASTs shared by the JS/TS extractors.
import type * as t from '@babel/types';
import type { Location } from '../../core/types.js';
import { locationFromBabel } from '../../languages/location.js';

export type Node = t.Node;

const SKIP_KEYS = new Set(['loc', 'start', 'end', 'extra', 'leadingComments', 'trailingComments', 'innerComments', 'range', 'comments', 'tokens', 'errors']);

/**
 * Depth-first walk. `enter` gets the node and its ancestors (nearest last); return false to skip
 * the node's children. Iterative, so deeply nested code cannot overflow the stack.
 *
 * The order of a whole file (a walk from its File or Program node) is computed once and shared by
 * every extractor that walks it (a pure function of an AST nobody mutates): such a walk is a loop
 * over an array. Walks from inner nodes (a function body) are small and go node by node.
 */
export function walk(root: Node, enter: (node: Node, ancestors: readonly Node[]) => boolean | void): void {
  let program: Node = root;
  const ancestors: Node[] = [];
  if (root.type === 'File') {
    // A File's only child node is its Program (comments are not walked): one cached order serves both.
    if (enter(root, ancestors) === false) return;
    ancestors.push(root);
    program = root.program;
  } else if (root.type !== 'Program') {
    walkUncached(root, enter);
    return;
  }
  const { nodes, depths, ends } = PROGRAM_ORDERS.get(program, () => buildOrder(program));
  const base = ancestors.length;
  const end = nodes.length;
  let i = 0;
  while (i < end) {
    const node = nodes[i]!;
    const depth = depths[i]! + base;
    while (ancestors.length > depth) ancestors.pop();
    if (enter(node, ancestors) === false) {
      i = ends[i]!;
    } else {
      ancestors.push(node);
      i++;
    }
  }
}

interface WalkOrder {
  /** Nodes in walk order (pre-order, children in key order). */
  nodes: Node[];
  depths: Int32Array;
  /** One past the last node of each subtree. */
  ends: Int32Array;
}

/**
 * One value for the file (AST node) asked about last: extraction goes file by file. Deliberately
 * not a WeakMap: an entry whose key has been promoted to the old generation keeps its value (here
 * whole-file arrays) alive through every young-generation collection until the next full one.
 */
export class LastFileCache<K extends object, V> {
  private key: K | undefined;
  private value: V | undefined;

  get(key: K, build: () => V): V {
    if (key !== this.key) {
      const value = build();
      this.key = key;
      this.value = value;
    }
    return this.value as V;
  }
}

// The walk order of the Program walked last (File walks reuse it).
const PROGRAM_ORDERS = new LastFileCache<Node, WalkOrder>();

function buildOrder(root: Node): WalkOrder {
  const nodes: Node[] = [];
  const depthList: number[] = [];
  const parentList: number[] = [];
  const stack: Node[] = [root];
  const stackDepth: number[] = [0];
  const stackParent: number[] = [-1];
  const children: Node[] = [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const depth = stackDepth.pop()!;
    const parent = stackParent.pop()!;
    const i = nodes.length;
    nodes.push(node);
    depthList.push(depth);
    parentList.push(parent);
    collectChildren(node, children);
    for (let k = children.length - 1; k >= 0; k--) {
      stack.push(children[k]!);
      stackDepth.push(depth + 1);
      stackParent.push(i);
    }
  }
  const n = nodes.length;
  const depths = Int32Array.from(depthList);
  const ends = new Int32Array(n);
  for (let i = 0; i < n; i++) ends[i] = i + 1;
  for (let i = n - 1; i > 0; i--) {
    const p = parentList[i]!;
    if (ends[i]! > ends[p]!) ends[p] = ends[i]!;
  }
  return { nodes, depths, ends };
}

/** The child nodes of `node` in source order, into `out` (cleared first). */
function collectChildren(node: Node, out: Node[]): void {
  out.length = 0;
  // for..in, not Object.keys: no array per node (AST nodes are plain objects with own keys only).
  for (const key in node) {
    const value = (node as unknown as Record<string, unknown>)[key];
    if (value === null || typeof value !== 'object' || SKIP_KEYS.has(key)) continue;
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) out.push(item);
    } else if (isNode(value)) {
      out.push(value);
    }
  }
}

function walkUncached(root: Node, enter: (node: Node, ancestors: readonly Node[]) => boolean | void): void {
  const stack: Node[] = [root];
  const stackDepth: number[] = [0];
  const ancestors: Node[] = [];
  const children: Node[] = [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const depth = stackDepth.pop()!;
    ancestors.length = depth;
    if (enter(node, ancestors) === false) continue;
    ancestors.push(node);
    collectChildren(node, children);
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push(children[i]!);
      stackDepth.push(depth + 1);
    }
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

export function loc(file: string, node: Node): Location {
  return locationFromBabel(file, node.loc);
}

/** The string a node stands for when it is a constant: literals, expression-free templates, '+' of constants. */
export function stringValue(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'StringLiteral':
      return node.value;
    case 'TemplateLiteral':
      if (node.expressions.length === 0) return node.quasis.map((q) => q.value.cooked ?? q.value.raw).join('');
      return undefined;
    case 'BinaryExpression': {
      if (node.operator !== '+') return undefined;
      const left = stringValue(node.left as Node);
      const right = stringValue(node.right);
      return left !== undefined && right !== undefined ? left + right : undefined;
    }
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
    case 'ParenthesizedExpression':
      return stringValue(node.expression);
    default:
      return undefined;
  }
}

/** `a.b.c` -> ['a', 'b', 'c']; `this.x` -> ['this', 'x']; computed string keys are kept; otherwise undefined. */
export function memberPath(node: Node | null | undefined): string[] | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'Identifier':
      return [node.name];
    case 'ThisExpression':
      return ['this'];
    case 'Super':
      return ['super'];
    case 'MemberExpression':
    case 'OptionalMemberExpression': {
      const object = memberPath(node.object);
      if (!object) return undefined;
      if (!node.computed && node.property.type === 'Identifier') return [...object, node.property.name];
      if (node.property.type === 'PrivateName') return [...object, `#${node.property.id.name}`];
      const key = stringValue(node.property as Node);
      return key === undefined ? undefined : [...object, key];
    }
    case 'TSNonNullExpression':
    case 'TSAsExpression':
    case 'ParenthesizedExpression':
      return memberPath(node.expression);
    default:
      return undefined;
  }
}

/** Dotted name of a call's callee (`db.pool.query` for `db.pool.query(...)`), or undefined. */
export function calleeName(call: t.CallExpression | t.NewExpression | t.OptionalCallExpression): string | undefined {
  return memberPath(call.callee as Node)?.join('.');
}

/** The value of property `name` in an object literal, or undefined. */
export function objectProperty(node: Node | null | undefined, name: string): Node | undefined {
  if (!node || node.type !== 'ObjectExpression') return undefined;
  for (const prop of node.properties) {
    if (prop.type !== 'ObjectProperty' && prop.type !== 'ObjectMethod') continue;
    const key = prop.key;
    const keyName = key.type === 'Identifier' ? key.name : key.type === 'StringLiteral' ? key.value : undefined;
    if (keyName === name) return prop.type === 'ObjectProperty' ? (prop.value as Node) : prop;
  }
  return undefined;
}

/** Leading comments attached to a node (Babel attaches them by position). */
export function leadingCommentText(node: Node): string[] {
  return (node.leadingComments ?? []).map((c) => c.value);
}
