// AdonisJS routes (start/routes.ts): the router from `@adonisjs/core/services/router` (v6),
// `@ioc:Adonis/Core/Route` (v5) or `use('Route')` (v4), and its calls:
//   router.get/post/put/patch/delete(pattern, handler), router.any(pattern) (every method),
//   router.route(pattern, ['GET', 'POST'], handler), router.on(pattern).render|redirect (GET),
//   router.resource('posts' | 'posts.comments', Controller) [.apiOnly() / .only([...]) / .except([...])],
//   router.shallowResource(...), and router.group(() => { ... }).prefix('/api').middleware(...) nesting.
// Routes are resolved in-file: group prefixes are joined here (routes carry no router ref).
import type * as t from '@babel/types';
import type { Fact, HttpMethod, MiddlewareRef } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { isTestFile } from '../express/frameworks.js';
import { loc, memberPath, stringValue, walk, type Node } from '../javascript/ast.js';
import { middlewareRef } from '../javascript/middleware-roles.js';
import type { Extractor } from '../types.js';

const FRAMEWORK = 'adonisjs';

const ROUTER_SOURCES = new Set(['@adonisjs/core/services/router', '@ioc:Adonis/Core/Route']);

const VERBS: Record<string, HttpMethod> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE' };

const KNOWN_METHODS = new Set<HttpMethod>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT']);

type Action = 'index' | 'create' | 'store' | 'show' | 'edit' | 'update' | 'destroy';
const ACTIONS: Action[] = ['index', 'create', 'store', 'show', 'edit', 'update', 'destroy'];

/** Joins a prefix and a pattern the way AdonisJS does: single slashes, '/' under a prefix is the prefix. */
export function joinAdonis(prefix: string, pattern: string): string {
  const a = prefix.replace(/^\/+|\/+$/g, '');
  const b = pattern.replace(/^\/+|\/+$/g, '');
  const joined = [a, b].filter(Boolean).join('/');
  return `/${joined}`;
}

/** Names bound to the AdonisJS router in this file. */
function routerNames(program: t.Program): Set<string> {
  const names = new Set<string>();
  for (const stmt of program.body) {
    if (stmt.type === 'ImportDeclaration' && ROUTER_SOURCES.has(stmt.source.value)) {
      for (const spec of stmt.specifiers) if (spec.type === 'ImportDefaultSpecifier') names.add(spec.local.name);
    } else if (stmt.type === 'VariableDeclaration') {
      for (const decl of stmt.declarations) {
        const init = decl.init as Node | null | undefined;
        if (decl.id.type !== 'Identifier' || init?.type !== 'CallExpression') continue;
        // v4: const Route = use('Route'); require('@adonisjs/core/services/router')
        const callee = init.callee;
        const arg = stringValue(init.arguments[0] as Node | undefined);
        if (callee.type === 'Identifier' && ((callee.name === 'use' && arg === 'Route') || (callee.name === 'require' && arg !== undefined && ROUTER_SOURCES.has(arg)))) {
          names.add(decl.id.name);
        }
      }
    }
  }
  return names;
}

/** The chained calls on top of `call` (`call.prefix('/x').middleware('auth')`), innermost first. */
function chainAbove(call: Node, ancestors: readonly Node[], start: number): { name: string; args: Node[] }[] {
  const out: { name: string; args: Node[] }[] = [];
  let current = call;
  for (let i = start; i >= 1; i -= 2) {
    const member = ancestors[i];
    const outer = ancestors[i - 1];
    if (member?.type !== 'MemberExpression' || member.object !== current || member.computed || member.property.type !== 'Identifier') break;
    if (outer?.type !== 'CallExpression' || outer.callee !== member) break;
    out.push({ name: member.property.name, args: outer.arguments as Node[] });
    current = outer;
  }
  return out;
}

