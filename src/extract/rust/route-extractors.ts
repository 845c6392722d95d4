import type { Extractor } from '../types.js';
import { rustAttributeRoutes } from './attribute-routes.js';
import { rustRouterRoutes } from './routes.js';

/** Endpoint extractors for Rust web frameworks (axum, Actix-web, Rocket). */
export const rustRouteExtractors: Extractor[] = [rustRouterRoutes, rustAttributeRoutes];
