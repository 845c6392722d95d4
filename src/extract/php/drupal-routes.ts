// Drupal module routes: <module>.routing.yml entries `name: { path, defaults: { _controller | _form |
// _entity_form | _entity_list | _entity_view | _title }, methods: [GET, POST], requirements: {...} }`.
// Routes without `methods` are reported as GET (Drupal matches every verb; pages are fetched). Dynamic
// `route_callbacks` have no static path and are skipped. Access requirements other than
// `_access: 'TRUE'` (permissions, roles, login, entity or custom access) are recorded as auth guards.
import type { Fact, HttpMethod, MiddlewareRef, RouteFact } from '../../core/facts.js';
import { locationOfLine } from '../../languages/location.js';
import { descendants, loc, namedChildren, treeOf, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { arrayEntries, attributesOf, docCommentOf, stringValue } from './ast.js';
import { annotationStrings, parseDocAnnotations } from './doc-annotations.js';
import { toMethod } from './methods.js';
import { listValue, parseYamlEntries, unquote, type YamlEntry } from './symfony-yaml.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'drupal';
const HANDLER_KEYS = ['_controller', '_form', '_entity_form', '_entity_list', '_entity_view', '_title_callback'];

/** Key/value pairs of a block mapping, or of a one-line flow mapping `{ a: 'x', b: y }`. */
function mapping(entry: YamlEntry | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!entry) return out;
  if (entry.value === undefined) {
    for (const c of entry.children) if (c.value !== undefined) out.set(c.key, unquote(c.value));
    return out;
  }
  const v = entry.value.trim();
  if (!v.startsWith('{') || !v.endsWith('}')) return out;
  let depth = 0;
  let quote = '';
  let start = 1;
  const parts: string[] = [];
  for (let i = 1; i < v.length - 1; i++) {
    const c = v[i]!;
    if (quote) { if (c === quote) quote = ''; continue; }
    if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    else if (c === ',' && depth === 0) { parts.push(v.slice(start, i)); start = i + 1; }
  }
  parts.push(v.slice(start, v.length - 1));
  for (const part of parts) {
    const colon = part.indexOf(':');
    if (colon > 0) out.set(unquote(part.slice(0, colon)), unquote(part.slice(colon + 1)));
  }
  return out;
}

const child = (entry: YamlEntry, key: string) => entry.children.find((c) => c.key === key);

function accessGuards(requirements: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [key, value] of requirements) {
    if (key === '_access' && value.toUpperCase() === 'TRUE') continue;
    if (key === '_user_is_logged_in' && value.toUpperCase() === 'FALSE') continue;
    if (key === '_permission' || key === '_role' || key === '_user_is_logged_in' || key === '_entity_access'
      || key === '_custom_access' || key === '_entity_create_access' || key === '_access') out.push(`${key}: ${value}`);
  }
  return out;
}

export const drupalRoutes: Extractor = {
  id: 'drupal/routes',
  languages: ['text'],
  keywords: ['path:'],
  extract(file) {
    if (!file.path.endsWith('.routing.yml') || /(^|\/)(vendor|tests?)\//.test(file.path)) return [];
    const facts: Fact[] = [];
    for (const entry of parseYamlEntries(file.text)) {
      const pathEntry = child(entry, 'path');
      if (!pathEntry?.value) continue;
      const path = unquote(pathEntry.value);
      if (!path) continue;
      const location = locationOfLine(file.path, file.text, entry.line);
      const declared = listValue(child(entry, 'methods')).map((m) => toMethod(m)).filter((m): m is HttpMethod => !!m);
      const defaults = mapping(child(entry, 'defaults'));
      const handler = HANDLER_KEYS.map((k) => defaults.get(k)).find((v) => !!v);
      const guards = accessGuards(mapping(child(entry, 'requirements')));
      const middleware: MiddlewareRef[] = guards.map((name) => ({ name, role: 'auth', location }));
      for (const method of declared.length > 0 ? [...new Set(declared)] : ['GET' as HttpMethod]) {
        const fact: RouteFact = { kind: 'route', framework: FRAMEWORK, method, path, location };
        if (handler) fact.handler = { name: handler.replace(/^\\/, '') };
        if (middleware.length > 0) fact.middleware = middleware;
        facts.push(fact);
      }
    }
    return facts;
  },
};

// ---------------------------------------------------------------- REST resource plugins

const REST_VERBS: Record<string, HttpMethod> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE' };

/** uri_paths of a `@RestResource(...)` docblock or `#[RestResource(...)]` attribute: link relation -> path. */
function uriPaths(cls: Node): Map<string, string> {
  const out = new Map<string, string>();
  for (const attr of attributesOf(cls)) {
    if (attr.name !== 'RestResource') continue;
    for (const entry of arrayEntries(attr.args.named.get('uri_paths')) ?? []) {
      const key = entry.key ? stringValue(entry.key) : undefined;
      const value = stringValue(entry.value);
      if (key && value) out.set(key, value);
    }
  }
  const doc = docCommentOf(cls);
  for (const ann of doc ? parseDocAnnotations(doc.text) : []) {
    if (ann.name !== 'RestResource') continue;
    const paths = ann.named.get('uri_paths');
    if (paths?.kind !== 'list') continue;
    for (const [key, value] of paths.named) {
      const path = annotationStrings(value)[0];
      if (path) out.set(key, path);
    }
  }
  return out;
}

/**
 * Drupal REST resource plugins (src/Plugin/rest/resource/*.php): `@RestResource(uri_paths = {"canonical" =
 * "/api/x/{id}", "create" = "/api/x"})` or the attribute form; each public get/put/patch/delete method is
 * served at the canonical path, post at the create path (the canonical one when there is none).
 */
export const drupalRestResources: Extractor = {
  id: 'drupal/rest-resources',
  languages: ['php'],
  keywords: ['RestResource'],
  extract(file) {
    const tree = treeOf(file);
    if (!tree || /(^|\/)(vendor|tests?)\//.test(file.path)) return [];
    const facts: Fact[] = [];
    for (const cls of descendants(tree.rootNode, ['class_declaration'])) {
      const paths = uriPaths(cls);
      const canonical = paths.get('canonical');
      const create = paths.get('create') ?? paths.get('https://www.drupal.org/link-relations/create') ?? canonical;
      if (!canonical && !create) continue;
      const clsName = fieldOf(cls, 'name')?.text ?? '';
      for (const method of descendants(cls, ['method_declaration'])) {
        const name = fieldOf(method, 'name')?.text ?? '';
        const verb = REST_VERBS[name];
        const mods = namedChildren(method).filter((c) => c.type === 'visibility_modifier').map((c) => c.text);
        if (!verb || mods.some((m) => m !== 'public')) continue;
        const path = verb === 'POST' ? create : canonical;
        if (!path) continue;
        facts.push({
          kind: 'route', framework: FRAMEWORK, method: verb, path, handler: { name: `${clsName}::${name}` }, location: loc(file.path, method),
        });
      }
    }
    return facts;
  },
};
