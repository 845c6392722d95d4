import type { Extractor } from '../../types.js';

/** Route extractors for JVM frameworks that declare routes with builder/lambda DSLs (filled in by the DSL work). */
export const jvmDslRouteExtractors: Extractor[] = [];
