import { defineRule } from '../../src/engine/define-rule.js';
import { isApiEndpoint } from '../../src/model/queries.js';

export default defineRule({
  id: 'endpoint-without-moai-tag',
  title: 'API endpoint without a MoAI @API TAG',
  category: 'untagged-endpoint',
  cwe: [],
  severity: 'note',
  recommended: true,
  description: 'In repositories that follow MoAI-ADK (a .moai/ directory or any @SPEC: TAG), finds API endpoints with no @API: TAG comment linking them to a SPEC.',
  defaultOptions: {},
  *check({ model }) {
    if (!model.usesMoai) return;
    for (const endpoint of model.endpoints) {
      if (endpoint.moaiTags.length > 0 || !isApiEndpoint(endpoint)) continue;
      const route = `${endpoint.method} ${endpoint.path}`;
      yield { key: route, location: endpoint.location, message: `${route} has no @API: TAG linking it to a SPEC.` };
    }
  },
});
