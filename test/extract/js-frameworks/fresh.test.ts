import { describe, expect, it } from 'vitest';
import { freshRoutes } from '../../../src/extract/fresh/routes.js';
import { extractJs, routeLines } from './parse.js';

describe('fresh/routes', () => {
  it('reads handler objects (Fresh 1 and define.handlers) per verb', () => {
    expect(routeLines(extractJs(freshRoutes, 'routes/api/users/[id].ts', [
      "import { Handlers } from '$fresh/server.ts';",
      'export const handler: Handlers = {',
      '  GET(_req, ctx) { return Response.json(ctx.params); },',
      '  async DELETE() { return new Response(null); },',
      '};',
    ]))).toEqual(['GET /api/users/{id}', 'DELETE /api/users/{id}']);
    expect(routeLines(extractJs(freshRoutes, 'routes/(shop)/cart.tsx', [
      "import { define } from '../../utils.ts';",
      'export const handler = define.handlers({ POST(ctx) { return new Response(); } });',
    ]))).toEqual(['POST /cart']);
    expect(routeLines(extractJs(freshRoutes, 'routes/submit.tsx', [
      "import type { Handlers } from '$fresh/server.ts';",
      'export const handler: Handlers = { async POST() { return new Response(null, { status: 303 }); } };',
      'export default function Submit() { return <form method="post" />; }',
    ]))).toEqual(['POST /submit', 'GET /submit']);
  });

  it('reads handler functions (every method) and page components (GET)', () => {
    expect(routeLines(extractJs(freshRoutes, 'routes/hook.ts', [
      "import type { FreshContext } from '$fresh/server.ts';",
      'export const handler = (req: Request, ctx: FreshContext) => new Response();',
    ]))).toEqual(['GET /hook', 'POST /hook', 'PUT /hook', 'PATCH /hook', 'DELETE /hook']);
    expect(routeLines(extractJs(freshRoutes, 'routes/blog/[slug].tsx', [
      "import { define } from '../../utils.ts';",
      'export default define.page(function Post(props) { return <article>{props.params.slug}</article>; });',
    ]))).toEqual(['GET /blog/{slug}']);
    expect(routeLines(extractJs(freshRoutes, 'routes/account/manage.ts', [
      "import { defineRoute } from '$fresh/server.ts';",
      'export default defineRoute(async (_req, ctx) => ctx.renderNotFound());',
    ]))).toEqual(['GET /account/manage']);
    expect(routeLines(extractJs(freshRoutes, 'routes/index.tsx', 'export default function Home() { return <h1>Hi</h1>; }'))).toEqual(['GET /']);
  });

  it('skips _app/_middleware, other routes/ trees and non-Fresh modules', () => {
    expect(routeLines(extractJs(freshRoutes, 'routes/_middleware.ts', "import '$fresh/server.ts';\nexport const handler = () => 1;"))).toEqual([]);
    expect(routeLines(extractJs(freshRoutes, 'src/routes/Home.tsx', 'export default function Home() { return <h1 />; }'))).toEqual([]);
    expect(routeLines(extractJs(freshRoutes, 'apps/web/routes/Home.tsx', 'export default function Home() { return <h1 />; }'))).toEqual([]);
    expect(routeLines(extractJs(freshRoutes, 'routes/users.js', 'export const handler = (event) => ({ statusCode: 200 });'))).toEqual([]);
  });
});
