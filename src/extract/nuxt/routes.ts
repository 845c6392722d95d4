// Nuxt server routes: server/api/** (under /api) and server/routes/** (from the root); a standalone
// Nitro app's api/ and routes/ directories are src/extract/nitro's. A file is an endpoint when its default export
// is an h3 event handler (`defineEventHandler(...)`, `eventHandler`, `defineCachedEventHandler`,
// `defineLazyEventHandler`; `defineWebSocketHandler` is not HTTP), through imports or local aliases. The method comes from the
// file name suffix (`users.post.ts`); without one the handler answers every method (ANY).
// `[id]` -> {id}, `[...slug]` -> {slug}, `index` names the directory.
import type { Fact, HttpMethod } from '../../core/facts.js';
import { loc } from '../javascript/ast.js';
import type { Extractor } from '../types.js';
import { calleeIdentity, readModuleShape, resolveLocal } from '../file-routes/module-shape.js';
import { bracketSegment, expandPaths, isTestOrTooling, routeFact, segmentsUnder, stripSourceExtension } from '../file-routes/paths.js';

const FRAMEWORK = 'nuxt';
const HANDLER_FACTORIES = new Set(['defineEventHandler', 'eventHandler', 'defineCachedEventHandler', 'cachedEventHandler', 'defineLazyEventHandler', 'lazyEventHandler', 'defineHandler', 'fromNodeMiddleware']);
const METHOD_SUFFIXES = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'connect', 'trace']);

export const nuxtRoutes: Extractor = {
  id: 'nuxt/routes',
  languages: ['javascript', 'typescript'],
  keywords: ['EventHandler', 'eventHandler', 'defineHandler', 'fromNodeMiddleware'],
  extract(file) {
    if (isTestOrTooling(file.path)) return [];
    const located = routeSegments(file.path);
    if (!located) return [];
    const shape = readModuleShape(file);
    const exported = shape?.exports.get('default');
    if (!shape || !exported) return [];
    const value = resolveLocal(shape, exported.value);
    const identity = calleeIdentity(shape, value);
    // h3's factories, and libraries' (`defineOAuthGitHubEventHandler` of nuxt-auth-utils).
    if (!identity || !(HANDLER_FACTORIES.has(identity.name) || /^define\w*EventHandler$/.test(identity.name))) return [];
    if (identity.source && identity.source !== 'h3' && !identity.source.startsWith('#') && !identity.source.startsWith('nitropack')) return [];

    const segments = [...located.segments];
    let name = stripSourceExtension(segments.pop()!);
    let method: HttpMethod = 'ANY';
    const dot = name.lastIndexOf('.');
    if (dot > 0 && METHOD_SUFFIXES.has(name.slice(dot + 1).toLowerCase())) {
      method = name.slice(dot + 1).toUpperCase() as HttpMethod;
      name = name.slice(0, dot);
    }
    if (name !== 'index') segments.push(name);
    const paths = expandPaths([...located.prefix.map((p) => [p]), ...segments.map(bracketSegment)]);
    const facts: Fact[] = [];
    for (const path of paths) facts.push(routeFact(FRAMEWORK, method, path, loc(file.path, exported.at), { name: identity.name, location: loc(file.path, value ?? exported.at) }));
    return facts;
  },
};

/** Where the file sits: server/api -> prefix ['api'], server/routes -> []. */
function routeSegments(path: string): { prefix: string[]; segments: string[] } | undefined {
  const api = segmentsUnder(path, ['server', 'api']);
  if (api) return { prefix: ['api'], segments: api };
  const routes = segmentsUnder(path, ['server', 'routes']);
  if (routes) return { prefix: [], segments: routes };
  return undefined; // a standalone Nitro app's api/ and routes/ are the nitro extractor's
}
