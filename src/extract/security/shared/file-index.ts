// Names bound to values inside ONE file, for resolving a reference one hop (`Algorithm.HMAC256(secret)`
// where `static String secret = "..."`). Shallow on purpose: a name resolves only when exactly one
// declaration binds it in the file and no enclosing function takes it as a parameter.
import { walk } from '../../tree-sitter/ast.js';
import type { Dialect, Node } from './dialect.js';

export interface FileIndex {
  declarations: Map<string, Node[]>;
  resolve(node: Node): Node | undefined;
  /** The constant string a node stands for: a literal, or a one-hop reference to one. */
  constant(node: Node | null | undefined): { value: string; literal: Node; viaReference: boolean } | undefined;
}

export function indexFile(root: Node, dialect: Dialect): FileIndex {
  const declarations = new Map<string, Node[]>();
  walk(root, (node) => {
    for (const slot of dialect.slots(node)) {
      if (!slot.declares) continue;
      const list = declarations.get(slot.name);
      if (list) list.push(slot.value);
      else declarations.set(slot.name, [slot.value]);
    }
  });

  const isShadowed = (node: Node, name: string): boolean => {
    for (let cur = node.parent; cur; cur = cur.parent) {
      if (dialect.functionTypes.includes(cur.type) && dialect.parameterNames(cur).includes(name)) return true;
    }
    return false;
  };

  const resolve = (node: Node): Node | undefined => {
    const name = dialect.referenceName(node);
    if (!name) return undefined;
    const values = declarations.get(name);
    if (!values || values.length !== 1 || values[0]!.id === node.id) return undefined;
    if (isShadowed(node, name.split('.').pop()!)) return undefined;
    return values[0];
  };

  const constant = (node: Node | null | undefined) => {
    if (!node) return undefined;
    const n = dialect.unwrap(node);
    const direct = dialect.literal(n);
    if (direct !== undefined) return { value: direct, literal: n, viaReference: false };
    const target = resolve(n);
    if (!target) return undefined;
    const t = dialect.unwrap(target);
    const value = dialect.literal(t);
    return value !== undefined ? { value, literal: t, viaReference: true } : undefined;
  };

  return { declarations, resolve, constant };
}
