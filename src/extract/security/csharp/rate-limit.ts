// Rate limiting in ASP.NET Core: `AddRateLimiter(o => o.GlobalLimiter = ...)` (every request once
// UseRateLimiter runs), `[EnableRateLimiting("p")]` on controllers and actions, `.RequireRateLimiting("p")`
// on minimal-API routes and groups, AspNetCoreRateLimit `UseIpRateLimiting()` / `UseClientRateLimiting()`;
// `AddRateLimiter` with policies only is registered but not applied by itself.
import type { RateLimitFact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import { treeOf, walk } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { fluentChain } from '../shared/chain.js';
import { RateLimitFacts } from '../shared/rate-limit.js';
import { csCall, csharpDialect, csLiteral } from './dialect.js';

const MAP_METHODS = /^Map(Get|Post|Put|Patch|Delete|Methods|Group|Controllers|ControllerRoute|Fallback)?$/;

export function extractCsharpRateLimits(file: ParsedFile): RateLimitFact[] {
  const tree = treeOf(file);
  if (!tree) return [];
  const root = tree.rootNode;
  const out = new RateLimitFacts(file);
  walk(root, (node) => {
    const call = csCall(node);
    if (call) {
      if (call.name === 'EnableRateLimiting' && node.type === 'attribute') out.push(node, 'aspnetcore-ratelimiting', true);
      else if (call.name === 'RequireRateLimiting') {
        const route = fluentChain(csharpDialect, node).find((c) => MAP_METHODS.test(c.name));
        const path = route && route.name !== 'MapControllers' ? csLiteral(route.args[0]) : undefined;
        out.push(node, 'aspnetcore-ratelimiting', true, route?.name === 'MapControllers' ? '' : path);
      } else if (call.name === 'UseIpRateLimiting' || call.name === 'UseClientRateLimiting') out.push(node, 'AspNetCoreRateLimit', true, '');
      else if (call.name === 'AddRateLimiter') {
        let global = false;
        walk(node, (n) => {
          for (const slot of csharpDialect.slots(n)) if (slot.name === 'GlobalLimiter') global = true;
        });
        out.push(node, 'aspnetcore-ratelimiting', global, global ? '' : undefined);
      }
    }
    return undefined;
  });
  return out.facts;
}

export const csharpRateLimits: Extractor = {
  id: 'security/csharp/rate-limit',
  languages: ['csharp'],
  keywords: ['RateLimit'],
  extract: extractCsharpRateLimits,
};
