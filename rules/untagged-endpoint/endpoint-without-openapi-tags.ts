import { defineRule } from '../../src/engine/define-rule.js';
import { isApiEndpoint } from '../../src/model/queries.js';

export default defineRule({
  id: 'endpoint-without-openapi-tags',
  title: 'API endpoint without OpenAPI tags',
  category: 'untagged-endpoint',
  cwe: [],
  severity: 'note',
  recommended: true,
  description: 'Finds API endpoints that carry no OpenAPI tag, in services where at least one endpoint is tagged (so the project documents its API with tags).',
  defaultOptions: { requireInUntaggedServices: false },
  *check({ model, options }) {
    const taggedServices = new Set(model.endpoints.filter((e) => e.openapiTags.length > 0).map((e) => e.service));
    for (const endpoint of model.endpoints) {
      if (endpoint.openapiTags.length > 0 || !isApiEndpoint(endpoint)) continue;
      if (!options.requireInUntaggedServices && !taggedServices.has(endpoint.service)) continue;
      const route = `${endpoint.method} ${endpoint.path}`;
      yield { key: route, location: endpoint.location, message: `${route} has no OpenAPI tag, unlike other endpoints of its service.` };
    }
  },
});
