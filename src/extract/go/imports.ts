// Go import declarations -> `import` facts (language 'go', imported '*', local = package name).
import type { Fact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import type { Extractor } from '../types.js';
import { descendants, loc, stringLiteral, treeOf, type Node } from './ast.js';
import { goPackageName } from './frameworks.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

export interface GoImport {
  local: string; // package name or alias; '_' and '.' imports are kept with that name
  path: string;
  node: Node;
}

/** The import specs of a file, in order. */
export function readGoImports(root: Node): GoImport[] {
  const out: GoImport[] = [];
  for (const decl of root.namedChildren) {
    if (!decl || decl.type !== 'import_declaration') continue;
    for (const spec of descendants(decl, ['import_spec'])) {
      const path = stringLiteral(fieldOf(spec, 'path'));
      if (!path) continue;
      const alias = fieldOf(spec, 'name')?.text;
      out.push({ local: alias ?? goPackageName(path), path, node: spec });
    }
  }
  return out;
}

export const goImports: Extractor = {
  id: 'go/imports',
  languages: ['go'],
  keywords: ['import'],
  extract(file: ParsedFile): Fact[] {
    const tree = treeOf(file);
    if (!tree) return [];
    const facts: Fact[] = [];
    for (const imp of readGoImports(tree.rootNode)) {
      if (imp.local === '_' || imp.local === '.') continue;
      facts.push({ kind: 'import', language: 'go', local: imp.local, source: imp.path, imported: '*', location: loc(file.path, imp.node) });
    }
    return facts;
  },
};
