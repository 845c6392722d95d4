// Laravel middleware names ('auth:sanctum', 'throttle:60,1', Authenticate::class) -> MiddlewareRef roles.
import type { MiddlewareRef } from '../../core/facts.js';

const AUTH_ALIASES = new Set([
  'auth', 'auth.api', 'auth.jwt', 'auth.basic', 'auth.basic.once', 'auth.session', 'jwt', 'jwt.auth', 'jwt.verify',
  'jwt.check', 'sanctum', 'passport', 'client', 'scopes', 'scope', 'abilities', 'ability', 'auth.admin', 'admin.auth',
]);

export function laravelMiddlewareRole(name: string): MiddlewareRef['role'] {
  const trimmed = name.trim();
  const base = (trimmed.split(':')[0] ?? trimmed).toLowerCase();
  const optional = /optional/i.test(trimmed);
  if (base === 'throttle' || /throttle|ratelimit/i.test(base)) return 'rate-limit';
  if (base === 'cors' || /cors$/i.test(base)) return 'cors';
  if (base === 'guest' || /redirectifauthenticated/i.test(base)) return 'other';
  // Class references: Authenticate::class, AuthenticateWithJWT::class, EnsureTokenIsValid::class.
  const isAuth = AUTH_ALIASES.has(base) || base.startsWith('auth.') || base.startsWith('jwt.')
    || /^authenticate/.test(base) || /(jwt|token)(auth|verify|check|valid)|^ensuretokenisvalid$|^verifyjwt/.test(base);
  if (isAuth) return optional ? 'optional-auth' : 'auth';
  return 'other';
}

export function laravelMiddleware(name: string, location?: MiddlewareRef['location']): MiddlewareRef {
  const role = laravelMiddlewareRole(name);
  return location ? { name, role, location } : { name, role };
}
