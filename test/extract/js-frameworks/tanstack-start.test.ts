import { describe, expect, it } from 'vitest';
import { tanstackPaths, tanstackStartRoutes } from '../../../src/extract/tanstack/routes.js';
import { extractJs, ofKind, routeLines } from './parse.js';

describe('tanstack-start/routes', () => {
  it('turns route ids into URL paths', () => {
    expect(tanstackPaths('/_auth/posts/$postId/')).toEqual(['/posts/{postId}']);
    expect(tanstackPaths('/(admin)/files/$')).toEqual(['/files/{splat}']);
    expect(tanstackPaths('/{-$lang}/docs')).toEqual(['/{lang}/docs']);
    expect(tanstackPaths('/posts_/$id/edit')).toEqual(['/posts/{id}/edit']);
    expect(tanstackPaths('/')).toEqual(['/']);
  });

  it('reads createFileRoute server handlers, objects and createHandlers functions', () => {
    const facts = extractJs(tanstackStartRoutes, 'src/routes/api/users.$id.ts', [
      "import { createFileRoute } from '@tanstack/react-router';",
      "export const Route = createFileRoute('/api/users/$id')({",
      '  server: {',
      '    handlers: {',
      '      GET: async ({ params }) => Response.json(params),',
      '      async DELETE() { return new Response(null); },',
      '    },',
      '  },',
      '  component: () => null,',
      '});',
    ]);
    expect(routeLines(facts)).toEqual(['GET /api/users/{id}', 'DELETE /api/users/{id}']);
    expect(ofKind(facts, 'route').map((r) => [r.framework, r.location.startLine, r.handler?.location?.startLine]))
      .toEqual([['tanstack-start', 2, 5], ['tanstack-start', 2, 6]]);
    expect(routeLines(extractJs(tanstackStartRoutes, 'src/routes/hook.ts', [
      "import { createFileRoute } from '@tanstack/solid-router';",
      "export const Route = createFileRoute('/hook')({ server: { handlers: ({ createHandlers }) => createHandlers({ POST: { handler: () => new Response() } }) } });",
    ]))).toEqual(['POST /hook']);
  });

  it('reads createServerFileRoute().methods() and createAPIFileRoute()', () => {
    expect(routeLines(extractJs(tanstackStartRoutes, 'src/routes/api/items.ts', [
      "import { createServerFileRoute } from '@tanstack/react-start/server';",
      "export const ServerRoute = createServerFileRoute('/api/items').middleware([auth]).methods({",
      '  GET: () => Response.json([]),',
      '  PUT: () => Response.json({}),',
      '});',
    ]))).toEqual(['GET /api/items', 'PUT /api/items']);
    expect(routeLines(extractJs(tanstackStartRoutes, 'app/routes/api/ping.ts', [
      "import { createAPIFileRoute } from '@tanstack/start/api';",
      "export const APIRoute = createAPIFileRoute('/api/ping')({ ANY: () => new Response('pong') });",
    ]))).toEqual(['ANY /api/ping']);
  });

  it('ignores client-only page routes and look-alike factories', () => {
    expect(routeLines(extractJs(tanstackStartRoutes, 'src/routes/posts.tsx', [
      "import { createFileRoute } from '@tanstack/react-router';",
      "export const Route = createFileRoute('/posts')({ loader: () => [], component: Posts });",
    ]))).toEqual([]);
    expect(routeLines(extractJs(tanstackStartRoutes, 'src/routes/x.ts', [
      "import { createFileRoute } from './my-router';",
      "export const Route = createFileRoute('/x')({ server: { handlers: { GET: () => 1 } } });",
    ]))).toEqual([]);
  });
});
