import { describe, expect, it } from 'vitest';
import { endpointsOf } from './parse.js';

describe('koa: router.routes() bound to an exported constant', () => {
  it('mounts the constant as the router', () => {
    expect(endpointsOf({
      'src/app.ts': ["import Koa from 'koa';", "import { root } from './routes';", 'const app = new Koa();', 'app.use(root.routes());'],
      'src/routes/index.ts': [
        "import Router from 'koa-router';",
        "import { bookRoutes } from './books';",
        'export const root = new Router();',
        'const api = new Router();',
        'api.use(bookRoutes);',
        "root.use('/api', api.routes());",
      ],
      'src/routes/books.ts': [
        "import Router from 'koa-router';",
        'const router = new Router();',
        "router.get('/books/:id', show);",
        'export const bookRoutes: Router.IMiddleware = router.routes();',
      ],
    })).toEqual(['GET /api/books/{id}']);
  });
});
