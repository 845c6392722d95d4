import { describe, expect, it } from 'vitest';
import { honoRoutes } from '../../../src/extract/hono/routes.js';
import { endpointsOf, extractJs, mountLines, ofKind, routeLines } from './parse.js';

describe('hono/routes', () => {
  it('reads verbs, on() with method and path lists, basePath and chains', () => {
    const facts = extractJs(honoRoutes, 'app.ts', [
      "import { Hono } from 'hono';",
      "import { cors } from 'hono/cors';",
      "const app = new Hono().basePath('/api');",
      "app.use('/admin/*', bearerAuth({ token }));",
      "app.use('*', cors());",
      "app.get('/users/:id', (c) => c.json({}));",
      "app.on(['GET', 'post'], ['/a', '/b'], (c) => c.text(''));",
      "export const todos = new Hono().get('/todos', auth.local(), (c) => c.json([])).post('/todos', (c) => c.json({}));",
      'const v2 = new Hono();',
      "v2.basePath('/v2');",
      "v2.get('/ping', (c) => c.text('pong'));",
    ]);
    expect(ofKind(facts, 'router').map((r) => [r.ref.path[0], r.prefix ?? ''])).toEqual([['app', '/api'], ['todos', ''], ['v2', '/v2']]);
    expect(routeLines(facts)).toEqual([
      'GET /users/:id @app', 'GET /a @app', 'GET /b @app', 'POST /a @app', 'POST /b @app',
      'GET /todos @todos', 'POST /todos @todos', 'GET /ping @v2',
    ]);
    expect(ofKind(facts, 'route')[5]!.middleware?.map((m) => m.name)).toEqual(['auth.local']);
    expect(ofKind(facts, 'router-middleware').map((m) => [m.middleware.name, m.middleware.role, m.pathPrefix])).toEqual([
      ['bearerAuth', 'auth', '/admin'], ['cors', 'cors', ''],
    ]);
  });

  it('mounts sub-apps with route() across files, including an anonymous default export', () => {
    const files = {
      'src/index.ts': ["import { Hono } from 'hono';", "import todo from './todo';", "export default new Hono().route('/api', todo);"],
      'src/todo.ts': ["import { Hono } from 'hono';", 'const api = new Hono();', "api.delete('/todos/:id', (c) => c.json({}));", 'export default api;'],
    };
    expect(mountLines(extractJs(honoRoutes, 'src/index.ts', files['src/index.ts']))).toEqual(['__default_export -> todo /api']);
    expect(endpointsOf(files)).toEqual(['DELETE /api/todos/{id}']);
  });

  it('reads @hono/zod-openapi routes with their tags and middleware', () => {
    const facts = extractJs(honoRoutes, 'openapi.ts', [
      "import { OpenAPIHono, createRoute } from '@hono/zod-openapi';",
      'const app = new OpenAPIHono();',
      "const getUser = createRoute({ method: 'get', path: '/users/{id}', tags: ['users'], middleware: [jwtAuth] });",
      'app.openapi(getUser, (c) => c.json({}));',
      "app.openapi(createRoute({ method: 'post', path: '/users' }), (c) => c.json({}, 201));",
    ]);
    expect(routeLines(facts)).toEqual(['GET /users/{id} @app', 'POST /users @app']);
    const [get] = ofKind(facts, 'route');
    expect(get!.openapiTags).toEqual(['users']);
    expect(get!.middleware?.map((m) => [m.name, m.role])).toEqual([['jwtAuth', 'auth']]);
  });

  it('skips hono test suites and other frameworks', () => {
    expect(routeLines(extractJs(honoRoutes, 'app.test.ts', ["import { Hono } from 'hono';", 'const app = new Hono();', "app.on('GET', '/x', (c) => c.text(''));"]))).toEqual([]);
    expect(routeLines(extractJs(honoRoutes, 'e.ts', ["import express from 'express';", 'const app = express();', "app.get('/x', (q, s) => s.end());"]))).toEqual([]);
  });
});
