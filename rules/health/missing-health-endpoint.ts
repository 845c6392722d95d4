import { defineRule } from '../../src/engine/define-rule.js';
import { hasHealthEndpoint } from '../../src/model/queries.js';

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
      const name = service.root === '' ? 'The service at the repository root' : `The service in ${service.root}/`;
      yield {
        key: `service:${service.root}`,
        location: service.entry,
        message: `${name} (${service.frameworks.map((f) => f.id).join(', ') || 'HTTP'}) declares no health or readiness endpoint such as /health or /readyz.`,
      };
    }
  },
});
