import { describe, expect, it } from 'vitest';
import { koaDeclarativeRoutes } from '../../../src/extract/koa/declarative-routes.js';
import { koaRoutes } from '../../../src/extract/koa/routes.js';
import { endpointsOf, extractJs, mountLines, ofKind, routeLines } from './parse.js';

describe('koa/routes', () => {
  it('reads apps, routers with prefixes, named routes, del and all', () => {
    const facts = extractJs(koaRoutes, 'app.js', [
      "const Koa = require('koa');",
      "const Router = require('@koa/router');",
      'const app = new Koa();',
      "const api = new Router({ prefix: '/api' });",
      'const accounts = new Router();',
      "accounts.prefix('/accounts');",
      "api.get('user.show', '/users/:id', show);",
      "api.del('/users/:id', remove);",
      "accounts.all('/any', any);",
      'app.use(api.routes()).use(api.allowedMethods());',
      "app.use('/v1', accounts.routes());",
      'app.listen(3000);',
    ]);
    expect(ofKind(facts, 'router').map((r) => [r.ref.path[0], r.prefix ?? '', !!r.isApp])).toEqual([
      ['app', '', true], ['api', '/api', false], ['accounts', '/accounts', false],
    ]);
    expect(routeLines(facts)).toEqual(['GET /users/:id @api', 'DELETE /users/:id @api', 'ANY /any @accounts']);
    expect(mountLines(facts)).toEqual(['app -> api ', 'app -> accounts /v1']);
    expect(ofKind(facts, 'service-entry')).toHaveLength(1);
  });

  it('links routers exported as router.routes() and aggregated with use()', () => {
    expect(endpointsOf({
      'app.js': ["const Koa = require('koa');", "const router = require('./routes');", 'const app = new Koa();', 'app.use(router.routes());'],
      'routes/index.js': [
        "const Router = require('koa-router');",
        'const router = new Router(); const api = new Router();',
        "api.use(require('./users'));",
        "router.use('/api', api.routes());",
        'module.exports = router;',
      ],
      'routes/users.js': [
        "const Router = require('koa-router');",
        'const router = new Router();',
        "router.post('/users/login', (ctx) => {});",
        'module.exports = router.routes();',
      ],
    })).toEqual(['POST /api/users/login']);
  });
});

describe('koa/declarative-routes', () => {
  it('reads exported route tables with handlers, not request catalogues or hapi routes', () => {
    const facts = extractJs(koaDeclarativeRoutes, 'routes.js', [
      'module.exports = (strapi) => [',
      "  { method: 'GET', path: '/items', handler: 'item.find' },",
      "  { method: 'DELETE', path: '/items/:id', handler: 'item.delete', config: { auth: { scope: ['x'] } } },",
      "  { method: 'POST', path: '/public', handler: 'item.create', config: { auth: false } },",
      '];',
      "const catalog = [{ method: 'GET', path: '/not-a-route', timeout: 1 }];",
      "server.route([{ method: 'GET', path: '/hapi', handler: h }]);",
    ]);
    expect(routeLines(facts)).toEqual(['GET /items', 'DELETE /items/:id', 'POST /public']);
    expect(ofKind(facts, 'route').map((r) => r.middleware?.[0]?.role ?? null)).toEqual([null, 'auth', null]);
  });
});
