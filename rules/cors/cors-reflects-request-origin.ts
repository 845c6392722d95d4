import { defineRule } from '../../src/engine/define-rule.js';

export default defineRule({
  id: 'cors-reflects-request-origin',
  title: 'CORS policy reflects the request origin',
  category: 'cors',
  cwe: ['CWE-942'],
  severity: 'warning',
  securitySeverity: 6.5,
  recommended: true,
  description: 'Finds CORS configurations that echo whatever Origin the request sends (origin: true, an origin callback that accepts everything, Access-Control-Allow-Origin set from the request header); an error when credentials are allowed.',
  defaultOptions: {},
  *check({ model }) {
    for (const cors of model.cors) {
      if (cors.policy !== 'reflect-origin') continue;
      const withCredentials = cors.credentials === true;
      const what = cors.detail ? `${cors.library}: ${cors.detail}` : cors.library;
      yield {
        key: `${cors.library}:${cors.detail ?? 'reflect-origin'}`,
        location: cors.location,
        message: withCredentials
          ? `CORS (${what}) trusts whatever origin the request names and allows credentials, so any site can make authenticated requests.`
          : `CORS (${what}) trusts whatever origin the request names by echoing it back.`,
        ...(withCredentials ? { severity: 'error' as const } : {}),
      };
    }
  },
});
