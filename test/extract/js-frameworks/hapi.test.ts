import { describe, expect, it } from 'vitest';
import { hapiRoutes } from '../../../src/extract/hapi/routes.js';
import { endpointsOf, extractJs, mountLines, routeLines } from './parse.js';

describe('hapi/routes', () => {
  it('reads server.route() with single objects, arrays, method arrays, wildcard methods and options.handler', () => {
    const facts = extractJs(hapiRoutes, 'server.js', [
      "const Hapi = require('@hapi/hapi');",
      'const server = Hapi.server({ port: 3000 });',
      "server.route({ method: 'GET', path: '/users', handler: listUsers });",
      'server.route([',
      "  { method: ['PATCH', 'OPTIONS'], path: '/users/{id}', handler: (r) => r.payload },",
      "  { method: 'delete', path: '/users/{id}', options: { handler: users.remove, auth: 'jwt' } },",
      ']);',
      "server.route({ method: '*', path: '/health', handler: () => 'ok' });",
      "server.inject({ method: 'GET', url: '/users' });",
    ]);
    expect(routeLines(facts)).toEqual([
      'GET /users @server',
      'PATCH /users/{id} @server',
      'OPTIONS /users/{id} @server',
      'DELETE /users/{id} @server',
      'ANY /health @server',
    ]);
  });

  it('reads plugins: routes on the plugin, register() mounts with routes.prefix', () => {
    const plugin = extractJs(hapiRoutes, 'books.js', [
      'exports.plugin = {',
      "  name: 'books',",
      '  register: async (server, options) => {',
      "    server.route({ method: 'GET', path: '/{id}', handler: getBook });",
      '  },',
      '};',
    ]);
    expect(routeLines(plugin)).toEqual(['GET /{id} @__export_plugin']);
    const server = extractJs(hapiRoutes, 'server.js', [
      "const Hapi = require('@hapi/hapi');",
      "const Books = require('./books');",
      'const server = new Hapi.Server();',
      "await server.register({ plugin: Books, routes: { prefix: '/books' } });",
      "await server.register(Books, { routes: { prefix: '/v2' } });",
    ]);
    expect(mountLines(server)).toEqual([
      'server -> Books /books', 'server -> Books.plugin /books', 'server -> Books /v2', 'server -> Books.plugin /v2',
    ]);
  });

  it('links plugins and route modules across files through the model', () => {
    expect(endpointsOf({
      'server.js': [
        "const Hapi = require('@hapi/hapi');",
        'const server = Hapi.server();',
        "server.register([{ plugin: require('./books'), routes: { prefix: '/books' } }, { plugin: require('./authors'), routes: { prefix: '/v1' } }]);",
      ],
      'books.js': [
        "exports.plugin = { name: 'books', register(server) { server.route({ method: 'GET', path: '/', handler: list }); } };",
      ],
      'authors.js': [
        "async function register(server) { server.route(require('./author-routes')); }",
        "module.exports = { name: 'authors', register };",
      ],
      'author-routes.js': [
        "const routes = [{ method: 'POST', path: '/authors', handler: create }];",
        'module.exports = routes;',
      ],
    })).toEqual(['GET /books', 'POST /v1/authors']);
  });

  it('links hapi < 17 plugins (exports.register, { register: plugin } registrations)', () => {
    expect(endpointsOf({
      'server.js': [
        "const Hapi = require('hapi');",
        'const server = new Hapi.Server();',
        "server.register({ register: require('./legacy'), routes: { prefix: '/old' } }, () => {});",
      ],
      'legacy.js': [
        'exports.register = function (server, options, next) {',
        "  server.route({ method: 'GET', path: '/items', handler: list });",
        '  next();',
        '};',
        "exports.register.attributes = { name: 'legacy' };",
      ],
    })).toEqual(['GET /old/items']);
  });

  it('skips test files', () => {
    expect(routeLines(extractJs(hapiRoutes, 'test/server.test.js', [
      "const Hapi = require('@hapi/hapi');",
      "server.route({ method: 'GET', path: '/x', handler: x });",
    ]))).toEqual([]);
  });

  it('needs a handler for route objects outside hapi files (no request catalogues)', () => {
    const facts = extractJs(hapiRoutes, 'client.js', [
      "export const endpoints = [{ method: 'GET', path: '/users' }];",
      "module.exports.route = { method: 'GET', path: '/x', handler: x };",
    ]);
    expect(routeLines(facts)).toEqual(['GET /x @__export_route']);
  });
});
