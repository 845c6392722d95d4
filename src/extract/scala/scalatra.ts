// Scalatra: route DSL calls written as statements of a servlet / filter class body,
// `get("/users/:id") { .. }`, `post("/x", condition) { .. }`, regex routes
// `get("/y/(\\d+)".r) { .. }` (kept verbatim), and mounts in the bootstrap class,
// `context.mount(new UsersServlet, "/users/*")`.
//
// Refs: a servlet is { file: 'jvm:<package>', path: [<Class>] } (the JVM class namespace); a mount's
// child class is qualified through the file's imports (`import com.shop.UsersServlet`), else the
// file's own package. The bootstrap's `init` is the parent of its mounts.
import type { Fact, HttpMethod, RefExpr } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, namedChildren, treeOf, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { stringValue } from './ast.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'scalatra';
const METHODS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', delete: 'DELETE', patch: 'PATCH', head: 'HEAD', options: 'OPTIONS',
};

/** `package a.b` clauses of the file, joined. */
export function packageOf(root: Node): string {
  const parts: string[] = [];
  for (const child of namedChildren(root)) {
    if (child.type !== 'package_clause') continue;
    const name = fieldOf(child, 'name') ?? namedChildren(child)[0];
    if (name) parts.push(...namedChildren(name).filter((c) => c.type === 'identifier').map((c) => c.text));
  }
  return parts.join('.');
}

interface Imports {
  /** Local name -> package and class name of single-name imports (`import a.b.C`, `import a.b.{C, D => E}`). */
  names: Map<string, { pkg: string; name: string }>;
  /** Packages imported whole (`import a.b._`, `import a.b.*`, `import a.b.{_, C}`). */
  wildcards: string[];
}

export function importsOf(root: Node): Imports {
  const out: Imports = { names: new Map(), wildcards: [] };
  for (const decl of root.descendantsOfType('import_declaration')) {
    if (!decl) continue;
    const path: string[] = [];
    let selectors: Node | undefined;
    let wildcard = false;
    for (const child of namedChildren(decl)) {
      if (child.type === 'identifier') path.push(child.text);
      else if (child.type === 'namespace_selectors') selectors = child;
      else if (child.type === 'namespace_wildcard') wildcard = true;
    }
    const pkg = path.join('.');
    if (wildcard) out.wildcards.push(pkg);
    if (selectors) {
      for (const sel of namedChildren(selectors)) {
        if (sel.type === 'identifier') out.names.set(sel.text, { pkg, name: sel.text });
        else if (sel.type === 'namespace_wildcard') out.wildcards.push(pkg);
        else if (sel.type === 'arrow_renamed_identifier' || sel.type === 'as_renamed_identifier') {
          const alias = fieldOf(sel, 'alias');
          const name = fieldOf(sel, 'name');
          if (alias?.type === 'identifier' && name) out.names.set(alias.text, { pkg, name: name.text });
        }
      }
    } else if (!wildcard && path.length > 1) out.names.set(path[path.length - 1]!, { pkg: path.slice(0, -1).join('.'), name: path[path.length - 1]! });
  }
  return out;
}

/** Library packages a servlet class is never imported from. */
const LIBRARY_PACKAGE = /^(org\.scalatra|scala|java|javax|jakarta|org\.json4s|akka|cats|zio)(\.|$)/;

function classRef(pkg: string, name: string): RefExpr {
  return { file: `jvm:${pkg}`, path: [name] };
}

/**
 * The class refs a type may name: through a by-name import, its own qualifier, else the file's package
 * or one of its wildcard imports (a mount whose child names no servlet stays unresolved and is dropped
 * by the model).
 */
function typeRefs(typeNode: Node, pkg: string, imports: Imports): RefExpr[] {
  let node: Node | null | undefined = typeNode;
  if (node.type === 'generic_type') node = fieldOf(node, 'type') ?? namedChildren(node)[0];
  if (!node) return [];
  let simple = node.text;
  let qualifier: string | undefined;
  if (node.type === 'stable_type_identifier') {
    const parts = namedChildren(node);
    simple = parts[parts.length - 1]?.text ?? '';
    qualifier = parts.slice(0, -1).flatMap((p) => (p.type === 'identifier' ? [p.text] : namedChildren(p).map((c) => c.text))).join('.');
  } else if (node.type !== 'type_identifier') return [];
  if (!simple) return [];
  const imported = qualifier === undefined ? imports.names.get(simple) : undefined;
  if (imported) return LIBRARY_PACKAGE.test(imported.pkg) ? [] : [classRef(imported.pkg, imported.name)];
  if (qualifier !== undefined) return LIBRARY_PACKAGE.test(qualifier) ? [] : [classRef(qualifier, simple)];
  return [pkg, ...imports.wildcards.filter((w) => w !== pkg && !LIBRARY_PACKAGE.test(w))].map((p) => classRef(p, simple));
}

