export { buildModel, serviceOf, compareLocations, authOf, handlerClassOf, type ModelInput } from './build-model.js';
export { finalizePath, joinPaths, normalizeParams, isHealthPath, isMetricsPath } from './paths.js';
export type { Endpoint, ProjectModel, Service, ServiceFramework, PathFact, AuthState } from './types.js';
