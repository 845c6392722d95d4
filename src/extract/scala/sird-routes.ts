// Play SIRD routers written in Scala: `class PostRouter extends SimpleRouter { override def routes = {
// case GET(p"/$id") => ... } }` and `Router.from { case POST(p"/x") => ... }`. A class router is named
// by its fully qualified name in the namespace that routes-file includes (`-> /v1/posts v1.post.PostRouter`)
// point into (play-routes.ts).
import type { Fact, HttpMethod, RefExpr } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, namedChildren, treeOf, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { PLAY_ROUTER_NAMESPACE, playPath } from './play-routes.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'play';
const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']);

/** `p"/items/$id<[0-9]+>"` text between the quotes -> `/items/:id`; `$rest*` -> `*rest`. */
export function sirdPath(raw: string): string {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const ch = raw[i]!;
    if (ch !== '$') {
      out += ch;
      i++;
      continue;
    }
    const braced = raw[i + 1] === '{';
    let j = braced ? i + 2 : i + 1;
    const start = j;
    while (j < raw.length && /[A-Za-z0-9_]/.test(raw[j]!)) j++;
    const name = raw.slice(start, j);
    if (braced && raw[j] === '}') j++;
    if (!name) {
      out += ch;
      i++;
      continue;
    }
    if (raw[j] === '<') {
      const converted = playPath(`$${name}${raw.slice(j)}`);
      out += converted;
      break;
    }
    if (raw[j] === '*') {
      out += `*${name}`;
      j++;
    } else out += `:${name}`;
    i = j;
  }
  return out;
}

function packageOf(root: Node): string[] {
  const out: string[] = [];
  for (const clause of namedChildren(root)) {
    if (clause.type !== 'package_clause') continue;
    const name = fieldOf(clause, 'name');
    for (const id of namedChildren(name)) if (id.type === 'identifier') out.push(id.text);
  }
  return out;
}

/** The string inside `p"..."` of a SIRD pattern `VERB(p"...")` (also `VERB(p"..." ? q"..")`). */
function sirdPattern(pattern: Node): { method: HttpMethod; path: string } | undefined {
  if (pattern.type !== 'case_class_pattern') return undefined;
  const verb = fieldOf(pattern, 'type')?.text;
  if (!verb || !METHODS.has(verb)) return undefined;
  let inner = fieldOf(pattern, 'pattern');
  if (inner?.type === 'infix_pattern') inner = fieldOf(inner, 'left');
  if (inner?.type !== 'interpolated_string_expression' || fieldOf(inner, 'interpolator')?.text !== 'p') return undefined;
  const str = namedChildren(inner).find((c) => c.type === 'interpolated_string');
  if (!str) return undefined;
  const raw = str.text.startsWith('"""') ? str.text.slice(3, -3) : str.text.slice(1, -1);
  return { method: verb as HttpMethod, path: sirdPath(raw) };
}

function enclosingTemplate(node: Node): Node | undefined {
  for (let cur = node.parent; cur; cur = cur.parent) {
    if (cur.type === 'class_definition' || cur.type === 'object_definition') return cur;
  }
  return undefined;
}

export const sirdRoutes: Extractor = {
  id: 'play/sird-routes',
  languages: ['scala'],
  keywords: ['p"'],
  extract(file: ParsedFile): Fact[] {
    const tree = treeOf(file);
    if (!tree) return [];
    const root = tree.rootNode;
    const pkg = packageOf(root);
    const facts: Fact[] = [];
    for (const clause of root.descendantsOfType('case_clause')) {
      const pattern = fieldOf(clause, 'pattern');
      const route = pattern ? sirdPattern(pattern) : undefined;
      if (!clause || !route) continue;
      const owner = enclosingTemplate(clause);
      const name = fieldOf(owner, 'name')?.text;
      const router: RefExpr = name
        ? { file: PLAY_ROUTER_NAMESPACE, path: [...pkg, name] }
        : { file: file.path, path: [`sird@${clause.startPosition.row + 1}`] };
      facts.push({ kind: 'route', framework: FRAMEWORK, method: route.method, path: route.path, router, location: loc(file.path, clause) });
    }
    return facts;
  },
};
