import { describe, expect, it } from 'vitest';
import { nextjsRoutes } from '../../../src/extract/nextjs/routes.js';
import { endpointsOf, extractJs, ofKind, routeLines } from './parse.js';

describe('nextjs/routes', () => {
  it('reads App Router route handlers: functions, consts, export lists and destructured factories', () => {
    const facts = extractJs(nextjsRoutes, 'src/app/api/orders/[orderId]/route.ts', [
      "import { NextResponse } from 'next/server';",
      'export async function GET() { return NextResponse.json([]); }',
      'export const PUT = async () => NextResponse.json({});',
      'const remove = () => new Response(null);',
      'export { remove as DELETE };',
      'export const { POST } = serve(async () => {});',
      "export const runtime = 'edge';",
      '// export async function PATCH() {}',
    ]);
    expect(routeLines(facts)).toEqual(['GET /api/orders/{orderId}', 'PUT /api/orders/{orderId}', 'POST /api/orders/{orderId}', 'DELETE /api/orders/{orderId}']);
    const get = ofKind(facts, 'route')[0]!;
    expect([get.location.startLine, get.handler?.name, get.framework]).toEqual([2, 'GET', 'nextjs']);
  });

  it('drops route groups and slots, skips private folders, intercepting routes and non-route files', () => {
    const handler = 'export function GET() { return Response.json({}); }';
    expect(routeLines(extractJs(nextjsRoutes, 'app/(admin)/@modal/users/route.ts', handler))).toEqual(['GET /users']);
    expect(routeLines(extractJs(nextjsRoutes, 'app/docs/[[...slug]]/route.ts', handler))).toEqual(['GET /docs/{slug}']);
    expect(routeLines(extractJs(nextjsRoutes, 'app/_internal/route.ts', handler))).toEqual([]);
    expect(routeLines(extractJs(nextjsRoutes, 'app/(.)photo/route.ts', handler))).toEqual([]);
    expect(routeLines(extractJs(nextjsRoutes, 'app/users/page.tsx', handler))).toEqual([]);
    expect(routeLines(extractJs(nextjsRoutes, 'lib/route.ts', handler))).toEqual([]);
    expect(routeLines(extractJs(nextjsRoutes, 'app/api/x/route.test.ts', handler))).toEqual([]);
  });

  it('reads Pages Router API methods from req.method checks, every method when there is none', () => {
    const checked = extractJs(nextjsRoutes, 'pages/api/items/[id].ts', [
      'export default async function handler(req, res) {',
      "  if (req.method === 'GET') return res.json({});",
      '  switch (req.method) {',
      "    case 'PUT': return res.json({});",
      '  }',
      "  if (['DELETE'].includes(req.method)) return res.end();",
      "  if (req.query.kind === 'POST') return res.end();",
      '}',
    ]);
    expect(routeLines(checked)).toEqual(['GET /api/items/{id}', 'PUT /api/items/{id}', 'DELETE /api/items/{id}']);
    const any = extractJs(nextjsRoutes, 'src/pages/api/health/index.js', [
      'const handler = (req, res) => res.status(200).end();',
      'export default withLogging(handler);',
    ]);
    expect(routeLines(any)).toEqual(['GET /api/health', 'POST /api/health', 'PUT /api/health', 'PATCH /api/health', 'DELETE /api/health']);
    expect(routeLines(extractJs(nextjsRoutes, 'pages/api/tags.ts', [
      'export default async function tags(req, res) {',
      '  const { method } = req;',
      '  switch (method) {',
      "    case 'GET': return res.json([]);",
      "    case 'POST': return res.status(201).end();",
      '  }',
      '}',
    ]))).toEqual(['GET /api/tags', 'POST /api/tags']);
    expect(routeLines(extractJs(nextjsRoutes, 'pages/api/auth/[...nextauth].ts', "import NextAuth from 'next-auth';\nexport default NextAuth(options);")))
      .toEqual(['GET /api/auth/{nextauth}', 'POST /api/auth/{nextauth}', 'PUT /api/auth/{nextauth}', 'PATCH /api/auth/{nextauth}', 'DELETE /api/auth/{nextauth}']);
    expect(routeLines(extractJs(nextjsRoutes, 'pages/api/trpc/[trpc].ts', "import { createNextApiHandler } from '@trpc/server/adapters/next';\nexport default createNextApiHandler({ router });"))).toEqual([]);
    expect(routeLines(extractJs(nextjsRoutes, 'pages/api/config.ts', 'export default { a: 1 };'))).toEqual([]);
    expect(routeLines(extractJs(nextjsRoutes, 'pages/about.tsx', 'export default function About() { return null; }'))).toEqual([]);
  });

  it('lists the exported functions of a "use server" module as POST entry points', () => {
    const facts = extractJs(nextjsRoutes, 'app/lib/actions.ts', [
      "'use server';",
      'export async function createPost(form) { return form; }',
      'export const deletePost = async (id) => id;',
      "export const LIMIT = 3;",
    ]);
    expect(routeLines(facts)).toEqual(['POST /createPost', 'POST /deletePost']);
    expect(routeLines(extractJs(nextjsRoutes, 'app/lib/util.ts', "const s = 'use server';\nexport function f() {}"))).toEqual([]);
  });

  it('links `export * from` another route module to that module\'s handlers (ANY while unresolved)', () => {
    expect(endpointsOf({
      'app/api/v2/items/route.ts': 'export function GET() {}\nexport const POST = () => 1;',
      'app/api/items/route.ts': "export * from '../v2/items/route';",
    })).toEqual(['GET /api/items', 'GET /api/v2/items', 'POST /api/items', 'POST /api/v2/items']);
    expect(routeLines(extractJs(nextjsRoutes, 'app/api/x/route.ts', "export * from '@/lib/handlers';"))).toEqual(['ANY /api/x']);
  });

  it('yields model endpoints for a small project', () => {
    expect(endpointsOf({
      'app/api/ping/route.ts': 'export const HEAD = () => new Response();',
      'pages/api/login.ts': "export default (req, res) => { if (req.method !== 'POST') return res.status(405).end(); res.end(); };",
    })).toEqual(['HEAD /api/ping', 'POST /api/login']);
  });
});
