// Small, syntax-only helpers over tree-sitter Python trees shared by the Python extractors.
import type { Node } from 'web-tree-sitter';
import type { Location } from '../../core/types.js';
import { locationFromTreeSitter } from '../../languages/location.js';
import { descendants, field, memoByNode, textOf, walk } from '../tree-sitter/ast.js';

export type { Node };
/** Depth-first walk over named children (shared per-tree index; see tree-sitter/ast.ts). */
export { walk };

export function loc(file: string, node: Node): Location {
  return locationFromTreeSitter(file, node);
}

/** All descendants of the given types (document order), as the indexed node objects. */
export { descendants };

/** True when a `string` node has f-string interpolations. */
export function isInterpolated(node: Node): boolean {
  return node.type === 'string' && node.namedChildren.some((c) => c?.type === 'interpolation');
}

/**
 * The constant text of a string node (all prefixes but f), of implicit concatenation
 * (`"a" "b"`), of `+` between constants, or of parentheses around one; otherwise undefined.
 */
export function stringValue(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'string': {
      if (isInterpolated(node)) return undefined;
      let out = '';
      for (const child of node.namedChildren) {
        if (!child) continue;
        if (child.type === 'string_content') out += textOf(child);
        else if (child.type === 'escape_sequence') out += unescapePython(textOf(child));
      }
      return out;
    }
    case 'concatenated_string': {
      let out = '';
      for (const child of node.namedChildren) {
        const part = stringValue(child);
        if (part === undefined) return undefined;
        out += part;
      }
      return out;
    }
    case 'binary_operator': {
      const operator = field(node, 'operator');
      if (!operator || textOf(operator) !== '+') return undefined;
      const left = stringValue(field(node, 'left'));
      const right = stringValue(field(node, 'right'));
      return left !== undefined && right !== undefined ? left + right : undefined;
    }
    case 'parenthesized_expression':
      return stringValue(node.namedChildren[0] ?? null);
    default:
      return undefined;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = { '\\n': '\n', '\\t': '\t', '\\\\': '\\', "\\'": "'", '\\"': '"', '\\r': '\r' };

function unescapePython(seq: string): string {
  return SIMPLE_ESCAPES[seq] ?? seq;
}

/** `a.b.c` -> ['a', 'b', 'c'] for identifier / attribute chains; otherwise undefined. */
export function dottedPath(node: Node | null | undefined): string[] | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return [textOf(node)];
  if (node.type === 'attribute') {
    const object = dottedPath(field(node, 'object'));
    const attr = field(node, 'attribute');
    return object && attr ? [...object, textOf(attr)] : undefined;
  }
  return undefined;
}

/** Dotted name of a call's function (`cursor.execute`), or undefined. */
export function callName(call: Node): string | undefined {
  return memoByNode(CALL_NAME, call, computeCallName);
}

const CALL_NAME = {};

function computeCallName(call: Node): string | undefined {
  return dottedPath(field(call, 'function'))?.join('.');
}

/** Positional arguments of a call node. */
export function positionalArgs(call: Node): Node[] {
  const args = field(call, 'arguments');
  if (!args) return [];
  return args.namedChildren.filter((c): c is Node => !!c && c.type !== 'keyword_argument' && c.type !== 'comment');
}

/** The value of keyword argument `name=` of a call node, or undefined. */
export function keywordArg(call: Node, name: string): Node | undefined {
  const args = field(call, 'arguments');
  if (!args) return undefined;
  for (const child of args.namedChildren) {
    if (child?.type === 'keyword_argument' && field(child, 'name')?.text === name) {
      return field(child, 'value') ?? undefined;
    }
  }
  return undefined;
}

/** Constant strings of a list/tuple/set literal, or undefined when any element is not constant. */
export function stringList(node: Node | null | undefined): string[] | undefined {
  if (!node || !['list', 'tuple', 'set'].includes(node.type)) return undefined;
  const out: string[] = [];
  for (const child of node.namedChildren) {
    if (!child || child.type === 'comment') continue;
    const value = stringValue(child);
    if (value === undefined) return undefined;
    out.push(value);
  }
  return out;
}
