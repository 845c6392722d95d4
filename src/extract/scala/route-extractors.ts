import type { Extractor } from '../types.js';
import { akkaHttpRoutes } from './akka-http.js';
import { http4sRoutes } from './http4s.js';
import { playRoutes } from './play-routes.js';
import { sirdRoutes } from './sird-routes.js';

/** Endpoint extractors for Scala web frameworks: Play route files (also used by Play Java) SIRD routers, Akka HTTP directive trees and http4s DSL routes. */
export const scalaRouteExtractors: Extractor[] = [playRoutes, sirdRoutes, akkaHttpRoutes, http4sRoutes];
