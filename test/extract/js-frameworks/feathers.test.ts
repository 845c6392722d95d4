import { describe, expect, it } from 'vitest';
import { feathersRoutes } from '../../../src/extract/feathers/routes.js';
import { endpointsOf, extractJs, ofKind, routeLines } from './parse.js';

describe('feathers/routes', () => {
  it('exposes the methods of object-literal and in-file class services, narrowed by a methods option', () => {
    const facts = extractJs(feathersRoutes, 'src/services/health.js', [
      'class Reviews {',
      '  async find(params) { return [] }',
      '  async get(id, params) { return { id } }',
      '  helper() {}',
      '}',
      'module.exports = (app) => {',
      "  app.use('/reviews', new Reviews());",
      "  app.use('health', { async find() { return {} }, async create(d) { return d } }, { methods: ['find'] });",
      "  app.service('reviews').hooks({});",
      '};',
    ]);
    expect(routeLines(facts)).toEqual(['GET /reviews', 'GET /reviews/:id', 'GET /health']);
    expect(ofKind(facts, 'route')[0]!.location.startLine).toBe(7);
    expect(ofKind(facts, 'view').map((v) => v.routes.map((r) => `${r.method} ${r.path}`))).toEqual([['GET ', 'GET /:id']]);
  });

  it('gives adapter services every standard method', () => {
    const facts = extractJs(feathersRoutes, 'src/services/logs.js', [
      "const memory = require('feathers-memory');",
      "const { MongoDBService } = require('@feathersjs/mongodb');",
      "module.exports = (app) => { app.use('/logs', memory({ paginate: {} })); app.use('/events', new MongoDBService({})); app.service('logs') };",
    ]);
    expect(routeLines(facts)).toEqual([
      'GET /logs', 'GET /logs/:id', 'POST /logs', 'PUT /logs/:id', 'PATCH /logs/:id', 'DELETE /logs/:id',
      'GET /events', 'GET /events/:id', 'POST /events', 'PUT /events/:id', 'PATCH /events/:id', 'DELETE /events/:id',
    ]);
  });

  it('ignores use() calls that are not service registrations', () => {
    expect(routeLines(extractJs(feathersRoutes, 'server.js', [
      "const express = require('express');",
      'const app = express();',
      "app.use('/api', router);",
      "app.use('/x', new Thing());",
    ]))).toEqual([]);
  });

  it('links a service class from another file through its view', () => {
    expect(endpointsOf({
      'src/app.ts': [
        "import { feathers } from '@feathersjs/feathers'",
        "import { Messages } from './messages.class'",
        'const app = feathers()',
        "app.use('messages', new Messages())",
      ],
      'src/messages.class.ts': [
        'export class Messages {',
        '  async find() { return [] }',
        '  async patch(id: string, data: unknown) { return data }',
        '}',
      ],
      'src/users.class.js': [
        "exports.Users = class Users extends KnexService {}",
      ],
      'src/users.js': [
        "const { Users } = require('./users.class')",
        "module.exports = (app) => { app.use('/users', new Users()); app.service('users') }",
      ],
    })).toEqual([
      'DELETE /users/{id}', 'GET /messages', 'GET /users', 'GET /users/{id}', 'PATCH /messages/{id}', 'PATCH /users/{id}', 'POST /users', 'PUT /users/{id}',
    ]);
  });

  it('resolves a service path named by an imported constant (Feathers 5 generated services)', () => {
    expect(endpointsOf({
      'src/services/messages/messages.ts': [
        "import type { Application } from '../../declarations'",
        "import { MessageService, getOptions } from './messages.class'",
        "import { messagePath, messageMethods } from './messages.shared'",
        'export const message = (app: Application) => {',
        '  app.use(messagePath, new MessageService(getOptions(app)), { methods: messageMethods, events: [] })',
        '  app.service(messagePath).hooks({})',
        '}',
      ],
      'src/services/messages/messages.shared.ts': [
        "export const messagePath = 'messages'",
        "export const messageMethods = ['find', 'get', 'create', 'patch', 'remove'] as const",
      ],
      'src/services/messages/messages.class.ts': [
        "import { KnexService } from '@feathersjs/knex'",
        'export class MessageService extends KnexService {}',
        'export const getOptions = (app: unknown) => ({ Model: app })',
      ],
    })).toEqual([
      'DELETE /messages/{id}', 'GET /messages', 'GET /messages/{id}', 'PATCH /messages/{id}', 'POST /messages', 'PUT /messages/{id}',
    ]);
  });
});
