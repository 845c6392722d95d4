// Laminas (Zend Framework) MVC router configuration and Mezzio (Zend Expressive) application routes.
// - Config arrays `'router' => ['routes' => [...]]` (module.config.php, config/autoload/*.php): Literal,
//   Segment (optional `[...]` parts shown in full, `{-}` delimiters dropped), Regex (its `spec`), Part,
//   Method (verb constraint for its children), Hostname/Scheme (no path), nested `child_routes`
//   (a parent with children is an endpoint only with `may_terminate => true`). MVC routes without a
//   Method constraint are dispatched to a controller action and reported as GET.
// - Mezzio: `$app->get/post/put/patch/delete/any(path, handler)` and `$app->route(path, handler, methods)`.
import type { Fact, HttpMethod, RouteFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, namedChildren, treeOf, walk, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { arrayEntries, arrayValue, classConstName, classConstant, stringList, stringValue, type CallChain } from './ast.js';
import { isPhpTestPath, toMethod } from './methods.js';
import { closureOf, visitRouterChains } from './router-calls.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'laminas';

/** '/users[/:id]' -> '/users/{id}'; '/locale/:locale{-}[-:slug]' -> '/locale/{locale}-{slug}'. */
export function laminasSegmentPath(route: string): string {
  return route
    .replace(/[[\]]/g, '')
    .replace(/:([A-Za-z_][A-Za-z0-9_]*)(\{[^}]*\})?/g, '{$1}');
}

/** A Regex route's `spec`: '/download/%id%.%format%' -> '/download/{id}.{format}'. */
function specPath(spec: string): string {
  return spec.replace(/%([A-Za-z_][A-Za-z0-9_]*)%/g, '{$1}');
}

function typeName(node: Node | undefined): string {
  if (!node) return '';
  const cls = classConstName(node);
  if (cls) return cls;
  const s = stringValue(node) ?? '';
  return s.slice(s.lastIndexOf('\\') + 1);
}

function verbsOf(node: Node | undefined): HttpMethod[] {
  const raw = stringValue(node) ?? stringList(node).join(',');
  return [...new Set(raw.split(',').map((v) => toMethod(v)).filter((m): m is HttpMethod => !!m))];
}

/** Path piece and verbs one route definition contributes. */
function routePiece(def: Node): { path: string; verbs?: HttpMethod[] } {
  const type = typeName(arrayValue(def, 'type'));
  const options = arrayValue(def, 'options');
  if (type === 'Part') {
    const inner = arrayValue(def, 'route');
    return inner ? routePiece(inner) : { path: '' };
  }
  if (type === 'Method') return { path: '', verbs: verbsOf(arrayValue(options, 'verb')) };
  if (type === 'Hostname' || type === 'Scheme') return { path: '' };
  if (type === 'Regex') {
    const spec = stringValue(arrayValue(options, 'spec'));
    return { path: spec !== undefined ? specPath(spec) : '' };
  }
  const route = stringValue(arrayValue(options, 'route'));
  return { path: route !== undefined ? laminasSegmentPath(route) : '' };
}

function isTrue(node: Node | undefined): boolean {
  return node?.text.toLowerCase() === 'true';
}

function visitRoutes(routes: Node, prefix: string, verbs: HttpMethod[] | undefined, file: ParsedFile, facts: Fact[]): void {
  for (const entry of arrayEntries(routes) ?? []) {
    const def = entry.value;
    if (def.type !== 'array_creation_expression' || (!arrayValue(def, 'type') && !arrayValue(def, 'options'))) continue;
    const piece = routePiece(def);
    const path = prefix + piece.path;
    const own = piece.verbs ?? verbs;
    const children = arrayValue(def, 'child_routes');
    const type = typeName(arrayValue(def, 'type'));
    const terminates = children ? isTrue(arrayValue(def, 'may_terminate')) : type !== 'Method' && type !== 'Hostname' && type !== 'Scheme';
    if (terminates) {
      const controller = arrayValue(arrayValue(arrayValue(def, 'options'), 'defaults'), 'controller');
      const action = stringValue(arrayValue(arrayValue(arrayValue(def, 'options'), 'defaults'), 'action'));
      const ctrl = classConstName(controller) ?? stringValue(controller);
      for (const method of own ?? ['GET']) {
        const fact: RouteFact = { kind: 'route', framework: FRAMEWORK, method, path: path || '/', location: loc(file.path, entry.key ?? def) };
        if (ctrl) fact.handler = { name: action ? `${ctrl}::${action}` : ctrl };
        facts.push(fact);
      }
    }
    if (children) visitRoutes(children, path, own, file, facts);
  }
}

