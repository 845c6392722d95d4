// Rate limiting in Python: slowapi and flask-limiter (Limiter + @limiter.limit, default_limits),
// django-ratelimit (@ratelimit), Django REST framework throttling (DEFAULT_THROTTLE_CLASSES,
// throttle_classes) and fastapi-limiter (RateLimiter dependencies).
import type { Node } from 'web-tree-sitter';
import type { RateLimitFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { indexPythonFile, qualifiedCallName } from '../secrets/py-values.js';
import type { Extractor } from '../types.js';
import { callName, dottedPath, keywordArg, loc, positionalArgs, stringValue, walk } from './ast.js';
import { field, rootOf, textOf } from '../tree-sitter/ast.js';

const ROUTE_DECORATORS = /(^|\.)(get|post|put|patch|delete|route|api_route|websocket|head|options)$/;

function limiterLibrary(qualified: string): string | undefined {
  if (/^slowapi(\.|$)/.test(qualified)) return 'slowapi';
  if (/^flask_limiter(\.|$)/.test(qualified)) return 'flask-limiter';
  return undefined;
}

/** The route path of the function a decorator sits on (`@app.post('/login')` beside it). */
function decoratedRoutePath(decorator: Node): string | undefined {
  const parent = decorator.parent;
  if (parent?.type !== 'decorated_definition') return undefined;
  for (const d of parent.namedChildren) {
    const call = d?.type === 'decorator' ? d.namedChildren.find((c) => c?.type === 'call') : undefined;
    if (!call) continue;
    const name = callName(call) ?? '';
    if (!ROUTE_DECORATORS.test(name)) continue;
    const path = stringValue(positionalArgs(call)[0]) ?? stringValue(keywordArg(call, 'path') ?? keywordArg(call, 'rule'));
    if (path !== undefined) return path;
  }
  return undefined;
}

function nonEmptyList(node: Node | null | undefined): boolean {
  if (!node) return false;
  if (node.type === 'list' || node.type === 'tuple') return node.namedChildren.some((c) => c && c.type !== 'comment');
  return node.type !== 'none';
}

export function extractPythonRateLimits(file: ParsedFile): RateLimitFact[] {
  if (file.tree.kind !== 'tree-sitter') return [];
  const root = rootOf(file.tree.tree);
  const index = indexPythonFile(root);
  const facts: RateLimitFact[] = [];
  /** Names bound to a Limiter(): name -> library. */
  const limiters = new Map<string, string>();
  const push = (library: string, applied: boolean, at: Node, scope?: string) => {
    const fact: RateLimitFact = { kind: 'rate-limit', library, applied, location: loc(file.path, at) };
    if (scope !== undefined) fact.scope = scope;
    facts.push(fact);
  };

  // Limiter objects and their app-wide defaults.
  walk(root, (node) => {
    if (node.type !== 'call') return undefined;
    const qualified = qualifiedCallName(node, index) ?? '';
    if (!/(^|\.)Limiter$/.test(qualified)) return undefined;
    const library = limiterLibrary(qualified);
    if (!library) return undefined;
    const parent = node.parent;
    const target = parent?.type === 'assignment' ? dottedPath(field(parent, 'left'))?.join('.') : undefined;
    if (target) limiters.set(target, library);
    const hasDefaults = nonEmptyList(keywordArg(node, 'default_limits')) || nonEmptyList(keywordArg(node, 'application_limits'));
    const hasApp = library === 'flask-limiter'
      ? (keywordArg(node, 'app') !== undefined || positionalArgs(node).some((a) => a.type === 'identifier' && /app/.test(textOf(a))))
      : true;
    push(library, hasDefaults && hasApp, node, hasDefaults && hasApp ? '' : undefined);
    return undefined;
  });

  walk(root, (node) => {
    if (node.type === 'decorator') {
      const expr = node.namedChildren.find((c) => c && c.type !== 'comment');
      if (!expr) return false;
      const call = expr.type === 'call' ? expr : undefined;
      const name = call ? callName(call) ?? '' : dottedPath(expr)?.join('.') ?? '';
      const head = name.split('.')[0]!;
      const qualified = call ? qualifiedCallName(call, index) ?? name : name;
      // @limiter.limit('5/minute'), @limiter.shared_limit(...)
      if (/\.(limit|shared_limit)$/.test(name) && (limiters.has(head) || /limiter/i.test(head))) {
        const guess = [...index.imports.values()].some((m) => m.startsWith('flask')) ? 'flask-limiter' : 'slowapi';
        push(limiters.get(head) ?? guess, true, node, decoratedRoutePath(node));
      } else if (/(^|\.)ratelimit$/.test(qualified) || /^(django_ratelimit|ratelimit)\./.test(qualified)) {
        push('django-ratelimit', true, node, decoratedRoutePath(node));
      } else if (/(^|\.)method_decorator$/.test(name) && call && /ratelimit/.test(textOf(call))) {
        push('django-ratelimit', true, node);
      } else if (/(^|\.)throttle_classes$/.test(name) && call && nonEmptyList(positionalArgs(call)[0])) {
        push('django-rest-framework', true, node, decoratedRoutePath(node));
      }
      return undefined;
    }
    if (node.type === 'call') {
      const name = callName(node) ?? '';
      const head = name.split('.')[0]!;
      // limiter.init_app(app) turns on default limits configured earlier
      if (name.endsWith('.init_app') && limiters.has(head)) {
        const defaults = facts.find((f) => !f.applied && f.library === limiters.get(head));
        if (defaults) push(limiters.get(head)!, true, node, '');
      }
      // app.add_middleware(SlowAPIMiddleware)
      if (name.endsWith('add_middleware') && /SlowAPI(ASGI)?Middleware/.test(textOf(positionalArgs(node)[0]) ?? '')) push('slowapi', true, node, '');
      // limiter.limit('5/minute')(blueprint)
      if (/\.limit$/.test(name) && limiters.has(head) && node.parent?.type === 'call' && field(node.parent, 'function')?.id === node.id) {
        push(limiters.get(head)!, true, node.parent);
      }
      return undefined;
    }
    // DRF: 'DEFAULT_THROTTLE_CLASSES': [...] in REST_FRAMEWORK, or throttle_classes = [...] on a view
    if (node.type === 'pair' && stringValue(field(node, 'key')) === 'DEFAULT_THROTTLE_CLASSES' && nonEmptyList(field(node, 'value'))) {
      push('django-rest-framework', true, node, '');
      return false;
    }
    if (node.type === 'assignment') {
      const left = field(node, 'left');
      if (left?.type === 'identifier' && textOf(left) === 'throttle_classes' && nonEmptyList(field(node, 'right'))) {
        push('django-rest-framework', true, node);
      }
      // fastapi-limiter as a router/app dependency: dependencies=[Depends(RateLimiter(...))]
      return undefined;
    }
    if (node.type === 'keyword_argument' && textOf(field(node, 'name')) === 'dependencies' && /RateLimiter\(/.test(textOf(node))
      && /fastapi_limiter/.test([...index.imports.values()].join(' '))) {
      const call = node.parent?.parent;
      const isDecorator = call?.parent?.type === 'decorator';
      if (!isDecorator) push('fastapi-limiter', true, node, call && call.type === 'call' && /(APIRouter|FastAPI)$/.test(callName(call) ?? '') ? '' : undefined);
      else push('fastapi-limiter', true, node, call ? stringValue(positionalArgs(call)[0]) : undefined);
      return false;
    }
    return undefined;
  });
  return facts;
}

export const pythonRateLimits: Extractor = {
  id: 'python/rate-limit',
  languages: ['python'],
  keywords: ['Limiter', 'limiter', 'ratelimit', 'throttle', 'THROTTLE', 'RateLimiter'],
  extract: extractPythonRateLimits,
};
