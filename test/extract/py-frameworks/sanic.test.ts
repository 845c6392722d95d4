import { describe, expect, it } from 'vitest';
import { sanicPath, sanicRoutes } from '../../../src/extract/sanic/routes.js';
import type { Fact } from '../../../src/core/facts.js';
import { pythonAdapter } from '../../../src/languages/python/adapter.js';
import { buildModel } from '../../../src/model/build-model.js';
import { extractPython, ofKind, routeLines } from './parse.js';

/** The model's endpoints ('METHOD /path', sorted) for files run through the Sanic extractor only. */
async function sanicEndpoints(files: Record<string, string[]>): Promise<string[]> {
  await pythonAdapter.init();
  const facts: Fact[] = [];
  for (const [path, lines] of Object.entries(files)) {
    const text = lines.join('\n');
    const parsed = pythonAdapter.parse({ path, language: 'python', text, bytes: text.length });
    if (!parsed.ok) throw new Error(parsed.message);
    facts.push(...sanicRoutes.extract({ path, language: 'python', text, tree: parsed.tree }));
  }
  const model = buildModel({ facts, files: Object.keys(files).map((path) => ({ path, language: 'python' as const })), serviceRoots: [], hasMoaiDir: false });
  return model.endpoints.map((e) => `${e.method} ${e.path}`).sort();
}

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

  it('mounts blueprints: url_prefix replaces a blueprint prefix and stacks on a group, flattened per member', async () => {
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
    expect(ofKind(facts, 'router').map((r) => `${r.ref.path.join('.')} ${r.prefix ?? ''}`)).toEqual(['app ', 'a /a', 'b /b', 'group /api']);
    expect(ofKind(facts, 'mount').map((m) => `${m.parent.path.join('.')} <- ${m.child.path.join('.')} '${m.prefix}'${m.replacesChildPrefix ? ' replaces' : ''}`)).toEqual([
      "app <- a '/v1' replaces",
      "app <- a '/v3/outer/api/a' replaces",
      "app <- b '/v3/outer/api/b' replaces",
      "app <- a '/a' replaces",
      "app <- b '/b' replaces",
    ]);
  });

  it('puts a route-level version in front of the group and blueprint prefixes', async () => {
    expect(await sanicEndpoints({
      'app.py': [
        'from sanic import Sanic, Blueprint',
        'app = Sanic("x")',
        'admin = Blueprint("admin", url_prefix="/admin")',
        'metrics = Blueprint("metrics", url_prefix="/metrics")',
        '@admin.get("/users")',
        'async def users(request):',
        '    pass',
        '@metrics.get("/health")',
        'async def health(request):',
        '    pass',
        '@metrics.get("/ping", version=3)',
        'async def ping(request):',
        '    pass',
        'metrics.add_route(stats, "/stats/<day:int>", version="v4", version_prefix="/api/v")',
        'group = Blueprint.group(admin, metrics, url_prefix="/admin-api", version=2)',
        'app.blueprint(group)',
      ],
    })).toEqual([
      'GET /api/v4/admin-api/metrics/stats/{day}',
      'GET /v2/admin-api/admin/users',
      'GET /v2/admin-api/metrics/health',
      'GET /v3/admin-api/metrics/ping',
    ]);
  });

  it('gives group members without a version the group version, and members with one their own, first in the path', async () => {
    expect(await sanicEndpoints({
      'app.py': [
        'from sanic import Sanic, Blueprint',
        'app = Sanic("x")',
        'plain = Blueprint("plain", url_prefix="/plain")',
        'pinned = Blueprint("pinned", url_prefix="/pinned", version=1)',
        'deep = Blueprint("deep", url_prefix="/deep")',
        '@plain.post("/items")',
        'async def items(request):',
        '    pass',
        '@pinned.delete("/items/<item_id>")',
        'async def drop(request, item_id):',
        '    pass',
        '@deep.put("/x")',
        'async def x(request):',
        '    pass',
        'inner = Blueprint.group(deep, url_prefix="/inner")',
        'group = Blueprint.group(plain, pinned, inner, url_prefix="/g", version=2)',
        'app.blueprint(group, url_prefix="/root")',
      ],
    })).toEqual([
      'DELETE /v1/root/g/pinned/items/{item_id}',
      'POST /v2/root/g/plain/items',
      'PUT /v2/root/g/inner/deep/x',
    ]);
  });

  it("puts a blueprint's own version before the mount's url_prefix, which replaces its own; app.blueprint(version=) overrides it", async () => {
    expect(await sanicEndpoints({
      'app.py': [
        'from sanic import Sanic, Blueprint',
        'app = Sanic("x")',
        'reports = Blueprint("reports", url_prefix="/reports", version=2)',
        'legacy = Blueprint("legacy", url_prefix="/legacy", version=1)',
        '@reports.get("/<report_id:int>")',
        'async def report(request, report_id):',
        '    pass',
        '@reports.get("/latest", version=7)',
        'async def latest(request):',
        '    pass',
        '@legacy.get("/old")',
        'async def old(request):',
        '    pass',
        'app.blueprint(reports, url_prefix="/api")',
        'app.blueprint(legacy, version=5)',
      ],
    })).toEqual([
      'GET /v2/api/{report_id}',
      'GET /v5/legacy/old',
      'GET /v7/api/latest',
    ]);
  });

  it('keeps the version on the blueprint prefix (or route path) when the blueprint is registered in another file', async () => {
    expect(await sanicEndpoints({
      'svc/admin.py': [
        'from sanic import Blueprint',
        'admin = Blueprint("admin", url_prefix="/admin", version=1)',
        'open_bp = Blueprint("open")',
        '@admin.get("/stats")',
        'async def stats(request):',
        '    pass',
        '@open_bp.get("/status", version=2)',
        'async def status(request):',
        '    pass',
      ],
      'svc/server.py': [
        'from sanic import Sanic',
        'from svc.admin import admin, open_bp',
        'app = Sanic("x")',
        'app.blueprint(admin)',
        'app.blueprint(open_bp)',
      ],
    })).toEqual(['GET /v1/admin/stats', 'GET /v2/status']);
  });

  it('ignores files that do not import sanic', async () => {
    expect(await extractPython(sanicRoutes, 'x.py', ['@app.route("/x")', 'def x():', '    pass'].join('\n'))).toEqual([]);
  });
});