function middlewareNames(file: ParsedFile, args: Node[]): MiddlewareRef[] {
  const out: MiddlewareRef[] = [];
  const add = (node: Node) => {
    const str = stringValue(node);
    const name = str ?? memberPath(node.type === 'CallExpression' ? (node.callee as Node) : node)?.join('.');
    if (name) out.push(middlewareRef(name, loc(file.path, node)));
  };
  for (const arg of args) {
    if (arg.type === 'ArrayExpression') for (const el of arg.elements) { if (el && el.type !== 'SpreadElement') add(el as Node); }
    else add(arg);
  }
  return out;
}

function stringArray(node: Node | undefined): string[] | undefined {
  if (node?.type === 'ArrayExpression') {
    const out: string[] = [];
    for (const el of node.elements) {
      const value = stringValue(el as Node | null);
      if (value === undefined) return undefined;
      out.push(value);
    }
    return out;
  }
  const single = stringValue(node);
  return single === undefined ? undefined : [single];
}

function handlerName(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const str = stringValue(node);
  if (str !== undefined) return str;
  if (node.type === 'ArrayExpression') {
    const [ctrl, action] = node.elements as (Node | null)[];
    const c = ctrl ? memberPath(ctrl)?.join('.') : undefined;
    const a = stringValue(action);
    return c ? (a ? `${c}.${a}` : c) : undefined;
  }
  return memberPath(node)?.join('.');
}

interface Group {
  prefix: string;
  middleware: MiddlewareRef[];
}

/** Prefix and middleware of the groups around a call (outermost first), from its ancestors. */
function enclosingGroups(file: ParsedFile, names: Set<string>, ancestors: readonly Node[]): Group {
  const prefixes: string[] = [];
  const middleware: MiddlewareRef[] = [];
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const node = ancestors[i]!;
    if (node.type !== 'CallExpression') continue;
    const callee = node.callee as Node;
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || callee.property.name !== 'group') continue;
    const object = memberPath(callee.object as Node);
    if (!object || object.length !== 1 || !names.has(object[0]!)) continue;
    // Only when we are inside the group's callback.
    const fn = node.arguments[0] as Node | undefined;
    if (!fn || ancestors[i + 1] !== fn) continue;
    let prefix = '';
    for (const link of chainAbove(node, ancestors, i - 1)) {
      if (link.name === 'prefix') {
        const value = stringValue(link.args[0]);
        if (value !== undefined) prefix = joinAdonis(value, prefix);
      } else if (link.name === 'middleware' || link.name === 'use') {
        middleware.push(...middlewareNames(file, link.args));
      }
    }
    prefixes.push(prefix);
  }
  // Collected innermost first.
  let prefix = '';
  for (const p of prefixes) prefix = joinAdonis(p, prefix);
  return { prefix: prefixes.length ? prefix : '', middleware };
}

function resourceRoutes(resource: string, shallow: boolean, chain: { name: string; args: Node[] }[]): { action: Action; methods: HttpMethod[]; path: string }[] {
  const parts = resource.replace(/^\/+|\/+$/g, '').split('.');
  const main = parts.pop()!;
  const params: Record<string, string> = {};
  let enabled = new Set<Action>(ACTIONS);
  for (const link of chain) {
    if (link.name === 'apiOnly') { enabled.delete('create'); enabled.delete('edit'); }
    else if (link.name === 'only') { const names = stringArray(link.args[0]); if (names) enabled = new Set([...enabled].filter((a) => names.includes(a))); }
    else if (link.name === 'except') { const names = stringArray(link.args[0]); if (names) for (const n of names) enabled.delete(n as Action); }
    else if (link.name === 'params' && link.args[0]?.type === 'ObjectExpression') {
      for (const prop of link.args[0].properties) {
        if (prop.type !== 'ObjectProperty') continue;
        const key = prop.key.type === 'Identifier' ? prop.key.name : stringValue(prop.key as Node);
        const value = stringValue(prop.value as Node);
        if (key && value) params[key] = value;
      }
    }
  }
  const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/-/g, '_').toLowerCase();
  const singular = (s: string) => (s.endsWith('ies') ? `${s.slice(0, -3)}y` : s.endsWith('s') && !s.endsWith('ss') ? s.slice(0, -1) : s);
  const base = [...parts.map((p) => `${p}/:${params[p] ?? `${snake(singular(p))}_id`}`), main].join('/');
  const member = `${shallow ? main : base}/:${params[main] ?? 'id'}`;
  const all: { action: Action; methods: HttpMethod[]; path: string }[] = [
    { action: 'index', methods: ['GET'], path: base },
    { action: 'create', methods: ['GET'], path: `${base}/create` },
    { action: 'store', methods: ['POST'], path: base },
    { action: 'show', methods: ['GET'], path: member },
    { action: 'edit', methods: ['GET'], path: `${member}/edit` },
    { action: 'update', methods: ['PUT', 'PATCH'], path: member },
    { action: 'destroy', methods: ['DELETE'], path: member },
  ];
  return all.filter((r) => enabled.has(r.action));
}

