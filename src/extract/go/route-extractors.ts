import type { Extractor } from '../types.js';
import { goImports } from './imports.js';
import { goRoutes } from './routes.js';
import { goframeMeta } from './goframe.js';
import { goZeroApi } from './gozero-api.js';
import { irisMvcControllers } from './iris-mvc.js';

/** Go import facts, the Go route extractor (Gin, Echo, Fiber, chi, gorilla/mux, net/http, Beego, Iris, GoFrame, go-zero, ...),
 * GoFrame g.Meta routes and go-zero .api files. */
export const goRouteExtractors: Extractor[] = [goImports, goRoutes, goframeMeta, goZeroApi, irisMvcControllers];
