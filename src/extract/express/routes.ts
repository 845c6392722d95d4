// Express routes, routers, mounts and middleware (`express()`, `express.Router()`, `app.get`,
// `router.route('/x').get()`, `app.use('/api', router)`), plus Parse Server's PromiseRouter.
import type { Extractor } from '../types.js';
import { scanVerbRoutes } from './verb-routes.js';

export const expressRoutes: Extractor = {
  id: 'express/routes',
  languages: ['javascript', 'typescript'],
  // Routers are passed between files: any verb or use() call may register on one.
  keywords: ['express', 'Router', '.get(', '.post(', '.put(', '.patch(', '.delete(', '.all(', '.use(', '.route(', 'this.route('],
  extract: (file) => scanVerbRoutes(file, 'express'),
};
