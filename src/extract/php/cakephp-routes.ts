// CakePHP route files (config/routes.php, plugins/*/config/routes.php): RouteBuilder verb methods,
// connect() (GET unless `->setMethods([...])` or a `_method` default says otherwise), resources()
// (Cake's resource map, URL name dasherized as RouteBuilder does, nested resources), scope() /
// prefix() / plugin() blocks (also as Router:: static calls) and fallbacks().
import type { Fact, HttpMethod, RouteFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, namedChildren, treeOf, walk, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { arrayValue, stringList, stringValue, type CallChain } from './ast.js';
import { isPhpTestPath, toMethod } from './methods.js';
import { closureOf, joinUrl, visitRouterChains } from './router-calls.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'cakephp';
const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'options', 'head']);
const SCOPES = new Set(['scope', 'prefix', 'plugin']);

/** Cake's Inflector::dasherize: 'BlogPosts' / 'blog_posts' -> 'blog-posts'. */
export function dasherize(name: string): string {
  return name.replace(/_/g, '-').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** Inflector::underscore + singular for nested resource ids: 'Articles' -> 'article_id'. */
function nestedId(name: string): string {
  const under = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  const singular = under.endsWith('ies') ? `${under.slice(0, -3)}y` : under.endsWith('s') ? under.slice(0, -1) : under;
  return `{${singular}_id}`;
}

/** RouteBuilder::$_resourceMap. */
const RESOURCE_MAP: [string, HttpMethod, string][] = [
  ['index', 'GET', ''], ['create', 'POST', ''], ['view', 'GET', '/{id}'], ['update', 'PUT', '/{id}'],
  ['update', 'PATCH', '/{id}'], ['delete', 'DELETE', '/{id}'],
];

function targetName(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const s = stringValue(node);
  if (s !== undefined) return s;
  const controller = stringValue(arrayValue(node, 'controller'));
  const action = stringValue(arrayValue(node, 'action'));
  return controller ? `${controller}::${action ?? 'index'}` : undefined;
}

interface Ctx {
  file: ParsedFile;
  facts: Fact[];
  vars: Set<string>;
}

function emit(ctx: Ctx, method: HttpMethod, path: string, node: Node, handler?: string, origin?: 'generated'): void {
  const fact: RouteFact = { kind: 'route', framework: FRAMEWORK, method, path, location: loc(ctx.file.path, node) };
  if (handler) fact.handler = { name: handler };
  if (origin) fact.origin = origin;
  ctx.facts.push(fact);
}

function scopePath(name: string, kind: string, options: Node | undefined): string {
  const explicit = stringValue(arrayValue(options, 'path'));
  if (explicit !== undefined) return explicit;
  if (kind === 'scope') return name;
  return name.startsWith('/') ? name : `/${dasherize(name)}`;
}

function resources(args: Node[], prefix: string, node: Node, ctx: Ctx): void {
  const name = stringValue(args[0]);
  if (name === undefined) return;
  const options = args[1]?.type === 'array_creation_expression' ? args[1] : undefined;
  const only = options ? stringList(arrayValue(options, 'only')) : [];
  const inflect = stringValue(arrayValue(options, 'inflect'));
  const urlName = inflect === 'underscore' ? dasherize(name).replace(/-/g, '_') : inflect === 'camelize' ? name : dasherize(name);
  const path = stringValue(arrayValue(options, 'path')) ?? urlName;
  const base = joinUrl(prefix, path);
  for (const [action, method, suffix] of RESOURCE_MAP) {
    if (only.length > 0 && !only.includes(action)) continue;
    emit(ctx, method, base + suffix, node, `${name}::${action}`, 'generated');
  }
  for (const entry of namedChildren(arrayValue(options, 'map'))) {
    const [key, value] = namedChildren(entry);
    const action = key ? stringValue(key) : undefined;
    if (!action || !value) continue;
    const method = toMethod(stringValue(arrayValue(value, 'method')) ?? 'GET') ?? 'GET';
    const sub = stringValue(arrayValue(value, 'path')) ?? action;
    emit(ctx, method, joinUrl(base, sub), node, `${name}::${stringValue(arrayValue(value, 'action')) ?? action}`, 'generated');
  }
  const closure = closureOf(args[args.length - 1]);
  if (closure) visit(closure.body, joinUrl(base, nestedId(name)), { ...ctx, vars: new Set([...ctx.vars, ...closure.vars]) });
}

function handleChain(chain: CallChain, node: Node, prefix: string, ctx: Ctx): boolean {
  const link = chain.links[0];
  if (!link) return false;
  const args = link.args.positional;
  const name = link.name;
  if (VERBS.has(name) || name === 'connect') {
    const path = stringValue(args[0]);
    if (path === undefined) return true;
    let methods: HttpMethod[] = name === 'connect' ? ['GET'] : [toMethod(name)!];
    const declared = stringList(arrayValue(args[1], '_method')).map((m) => toMethod(m)).filter((m): m is HttpMethod => !!m);
    if (declared.length > 0) methods = declared;
    for (const l of chain.links) {
      if (l.name !== 'setMethods') continue;
      const set = stringList(l.args.positional[0]).map((m) => toMethod(m)).filter((m): m is HttpMethod => !!m);
      if (set.length > 0) methods = set;
    }
    for (const m of new Set(methods)) emit(ctx, m, joinUrl(prefix, path), node, targetName(args[1]));
    return true;
  }
  if (name === 'resources') {
    resources(args, prefix, node, ctx);
    return true;
  }
  if (name === 'fallbacks') {
    emit(ctx, 'GET', joinUrl(prefix, '{controller}'), node, undefined, 'generated');
    emit(ctx, 'GET', joinUrl(prefix, '{controller}/{action}/*'), node, undefined, 'generated');
    return true;
  }
  if (SCOPES.has(name)) {
    const scopeName = stringValue(args[0]);
    const closure = closureOf(args[args.length - 1]);
    if (scopeName === undefined || !closure) return true;
    const options = args.length >= 3 ? args[1] : undefined;
    visit(closure.body, joinUrl(prefix, scopePath(scopeName, name, options)), { ...ctx, vars: new Set([...ctx.vars, ...closure.vars]) });
    return true;
  }
  return false;
}

function visit(node: Node, prefix: string, ctx: Ctx): void {
  visitRouterChains(
    node,
    (chain) => (chain.isStatic ? chain.root === 'Router' : ctx.vars.has(chain.root)),
    (chain, call) => handleChain(chain, call, prefix, ctx),
  );
}

/** `$routes` and every parameter typed RouteBuilder (`return static function (RouteBuilder $routes) {...}`). */
function builderVars(root: Node): Set<string> {
  const vars = new Set(['$routes']);
  walk(root, (node) => {
    if (node.type === 'simple_parameter' && /\bRouteBuilder$/.test(fieldOf(node, 'type')?.text ?? '')) {
      const name = fieldOf(node, 'name')?.text;
      if (name) vars.add(name);
    }
    return true;
  });
  return vars;
}

function isCakeRoutes(file: ParsedFile): boolean {
  if (isPhpTestPath(file.path) || /(^|\/)vendor\//.test(file.path)) return false;
  return /(^|\/)config\/routes\.php$/.test(file.path) || file.text.includes('Cake\\Routing');
}

export const cakephpRoutes: Extractor = {
  id: 'cakephp/routes',
  languages: ['php'],
  keywords: ['RouteBuilder', 'Cake\\Routing'],
  extract(file) {
    const tree = treeOf(file);
    if (!tree || !isCakeRoutes(file)) return [];
    const ctx: Ctx = { file, facts: [], vars: builderVars(tree.rootNode) };
    visit(tree.rootNode, '', ctx);
    return ctx.facts;
  },
};
