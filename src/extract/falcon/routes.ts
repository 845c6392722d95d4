// Falcon: `app.add_route(uri_template, resource, suffix=...)` on falcon.App() / falcon.API() /
// falcon.asgi.App() (one route per `on_<verb>` / `on_<verb>_<suffix>` responder of the resource
// class), `add_static_route(prefix, directory)`, and resource classes described in their own file
// (`view` facts) for resources imported from another module.
import type { Fact, HttpMethod, ViewFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { dottedPath, keywordArg, loc, positionalArgs, type Node } from '../python/ast.js';
import { baseNames, evalString, isPythonTestFile, readModuleScope } from '../python/modules.js';
import { fileRef, importedCtor, memberCall, pushAppFacts, visitModule, type PyRouteCtx } from '../python/route-helpers.js';
import { field, rootOf, textOf } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';

const FRAMEWORK = 'falcon';

const RESPONDERS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD', options: 'OPTIONS', websocket: 'GET',
};

export interface Responder {
  method: HttpMethod;
  /** '' for `on_get`, 'item' for `on_get_item`. */
  suffix: string;
  name: string;
  node: Node;
}

/** `on_get` -> GET ''; `on_get_item` -> GET 'item'. */
export function parseResponder(name: string): { method: HttpMethod; suffix: string } | undefined {
  if (!name.startsWith('on_')) return undefined;
  const rest = name.slice(3);
  const cut = rest.indexOf('_');
  const verb = cut < 0 ? rest : rest.slice(0, cut);
  const method = RESPONDERS[verb];
  return method ? { method, suffix: cut < 0 ? '' : rest.slice(cut + 1) } : undefined;
}

/** Responders of a class, following in-file base classes (own methods win). */
export function responders(cls: Node, classes: ReadonlyMap<string, Node>, depth = 0): Responder[] {
  const out: Responder[] = [];
  const seen = new Set<string>();
  for (const statement of field(cls, 'body')?.namedChildren ?? []) {
    const def = statement.type === 'decorated_definition' ? field(statement, 'definition') : statement;
    if (def?.type !== 'function_definition') continue;
    const name = textOf(field(def, 'name'));
    const parsed = name ? parseResponder(name) : undefined;
    if (!name || !parsed || seen.has(name)) continue;
    seen.add(name);
    out.push({ ...parsed, name, node: def });
  }
  if (depth < 8) {
    for (const base of baseNames(cls)) {
      const baseNode = classes.get(base);
      if (!baseNode || baseNode === cls) continue;
      for (const inherited of responders(baseNode, classes, depth + 1)) {
        if (!seen.has(inherited.name)) {
          seen.add(inherited.name);
          out.push(inherited);
        }
      }
    }
  }
  return out;
}

/** Ref path of the view fact of a class's responders with one suffix. */
export function falconViewPath(cls: string[], suffix: string): string[] {
  return suffix ? [...cls, `suffix:${suffix}`] : cls;
}

interface Ctx extends PyRouteCtx {
  importsFalcon: boolean;
}

function isFalconApp(ctx: Ctx, call: Node | undefined): boolean {
  return !!importedCtor(ctx.scope, call, ['App', 'API'], ['falcon']);
}

/** The class a resource expression instantiates: `R()`, a name bound to `R()`, `mod.R()`. */
function resourceClass(ctx: Ctx, node: Node | undefined): string[] | undefined {
  let expr = node;
  if (expr?.type === 'identifier') expr = ctx.scope.calls.get(textOf(expr)) ?? expr;
  if (expr?.type !== 'call') return undefined;
  return dottedPath(field(expr, 'function'));
}

