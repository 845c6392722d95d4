import { describe, expect, it } from 'vitest';
import { parseAddress, sailsRoutes } from '../../../src/extract/sails/routes.js';
import { extractJs, ofKind } from './parse.js';

const lines = (facts: ReturnType<typeof extractJs>) =>
  ofKind(facts, 'route').map((r) => `${r.method} ${r.path} ${r.handler?.name} :${r.location.startLine}${r.origin === 'generated' ? ' (generated)' : ''}`);

describe('sails/routes', () => {
  it('parses route addresses: verb + path, verb-less (any method), regex and unknown addresses skipped', () => {
    expect(parseAddress('GET /users/:id')).toEqual({ method: 'GET', path: '/users/:id' });
    expect(parseAddress('post   /login')).toEqual({ method: 'POST', path: '/login' });
    expect(parseAddress('/webhook')).toEqual({ method: 'ANY', path: '/webhook' });
    expect(parseAddress('r|^/\\d+$|id')).toBeUndefined();
    expect(parseAddress('GET r|^/x$|')).toBeUndefined();
    expect(parseAddress('FETCH /x')).toBeUndefined();
  });

  it('reads config/routes.js targets: strings, controller/action objects, views, functions; skips policy-only entries', () => {
    const facts = extractJs(sailsRoutes, 'config/routes.js', [
      'module.exports.routes = {',
      "  'GET /': 'HomeController.index',",
      "  'POST /users': { controller: 'UserController', action: 'create' },",
      "  'GET /about': { view: 'pages/about' },",
      "  'DELETE /users/:id': 'user/destroy',",
      "  '/hook': function (req, res) { return res.ok(); },",
      "  'put /x': [isAdmin, 'x/update'],",
      "  '/*': { policy: 'isLoggedIn', skipAssets: true },",
      "  'r|^/files/(\\\\w+)$|name': 'FileController.read',",
      '};',
    ]);
    expect(lines(facts)).toEqual([
      'GET / HomeController.index :2',
      'POST /users UserController.create :3',
      'GET /about view:pages/about :4',
      'DELETE /users/:id user/destroy :5',
      'ANY /hook <inline> :6',
      'PUT /x x/update :7',
    ]);
    expect(ofKind(facts, 'route').every((r) => r.framework === 'sails' && !r.router)).toBe(true);
  });

  it('reads `module.exports = { routes }` and ignores route tables outside config/', () => {
    const source = ["module.exports = { routes: { 'GET /a': 'A.a' } };"];
    expect(lines(extractJs(sailsRoutes, 'config/env/production.js', source))).toEqual(['GET /a A.a :1']);
    expect(lines(extractJs(sailsRoutes, 'lib/routes.js', source))).toEqual([]);
  });

  it('binds the REST blueprints of a Waterline model file (identity = file name, lower case)', () => {
    const facts = extractJs(sailsRoutes, 'api/models/BlogPost.js', [
      'module.exports = {',
      '  attributes: { title: { type: "string" } },',
      '};',
    ]);
    expect(lines(facts)).toEqual([
      'GET /blogpost blueprint.find :1 (generated)',
      'POST /blogpost blueprint.create :1 (generated)',
      'GET /blogpost/:id blueprint.findOne :1 (generated)',
      'PATCH /blogpost/:id blueprint.update :1 (generated)',
      'DELETE /blogpost/:id blueprint.destroy :1 (generated)',
    ]);
    expect(lines(extractJs(sailsRoutes, 'api/models/helpers.js', ['module.exports = { format() {} };']))).toEqual([]);
  });
});
