import { describe, expect, it } from 'vitest';
import { starletteRoutes } from '../../../src/extract/starlette/routes.js';
import { extractPython, ofKind, routeLines } from './parse.js';

const mounts = (facts: Awaited<ReturnType<typeof extractPython>>) =>
  ofKind(facts, 'mount').map((m) => `${m.parent.path.join('.')} <- ${m.child.path.join('.')} '${m.prefix}'`);

describe('starlette/routes', () => {
  it('reads Route / WebSocketRoute / Mount tables, inline and named, with StaticFiles and sub-apps', async () => {
    const facts = await extractPython(starletteRoutes, 'app.py', [
      'from starlette.applications import Starlette',
      'from starlette.endpoints import HTTPEndpoint',
      'from starlette.routing import Mount, Route, WebSocketRoute',
      'from starlette.staticfiles import StaticFiles',
      'import views',
      'async def home(request):',
      '    pass',
      'class Report(HTTPEndpoint):',
      '    async def get(self, request):',
      '        pass',
      '    async def post(self, request):',
      '        pass',
      'admin_routes = [Route("/dash", home)]',
      'app = Starlette(routes=[',
      '    Route("/", home),',
      '    Route("/submit", home, methods=["GET", "POST"]),',
      '    Route("/reports/{id:int}", Report),',
      '    Route("/ext", views.ExtEndpoint),',
      '    Route("/fn", endpoint=views.handler),',
      '    Mount("/admin", routes=admin_routes),',
      '    Mount("/api", routes=[Route("/items", home)]),',
      '    Mount("/sub", app=sub_app),',
      '    Mount("/static", app=StaticFiles(directory="s")),',
      '    WebSocketRoute("/ws", home),',
      '])',
    ].join('\n'));
    expect(routeLines(facts)).toEqual([
      'GET /dash @admin_routes',
      'GET / @app',
      'GET /submit @app',
      'POST /submit @app',
      'GET /reports/{id:int} @app',
      'POST /reports/{id:int} @app',
      'GET /ext @app',
      'GET /fn @app',
      'GET /items @<mount@21:4>',
      'GET /static/{path} @app',
      'GET /ws @app',
    ]);
    expect(ofKind(facts, 'route').find((r) => r.path === '/ext')?.view?.ref.path).toEqual(['views', 'ExtEndpoint']);
    expect(mounts(facts)).toEqual(["app <- admin_routes '/admin'", "app <- <mount@21:4> '/api'", "app <- sub_app '/sub'"]);
    expect(ofKind(facts, 'router').map((r) => `${r.ref.path.join('.')}${r.isApp ? ' app' : ''}`)).toEqual(['app app']);
    expect(ofKind(facts, 'view').map((v) => `${v.ref.path.join('.')}: ${v.routes.map((r) => r.method).join(',')}`)).toEqual(['Report: GET,POST']);
  });

  it('reads add_route / add_websocket_route / mount and @app.route on Starlette and Router objects only', async () => {
    const facts = await extractPython(starletteRoutes, 'app.py', [
      'from starlette.routing import Router',
      'from starlette.applications import Starlette',
      'router = Router()',
      'router.add_route("/audit/{id}", audit, methods=["GET", "DELETE"])',
      'router.add_websocket_route("/ws/{room}", chat)',
      'app = Starlette()',
      'app.mount("/r", router)',
      '@app.route("/legacy", methods=["POST"])',
      'async def legacy(request):',
      '    pass',
      'other.add_route("/nope", x)',
    ].join('\n'));
    expect(routeLines(facts)).toEqual(['GET /audit/{id} @router', 'DELETE /audit/{id} @router', 'GET /ws/{room} @router', 'POST /legacy @app']);
    expect(mounts(facts)).toEqual(["app <- router '/r'"]);
  });

  it('ignores files that do not import starlette', async () => {
    const facts = await extractPython(starletteRoutes, 'x.py', ['routes = [Route("/x", home)]'].join('\n'));
    expect(facts).toEqual([]);
  });
});
