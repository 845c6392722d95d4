import { describe, expect, it } from 'vitest';
import { nitroRouteOfPath, nitroRoutes } from '../../../src/extract/nitro/routes.js';
import { extractJs, ofKind, routeLines } from './parse.js';

describe('nitro/routes', () => {
  it('maps route file paths to methods and URL paths', () => {
    const of = (p: string) => { const r = nitroRouteOfPath(p); return r ? `${r.method} ${r.path}` : undefined; };
    expect(of('routes/hello.ts')).toBe('ANY /hello');
    expect(of('routes/index.ts')).toBe('ANY /');
    expect(of('routes/users.get.ts')).toBe('GET /users');
    expect(of('routes/users/[id].delete.js')).toBe('DELETE /users/:id');
    expect(of('routes/users/[id]/posts/index.post.ts')).toBe('POST /users/:id/posts');
    expect(of('routes/blog/[...slug].ts')).toBe('ANY /blog/:slug');
    expect(of('api/orders/index.ts')).toBe('ANY /api/orders');
    expect(of('routes/api/(admin)/reports.get.ts')).toBe('GET /api/reports');
    expect(of('apps/backend/routes/ping.head.mjs')).toBe('HEAD /ping');
    expect(of('routes/users.d.ts')).toBeUndefined();
    expect(of('routes/users.helper.ts')).toBeUndefined();
    expect(of('server/api/users.ts')).toBeUndefined();
    expect(of('lib/users.ts')).toBeUndefined();
  });

  it('needs a default-exported event handler', () => {
    const route = extractJs(nitroRoutes, 'routes/users/[id].patch.ts', [
      "import { readBody } from 'h3'",
      'const handler = defineEventHandler(async (event) => readBody(event))',
      'export default handler',
    ]);
    expect(routeLines(route)).toEqual(['PATCH /users/:id']);
    expect(ofKind(route, 'route')[0]!.location.startLine).toBe(3);
    expect(routeLines(extractJs(nitroRoutes, 'routes/cached.ts', 'export default defineCachedEventHandler(() => 1, { maxAge: 5 })'))).toEqual(['ANY /cached']);
    // An Express router module under routes/ is not a Nitro route.
    expect(extractJs(nitroRoutes, 'routes/users.js', [
      "const router = require('express').Router()",
      "router.get('/', (req, res) => res.json([]))",
      'module.exports = router',
    ])).toEqual([]);
    expect(extractJs(nitroRoutes, 'routes/util.ts', 'export default function helper() { return eventHandler }')).toEqual([]);
  });
});
