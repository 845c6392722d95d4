// CodeIgniter 4 route files (app/Config/Routes.php, module Config/Routes.php): `$routes->get/post/...`,
// `add` (every verb), `match([...])`, `map([...])`, `resource` / `presenter` expansion, `group` prefixes
// and filters (nested), and `environment()` blocks. Placeholders `(:num)` become `{num}`.
// CodeIgniter 3 (application/config/routes.php): `$route['products/(:num)'] = 'catalog/show/$1';` (every
// verb) and `$route['users']['POST'] = 'users/create';`; the reserved keys (default_controller,
// 404_override, translate_uri_dashes) are not routes.
import type { Fact, HttpMethod, MiddlewareRef, RouteFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, namedChildren, treeOf, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { arrayEntries, arrayValue, classConstName, stringList, stringValue, type CallChain } from './ast.js';
import { isPhpTestPath, toMethod } from './methods.js';
import { laravelMiddleware } from './middleware-roles.js';
import { closureOf, joinUrl, visitRouterChains } from './router-calls.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'codeigniter';
const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);

interface Scope {
  prefix: string;
  filters: MiddlewareRef[];
  vars: Set<string>;
}

/** `users/(:num)/(:segment)` -> `users/{num}/{segment}` (a repeated placeholder gets a number). */
export function codeigniterPath(path: string): string {
  const seen = new Map<string, number>();
  return path.replace(/\(:([A-Za-z_][A-Za-z0-9_]*)\)/g, (_m, name: string) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return `{${n === 1 ? name : `${name}${n}`}}`;
  });
}

/** The routes `$routes->resource('photos')` adds (RouteCollection::resource), filtered by only/except. */
const RESOURCE: [string, HttpMethod, string][] = [
  ['index', 'GET', ''], ['new', 'GET', '/new'], ['create', 'POST', ''], ['show', 'GET', '/{id}'],
  ['edit', 'GET', '/{id}/edit'], ['update', 'PUT', '/{id}'], ['update', 'PATCH', '/{id}'], ['delete', 'DELETE', '/{id}'],
];
/** The routes `$routes->presenter('photos')` adds (RouteCollection::presenter). */
const PRESENTER: [string, HttpMethod, string][] = [
  ['index', 'GET', ''], ['show', 'GET', '/show/{id}'], ['new', 'GET', '/new'], ['create', 'POST', '/create'],
  ['edit', 'GET', '/edit/{id}'], ['update', 'POST', '/update/{id}'], ['remove', 'GET', '/remove/{id}'],
  ['delete', 'POST', '/delete/{id}'], ['show', 'GET', '/{id}'],
];

function actionList(value: Node | undefined): string[] | undefined {
  if (!value) return undefined;
  const single = stringValue(value);
  if (single !== undefined) return single.split(',').map((s) => s.trim()).filter(Boolean);
  return stringList(value);
}

function filtersOf(options: Node | undefined, at: Node, file: ParsedFile): MiddlewareRef[] {
  const value = arrayValue(options, 'filter');
  if (!value) return [];
  const names = stringValue(value) !== undefined ? [stringValue(value)!] : stringList(value);
  return names.map((n) => laravelMiddleware(n, loc(file.path, at)));
}

function handlerOf(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const entries = arrayEntries(node);
  if (entries && entries.length === 2) {
    const cls = classConstName(entries[0]!.value) ?? stringValue(entries[0]!.value);
    const method = stringValue(entries[1]!.value);
    return cls && method ? `${cls}::${method}` : undefined;
  }
  return stringValue(node);
}

