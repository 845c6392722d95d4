// Handlers that declare their own route with an attribute: Actix-web / Rocket `#[get("/x")]`,
// `#[route("/x", method = "GET", method = "POST")]`, and utoipa-axum `#[utoipa::path(get, path = "/x")]`.
//
// Each such handler is a router of its own: the route is registered on the ref of the function
// ({ file: <module key>, path: [fn] }), and `.service(handler)` (Actix), `routes![handler]`
// (Rocket) or `routes!(handler)` (utoipa-axum) mount that ref where the scope / base path applies.
// A handler that is never mounted becomes a root and keeps its declared path.
import type { Fact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, namedChildren, treeOf, type Node } from '../tree-sitter/ast.js';
import { isInTestCode, isRustTestPath, isTestOnlyFile, methodChain } from './ast.js';
import { rocketPath, routeAttributes, type RouteAttribute } from './attributes.js';
import { extractorAuth } from './middleware-roles.js';
import { ModuleResolver } from './modules.js';
import type { Extractor } from '../types.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

/** Which framework a bare `#[get]` in this file belongs to. */
function frameworkOf(attr: RouteAttribute, imports: Set<string>): 'actix' | 'rocket' {
  if (attr.qualifier[0] === 'actix_web' || attr.qualifier[0] === 'web' || attr.qualifier[0] === 'ntex') return 'actix';
  if (attr.qualifier[0] === 'rocket') return 'rocket';
  const actix = imports.has('actix_web');
  const rocket = imports.has('rocket');
  if (actix !== rocket) return actix ? 'actix' : 'rocket';
  if (attr.rocketArgs || attr.path.includes('<')) return 'rocket';
  if (attr.path.includes('{')) return 'actix';
  return 'rocket';
}

function importedCrates(root: Node): Set<string> {
  const out = new Set<string>();
  for (const decl of root.descendantsOfType(['use_declaration', 'extern_crate_declaration'])) {
    if (!decl) continue;
    let cur: Node | null | undefined = decl.childForFieldName(decl.type === 'use_declaration' ? 'argument' : 'name');
    while (cur && cur.type !== 'identifier') cur = fieldOf(cur, 'path') ?? namedChildren(cur)[0];
    if (cur) out.add(cur.text);
  }
  return out;
}

/** Names used as handlers in builder calls of this file (`.route("/x", get(h))`, `.to(h)`): utoipa there only documents. */
function builderHandlers(root: Node): Set<string> {
  const out = new Set<string>();
  for (const call of root.descendantsOfType('call_expression')) {
    if (!call) continue;
    const { calls } = methodChain(call);
    const last = calls[calls.length - 1];
    if (!last || !['route', 'api_route', 'to'].includes(last.name)) continue;
    for (const arg of last.args) {
      for (const id of [arg, ...arg.descendantsOfType('identifier').filter((n): n is Node => n !== null)]) {
        if (id.type === 'identifier') out.add(id.text);
      }
    }
  }
  return out;
}

export const rustAttributeRoutes: Extractor = {
  id: 'rust/attribute-routes',
  languages: ['rust'],
  keywords: ['#['],
  extract(file: ParsedFile): Fact[] {
    const tree = treeOf(file);
    if (!tree || isRustTestPath(file.path) || isTestOnlyFile(tree.rootNode)) return [];
    const root = tree.rootNode;
    const mods = new ModuleResolver(file.path, root);
    let imports: Set<string> | undefined;
    let documented: Set<string> | undefined;
    const facts: Fact[] = [];
    for (const fn of root.descendantsOfType('function_item')) {
      if (!fn) continue;
      const attrs = routeAttributes(fn);
      if (attrs.length === 0 || isInTestCode(fn)) continue;
      const name = fieldOf(fn, 'name');
      if (!name) continue;
      imports ??= importedCrates(root);
      const ref = mods.localItem(fn, [name.text]);
      const auth = extractorAuth(fn, file.path);
      const tags = [...new Set(attrs.flatMap((a) => a.tags))];
      const verbs = attrs.filter((a) => a.kind !== 'utoipa');
      let routes = verbs;
      if (verbs.length === 0) {
        documented ??= builderHandlers(root);
        routes = documented.has(name.text) ? [] : attrs;
      }
      for (const attr of routes) {
        const framework = attr.kind === 'utoipa' ? (imports.has('actix_web') ? 'actix' : 'axum') : frameworkOf(attr, imports);
        const path = framework === 'rocket' ? rocketPath(attr.path) : attr.path;
        for (const method of attr.methods) {
          facts.push({
            kind: 'route', framework, method, path, router: ref,
            handler: { name: name.text, location: loc(file.path, name) },
            ...(auth.length > 0 ? { middleware: auth } : {}),
            ...(tags.length > 0 ? { openapiTags: tags } : {}),
            location: loc(file.path, attr.node),
          });
        }
      }
    }
    return facts;
  },
};
