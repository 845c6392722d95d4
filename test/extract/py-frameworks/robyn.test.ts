import { describe, expect, it } from 'vitest';
import { robynRoutes } from '../../../src/extract/robyn/routes.js';
import { extractPython, ofKind, routeLines } from './parse.js';

describe('robyn/routes', () => {
  it('reads decorators, add_route, views, static directories and SubRouter prefixes', async () => {
    const facts = await extractPython(robynRoutes, 'app.py', [
      'from robyn import Robyn, SubRouter, HttpMethod',
      'app = Robyn(__file__)',
      'legacy = SubRouter(__file__, "/legacy")',
      'modern = SubRouter("/modern")',
      'named = SubRouter(__name__, prefix="/named")',
      'bare = SubRouter(__file__)',
      '@app.get("/users/:id")',
      'async def user(request): pass',
      '@legacy.trace("/t")',
      'def t(): pass',
      '@app.websocket("/ws")',
      'async def ws(websocket): pass',
      '@app.view("/v")',
      'def v():',
      '    def get(): pass',
      '    def post(request): pass',
      'app.add_route(HttpMethod.PUT, "/put", handler)',
      'app.serve_directory("/static", "./public")',
      'app.include_router(modern)',
    ].join('\n'));
    expect(routeLines(facts)).toEqual([
      'GET /users/:id @app', 'TRACE /t @legacy', 'GET /ws @app', 'GET /v @app', 'POST /v @app', 'PUT /put @app', 'GET /static/{filename} @app',
    ]);
    expect(ofKind(facts, 'router').map((r) => `${r.ref.path[0]} ${r.prefix ?? ''}${r.isApp ? 'app' : ''}`)).toEqual([
      'app app', 'legacy /legacy', 'modern /modern', 'named /named', 'bare ',
    ]);
    expect(ofKind(facts, 'mount')[0]).toMatchObject({ parent: { path: ['app'] }, child: { path: ['modern'] }, prefix: '' });
  });

  it('ignores decorators on names that are neither bound to Robyn objects nor imported', async () => {
    const facts = await extractPython(robynRoutes, 'app.py', 'from robyn import Robyn\napp = Robyn(__file__)\n@api.get("/leaked")\ndef leaked(): pass\n');
    expect(ofKind(facts, 'route')).toEqual([]);
  });
});
