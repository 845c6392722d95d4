// Scala-specific helpers over tree-sitter-scala trees.
import { namedChildren, type Node } from '../tree-sitter/ast.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

/** The value of a plain string literal (`"a"`, `"""a"""`); undefined for anything else. */
export function stringValue(node: Node | null | undefined): string | undefined {
  if (node?.type !== 'string') return undefined;
  const text = node.text;
  if (text.startsWith('"""')) return text.slice(3, -3);
  let out = '';
  for (let i = 1; i < text.length - 1; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length - 1) {
      const next = text[++i]!;
      out += next === 'n' ? '\n' : next === 't' ? '\t' : next;
    } else out += ch;
  }
  return out;
}

/** Operands and operators of a left-nested infix chain (`a / b / c` -> [a, '/', b, '/', c]). */
export function flattenInfix(node: Node, types: readonly string[]): (Node | string)[] {
  if (!types.includes(node.type)) return [node];
  const left = fieldOf(node, 'left');
  const op = fieldOf(node, 'operator');
  const right = fieldOf(node, 'right');
  if (!left || !op || !right) return [node];
  return [...flattenInfix(left, types), op.text, ...flattenInfix(right, types)];
}

/** `val x = ...` / `def x = ...` definitions of a file by name (first wins). */
export function definitionsByName(root: Node): Map<string, Node> {
  const out = new Map<string, Node>();
  for (const def of root.descendantsOfType(['val_definition', 'function_definition'])) {
    if (!def) continue;
    const name = def.type === 'val_definition' ? fieldOf(def, 'pattern') : fieldOf(def, 'name');
    if (name?.type === 'identifier' && !out.has(name.text)) out.set(name.text, def);
  }
  return out;
}

/** The body expression of a val/def definition. */
export function definitionBody(def: Node): Node | undefined {
  return (def.type === 'val_definition' ? fieldOf(def, 'value') : fieldOf(def, 'body')) ?? undefined;
}

/** Names bound by a lambda's parameters (`x => ..`, `(a, b) => ..`). */
export function lambdaParams(lambda: Node): string[] {
  const params = fieldOf(lambda, 'parameters');
  if (!params) return [];
  if (params.type === 'identifier') return [params.text];
  return [params, ...params.descendantsOfType('identifier').filter((n): n is Node => n !== null)]
    .filter((n) => n.type === 'identifier' && n.parent?.type !== 'type_identifier')
    .map((n) => n.text)
    .filter((name, i, all) => all.indexOf(name) === i);
}

export { namedChildren };
