import { defineRule } from '../../src/engine/define-rule.js';
import { endpointsOf, hasHealthEndpoint } from '../../src/model/queries.js';
import type { Endpoint } from '../../src/model/types.js';

/** Probe words found inside a path segment (`/home_page_health_check`, `/api/HealthCheck`, `/liveness-probe`). */
const PROBE_WORDS = new Set(['health', 'healthz', 'healthcheck', 'healthchecks', 'liveness', 'readiness', 'livez', 'readyz']);

/** Prefix segments under which a bare `status` route is a service status probe (`/status`, `/api/v1/status`). */
const STATUS_PREFIX = /^(api|v\d+|_?internal|system|sys|ops|_)$/;

/** A GET or catch-all route with a probe word inside one of its segments, or a top-level `/status`. */
function isProbeLike(endpoint: Endpoint): boolean {
  if (endpoint.method !== 'GET' && endpoint.method !== 'ANY') return false;
  const segments = endpoint.path.toLowerCase().split('/').filter(Boolean);
  const last = segments.at(-1);
  if ((last === 'status' || last === '_status' || last === 'statusz') && segments.slice(0, -1).every((s) => STATUS_PREFIX.test(s))) return true;
  return endpoint.path.split('/').some((segment) =>
    !segment.startsWith('{') && segment.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s\-_.]+/).some((w) => PROBE_WORDS.has(w)));
}

/** Profiling, debug and metrics routes mounted by tooling (`/debug/pprof`, `/metrics`). */
function isToolingPath(path: string): boolean {
  const first = path.toLowerCase().split('/').filter(Boolean)[0];
  return first === 'debug' || first === 'metrics' || first === '_debug' || first === 'prometheus';
}

export default defineRule({
  id: 'missing-health-endpoint',
  title: 'HTTP service without a health endpoint',
  category: 'health',
  cwe: [],
  severity: 'warning',
  recommended: true,
  description: 'Finds HTTP services that declare no health, liveness or readiness endpoint (/health, /healthz, /livez, /readyz, /ping, ...).',
  defaultOptions: {},
  *check({ model }) {
    for (const service of model.services) {
      if (!service.isHttp || !service.entry || hasHealthEndpoint(model, service)) continue;
      const endpoints = endpointsOf(model, service);
      if (endpoints.some(isProbeLike)) continue;
      // no route beyond debug / metrics tooling was understood: the absence of a probe proves nothing
      if (!endpoints.some((e) => !isToolingPath(e.path))) continue;
      const name = service.root === '' ? 'The service at the repository root' : `The service in ${service.root}/`;
      yield {
        key: `service:${service.root}`,
        location: service.entry,
        message: `${name} (${service.frameworks.map((f) => f.id).join(', ') || 'HTTP'}) declares no health or readiness endpoint such as /health or /readyz.`,
      };
    }
  },
});
