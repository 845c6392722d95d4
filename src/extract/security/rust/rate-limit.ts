// Rate limiting in Rust: tower_governor `GovernorLayer` and actix-governor `Governor::new(&conf)`
// (and limiter-named layers) put in front of routes with `.layer(...)` / `.route_layer(...)` /
// `.wrap(...)`; a governor configuration that no layer uses is reported as not applied.
import type { RateLimitFact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import { treeOf, walk } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { fluentChain } from '../shared/chain.js';
import type { Node } from '../shared/dialect.js';
import { indexFile } from '../shared/file-index.js';
import { LIMITER_NAME, RateLimitFacts } from '../shared/rate-limit.js';
import { rustCall, rustDialect, rustLiteral, rustPath } from './dialect.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

const METHOD_ROUTERS = /^(get|post|put|patch|delete|any|on|head|options|method_routing)$/;

export function extractRustRateLimits(file: ParsedFile): RateLimitFact[] {
  const tree = treeOf(file);
  if (!tree) return [];
  const root = tree.rootNode;
  const index = indexFile(root, rustDialect);
  const out = new RateLimitFacts(file);

  const limiterOf = (arg: Node | undefined, depth = 0): string | undefined => {
    if (!arg || depth > 3) return undefined;
    const n = rustDialect.unwrap(arg);
    if (n.type === 'struct_expression') {
      const type = rustPath(fieldOf(n, 'name'))?.pop() ?? '';
      return /Governor/.test(type) ? 'tower_governor' : LIMITER_NAME.test(type) ? 'custom' : undefined;
    }
    const call = rustCall(n);
    if (call) {
      const path = call.path ?? [];
      if (path.includes('GovernorLayer')) return 'tower_governor';
      if (path.includes('Governor')) return 'actix-governor';
      if (path.some((p) => LIMITER_NAME.test(p))) return 'custom';
      return call.receiver ? limiterOf(call.receiver, depth + 1) : undefined;
    }
    if (n.type === 'identifier') {
      const target = index.resolve(n);
      return target ? limiterOf(target, depth + 1) : LIMITER_NAME.test(n.text) ? 'custom' : undefined;
    }
    return undefined;
  };

  /** '' for the app; the path of `.route("/p", post(h).layer(..))` or of `web::scope("/p")` / `web::resource("/p")`. */
  const scopeOf = (node: Node): string | undefined => {
    const chain = fluentChain(rustDialect, node);
    const first = chain[0];
    const firstPath = first?.path?.join('::') ?? '';
    if (/(^|::)(scope|resource)$/.test(firstPath)) return rustLiteral(first!.args[0]);
    if (first && METHOD_ROUTERS.test(first.name) && !first.receiver) {
      // inside .route("/p", post(h).layer(...))
      for (let cur = chain[chain.length - 1]!.node.parent; cur; cur = cur.parent) {
        const outer = rustCall(cur);
        if (outer?.name === 'route') return rustLiteral(outer.args[0]);
      }
    }
    return '';
  };

  walk(root, (node) => {
    const call = rustCall(node);
    if (!call || !/^(layer|route_layer|wrap)$/.test(call.name) || !call.receiver) return undefined;
    const lib = limiterOf(call.args[0]);
    if (lib) out.push(call.args[0]!, lib, true, scopeOf(node));
    return undefined;
  });
  walk(root, (node) => {
    const call = rustCall(node);
    if (!call) return undefined;
    const path = call.path?.join('::') ?? '';
    if (/GovernorConfigBuilder::default$|GovernorConfig::default$/.test(path)) out.push(node, 'governor', false);
    return undefined;
  });
  const applied = out.facts.filter((f) => f.applied);
  return applied.length > 0 ? applied : out.facts;
}

export const rustRateLimits: Extractor = {
  id: 'security/rust/rate-limit',
  languages: ['rust'],
  keywords: ['overnor', 'limit', 'Limit', 'throttl', 'Throttl'],
  extract: extractRustRateLimits,
};
