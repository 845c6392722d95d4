// Classifies Go middleware by the name it is written with ('users.AuthMiddleware(true)',
// 'middleware.JWTWithConfig(...)', 'authGuard.AuthRequired', 'cors.Default()').
import type { MiddlewareRef } from '../../core/facts.js';
import type { Location } from '../../core/types.js';

type Role = MiddlewareRef['role'];

const RATE_LIMIT = /rate_?limit|ratelimit|limiter|throttl|httprate|tollbooth/;
const CORS = /cors/;
// Names that mention auth words but do not authenticate.
const PUBLIC = /csrf|xsrf|secure\(|logger|recover|requestid|realip/;
const AUTH = new RegExp([
  'auth(?!or)', 'jwt', 'token', 'session', 'login', 'guard', 'bearer', 'oauth', 'apikey', 'api_key', 'keyauth',
  'basicauth', 'casbin', 'rbac', 'acl', 'permission', 'adminonly', 'requireadmin', 'admin_?required', 'isadmin',
  'requireuser', 'require_?user', 'signedin', 'loggedin', 'authenticat', 'authoriz', 'verifyuser', 'checkuser',
].join('|'));
const OPTIONAL = /optional|maybe|soft|\(\s*false\s*\)$/;

/** Role of a middleware, judged from its name as written. */
export function classifyGoMiddleware(name: string): Role {
  const text = name.toLowerCase();
  if (RATE_LIMIT.test(text)) return 'rate-limit';
  if (CORS.test(text)) return 'cors';
  if (PUBLIC.test(text)) return 'other';
  if (AUTH.test(text)) return OPTIONAL.test(text) ? 'optional-auth' : 'auth';
  return 'other';
}

/** Shortens long inline expressions: keeps `callee(...)` when the text runs past 80 characters. */
function shorten(text: string): string {
  const clean = text.replace(/\s+/g, ' ').replace(/\(\s+/g, '(').replace(/,?\s+\)/g, ')');
  if (clean.length <= 80) return clean;
  const open = clean.indexOf('(');
  return open > 0 && open <= 76 ? `${clean.slice(0, open)}(...)` : `${clean.slice(0, 77)}...`;
}

/** A MiddlewareRef for a middleware expression's text, classified. */
export function goMiddlewareRef(text: string, location?: Location): MiddlewareRef {
  const name = shorten(text);
  return { name, role: classifyGoMiddleware(name), ...(location ? { location } : {}) };
}
