import { describe, expect, it } from 'vitest';
import { expressRoutes } from '../../../src/extract/express/routes.js';
import { endpointDetails, endpointsOf, extractJs, mountLines, ofKind, routeLines } from './parse.js';

describe('express/routes', () => {
  it('reads apps, routers, verbs, route() chains, arrays, constants and regex paths', () => {
    const facts = extractJs(expressRoutes, 'app.js', [
      "const express = require('express');",
      "const { Router } = require('express');",
      'const app = express();',
      'const router = Router();',
      "const prefix = '/api';",
      "app.get('/', home);",
      'router.post(`${prefix}/login`, login);',
      "router.route('/items/:id').get(show).delete(remove);",
      "router.all(['/a', '/b'], any);",
      'router.get(/^\\/re-(\\d+)$/, re);',
      "router['put']('/bracket', put);",
      "app.get('env');",
      'app.listen(3000);',
    ]);
    expect(ofKind(facts, 'router').map((r) => [r.ref.path.join('.'), !!r.isApp])).toEqual([['app', true], ['router', false]]);
    expect(routeLines(facts)).toEqual([
      'GET / @app',
      'POST /api/login @router',
      'GET /items/:id @router',
      'DELETE /items/:id @router',
      'ANY /a @router',
      'ANY /b @router',
      'GET /^\\/re-(\\d+)$/ @router',
      'PUT /bracket @router',
    ]);
    const routes = ofKind(facts, 'route');
    expect(routes[6]!.isRegex).toBe(true);
    expect(routes[0]!.handler?.name).toBe('home');
    expect(routes[3]!.location.startLine).toBe(8);
    expect(ofKind(facts, 'service-entry')).toHaveLength(1);
  });

  it('classifies route middleware between the path and the handler', () => {
    const facts = extractJs(expressRoutes, 'r.ts', [
      "import { Router } from 'express';",
      "import auth from '../auth';",
      "import rateLimit from 'express-rate-limit';",
      'const router = Router();',
      "router.get('/feed', auth.required, rateLimit({ max: 5 }), handler);",
      "router.get('/list', auth.optional, list);",
      "router.post('/x', passport.authenticate('jwt', { session: false }), create);",
      'export default router;',
    ]);
    const [feed, list, x] = ofKind(facts, 'route');
    expect(feed!.middleware?.map((m) => [m.name, m.role])).toEqual([['auth.required', 'auth'], ['rateLimit', 'rate-limit']]);
    expect(list!.middleware?.map((m) => m.role)).toEqual(['optional-auth']);
    expect(x!.middleware?.map((m) => [m.name, m.role])).toEqual([['passport.authenticate', 'auth']]);
  });

  it('emits mounts (with a middleware fallback for imports) and router middleware for calls', () => {
    const facts = extractJs(expressRoutes, 'app.js', [
      "const express = require('express');",
      "const cors = require('cors');",
      "const users = require('./routes/users');",
      "const check = require('./check');",
      'const app = express();',
      'const admin = express.Router();',
      'app.use(cors());',
      'app.use(express.json());',
      "app.use('/users', check, users);",
      "app.use(['/admin', '/root'], admin);",
      "app.use('/y', require('./routes/y'));",
      "app.use('/z', require('./routes/z').router);",
      "app.use('/guarded', (req, res, next) => next());",
    ]);
    expect(mountLines(facts)).toEqual([
      'app -> check /users',
      'app -> users /users',
      'app -> admin /admin',
      'app -> admin /root',
      expect.stringMatching(/^app -> __require_L11_C\d+ \/y$/),
      expect.stringMatching(/^app -> __require_L12_C\d+ \/z$/),
    ]);
    const mounts = ofKind(facts, 'mount');
    expect(mounts[0]!.asMiddleware?.name).toBe('check');
    expect(mounts[2]!.asMiddleware).toBeUndefined();
    expect(ofKind(facts, 'import').map((i) => `${i.source}#${i.imported}`)).toEqual(['./routes/y#default', './routes/z#router']);
    expect(ofKind(facts, 'router-middleware').map((m) => [m.middleware.name, m.middleware.role, m.pathPrefix])).toEqual([
      ['cors', 'cors', ''], ['express.json', 'other', ''], ['anonymous', 'other', '/guarded'],
    ]);
  });

  it('ignores HTTP clients, foreign frameworks and browser code', () => {
    const client = extractJs(expressRoutes, 'client.js', [
      "const axios = require('axios');",
      "import api from './api';",
      "import { defineStore } from 'pinia';",
      "axios.get('/users', handler);",
      "api.post('/users', payload);",
      "fetch('/x');",
    ]);
    expect(routeLines(client)).toEqual([]);
    const hono = extractJs(expressRoutes, 'h.ts', ["import { Hono } from 'hono';", 'const app = new Hono();', "app.get('/x', (c) => c.text('x'));"]);
    expect(routeLines(hono)).toEqual([]);
    const pool = extractJs(expressRoutes, 'db.js', [
      "const express = require('express');",
      "const { Pool } = require('pg');",
      'const app = express(); const pool = new Pool();',
      "app.get('/stats', async (req, res) => { await Promise.all([pool.query('SELECT 1')]); });",
      "app.all('*', notFound);",
    ]);
    expect(routeLines(pool)).toEqual(['GET /stats @app', 'ANY * @app']);
    expect(routeLines(extractJs(expressRoutes, 'app.test.js', ["const app = require('express')();", "app.get('/t', h);"]))).toEqual([]);
  });

  it('names routers made by factories, exported functions and class fields', () => {
    const facts = extractJs(expressRoutes, 'routes.ts', [
      "import express, { Router } from 'express';",
      'export function createPublicRouter() {',
      '  const router = express.Router();',
      "  router.get('/public', h);",
      '  return router;',
      '}',
      'export default function (app) {',
      "  app.get('/from-param', (req, res) => res.end());",
      '}',
      'class UsersController {',
      '  router = Router();',
      "  constructor() { this.router.get('/users', this.list); }",
      '}',
      "app2.use('/x', new UsersController().router);",
    ]);
    expect(routeLines(facts)).toEqual([
      'GET /public @createPublicRouter',
      'GET /from-param @__default_export',
      'GET /users @UsersController.router',
    ]);
  });

  it('resolves mounts, factories, config arrays and app-passing modules across files', () => {
    expect(endpointsOf({
      'app.js': [
        "const express = require('express');",
        "const routes = require('./routes');",
        "const { createApi } = require('./api');",
        'const app = express();',
        "app.use('/v1', routes);",
        "app.use('/api', createApi());",
        "require('./legacy')(app);",
        'app.listen(3000);',
      ],
      'routes/index.js': [
        "const router = require('express').Router();",
        "const auth = require('./auth.route');",
        "const defaultRoutes = [{ path: '/auth', route: auth }];",
        'defaultRoutes.forEach((r) => { router.use(r.path, r.route); });',
        'module.exports = router;',
      ],
      'routes/auth.route.js': [
        "const express = require('express');",
        'const router = express.Router();',
        "router.post('/login', (req, res) => res.json({}));",
        'module.exports = router;',
      ],
      'api.js': [
        "const express = require('express');",
        "function createApi() { const r = express.Router(); r.get('/status', (q, s) => s.end()); return r; }",
        'module.exports = { createApi };',
      ],
      'legacy.js': ["module.exports = function (app) { app.get('/old', (req, res) => res.end()); };"],
    })).toEqual(['GET /api/status', 'GET /old', 'POST /v1/auth/login']);
  });

  it('carries app-level auth and path-scoped middleware to endpoints', () => {
    const endpoints = endpointDetails({
      'app.js': [
        "const express = require('express');",
        "const { requireAuth } = require('./mw');",
        'const app = express();',
        "app.get('/public', (req, res) => res.end());",
        "app.use('/admin', requireAuth);",
        "app.get('/admin/users', (req, res) => res.end());",
        "app.post('/items', requireAuth, (req, res) => res.end());",
      ],
      'mw.js': ['module.exports.requireAuth = (req, res, next) => next();'],
    });
    expect(endpoints.map((e) => [e.method, e.path, e.auth])).toEqual([
      ['GET', '/public', 'none'], ['GET', '/admin/users', 'required'], ['POST', '/items', 'required'],
    ]);
  });

  it('reads swagger-jsdoc tags above a route', () => {
    const facts = extractJs(expressRoutes, 'r.js', [
      "const router = require('express').Router();",
      '/**',
      ' * @openapi',
      ' * /users:',
      ' *   get:',
      ' *     tags:',
      ' *       - Users',
      ' *       - "Admin"',
      ' */',
      "router.get('/users', list);",
      '/** @swagger',
      ' *  /x: { post: { tags: [Things] } }',
      ' *     tags: [Things, Other]',
      ' */',
      "router.post('/x', create);",
    ]);
    expect(ofKind(facts, 'route').map((r) => r.openapiTags)).toEqual([['Users', 'Admin'], ['Things', 'Other']]);
  });

  it('reads Parse Server PromiseRouter routes', () => {
    const facts = extractJs(expressRoutes, 'parse.js', [
      'class PushRouter extends PromiseRouter {',
      "  mountRoutes() { this.route('GET', '/push/:id', (req) => null); this.route('post', '/push', h); }",
      '}',
    ]);
    expect(routeLines(facts)).toEqual(['GET /push/:id @PushRouter', 'POST /push @PushRouter']);
  });
});
