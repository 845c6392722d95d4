// OpenAPI tags from swagger-jsdoc comment blocks (`@swagger` / `@openapi`) above a route:
//   /**
//    * @openapi
//    * /users:
//    *   get:
//    *     tags: [Users]        or     tags:
//    *                                  - Users
//    */
// Only the `tags:` entries are read; the rest of the YAML is ignored.
import type { Node } from '../javascript/ast.js';

function cleanTag(raw: string): string {
  return raw.trim().replace(/^['"]|['"]$/g, '').trim();
}

/** Tags declared in one swagger-jsdoc comment's text. */
export function swaggerTagsOfComment(text: string): string[] {
  if (!text.includes('@swagger') && !text.includes('@openapi')) return [];
  const lines = text.split('\n').map((line) => line.replace(/^\s*\*?/, ''));
  const tags: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const idx = line.indexOf('tags:');
    if (idx < 0 || line.slice(0, idx).trim() !== '') continue;
    const rest = line.slice(idx + 5).trim();
    if (rest.startsWith('[')) {
      const end = rest.indexOf(']');
      const body = end < 0 ? rest.slice(1) : rest.slice(1, end);
      for (const part of body.split(',')) if (cleanTag(part)) tags.push(cleanTag(part));
      continue;
    }
    if (rest) { tags.push(cleanTag(rest)); continue; }
    const indent = idx;
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j]!;
      const trimmed = next.trim();
      if (!trimmed) continue;
      const nextIndent = next.length - next.trimStart().length;
      if (!trimmed.startsWith('-') || nextIndent < indent) break;
      const value = cleanTag(trimmed.slice(1));
      if (value) tags.push(value);
    }
  }
  return [...new Set(tags)];
}

/** Tags from the swagger-jsdoc comments leading `statement`. */
export function swaggerTags(statement: Node | undefined): string[] {
  if (!statement) return [];
  const out: string[] = [];
  for (const comment of statement.leadingComments ?? []) out.push(...swaggerTagsOfComment(comment.value));
  return [...new Set(out)];
}
