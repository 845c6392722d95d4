// Nitro (h3) file-based server routes: a file under `routes/` or `api/` whose default export is an
// event handler (`export default defineEventHandler(...)`, `eventHandler`, `defineCachedEventHandler`,
// `defineLazyEventHandler`, v3 `defineHandler`) serves the URL its path names:
//   routes/hello.ts -> ANY /hello, routes/users.get.ts -> GET /users, routes/users/[id].delete.ts ->
//   DELETE /users/:id, api/posts/index.post.ts -> POST /api/posts, routes/[...slug].ts -> ANY /:slug,
//   routes/api/(admin)/users.ts -> ANY /api/users (route groups in parentheses do not count).
// Nuxt's `server/api` and `server/routes` directories are the Nuxt extractor's (same convention there).
import type * as t from '@babel/types';
import type { Fact, HttpMethod } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { isTestFile } from '../express/frameworks.js';
import { loc, memberPath, type Node } from '../javascript/ast.js';
import type { Extractor } from '../types.js';

const FRAMEWORK = 'nitro';

const HANDLER_FACTORIES = new Set([
  'defineEventHandler', 'eventHandler', 'defineCachedEventHandler', 'cachedEventHandler',
  'defineLazyEventHandler', 'lazyEventHandler', 'defineHandler',
]);

const METHOD_SUFFIXES: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD', options: 'OPTIONS', connect: 'CONNECT', trace: 'TRACE',
};

/** Method and URL path a Nitro route file serves, from its repo-relative path; undefined when not a route file. */
export function nitroRouteOfPath(filePath: string): { method: HttpMethod; path: string } | undefined {
  const segments = filePath.split('/');
  const file = segments.pop() ?? '';
  const ext = /\.(?:[cm]?[jt]s)$/.exec(file);
  if (!ext || file.endsWith('.d.ts')) return undefined;
  // The route root: the first `routes` directory, else the last `api` directory.
  let root = segments.indexOf('routes');
  let prefix = '';
  if (root < 0) {
    root = segments.lastIndexOf('api');
    prefix = 'api';
  }
  if (root < 0) return undefined;
  // Nuxt server directories belong to the Nuxt extractor; node_modules / build output are not sources.
  if (root > 0 && segments[root - 1] === 'server') return undefined;
  if (segments.some((s) => s === 'node_modules' || s === '.output' || s === '.nitro' || s === 'dist')) return undefined;
  let name = file.slice(0, file.length - ext[0].length);
  let method: HttpMethod = 'ANY';
  const dot = name.lastIndexOf('.');
  if (dot > 0 && dot > name.lastIndexOf(']')) {
    const suffix = METHOD_SUFFIXES[name.slice(dot + 1).toLowerCase()];
    if (!suffix) return undefined; // routes/foo.bar.ts: not a route Nitro would serve as such
    method = suffix;
    name = name.slice(0, dot);
  }
  const parts = [...(prefix ? [prefix] : []), ...segments.slice(root + 1)];
  if (name !== 'index') parts.push(name);
  const converted: string[] = [];
  for (const part of parts) {
    // Route groups: `(admin)/users.ts` serves /users.
    if (/^\(.*\)$/.test(part)) continue;
    const catchAll = /^\[\.\.\.([A-Za-z_$][\w$]*)?\]$/.exec(part);
    if (catchAll) { converted.push(catchAll[1] ? `:${catchAll[1]}` : '*'); continue; }
    // [id], [id]-[slug] style segments
    converted.push(part.replace(/\[([A-Za-z_$][\w$]*)\]/g, ':$1'));
  }
  return { method, path: `/${converted.join('/')}` };
}

/** The default-exported event handler call, following one local binding (`export default handler`). */
function defaultHandler(program: t.Program): Node | undefined {
  const locals = new Map<string, Node>();
  let exported: Node | undefined;
  let at: Node | undefined;
  for (const stmt of program.body) {
    if (stmt.type === 'VariableDeclaration') {
      for (const decl of stmt.declarations) if (decl.id.type === 'Identifier' && decl.init) locals.set(decl.id.name, decl.init as Node);
    } else if (stmt.type === 'ExportDefaultDeclaration') {
      exported = stmt.declaration as Node;
      at = stmt;
    }
  }
  if (!exported || !at) return undefined;
  let value: Node | undefined = exported;
  for (let i = 0; i < 2 && value; i++) {
    while (value && (value.type === 'TSAsExpression' || value.type === 'TSSatisfiesExpression' || value.type === 'ParenthesizedExpression')) value = value.expression as Node;
    if (value?.type === 'Identifier') { value = locals.get(value.name); continue; }
    break;
  }
  if (value?.type !== 'CallExpression') return undefined;
  const callee = memberPath(value.callee as Node);
  const name = callee?.[callee.length - 1];
  return name && HANDLER_FACTORIES.has(name) ? at : undefined;
}

export function extractNitroRoutes(file: ParsedFile): Fact[] {
  if (file.tree.kind !== 'babel' || isTestFile(file.path)) return [];
  const route = nitroRouteOfPath(file.path);
  if (!route) return [];
  const at = defaultHandler(file.tree.ast.program);
  if (!at) return [];
  return [{
    kind: 'route', framework: FRAMEWORK, method: route.method, path: route.path, location: loc(file.path, at),
    handler: { name: 'default' },
  }];
}

export const nitroRoutes: Extractor = {
  id: 'nitro/routes',
  languages: ['javascript', 'typescript'],
  keywords: ['EventHandler', 'eventHandler', 'defineHandler'],
  extract: extractNitroRoutes,
};
