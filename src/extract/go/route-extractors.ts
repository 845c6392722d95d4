import type { Extractor } from '../types.js';
import { goImports } from './imports.js';
import { goRoutes } from './routes.js';

/** Go import facts and the Gin / Echo / Fiber / chi / gorilla/mux / net/http / Beego route extractor. */
export const goRouteExtractors: Extractor[] = [goImports, goRoutes];
