import type { Extractor } from '../types.js';
import { akkaHttpRoutes } from './akka-http.js';
import { http4sRoutes } from './http4s.js';
import { playRoutes } from './play-routes.js';
import { scalatraRoutes } from './scalatra.js';
import { sirdRoutes } from './sird-routes.js';
import { tapirRoutes } from './tapir.js';
import { zioHttpRoutes } from './zio-http.js';

/**
 * Endpoint extractors for Scala web frameworks: Play route files (also used by Play Java), SIRD routers,
 * Akka HTTP directive trees, http4s DSL routes, Scalatra servlets, Tapir endpoint descriptions and ZIO HTTP route patterns.
 */
export const scalaRouteExtractors: Extractor[] = [playRoutes, sirdRoutes, akkaHttpRoutes, http4sRoutes, scalatraRoutes, tapirRoutes, zioHttpRoutes];
