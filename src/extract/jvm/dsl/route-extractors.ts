import type { Extractor } from '../../types.js';
import { armeriaRoutes } from './armeria.js';
import { http4kRoutes } from './http4k.js';
import { javalinRoutes } from './javalin.js';
import { ktorRoutes } from './ktor.js';
import { sparkRoutes } from './spark.js';
import { vertxRoutes } from './vertx.js';

/** Route extractors for JVM frameworks that declare routes with builder/lambda DSLs. */
export const jvmDslRouteExtractors: Extractor[] = [armeriaRoutes, vertxRoutes, javalinRoutes, sparkRoutes, ktorRoutes, http4kRoutes];
