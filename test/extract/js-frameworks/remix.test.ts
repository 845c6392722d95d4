import { describe, expect, it } from 'vitest';
import { remixPaths, remixRoutes } from '../../../src/extract/remix/routes.js';
import { extractJs, ofKind, routeLines } from './parse.js';

describe('remix/routes', () => {
  it('turns flat-route file names into URL paths', () => {
    expect(remixPaths('users.$id')).toEqual(['/users/{id}']);
    expect(remixPaths('_index')).toEqual(['/']);
    expect(remixPaths('users._index')).toEqual(['/users']);
    expect(remixPaths('_auth.login')).toEqual(['/login']);
    expect(remixPaths('$')).toEqual(['/{splat}']);
    expect(remixPaths('contacts.$contactId_.edit')).toEqual(['/contacts/{contactId}/edit']);
    expect(remixPaths('sitemap[.]xml')).toEqual(['/sitemap.xml']);
    expect(remixPaths('($lang).about')).toEqual(['/{lang}/about']);
  });

  it('maps loader to GET and action to the other methods; a rendered page is GET', () => {
    const facts = extractJs(remixRoutes, 'app/routes/api.users.ts', [
      "import { json } from '@remix-run/node';",
      'export async function loader() { return json([]); }',
      'const save = async () => json({});',
      'export { save as action };',
    ]);
    expect(routeLines(facts)).toEqual(['GET /api/users', 'POST /api/users', 'PUT /api/users', 'PATCH /api/users', 'DELETE /api/users']);
    expect(ofKind(facts, 'route')[0]!.location.startLine).toBe(2);
    expect(routeLines(extractJs(remixRoutes, 'app/routes/about.tsx', 'export default function About() { return <p>About</p>; }'))).toEqual(['GET /about']);
    expect(routeLines(extractJs(remixRoutes, 'app/routes/blog.$slug/route.tsx', 'export const loader = () => null;'))).toEqual(['GET /blog/{slug}']);
  });

  it('does not read colocated modules, helpers or React Router config-routed modules as routes', () => {
    expect(routeLines(extractJs(remixRoutes, 'app/routes/blog.$slug/Card.tsx', 'export default function Card() { return <div />; }'))).toEqual([]);
    expect(routeLines(extractJs(remixRoutes, 'app/routes/helpers.ts', 'export function format() { return 1; }'))).toEqual([]);
    expect(routeLines(extractJs(remixRoutes, 'app/routes/home.tsx', [
      "import type { Route } from './+types/home';",
      'export function loader() { return null; }',
    ]))).toEqual([]);
    expect(routeLines(extractJs(remixRoutes, 'src/routes/users.ts', 'export const loader = () => null;'))).toEqual([]);
  });

  it('reads Remix v1 nested folders only for modules with a loader or an action', () => {
    expect(routeLines(extractJs(remixRoutes, 'app/routes/admin/users/$id.tsx', 'export const action = () => null;')))
      .toEqual(['POST /admin/users/{id}', 'PUT /admin/users/{id}', 'PATCH /admin/users/{id}', 'DELETE /admin/users/{id}']);
  });
});
