import { describe, expect, it } from 'vitest';
import { isOakSource, oakRoutes } from '../../../src/extract/oak/routes.js';
import { endpointsOf, extractJs, mountLines, ofKind, routeLines } from './parse.js';

describe('oak/routes', () => {
  it('recognises oak import sources', () => {
    expect(['@oak/oak', 'jsr:@oak/oak@17', 'npm:@oakserver/oak', 'https://deno.land/x/oak@v12.6.1/mod.ts', 'oak'].every(isOakSource)).toBe(true);
    expect(['@koa/router', 'https://deno.land/x/hono/mod.ts', 'oakland'].some(isOakSource)).toBe(false);
  });

  it('reads verb calls, named routes, chains, prefixes, mounts and middleware', () => {
    const facts = extractJs(oakRoutes, 'main.ts', [
      'import { Application, Router } from "https://deno.land/x/oak@v12.6.1/mod.ts";',
      'const router = new Router({ prefix: "/api/v1" });',
      'router.get("/status", (ctx) => {});',
      'router.get("item", "/items/:itemId", auth, getItem)',
      '  .put("/items/:itemId", putItem);',
      'router.all("/any", h);',
      'const app = new Application();',
      'app.use(logger);',
      'app.use(router.routes());',
      'app.use(router.allowedMethods());',
      'other.get("/not-oak", h);',
    ]);
    expect(routeLines(facts)).toEqual(['GET /status @router', 'PUT /items/:itemId @router', 'GET /items/:itemId @router', 'ANY /any @router']);
    expect(ofKind(facts, 'route')[2]!.middleware?.map((m) => m.name)).toEqual(['auth']);
    expect(ofKind(facts, 'router').map((r) => `${r.ref.path[0]} ${r.prefix ?? ''}${r.isApp ? 'app' : ''}`)).toEqual(['router /api/v1', 'app app']);
    expect(mountLines(facts)).toEqual(['app -> router ']);
    expect(ofKind(facts, 'router-middleware').map((m) => m.middleware.name)).toEqual(['logger']);
  });

  it('ignores files that do not import oak', () => {
    expect(extractJs(oakRoutes, 'a.ts', ['import Router from "@koa/router"; const router = new Router(); router.get("/x", h);'])).toEqual([]);
  });

  it('joins nested routers across files', () => {
    expect(endpointsOf({
      'app.ts': ['import { Application } from "@oak/oak";', 'import router from "./routes/index.ts";', 'const app = new Application();', 'app.use(router.routes());'],
      'routes/index.ts': [
        'import { Router } from "@oak/oak";', 'import users from "./users.ts";',
        'const api = new Router();', 'api.use(users.routes());',
        'const router = new Router();', 'router.use("/api", api.routes(), api.allowedMethods());', 'export default router;',
      ],
      'routes/users.ts': ['import { Router } from "@oak/oak";', 'const router = new Router();', 'router.post("/users/login", (ctx) => {});', 'export default router;'],
    })).toEqual(['POST /api/users/login']);
  });
});
