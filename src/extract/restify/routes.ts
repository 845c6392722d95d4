// Restify: `restify.createServer()` servers and restify-router `new Router()` objects, verb calls
// (`server.get/post/put/patch/del/head/opts(path | { path | url, version }, ...handlers)`),
// `router.applyRoutes(server, prefix)` / `router.add(prefix, sub)` mounts and `server.use(mw)` middleware.
import type * as t from '@babel/types';
import type { Fact, HttpMethod, MiddlewareRef } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, memberPath, objectProperty, stringValue, walk, type Node } from '../javascript/ast.js';
import { middlewareRef } from '../javascript/middleware-roles.js';
import { frameworkOfPackage, isOtherServerImport, isTestFile } from '../express/frameworks.js';
import type { Extractor } from '../types.js';

const FRAMEWORK = 'restify';

const VERBS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', del: 'DELETE', delete: 'DELETE', head: 'HEAD', opts: 'OPTIONS',
};

const SERVER_PACKAGES = new Set(['restify', 'restify-router']);

/** Names a route-registering function commonly gives the server or router it is handed. */
const RECEIVER_NAME = /^(server|app|api|srv|router|routes)$|(Server|Router)$/;

interface Scope {
  /** Namespaces bound to require('restify') / import restify. */
  restify: Set<string>;
  /** Local names of restify.createServer. */
  createServer: Set<string>;
  /** Local names of restify-router's Router class (and `restifyRouter` namespaces, keyed 'ns:'). */
  routerClass: Set<string>;
  /** Names bound to a server or router in this file. */
  receivers: Set<string>;
}

