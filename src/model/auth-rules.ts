// Path rules of security filter chains (auth-rule facts) applied to endpoints: the first rule of the
// service whose Ant pattern and method match decides, for endpoints whose own code says nothing.
import type { FactOf } from '../core/facts.js';
import type { MiddlewareRef } from '../core/facts.js';
import type { Endpoint } from './types.js';

type AuthRule = FactOf<'auth-rule'>;

/**
 * An Ant path pattern (`/api/**`, `/users/*`, `/items/{id}`) as a test on a route path whose
 * parameters are written `{name}`: `**` spans segments, `*` and `{var}` stand for one segment's text.
 * Compiled segment by segment, so matching is linear in the path.
 */
export function antMatcher(pattern: string): (path: string) => boolean {
  const parts = pattern.split('/').filter((p) => p !== '');
  return (path: string) => {
    const segments = path.split('/').filter((p) => p !== '');
    // Positions in `segments` reachable after matching each prefix of `parts` (a set: no backtracking blow-up).
    let states = new Set<number>([0]);
    for (const part of parts) {
      const next = new Set<number>();
      for (const at of states) {
        if (part === '**') {
          for (let k = at; k <= segments.length; k++) next.add(k);
        } else if (at < segments.length && segmentMatches(part, segments[at]!)) {
          next.add(at + 1);
        }
      }
      states = next;
      if (states.size === 0) return false;
    }
    return states.has(segments.length);
  };
}

function segmentMatches(part: string, segment: string): boolean {
  if (part === '*' || /^\{[^}]*\}$/.test(part)) return true;
  if (/^\{[^}]*\}$/.test(segment)) return part.includes('*') || part.includes('{'); // a route parameter: any value
  if (!part.includes('*') && !part.includes('?') && !part.includes('{')) return part === segment;
  // Wildcards inside a segment: `*.html`, `user-*`, `{name}.json`.
  const pieces = part.replace(/\{[^{}]*\}/g, '*').split('*');
  let at = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (i === 0) {
      if (!segment.startsWith(piece)) return false;
      at = piece.length;
    } else if (i === pieces.length - 1) {
      return segment.length - piece.length >= at && segment.endsWith(piece);
    } else {
      const found = segment.indexOf(piece, at);
      if (found < 0) return false;
      at = found + piece.length;
    }
  }
  return at === segment.length;
}

/** Adds the deciding rule's guard to endpoints without auth of their own; endpoints keep their order. */
export function applyAuthRules(endpoints: Endpoint[], rules: readonly AuthRule[], serviceOf: (file: string) => string): void {
  if (rules.length === 0) return;
  const byService = new Map<string, { rule: AuthRule; tests: ((path: string) => boolean)[] }[]>();
  for (const rule of rules) {
    const service = serviceOf(rule.location.file);
    let list = byService.get(service);
    if (!list) byService.set(service, (list = []));
    list.push({ rule, tests: rule.patterns.map(antMatcher) });
  }
  for (const endpoint of endpoints) {
    if (endpoint.auth !== 'none' || endpoint.middleware.some((m) => m.role === 'public')) continue;
    const list = byService.get(endpoint.service ?? '');
    if (!list) continue;
    const decided = list.find(({ rule, tests }) => (!rule.methods || rule.methods.includes(endpoint.method) || endpoint.method === 'ANY')
      && tests.some((test) => test(endpoint.path)));
    if (!decided || decided.rule.access === 'public') continue;
    const guard: MiddlewareRef = { name: `${decided.rule.framework}:${decided.rule.requirement}`, role: 'auth', location: decided.rule.location };
    endpoint.middleware = [...endpoint.middleware, guard];
    endpoint.auth = 'required';
  }
}
