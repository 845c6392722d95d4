// Rate limiting in Go: ulule/limiter (+ its stdlib / gin / fasthttp middleware), tollbooth (+ its
// gin / echo / chi adapters), go-chi/httprate, fiber `limiter.New()`, echo `middleware.RateLimiter`,
// sethvargo/go-limiter, throttled, gin-rate-limit, golang.org/x/time/rate, and middleware named like a
// limiter. `applied` is true where this file puts the limiter in front of routes (`Use`, `With`,
// `Group`, a route's handler list, the server's root handler).
import type { RateLimitFact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import { treeOf, walk } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { named, type Node } from '../shared/dialect.js';
import { indexFile } from '../shared/file-index.js';
import { LIMITER_NAME, RateLimitFacts } from '../shared/rate-limit.js';
import { goCall, goDialect, goImports, goLiteral } from './dialect.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

const LIBRARIES: [RegExp, string][] = [
  [/^github\.com\/ulule\/limiter(\/v\d)?(\/|$)/, 'ulule/limiter'],
  [/^github\.com\/didip\/tollbooth(\/v\d)?(\/|$)|^github\.com\/didip\/tollbooth_(gin|echo|chi|fasthttp)/, 'tollbooth'],
  [/^github\.com\/go-chi\/httprate/, 'httprate'],
  [/^github\.com\/gofiber\/fiber\/v\d\/middleware\/limiter$/, 'fiber/limiter'],
  [/^github\.com\/sethvargo\/go-limiter/, 'go-limiter'],
  [/^github\.com\/throttled\/throttled/, 'throttled'],
  [/^github\.com\/JGLTechnologies\/gin-rate-limit$/, 'gin-rate-limit'],
  [/^github\.com\/aviddiviner\/gin-limit$/, 'gin-limit'],
  [/^golang\.org\/x\/time\/rate$/, 'x/time/rate'],
  [/^github\.com\/juju\/ratelimit$/, 'juju/ratelimit'],
  [/^go\.uber\.org\/ratelimit$/, 'uber/ratelimit'],
];

const ROUTE_METHODS = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|Any|Handle|HandleFunc|Get|Post|Put|Patch|Delete|Head|Options|All|Add|Match|Method|MethodFunc)$/;