function requireSource(node: Node | null | undefined): string | undefined {
  if (node?.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require') return undefined;
  const arg = node.arguments[0];
  return arg?.type === 'StringLiteral' ? arg.value : undefined;
}

/** Import / require bindings of restify and restify-router. */
function readImports(program: t.Program, scope: Scope): boolean {
  let found = false;
  const bind = (source: string, local: string, imported: string) => {
    if (!SERVER_PACKAGES.has(source)) return;
    found = true;
    if (source === 'restify') {
      if (imported === '*' || imported === 'default') scope.restify.add(local);
      else if (imported === 'createServer') scope.createServer.add(local);
    } else if (imported === 'Router') scope.routerClass.add(local);
    else if (imported === '*' || imported === 'default') scope.routerClass.add(`ns:${local}`);
  };
  walk(program, (node) => {
    if (node.type === 'ImportDeclaration') {
      for (const spec of node.specifiers) {
        const imported = spec.type === 'ImportSpecifier'
          ? (spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value)
          : spec.type === 'ImportDefaultSpecifier' ? 'default' : '*';
        bind(node.source.value, spec.local.name, imported);
      }
      return false;
    }
    if (node.type === 'VariableDeclarator') {
      const init = node.init as Node | null;
      // require('x'), require('x').Router
      let source = requireSource(init);
      let member: string | undefined;
      if (!source && init?.type === 'MemberExpression' && !init.computed && init.property.type === 'Identifier') {
        source = requireSource(init.object as Node);
        member = init.property.name;
      }
      if (!source) return undefined;
      if (node.id.type === 'Identifier') bind(source, node.id.name, member ?? 'default');
      else if (node.id.type === 'ObjectPattern' && !member) {
        for (const prop of node.id.properties) {
          if (prop.type !== 'ObjectProperty' || prop.key.type !== 'Identifier' || prop.value.type !== 'Identifier') continue;
          bind(source, prop.value.name, prop.key.name);
        }
      }
    }
    return undefined;
  });
  return found;
}

/** `restify.createServer(...)` / `createServer(...)` / `new Router()` / `new restifyRouter.Router()`. */
function creates(scope: Scope, node: Node | null | undefined): 'server' | 'router' | undefined {
  if (!node) return undefined;
  if (node.type === 'CallExpression') {
    const callee = memberPath(node.callee as Node);
    if (!callee) return undefined;
    if (callee.length === 2 && scope.restify.has(callee[0]!) && callee[1] === 'createServer') return 'server';
    if (callee.length === 1 && scope.createServer.has(callee[0]!)) return 'server';
  } else if (node.type === 'NewExpression') {
    const callee = memberPath(node.callee as Node);
    if (!callee) return undefined;
    if (callee.length === 1 && scope.routerClass.has(callee[0]!)) return 'router';
    if (callee.length === 2 && scope.routerClass.has(`ns:${callee[0]}`) && callee[1] === 'Router') return 'router';
  }
  return undefined;
}

/** The path of a route: a string, `{ path }` / `{ url }` options, or a regular expression literal. */
function routePath(node: Node | undefined): { path: string; isRegex?: boolean } | undefined {
  if (!node) return undefined;
  if (node.type === 'RegExpLiteral') return { path: `/${node.pattern}/${node.flags}`, isRegex: true };
  if (node.type === 'ObjectExpression') return routePath(objectProperty(node, 'path') ?? objectProperty(node, 'url'));
  const value = stringValue(node);
  return value !== undefined && value.startsWith('/') ? { path: value } : undefined;
}

function handlerName(node: Node): string {
  return memberPath(node)?.join('.') ?? (node.type === 'FunctionExpression' && node.id ? node.id.name : '<anonymous>');
}

function middlewareOf(file: ParsedFile, node: Node): MiddlewareRef | undefined {
  if (node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') return undefined;
  const target = node.type === 'CallExpression' ? (node.callee as Node) : node;
  const name = memberPath(target)?.join('.');
  return name ? middlewareRef(name, loc(file.path, node)) : undefined;
}

function isReceiver(scope: Scope, name: string): boolean {
  return scope.receivers.has(name) || RECEIVER_NAME.test(name);
}

function callFacts(file: ParsedFile, scope: Scope, call: t.CallExpression, facts: Fact[]): void {
  const callee = call.callee as Node;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return;
  const object = memberPath(callee.object as Node);
  if (!object) return;
  const method = callee.property.name;
  const args = call.arguments as Node[];
  const self = { file: file.path, path: object };
  const receiverName = object.join('.');
  if (method === 'applyRoutes') {
    // router.applyRoutes(server, '/prefix')
    const parent = memberPath(args[0]);
    if (!parent) return;
    const prefix = args[1] ? stringValue(args[1]) : '';
    if (prefix === undefined) return;
    facts.push({ kind: 'mount', framework: FRAMEWORK, parent: { file: file.path, path: parent }, child: self, prefix, location: loc(file.path, call) });
    return;
  }
  if (!isReceiver(scope, object[object.length - 1]!) && !scope.receivers.has(receiverName)) return;
  if (method === 'add' && args.length === 2) {
    // router.add('/prefix', subRouter)
    const prefix = stringValue(args[0]);
    const child = memberPath(args[1]);
    if (prefix !== undefined && child) facts.push({ kind: 'mount', framework: FRAMEWORK, parent: self, child: { file: file.path, path: child }, prefix, location: loc(file.path, call) });
    return;
  }
  if (method === 'use' || method === 'pre') {
    for (const arg of args) {
      const middleware = middlewareOf(file, arg);
      if (middleware) facts.push({ kind: 'router-middleware', framework: FRAMEWORK, router: self, middleware, pathPrefix: '', location: loc(file.path, call) });
    }
    return;
  }
  const verb = VERBS[method];
  if (!verb || args.length < 2) return;
  const spec = routePath(args[0]);
  if (!spec) return;
  const handlers = args.slice(1);
  const middleware = handlers.slice(0, -1).map((h) => middlewareOf(file, h)).filter((m): m is MiddlewareRef => !!m);
  facts.push({
    kind: 'route', framework: FRAMEWORK, method: verb, path: spec.path, router: self, location: loc(file.path, call),
    handler: { name: handlerName(handlers[handlers.length - 1]!) },
    ...(spec.isRegex ? { isRegex: true } : {}),
    ...(middleware.length ? { middleware } : {}),
  });
}

/** Restify-only verbs: Express, Koa and the others name these `delete` and `options`. */
const RESTIFY_VERBS = new Set(['del', 'opts']);

/**
 * A route module that never imports restify (`module.exports = (server) => { server.del(...) }`):
 * it imports no other server framework and calls a restify-only verb on a server-like name.
 */
function isRouteModule(program: t.Program): boolean {
  let otherServer = false;
  let restifyVerb = false;
  walk(program, (node) => {
    if (otherServer) return false;
    if (node.type === 'ImportDeclaration') {
      if (isOtherServer(node.source.value)) otherServer = true;
      return false;
    }
    if (node.type !== 'CallExpression') return undefined;
    const source = requireSource(node);
    if (source !== undefined) {
      if (isOtherServer(source)) otherServer = true;
      return undefined;
    }
    const callee = node.callee as Node;
    if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && RESTIFY_VERBS.has(callee.property.name)
      && callee.object.type === 'Identifier' && RECEIVER_NAME.test(callee.object.name) && routePath(node.arguments[0] as Node | undefined)) {
      restifyVerb = true;
    }
    return undefined;
  });
  return restifyVerb && !otherServer;
}

function isOtherServer(source: string): boolean {
  return !SERVER_PACKAGES.has(source) && (frameworkOfPackage(source) !== undefined || isOtherServerImport(source));
}

export function extractRestifyRoutes(file: ParsedFile): Fact[] {
  if (file.tree.kind !== 'babel') return [];
  const program = file.tree.ast.program;
  if (isTestFile(file.path)) return [];
  const scope: Scope = { restify: new Set(), createServer: new Set(), routerClass: new Set(), receivers: new Set() };
  if (!readImports(program, scope) && !isRouteModule(program)) return [];
  const facts: Fact[] = [];
  // Creations first, so receivers declared after a use in source order are still known.
  walk(program, (node) => {
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier') {
      const kind = creates(scope, node.init as Node | null);
      if (kind) {
        scope.receivers.add(node.id.name);
        facts.push({ kind: 'router', framework: FRAMEWORK, ref: { file: file.path, path: [node.id.name] }, location: loc(file.path, node), ...(kind === 'server' ? { isApp: true } : {}) });
      }
    } else if (node.type === 'AssignmentExpression') {
      const target = memberPath(node.left as Node);
      if (target && creates(scope, node.right as Node)) scope.receivers.add(target.join('.'));
    }
    return undefined;
  });
  walk(program, (node) => {
    if (node.type === 'CallExpression') callFacts(file, scope, node, facts);
    return undefined;
  });
  return facts;
}

export const restifyRoutes: Extractor = {
  id: 'restify/routes',
  languages: ['javascript', 'typescript'],
  keywords: ['restify', '.del(', '.opts('],
  extract: extractRestifyRoutes,
};
