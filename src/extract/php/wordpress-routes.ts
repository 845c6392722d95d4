// WordPress endpoints:
// - REST routes: `register_rest_route('ns/v1', '/books/(?P<id>\d+)', ['methods' => ..., 'callback' => ...])`
//   (one endpoint array or a list of them) at `/wp-json/<ns><route>`; methods as strings, lists or
//   WP_REST_Server constants (READABLE, CREATABLE, EDITABLE, DELETABLE, ALLMETHODS); a namespace read
//   from `$this->namespace` is resolved from the enclosing class's property default, else skipped.
//   A `permission_callback` other than `__return_true` is recorded as an auth guard.
// - AJAX and admin-post hooks: `add_action('wp_ajax_<a>')` / `wp_ajax_nopriv_<a>` at
//   `/wp-admin/admin-ajax.php?action=<a>`, `admin_post_<a>` / `admin_post_nopriv_<a>` at
//   `/wp-admin/admin-post.php?action=<a>` (GET and POST; without a nopriv hook only logged-in users).
import type { Fact, HttpMethod, MiddlewareRef, RouteFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { ancestor, descendants, loc, namedChildren, treeOf, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { arrayEntries, arrayValue, callArgs, classConstant, stringList, stringValue } from './ast.js';
import { isPhpTestPath, toMethod } from './methods.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'wordpress';
const REST_CONSTANTS: Record<string, HttpMethod[]> = {
  READABLE: ['GET'], CREATABLE: ['POST'], EDITABLE: ['POST', 'PUT', 'PATCH'], DELETABLE: ['DELETE'],
  ALLMETHODS: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
};

/** Index of the ')' closing the '(' at `open` (escapes skipped); -1 when unbalanced. */
function closeParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') { i++; continue; }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** '/books/(?P<id>\d+)' -> '/books/{id}'; optional `(?:/(?P<id>\d+))?` groups are shown in full. */
export function wordpressPath(route: string): string {
  let out = '';
  for (let i = 0; i < route.length; i++) {
    const c = route[i]!;
    if (c === '^' || c === '$') continue;
    if (c === '(' && (route.startsWith('(?P<', i) || route.startsWith('(?<', i))) {
      const nameStart = route.indexOf('<', i) + 1;
      const nameEnd = route.indexOf('>', nameStart);
      const end = closeParen(route, i);
      if (nameEnd > 0 && end > 0) {
        out += `{${route.slice(nameStart, nameEnd)}}`;
        i = end + (route[end + 1] === '?' ? 1 : 0);
        continue;
      }
    }
    if (c === '(' && route.startsWith('(?:', i)) {
      const end = closeParen(route, i);
      if (end > 0) {
        out += wordpressPath(route.slice(i + 3, end));
        i = end + (route[end + 1] === '?' ? 1 : 0);
        continue;
      }
    }
    out += c;
  }
  return out;
}

function methodsOf(node: Node | undefined): HttpMethod[] {
  if (!node) return ['GET'];
  const constant = classConstant(node);
  if (constant) return REST_CONSTANTS[constant[1]] ?? [];
  const out: HttpMethod[] = [];
  const items = arrayEntries(node) ? arrayEntries(node)!.map((e) => e.value) : [node];
  for (const item of items) {
    const c = classConstant(item);
    if (c) out.push(...(REST_CONSTANTS[c[1]] ?? []));
    else for (const s of stringList(item).flatMap((v) => v.split(','))) {
      const m = toMethod(s);
      if (m) out.push(m);
    }
  }
  return [...new Set(out)];
}

/** `$this->namespace` resolved from the enclosing class: `protected $namespace = 'myplugin/v1';`. */
function thisProperty(node: Node, property: string): string | undefined {
  const cls = ancestor(node, ['class_declaration']);
  if (!cls) return undefined;
  for (const decl of descendants(cls, ['property_element'])) {
    const name = namedChildren(decl)[0]?.text;
    if (name !== `$${property}`) continue;
    const init = namedChildren(decl)[1];
    const value = init?.type === 'property_initializer' ? namedChildren(init)[0] : init;
    return stringValue(value);
  }
  return undefined;
}

function stringOrThis(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const s = stringValue(node);
  if (s !== undefined) return s;
  if (node.type === 'member_access_expression' && fieldOf(node, 'object')?.text === '$this') {
    const prop = fieldOf(node, 'name')?.text;
    return prop ? thisProperty(node, prop) : undefined;
  }
  if (node.type === 'binary_expression' && fieldOf(node, 'operator')?.text === '.') {
    const l = stringOrThis(fieldOf(node, 'left') ?? undefined);
    const r = stringOrThis(fieldOf(node, 'right') ?? undefined);
    return l !== undefined && r !== undefined ? l + r : undefined;
  }
  return undefined;
}

function callbackName(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const s = stringValue(node);
  if (s !== undefined) return s;
  const entries = arrayEntries(node);
  if (entries?.length === 2) {
    const m = stringValue(entries[1]!.value);
    if (m) return `${entries[0]!.value.text}::${m}`;
  }
  return undefined;
}

function restRoute(call: Node, file: ParsedFile, facts: Fact[]): void {
  const { positional } = callArgs(fieldOf(call, 'arguments'));
  const ns = stringOrThis(positional[0]);
  const route = stringOrThis(positional[1]);
  if (ns === undefined || route === undefined) return;
  const path = `/wp-json/${ns.replace(/^\/+|\/+$/g, '')}${wordpressPath(route.startsWith('/') ? route : `/${route}`)}`;
  const spec = positional[2];
  const entries = arrayEntries(spec) ?? [];
  // A list of endpoint arrays, or one endpoint array.
  const endpoints = entries.length > 0 && entries.every((e) => !e.key && e.value.type === 'array_creation_expression')
    ? entries.map((e) => e.value) : spec ? [spec] : [];
  for (const endpoint of endpoints) {
    const permission = arrayValue(endpoint, 'permission_callback');
    const middleware: MiddlewareRef[] = [];
    if (permission && stringValue(permission) !== '__return_true') {
      middleware.push({ name: `permission_callback: ${(callbackName(permission) ?? 'closure').slice(0, 80)}`, role: 'auth', location: loc(file.path, permission) });
    }
    const handler = callbackName(arrayValue(endpoint, 'callback'));
    for (const method of methodsOf(arrayValue(endpoint, 'methods'))) {
      const fact: RouteFact = { kind: 'route', framework: FRAMEWORK, method, path, location: loc(file.path, call) };
      if (handler) fact.handler = { name: handler };
      if (middleware.length > 0) fact.middleware = middleware;
      facts.push(fact);
    }
  }
}

const HOOKS: [RegExp, string][] = [
  [/^wp_ajax_(nopriv_)?(.+)$/, '/wp-admin/admin-ajax.php'],
  [/^admin_post_(nopriv_)?(.+)$/, '/wp-admin/admin-post.php'],
];

interface Hook { path: string; public: boolean; node: Node; handler?: string }

function hookOf(call: Node): { key: string; hook: Hook } | undefined {
  const { positional } = callArgs(fieldOf(call, 'arguments'));
  const name = stringValue(positional[0]);
  if (!name) return undefined;
  for (const [re, script] of HOOKS) {
    const m = re.exec(name);
    if (!m) continue;
    const path = `${script}?action=${m[2]}`;
    const hook: Hook = { path, public: !!m[1], node: call };
    const handler = callbackName(positional[1]);
    if (handler) hook.handler = handler;
    return { key: path, hook };
  }
  return undefined;
}

export const wordpressRoutes: Extractor = {
  id: 'wordpress/routes',
  languages: ['php'],
  keywords: ['register_rest_route', 'wp_ajax_', 'admin_post_'],
  extract(file) {
    const tree = treeOf(file);
    if (!tree || isPhpTestPath(file.path) || /(^|\/)vendor\//.test(file.path)) return [];
    const facts: Fact[] = [];
    const hooks = new Map<string, Hook>();
    for (const call of descendants(tree.rootNode, ['function_call_expression'])) {
      const fn = fieldOf(call, 'function')?.text.replace(/^\\/, '');
      if (fn === 'register_rest_route') restRoute(call, file, facts);
      else if (fn === 'add_action') {
        const found = hookOf(call);
        if (!found) continue;
        const prev = hooks.get(found.key);
        if (!prev) hooks.set(found.key, found.hook);
        else if (found.hook.public) prev.public = true;
      }
    }
    for (const hook of hooks.values()) {
      const location = loc(file.path, hook.node);
      for (const method of ['GET', 'POST'] as const) {
        const fact: RouteFact = { kind: 'route', framework: FRAMEWORK, method, path: hook.path, location };
        if (hook.handler) fact.handler = { name: hook.handler };
        if (!hook.public) fact.middleware = [{ name: 'logged-in user (wp_ajax/admin_post hook)', role: 'auth', location }];
        facts.push(fact);
      }
    }
    return facts;
  },
};