function configRoutes(root: Node, file: ParsedFile, facts: Fact[]): void {
  walk(root, (node) => {
    if (node.type !== 'array_element_initializer') return true;
    const [key, value] = namedChildren(node);
    if (!key || !value || stringValue(key) !== 'router') return true;
    const routes = arrayValue(value, 'routes');
    if (routes) visitRoutes(routes, '', undefined, file, facts);
    return false;
  });
}

// ---------------------------------------------------------------- Mezzio

const MEZZIO_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'any']);

function mezzioMethods(node: Node | undefined): HttpMethod[] {
  if (!node) return ['ANY'];
  const constant = classConstant(node);
  if (constant && constant[1] === 'HTTP_METHOD_ANY') return ['ANY'];
  if (node.type === 'null' || node.text.toLowerCase() === 'null') return ['ANY'];
  const methods = stringList(node).map((m) => toMethod(m)).filter((m): m is HttpMethod => !!m);
  return methods.length > 0 ? [...new Set(methods)] : ['ANY'];
}

function handlerText(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  return classConstName(node) ?? stringValue(node);
}

function handleMezzio(chain: CallChain, node: Node, file: ParsedFile, facts: Fact[]): boolean {
  const link = chain.links[0];
  if (!link) return false;
  const args = link.args.positional;
  let methods: HttpMethod[];
  if (MEZZIO_VERBS.has(link.name)) methods = [link.name === 'any' ? 'ANY' : toMethod(link.name)!];
  else if (link.name === 'route') methods = mezzioMethods(args[2]);
  else return false;
  const path = stringValue(args[0]);
  if (path === undefined) return true;
  const handler = handlerText(args[1]);
  for (const method of methods) {
    const fact: RouteFact = { kind: 'route', framework: FRAMEWORK, method, path, location: loc(file.path, node) };
    if (handler) fact.handler = { name: handler };
    facts.push(fact);
  }
  return true;
}

function mezzioRoutes(root: Node, file: ParsedFile, facts: Fact[]): void {
  const vars = new Set(['$app']);
  // `return static function (Application $app, ...) {...}` (config/routes.php): its parameter names the app.
  walk(root, (node) => {
    const closure = closureOf(node);
    if (closure && /Application\b/.test(fieldOf(node, 'parameters')?.text ?? '')) for (const v of closure.vars) vars.add(v);
    return true;
  });
  visitRouterChains(root, (chain) => !chain.isStatic && vars.has(chain.root), (chain, node) => handleMezzio(chain, node, file, facts));
}

export const laminasRoutes: Extractor = {
  id: 'laminas/routes',
  languages: ['php'],
  keywords: ["'router'", '"router"', 'Mezzio\\', 'Zend\\Expressive'],
  extract(file) {
    const tree = treeOf(file);
    if (!tree || isPhpTestPath(file.path) || /(^|\/)vendor\//.test(file.path)) return [];
    const facts: Fact[] = [];
    if (file.text.includes("'router'") || file.text.includes('"router"')) configRoutes(tree.rootNode, file, facts);
    if (file.text.includes('Mezzio\\') || file.text.includes('Zend\\Expressive')) mezzioRoutes(tree.rootNode, file, facts);
    return facts;
  },
};
