// MoAI-ADK TAGs in comments and docstrings: @SPEC:ID, @API:ID, @TEST:ID, @CODE:ID, @DOC:ID.
import type { MoaiTagFact } from '../../core/facts.js';
import type { Location } from '../../core/types.js';
import type { ParsedFile } from '../../languages/types.js';
import { descendants, loc as pyLoc } from '../python/ast.js';
import type { Extractor } from '../types.js';

const TAG = /@(SPEC|API|TEST|CODE|DOC):([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)/g;

function tagsIn(file: string, text: string, start: Location): MoaiTagFact[] {
  const out: MoaiTagFact[] = [];
  for (const match of text.matchAll(TAG)) {
    const before = text.slice(0, match.index);
    const lineOffset = before.split('\n').length - 1;
    const line = start.startLine + lineOffset;
    const column = lineOffset === 0 ? start.startColumn + (match.index ?? 0) : before.length - before.lastIndexOf('\n');
    out.push({
      kind: 'moai-tag',
      tag: `@${match[1]}:${match[2]}`,
      location: { file, startLine: line, startColumn: column, endLine: line, endColumn: column + match[0].length },
    });
  }
  return out;
}

export function extractMoaiTags(file: ParsedFile): MoaiTagFact[] {
  const facts: MoaiTagFact[] = [];
  if (file.tree.kind === 'babel') {
    for (const comment of file.tree.ast.comments ?? []) {
      if (!comment.value.includes('@') || !comment.loc) continue;
      // The comment's value starts after '//' or '/*'.
      const start: Location = {
        file: file.path, startLine: comment.loc.start.line, startColumn: comment.loc.start.column + 3,
        endLine: comment.loc.end.line, endColumn: comment.loc.end.column + 1,
      };
      facts.push(...tagsIn(file.path, comment.value, start));
    }
  } else if (file.tree.kind === 'tree-sitter') {
    for (const node of descendants(file.tree.tree.rootNode, ['comment', 'string'])) {
      if (!node.text.includes('@')) continue;
      facts.push(...tagsIn(file.path, node.text, pyLoc(file.path, node)));
    }
  }
  return facts;
}

export const moaiTags: Extractor = {
  id: 'moai/tags',
  languages: ['javascript', 'typescript', 'python'],
  keywords: ['@SPEC:', '@API:', '@TEST:', '@CODE:', '@DOC:'],
  extract: extractMoaiTags,
};
