// Slim (3 and 4) routes: `$app->get/post/put/patch/delete/options/any(path, handler)`,
// `$app->map(['GET', 'POST'], path, handler)`, `$app->redirect(from, to)`, and `group(prefix, closure)`
// (Slim 4's `RouteCollectorProxy $group` parameter, Slim 3's `$this`), nested, resolved in-file.
// The app is `$app` or any parameter typed App / RouteCollectorProxy(Interface) (app/routes.php's
// `return function (App $app) {...}`). Middleware added with `->add(...)` on a route or group is kept by
// name; `$app->add(...)` middleware applies to every route of the file's app.
import type { Fact, HttpMethod, MiddlewareRef, RouteFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, namedChildren, treeOf, walk, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { arrayEntries, classConstName, stringList, stringValue, type CallChain } from './ast.js';
import { isPhpTestPath, toMethod } from './methods.js';
import { laravelMiddlewareRole } from './middleware-roles.js';
import { closureOf, visitRouterChains } from './router-calls.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'slim';
const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'options', 'any']);
const APP_TYPES = /(^|\\)(App|RouteCollectorProxy|RouteCollectorProxyInterface|Group)$/;

interface Scope {
  prefix: string;
  middleware: MiddlewareRef[];
  vars: Set<string>;
  /** `$app->add(...)` middleware: Slim runs it for every route of the app. */
  appMiddleware: MiddlewareRef[];
}

/** Slim paths join by plain concatenation (group '/api' + route '/items'). */
function joinSlim(prefix: string, path: string): string {
  const joined = `${prefix}${path}`;
  return joined.startsWith('/') ? joined : `/${joined}`;
}

function middlewareOf(chain: CallChain, from: number, file: ParsedFile): MiddlewareRef[] {
  const out: MiddlewareRef[] = [];
  for (const link of chain.links.slice(from)) {
    if (link.name !== 'add' && link.name !== 'addMiddleware') continue;
    const arg = link.args.positional[0];
    if (!arg) continue;
    const name = classConstName(arg)
      ?? (arg.type === 'object_creation_expression' ? namedChildren(arg).find((c) => c.type === 'name' || c.type === 'qualified_name')?.text : undefined)
      ?? (closureOf(arg) ? 'closure' : arg.text.slice(0, 60));
    out.push({ name, role: middlewareRole(name.replace(/^.*\\/, '')), location: loc(file.path, link.node) });
  }
  return out;
}

/** Middleware classes: JwtAuthMiddleware, AuthMiddleware, TokenAuthentication -> auth; others as Laravel names them. */
function middlewareRole(name: string): MiddlewareRef['role'] {
  const role = laravelMiddlewareRole(name);
  if (role !== 'other') return role;
  const lower = name.toLowerCase();
  if (/auth|jwt|bearer/.test(lower) && !lower.includes('author')) return lower.includes('optional') ? 'optional-auth' : 'auth';
  return 'other';
}

function handlerName(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const cls = classConstName(node);
  if (cls) return cls;
  const s = stringValue(node);
  if (s !== undefined) return s;
  const entries = arrayEntries(node);
  if (entries?.length === 2) {
    const c = classConstName(entries[0]!.value) ?? stringValue(entries[0]!.value);
    const m = stringValue(entries[1]!.value);
    if (c && m) return `${c}:${m}`;
  }
  return undefined;
}

function handleChain(chain: CallChain, node: Node, scope: Scope, file: ParsedFile, facts: Fact[]): boolean {
  const link = chain.links[0];
  if (!link) return false;
  const args = link.args.positional;
  const name = link.name;
  let methods: HttpMethod[] | undefined;
  let pathArg = 0;
  let handlerArg = 1;
  if (VERBS.has(name)) methods = [name === 'any' ? 'ANY' : toMethod(name)!];
  else if (name === 'map') {
    methods = [...new Set(stringList(args[0]).map((m) => toMethod(m)).filter((m): m is HttpMethod => !!m))];
    pathArg = 1;
    handlerArg = 2;
  } else if (name === 'redirect') methods = ['ANY'];
  else if ((name === 'add' || name === 'addMiddleware') && chain.links.length === 1 && scope.prefix === '') {
    scope.appMiddleware.push(...middlewareOf(chain, 0, file));
    return true;
  }
  else if (name === 'group') {
    const prefix = stringValue(args[0]);
    const closure = closureOf(args[1]);
    if (prefix === undefined || !closure) return true;
    const inner: Scope = {
      prefix: joinSlim(scope.prefix, prefix),
      middleware: [...scope.middleware, ...middlewareOf(chain, 1, file)],
      vars: new Set([...scope.vars, ...closure.vars, '$this']),
      appMiddleware: scope.appMiddleware,
    };
    visitBlock(closure.body, inner, file, facts);
    return true;
  } else return false;
  const path = stringValue(args[pathArg]);
  if (path === undefined || methods.length === 0) return true;
  const middleware = [...scope.middleware, ...middlewareOf(chain, 1, file)];
  const handler = name === 'redirect' ? undefined : handlerName(args[handlerArg]);
  for (const method of methods) {
    const fact: RouteFact = { kind: 'route', framework: FRAMEWORK, method, path: joinSlim(scope.prefix, path), location: loc(file.path, node) };
    if (handler) fact.handler = { name: handler };
    if (middleware.length > 0) fact.middleware = middleware;
    facts.push(fact);
  }
  return true;
}

function visitBlock(node: Node, scope: Scope, file: ParsedFile, facts: Fact[]): void {
  visitRouterChains(
    node,
    (chain) => !chain.isStatic && scope.vars.has(chain.root),
    (chain, call) => handleChain(chain, call, scope, file, facts),
  );
}

/** `$app` and parameters typed App / RouteCollectorProxy (`return function (App $app) {...}`). */
function appVars(root: Node): Set<string> {
  const vars = new Set(['$app']);
  walk(root, (node) => {
    if (node.type === 'simple_parameter' && APP_TYPES.test(fieldOf(node, 'type')?.text ?? '')) {
      const name = fieldOf(node, 'name')?.text;
      if (name) vars.add(name);
    }
    return true;
  });
  return vars;
}

export const slimRoutes: Extractor = {
  id: 'slim/routes',
  languages: ['php'],
  keywords: ['Slim\\'],
  extract(file) {
    const tree = treeOf(file);
    if (!tree || isPhpTestPath(file.path) || /(^|\/)vendor\//.test(file.path)) return [];
    const facts: Fact[] = [];
    const appMiddleware: MiddlewareRef[] = [];
    visitBlock(tree.rootNode, { prefix: '', middleware: [], vars: appVars(tree.rootNode), appMiddleware }, file, facts);
    if (appMiddleware.length > 0) {
      for (const fact of facts) if (fact.kind === 'route') fact.middleware = [...appMiddleware, ...(fact.middleware ?? [])];
    }
    return facts;
  },
};
