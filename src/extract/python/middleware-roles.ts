// Classifies Python middleware / dependency / decorator / permission names by what they do.
// Input is the name as written ('Depends(get_current_user)', 'login_required', 'IsAuthenticated').
import type { MiddlewareRef } from '../../core/facts.js';
import type { Location } from '../../core/types.js';

type Role = MiddlewareRef['role'];

const OPTIONAL = /optional|required\s*=\s*false|auto_error\s*=\s*false|orreadonly|oranon|allow_?anonymous/;
const PUBLIC = /allowany|allow_any|csrf|get_db\b|get_session\b|get_repository|paginat/;
const AUTH = new RegExp([
  'auth(?!or)', 'permission', 'login_required', 'logged_in', 'signed_in', 'jwt', 'token', 'current_user', 'current_active_user',
  'current_superuser', 'api_?key', 'bearer', 'oauth', 'security\\(', 'isauthenticated', 'isadmin', 'admin_required',
  'require_admin', 'staff_member_required', 'superuser_required', 'permission_required', 'requires_user',
  'require_user', 'verify_user', 'session_user', 'httpbasic', 'basic_auth', 'credentials',
].join('|'));
const RATE_LIMIT = /rate_?limit|ratelimit|throttl|limiter\.|\.limit\(/;
const CORS = /cors|cross_origin/;

/** Role of a middleware, dependency or decorator, judged from its name as written. */
export function classifyPythonMiddleware(name: string): Role {
  const text = name.toLowerCase();
  if (RATE_LIMIT.test(text)) return 'rate-limit';
  if (CORS.test(text)) return 'cors';
  if (PUBLIC.test(text)) return 'other';
  if (AUTH.test(text)) return OPTIONAL.test(text) ? 'optional-auth' : 'auth';
  return 'other';
}

/** A MiddlewareRef for a name as written (whitespace collapsed), classified. */
export function middlewareRef(name: string, location?: Location): MiddlewareRef {
  const clean = name.replace(/\s+/g, ' ').replace(/\(\s+/g, '(').replace(/,?\s+\)/g, ')');
  return { name: clean, role: classifyPythonMiddleware(clean), ...(location ? { location } : {}) };
}