export function extractGoRateLimits(file: ParsedFile): RateLimitFact[] {
  const tree = treeOf(file);
  if (!tree) return [];
  const root = tree.rootNode;
  const index = indexFile(root, goDialect);
  const out = new RateLimitFacts(file);
  const libs = new Map<string, string>();
  for (const imp of goImports(root)) {
    const lib = LIBRARIES.find(([re]) => re.test(imp.path))?.[1];
    if (lib) libs.set(imp.local, lib);
    // echo's middleware package also holds RateLimiter
    if (/^github\.com\/labstack\/echo(\/v\d)?\/middleware$/.test(imp.path)) libs.set(`${imp.local}.RateLimiter`, 'echo');
  }

  /** The limiter library an argument stands for, if any. */
  const limiterOf = (arg: Node | undefined, depth = 0): string | undefined => {
    if (!arg || depth > 3) return undefined;
    const call = goCall(arg);
    if (call) {
      const head = call.path?.[0];
      if (head && libs.has(head)) return libs.get(head);
      const dotted = call.path?.slice(0, 2).join('.');
      if (dotted && libs.has(dotted)) return libs.get(dotted);
      if (call.path && LIMITER_NAME.test(call.path[call.path.length - 1]!)) return 'custom';
      // stdlib.NewMiddleware(l).Handler(mux), limiter.Handler(mux)
      if (call.receiver) return limiterOf(call.receiver, depth + 1);
      return undefined;
    }
    if (arg.type === 'identifier' || arg.type === 'selector_expression') {
      const target = index.resolve(arg);
      const viaTarget = target ? limiterOf(target, depth + 1) : undefined;
      if (viaTarget) return viaTarget;
      if (LIMITER_NAME.test(arg.text.split('.').pop() ?? '')) return 'custom';
    }
    return undefined;
  };

  /** '' for the app, the group prefix for a `X.Group("/p")` receiver, undefined for a group parameter. */
  const scopeOf = (receiver: Node | undefined): string | undefined => {
    if (!receiver) return '';
    const call = goCall(receiver);
    if (call?.name === 'Group' || call?.name === 'Route' || call?.name === 'PathPrefix') return goLiteral(call.args[0]) ?? undefined;
    if (receiver.type === 'identifier') {
      const target = index.resolve(receiver);
      if (target) return scopeOf(target);
      // a *gin.RouterGroup / echo.Group parameter: only this file's routes are known to be behind it
      for (let cur = receiver.parent; cur; cur = cur.parent) {
        if (!goDialect.functionTypes.includes(cur.type)) continue;
        const param = named(fieldOf(cur, 'parameters')).find((p) => p.childrenForFieldName('name').some((n) => n?.text === receiver.text));
        if (param && /Group|Router\b|fiber\.Router/.test(fieldOf(param, 'type')?.text ?? '')) return /Group/.test(fieldOf(param, 'type')?.text ?? '') ? undefined : '';
      }
    }
    return '';
  };

  walk(root, (node) => {
    const call = goCall(node);
    if (!call) return undefined;
    const path = call.path?.join('.') ?? '';
    if (call.name === 'Use' || call.name === 'With' || call.name === 'Pre') {
      for (const arg of call.args) {
        const lib = limiterOf(arg);
        if (lib) out.push(arg, lib, true, scopeOf(call.receiver));
      }
    } else if (call.name === 'Group' && call.receiver) {
      const prefix = goLiteral(call.args[0]);
      for (const arg of call.args.slice(1)) {
        const lib = limiterOf(arg);
        if (lib) out.push(arg, lib, true, prefix);
      }
    } else if (ROUTE_METHODS.test(call.name) && call.receiver && call.args.length >= 2) {
      const routePath = goLiteral(call.args[0]) ?? goLiteral(call.args[1]);
      for (const arg of call.args.slice(1)) {
        const lib = limiterOf(arg);
        if (lib) out.push(arg, lib, true, routePath);
      }
    } else if (path === 'http.ListenAndServe' || path === 'http.ListenAndServeTLS') {
      const handler = call.args[call.args.length - 1];
      const lib = limiterOf(handler);
      if (lib && handler) out.push(handler, lib, true, '');
    }
    return undefined;
  });
  // &http.Server{Handler: tollbooth.LimitHandler(lmt, mux)}
  walk(root, (node) => {
    if (node.type !== 'keyed_element') return undefined;
    const [k, v] = named(node).map((c) => (c.type === 'literal_element' ? named(c)[0] ?? c : c));
    if (k?.text !== 'Handler' || !v) return undefined;
    const lib = limiterOf(v);
    if (lib) out.push(v, lib, true, '');
    return undefined;
  });
  // Limiters created here but not put in front of routes in this file.
  walk(root, (node) => {
    const call = goCall(node);
    const head = call?.path?.[0];
    if (!call || !head || !libs.has(head)) return undefined;
    if (!/^(New|NewLimiter|NewRateLimiter|NewMiddleware|LimitByIP|LimitByRealIP|Limit|LimitAll|NewStore|NewMemoryStore|NewMemoryStoreWithConfig|NewRateLimiterMemoryStore|LimitHandler|LimitFuncHandler|InMemoryStore|NewRateQuota)$/.test(call.name)) return undefined;
    out.push(node, libs.get(head)!, false);
    return false;
  });
  return out.facts.filter((f, _i, all) => f.applied || !all.some((g) => g.applied && g.library === f.library));
}

export const goRateLimits: Extractor = {
  id: 'security/go/rate-limit',
  languages: ['go'],
  keywords: ['limit', 'Limit', 'throttl', 'Throttl', 'tollbooth', 'httprate'],
  extract: extractGoRateLimits,
};

