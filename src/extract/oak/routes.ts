// Oak (Deno / npm @oak/oak): `new Application()` apps and `new Router({ prefix })` routers imported from
// `@oak/oak`, `jsr:@oak/oak`, `npm:@oakserver/oak`, `https://deno.land/x/oak@v12/mod.ts` or an import-map
// `oak`; verb calls `router.get/post/put/patch/delete/head/options/all([name,] path, ...middleware, handler)`,
// chained (`router.get(...).post(...)`); mounts `app.use(router.routes())` and
// `router.use('/api', sub.routes(), sub.allowedMethods())`; other `use(mw)` calls are middleware.
import type * as t from '@babel/types';
import type { Fact, HttpMethod, MiddlewareRef } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { isTestFile } from '../express/frameworks.js';
import { loc, memberPath, objectProperty, stringValue, walk, type Node } from '../javascript/ast.js';
import { middlewareRef } from '../javascript/middleware-roles.js';
import type { Extractor } from '../types.js';

const FRAMEWORK = 'oak';

const VERBS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD', options: 'OPTIONS', all: 'ANY',
};

/** Import sources of oak. */
export function isOakSource(source: string): boolean {
  if (/^(jsr:|npm:)?@oak\/oak(@[^/]*)?(\/.*)?$/.test(source)) return true;
  if (/^(npm:)?@oakserver\/oak(@[^/]*)?(\/.*)?$/.test(source)) return true;
  if (source === 'oak' || source.startsWith('oak/')) return true;
  return /^https?:\/\/deno\.land\/x\/oak(@[^/]*)?\//.test(source);
}

interface Scope {
  routerClass: Set<string>;
  appClass: Set<string>;
  namespaces: Set<string>;
  receivers: Set<string>;
}

function readImports(program: t.Program, scope: Scope): boolean {
  let found = false;
  for (const stmt of program.body) {
    if (stmt.type !== 'ImportDeclaration' || !isOakSource(stmt.source.value)) continue;
    found = true;
    for (const spec of stmt.specifiers) {
      if (spec.type === 'ImportNamespaceSpecifier') scope.namespaces.add(spec.local.name);
      else if (spec.type === 'ImportSpecifier') {
        const imported = spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value;
        if (imported === 'Router') scope.routerClass.add(spec.local.name);
        else if (imported === 'Application') scope.appClass.add(spec.local.name);
      }
    }
  }
  return found;
}

function created(scope: Scope, node: Node | null | undefined): { kind: 'app' | 'router'; prefix?: string } | undefined {
  if (node?.type !== 'NewExpression') return undefined;
  const callee = memberPath(node.callee as Node);
  if (!callee) return undefined;
  const name = callee.length === 1 ? callee[0]! : callee.length === 2 && scope.namespaces.has(callee[0]!) ? callee[1]! : undefined;
  if (!name) return undefined;
  const isRouter = callee.length === 1 ? scope.routerClass.has(name) : name === 'Router';
  const isApp = callee.length === 1 ? scope.appClass.has(name) : name === 'Application';
  if (isApp) return { kind: 'app' };
  if (!isRouter) return undefined;
  const prefix = stringValue(objectProperty(node.arguments[0] as Node | undefined, 'prefix'));
  return prefix !== undefined ? { kind: 'router', prefix } : { kind: 'router' };
}

/** The receiver at the root of a verb chain: `router` in `router.get(...).post(...)`. */
function chainRoot(node: Node): string[] | undefined {
  let current = node;
  while (current.type === 'CallExpression' && current.callee.type === 'MemberExpression') {
    const callee = current.callee;
    if (callee.computed || callee.property.type !== 'Identifier' || !(callee.property.name in VERBS || callee.property.name === 'use')) break;
    current = callee.object as Node;
  }
  return memberPath(current);
}

/** `x.routes()` -> ['x']. */
function routesOf(node: Node | undefined): string[] | undefined {
  if (node?.type !== 'CallExpression' || node.arguments.length > 0) return undefined;
  const callee = node.callee as Node;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || callee.property.name !== 'routes') return undefined;
  return memberPath(callee.object as Node);
}

