// Every JS/TS web-framework extractor (routes, routers, mounts, middleware) and module linking.
import { expressRoutes } from '../express/routes.js';
import { fastifyRoutes } from '../fastify/routes.js';
import { honoRoutes } from '../hono/routes.js';
import { koaDeclarativeRoutes } from '../koa/declarative-routes.js';
import { koaRoutes } from '../koa/routes.js';
import { nestjsRoutes } from '../nestjs/routes.js';
import type { Extractor } from '../types.js';
import { javascriptModules } from './modules.js';
import { sailsRoutes } from '../sails/routes.js';
import { restifyRoutes } from '../restify/routes.js';
import { hapiRoutes } from '../hapi/routes.js';

export const javascriptRouteExtractors: Extractor[] = [
  javascriptModules,
  expressRoutes,
  koaRoutes,
  koaDeclarativeRoutes,
  fastifyRoutes,
  honoRoutes,
  nestjsRoutes,
  // Frameworks beyond the core (issue #3).
  sailsRoutes,
  restifyRoutes,
  hapiRoutes,
];
