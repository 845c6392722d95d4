import type { Node, Parser } from 'web-tree-sitter';
import type { SourceFile } from '../../core/types.js';
import { locationFromTreeSitter } from '../location.js';
import { createParser, loadGrammar } from '../tree-sitter-loader.js';
import type { LanguageAdapter, ParseProblem, ParseResult, SyntaxTree } from '../types.js';

let parser: Parser | undefined;

/** The first few ERROR / MISSING nodes of a tree, as problems (tree-sitter always recovers). */
export function collectTreeSitterErrors(file: string, root: Node, limit = 5): ParseProblem[] {
  const problems: ParseProblem[] = [];
  if (!root.hasError) return problems;
  const stack: Node[] = [root];
  while (stack.length > 0 && problems.length < limit) {
    const node = stack.pop()!;
    if (node.isError || node.isMissing) {
      problems.push({
        message: node.isMissing ? `missing ${node.type}` : 'syntax error',
        location: locationFromTreeSitter(file, node),
      });
      continue;
    }
    if (!node.hasError) continue;
    for (let i = node.childCount - 1; i >= 0; i--) {
      const child = node.child(i);
      if (child) stack.push(child);
    }
  }
  return problems;
}

export const pythonAdapter: LanguageAdapter = {
  id: 'python',
  extensions: ['.py', '.pyi'],
  lineComment: '#',
  async init() {
    if (!parser) parser = createParser(await loadGrammar('python'));
  },
  parse(file: SourceFile): ParseResult {
    if (!parser) {
      return { ok: false, message: 'python grammar not initialised', location: { file: file.path, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } };
    }
    try {
      const tree = parser.parse(file.text);
      if (!tree) throw new Error('tree-sitter returned no tree');
      return { ok: true, tree: { kind: 'tree-sitter', tree }, errors: collectTreeSitterErrors(file.path, tree.rootNode) };
    } catch (error) {
      return { ok: false, message: `python parser failed: ${(error as Error).message}`, location: { file: file.path, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } };
    }
  },
  dispose(tree: SyntaxTree) {
    if (tree.kind === 'tree-sitter') tree.tree.delete();
  },
};
