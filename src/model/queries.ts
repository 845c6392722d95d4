// Shared selections over the model, for rules.
import type { Endpoint, ProjectModel, Service } from './types.js';
import { isHealthPath, isMetricsPath } from './paths.js';

/** Endpoints of a service. */
export function endpointsOf(model: ProjectModel, service: Service): Endpoint[] {
  return model.endpoints.filter((e) => e.service === service.root);
}

/** API endpoints: not health, metrics or documentation routes. */
export function isApiEndpoint(endpoint: Endpoint): boolean {
  if (isHealthPath(endpoint.path) || isMetricsPath(endpoint.path)) return false;
  return !/\/(docs|redoc|swagger(-ui)?|api-docs|openapi(\.json|\.ya?ml)?)(\/|$)/i.test(endpoint.path);
}

/** True when the service has a health / readiness endpoint. */
export function hasHealthEndpoint(model: ProjectModel, service: Service): boolean {
  return model.health.some((h) => h.service === service.root);
}
