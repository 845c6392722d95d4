// Route attributes on handler functions: Actix-web / Rocket `#[get("/x")]`, `#[route(..)]`, and
// utoipa `#[utoipa::path(get, path = "/x", tag = "t")]`. Syntax only: which framework a bare
// `#[get]` belongs to is decided by the extractor from the file's imports.
import type { HttpMethod } from '../../core/facts.js';
import type { Node } from '../tree-sitter/ast.js';
import { attributeArgs, attributePath, attributesOf, keyValue, stringValue, tokenGroups } from './ast.js';


const VERBS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', delete: 'DELETE', patch: 'PATCH', head: 'HEAD', options: 'OPTIONS',
  trace: 'TRACE', connect: 'CONNECT',
};

/** An HTTP method name in any case (`GET`, `Post`, `"delete"`); undefined for custom verbs. */
export function methodNamed(name: string): HttpMethod | undefined {
  const lower = name.toLowerCase();
  if (lower === 'query') return 'QUERY';
  return VERBS[lower];
}

export interface RouteAttribute {
  kind: 'verb' | 'route' | 'utoipa';
  /** Leading path segments of the attribute (`actix_web` in `#[actix_web::get]`). */
  qualifier: string[];
  methods: HttpMethod[];
  path: string;
  tags: string[];
  /** `data = "<x>"` and other Rocket-only arguments were seen. */
  rocketArgs: boolean;
  node: Node;
}

/** Reads one attribute as a route declaration, or undefined. */
export function routeAttribute(attr: Node): RouteAttribute | undefined {
  const path = attributePath(attr);
  const name = path[path.length - 1];
  if (!name) return undefined;
  const qualifier = path.slice(0, -1);
  const groups = tokenGroups(attributeArgs(attr));
  if (name === 'path' && qualifier[qualifier.length - 1] === 'utoipa') return utoipaAttribute(attr, groups);
  if (qualifier.length > 0 && !['actix_web', 'rocket', 'web', 'ntex'].includes(qualifier[0]!)) return undefined;
  const rocketArgs = groups.some((g) => ['data', 'format', 'rank', 'uri'].some((k) => keyValue(g, k)));
  if (name in VERBS) {
    const first = groups[0];
    const value = first?.length === 1 ? stringValue(first[0]) : undefined;
    if (value === undefined) return undefined;
    return { kind: 'verb', qualifier, methods: [VERBS[name]!], path: value, tags: [], rocketArgs, node: attr };
  }
  if (name !== 'route') return undefined;
  const methods: HttpMethod[] = [];
  let routePath: string | undefined;
  for (const group of groups) {
    const single = group.length === 1 ? stringValue(group[0]) : undefined;
    if (single !== undefined && routePath === undefined) routePath = single;
    const uri = keyValue(group, 'uri');
    if (uri?.length === 1) routePath = stringValue(uri[0]) ?? routePath;
    const method = keyValue(group, 'method');
    const methodText = method?.length === 1 ? stringValue(method[0]) ?? method[0]!.text : undefined;
    const bare = group.length === 1 && group[0]!.type === 'identifier' ? group[0]!.text : undefined;
    const m = methodText !== undefined ? methodNamed(methodText) : bare !== undefined ? methodNamed(bare) : undefined;
    if (m && !methods.includes(m)) methods.push(m);
  }
  if (routePath === undefined || methods.length === 0) return undefined;
  return { kind: 'route', qualifier, methods, path: routePath, tags: [], rocketArgs, node: attr };
}

function utoipaAttribute(attr: Node, groups: Node[][]): RouteAttribute | undefined {
  const methods: HttpMethod[] = [];
  const tags: string[] = [];
  let path: string | undefined;
  let context = '';
  for (const group of groups) {
    const head = group[0]!;
    if (group.length === 1 && head.type === 'identifier') {
      const m = methodNamed(head.text);
      if (m && !methods.includes(m)) methods.push(m);
      continue;
    }
    if (group.length === 2 && head.text === 'method' && group[1]!.type === 'token_tree') {
      for (const inner of tokenGroups(group[1]!)) {
        const m = inner.length === 1 ? methodNamed(stringValue(inner[0]) ?? inner[0]!.text) : undefined;
        if (m && !methods.includes(m)) methods.push(m);
      }
      continue;
    }
    const p = keyValue(group, 'path');
    if (p?.length === 1) path = stringValue(p[0]) ?? path;
    const ctx = keyValue(group, 'context_path');
    if (ctx?.length === 1) context = stringValue(ctx[0]) ?? '';
    const tag = keyValue(group, 'tag');
    if (tag?.length === 1) {
      const value = stringValue(tag[0]);
      if (value) tags.push(value);
    }
    const list = keyValue(group, 'tags');
    if (list?.length === 1 && list[0]!.type === 'token_tree') {
      for (const inner of tokenGroups(list[0]!)) {
        const value = inner.length === 1 ? stringValue(inner[0]) : undefined;
        if (value) tags.push(value);
      }
    }
  }
  if (path === undefined) return undefined;
  return { kind: 'utoipa', qualifier: ['utoipa'], methods, path: context ? `${context.replace(/\/+$/, '')}${path}` : path, tags, rocketArgs: false, node: attr };
}

/** Route attributes written on a function item. */
export function routeAttributes(fn: Node): RouteAttribute[] {
  return attributesOf(fn).map(routeAttribute).filter((a): a is RouteAttribute => a !== undefined);
}

/** OpenAPI tags a function declares with `#[utoipa::path(tag = ..)]`. */
export function utoipaTags(fn: Node): string[] {
  return routeAttributes(fn).filter((a) => a.kind === 'utoipa').flatMap((a) => a.tags);
}

/** Rocket path -> declared form: query part dropped, `<rest..>` segments as `<rest>`. */
export function rocketPath(path: string): string {
  const query = path.indexOf('?');
  const bare = query >= 0 ? path.slice(0, query) : path;
  return bare.split('..>').join('>');
}
