import { describe, expect, it } from 'vitest';
import { quartRoutes } from '../../../src/extract/quart/routes.js';
import { extractPython, ofKind, routeLines } from './parse.js';

describe('quart/routes', () => {
  it('reads decorators, websockets, add_url_rule (functions and view classes) and blueprint mounts', async () => {
    const facts = await extractPython(quartRoutes, 'app.py', [
      'from quart import Quart, Blueprint',
      'from quart.views import MethodView, View',
      'app = Quart(__name__)',
      'bp = Blueprint("bp", __name__, url_prefix="/bp")',
      '@app.route("/items", methods=["GET", "POST"])',
      'async def items(): pass',
      '@bp.delete("/items/<int:item_id>")',
      'async def drop(item_id): pass',
      '@app.websocket("/ws")',
      'async def ws(): pass',
      'class Report(MethodView):',
      '    async def get(self): pass',
      '    async def put(self): pass',
      'class Dispatch(View):',
      '    methods = ["GET", "PATCH"]',
      '    async def dispatch_request(self): pass',
      'app.add_url_rule("/r", view_func=Report.as_view("r"))',
      'app.add_url_rule("/r1", view_func=Report.as_view("r1"), methods=["PUT"])',
      'app.add_url_rule("/d", view_func=Dispatch.as_view("d"))',
      'bp.add_url_rule("/s", "search", search, methods=["GET"])',
      'app.register_blueprint(bp, url_prefix="/mounted")',
    ].join('\n'));
    expect(routeLines(facts)).toEqual([
      'GET /items @app', 'POST /items @app', 'DELETE /items/<int:item_id> @bp', 'GET /ws @app',
      'GET /r @app', 'PUT /r @app', 'PUT /r1 @app', 'GET /d @app', 'PATCH /d @app', 'GET /s @bp',
    ]);
    expect(ofKind(facts, 'router').map((r) => `${r.ref.path[0]} ${r.prefix ?? ''}${r.isApp ? 'app' : ''}`)).toEqual(['app app', 'bp /bp']);
    expect(ofKind(facts, 'mount')[0]).toMatchObject({ parent: { path: ['app'] }, child: { path: ['bp'] }, prefix: '/mounted', replacesChildPrefix: true });
  });

  it('leaves Flask apps to the Flask extractor', async () => {
    const facts = await extractPython(quartRoutes, 'app.py', 'import quart\nfrom flask import Flask\napp = Flask(__name__)\n@app.route("/x")\ndef x(): pass\n');
    expect(ofKind(facts, 'route')).toEqual([]);
  });
});
