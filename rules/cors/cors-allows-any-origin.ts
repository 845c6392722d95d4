import { defineRule } from '../../src/engine/define-rule.js';

export default defineRule({
  id: 'cors-allows-any-origin',
  title: 'CORS policy allows any origin',
  category: 'cors',
  cwe: ['CWE-942'],
  severity: 'warning',
  securitySeverity: 5.3,
  recommended: true,
  description: "Finds CORS configurations that allow every origin ('*', cors() with no options, allow_origins=['*'], CORS_ALLOW_ALL_ORIGINS); an error when credentials are allowed too.",
  defaultOptions: {},
  *check({ model }) {
    for (const cors of model.cors) {
      if (cors.policy !== 'wildcard') continue;
      const withCredentials = cors.credentials === true;
      const what = cors.detail ? `${cors.library}: ${cors.detail}` : cors.library;
      yield {
        key: `${cors.library}:${cors.detail ?? 'wildcard'}`,
        location: cors.location,
        message: withCredentials
          ? `CORS (${what}) allows any origin and also allows credentials.`
          : `CORS (${what}) allows requests from any origin.`,
        ...(withCredentials ? { severity: 'error' as const } : {}),
      };
    }
  },
});
