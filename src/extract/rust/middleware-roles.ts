// Middleware and auth in Rust web code: roles of layers / wraps / fairings by the name they are
// written with, and request extractors (handler parameters) that authenticate.
import type { MiddlewareRef } from '../../core/facts.js';
import { loc, namedChildren, type Node } from '../tree-sitter/ast.js';
import { calleePath, methodChain, pathSegments, typeNames, unwrapExpr } from './ast.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const CORS = /cors/i;
const RATE_LIMIT = /governor|rate_?limit|ratelimit|throttl|limiter/i;
// `auth` but not `author`; `Authorization` headers only count with a bearer/basic scheme.
const AUTH = /auth(?!or)|jwt|bearer|basic_?auth|login_?required|require_?login|require_?user|guard|protect|session_?required|api_?key|logged_?in|current_?user|admin_?user|claims/i;
// Request extractors that fail without a logged-in user (actix-identity `Identity`).
const AUTH_EXTRACTOR = /^identity$/i;
const OPTIONAL = /optional|maybe|try_?auth|soft/i;
// Names of things that hold auth machinery without gating a request.
const NOT_GATING = /(service|client|config|settings|repo|repository|pool|state|store|manager|provider|secret|error|encoding_?key|decoding_?key|signing_?key)$/i;

export function middlewareRole(name: string): MiddlewareRef['role'] {
  if (CORS.test(name)) return 'cors';
  if (RATE_LIMIT.test(name)) return 'rate-limit';
  const last = name.split(/::|\./).filter(Boolean).pop() ?? name;
  if (NOT_GATING.test(last)) return 'other';
  if (AUTH.test(name)) return OPTIONAL.test(name) ? 'optional-auth' : 'auth';
  return 'other';
}

function ref(name: string, file: string, node: Node): MiddlewareRef {
  return { name, role: middlewareRole(name), location: loc(file, node) };
}

const FROM_FN = new Set(['from_fn', 'from_fn_with_state', 'map_request', 'map_request_with_state', 'from_extractor', 'from_extractor_with_state']);

/**
 * Middleware applied by one `.layer(x)` / `.route_layer(x)` / `.wrap(x)` argument:
 * `middleware::from_fn(auth)` -> auth; `from_extractor::<AuthUser>()` -> AuthUser;
 * `ServiceBuilder::new().layer(a).layer(b)` -> a, b; `CorsLayer::permissive()` -> CorsLayer::permissive.
 */
export function layerMiddleware(expr: Node, file: string): MiddlewareRef[] {
  const node = unwrapExpr(expr);
  if (!node) return [];
  if (node.type === 'identifier' || node.type === 'scoped_identifier') return [ref(node.text, file, node)];
  if (node.type !== 'call_expression') return [];
  const { base, calls } = methodChain(node);
  const basePath = calleePath(base);
  if (basePath && basePath[basePath.length - 1] === 'new' && basePath[basePath.length - 2] === 'ServiceBuilder') {
    return calls.filter((c) => c.name === 'layer' && c.args[0]).flatMap((c) => layerMiddleware(c.args[0]!, file));
  }
  if (!basePath) return [];
  const fnName = basePath[basePath.length - 1]!;
  if (FROM_FN.has(fnName)) {
    const typeArg = fieldOf(base, 'function')?.type === 'generic_function'
      ? typeNames(fieldOf(base, 'function')!.childForFieldName('type_arguments')).pop()
      : undefined;
    const args = namedChildren(fieldOf(base, 'arguments'));
    const last = args[args.length - 1];
    const name = typeArg ?? (last ? pathSegments(last)?.join('::') ?? last.text : fnName);
    return [ref(name, file, base)];
  }
  return [ref(basePath.join('::'), file, base)];
}

// Wrappers whose inner type is application state or request data, not a request credential.
const STATE_WRAPPERS = new Set(['State', 'Data', 'Arc', 'Mutex', 'RwLock', 'Json', 'Form', 'Query', 'Path', 'Bytes', 'Multipart']);

/**
 * Auth enforced by a handler's parameters (axum / actix / Rocket request extractors and guards):
 * `user: AuthUser` -> auth, `MaybeAuthUser` or `Option<AuthUser>` -> optional-auth.
 */
export function extractorAuth(fn: Node, file: string): MiddlewareRef[] {
  const out: MiddlewareRef[] = [];
  for (const param of namedChildren(fieldOf(fn, 'parameters'))) {
    if (param.type !== 'parameter') continue;
    const type = fieldOf(param, 'type');
    const names = typeNames(type);
    if (names.length === 0 || STATE_WRAPPERS.has(names[0]!)) continue;
    const authName = names.find((n) => AUTH_EXTRACTOR.test(n) || middlewareRole(n) === 'auth' || middlewareRole(n) === 'optional-auth');
    if (!authName) continue;
    const optional = names[0] === 'Option' || OPTIONAL.test(authName);
    out.push({ name: authName, role: optional ? 'optional-auth' : 'auth', location: loc(file, param) });
  }
  return out;
}
