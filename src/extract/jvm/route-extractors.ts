import type { Extractor } from '../types.js';
import { jvmAnnotatedRoutes } from './annotated-routes.js';
import { jvmCallRoutes } from './call-routes.js';
import { jvmConfigRoutes } from './config-routes.js';
import { jvmDslRouteExtractors } from './dsl/route-extractors.js';

/** Route extractors for Java and Kotlin (Spring, JAX-RS, Micronaut, Quarkus), their configuration files and DSL frameworks. */
export const jvmRouteExtractors: Extractor[] = [jvmAnnotatedRoutes, jvmCallRoutes, jvmConfigRoutes, ...jvmDslRouteExtractors];
