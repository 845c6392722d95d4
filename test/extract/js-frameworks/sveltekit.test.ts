import { describe, expect, it } from 'vitest';
import { sveltekitPages, sveltekitRoutes } from '../../../src/extract/sveltekit/routes.js';
import { extractJs, ofKind, routeLines } from './parse.js';

const textFile = (path: string) => ({ path, language: 'text' as const, text: '<h1>x</h1>', tree: { kind: 'text' as const } });

describe('sveltekit/routes', () => {
  it('reads +server verb exports, fallback, groups, params and matchers', () => {
    const facts = extractJs(sveltekitRoutes, 'src/routes/(api)/items/[id=integer]/+server.ts', [
      "import { json } from '@sveltejs/kit';",
      'export const GET = ({ params }) => json(params);',
      'async function remove() { return new Response(null); }',
      'export { remove as DELETE };',
      'export const prerender = false;',
    ]);
    expect(routeLines(facts)).toEqual(['GET /items/{id}', 'DELETE /items/{id}']);
    expect(ofKind(facts, 'route')[0]!.location.startLine).toBe(2);
    expect(routeLines(extractJs(sveltekitRoutes, 'src/routes/proxy/[...rest]/+server.js', 'export function fallback() {}')))
      .toEqual(['GET /proxy/{rest}', 'POST /proxy/{rest}', 'PUT /proxy/{rest}', 'PATCH /proxy/{rest}', 'DELETE /proxy/{rest}']);
    expect(routeLines(extractJs(sveltekitRoutes, 'src/routes/+server.ts', 'export const GET = () => new Response();'))).toEqual(['GET /']);
  });

  it('reads pages with load (GET) and form actions (POST)', () => {
    expect(routeLines(extractJs(sveltekitRoutes, 'src/routes/login/+page.server.ts', [
      'export const load = async () => ({});',
      'export const actions = { default: async () => ({}) };',
    ]))).toEqual(['GET /login', 'POST /login']);
    expect(routeLines(extractJs(sveltekitRoutes, 'src/routes/[[lang]]/docs/+page.ts', 'export const load = () => ({});'))).toEqual(['GET /{lang}/docs']);
    expect(routeLines(extractJs(sveltekitRoutes, 'src/routes/x/+layout.server.ts', 'export const load = () => ({});'))).toEqual([]);
    expect(routeLines(extractJs(sveltekitRoutes, 'src/lib/+server.ts', 'export const GET = () => 1;'))).toEqual([]);
  });

  it('reads +page.svelte files given as text', () => {
    expect(routeLines(sveltekitPages.extract(textFile('src/routes/(app)/users/[id]/+page.svelte')))).toEqual(['GET /users/{id}']);
    expect(routeLines(sveltekitPages.extract(textFile('src/routes/+layout.svelte')))).toEqual([]);
  });
});
