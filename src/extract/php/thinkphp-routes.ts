// ThinkPHP (6/8) routes:
// - route definition files (`route/*.php`, and `app/<app>/route/*.php` of a multi-app project, which
//   live under the app's name): Route::get/post/put/patch/delete/any/rule/resource/group;
// - `#[Route('path', 'GET')]` attributes and `@Route("path", "GET|POST")` docblocks on controller methods;
// - the framework's default URL dispatch (`url_route_must` off) for controllers under
//   `app/controller/` or `app/<app>/controller/`: `/<controller>/<action>`, `/<controller>` for `index`,
//   and for multi-level controllers both the `admin.group` form and the `admin/group` form. Those answer
//   every verb; we report GET, and POST where the action reads form data (`input('post.x')`,
//   `$request->post()`, `$_POST`), rather than guess further.
import type { Fact, HttpMethod, RouteFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { descendants, loc, namedChildren, treeOf, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { attributesOf, docCommentOf, lastName, stringValue, type CallChain } from './ast.js';
import { annotationStrings, parseDocAnnotations } from './doc-annotations.js';
import { isPhpTestPath, toMethod } from './methods.js';
import { closureOf, joinUrl, readsFormData, visitRouterChains } from './router-calls.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'thinkphp';
const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'any']);
const RESOURCE: [HttpMethod, string][] = [
  ['GET', ''], ['GET', '/create'], ['POST', ''], ['GET', '/:id'], ['GET', '/:id/edit'], ['PUT', '/:id'], ['DELETE', '/:id'],
];

/** 'GET|POST' / '*' / 'get' -> methods. */
function methodsOf(value: string | undefined): HttpMethod[] {
  if (value === undefined || value.trim() === '' || value.trim() === '*') return ['ANY'];
  const out = value.split(/[|,]/).map((m) => toMethod(m)).filter((m): m is HttpMethod => !!m);
  return [...new Set(out)];
}

function route(method: HttpMethod, path: string, node: Node, file: ParsedFile, handler?: string, origin?: 'generated'): RouteFact {
  const fact: RouteFact = { kind: 'route', framework: FRAMEWORK, method, path, location: loc(file.path, node) };
  if (handler) fact.handler = { name: handler };
  if (origin) fact.origin = origin;
  return fact;
}

// ---------------------------------------------------------------- route files

function handleRouteChain(chain: CallChain, node: Node, prefix: string, file: ParsedFile, facts: Fact[]): boolean {
  const link = chain.links[0];
  if (!link) return false;
  const args = link.args.positional;
  const name = link.name;
  const handler = stringValue(args[1]);
  if (VERBS.has(name)) {
    const path = stringValue(args[0]);
    const method = name === 'any' ? 'ANY' : toMethod(name);
    if (path !== undefined && method) facts.push(route(method, joinUrl(prefix, path), node, file, handler));
    return true;
  }
  if (name === 'rule') {
    const path = stringValue(args[0]);
    if (path !== undefined) {
      for (const m of methodsOf(stringValue(args[2]))) facts.push(route(m, joinUrl(prefix, path), node, file, handler));
    }
    return true;
  }
  if (name === 'resource') {
    const base = stringValue(args[0]);
    if (base !== undefined) {
      for (const [m, suffix] of RESOURCE) facts.push(route(m, joinUrl(prefix, base) + suffix, node, file, handler, 'generated'));
    }
    return true;
  }
  if (name === 'group') {
    const groupName = args.length >= 2 ? stringValue(args[0]) ?? '' : '';
    const closure = closureOf(args[args.length - 1]);
    if (closure) visitRouteFile(closure.body, joinUrl(prefix, groupName), file, facts);
    return true;
  }
  return false;
}

function visitRouteFile(node: Node, prefix: string, file: ParsedFile, facts: Fact[]): void {
  visitRouterChains(
    node,
    (chain) => chain.isStatic && chain.root === 'Route',
    (chain, call) => handleRouteChain(chain, call, prefix, file, facts),
  );
}

/** 'route/app.php' -> '', 'app/shop/route/app.php' -> 'shop'; undefined for other files. */
function routeFilePrefix(path: string): string | undefined {
  const m = /(?:^|\/)app\/([A-Za-z0-9_]+)\/route\/[^/]+\.php$/.exec(path);
  if (m) return m[1]!;
  return /(?:^|\/)route\/[^/]+\.php$/.test(path) ? '' : undefined;
}

