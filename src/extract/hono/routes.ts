// Hono routes: `new Hono()` (with `.basePath()`), verbs, `on(methods, paths)`, `route(prefix, sub)`
// mounts, chained `new Hono().get(...).post(...)`, `use()` middleware.
import type { Extractor } from '../types.js';
import { scanVerbRoutes } from '../express/verb-routes.js';

export const honoRoutes: Extractor = {
  id: 'hono/routes',
  languages: ['javascript', 'typescript'],
  keywords: ['hono', 'Hono'],
  extract: (file) => scanVerbRoutes(file, 'hono'),
};
