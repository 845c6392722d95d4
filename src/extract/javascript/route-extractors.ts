// Every JS/TS web-framework extractor (routes, routers, mounts, middleware) and module linking.
import { expressRoutes } from '../express/routes.js';
import { fastifyRoutes } from '../fastify/routes.js';
import { honoRoutes } from '../hono/routes.js';
import { koaDeclarativeRoutes } from '../koa/declarative-routes.js';
import { koaRoutes } from '../koa/routes.js';
import { nestjsGlobalGuards } from '../nestjs/global-guards.js';
import { nestjsRoutes } from '../nestjs/routes.js';
import type { Extractor } from '../types.js';
import { javascriptModules } from './modules.js';
import { sailsRoutes } from '../sails/routes.js';
import { restifyRoutes } from '../restify/routes.js';
import { hapiRoutes } from '../hapi/routes.js';
import { adonisRoutes } from '../adonisjs/routes.js';
import { nitroRoutes } from '../nitro/routes.js';
import { feathersRoutes } from '../feathers/routes.js';
import { oakRoutes } from '../oak/routes.js';
import { elysiaRoutes } from '../elysia/routes.js';
import { loopbackRoutes } from '../loopback/routes.js';
import { nodeHttpRoutes } from '../node-http/routes.js';
import { nextjsRoutes } from '../nextjs/routes.js';
import { nuxtRoutes } from '../nuxt/routes.js';
import { remixRoutes } from '../remix/routes.js';
import { remixRouteConfig } from '../remix/route-config.js';
import { sveltekitPages, sveltekitRoutes } from '../sveltekit/routes.js';
import { astroPages, astroRoutes } from '../astro/routes.js';
import { freshRoutes } from '../fresh/routes.js';
import { tanstackStartRoutes } from '../tanstack/routes.js';

export const javascriptRouteExtractors: Extractor[] = [
  javascriptModules,
  expressRoutes,
  koaRoutes,
  koaDeclarativeRoutes,
  fastifyRoutes,
  honoRoutes,
  nestjsRoutes,
  nestjsGlobalGuards,
  // Frameworks beyond the core (issue #3).
  sailsRoutes,
  restifyRoutes,
  hapiRoutes,
  adonisRoutes,
  nitroRoutes,
  feathersRoutes,
  oakRoutes,
  elysiaRoutes,
  loopbackRoutes,
  nodeHttpRoutes,
  // File-routed meta-frameworks (h10).
  nextjsRoutes,
  nuxtRoutes,
  remixRoutes,
  remixRouteConfig,
  sveltekitRoutes,
  sveltekitPages,
  astroRoutes,
  astroPages,
  freshRoutes,
  tanstackStartRoutes,
];
