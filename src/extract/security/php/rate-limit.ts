// Rate limiting in PHP: Laravel `throttle` middleware (`->middleware('throttle:60,1')` on routes
// and route groups, `ThrottleRequests::class`, the Kernel's middleware groups, Laravel 11
// `$middleware->throttleApi()`, controller `$this->middleware('throttle:...')`), `RateLimiter::for`
// definitions (not applied by themselves), Symfony RateLimiter `->consume()` in controllers, and the
// login-throttling traits `ThrottlesLogins` / `AuthenticatesUsers` used by a controller (they cover that
// controller's routes).
import type { RateLimitFact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import { treeOf, walk } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { fluentChain } from '../shared/chain.js';
import { named, type Node } from '../shared/dialect.js';
import { RateLimitFacts } from '../shared/rate-limit.js';
import { phpCall, phpDialect, phpLiteral, phpPath } from './dialect.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

const ROUTE_VERBS = /^(get|post|put|patch|delete|options|any|match|resource|apiResource)$/;

/** A middleware spec that throttles: 'throttle', 'throttle:60,1', ThrottleRequests::class. */
function isThrottle(node: Node | undefined): boolean {
  if (!node) return false;
  const s = phpLiteral(node);
  if (s !== undefined) return /^throttle(:|$)/.test(s.trim());
  const path = phpPath(node);
  return !!path && path.some((p) => /^Throttle(Requests|RequestsWithRedis)$/.test(p));
}

function throttleIn(node: Node | undefined): Node | undefined {
  if (!node) return undefined;
  if (isThrottle(node)) return node;
  return phpDialect.listElements(node)?.find(isThrottle);
}

export function extractPhpRateLimits(file: ParsedFile): RateLimitFact[] {
  const tree = treeOf(file);
  if (!tree) return [];
  const root = tree.rootNode;
  const out = new RateLimitFacts(file);

  walk(root, (node) => {
    const call = phpCall(node);
    if (call) {
      if (call.name === 'middleware' || call.name === 'withMiddleware' || call.name === 'prependMiddleware' || call.name === 'appendMiddleware') {
        const found = call.args.map(throttleIn).find(Boolean);
        if (!found) return undefined;
        if (call.receiver && phpPath(call.receiver)?.[0] === 'this') {
          out.push(found, 'laravel-throttle', true);
          return undefined;
        }
        const route = fluentChain(phpDialect, node).find((c) => ROUTE_VERBS.test(c.name) && c.path?.[0] === 'Route');
        const path = route ? phpLiteral(route.name === 'match' ? route.args[1] : route.args[0]) : undefined;
        out.push(found, 'laravel-throttle', true, path !== undefined ? `/${path.replace(/^\/+/, '')}` : undefined);
        return undefined;
      }
      if (call.name === 'throttleApi' || call.name === 'throttleWithRedis') {
        out.push(node, 'laravel-throttle', true, '');
        return undefined;
      }
      if (call.path?.join('::') === 'RateLimiter::for') {
        out.push(node, 'laravel-throttle', false);
        return undefined;
      }
      // $limiter = $loginLimiter->create($ip); if (!$limiter->consume(1)->isAccepted()) ...
      if (call.name === 'consume' && call.receiver) {
        const receiver = phpPath(call.receiver)?.join('.') ?? '';
        if (/limiter/i.test(receiver)) out.push(node, 'symfony/rate-limiter', true);
      }
      return undefined;
    }
    // `use ThrottlesLogins;` / `use AuthenticatesUsers;` in a controller: Laravel's login throttling traits
    if (node.type === 'use_declaration') {
      const traits = named(node).map((n) => n.text.split('\\').pop());
      if (traits.some((t) => t === 'ThrottlesLogins' || t === 'AuthenticatesUsers')) out.push(node, 'laravel-throttles-logins', true);
      return false;
    }
    // Kernel: $middleware, $middlewareGroups (applied), $routeMiddleware / $middlewareAliases (only named)
    if (node.type === 'property_element') {
      const name = named(fieldOf(node, 'name'))[0]?.text;
      const value = fieldOf(node, 'default_value');
      if (!name || !value || !/^(middleware|middlewareGroups|routeMiddleware|middlewareAliases)$/.test(name)) return undefined;
      walk(value, (n) => {
        if (n.type !== 'array_element_initializer' || !named(n).some(isThrottle)) return undefined;
        // 'throttle' => ThrottleRequests::class in an alias table registers a name only
        out.push(n, 'laravel-throttle', name === 'middleware' || name === 'middlewareGroups', name === 'middleware' || name === 'middlewareGroups' ? '' : undefined);
        return false;
      });
      return false;
    }
    return undefined;
  });
  // The login-throttling traits protect the routes of the controller that uses them, and no others.
  const controller = file.path.slice(file.path.lastIndexOf('/') + 1).replace(/\.php$/i, '');
  return out.facts.map((f) => (f.library === 'laravel-throttles-logins' ? { ...f, controller } : f));
}

export const phpRateLimits: Extractor = {
  id: 'security/php/rate-limit',
  languages: ['php'],
  keywords: ['throttle', 'Throttle', 'RateLimiter', 'limiter', 'Limiter', 'AuthenticatesUsers'],
  extract: extractPhpRateLimits,
};
