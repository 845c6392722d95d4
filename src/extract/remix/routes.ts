// Remix (and React Router framework mode with file routes) route modules under app/routes/.
// Flat routes: `users.$id.tsx` -> /users/{id}; `_index` is the index route; a leading `_` segment is a
// pathless layout; a trailing `_` opts out of layout nesting; `$` alone is the splat; `($lang)` is
// optional (kept as {lang}); `[.]` / `[x.y]` escape literal characters. Folder routes: `users.$id/route.tsx`.
// Nested-folder routes (Remix v1) are read only when they export a loader or an action.
// A module serves GET when it exports a `loader` or renders a page (default-exported component);
// an `action` export takes the other methods (POST, PUT, PATCH, DELETE).
import type { Fact, HttpMethod } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, walk, type Node } from '../javascript/ast.js';
import type { Extractor } from '../types.js';
import { isFunctionNode, readModuleShape, resolveLocal, type ModuleShape } from '../file-routes/module-shape.js';
import { remixRouteModuleView } from './route-config.js';
import { expandPaths, isTestOrTooling, routeFact, segmentsUnder, stripSourceExtension } from '../file-routes/paths.js';

const FRAMEWORK = 'remix';
const ACTION_METHODS: readonly HttpMethod[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

export const remixRoutes: Extractor = {
  id: 'remix/routes',
  languages: ['javascript', 'typescript'],
  keywords: ['export'],
  extract(file) {
    if (isTestOrTooling(file.path) || !segmentsUnder(file.path, ['app'])) return [];
    const shape = readModuleShape(file);
    if (!shape) return [];
    if (usesRouteConfigTypes(shape)) {
      // A React Router v7 module: app/routes.ts gives its URL; publish its methods for that config.
      const view = remixRouteModuleView(file, shape, !!pageComponent(file, shape));
      return view ? [view] : [];
    }
    const under = segmentsUnder(file.path, ['app', 'routes']);
    if (!under || under.length === 0) return [];
    const loader = shape.exports.get('loader');
    const action = shape.exports.get('action');
    let name: string;
    if (under.length === 1) name = stripSourceExtension(under[0]!);
    else if (under.length === 2 && /^(route|index|_index)\.[cm]?[jt]sx?$/.test(under[1]!)) {
      name = under[1]!.startsWith('route.') ? under[0]! : `${under[0]!}.${stripSourceExtension(under[1]!)}`;
    } else {
      // Remix v1 nested folders; also colocated modules of flat-route folders, hence the stricter test.
      if (!loader && !action) return [];
      name = [...under.slice(0, -1), stripSourceExtension(under[under.length - 1]!)].join('.');
    }
    if (/\.(server|client)$/.test(name)) return [];
    const page = !loader ? pageComponent(file, shape) : undefined;
    if (!loader && !action && !page) return [];
    const paths = remixPaths(name);
    if (!paths) return [];
    const facts: Fact[] = [];
    const getAt = loader ?? page;
    for (const path of paths) {
      if (getAt) facts.push(routeFact(FRAMEWORK, 'GET', path, loc(file.path, getAt.at), { name: loader ? 'loader' : 'default' }));
      if (action) for (const m of ACTION_METHODS) facts.push(routeFact(FRAMEWORK, m, path, loc(file.path, action.at), { name: 'action' }));
    }
    return facts;
  },
};

/**
 * React Router v7 route modules import their generated types (`./+types/home`): such apps map URLs in
 * app/routes.ts (remix/route-config), not by file name, so the file's name says nothing about its URL.
 */
function usesRouteConfigTypes(shape: ModuleShape): boolean {
  for (const stmt of shape.program.body) {
    if (stmt.type === 'ImportDeclaration' && stmt.source.value.startsWith('./+types/')) return true;
  }
  return false;
}

/** A default-exported function component (a function whose body has JSX): the route renders a page. */
function pageComponent(file: ParsedFile, shape: ModuleShape): { at: Node } | undefined {
  const exported = shape.exports.get('default');
  if (!exported) return undefined;
  const fn = resolveLocal(shape, exported.value);
  if (!isFunctionNode(fn)) return undefined;
  if (/\.[jt]sx$/.test(file.path)) return exported;
  let jsx = false;
  walk(fn, (node) => {
    if (jsx) return false;
    if (node.type === 'JSXElement' || node.type === 'JSXFragment') jsx = true;
    return undefined;
  });
  return jsx ? exported : undefined;
}

/** Splits a flat-route name on unescaped dots: 'jokes[.]rss' stays one segment 'jokes.rss'. */
function splitFlat(name: string): string[] | undefined {
  const out: string[] = [];
  let current = '';
  let inBracket = false;
  for (const ch of name) {
    if (inBracket) {
      if (ch === ']') inBracket = false;
      else current += ch;
    } else if (ch === '[') inBracket = true;
    else if (ch === '.') { out.push(current); current = ''; } else current += ch;
  }
  if (inBracket) return undefined;
  out.push(current);
  return out;
}

export function remixPaths(name: string): string[] | undefined {
  const raw = splitFlat(name.replace(/\//g, '.'));
  if (!raw) return undefined;
  const variants: string[][] = [];
  for (let seg of raw) {
    if (seg === '_index' || seg === 'index' || seg === '') continue;
    if (seg.startsWith('_')) continue; // pathless layout
    if (seg.length > 1 && seg.endsWith('_')) seg = seg.slice(0, -1);
    if (seg.startsWith('(') && seg.endsWith(')')) seg = seg.slice(1, -1);
    let value: string;
    if (seg === '$') value = '{splat}';
    else if (seg.startsWith('$')) value = `{${seg.slice(1)}}`;
    else value = seg;
    variants.push([value]); // an optional segment keeps its parameter (one endpoint per module)
  }
  return expandPaths(variants);
}
