// Class-based handlers shared by the Python frameworks that dispatch on method names
// (Tornado RequestHandler, Starlette HTTPEndpoint, aiohttp web.View, Sanic HTTPMethodView):
// the HTTP methods a class body defines, and the `view` facts the model expands placeholders with.
import type { HttpMethod, ViewFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, type Node } from '../python/ast.js';
import { baseNames, classBody } from '../python/modules.js';
import { field, textOf } from '../tree-sitter/ast.js';

const METHOD_NAMES: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD', options: 'OPTIONS',
};

export interface ClassMethod {
  method: HttpMethod;
  name: string;
  node: Node;
}

/** The handler methods a class body defines (`def get`, `async def post`), in declaration order of METHOD_NAMES. */
export function classHttpMethods(cls: Node): ClassMethod[] {
  const { functions } = classBody(cls);
  const out: ClassMethod[] = [];
  for (const [name, method] of Object.entries(METHOD_NAMES)) {
    const node = functions.get(name);
    if (node) out.push({ method, name, node });
  }
  return out;
}

/**
 * Handler methods of a class and of its bases defined in the same module (a `BaseHandler` with a
 * shared `get`), nearest definition first. Bounded: at most 8 levels, no class visited twice.
 */
export function inheritedHttpMethods(cls: Node, byName: ReadonlyMap<string, Node>): ClassMethod[] {
  const out = new Map<HttpMethod, ClassMethod>();
  const seen = new Set<Node>();
  const queue: Node[] = [cls];
  while (queue.length > 0 && seen.size < 8) {
    const current = queue.shift()!;
    if (seen.has(current)) continue;
    seen.add(current);
    for (const m of classHttpMethods(current)) if (!out.has(m.method)) out.set(m.method, m);
    for (const base of baseNames(current)) {
      const next = byName.get(base);
      if (next) queue.push(next);
    }
  }
  return Object.values(METHOD_NAMES).flatMap((method) => (out.has(method) ? [out.get(method)!] : []));
}

/** Top-level classes of a module (decorated or not). */
export function moduleClasses(root: Node): Node[] {
  const out: Node[] = [];
  for (const statement of root.namedChildren) {
    if (!statement) continue;
    const def = statement.type === 'decorated_definition' ? field(statement, 'definition') : statement;
    if (def?.type === 'class_definition') out.push(def);
  }
  return out;
}

/**
 * `view` facts for the module's classes accepted by `accepts` (given the class and its base names):
 * one route per handler method; `fixed` overrides the methods (a WebSocket handler serves GET).
 */
export function classViewFacts(
  file: ParsedFile, root: Node, framework: string,
  accepts: (cls: Node, bases: string[]) => boolean | HttpMethod[],
): ViewFact[] {
  const out: ViewFact[] = [];
  const classes = moduleClasses(root);
  const byName = new Map<string, Node>();
  for (const cls of classes) {
    const name = textOf(field(cls, 'name'));
    if (name && !byName.has(name)) byName.set(name, cls);
  }
  for (const cls of classes) {
    const name = textOf(field(cls, 'name'));
    if (!name) continue;
    const bases = baseNames(cls);
    if (bases.length === 0) continue;
    const verdict = accepts(cls, bases);
    if (verdict === false) continue;
    const routes: ViewFact['routes'] = Array.isArray(verdict)
      ? verdict.map((method) => ({ method, path: '', handler: { name, location: loc(file.path, cls) } }))
      : inheritedHttpMethods(cls, byName).map((m) => ({ method: m.method, path: '', handler: { name: `${name}.${m.name}`, location: loc(file.path, m.node) } }));
    if (routes.length === 0) continue;
    out.push({ kind: 'view', framework, ref: { file: file.path, path: [name] }, location: loc(file.path, cls), routes });
  }
  return out;
}
