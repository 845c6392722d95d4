import type { SqlBuild } from '../../src/core/facts.js';
import { defineRule } from '../../src/engine/define-rule.js';

const HOW: Record<SqlBuild, string> = {
  concatenated: 'string concatenation',
  interpolated: 'string interpolation',
  formatted: 'string formatting',
  literal: 'a literal',
  parameterised: 'placeholders',
  unknown: 'an unknown expression',
};

export default defineRule({
  id: 'sql-built-by-concatenation',
  title: 'SQL built from runtime values by concatenation, interpolation or formatting',
  category: 'sqli',
  cwe: ['CWE-89'],
  severity: 'error',
  securitySeverity: 8.8,
  recommended: true,
  description: 'Finds SQL text that is run (query / execute / raw / text() ...) after runtime values were pasted into it with +, template literals, f-strings, % or .format(), instead of being passed as bound parameters.',
  defaultOptions: { ignoreSinks: [] as string[] },
  *check({ model, options }) {
    for (const call of model.sqlCalls) {
      if (!call.dynamic) continue;
      if (call.build !== 'concatenated' && call.build !== 'interpolated' && call.build !== 'formatted') continue;
      if (options.ignoreSinks.includes(call.sink)) continue;
      const where = call.builtAt ? ` on line ${call.builtAt.startLine}` : '';
      yield {
        key: `${call.sink}:${call.build}`,
        location: call.location,
        message: `The SQL text run by ${call.sink} is built from runtime values by ${HOW[call.build]}${where}.`,
        ...(call.builtAt ? { related: [{ location: call.builtAt, message: 'The SQL text is built here.' }] } : {}),
      };
    }
  },
});
