// String constants of Rust modules (`pub const PREFIX: &str = "admin/";`, `static BASE: &str = ".."`) as
// `constant` facts, so a prefix written as a constant of another module (`.path(PREFIX.to_owned() +
// "x")`, see evaluator.ts constantPrefix) gets its value in the model.
import type { Fact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, namedChildren, treeOf, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { isRustTestPath, stringValue } from './ast.js';
import { ModuleResolver } from './modules.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

export const rustConstants: Extractor = {
  id: 'rust/constants',
  languages: ['rust'],
  keywords: ['const ', 'static '],
  extract(file: ParsedFile): Fact[] {
    const tree = treeOf(file);
    if (!tree || isRustTestPath(file.path)) return [];
    const mods = new ModuleResolver(file.path, tree.rootNode);
    const facts: Fact[] = [];
    // Module-level items only: the file and its inline `mod` blocks.
    const stack: Node[] = [tree.rootNode];
    while (stack.length > 0) {
      const scope = stack.pop()!;
      for (const item of namedChildren(scope)) {
        if (item.type === 'mod_item') {
          const body = fieldOf(item, 'body');
          if (body) stack.push(body);
          continue;
        }
        if (item.type !== 'const_item' && item.type !== 'static_item') continue;
        const name = fieldOf(item, 'name')?.text;
        const value = stringValue(fieldOf(item, 'value'));
        if (name && value !== undefined) facts.push({ kind: 'constant', ref: mods.localItem(item, [name]), value, location: loc(file.path, item) });
      }
    }
    return facts;
  },
};
