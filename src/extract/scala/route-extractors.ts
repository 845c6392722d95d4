import type { Extractor } from '../types.js';
import { playRoutes } from './play-routes.js';
import { sirdRoutes } from './sird-routes.js';

/** Endpoint extractors for Scala web frameworks: Play route files (also used by Play Java) and SIRD routers. */
export const scalaRouteExtractors: Extractor[] = [playRoutes, sirdRoutes];