function addRoute(ctx: Ctx, call: Node, receiver: string[]): void {
  const args = positionalArgs(call);
  const path = evalString(keywordArg(call, 'uri_template') ?? args[0], ctx.scope.constants);
  const resource = keywordArg(call, 'resource') ?? args[1];
  if (path === undefined || !resource) return;
  const suffixNode = keywordArg(call, 'suffix');
  const suffix = suffixNode ? evalString(suffixNode, ctx.scope.constants) : '';
  if (suffix === undefined) return;
  const cls = resourceClass(ctx, resource);
  const local = cls?.length === 1 ? ctx.scope.classes.get(cls[0]!) : undefined;
  if (!local && !ctx.importsFalcon) return;
  const router = fileRef(ctx, receiver);
  const location = loc(ctx.file.path, call);
  if (local) {
    for (const r of responders(local, ctx.scope.classes)) {
      if (r.suffix !== suffix) continue;
      ctx.facts.push({
        kind: 'route', framework: FRAMEWORK, method: r.method, path, router, location,
        handler: { name: `${cls![0]}.${r.name}`, location: loc(ctx.file.path, r.node) },
      });
    }
    return;
  }
  if (!path.startsWith('/')) return;
  // A resource class from another module: its view fact (read in its own file) gives the methods.
  const name = cls?.join('.') ?? dottedPath(resource)?.join('.') ?? textOf(resource);
  ctx.facts.push({
    kind: 'route', framework: FRAMEWORK, method: 'ANY', path, router, location, handler: { name },
    ...(cls ? { view: { ref: fileRef(ctx, falconViewPath(cls, suffix)), base: path } } : {}),
  });
}

function callFacts(ctx: Ctx, call: Node): void {
  const member = memberCall(call);
  if (!member) return;
  const { receiver, member: method } = member;
  if (method === 'add_route') addRoute(ctx, call, receiver);
  else if (method === 'add_static_route' && ctx.importsFalcon) {
    const prefix = evalString(keywordArg(call, 'prefix') ?? positionalArgs(call)[0], ctx.scope.constants);
    if (prefix === undefined || !prefix.startsWith('/')) return;
    ctx.facts.push({
      kind: 'route', framework: FRAMEWORK, method: 'GET', path: `${prefix.replace(/\/+$/, '')}/{filename}`,
      router: fileRef(ctx, receiver), location: loc(ctx.file.path, call), handler: { name: 'static' }, origin: 'generated',
    });
  }
}

export function extractFalconRoutes(file: ParsedFile): Fact[] {
  if (file.tree.kind !== 'tree-sitter' || isPythonTestFile(file.path)) return [];
  const root = rootOf(file.tree.tree);
  const scope = readModuleScope(root);
  const ctx: Ctx = { file, scope, facts: [], importsFalcon: scope.packages.has('falcon') };
  visitModule(root, {
    assignment: (target, right) => {
      if (target && right?.type === 'call' && isFalconApp(ctx, right)) pushAppFacts(ctx, FRAMEWORK, target, right);
    },
    call: (node) => callFacts(ctx, node),
  });
  return ctx.facts;
}

/** Module-level resource classes, one view fact per responder suffix. */
export function extractFalconViews(file: ParsedFile): Fact[] {
  if (file.tree.kind !== 'tree-sitter' || isPythonTestFile(file.path)) return [];
  const root = rootOf(file.tree.tree);
  const scope = readModuleScope(root);
  const out: ViewFact[] = [];
  for (const statement of root.namedChildren) {
    const def = statement.type === 'decorated_definition' ? field(statement, 'definition') : statement;
    const name = def?.type === 'class_definition' ? textOf(field(def, 'name')) : undefined;
    if (!def || !name) continue;
    const bySuffix = new Map<string, Responder[]>();
    for (const r of responders(def, scope.classes)) {
      let list = bySuffix.get(r.suffix);
      if (!list) bySuffix.set(r.suffix, (list = []));
      list.push(r);
    }
    for (const [suffix, list] of bySuffix) {
      out.push({
        kind: 'view', framework: FRAMEWORK, ref: { file: file.path, path: falconViewPath([name], suffix) }, location: loc(file.path, def),
        routes: list.map((r) => ({ method: r.method, path: '', handler: { name: `${name}.${r.name}`, location: loc(file.path, r.node) } })),
      });
    }
  }
  return out;
}

export const falconRoutes: Extractor = {
  id: 'falcon/routes',
  languages: ['python'],
  keywords: ['add_route', 'add_static_route'],
  extract: extractFalconRoutes,
};

export const falconViews: Extractor = {
  id: 'falcon/views',
  languages: ['python'],
  keywords: ['def on_'],
  extract: extractFalconViews,
};