export function extractAdonisRoutes(file: ParsedFile): Fact[] {
  if (file.tree.kind !== 'babel' || isTestFile(file.path)) return [];
  const program = file.tree.ast.program;
  const names = routerNames(program);
  if (names.size === 0) return [];
  const facts: Fact[] = [];
  walk(program, (node, ancestors) => {
    if (node.type !== 'CallExpression') return undefined;
    const callee = node.callee as Node;
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return undefined;
    const object = memberPath(callee.object as Node);
    if (!object || object.length !== 1 || !names.has(object[0]!)) return undefined;
    const method = callee.property.name;
    const args = node.arguments as Node[];
    const at = loc(file.path, node);
    const chain = chainAbove(node, ancestors, ancestors.length - 1);
    const emit = (methods: HttpMethod[], pattern: string, handler: string | undefined, generated = false) => {
      const group = enclosingGroups(file, names, ancestors);
      let path = joinAdonis(group.prefix, pattern);
      const middleware = [...group.middleware];
      for (const link of chain) {
        if (link.name === 'prefix') { const p = stringValue(link.args[0]); if (p !== undefined) path = joinAdonis(p, path); }
        else if (link.name === 'middleware' || link.name === 'use') middleware.push(...middlewareNames(file, link.args));
      }
      for (const m of methods) {
        facts.push({
          kind: 'route', framework: FRAMEWORK, method: m, path, location: at,
          ...(handler ? { handler: { name: handler } } : {}),
          ...(middleware.length ? { middleware } : {}),
          ...(generated ? { origin: 'generated' as const } : {}),
        });
      }
    };
    const verb = VERBS[method];
    if (verb || method === 'any') {
      const pattern = stringValue(args[0]);
      if (pattern !== undefined) emit([verb ?? 'ANY'], pattern, handlerName(args[1]));
    } else if (method === 'route') {
      const pattern = stringValue(args[0]);
      const methods = stringArray(args[1])?.map((m) => m.toUpperCase() as HttpMethod).filter((m) => KNOWN_METHODS.has(m));
      if (pattern !== undefined && methods?.length) emit(methods, pattern, handlerName(args[2]));
    } else if (method === 'on') {
      // router.on('/about').render('pages/about') / .redirect(...) / .redirectToPath(...)
      const pattern = stringValue(args[0]);
      if (pattern !== undefined && chain.length > 0 && /^(render|redirect|redirectToPath|redirectToRoute)$/.test(chain[0]!.name)) {
        emit(['GET'], pattern, undefined);
      }
    } else if (method === 'resource' || method === 'shallowResource') {
      const resource = stringValue(args[0]);
      if (resource === undefined || resource === '') return undefined;
      const controller = handlerName(args[1]);
      for (const r of resourceRoutes(resource, method === 'shallowResource', chain)) {
        emit(r.methods, r.path, controller ? `${controller}.${r.action}` : r.action, true);
      }
    }
    return undefined;
  });
  return facts;
}

export const adonisRoutes: Extractor = {
  id: 'adonisjs/routes',
  languages: ['javascript', 'typescript'],
  keywords: ['@adonisjs/core/services/router', '@ioc:Adonis/Core/Route', "use('Route')", 'use("Route")'],
  extract: extractAdonisRoutes,
};
