// SvelteKit endpoints under src/routes/:
// - `+server.(ts|js)`: one route per exported verb (GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS);
//   `fallback` (and `ALL`) answers every method.
// - `+page.server.(ts|js)` / `+page.(ts|js)`: the page itself (GET) when they export `load` or
//   `actions`; `actions` are form posts to the page's URL (POST).
// - `+page.svelte` (read as text, when the discovery reads .svelte files): the page (GET).
// Segments: (group) dropped, [id] -> {id}, [...rest] -> {rest}, [[opt]] -> {opt}, [id=matcher] -> {id}.
import type { Fact, HttpMethod } from '../../core/facts.js';
import type { Location } from '../../core/types.js';
import { loc } from '../javascript/ast.js';
import type { Extractor } from '../types.js';
import { ALL_HANDLER_METHODS, STANDARD_METHOD_SET, readModuleShape } from '../file-routes/module-shape.js';
import { bracketSegment, expandPaths, isGroupSegment, isTestOrTooling, routeFact, segmentsUnder } from '../file-routes/paths.js';

const FRAMEWORK = 'sveltekit';

/** URL paths of the directory holding a route file under src/routes, or undefined when it is not there. */
export function svelteKitPaths(path: string): { paths: string[]; fileName: string } | undefined {
  if (isTestOrTooling(path)) return undefined;
  const under = segmentsUnder(path, ['src', 'routes']);
  if (!under || under.length === 0) return undefined;
  const fileName = under[under.length - 1]!;
  const variants: string[][] = [];
  for (const seg of under.slice(0, -1)) {
    if (isGroupSegment(seg)) continue;
    variants.push(bracketSegment(seg));
  }
  return { paths: expandPaths(variants), fileName };
}

export const sveltekitRoutes: Extractor = {
  id: 'sveltekit/routes',
  languages: ['javascript', 'typescript'],
  keywords: ['export'],
  extract(file) {
    const located = svelteKitPaths(file.path);
    if (!located) return [];
    const kind = /^\+server\.[cm]?[jt]s$/.test(located.fileName) ? 'server'
      : /^\+page(\.server)?\.[cm]?[jt]s$/.test(located.fileName) ? 'page' : undefined;
    if (!kind) return [];
    const shape = readModuleShape(file);
    if (!shape) return [];
    const facts: Fact[] = [];
    const add = (method: HttpMethod, at: Location, name: string) => {
      for (const path of located.paths) facts.push(routeFact(FRAMEWORK, method, path, at, { name }));
    };
    if (kind === 'server') {
      for (const [name, exported] of shape.exports) {
        if (STANDARD_METHOD_SET.has(name)) add(name as HttpMethod, loc(file.path, exported.at), name);
        else if (name === 'fallback' || name === 'ALL') for (const m of ALL_HANDLER_METHODS) add(m, loc(file.path, exported.at), name);
      }
      return facts;
    }
    const load = shape.exports.get('load');
    const actions = shape.exports.get('actions');
    if (load || actions) add('GET', loc(file.path, (load ?? actions)!.at), load ? 'load' : 'page');
    if (actions && located.fileName.startsWith('+page.server.')) add('POST', loc(file.path, actions.at), 'actions');
    return facts;
  },
};

/** `+page.svelte` files, read as text: each is a page served with GET. */
export const sveltekitPages: Extractor = {
  id: 'sveltekit/pages',
  languages: ['text'],
  extract(file) {
    if (!file.path.endsWith('/+page.svelte')) return [];
    const located = svelteKitPaths(file.path);
    if (!located) return [];
    const at: Location = { file: file.path, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
    return located.paths.map((path) => routeFact(FRAMEWORK, 'GET', path, at, { name: '+page.svelte' }));
  },
};
