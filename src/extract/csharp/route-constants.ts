// Route templates kept in string constants: `public const string Route = "/Contributors/{id:int}";` in a
// request class, or `static class ApiRoutes { public static class Users { public const string Get = "/users/{id}"; } }`,
// used as `Get(GetContributorRequest.Route)` in another file.
//
// A constant is named by the root of its namespace (the first two names, standing for the project: request
// classes often live in a sibling namespace of the endpoint that uses them) and its class chain:
// { file: 'csharp-const:<Root.Namespace>', path: [Class, ..., Field] }.
// Every path-like constant becomes a `router` fact with that ref and the template (cleaned) as its prefix; a route
// whose template is such a reference registers on that ref with path '', so the model joins the two.
import type { Fact, RefExpr } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, namedChildren, treeOf, walk, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { modifiersOf, stringValue } from './ast.js';
import { cleanTemplate, isCsTestPath } from './methods.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

export const CONST_NAMESPACE = 'csharp-const:';

/** A URL template: no spaces, and a '/' in it (or a lone parameter `{id}`). */
const isPathLike = (value: string) => value.length > 0 && value.length < 300 && !/\s/.test(value) && (value.includes('/') || /^\{[A-Za-z_]/.test(value));

/** The first two names of a namespace: 'Shop.Web.Orders' -> 'Shop.Web'. */
export function rootNamespace(namespace: string): string {
  return namespace.split('.').slice(0, 2).join('.');
}

/** The namespace a node is declared in ('' for the global namespace). */
export function namespaceOf(node: Node): string {
  const names: string[] = [];
  for (let cur: Node | null = node.parent; cur; cur = cur.parent) {
    if (cur.type === 'namespace_declaration') names.unshift(fieldOf(cur, 'name')?.text ?? '');
    if (cur.type === 'compilation_unit') {
      const scoped = namedChildren(cur).find((c) => c.type === 'file_scoped_namespace_declaration');
      if (scoped) names.unshift(fieldOf(scoped, 'name')?.text ?? '');
    }
  }
  return names.filter(Boolean).join('.');
}

/** Names of the enclosing classes / structs / records, outermost first. */
function classChain(node: Node): string[] {
  const out: string[] = [];
  for (let cur: Node | null = node.parent; cur; cur = cur.parent) {
    if (cur.type === 'class_declaration' || cur.type === 'struct_declaration' || cur.type === 'record_declaration') {
      out.unshift(fieldOf(cur, 'name')?.text ?? '');
    }
  }
  return out;
}

/** `A.B.C` (identifiers only) -> ['A', 'B', 'C']; undefined for other shapes. */
export function memberSegments(node: Node | null | undefined): string[] | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return [node.text];
  if (node.type !== 'member_access_expression') return undefined;
  const left = memberSegments(fieldOf(node, 'expression'));
  const name = fieldOf(node, 'name');
  return left && name?.type === 'identifier' ? [...left, name.text] : undefined;
}

/**
 * The constant a route argument names: `Req.Route` used in namespace N -> { file: 'csharp-const:N', path: ['Req', 'Route'] }.
 * Single identifiers are not references to another class (they may be locals or parameters).
 */
export function constantRef(node: Node | null | undefined, namespace: string): RefExpr | undefined {
  const segments = memberSegments(node);
  if (!segments || segments.length < 2) return undefined;
  return { file: `${CONST_NAMESPACE}${rootNamespace(namespace)}`, path: segments };
}

/** Path-like string constants of one file: class chain + field name -> value. */
export function routeConstantsOf(root: Node): { segments: string[]; namespace: string; value: string; node: Node }[] {
  const out: { segments: string[]; namespace: string; value: string; node: Node }[] = [];
  walk(root, (node) => {
    if (node.type !== 'field_declaration') return true;
    const mods = modifiersOf(node);
    if (!mods.has('const') && !(mods.has('static') && mods.has('readonly'))) return false;
    const decl = namedChildren(node).find((c) => c.type === 'variable_declaration');
    if (fieldOf(decl, 'type')?.text !== 'string') return false;
    const chain = classChain(node);
    if (chain.length === 0) return false;
    for (const v of namedChildren(decl)) {
      if (v.type !== 'variable_declarator') continue;
      const name = fieldOf(v, 'name')?.text;
      const value = stringValue(namedChildren(v).find((c) => c.id !== fieldOf(v, 'name')?.id));
      if (name && value !== undefined && isPathLike(value)) out.push({ segments: [...chain, name], namespace: namespaceOf(node), value, node: v });
    }
    return false;
  });
  return out;
}

export const csharpRouteConstants: Extractor = {
  id: 'csharp/route-constants',
  languages: ['csharp'],
  keywords: ['const string', 'static readonly string'],
  extract(file: ParsedFile) {
    const tree = treeOf(file);
    if (!tree || isCsTestPath(file.path)) return [];
    const facts: Fact[] = [];
    for (const c of routeConstantsOf(tree.rootNode)) {
      const prefix = cleanTemplate(c.value.startsWith('/') || c.value.startsWith('~') ? c.value.replace(/^~/, '') : `/${c.value}`);
      facts.push({ kind: 'router', framework: 'aspnetcore', ref: { file: `${CONST_NAMESPACE}${rootNamespace(c.namespace)}`, path: c.segments }, prefix, location: loc(file.path, c.node) });
    }
    return facts;
  },
};
