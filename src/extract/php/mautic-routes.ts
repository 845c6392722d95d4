// Mautic bundle routes: app/bundles/<Bundle>/Config/config.php and plugins/<Plugin>/Config/config.php
// return ['routes' => ['main' => [...], 'public' => [...], 'api' => [...], 'catchall' => [...]]].
// As Mautic's RouteLoader mounts them: `main` under the secured `/s` area (login required), `api` under
// `/api` (API credentials required), `public` and `catchall` at the root. Each route is
// `name => ['path' => ..., 'controller' => ..., 'method' => 'GET|POST']` (GET when no method is given);
// API routes with `'standard_entity' => true` expand to Mautic's standard REST routes.
import type { Fact, HttpMethod, MiddlewareRef, RouteFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, namedChildren, treeOf, walk, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { arrayEntries, arrayValue, stringValue } from './ast.js';
import { isPhpTestPath, toMethod } from './methods.js';

const FRAMEWORK = 'mautic';
const GROUPS: Record<string, { prefix: string; auth?: string }> = {
  main: { prefix: '/s', auth: 'Mautic secured area (/s)' },
  api: { prefix: '/api', auth: 'Mautic API authentication' },
  public: { prefix: '' },
  catchall: { prefix: '' },
};

/** The routes of `'standard_entity' => true` (Mautic's REST conventions for one entity). */
const STANDARD: [string, HttpMethod[]][] = [
  ['', ['GET']], ['/{id}', ['GET']], ['/new', ['POST']], ['/batch/new', ['POST']], ['/{id}/edit', ['PATCH', 'PUT']],
  ['/batch/edit', ['PATCH', 'PUT']], ['/{id}/delete', ['DELETE']], ['/batch/delete', ['DELETE']],
];

function methodsOf(value: string | undefined): HttpMethod[] {
  if (!value) return ['GET'];
  const out = value.split('|').map((m) => toMethod(m)).filter((m): m is HttpMethod => !!m);
  return out.length > 0 ? [...new Set(out)] : ['GET'];
}

function groupRoutes(group: string, routes: Node, file: ParsedFile, facts: Fact[]): void {
  const conf = GROUPS[group];
  if (!conf) return;
  for (const entry of arrayEntries(routes) ?? []) {
    const def = entry.value;
    const path = stringValue(arrayValue(def, 'path'));
    if (path === undefined) continue;
    const location = loc(file.path, entry.key ?? def);
    const middleware: MiddlewareRef[] = conf.auth ? [{ name: conf.auth, role: 'auth', location }] : [];
    const controller = stringValue(arrayValue(def, 'controller'));
    const handler = controller ? controller.slice(controller.lastIndexOf('\\') + 1) : undefined;
    const emit = (method: HttpMethod, p: string, origin?: 'generated') => {
      const fact: RouteFact = { kind: 'route', framework: FRAMEWORK, method, path: `${conf.prefix}${p.startsWith('/') ? '' : '/'}${p}`, location };
      if (handler) fact.handler = { name: handler };
      if (middleware.length > 0) fact.middleware = middleware;
      if (origin) fact.origin = origin;
      facts.push(fact);
    };
    if (group === 'api' && arrayValue(def, 'standard_entity')?.text.toLowerCase() === 'true') {
      for (const [suffix, methods] of STANDARD) for (const m of methods) emit(m, `${path.replace(/\/$/, '')}${suffix}`, 'generated');
      continue;
    }
    for (const m of methodsOf(stringValue(arrayValue(def, 'method')))) emit(m, path);
  }
}

export const mauticRoutes: Extractor = {
  id: 'mautic/routes',
  languages: ['php'],
  keywords: ["'routes'", '"routes"'],
  extract(file) {
    if (!/(^|\/)(app\/bundles|plugins)\/[^/]+\/Config\/config\.php$/.test(file.path) || isPhpTestPath(file.path)) return [];
    const tree = treeOf(file);
    if (!tree) return [];
    const facts: Fact[] = [];
    walk(tree.rootNode, (node) => {
      if (node.type !== 'array_element_initializer') return true;
      const [key, value] = namedChildren(node);
      if (!key || !value || stringValue(key) !== 'routes') return true;
      for (const group of arrayEntries(value) ?? []) {
        const name = group.key ? stringValue(group.key) : undefined;
        if (name) groupRoutes(name, group.value, file, facts);
      }
      return false;
    });
    return facts;
  },
};
