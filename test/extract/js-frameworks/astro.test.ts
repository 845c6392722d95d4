import { describe, expect, it } from 'vitest';
import { astroPages, astroRoutes } from '../../../src/extract/astro/routes.js';
import { extractJs, routeLines } from './parse.js';

const textFile = (path: string) => ({ path, language: 'text' as const, text: '---\n---\n<h1>x</h1>', tree: { kind: 'text' as const } });

describe('astro/routes', () => {
  it('reads endpoint verb exports, ALL, legacy lower-case names and file extensions in the URL', () => {
    expect(routeLines(extractJs(astroRoutes, 'src/pages/api/users/[id].ts', [
      "import type { APIRoute } from 'astro';",
      'export const GET: APIRoute = ({ params }) => new Response(params.id);',
      'export async function PUT() { return new Response(); }',
      'export const prerender = false;',
    ]))).toEqual(['GET /api/users/{id}', 'PUT /api/users/{id}']);
    expect(routeLines(extractJs(astroRoutes, 'src/pages/rss.xml.js', 'export function get() { return new Response(); }\nexport const del = () => 1;')))
      .toEqual(['GET /rss.xml', 'DELETE /rss.xml']);
    expect(routeLines(extractJs(astroRoutes, 'src/pages/api/index.ts', 'export const ALL = () => new Response();')))
      .toEqual(['GET /api', 'POST /api', 'PUT /api', 'PATCH /api', 'DELETE /api']);
  });

  it('skips underscore files and directories and files outside src/pages', () => {
    expect(routeLines(extractJs(astroRoutes, 'src/pages/_utils.ts', 'export const GET = () => 1;'))).toEqual([]);
    expect(routeLines(extractJs(astroRoutes, 'src/pages/_lib/x.ts', 'export const GET = () => 1;'))).toEqual([]);
    expect(routeLines(extractJs(astroRoutes, 'src/api/x.ts', 'export const GET = () => 1;'))).toEqual([]);
  });

  it('reads .astro pages given as text', () => {
    expect(routeLines(astroPages.extract(textFile('src/pages/blog/[...slug].astro')))).toEqual(['GET /blog/{slug}']);
    expect(routeLines(astroPages.extract(textFile('src/pages/index.astro')))).toEqual(['GET /']);
    expect(routeLines(astroPages.extract(textFile('src/components/Card.astro')))).toEqual([]);
  });
});