function isAllowedMethods(node: Node): boolean {
  return node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && !node.callee.computed
    && node.callee.property.type === 'Identifier' && node.callee.property.name === 'allowedMethods';
}

function middlewareOf(file: ParsedFile, node: Node): MiddlewareRef | undefined {
  if (node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression' || isAllowedMethods(node)) return undefined;
  const name = memberPath(node.type === 'CallExpression' ? (node.callee as Node) : node)?.join('.');
  return name ? middlewareRef(name, loc(file.path, node)) : undefined;
}

function handlerName(node: Node | undefined): string {
  if (!node) return '<anonymous>';
  return memberPath(node)?.join('.') ?? (node.type === 'FunctionExpression' && node.id ? node.id.name : '<anonymous>');
}

export function extractOakRoutes(file: ParsedFile): Fact[] {
  if (file.tree.kind !== 'babel' || isTestFile(file.path)) return [];
  const program = file.tree.ast.program;
  const scope: Scope = { routerClass: new Set(), appClass: new Set(), namespaces: new Set(), receivers: new Set() };
  if (!readImports(program, scope)) return [];
  const facts: Fact[] = [];
  // Receivers: variables created here, and parameters typed with oak's Router / Application.
  walk(program, (node) => {
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier') {
      const made = created(scope, node.init as Node | null);
      if (made) {
        scope.receivers.add(node.id.name);
        facts.push({
          kind: 'router', framework: FRAMEWORK, ref: { file: file.path, path: [node.id.name] }, location: loc(file.path, node),
          ...(made.kind === 'app' ? { isApp: true } : {}), ...(made.prefix !== undefined ? { prefix: made.prefix } : {}),
        });
      }
    } else if (node.type === 'Identifier' && node.typeAnnotation?.type === 'TSTypeAnnotation') {
      const type = node.typeAnnotation.typeAnnotation;
      if (type.type === 'TSTypeReference' && type.typeName.type === 'Identifier' && (scope.routerClass.has(type.typeName.name) || scope.appClass.has(type.typeName.name))) {
        scope.receivers.add(node.name);
      }
    }
    return undefined;
  });
  walk(program, (node) => {
    if (node.type !== 'CallExpression') return undefined;
    const callee = node.callee as Node;
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return undefined;
    const root = chainRoot(callee.object as Node);
    if (!root || root.length !== 1 || !scope.receivers.has(root[0]!)) return undefined;
    const self = { file: file.path, path: root };
    const method = callee.property.name;
    const args = node.arguments as Node[];
    const at = loc(file.path, node);
    if (method === 'use') {
      let prefix = '';
      let rest = args;
      const first = stringValue(args[0]);
      if (first !== undefined) { prefix = first; rest = args.slice(1); }
      for (const arg of rest) {
        const child = routesOf(arg);
        if (child) facts.push({ kind: 'mount', framework: FRAMEWORK, parent: self, child: { file: file.path, path: child }, prefix, location: at });
        else {
          const middleware = middlewareOf(file, arg);
          if (middleware) facts.push({ kind: 'router-middleware', framework: FRAMEWORK, router: self, middleware, pathPrefix: prefix, location: at });
        }
      }
      return undefined;
    }
    const verb = VERBS[method];
    if (!verb) return undefined;
    // router.get(path, ...) or router.get(name, path, ...)
    let pathIndex = 0;
    let path = stringValue(args[0]);
    const second = stringValue(args[1]);
    if (second !== undefined) { pathIndex = 1; path = second; }
    if (path === undefined) return undefined;
    const handlers = args.slice(pathIndex + 1);
    if (handlers.length === 0) return undefined;
    const middleware = handlers.slice(0, -1).map((h) => middlewareOf(file, h)).filter((m): m is MiddlewareRef => !!m);
    facts.push({
      kind: 'route', framework: FRAMEWORK, method: verb, path, router: self, location: at,
      handler: { name: handlerName(handlers[handlers.length - 1]) },
      ...(middleware.length ? { middleware } : {}),
    });
    return undefined;
  });
  return facts;
}

export const oakRoutes: Extractor = {
  id: 'oak/routes',
  languages: ['javascript', 'typescript'],
  keywords: ['oak'],
  extract: extractOakRoutes,
};
