// ServiceStack: routes are declared on request DTOs, `[Route("/hello/{Name}", "GET,POST")]` (verbs
// positional or `Verbs = ".."`; none = every verb), or registered fluently in the AppHost,
// `Routes.Add<Hello>("/hello", "GET").Add(typeof(Bye), "/bye")`. A DTO implementing only marker
// interfaces such as IGet / IPost narrows a verb-less route to those verbs. ServiceStack paths are
// absolute (no prefix besides the host's base path): routes are resolved in-file. Auth attributes on the
// DTO ([Authenticate], [ValidateIsAuthenticated], [RequiredRole], ...) mark its routes as authenticated.
// MVC controllers that happen to use [Route] are left to controllers.ts.
import type { Fact, HttpMethod, MiddlewareRef } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, namedChildren, treeOf, walk, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { attributesOf, invocationChain, simpleName, stringValue } from './ast.js';
import { cleanTemplate, isCsTestPath } from './methods.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'servicestack';
const VERBS = new Set<string>(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']);
const MARKERS: Record<string, HttpMethod> = { IGet: 'GET', IPost: 'POST', IPut: 'PUT', IDelete: 'DELETE', IPatch: 'PATCH', IOptions: 'OPTIONS' };
/** Request-filter attributes that require an authenticated user, on the DTO (or its Service, not followed). */
const AUTH_ATTRS = new Set(['Authenticate', 'RequiredRole', 'RequiresAnyRole', 'RequiredPermission', 'RequiresAnyPermission', 'ValidateIsAuthenticated', 'ValidateHasRole', 'ValidateHasPermission', 'ValidateIsAdmin']);
const NOT_DTO_ATTRS = new Set(['ApiController', 'Controller', 'HttpGet', 'HttpPost', 'RoutePrefix']);

/** "GET, POST" -> ['GET', 'POST']; undefined / empty / "ANY" / "*" -> the fallback. */
export function verbsOf(value: string | undefined, fallback: HttpMethod[]): HttpMethod[] {
  if (value === undefined) return fallback;
  const out: HttpMethod[] = [];
  for (const raw of value.split(/[,\s]+/)) {
    const verb = raw.trim().toUpperCase();
    if (verb === 'ANY' || verb === '*') return ['ANY'];
    if (VERBS.has(verb) && !out.includes(verb as HttpMethod)) out.push(verb as HttpMethod);
  }
  return out.length > 0 ? out : fallback;
}

function basesOf(cls: Node): string[] {
  return namedChildren(namedChildren(cls).find((c) => c.type === 'base_list')).map((b) => simpleName(b) ?? '');
}

function isControllerLike(name: string, bases: string[], attrNames: string[]): boolean {
  return name.endsWith('Controller') || bases.some((b) => /Controller(Base)?$/.test(b)) || attrNames.some((a) => NOT_DTO_ATTRS.has(a));
}

function dtoRoutes(cls: Node, file: ParsedFile, facts: Fact[]): void {
  const attrs = attributesOf(cls);
  const routes = attrs.filter((a) => a.name === 'Route');
  if (routes.length === 0) return;
  const name = fieldOf(cls, 'name')?.text ?? '';
  const bases = basesOf(cls);
  if (isControllerLike(name, bases, attrs.map((a) => a.name))) return;
  const markers = bases.flatMap((b) => (MARKERS[b] ? [MARKERS[b]!] : []));
  const fallback: HttpMethod[] = markers.length > 0 ? markers : ['ANY'];
  const authAttr = attrs.find((a) => AUTH_ATTRS.has(a.name));
  const middleware: MiddlewareRef[] = authAttr ? [{ name: authAttr.name, role: 'auth', location: loc(file.path, authAttr.node) }] : [];
  for (const attr of routes) {
    const path = stringValue(attr.args.named.get('Path') ?? attr.args.positional[0]);
    if (!path) continue;
    const verbs = verbsOf(stringValue(attr.args.named.get('Verbs') ?? attr.args.positional[1]), fallback);
    for (const method of verbs) {
      facts.push({
        kind: 'route', framework: FRAMEWORK, method, path: cleanTemplate(path.startsWith('/') ? path : `/${path}`),
        handler: { name }, ...(middleware.length > 0 ? { middleware } : {}), location: loc(file.path, attr.node),
      });
    }
  }
}

/** `Routes.Add<T>("/p", "GET")`, `Routes.Add(typeof(T), "/p", "GET")`, chained. */
function fluentRoutes(call: Node, file: ParsedFile, facts: Fact[]): void {
  const chain = invocationChain(call);
  if (!chain) return;
  const root = chain.root;
  const rootName = root.type === 'member_access_expression' ? simpleName(fieldOf(root, 'name')) : root.text;
  if (rootName !== 'Routes') return;
  for (const link of chain.links) {
    if (link.name !== 'Add') return;
    const fn = fieldOf(link.node, 'function');
    const generic = fn?.type === 'member_access_expression' ? fieldOf(fn, 'name') : undefined;
    let args = link.args.positional;
    let dto: string | undefined;
    if (generic?.type === 'generic_name') {
      const typeArgs = namedChildren(namedChildren(generic).find((c) => c.type === 'type_argument_list'));
      dto = typeArgs[0] ? simpleName(typeArgs[0]) : undefined;
    } else if (args[0]?.type === 'typeof_expression') {
      dto = simpleName(namedChildren(args[0])[0]);
      args = args.slice(1);
    } else continue;
    const path = stringValue(link.args.named.get('restPath') ?? args[0]);
    if (!path) continue;
    const verbs = verbsOf(stringValue(link.args.named.get('verbs') ?? args[1]), ['ANY']);
    for (const method of verbs) {
      facts.push({
        kind: 'route', framework: FRAMEWORK, method, path: cleanTemplate(path.startsWith('/') ? path : `/${path}`),
        ...(dto ? { handler: { name: dto } } : {}), location: loc(file.path, link.node),
      });
    }
  }
}

export const serviceStackRoutes: Extractor = {
  id: 'servicestack/routes',
  languages: ['csharp'],
  keywords: ['ServiceStack'],
  extract(file) {
    const tree = treeOf(file);
    if (!tree || isCsTestPath(file.path)) return [];
    const facts: Fact[] = [];
    walk(tree.rootNode, (node) => {
      if (node.type === 'class_declaration' || node.type === 'record_declaration') dtoRoutes(node, file, facts);
      if (node.type === 'invocation_expression') {
        // the outermost call of a chain only
        const parent = node.parent;
        const continues = parent?.type === 'member_access_expression' && parent.parent?.type === 'invocation_expression';
        if (!continues) fluentRoutes(node, file, facts);
      }
      return true;
    });
    return facts;
  },
};
