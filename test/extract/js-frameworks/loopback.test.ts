import { describe, expect, it } from 'vitest';
import { loopbackRoutes } from '../../../src/extract/loopback/routes.js';
import { extractJs, ofKind, routeLines } from './parse.js';

describe('loopback/routes', () => {
  it('reads operation decorators, @api basePath and @authenticate', () => {
    const facts = extractJs(loopbackRoutes, 'src/controllers/product.controller.ts', [
      "import {api, get, post, del, operation, param} from '@loopback/rest';",
      "import {authenticate} from '@loopback/authentication';",
      "@api({basePath: '/v1'})",
      'export class ProductController {',
      "  @get('/products/{id}')",
      "  async findById(@param.path.string('id') id: string) { return {}; }",
      "  @post('/products')",
      "  @authenticate('jwt')",
      '  async create() { return {}; }',
      "  @del('/products/{id}')",
      '  async remove() {}',
      "  @operation('get', '/products/count')",
      '  async count() { return {}; }',
      '  helper() {}',
      '}',
    ]);
    expect(routeLines(facts)).toEqual(['GET /v1/products/{id}', 'POST /v1/products', 'DELETE /v1/products/{id}', 'GET /v1/products/count']);
    const routes = ofKind(facts, 'route');
    expect(routes[0]!.location.startLine).toBe(5);
    expect(routes[0]!.handler?.name).toBe('ProductController.findById');
    expect(routes[1]!.middleware?.map((m) => `${m.name}:${m.role}`)).toEqual(['authenticate:auth']);
    expect(routes[0]!.middleware).toBeUndefined();
  });

  it('reads basePath() as a global prefix and ignores decorators of other packages', () => {
    const facts = extractJs(loopbackRoutes, 'src/application.ts', [
      "import {RestApplication} from '@loopback/rest';",
      "import {get} from './my-decorators';",
      'export class App extends RestApplication {',
      "  constructor() { super(); this.basePath('/api'); }",
      "  @get('/not-loopback') x() {}",
      '}',
    ]);
    expect(ofKind(facts, 'global-prefix').map((g) => g.prefix)).toEqual(['/api']);
    expect(routeLines(facts)).toEqual([]);
  });
});
