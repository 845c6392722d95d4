import { describe, expect, it } from 'vitest';
import { fastifyRoutes } from '../../../src/extract/fastify/routes.js';
import { endpointsOf, extractJs, routeLines } from './parse.js';

describe('fastify: paths built from the plugin options prefix', () => {
  it('reads opts.prefix + constant as the constant under the plugin', () => {
    const facts = extractJs(fastifyRoutes, 'lib/routes/books.js', [
      "const fp = require('fastify-plugin');",
      'async function books (app, opts) {',
      "  app.route({ method: 'GET', path: opts.prefix + 'books/:id', handler: show });",
      "  app.post(`${opts.prefix}/books`, create);",
      "  app.get(opts.other + '/x', show);",
      '  async function show (req, reply) { return {}; }',
      '  async function create (req, reply) { return {}; }',
      '}',
      'module.exports = fp(books);',
    ]);
    expect(routeLines(facts)).toEqual(['GET /books/:id @books', 'POST /books @books']);
  });

  it('joins them under the registration prefix', () => {
    expect(endpointsOf({
      'server.js': ["const fastify = require('fastify')();", "fastify.register(require('./tags'), { prefix: '/v2' });"],
      'tags.js': ["module.exports = async function (instance, options) {", "  instance.get(options.prefix + 'tags', async (req, reply) => []);", '};'],
    })).toEqual(['GET /v2/tags']);
  });
});
