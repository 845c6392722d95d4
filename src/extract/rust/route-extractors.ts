import type { Extractor } from '../types.js';
import { rustAttributeRoutes } from './attribute-routes.js';
import { rustConstants } from './constants.js';
import { poemOpenApiRoutes } from './poem-openapi.js';
import { rustRouterRoutes } from './routes.js';
import { warpRoutes } from './warp.js';

/** Endpoint extractors for Rust web frameworks (axum, Actix-web, Rocket, tide, gotham, salvo, warp, poem, Loco, rwf). */
export const rustRouteExtractors: Extractor[] = [rustRouterRoutes, rustAttributeRoutes, poemOpenApiRoutes, warpRoutes, rustConstants];
