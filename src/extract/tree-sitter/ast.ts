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

/** Depth-first walk over named children; return false from `enter` to skip a subtree. Iterative. */
export function walk(root: Node, enter: (node: Node) => boolean | void): void {
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
