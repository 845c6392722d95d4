import { describe, expect, it } from 'vitest';
import { restifyRoutes } from '../../../src/extract/restify/routes.js';
import { endpointsOf, extractJs, mountLines, ofKind, routeLines } from './parse.js';

describe('restify/routes', () => {
  it('reads verb calls with string, { path }, { url } and regex paths, and middleware before the handler', () => {
    const facts = extractJs(restifyRoutes, 'server.js', [
      "const restify = require('restify');",
      'const server = restify.createServer();',
      "server.get('/', index);",
      "server.post({ path: '/items', version: '1.0.0' }, auth.required, createItem);",
      "server.get({ url: '/foo/:id', name: 'GetFoo' }, getFoo);",
      "server.del('/items/:id', removeItem);",
      "server.opts('/items', preflight);",
      "server.head('/ping', ping);",
      "server.patch(/^\\/files\\/(.*)/, patchFile);",
      'function setup(app) {',
      "  app.put('/p', put);",
      '}',
      "client.get('/not-a-route', cb);",
    ]);
    expect(routeLines(facts)).toEqual([
      'GET / @server',
      'POST /items @server',
      'GET /foo/:id @server',
      'DELETE /items/:id @server',
      'OPTIONS /items @server',
      'HEAD /ping @server',
      'PATCH /^\\/files\\/(.*)/ @server',
      'PUT /p @app',
    ]);
    const post = ofKind(facts, 'route')[1]!;
    expect(post.middleware?.map((m) => m.name)).toEqual(['auth.required']);
    expect(ofKind(facts, 'router').map((r) => `${r.ref.path.join('.')}${r.isApp ? ' app' : ''}`)).toEqual(['server app']);
  });

  it('reads restify-router routers, applyRoutes prefixes and nested add()', () => {
    const facts = extractJs(restifyRoutes, 'routes.js', [
      "import { Router } from 'restify-router';",
      'const users = new Router();',
      'const admin = new Router();',
      "users.get('/:id', getUser);",
      "admin.add('/users', users);",
      "admin.applyRoutes(server, '/admin');",
      'users.applyRoutes(server);',
    ]);
    expect(routeLines(facts)).toEqual(['GET /:id @users']);
    expect(mountLines(facts)).toEqual(['admin -> users /users', 'server -> admin /admin', 'server -> users ']);
  });

  it('ignores files without restify, such as restify-clients code', () => {
    const facts = extractJs(restifyRoutes, 'client.js', [
      "const clients = require('restify-clients');",
      "const client = clients.createJSONClient({ url: 'http://x' });",
      "client.get('/todo', cb);",
      "client.del('/todo/x', cb);",
    ]);
    expect(facts).toEqual([]);
  });

  it('reads route modules that never import restify when they use its own verbs (del, opts)', () => {
    const source = [
      'module.exports = function (server) {',
      "  server.get('/users', list);",
      "  server.del('/users/:id', remove);",
      '};',
    ];
    expect(routeLines(extractJs(restifyRoutes, 'routes/users.js', source))).toEqual(['GET /users @server', 'DELETE /users/:id @server']);
    expect(routeLines(extractJs(restifyRoutes, 'routes/users.js', ["const express = require('express');", ...source]))).toEqual([]);
    expect(routeLines(extractJs(restifyRoutes, 'test/users.test.js', source))).toEqual([]);
  });

  it('links a router module to the server that applies it', () => {
    expect(endpointsOf({
      'routes/users.js': [
        "const Router = require('restify-router').Router;",
        'const router = new Router();',
        "router.get('/:id', getUser);",
        'module.exports = router;',
      ],
      'server.js': [
        "const restify = require('restify');",
        "const users = require('./routes/users');",
        'const server = restify.createServer();',
        "users.applyRoutes(server, '/users');",
      ],
    })).toEqual(['GET /users/{id}']);
  });
});
