// Prefixes Laravel puts on whole route files: RouteServiceProvider
// (`Route::prefix('api')->middleware('api')->group(base_path('routes/api.php'))`) and Laravel 11
// bootstrap/app.php (`->withRouting(api: __DIR__.'/../routes/api.php', apiPrefix: 'x')`), and the
// health-check route `withRouting(health: '/up')` registers.
// routes/api.php gets 'api' from the routes extractor (the framework default), so here an 'api'
// prefix on that file adds nothing and 'api/v1' adds 'v1'.
import type { Fact, GlobalPrefixFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { descendants, loc, namedChildren, treeOf, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { arrayValue, callChain, stringTail, stringValue } from './ast.js';
import { isPhpTestPath } from './methods.js';
import { dirOf, isDefaultApiRouteFile, laravelRootOf, normalizeRelPath } from './paths.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'laravel';
const CALLS = ['member_call_expression', 'scoped_call_expression', 'nullsafe_member_call_expression'];
const INCLUDES = ['require_expression', 'require_once_expression', 'include_expression', 'include_once_expression'];

/** The repo-relative route file named by `base_path('routes/x.php')`, `__DIR__.'/../routes/x.php'` or a string. */
export function routeFileOf(node: Node | undefined, file: string): string | undefined {
  if (!node) return undefined;
  if (node.type === 'function_call_expression') {
    const fn = fieldOf(node, 'function')?.text;
    const arg = namedChildren(fieldOf(node, 'arguments')).find((a) => a.type === 'argument');
    const value = arg ? stringValue(arg) : undefined;
    if (fn !== 'base_path' || value === undefined) return undefined;
    const root = laravelRootOf(file);
    return root === undefined ? undefined : normalizeRelPath(`${root}/${value}`);
  }
  if (node.type === 'binary_expression') {
    const left = fieldOf(node, 'left')?.text;
    const tail = stringTail(node);
    if (left !== '__DIR__' || tail === undefined) return undefined;
    return normalizeRelPath(`${dirOf(file)}/${tail}`);
  }
  const value = stringValue(node);
  if (value !== undefined && value.endsWith('.php')) {
    const root = laravelRootOf(file);
    return root === undefined ? undefined : normalizeRelPath(`${root}/${value}`);
  }
  return undefined;
}

function prefixFact(file: ParsedFile, node: Node, routeFile: string, rawPrefix: string): GlobalPrefixFact | undefined {
  let prefix = rawPrefix.replace(/^\/+|\/+$/g, '');
  if (isDefaultApiRouteFile(routeFile)) {
    if (prefix === 'api') return undefined;
    if (!prefix.startsWith('api/')) return undefined; // cannot take the default back off (known gap)
    prefix = prefix.slice(4);
  }
  if (!prefix) return undefined;
  return { kind: 'global-prefix', framework: FRAMEWORK, prefix, files: [routeFile], location: loc(file.path, node) };
}

/** Route files required inside a group closure (Laravel 5.3: `function ($router) { require base_path(...); }`). */
function requiredFiles(closure: Node | undefined, file: string): string[] {
  if (!closure || (closure.type !== 'anonymous_function' && closure.type !== 'arrow_function')) return [];
  return descendants(closure, INCLUDES)
    .map((inc) => routeFileOf(namedChildren(inc)[0], file))
    .filter((f): f is string => f !== undefined);
}

function fromGroupChains(file: ParsedFile, root: Node, facts: Fact[]): void {
  for (const node of descendants(root, CALLS)) {
    const parent = node.parent;
    if (parent && CALLS.includes(parent.type) && fieldOf(parent, 'object')?.id === node.id) continue;
    const chain = callChain(node);
    if (!chain) continue;
    let prefix = '';
    for (const link of chain.links) {
      const args = link.args.positional;
      if (link.name === 'prefix') prefix = `${prefix}/${stringValue(args[0]) ?? ''}`;
      if (link.name !== 'group' && link.name !== 'loadRoutesFrom') continue;
      const hasAttrs = args[0]?.type === 'array_creation_expression';
      const attrPrefix = hasAttrs ? stringValue(arrayValue(args[0], 'prefix')) ?? '' : '';
      const target = hasAttrs ? args[1] : args[0];
      const direct = routeFileOf(target, file.path);
      const routeFiles = direct ? [direct] : requiredFiles(target, file.path);
      for (const routeFile of routeFiles) {
        const fact = prefixFact(file, node, routeFile, `${prefix}/${attrPrefix}`.replace(/\/{2,}/g, '/'));
        if (fact) facts.push(fact);
      }
    }
  }
}

function fromWithRouting(file: ParsedFile, root: Node, facts: Fact[]): void {
  for (const node of descendants(root, ['member_call_expression'])) {
    if (fieldOf(node, 'name')?.text !== 'withRouting') continue;
    const chain = callChain(node);
    const link = chain?.links[chain.links.length - 1];
    if (!link) continue;
    // `health: '/up'`: the framework registers its health-check route there (GET).
    const health = stringValue(link.args.named.get('health'));
    if (health) {
      facts.push({
        kind: 'route', framework: FRAMEWORK, method: 'GET', path: health.startsWith('/') ? health : `/${health}`,
        origin: 'generated', handler: { name: 'health' }, location: loc(file.path, node),
      });
    }
    const apiFile = routeFileOf(link.args.named.get('api'), file.path);
    const apiPrefix = stringValue(link.args.named.get('apiPrefix'));
    if (apiFile && apiPrefix !== undefined) {
      const fact = prefixFact(file, node, apiFile, apiPrefix);
      if (fact) facts.push(fact);
    }
  }
}

export const laravelPrefixes: Extractor = {
  id: 'laravel/route-file-prefixes',
  languages: ['php'],
  keywords: ['routes/'],
  extract(file) {
    const tree = treeOf(file);
    if (!tree || isPhpTestPath(file.path)) return [];
    const facts: Fact[] = [];
    fromGroupChains(file, tree.rootNode, facts);
    fromWithRouting(file, tree.rootNode, facts);
    return facts;
  },
};
