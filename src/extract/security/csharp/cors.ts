// CORS policies in ASP.NET Core: CorsPolicyBuilder chains (`AllowAnyOrigin()`,
// `SetIsOriginAllowed(_ => true)` = reflect-origin, `WithOrigins(...)`, `AllowCredentials()`) in
// AddCors / AddPolicy / UseCors, and raw Access-Control-Allow-Origin header writes.
import type { CorsConfigFact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import { treeOf, walk } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { callAnchor, fluentChain } from '../shared/chain.js';
import { alwaysTrue, CorsFacts, headerFacts, judgeOriginStrings, stringValues } from '../shared/cors.js';
import { indexFile } from '../shared/file-index.js';
import { csCall, csharpDialect } from './dialect.js';

export function extractCsharpCors(file: ParsedFile): CorsConfigFact[] {
  const tree = treeOf(file);
  if (!tree) return [];
  const root = tree.rootNode;
  const index = indexFile(root, csharpDialect);
  const out = new CorsFacts(file);
  walk(root, (node) => {
    const call = csCall(node);
    if (!call || !/^(AllowAnyOrigin|SetIsOriginAllowed|WithOrigins)$/.test(call.name)) return undefined;
    const chain = fluentChain(csharpDialect, node);
    const credentials = chain.some((c) => c.name === 'AllowCredentials');
    const at = callAnchor(call);
    if (call.name === 'AllowAnyOrigin') {
      out.push(at, { policy: 'wildcard', detail: 'AllowAnyOrigin()' }, credentials, 'aspnetcore');
    } else if (call.name === 'SetIsOriginAllowed') {
      const fn = call.args[0];
      const accepts = fn?.type === 'lambda_expression' ? alwaysTrue(csharpDialect, fn) : undefined;
      out.push(at, accepts
        ? { policy: 'reflect-origin', detail: 'SetIsOriginAllowed accepts every origin' }
        : { policy: 'allowlist', detail: 'origin checked by SetIsOriginAllowed' }, credentials, 'aspnetcore');
    } else {
      const values = call.args.flatMap((a) => stringValues(csharpDialect, index, a) ?? []);
      out.push(at, values.length > 0 || call.args.length === 0 ? judgeOriginStrings(values, 'WithOrigins') : { policy: 'allowlist', detail: 'WithOrigins(...) from configuration' }, credentials, 'aspnetcore');
    }
    return undefined;
  });
  headerFacts(root, csharpDialect, index, out);
  return out.facts;
}

export const csharpCors: Extractor = {
  id: 'security/csharp/cors',
  languages: ['csharp'],
  keywords: ['Origin', 'Cors', 'CORS'],
  extract: extractCsharpCors,
};
