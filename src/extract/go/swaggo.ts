// swaggo annotations: `// @Tags users,accounts` in the comment block right above a handler function.
import type { Node } from './ast.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

/** The comment nodes directly above a declaration (no blank line between them). */
function leadingComments(decl: Node): Node[] {
  const out: Node[] = [];
  let line = decl.startPosition.row;
  for (let prev = decl.previousNamedSibling; prev && prev.type === 'comment'; prev = prev.previousNamedSibling) {
    if (prev.endPosition.row < line - 1) break;
    out.unshift(prev);
    line = prev.startPosition.row;
  }
  return out;
}

/** `@Tags` values of one comment block, split on commas. */
function tagsOf(comments: readonly Node[]): string[] {
  const tags: string[] = [];
  for (const comment of comments) {
    for (const rawLine of comment.text.split('\n')) {
      const line = rawLine.replace(/^\s*(\/\/|\/\*+|\*)?\s*/, '');
      const match = /^@Tags\s+(.+)$/i.exec(line.trim());
      if (!match) continue;
      for (const tag of match[1]!.split(',')) {
        const clean = tag.trim();
        if (clean && !tags.includes(clean)) tags.push(clean);
      }
    }
  }
  return tags;
}

/**
 * Tags per function of a file: function name -> tags, and for methods both 'Method' and
 * 'Type.Method'. Only functions with tags are listed.
 */
export function swaggoTags(root: Node): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const decl of root.namedChildren) {
    if (!decl || (decl.type !== 'function_declaration' && decl.type !== 'method_declaration')) continue;
    const name = fieldOf(decl, 'name')?.text;
    if (!name) continue;
    const tags = tagsOf(leadingComments(decl));
    if (tags.length === 0) continue;
    if (decl.type === 'method_declaration') {
      const recvType = fieldOf(decl, 'receiver')?.descendantsOfType('type_identifier')[0]?.text;
      if (recvType) out.set(`${recvType}.${name}`, tags);
      if (!out.has(name)) out.set(name, tags);
    } else {
      out.set(name, tags);
    }
  }
  return out;
}
