import { describe, expect, it } from 'vitest';
import { aiohttpRoutes } from '../../../src/extract/aiohttp/routes.js';
import { extractPython, ofKind, routeLines } from './parse.js';

describe('aiohttp/routes', () => {
  it('reads router.add_* calls, bound adders, add_routes lists, static routes and class views', async () => {
    const facts = await extractPython(aiohttpRoutes, 'app.py', [
      'from aiohttp import web',
      'class ItemView(web.View):',
      '    async def get(self):',
      '        pass',
      '    async def delete(self):',
      '        pass',
      'def setup(app):',
      '    app.router.add_get("/", index)',
      '    app.router.add_route("PATCH", "/users/{id}", update)',
      '    app.router.add_route("*", "/any", index)',
      '    add = app.router.add_route',
      '    add("GET", "/alias", index)',
      '    app.router.add_view("/items/{id}", ItemView)',
      '    app.router.add_view("/ext", views.External)',
      '    app.router.add_static("/assets/", path="static")',
      '    app.add_routes([web.post("/login", login), web.route("PUT", "/p", p), web.view("/v", ItemView)])',
    ].join('\n'));
    expect(routeLines(facts)).toEqual([
      'GET / @app',
      'PATCH /users/{id} @app',
      'ANY /any @app',
      'GET /alias @app',
      'GET /items/{id} @app',
      'DELETE /items/{id} @app',
      'GET /ext @app',
      'GET /assets/{filename} @app',
      'POST /login @app',
      'PUT /p @app',
      'GET /v @app',
      'DELETE /v @app',
    ]);
    const ext = ofKind(facts, 'route').find((r) => r.path === '/ext');
    expect(ext?.view).toEqual({ ref: { file: 'app.py', path: ['views', 'External'] }, base: '/ext' });
    expect(ofKind(facts, 'view').map((v) => `${v.ref.path.join('.')}: ${v.routes.map((r) => r.method).join(',')}`)).toEqual(['ItemView: GET,DELETE']);
  });

  it('reads RouteTableDef decorators, route lists, add_routes(table) and add_subapp mounts, with factory results', async () => {
    const facts = await extractPython(aiohttpRoutes, 'main.py', [
      'from aiohttp import web',
      'from admin import create_admin',
      'routes = web.RouteTableDef()',
      '@routes.get("/a")',
      'async def a(request):',
      '    pass',
      '@routes.route("DELETE", "/b")',
      'async def b(request):',
      '    pass',
      '@routes.view("/c")',
      'class C(web.View):',
      '    async def post(self):',
      '        pass',
      'api = [web.get("/x", x), web.static("/s", "dir")]',
      'def make():',
      '    app = web.Application()',
      '    app.add_routes(routes)',
      '    sub = web.Application()',
      '    sub.router.add_routes(api)',
      '    app.add_subapp("/sub", sub)',
      '    admin = create_admin()',
      '    app.add_subapp("/admin", admin)',
      '    return app',
    ].join('\n'));
    expect(routeLines(facts)).toEqual(['GET /a @routes', 'DELETE /b @routes', 'POST /c @routes', 'GET /x @api', 'GET /s/{filename} @api']);
    expect(ofKind(facts, 'mount').map((m) => `${m.parent.path.join('.')} <- ${m.child.path.join('.')} '${m.prefix}'`)).toEqual([
      "make.return <- routes ''",
      "sub <- api ''",
      "make.return <- sub '/sub'",
      "make.return <- create_admin.return '/admin'",
    ]);
    expect(ofKind(facts, 'router').map((r) => `${r.ref.path.join('.')}${r.isApp ? ' app' : ''}`)).toEqual(['routes', 'make.return app', 'sub app']);
  });

  it('reads add_resource(...).add_route(...) chains and resource variables', async () => {
    const facts = await extractPython(aiohttpRoutes, 'routes.py', [
      'def setup(app):',
      '    app.router.add_resource("/a", name="a").add_route("GET", a)',
      '    res = app.router.add_resource("/b/{id}")',
      '    res.add_route("DELETE", b)',
      '    res.add_route("*", c)',
    ].join('\n'));
    expect(routeLines(facts)).toEqual(['GET /a @app', 'DELETE /b/{id} @app', 'ANY /b/{id} @app']);
  });

  it('ignores verb calls in files that are not aiohttp', async () => {
    const facts = await extractPython(aiohttpRoutes, 'client.py', [
      'import requests',
      'web = requests.Session()',
      'routes = [web.get("/x")]',
      'add_routes = None',
    ].join('\n'));
    expect(routeLines(facts)).toEqual([]);
  });
});
