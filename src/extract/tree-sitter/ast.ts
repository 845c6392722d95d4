// Language-neutral helpers over tree-sitter trees, shared by the Python, Go, JVM, PHP, C#, Rust and
// Scala extractors. Language-specific ones (string literal values, call shapes) live in
// src/extract/<language>/ast.ts. `walk`, `field`, `textOf` and friends answer from one index per
// tree (read once, see TreeIndex), so that a dozen extractors walking the same tree cost little more
// than one.
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
 * The node objects are the ones `namedChildren` returns (it caches them on their parent), given
 * own `type` and `parent` properties (the values the wasm getters return) and their position.
 * Only the tree asked about last is kept (see LastTreeCache).
 */
export interface TreeIndex {
  readonly nodes: readonly Node[];
  readonly types: readonly string[];
  /** Index of each node's parent (-1 for the root). */
  readonly parents: Int32Array;
  /** One past the last descendant of each node: the subtree of i is [i, ends[i]). */
  readonly ends: Int32Array;
  /** node id -> position in `nodes` (built on first use: indexed node objects carry their position). */
  readonly positions: ReadonlyMap<number, number>;
  /** Field lookups made so far: field name -> node id -> child (the indexed node object when named). */
  readonly fields: Map<string, Map<number, Node | null>>;
  /** Per-node results of pure helpers (see memoByNode), by helper. */
  readonly memos: Map<object, Map<number, unknown>>;
  /** Where the fields of common node types sit among their named children (known grammars only). */
  readonly layouts?: FieldLayouts;
}

interface FieldLayouts {
  /** node type -> field names in the order of its named children (extras left out). */
  fields: Readonly<Record<string, readonly string[]>>;
  /** Node types that may appear anywhere (comments). */
  extras: ReadonlySet<string>;
}

const FIELD_LAYOUTS: Readonly<Record<string, FieldLayouts>> = {
  python: {
    fields: {
      call: ['function', 'arguments'],
      attribute: ['object', 'attribute'],
      keyword_argument: ['name', 'value'],
      pair: ['key', 'value'],
      assignment: ['left', 'type', 'right'],
    },
    extras: new Set(['comment', 'line_continuation']),
  },
};

/**
 * One value for the tree asked about last: extraction goes file by file, and every extractor of a
 * file asks about that file's tree. Deliberately not a WeakMap: a WeakMap entry whose key (the
 * tree) has been promoted to the old generation keeps its value alive through every young-generation
 * collection until the next full one, and these values (indexes of whole trees) then get copied
 * over and over. Here the previous tree's value becomes garbage as soon as the next tree comes.
 */
export class LastTreeCache<V> {
  private tree: Tree | undefined;
  private value: V | undefined;

  get(tree: Tree, build: () => V): V {
    if (tree !== this.tree) {
      const value = build();
      this.tree = tree;
      this.value = value;
    }
    return this.value as V;
  }
}

// The index of the tree asked about last (a pure function of an immutable tree).
const INDEXES = new LastTreeCache<TreeIndex>();

// Gives an existing node object own `type` and `parent` data properties (the values its getters
// would compute through wasm) and its position in the index, under a symbol. A base constructor
// that returns its argument makes the subclass's field initialisers define the fields on that
// object: several times faster than defineProperty.
const POSITION = Symbol('position in the tree index');
let stampType = '';
let stampParent: Node | null = null;
let stampPosition = 0;
class ReturnsArgument {
  constructor(target: object) {
    return target;
  }
}
class StampTypeAndParent extends ReturnsArgument {
  type = stampType;
  parent = stampParent;
  [POSITION] = stampPosition;
}

/** Where a node sits in the index of its tree, when it is the indexed node object itself. */
function stampedPosition(node: Node): number | undefined {
  return (node as Node & { [POSITION]?: number })[POSITION];
}

class Index implements TreeIndex {
  readonly fields = new Map<string, Map<number, Node | null>>();
  readonly memos = new Map<object, Map<number, unknown>>();
  readonly texts = new Map<number, string>();
  private positionMap: Map<number, number> | undefined;

  constructor(
    readonly nodes: readonly Node[],
    readonly types: readonly string[],
    readonly parents: Int32Array,
    readonly ends: Int32Array,
    readonly layouts: FieldLayouts | undefined,
  ) {}

  get positions(): ReadonlyMap<number, number> {
    if (!this.positionMap) {
      const map = new Map<number, number>();
      this.nodes.forEach((node, i) => map.set(node.id, i));
      this.positionMap = map;
    }
    return this.positionMap;
  }

