import type { RateLimitFact } from '../../src/core/facts.js';
import { defineRule } from '../../src/engine/define-rule.js';
import type { Endpoint } from '../../src/model/types.js';

const LIMITER_NAME = /rate_?limit|limiter|throttl|slow_?down|brute/i;

/** Path segments (split on '/', '-', '_', '.') that mark an authentication endpoint. */
function isAuthPath(path: string, words: readonly string[]): boolean {
  const tokens = path.toLowerCase().split(/[/\-_.{}]+/).filter(Boolean);
  const joined = path.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (tokens.some((t) => t === 'logout' || t === 'signout' || t === 'logoff')) return false;
  return tokens.some((t) => words.includes(t)) || /(signin|signup|login|logon|resetpassword|forgotpassword|changepassword|verifyotp|2fa|mfa)/.test(joined);
}

function segments(path: string): string[] {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/<[^>]*>/g, '{}').split('/').filter(Boolean).map((s) => (s.startsWith('{') ? '{}' : s.toLowerCase()));
}

function startsWith(path: string[], prefix: string[]): boolean {
  return prefix.every((s, i) => path[i] === s || path[i] === '{}' || s === '{}');
}

/** Does an applied limiter cover the endpoint? '' covers everything; a path covers paths under (or ending with) it. */
function covers(limit: RateLimitFact, endpoint: Endpoint): boolean {
  if (!limit.applied) return false;
  if (limit.scope === undefined) return limit.location.file === endpoint.location.file;
  if (limit.scope === '' || limit.scope === '/' || limit.scope === '*' || limit.scope === '/*') return true;
  const scope = segments(limit.scope.replace(/\*+$/, ''));
  const path = segments(endpoint.path);
  if (startsWith(path, scope)) return true;
  // Route-level limiters carry the path as declared on their router: match it as a suffix.
  return scope.length <= path.length && startsWith(path.slice(path.length - scope.length), scope);
}

export default defineRule({
  id: 'auth-endpoint-without-rate-limit',
  title: 'Authentication endpoint without rate limiting',
  category: 'rate-limit',
  cwe: ['CWE-307'],
  severity: 'warning',
  securitySeverity: 5.3,
  recommended: true,
  description: 'Finds login, signup, token, password-reset and OTP endpoints that no rate limiter or throttle covers, which leaves them open to credential stuffing and brute force.',
  defaultOptions: {
    /** Path words that mark an authentication endpoint. */
    authPathWords: ['login', 'signin', 'logon', 'register', 'signup', 'token', 'password', 'reset', 'forgot', 'otp', 'verify', 'mfa', '2fa', 'auth', 'authenticate', 'session', 'sessions'],
    /** Only report these methods (reads of /auth/me are not brute-forceable). */
    methods: ['POST', 'PUT', 'PATCH', 'ANY'],
  },
  *check({ model, options }) {
    for (const endpoint of model.endpoints) {
      if (!options.methods.includes(endpoint.method)) continue;
      if (!isAuthPath(endpoint.path, options.authPathWords)) continue;
      if (endpoint.middleware.some((m) => m.role === 'rate-limit' || LIMITER_NAME.test(m.name))) continue;
      if (model.rateLimits.some((limit) => covers(limit, endpoint))) continue;
      const route = `${endpoint.method} ${endpoint.path}`;
      yield {
        key: route,
        location: endpoint.location,
        message: `${route} is an authentication endpoint, but no rate limiter or throttle runs in front of it.`,
      };
    }
  },
});
