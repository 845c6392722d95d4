// Shared shape of PHP routers that are objects held in variables (`$routes->get(...)` in CodeIgniter,
// `$app->get(...)` in Slim / Mezzio, `$router->get(...)` in Lumen / Phalcon): walking statements in
// document order while following group closures, and path helpers.
import type { Node } from '../tree-sitter/ast.js';
import { namedChildren, walk } from '../tree-sitter/ast.js';
import { callChain, stringValue, type CallChain } from './ast.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const CALLS = new Set(['member_call_expression', 'nullsafe_member_call_expression', 'scoped_call_expression']);
const CLOSURES = new Set(['anonymous_function', 'anonymous_function_creation_expression', 'arrow_function']);

/** Joins URL pieces with single slashes and a leading '/'. */
export function joinUrl(...pieces: string[]): string {
  const parts = pieces.flatMap((p) => p.split('/')).filter(Boolean);
  return `/${parts.join('/')}`;
}

/** The body of a closure argument (`function ($r) { ... }`, `fn ($r) => ...`), with its parameter and `use` variable names. */
export function closureOf(node: Node | undefined): { body: Node; vars: Set<string> } | undefined {
  if (!node || !CLOSURES.has(node.type)) return undefined;
  const body = fieldOf(node, 'body');
  if (!body) return undefined;
  const vars = new Set<string>();
  for (const p of namedChildren(fieldOf(node, 'parameters'))) {
    const name = fieldOf(p, 'name')?.text;
    if (name) vars.add(name);
  }
  for (const child of namedChildren(node)) {
    if (child.type !== 'anonymous_function_use_clause') continue;
    for (const v of namedChildren(child)) {
      const name = v.type === 'variable_name' ? v.text : namedChildren(v).find((c) => c.type === 'variable_name')?.text;
      if (name) vars.add(name);
    }
  }
  return { body, vars };
}

/**
 * Visits, in document order, every call chain whose root is one of `vars` (a variable such as
 * `$routes`, or a static class such as `Route`); `onChain` returns true when it consumed the call
 * (the walker then does not descend into it: handler closures run per request). Closures passed to
 * other calls are entered, so routes inside `if` blocks and helper closures are seen.
 */
export function visitRouterChains(
  node: Node,
  isRouter: (chain: CallChain) => boolean,
  onChain: (chain: CallChain, node: Node) => boolean,
): void {
  if (CALLS.has(node.type)) {
    const chain = callChain(node);
    if (chain && isRouter(chain) && onChain(chain, node)) return;
  }
  for (const child of namedChildren(node)) visitRouterChains(child, isRouter, onChain);
}

/** `$name` variable text of a chain root, or the static class name. */
export function chainRootIs(chain: CallChain, vars: ReadonlySet<string>): boolean {
  return vars.has(chain.root);
}

/** Calls that read a form body: `$request->post('x')` (ThinkPHP, Yii, Laravel), `postMore`, `getBodyParam(s)`. */
const FORM_READERS = new Set(['post', 'postMore', 'getBodyParam', 'getBodyParams', 'getPost']);

/**
 * True when a controller action reads POST data (`$_POST`, `$request->post()`, `input('post.x')`):
 * frameworks that dispatch `/<controller>/<action>` for every verb are then reported with POST too.
 */
export function readsFormData(body: Node): boolean {
  let found = false;
  walk(body, (n) => {
    if (found) return false;
    if (n.type === 'variable_name' && n.text === '$_POST') found = true;
    else if (n.type === 'member_call_expression' || n.type === 'scoped_call_expression') {
      const name = fieldOf(n, 'name')?.text;
      if (name && FORM_READERS.has(name)) found = true;
    } else if (n.type === 'function_call_expression' && fieldOf(n, 'function')?.text === 'input') {
      const first = namedChildren(fieldOf(n, 'arguments'))[0];
      const key = first ? stringValue(first) : undefined;
      if (key?.startsWith('post.')) found = true;
    }
    return !found;
  });
  return found;
}