  /** Position of any node object of this tree (the indexed one or another for the same node). */
  positionOf(node: Node): number | undefined {
    const stamped = stampedPosition(node);
    if (stamped !== undefined && this.nodes[stamped] === node) return stamped;
    // Another object for the node (`tree.rootNode`, results of descendantsOfType): pre-order start
    // offsets never decrease, so search for the start, then for the id among nodes starting there.
    const { nodes } = this;
    const start = node.startIndex;
    let lo = 0;
    let hi = nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (nodes[mid]!.startIndex < start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < nodes.length && nodes[i]!.startIndex === start; i++) if (nodes[i]!.id === node.id) return i;
    return undefined;
  }

  /** The indexed object for a child of the node at `parent` (named children only), or the child itself. */
  childOf(parent: number, child: Node): Node {
    const stamped = stampedPosition(child);
    if (stamped !== undefined && this.nodes[stamped] === child) return child;
    if (this.ends[parent] === parent + 1) return child;
    for (const candidate of this.nodes[parent]!.namedChildren) if (candidate && candidate.id === child.id) return candidate;
    return child;
  }
}

/** The shared index of the tree `node` belongs to (built on first use). */
export function treeIndex(tree: Tree): TreeIndex {
  return INDEXES.get(tree, () => buildIndex(tree));
}

/**
 * Node types that are tokens of a grammar (they never have children), by grammar name: reading the
 * children of the half of all nodes that are such leaves costs a wasm call each for nothing.
 */
const TOKEN_TYPES: Readonly<Record<string, ReadonlySet<string>>> = {
  python: new Set([
    'identifier', 'integer', 'float', 'true', 'false', 'none', 'comment', 'string_start', 'string_end',
    'escape_sequence', 'escape_interpolation', 'line_continuation', 'type_conversion', 'ellipsis',
  ]),
};
const NO_TOKEN_TYPES: ReadonlySet<string> = new Set();

function buildIndex(tree: Tree): TreeIndex {
  const tokens = TOKEN_TYPES[tree.language.name ?? ''] ?? NO_TOKEN_TYPES;
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
    if (tokens.has(type)) continue;
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
  for (let i = 0; i < n; i++) {
    const p = parents[i]!;
    stampType = types[i]!;
    stampParent = p < 0 ? null : nodes[p]!;
    stampPosition = i;
    new StampTypeAndParent(nodes[i]!);
  }
  stampParent = null;
  return new Index(nodes, types, parents, ends, FIELD_LAYOUTS[tree.language.name ?? '']);
}

/**
 * The root node of a tree as the indexed object (`tree.rootNode` makes a new object on every read,
 * whose children are read through wasm again; the indexed one has them at hand).
 */
export function rootOf(tree: Tree): Node {
  return treeIndex(tree).nodes[0]!;
}

/** Position of a node in its tree's index, or undefined (anonymous nodes). */
function positionOf(node: Node): { index: Index; at: number } | undefined {
  const index = treeIndex(node.tree) as Index;
  const at = index.positionOf(node);
  return at === undefined ? undefined : { index, at };
}

/**
 * `node.childForFieldName(name)`, answered once per tree and node (the answer is the indexed node
 * object, whose `type`, `parent` and `namedChildren` need no wasm call). Undefined when `node` is
 * null or undefined, like `node?.childForFieldName(name)`.
 */
export function field(node: Node, name: string): Node | null;
export function field(node: Node | null | undefined, name: string): Node | null | undefined;
export function field(node: Node | null | undefined, name: string): Node | null | undefined {
  if (!node) return undefined;
  const index = treeIndex(node.tree) as Index;
  if (index.layouts) {
    // Read from the named children each time: cheaper than remembering it.
    const fromLayout = fieldFromLayout(index, node, name);
    if (fromLayout !== undefined) return fromLayout;
  }
  let byNode = index.fields.get(name);
  if (!byNode) {
    byNode = new Map();
    index.fields.set(name, byNode);
  }
  const hit = byNode.get(node.id);
  if (hit !== undefined) return hit;
  const child = node.childForFieldName(name);
  const at = child ? index.positionOf(node) : undefined;
  const value = child && at !== undefined ? index.childOf(at, child) : child;
  byNode.set(node.id, value);
  return value;
}

/**
 * `node.childrenForFieldName(name)` as the indexed node objects (named ones; anonymous children
 * are returned as they come).
 */
export function fieldChildren(node: Node, name: string): Node[] {
  const children = node.childrenForFieldName(name).filter((c): c is Node => c !== null);
  const index = treeIndex(node.tree) as Index;
  const at = index.positionOf(node);
  return at === undefined ? children : children.map((c) => index.childOf(at, c));
}

/**
 * Fields of the commonest node types read from their (already indexed) named children, without a
 * wasm call: `call` = [function, arguments], `attribute` = [object, attribute], ... Extras
 * (comments, line continuations) are skipped; anything unusual (an ERROR child, another child
 * count) is left to `childForFieldName`. Undefined = not decided here.
 */
