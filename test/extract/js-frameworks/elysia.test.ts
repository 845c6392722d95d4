import { describe, expect, it } from 'vitest';
import { elysiaRoutes } from '../../../src/extract/elysia/routes.js';
import { endpointsOf, extractJs, mountLines, ofKind, routeLines } from './parse.js';

describe('elysia/routes', () => {
  it('reads chained verbs, nested groups, guards and route()', () => {
    const facts = extractJs(elysiaRoutes, 'src/index.ts', [
      "import { Elysia } from 'elysia'",
      'const app = new Elysia()',
      "  .get('/users', () => [])",
      "  .group('/api/v1', (app) =>",
      "    app.get('/health', () => 'ok')",
      "      .group('/items', (items) => items.get('/:itemId', getItem)))",
      "  .guard({}, (g) => g.post('/submit', ({ body }) => body))",
      "  .route('PUT', '/raw', h)",
      "  .all('/any', () => 'ok')",
      '  .listen(3000)',
      "app.delete('/sessions/:id', () => null)",
      "other.get('/nope', h)",
    ]);
    expect(routeLines(facts).sort()).toEqual([
      'ANY /any @app', 'DELETE /sessions/:id @app', 'GET /api/v1/health @app', 'GET /api/v1/items/:itemId @app', 'GET /users @app', 'POST /submit @app', 'PUT /raw @app',
    ]);
    const item = ofKind(facts, 'route').find((r) => r.path === '/api/v1/items/:itemId')!;
    expect(item.handler?.name).toBe('getItem');
    expect(item.location.startLine).toBe(6);
  });

  it('declares prefixed instances and use() mounts', () => {
    const facts = extractJs(elysiaRoutes, 'src/app.ts', [
      "import { Elysia } from 'elysia'",
      "import { users } from './users'",
      "export const admin = new Elysia({ prefix: '/admin' }).get('/stats', h)",
      "export default new Elysia().use(users).use(admin).group('/v2', (v) => v.use(users))",
    ]);
    expect(ofKind(facts, 'router').map((r) => `${r.ref.path[0]} ${r.prefix ?? ''}`)).toEqual(['admin /admin', '__default_export ']);
    expect(mountLines(facts).sort()).toEqual(['__default_export -> admin ', '__default_export -> users ', '__default_export -> users /v2']);
  });

  it('ignores files without an Elysia import', () => {
    expect(extractJs(elysiaRoutes, 'a.ts', "const app = new Elysia().get('/x', h)")).toEqual([]);
  });

  it('joins plugin instances across files', () => {
    expect(endpointsOf({
      'src/index.ts': ["import { Elysia } from 'elysia'", "import { users } from './users'", "new Elysia().group('/api', (a) => a.use(users)).listen(3000)"],
      'src/users.ts': ["import { Elysia } from 'elysia'", "export const users = new Elysia({ prefix: '/users' }).get('/:id', h).post('', h)"],
    })).toEqual(['GET /api/users/{id}', 'POST /api/users']);
  });
});
