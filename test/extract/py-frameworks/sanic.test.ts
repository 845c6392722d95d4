import { describe, expect, it } from 'vitest';
import { sanicPath, sanicRoutes } from '../../../src/extract/sanic/routes.js';
import { extractPython, ofKind, routeLines } from './parse.js';

describe('sanic/routes', () => {
  it('drops parameter types so the model does not read them as Flask converters', () => {
    expect(sanicPath('/r/<id:int>/<slug:[a-z]+>/<name>')).toBe('/r/<id>/<slug>/<name>');
  });

  it('reads decorators, add_route (functions and HTTPMethodView classes), websockets, static and versions', async () => {
    const facts = await extractPython(sanicRoutes, 'app.py', [
      'from sanic import Sanic, Blueprint, response',
      'from sanic.views import HTTPMethodView',
      'import views',
      'app = Sanic("x")',
      'bp = Blueprint("r", url_prefix="/reports", version=2)',
      '@app.route("/sign", methods=["GET", "POST"])',
      'async def sign(request):',
      '    pass',
      '@app.route("/")',
      'async def index(request):',
      '    pass',
      '@app.websocket("/feed/<channel>")',
      'async def feed(request, ws, channel):',
      '    pass',
      '@bp.get("/<report_id:int>")',
      'async def get_report(request, report_id):',
      '    pass',
      '@app.get("/ver", version=1)',
      'async def ver(request):',
      '    pass',
      'class Item(HTTPMethodView):',
      '    async def get(self, request):',
      '        pass',
      '    async def patch(self, request):',
      '        pass',
      'app.add_route(update, "/upd/<id:int>", methods=["PATCH"])',
      'app.add_route(Item.as_view(), "/items")',
      'app.add_route(views.Other.as_view(), "/other")',
      'bp.add_route(handler=audit, uri="/audit")',
      'app.static("/assets", "./static")',
      'app.static("/favicon.ico", "./static/favicon.ico")',
    ].join('\n'));
    expect(routeLines(facts)).toEqual([
      'GET /sign @app',
      'POST /sign @app',
      'GET / @app',
      'GET /feed/<channel> @app',
      'GET /<report_id> @bp',
      'GET /v1/ver @app',
      'PATCH /upd/<id> @app',
      'GET /items @app',
      'PATCH /items @app',
      'GET /other @app',
      'GET /audit @bp',
      'GET /assets/{filename} @app',
      'GET /favicon.ico @app',
    ]);
    expect(ofKind(facts, 'route').find((r) => r.path === '/other')?.view?.ref.path).toEqual(['views', 'Other']);
    expect(ofKind(facts, 'router').map((r) => `${r.ref.path.join('.')} ${r.prefix ?? ''}${r.isApp ? 'app' : ''}`)).toEqual(['app app', 'bp /v2/reports']);
    expect(ofKind(facts, 'view').map((v) => `${v.ref.path.join('.')}: ${v.routes.map((r) => r.method).join(',')}`)).toEqual(['Item: GET,PATCH']);
  });

  it('mounts blueprints: url_prefix replaces a blueprint prefix and stacks on a group', async () => {
    const facts = await extractPython(sanicRoutes, 'app.py', [
      'from sanic import Sanic, Blueprint',
      'app = Sanic("x")',
      'a = Blueprint("a", url_prefix="/a")',
      'b = Blueprint("b", url_prefix="/b")',
      'group = Blueprint.group(a, b, url_prefix="/api", version=3)',
      'app.blueprint(a, url_prefix="/v1")',
      'app.blueprint(group, url_prefix="/outer")',
      'app.blueprint([a, b])',
    ].join('\n'));
    expect(ofKind(facts, 'router').map((r) => `${r.ref.path.join('.')} ${r.prefix ?? ''}`)).toEqual(['app ', 'a /a', 'b /b', 'group /v3/api']);
    expect(ofKind(facts, 'mount').map((m) => `${m.parent.path.join('.')} <- ${m.child.path.join('.')} '${m.prefix}'${m.replacesChildPrefix ? ' replaces' : ''}`)).toEqual([
      "group <- a ''",
      "group <- b ''",
      "app <- a '/v1' replaces",
      "app <- group '/outer'",
      "app <- a ''",
      "app <- b ''",
    ]);
  });

  it('ignores files that do not import sanic', async () => {
    expect(await extractPython(sanicRoutes, 'x.py', ['@app.route("/x")', 'def x():', '    pass'].join('\n'))).toEqual([]);
  });
});