function handleChain(chain: CallChain, node: Node, scope: Scope, file: ParsedFile, facts: Fact[]): boolean {
  const link = chain.links[0];
  if (!link) return false;
  const args = link.args.positional;
  const location = loc(file.path, node);
  const emit = (method: HttpMethod, path: string, handler: string | undefined, extra: MiddlewareRef[], origin?: 'generated') => {
    const fact: RouteFact = { kind: 'route', framework: FRAMEWORK, method, path: codeigniterPath(joinUrl(scope.prefix, path)), location };
    if (handler) fact.handler = { name: handler };
    const middleware = [...scope.filters, ...extra];
    if (middleware.length > 0) fact.middleware = middleware;
    if (origin) fact.origin = origin;
    facts.push(fact);
  };
  const name = link.name;
  if (VERBS.has(name) || name === 'add') {
    const path = stringValue(args[0]);
    const method = name === 'add' ? 'ANY' : toMethod(name);
    if (path === undefined || !method) return true;
    emit(method, path, handlerOf(args[1]), filtersOf(args[2], node, file));
    return true;
  }
  if (name === 'match') {
    const path = stringValue(args[1]);
    if (path === undefined) return true;
    const methods = [...new Set(stringList(args[0]).map((m) => (m === '*' ? 'ANY' : toMethod(m))))];
    for (const m of methods) if (m) emit(m, path, handlerOf(args[2]), filtersOf(args[3], node, file));
    return true;
  }
  if (name === 'map') {
    for (const entry of arrayEntries(args[0]) ?? []) {
      const path = entry.key ? stringValue(entry.key) : undefined;
      if (path !== undefined) emit('ANY', path, handlerOf(entry.value), filtersOf(args[1], node, file));
    }
    return true;
  }
  if (name === 'resource' || name === 'presenter') {
    const base = stringValue(args[0]);
    if (base === undefined) return true;
    const only = actionList(arrayValue(args[1], 'only'));
    const except = actionList(arrayValue(args[1], 'except')) ?? [];
    const controller = stringValue(arrayValue(args[1], 'controller'));
    const table = name === 'resource' ? RESOURCE : PRESENTER;
    const seen = new Set<string>();
    for (const [action, method, suffix] of table) {
      if ((only && !only.includes(action)) || except.includes(action)) continue;
      // presenter() registers `show` twice (show/(:segment) and (:segment)); keep both paths.
      const key = `${method} ${suffix}`;
      if (seen.has(key)) continue;
      seen.add(key);
      emit(method, `${base}${suffix}`, controller ? `${controller}::${action}` : undefined, filtersOf(args[1], node, file), 'generated');
    }
    return true;
  }
  if (name === 'group' || name === 'environment') {
    const closureArg = args[args.length - 1];
    const closure = closureOf(closureArg);
    if (!closure) return true;
    const options = name === 'group' && args.length >= 3 ? args[1] : undefined;
    const prefix = name === 'group' ? stringValue(args[0]) ?? '' : '';
    const inner: Scope = {
      prefix: joinUrl(scope.prefix, prefix),
      filters: [...scope.filters, ...filtersOf(options, node, file)],
      vars: new Set([...scope.vars, ...closure.vars]),
    };
    // environment('production', ...) blocks only register in that environment: still declared routes.
    visitBlock(closure.body, inner, file, facts);
    return true;
  }
  return false;
}

function visitBlock(body: Node, scope: Scope, file: ParsedFile, facts: Fact[]): void {
  visitRouterChains(
    body,
    (chain) => !chain.isStatic && scope.vars.has(chain.root),
    (chain, node) => handleChain(chain, node, scope, file, facts),
  );
}

function isCodeIgniterRoutes(file: ParsedFile): boolean {
  if (isPhpTestPath(file.path) || /(^|\/)vendor\//.test(file.path)) return false;
  return /(^|\/)Config\/Routes\.php$/.test(file.path) || file.text.includes('CodeIgniter\\Router');
}

const CI3_RESERVED = new Set(['default_controller', '404_override', 'translate_uri_dashes']);

/** `$route['x'] = 'c/m'` and `$route['x']['GET'] = 'c/m'` assignments of a CodeIgniter 3 routes file. */
function codeigniter3Routes(root: Node, file: ParsedFile, facts: Fact[]): void {
  for (const statement of namedChildren(root)) {
    const assignment = statement.type === 'expression_statement' ? namedChildren(statement)[0] : undefined;
    if (assignment?.type !== 'assignment_expression') continue;
    let left = fieldOf(assignment, 'left');
    let method: HttpMethod = 'ANY';
    if (left?.type !== 'subscript_expression') continue;
    const [inner, key] = namedChildren(left);
    if (inner?.type === 'subscript_expression') {
      const verb = toMethod(stringValue(key) ?? '');
      if (!verb) continue;
      method = verb;
      left = inner;
    }
    const [variable, pathNode] = namedChildren(left);
    const path = stringValue(pathNode);
    if (variable?.text !== '$route' || path === undefined || CI3_RESERVED.has(path)) continue;
    const fact: RouteFact = { kind: 'route', framework: FRAMEWORK, method, path: codeigniterPath(joinUrl(path)), location: loc(file.path, statement) };
    const handler = stringValue(fieldOf(assignment, 'right'));
    if (handler) fact.handler = { name: handler };
    facts.push(fact);
  }
}

export const codeigniterRoutes: Extractor = {
  id: 'codeigniter/routes',
  languages: ['php'],
  keywords: ['$routes->', '$route['],
  extract(file) {
    const tree = treeOf(file);
    if (!tree) return [];
    if (/(^|\/)application\/config\/routes\.php$/.test(file.path) && !isPhpTestPath(file.path)) {
      const facts: Fact[] = [];
      codeigniter3Routes(tree.rootNode, file, facts);
      return facts;
    }
    if (!isCodeIgniterRoutes(file)) return [];
    const facts: Fact[] = [];
    for (const child of namedChildren(tree.rootNode)) visitBlock(child, { prefix: '', filters: [], vars: new Set(['$routes']) }, file, facts);
    return facts;
  },
};