function fieldFromLayout(index: Index, node: Node, name: string): Node | null | undefined {
  const at = index.positionOf(node);
  if (at === undefined) return undefined;
  const type = index.types[at]!;
  const layout = index.layouts!.fields[type];
  if (!layout) return undefined;
  const slot = layout.indexOf(name);
  if (slot < 0) return undefined;
  const extras = index.layouts!.extras;
  // The first three non-extra named children, and how many there are.
  let first: Node | undefined;
  let second: Node | undefined;
  let third: Node | undefined;
  let count = 0;
  for (const child of index.nodes[at]!.namedChildren) {
    if (!child) return undefined;
    const childType = child.type;
    if (childType === 'ERROR') return undefined;
    if (extras.has(childType)) continue;
    if (count === 0) first = child;
    else if (count === 1) second = child;
    else if (count === 2) third = child;
    count++;
  }
  if (type === 'assignment') {
    // [left, right], [left, type] or [left, type, right]
    if (count === 3) return slot === 0 ? first! : slot === 1 ? second! : third!;
    if (count !== 2) return undefined;
    const typed = second!.type === 'type';
    if (name === 'left') return first!;
    if (name === 'type') return typed ? second! : null;
    return typed ? null : second!;
  }
  if (count !== layout.length) return undefined;
  return slot === 0 ? first! : slot === 1 ? second! : third!;
}

const NO_VALUE = Symbol('undefined');

/**
 * `node.text`, read through wasm once per tree and node (names and string parts are read by
 * several extractors each).
 */
export function textOf(node: Node): string;
export function textOf(node: Node | null | undefined): string | undefined;
export function textOf(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const texts = (treeIndex(node.tree) as Index).texts;
  let text = texts.get(node.id);
  if (text === undefined) {
    text = node.text;
    texts.set(node.id, text);
  }
  return text;
}

/**
 * `compute(node)` once per tree and node for the helper identified by `key` (a module-level
 * object). `compute` must be a pure function of the node's subtree and return an immutable value.
 */
export function memoByNode<T>(key: object, node: Node, compute: (node: Node) => T): T {
  const index = treeIndex(node.tree) as Index;
  let byNode = index.memos.get(key) as Map<number, unknown> | undefined;
  if (!byNode) {
    byNode = new Map();
    index.memos.set(key, byNode);
  }
  const hit = byNode.get(node.id);
  if (hit !== undefined) return (hit === NO_VALUE ? undefined : hit) as T;
  const value = compute(node);
  byNode.set(node.id, value === undefined ? NO_VALUE : value);
  return value;
}

/** The indexed node object for `node` (same node; cheaper to read), or `node` itself. */
export function indexed(node: Node): Node {
  const index = treeIndex(node.tree) as Index;
  const at = index.positionOf(node);
  return at === undefined ? node : index.nodes[at]!;
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

/** All descendants of the given types, in document order. */
export function descendants(root: Node, types: readonly string[]): Node[] {
  // The indexed node objects where there are some: their `parent` needs no wasm call (a wasm
  // `parent` walks down from the root, so climbing from deep nodes that way is quadratic).
  const index = treeIndex(root.tree) as Index;
  return root.descendantsOfType(types as string[]).flatMap((n) => (n ? [index.nodes[index.positionOf(n) ?? -1] ?? n] : []));
}

/** Named children, without nulls and comments. */
export function namedChildren(node: Node | null | undefined): Node[] {
  if (!node) return [];
  return node.namedChildren.filter((c): c is Node => c !== null && !c.type.includes('comment'));
}

/** The nearest ancestor of one of the given types. */
export function ancestor(node: Node, types: readonly string[]): Node | undefined {
  const found = positionOf(node); // climb the indexed parents: no wasm call per step
  for (let cur = found ? found.index.nodes[found.at]!.parent : node.parent; cur; cur = cur.parent) if (types.includes(cur.type)) return cur;
  return undefined;
}

/** Text of a field child, or undefined. */
export function fieldText(node: Node, field: string): string | undefined {
  return node.childForFieldName(field)?.text;
}

/**
 * A value computed from a whole tree (a per-file index several extractors need), built once per
 * tree and root node and shared. `build` must be a pure function of the tree and its result must
 * not be mutated by callers.
 */
export function memoForRoot<T>(cache: LastTreeCache<Map<number, T>>, root: Node, build: (root: Node) => T): T {
  const byRoot = cache.get(root.tree, () => new Map());
  let value = byRoot.get(root.id);
  if (value === undefined) {
    value = build(root);
    byRoot.set(root.id, value);
  }
  return value;
}
