// Koa routes: `new Koa()`, koa-router / @koa/router (`new Router({ prefix })`, `router.prefix()`,
// named routes `router.get('name', '/path', ...)`, `del`), `app.use(router.routes())` mounts.
import type { Extractor } from '../types.js';
import { scanVerbRoutes } from '../express/verb-routes.js';

export const koaRoutes: Extractor = {
  id: 'koa/routes',
  languages: ['javascript', 'typescript'],
  keywords: ['koa', 'ctx'],
  extract: (file) => scanVerbRoutes(file, 'koa'),
};
