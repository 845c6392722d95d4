import { describe, expect, it } from 'vitest';
import { flaskRestxRoutes } from '../../../src/extract/flask-restx/routes.js';
import { extractPython, ofKind, routeLines } from './parse.js';

describe('flask-restx/routes', () => {
  it('reads namespace prefixes, @ns.route / @api.route resources and ns.add_resource', async () => {
    const facts = await extractPython(flaskRestxRoutes, 'res.py', [
      'from flask_restx import Api, Namespace, Resource',
      'ns = Namespace("users")',
      'other = Namespace("x", path="/custom")',
      'api = Api(prefix="/v2")',
      '@ns.route("/<int:uid>", "/by-id/<int:uid>")',
      'class User(Resource):',
      '    def get(self, uid): pass',
      '    def put(self, uid): pass',
      '@api.route("/ping")',
      'class Ping(Resource):',
      '    def get(self): pass',
      'class Thing(Resource):',
      '    def delete(self): pass',
      'other.add_resource(Thing, "/t")',
    ].join('\n'));
    expect(routeLines(facts)).toEqual([
      'GET /<int:uid> @ns', 'PUT /<int:uid> @ns', 'GET /by-id/<int:uid> @ns', 'PUT /by-id/<int:uid> @ns', 'GET /ping @api', 'DELETE /t @other',
    ]);
    expect(ofKind(facts, 'router').map((r) => `${r.ref.path[0]} ${r.prefix ?? ''}`)).toEqual(['ns /users', 'other /custom', 'api /v2']);
  });

  it('mounts the Api on its app or blueprint and namespaces on the Api', async () => {
    const facts = await extractPython(flaskRestxRoutes, 'app.py', [
      'from flask import Flask, Blueprint',
      'from flask_restx import Api',
      'from resources import users_ns, items_ns',
      'bp = Blueprint("api", __name__, url_prefix="/api/v1")',
      'api = Api(bp, version="1.0")',
      'late = Api()',
      'late.init_app(app)',
      'api.add_namespace(users_ns, "/users")',
      'api.add_namespace(items_ns)',
    ].join('\n'));
    expect(ofKind(facts, 'mount').map((m) => `${m.parent.path[0]}>${m.child.path[0]} ${m.prefix}${m.replacesChildPrefix ? ' replaces' : ''}`)).toEqual([
      'bp>api ', 'app>late ', 'api>users_ns /users replaces', 'api>items_ns ',
    ]);
    expect(ofKind(facts, 'route')).toEqual([]);
  });
});
