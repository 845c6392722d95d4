// Name -> MiddlewareRef role for JS/TS middleware, guards and hooks, as written in code
// ('auth.required', 'passport.authenticate', 'rateLimit', 'JwtAuthGuard'). Pure and syntax-free.
import type { MiddlewareRef } from '../../core/facts.js';

export type MiddlewareRole = MiddlewareRef['role'];

// Names of routers and controllers are not middleware even when they mention auth ('authRouter').
const ROUTER_LIKE = /(router|routes?|controller|resource|module|api)$/i;
const OPTIONAL = /optional|maybe|soft|try(auth|jwt|user)|attach_?user|load_?user|anonymous_?ok|allow_?anonymous|if_?logged/i;
const AUTH = /auth|jwt|passport|deny_?all|require_?login|login_?required|logged_?in|signed_?in|require_?user|verify_?token|protect|bearer|session_?required|require_?admin|is_?admin|require_?role|has_?role|check_?role|permission|acl|rbac/i;
// NestJS-style guards (`AuthGuard`, `RolesGuard`), not `helmet.frameguard`.
const GUARD = /^[A-Z]\w*Guard$|^guard$/;
// Functions that do something else with the user or token than gate access.
const NOT_GATING = /^(update|set|log|track|record|count|observe|add|append|save|serve|send|render|parse|refresh|issue|create|generate|sign|decode|initiali[sz]e|session$)/i;
// Names about something else that merely mentions auth (`jwtChallenges`, `authMetrics`).
const NOUN_SUFFIX = /(challenges?|metrics|logs?|stats|users|events|errors|info|details|config|options|settings)$/i;
// `auth.required`, `jwtCheck.optional`: the object names the mechanism, the member the mode.
const MODE = /^(required|optional|mandatory|check|verify|ensure|protect|middleware|handler|guard|any|user|token|strict|loose)$/i;
// Guards for the opposite case: only anonymous visitors pass (`isNotAuthenticated`, `ensureLoggedOut`, `guestOnly`).
const ANONYMOUS_ONLY = /not_?(auth|logged|signed)|logged_?out|guest|un_?authenticated|redirect_?if_?(auth|logged|signed)/i;
const CORS = /cors/i;
const RATE_LIMIT = /rate_?limit|limiter|throttl|slow_?down|brute/i;

/** Role of a middleware from the name it is written with (the last member segments matter most). */
export function middlewareRole(name: string): MiddlewareRole {
  const trimmed = name.trim();
  if (!trimmed) return 'other';
  if (CORS.test(trimmed)) return 'cors';
  if (RATE_LIMIT.test(trimmed)) return 'rate-limit';
  const last = trimmed.split('.').pop() ?? trimmed;
  if (ROUTER_LIKE.test(last) && !/guard$/i.test(last)) return 'other';
  if (NOT_GATING.test(last) || NOUN_SUFFIX.test(last) || ANONYMOUS_ONLY.test(last)) return 'other';
  const isAuth = AUTH.test(last) || GUARD.test(last) || (MODE.test(last) && AUTH.test(trimmed));
  if (isAuth) return OPTIONAL.test(trimmed) ? 'optional-auth' : 'auth';
  return 'other';
}

/** A MiddlewareRef with its role derived from the name. */
export function middlewareRef(name: string, location?: MiddlewareRef['location']): MiddlewareRef {
  return location ? { name, role: middlewareRole(name), location } : { name, role: middlewareRole(name) };
}