// ---------------------------------------------------------------- controllers

/** 'UserInfoController' -> 'user_info' (ThinkPHP's parseName, controller suffix dropped). */
function urlName(cls: string): string {
  const base = cls.replace(/Controller$/, '') || cls;
  return base.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** The controller's URL segments: 'app/controller/admin/GroupController.php' -> { app: '', levels: ['admin'] }. */
function controllerPlace(path: string): { app: string; levels: string[] } | undefined {
  const segments = path.split('/');
  const at = segments.lastIndexOf('controller');
  if (at < 1 || at === segments.length - 1 || !segments[segments.length - 1]!.endsWith('.php')) return undefined;
  const levels = segments.slice(at + 1, -1).map((l) => l.toLowerCase());
  if (segments[at - 1] === 'app') return { app: '', levels };
  if (at >= 2 && segments[at - 2] === 'app') return { app: segments[at - 1]!, levels };
  return undefined;
}

function controllerRoutes(root: Node, file: ParsedFile, facts: Fact[]): void {
  const place = controllerPlace(file.path);
  for (const cls of descendants(root, ['class_declaration'])) {
    const clsName = lastName(fieldOf(cls, 'name'));
    if (!clsName) continue;
    const isAbstract = namedChildren(cls).some((c) => c.type === 'abstract_modifier');
    for (const method of descendants(cls, ['method_declaration'])) {
      const name = fieldOf(method, 'name')?.text;
      const body = fieldOf(method, 'body');
      if (!name || !body) continue;
      const mods = namedChildren(method).filter((c) => c.type.endsWith('_modifier')).map((c) => c.text);
      if (mods.includes('private') || mods.includes('protected') || mods.includes('static') || name.startsWith('_')) continue;
      const handler = `${clsName}::${name}`;
      for (const attr of attributesOf(method)) {
        if (attr.name !== 'Route') continue;
        const path = stringValue(attr.args.positional[0] ?? attr.args.named.get('rule'));
        const methods = methodsOf(stringValue(attr.args.positional[1] ?? attr.args.named.get('method')));
        if (path !== undefined) for (const m of methods) facts.push(route(m, joinUrl(path), method, file, handler));
      }
      const doc = docCommentOf(method);
      for (const ann of doc ? parseDocAnnotations(doc.text) : []) {
        if (ann.name !== 'Route') continue;
        const path = annotationStrings(ann.positional[0])[0];
        const methods = methodsOf(annotationStrings(ann.positional[1] ?? ann.named.get('method'))[0]);
        if (path !== undefined) for (const m of methods) facts.push(route(m, joinUrl(path), method, file, handler));
      }
      if (!place || isAbstract || name === '__construct') continue;
      const verbs: HttpMethod[] = readsFormData(body) ? ['GET', 'POST'] : ['GET'];
      const ctrl = urlName(clsName);
      const bases = place.levels.length > 0
        ? [joinUrl(place.app, ...place.levels, ctrl), joinUrl(place.app, [...place.levels, ctrl].join('.'))]
        : [joinUrl(place.app, ctrl)];
      const action = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
      for (const base of bases) {
        for (const v of verbs) facts.push(route(v, `${base}/${action}`, method, file, handler, 'generated'));
        if (action === 'index') for (const v of verbs) facts.push(route(v, base, method, file, handler, 'generated'));
      }
    }
  }
}

function isThinkFile(file: ParsedFile): boolean {
  return !isPhpTestPath(file.path) && !/(^|\/)vendor\//.test(file.path) && file.text.includes('think\\');
}

export const thinkphpRoutes: Extractor = {
  id: 'thinkphp/routes',
  languages: ['php'],
  keywords: ['think\\'],
  extract(file) {
    const tree = treeOf(file);
    if (!tree || !isThinkFile(file)) return [];
    const facts: Fact[] = [];
    const prefix = routeFilePrefix(file.path);
    if (prefix !== undefined) visitRouteFile(tree.rootNode, prefix, file, facts);
    else if (file.text.includes('class ')) controllerRoutes(tree.rootNode, file, facts);
    return facts;
  },
};