/** Scalatra's own servlet bases and support traits, which hold no routes of the application. */
function isLibraryType(name: string): boolean {
  return name.startsWith('Scalatra') || name.endsWith('Support') || name === 'LifeCycle' || name === 'MethodOverride' || name === 'App';
}

/** `get("/x")` of `get("/x") { .. }`: method and path; undefined for other shapes. */
function routeCall(stmt: Node): { method: HttpMethod; path: string; call: Node; isRegex?: boolean } | undefined {
  if (stmt.type !== 'call_expression') return undefined;
  const inner = fieldOf(stmt, 'function');
  const body = fieldOf(stmt, 'arguments');
  if (inner?.type !== 'call_expression' || (body?.type !== 'block' && body?.type !== 'arguments')) return undefined;
  const fn = fieldOf(inner, 'function');
  const method = fn?.type === 'identifier' ? METHODS[fn.text] : undefined;
  if (!method) return undefined;
  const first = namedChildren(fieldOf(inner, 'arguments'))[0];
  // `get("/best-of/(\\d{4})".r)`: a regular expression route, kept verbatim.
  const regex = first?.type === 'field_expression' && fieldOf(first, 'field')?.text === 'r'
    ? stringValue(fieldOf(first, 'value')) : undefined;
  if (regex !== undefined) return regex.startsWith('/') ? { method, path: regex, call: stmt, isRegex: true } : undefined;
  const path = stringValue(first);
  if (path === undefined || !path.startsWith('/')) return undefined;
  return { method, path, call: stmt };
}

/** Strips the servlet mapping wildcard: "/api/*" -> "/api". */
function mountPrefix(value: string): string {
  return value.replace(/\/\*$/, '') || '/';
}

export const scalatraRoutes: Extractor = {
  id: 'scalatra/routes',
  languages: ['scala'],
  keywords: ['scalatra', 'Scalatra'],
  extract(file: ParsedFile): Fact[] {
    const tree = treeOf(file);
    if (!tree || /(^|\/)src\/test\//.test(file.path)) return [];
    const root = tree.rootNode;
    const pkg = packageOf(root);
    let imports: Imports | undefined;
    const facts: Fact[] = [];
    for (const cls of root.descendantsOfType(['class_definition', 'object_definition', 'trait_definition'])) {
      const name = fieldOf(cls, 'name')?.text;
      const body = fieldOf(cls, 'body');
      if (!cls || !name) continue;
      const router = classRef(pkg, name);
      // Routes inherited from the application's own traits / base classes: `class Api extends Base with UserRoutes`.
      for (const type of namedChildren(fieldOf(cls, 'extend'))) {
        const simple = type.type === 'generic_type' ? fieldOf(type, 'type')?.text : type.text;
        if (!simple || isLibraryType(simple.slice(simple.lastIndexOf('.') + 1))) continue;
        imports ??= importsOf(root);
        for (const child of typeRefs(type, pkg, imports)) {
          facts.push({ kind: 'mount', framework: FRAMEWORK, parent: router, child, prefix: '', location: loc(file.path, type) });
        }
      }
      for (const stmt of body ? namedChildren(body) : []) {
        const route = routeCall(stmt);
        if (!route) continue;
        facts.push({
          kind: 'route', framework: FRAMEWORK, method: route.method, path: route.path, router,
          ...(route.isRegex ? { isRegex: true } : {}),
          location: loc(file.path, route.call),
        });
      }
    }
    // context.mount(new X, "/prefix") anywhere (ScalatraBootstrap.init).
    for (const call of root.descendantsOfType('call_expression')) {
      const fn = fieldOf(call, 'function');
      if (!call || fn?.type !== 'field_expression' || fieldOf(fn, 'field')?.text !== 'mount') continue;
      const [target, prefixNode] = namedChildren(fieldOf(call, 'arguments'));
      const prefix = stringValue(prefixNode);
      if (!target || prefix === undefined) continue;
      const typeNode = target.type === 'instance_expression'
        ? namedChildren(target).find((c) => c.type === 'type_identifier' || c.type === 'generic_type' || c.type === 'stable_type_identifier')
        : undefined;
      imports ??= importsOf(root);
      const children = typeNode ? typeRefs(typeNode, pkg, imports) : [];
      if (children.length === 0) continue;
      let owner: string | undefined;
      for (let cur = call.parent; cur; cur = cur.parent) {
        if (cur.type === 'class_definition' || cur.type === 'object_definition') {
          owner = fieldOf(cur, 'name')?.text;
          break;
        }
      }
      for (const child of children) {
        facts.push({
          kind: 'mount', framework: FRAMEWORK,
          parent: { file: file.path, path: [owner ?? 'ScalatraBootstrap', 'init'] },
          child, prefix: mountPrefix(prefix),
          location: loc(file.path, call),
        });
      }
    }
    return facts;
  },
};
