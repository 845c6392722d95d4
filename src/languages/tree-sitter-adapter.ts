// One LanguageAdapter per tree-sitter grammar: they differ only in grammar, extensions and comment syntax.
import type { Node, Parser } from 'web-tree-sitter';
import type { LanguageId, SourceFile } from '../core/types.js';
import { locationFromTreeSitter } from './location.js';
import { createParser, loadGrammar, type GrammarId } from './tree-sitter-loader.js';
import type { LanguageAdapter, ParseProblem, ParseResult, SyntaxTree } from './types.js';

/** The first few ERROR / MISSING nodes of a tree, as problems (tree-sitter always recovers). */
export function collectTreeSitterErrors(file: string, root: Node, limit = 5): ParseProblem[] {
  const problems: ParseProblem[] = [];
  if (!root.hasError) return problems;
  const stack: Node[] = [root];
  while (stack.length > 0 && problems.length < limit) {
    const node = stack.pop()!;
    if (node.isError || node.isMissing) {
      problems.push({ message: node.isMissing ? `missing ${node.type}` : 'syntax error', location: locationFromTreeSitter(file, node) });
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

export function createTreeSitterAdapter(spec: {
  id: LanguageId;
  grammar: GrammarId;
  extensions: readonly string[];
  lineComment: string;
}): LanguageAdapter {
  let parser: Parser | undefined;
  const failure = (file: SourceFile, message: string): ParseResult => ({
    ok: false, message, location: { file: file.path, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
  });
  return {
    id: spec.id,
    extensions: spec.extensions,
    lineComment: spec.lineComment,
    async init() {
      if (!parser) parser = createParser(await loadGrammar(spec.grammar));
    },
    parse(file: SourceFile): ParseResult {
      if (!parser) return failure(file, `${spec.id} grammar not initialised`);
      try {
        const tree = parser.parse(file.text);
        if (!tree) return failure(file, `${spec.id} parser returned no tree`);
        return { ok: true, tree: { kind: 'tree-sitter', tree }, errors: collectTreeSitterErrors(file.path, tree.rootNode) };
      } catch (error) {
        return failure(file, `${spec.id} parser failed: ${(error as Error).message}`);
      }
    },
    dispose(tree: SyntaxTree) {
      if (tree.kind === 'tree-sitter') tree.tree.delete();
    },
  };
}
