// Language-neutral helpers over tree-sitter trees, shared by the Go, JVM, PHP, C#, Rust and Scala extractors.
// Language-specific ones (string literal values, call shapes) live in src/extract/<language>/ast.ts.
import type { Node, Tree } from 'web-tree-sitter';
import type { Location } from '../../core/types.js';
import { locationFromTreeSitter } from '../../languages/location.js';
import type { ParsedFile } from '../../languages/types.js';

export type { Node, Tree };

export function loc(file: string, node: Node): Location {
  return locationFromTreeSitter(file, node);
}

/** The tree of a parsed file when it is a tree-sitter tree. */
export function treeOf(file: ParsedFile): Tree | undefined {
  return file.tree.kind === 'tree-sitter' ? file.tree.tree : undefined;
}

/**
 * The named nodes of one tree in document order (pre-order, as `walk` visits them), read once per
 * tree and shared by every extractor that walks it. Each node visited through `namedChildren`
 * crosses into wasm and allocates; reading the tree once makes later walks plain array loops.
 * The node objects are the ones `namedChildren` returns (it caches them on their parent), with
 * `type` and `parent` answered from this index instead of wasm (same values).
 */
export interface TreeIndex {
  readonly nodes: readonly Node[];
  readonly types: readonly string[];
  /** Index of each node's parent (-1 for the root). */
  readonly parents: Int32Array;
  /** One past the last descendant of each node: the subtree of i is [i, ends[i]). */
  readonly ends: Int32Array;
  /** node id -> position in `nodes`. */
  readonly positions: ReadonlyMap<number, number>;
}

// A cache of a pure function of an immutable tree; never leaves this module's helpers.
const INDEXES = new WeakMap<Tree, TreeIndex>();
const TYPE_DESCRIPTOR: PropertyDescriptor = { value: '', writable: false, enumerable: false, configurable: true };
const PARENT_DESCRIPTOR: PropertyDescriptor = { value: null, writable: false, enumerable: false, configurable: true };

/** The shared index of the tree `node` belongs to (built on first use). */
export function treeIndex(tree: Tree): TreeIndex {
  let index = INDEXES.get(tree);
  if (!index) {
    index = buildIndex(tree);
    INDEXES.set(tree, index);
  }
  return index;
}

function buildIndex(tree: Tree): TreeIndex {
  const nodes: Node[] = [];
  const types: string[] = [];
  const parentList: number[] = [];
  const stack: Node[] = [tree.rootNode];
  const parentStack: number[] = [-1];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const parent = parentStack.pop()!;
    const i = nodes.length;
    const type = node.type;
    nodes.push(node);
    types.push(type);
    parentList.push(parent);
    const children = node.namedChildren;
    for (let k = children.length - 1; k >= 0; k--) {
      const child = children[k];
      if (child) {
        stack.push(child);
        parentStack.push(i);
      }
    }
  }
  const n = nodes.length;
  const parents = Int32Array.from(parentList);
  const ends = new Int32Array(n);
  for (let i = 0; i < n; i++) ends[i] = i + 1;
  for (let i = n - 1; i > 0; i--) {
    const p = parents[i]!;
    if (ends[i]! > ends[p]!) ends[p] = ends[i]!;
  }
  const positions = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const node = nodes[i]!;
    positions.set(node.id, i);
    TYPE_DESCRIPTOR.value = types[i];
    Object.defineProperty(node, 'type', TYPE_DESCRIPTOR);
    const p = parents[i]!;
    PARENT_DESCRIPTOR.value = p < 0 ? null : nodes[p];
    Object.defineProperty(node, 'parent', PARENT_DESCRIPTOR);
  }
  TYPE_DESCRIPTOR.value = '';
  PARENT_DESCRIPTOR.value = null;
  return { nodes, types, parents, ends, positions };
}

/** Position of a node in its tree's index, or undefined (anonymous nodes). */
function positionOf(node: Node): { index: TreeIndex; at: number } | undefined {
  const index = treeIndex(node.tree);
  const at = index.positions.get(node.id);
  return at === undefined ? undefined : { index, at };
}

/** Depth-first walk over named children; return false from `enter` to skip a subtree. Iterative. */
export function walk(root: Node, enter: (node: Node) => boolean | void): void {
  const found = positionOf(root);
  if (!found) {
    walkUncached(root, enter);
    return;
  }
  if (enter(root) === false) return;
  const { nodes, ends } = found.index;
  const end = ends[found.at]!;
  let i = found.at + 1;
  while (i < end) {
    if (enter(nodes[i]!) === false) i = ends[i]!;
    else i++;
  }
}

function walkUncached(root: Node, enter: (node: Node) => boolean | void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (enter(node) === false) continue;
    for (let i = node.namedChildCount - 1; i >= 0; i--) {
      const child = node.namedChild(i);
      if (child) stack.push(child);
    }
  }
}

/**
 * Named descendants of `root` (itself included) whose type is in `types`, in document order; a
 * subtree whose root's type is in `stopAt` is not entered (its root is still reported when it matches).
 */
export function namedDescendants(root: Node, types: ReadonlySet<string>, stopAt?: ReadonlySet<string>): Node[] {
  const out: Node[] = [];
  const found = positionOf(root);
  if (!found) {
    walkUncached(root, (n) => {
      if (types.has(n.type)) out.push(n);
      return stopAt && n !== root && stopAt.has(n.type) ? false : undefined;
    });
    return out;
  }
  const { nodes, types: kinds, ends } = found.index;
  if (types.has(kinds[found.at]!)) out.push(root);
  const end = ends[found.at]!;
  let i = found.at + 1;
  while (i < end) {
    const kind = kinds[i]!;
    if (types.has(kind)) out.push(nodes[i]!);
    i = stopAt?.has(kind) ? ends[i]! : i + 1;
  }
  return out;
}

/** All descendants of the given types, in document order. */
export function descendants(root: Node, types: readonly string[]): Node[] {
  return root.descendantsOfType(types as string[]).filter((n): n is Node => n !== null);
}

/** Named children, without nulls and comments. */
export function namedChildren(node: Node | null | undefined): Node[] {
  if (!node) return [];
  return node.namedChildren.filter((c): c is Node => c !== null && !c.type.includes('comment'));
}

/** The nearest ancestor of one of the given types. */
export function ancestor(node: Node, types: readonly string[]): Node | undefined {
  for (let cur = node.parent; cur; cur = cur.parent) if (types.includes(cur.type)) return cur;
  return undefined;
}

/** Text of a field child, or undefined. */
export function fieldText(node: Node, field: string): string | undefined {
  return node.childForFieldName(field)?.text;
}
