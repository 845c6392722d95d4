import type { RateLimitFact } from '../../src/core/facts.js';
import { defineRule } from '../../src/engine/define-rule.js';
import type { Endpoint } from '../../src/model/types.js';
import { handlerClassOf } from '../../src/model/index.js';

const LIMITER_NAME = /rate_?limit|limiter|throttl|slow_?down|brute/i;

/** Compound words that mark an authentication endpoint when a path token is, or ends with, one of them. */
const COMPOUNDS = ['signin', 'signup', 'login', 'logon', 'resetpassword', 'forgotpassword', 'changepassword', 'verifyotp', '2fa', 'mfa'];
/** Words that make `verify` an identity check (verify-email, verify/otp) rather than a signature or payment check. */
const VERIFY_OBJECTS = new Set(['otp', 'totp', 'code', 'email', 'account', 'phone', 'identity', 'pin', 'mfa', '2fa', 'user', 'login']);
/** Verbs that make `login` the object of an account-settings action rather than a sign-in. */
const LOGIN_MANAGEMENT = new Set(['link', 'unlink', 'remove', 'delete', 'add', 'manage', 'list']);
/** Words that count only as the whole last path segment (`POST /sessions`), not inside one (`/session-input`) or before more (`/sessions/{id}/remove`). */
const SEGMENT_ONLY = new Set(['session', 'sessions']);

/** Lower-case tokens of one path segment: split on '-', '_', '.', braces and camelCase humps. */
function tokensOf(segment: string): string[] {
  return segment.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s\-_.{}]+/).filter(Boolean);
}

/** Path segments and their words (split on '/', '-', '_', '.', camelCase) that mark an authentication endpoint. */
function isAuthPath(path: string, words: readonly string[]): boolean {
  // path parameters (`{signed_token}`, `:resetId`) name values, not what the endpoint does
  const segs = path.split('/').filter((seg) => seg !== '' && !/^[{:<]/.test(seg));
  const tokens = segs.flatMap(tokensOf);
  if (tokens.some((t) => t === 'logout' || t === 'signout' || t === 'logoff')) return false;
  for (const seg of segs) {
    const segTokens = tokensOf(seg);
    const whole = segTokens.join('');
    for (let i = 0; i < segTokens.length; i++) {
      const t = segTokens[i]!;
      if (t === 'verify' || t === 'verification') {
        // verify counts when it names what is verified: /verify-email, /otp/verify, /verifyAccount
        if (words.includes(t) && tokens.some((o) => VERIFY_OBJECTS.has(o))) return true;
        continue;
      }
      // `POST /sessions` creates one (a login); `/session-input`, `/sessions/{id}/remove` do not
      if (SEGMENT_ONLY.has(t) && (segTokens.length > 1 || seg !== segs.at(-1))) continue;
      // account settings that manage linked logins (`/Manage/LinkLogin`, `/logins/remove-login`) check no credential
      if ((t === 'login' || t === 'logins') && i > 0 && LOGIN_MANAGEMENT.has(segTokens[i - 1]!)) continue;
      if (words.includes(t)) return true;
      // adjacent tokens joined (`sign-in`, `reset_password`) and compounds ending a token (`doLogin`, `userlogin`)
      const pair = t + (segTokens[i + 1] ?? '');
      if (COMPOUNDS.some((c) => t.endsWith(c) || pair === c)) return true;
    }
    if (COMPOUNDS.includes(whole)) return true;
  }
  return false;
}

function segments(path: string): string[] {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/<[^>]*>/g, '{}').split('/').filter(Boolean).map((s) => (s.startsWith('{') ? '{}' : s.toLowerCase()));
}

function startsWith(path: string[], prefix: string[]): boolean {
  return prefix.every((s, i) => path[i] === s || path[i] === '{}' || s === '{}');
}

/**
 * A limiter declared in the handler's own file or class (`$this->middleware('throttle')` or
 * `use ThrottlesLogins;` in LoginController.php covers `[LoginController::class, 'login']`).
 */
function inHandlerFile(limit: RateLimitFact, endpoint: Endpoint): boolean {
  const handler = endpoint.handler;
  if (!handler) return false;
  if (handler.location?.file === limit.location.file) return true;
  const cls = handlerClassOf(endpoint);
  const base = limit.location.file.split('/').pop()!.replace(/\.[A-Za-z]+$/, '');
  return !!cls && /Controller$/.test(cls) && cls === base;
}

/** Does an applied limiter cover the endpoint? '' covers everything; a path covers paths under (or ending with) it. */
function covers(limit: RateLimitFact, endpoint: Endpoint): boolean {
  if (!limit.applied) return false;
  if (limit.scope === undefined) return limit.location.file === endpoint.location.file || inHandlerFile(limit, endpoint);
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
