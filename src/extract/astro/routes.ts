// Astro file routes under src/pages/:
// - endpoints (`.ts` / `.js`): one route per exported verb (GET, POST, PUT, PATCH, DELETE, HEAD,
//   OPTIONS; Astro 2's lower-case get/post/put/patch/del), `ALL` / `all` answers every method;
//   `data.json.ts` serves /data.json.
// - pages (`.astro`, read as text when the discovery reads them): GET.
// Files or directories starting with `_` are not routed; [id] -> {id}, [...slug] -> {slug}; `index` names the directory.
import type { Fact, HttpMethod } from '../../core/facts.js';
import type { Location } from '../../core/types.js';
import { loc } from '../javascript/ast.js';
import type { Extractor } from '../types.js';
import { ALL_HANDLER_METHODS, STANDARD_METHOD_SET, readModuleShape } from '../file-routes/module-shape.js';
import { bracketSegment, expandPaths, isTestOrTooling, routeFact, segmentsUnder } from '../file-routes/paths.js';

const FRAMEWORK = 'astro';
const LEGACY: Record<string, HttpMethod> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', del: 'DELETE' };

/** URL paths of a file under src/pages with its extension (`.ts`, `.astro`) removed. */
function astroPaths(path: string, extension: RegExp): string[] | undefined {
  if (isTestOrTooling(path)) return undefined;
  const under = segmentsUnder(path, ['src', 'pages']);
  if (!under || under.length === 0) return undefined;
  const last = under[under.length - 1]!;
  if (!extension.test(last)) return undefined;
  const segments = [...under.slice(0, -1), last.replace(extension, '')];
  if (segments.some((s) => s.startsWith('_'))) return undefined;
  if (segments[segments.length - 1] === 'index') segments.pop();
  return expandPaths(segments.map(bracketSegment));
}

export const astroRoutes: Extractor = {
  id: 'astro/routes',
  languages: ['javascript', 'typescript'],
  keywords: ['export'],
  extract(file) {
    const paths = astroPaths(file.path, /\.[cm]?[jt]s$/);
    if (!paths) return [];
    const shape = readModuleShape(file);
    if (!shape) return [];
    const facts: Fact[] = [];
    for (const [name, exported] of shape.exports) {
      const at = loc(file.path, exported.at);
      const methods: readonly HttpMethod[] = STANDARD_METHOD_SET.has(name) ? [name as HttpMethod]
        : LEGACY[name] ? [LEGACY[name]!]
          : name === 'ALL' || name === 'all' ? ALL_HANDLER_METHODS : [];
      for (const method of methods) for (const path of paths) facts.push(routeFact(FRAMEWORK, method, path, at, { name }));
    }
    return facts;
  },
};

/** `.astro` pages, read as text: each is served with GET. */
export const astroPages: Extractor = {
  id: 'astro/pages',
  languages: ['text'],
  extract(file) {
    const paths = astroPaths(file.path, /\.astro$/);
    if (!paths) return [];
    const at: Location = { file: file.path, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
    return paths.map((path) => routeFact(FRAMEWORK, 'GET', path, at, { name: 'page' }));
  },
};
