import { describe, expect, it } from 'vitest';
import { flaskRoutes } from '../../../src/extract/flask/routes.js';
import { extractPython, ofKind, routeLines } from './parse.js';

describe('flask/routes', () => {
  it('reads the app, blueprints and route decorators (default GET, methods=, shortcuts)', async () => {
    const facts = await extractPython(flaskRoutes, 'app.py', [
      'from flask import Flask, Blueprint',
      'from flask_login import login_required',
      'app = Flask(__name__, static_url_path="/assets")',
      'bp = Blueprint("api", __name__, url_prefix="/api")',
      '',
      '@app.route("/")',
      'def index(): ...',
      '',
      '@bp.route("/users/<int:user_id>", methods=["GET", "put"])',
      '@login_required',
      'def user(user_id): ...',
      '',
      '@login_required',
      '@bp.post("/login")',
      'def login(): ...',
    ].join('\n'));
    expect(ofKind(facts, 'router').map((r) => [r.ref.path[0], r.prefix ?? '', !!r.isApp])).toEqual([['app', '', true], ['bp', '/api', false]]);
    expect(routeLines(facts)).toEqual([
      'GET /assets/<path:filename> @app',
      'GET / @app',
      'GET /users/<int:user_id> @bp',
      'PUT /users/<int:user_id> @bp',
      'POST /login @bp',
    ]);
    const routes = ofKind(facts, 'route');
    expect(routes[2]!.middleware).toEqual([expect.objectContaining({ name: 'login_required', role: 'auth' })]);
    expect(routes[2]!.location.startLine).toBe(9);
    // A decorator above the route decorator does not wrap the registered view.
    expect(routes[4]!.middleware).toBeUndefined();
  });

  it('mounts blueprints, replacing the blueprint prefix only when url_prefix is given', async () => {
    const facts = await extractPython(flaskRoutes, 'app.py', [
      'from flask import Flask',
      'from .auth import auth_bp',
      'from .admin import admin_bp, reports_bp',
      'app = Flask(__name__)',
      'app.register_blueprint(auth_bp, url_prefix="/api/v1")',
      'app.register_blueprint(admin_bp)',
      'admin_bp.register_blueprint(reports_bp, url_prefix="/reports")',
    ].join('\n'));
    expect(ofKind(facts, 'mount').map((m) => `${m.parent.path[0]} <- ${m.child.path[0]} '${m.prefix}' ${m.replacesChildPrefix ?? false}`)).toEqual([
      "app <- auth_bp '/api/v1' true",
      "app <- admin_bp '' false",
      "admin_bp <- reports_bp '/reports' true",
    ]);
  });

  it('reads add_url_rule with function views and in-file MethodView / View classes', async () => {
    const facts = await extractPython(flaskRoutes, 'views.py', [
      'from flask import Blueprint',
      'from flask.views import MethodView, View',
      'bp = Blueprint("v", __name__)',
      'class Base(MethodView):',
      '    decorators = [jwt_required()]',
      '    def get(self): ...',
      'class ItemAPI(Base):',
      '    def post(self): ...',
      'class Report(View):',
      '    methods = ["GET", "POST"]',
      '    def dispatch_request(self): ...',
      '@login_required',
      'def search(): ...',
      'item_view = ItemAPI.as_view("items")',
      'bp.add_url_rule("/items", view_func=item_view)',
      'bp.add_url_rule("/items/<id>", "item", item_view, methods=["DELETE"])',
      'bp.add_url_rule(rule="/report", view_func=Report.as_view("report"))',
      'bp.add_url_rule("/search", "search", search)',
      'bp.add_url_rule("/ext", view_func=views.external)',
    ].join('\n'));
    expect(routeLines(facts)).toEqual([
      'GET /items @bp',
      'POST /items @bp',
      'DELETE /items/<id> @bp',
      'GET /report @bp',
      'POST /report @bp',
      'GET /search @bp',
      'GET /ext @bp',
    ]);
    const routes = ofKind(facts, 'route');
    expect(routes.map((r) => r.handler?.name)).toEqual(['ItemAPI.get', 'ItemAPI.post', 'ItemAPI', 'Report', 'Report', 'search', 'views.external']);
    expect(routes[0]!.handler?.location?.startLine).toBe(6);
    expect(routes[0]!.middleware?.map((m) => `${m.role}:${m.name}`)).toEqual(['auth:jwt_required()']);
    expect(routes[5]!.middleware?.map((m) => `${m.role}:${m.name}`)).toEqual(['auth:login_required']);
  });

  it('expands flask-restful add_resource per method of an in-file Resource, ANY otherwise', async () => {
    const facts = await extractPython(flaskRoutes, 'api.py', [
      'from flask import Flask',
      'from flask_restful import Api, Resource',
      'from .resources import Remote',
      'app = Flask(__name__)',
      'api = Api(app, prefix="/v1")',
      'class Todo(Resource):',
      '    def get(self, todo_id): ...',
      '    def delete(self, todo_id): ...',
      'api.add_resource(Todo, "/todos/<todo_id>", "/todo/<todo_id>")',
      'api.add_resource(Remote, "/remote")',
      'class ScopedApi(Api):',
      '    def add_org_resource(self, resource, *urls, **kwargs):',
      '        return self.add_resource(resource, *urls, **kwargs)',
      'scoped = ScopedApi(app)',
      'scoped.add_org_resource(Todo, "/org/todos")',
    ].join('\n'));
    expect(routeLines(facts)).toEqual([
      'GET /v1/todos/<todo_id> @app',
      'DELETE /v1/todos/<todo_id> @app',
      'GET /v1/todo/<todo_id> @app',
      'DELETE /v1/todo/<todo_id> @app',
      'ANY /v1/remote @app',
      'GET /org/todos @app',
      'DELETE /org/todos @app',
    ]);
  });

  it('claims blueprint decorators in a file that only imports the blueprint, but not FastAPI files', async () => {
    const own = await extractPython(flaskRoutes, 'bp/reports.py', 'from . import reports_bp\n@reports_bp.route("/reports")\ndef reports(): ...\n');
    expect(routeLines(own)).toEqual(['GET /reports @reports_bp']);
    const foreign = await extractPython(flaskRoutes, 'svc.py', 'from fastapi import FastAPI\napp = FastAPI()\n@app.get("/x")\ndef x(): ...\n');
    expect(foreign).toEqual([]);
    const quart = await extractPython(flaskRoutes, 'q.py', 'from quart import Quart, Blueprint\nbp = Blueprint("a", __name__)\n@bp.post("/x")\nasync def x(): ...\n');
    expect(quart).toEqual([]);
  });
});
