import type { Extractor } from '../types.js';
import { jvmAnnotatedRoutes } from './annotated-routes.js';
import { jvmCallRoutes } from './call-routes.js';
import { jvmConfigRoutes } from './config-routes.js';

/** Route extractors for Java and Kotlin (Spring, JAX-RS, Micronaut, Quarkus) and their configuration files. */
export const jvmRouteExtractors: Extractor[] = [jvmAnnotatedRoutes, jvmCallRoutes, jvmConfigRoutes];
