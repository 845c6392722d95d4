import { describe, expect, it } from 'vitest';
import { fastifyRoutes } from '../../../src/extract/fastify/routes.js';
import { endpointDetails, endpointsOf, extractJs, mountLines, ofKind, routeLines } from './parse.js';

describe('fastify/routes', () => {
  it('reads shorthand routes with options, route() objects, hooks and schema tags', () => {
    const facts = extractJs(fastifyRoutes, 'app.js', [
      "const fastify = require('fastify')({ logger: true });",
      "fastify.get('/users/:id', { schema: { tags: ['users'] }, onRequest: [fastify.authenticate] }, async (req) => ({}));",
      "fastify.route({ method: ['GET', 'POST'], url: '/items', preHandler: fastify.auth([verifyJWT]), handler: list });",
      "fastify.route({ methods: 'PUT', path: '/p', handler: async () => ({}) });",
      "fastify.addHook('onRequest', requireUser);",
      'const db = { query: (sql) => {} };',
      "db.query('/not-a-route');",
      'fastify.listen({ port: 3000 });',
    ]);
    expect(ofKind(facts, 'router').map((r) => [r.ref.path[0], !!r.isApp])).toEqual([['fastify', true]]);
    expect(routeLines(facts)).toEqual(['GET /users/:id @fastify', 'GET /items @fastify', 'POST /items @fastify', 'PUT /p @fastify']);
    const [show, items] = ofKind(facts, 'route');
    expect(show!.openapiTags).toEqual(['users']);
    expect(show!.middleware?.map((m) => [m.name, m.role])).toEqual([['fastify.authenticate', 'auth']]);
    expect(items!.middleware?.map((m) => m.role)).toEqual(['auth']);
    expect(items!.handler?.name).toBe('list');
    expect(ofKind(facts, 'router-middleware').map((m) => [m.middleware.name, m.middleware.role])).toEqual([['requireUser', 'auth']]);
  });

  it('treats plugins as routers: named, inline, fp-wrapped and required', () => {
    const facts = extractJs(fastifyRoutes, 'app.js', [
      "import Fastify from 'fastify';",
      "import fp from 'fastify-plugin';",
      'const app = Fastify();',
      "async function admin(f, opts) { f.get('/stats', async () => ({})); }",
      "app.register(admin, { prefix: '/admin' });",
      "app.register(function (instance, opts, done) { instance.get('/hello', h); done(); }, { prefix: '/en' });",
      "app.register(fp(async (srv) => { srv.post('/x', async () => 1); }));",
      "app.register(require('./routes/users'), { prefix: '/users' });",
      "app.register(import('./routes/things'));",
    ]);
    expect(routeLines(facts)).toEqual([
      'GET /stats @admin',
      expect.stringMatching(/^GET \/hello @__router_L6_C\d+$/),
      expect.stringMatching(/^POST \/x @__router_L7_C\d+$/),
    ]);
    expect(mountLines(facts)).toEqual([
      'app -> admin /admin',
      expect.stringMatching(/^app -> __router_L6_C\d+ \/en$/),
      expect.stringMatching(/^app -> __router_L7_C\d+ $/),
      expect.stringMatching(/^app -> __require_L8_C\d+ \/users$/),
      expect.stringMatching(/^app -> __require_L9_C\d+ $/),
    ]);
  });

  it('resolves exported plugins, autoPrefix and autoload folders across files', () => {
    expect(endpointsOf({
      'app.js': [
        "const fastify = require('fastify')();",
        "fastify.register(require('./plugins/users'), { prefix: '/api/users' });",
      ],
      'plugins/users.js': ["module.exports = async function (fastify) { fastify.get('/:id', async () => ({})); };"],
      'routes/status.js': ["export const autoPrefix = '/_app';", "export default async function (fastify) { fastify.get('/status', async () => 'ok'); }"],
      'routes/api/tasks/index.ts': ["import { FastifyInstance } from 'fastify';", "export default async function (app: FastifyInstance) { app.post('/', async () => ({})); }"],
    })).toEqual(['GET /_app/status', 'GET /api/users/{id}', 'POST /api/tasks']);
  });

  it('gives endpoints the auth of app-level hooks', () => {
    const endpoints = endpointDetails({
      'app.js': [
        "const fastify = require('fastify')();",
        "fastify.get('/open', async () => 1);",
        "fastify.addHook('preHandler', fastify.verifyJwt);",
        "fastify.get('/closed', async () => 1);",
      ],
    });
    expect(endpoints.map((e) => [e.path, e.auth])).toEqual([['/open', 'none'], ['/closed', 'required']]);
  });
});
