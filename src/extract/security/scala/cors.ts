// CORS policies in Scala: akka-http-cors / pekko-http-cors `cors()` with default settings (any
// origin, credentials allowed, origin echoed), and raw Access-Control-Allow-Origin headers
// (`withHeaders("Access-Control-Allow-Origin" -> "*")`, `RawHeader(...)`).
import type { CorsConfigFact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import { treeOf, walk } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { CorsFacts, headerFacts } from '../shared/cors.js';
import { indexFile } from '../shared/file-index.js';
import { scalaCall, scalaDialect } from './dialect.js';

export function extractScalaCors(file: ParsedFile): CorsConfigFact[] {
  const tree = treeOf(file);
  if (!tree) return [];
  const root = tree.rootNode;
  const index = indexFile(root, scalaDialect);
  const out = new CorsFacts(file);
  const usesAkkaCors = /ch\.megard\.akka\.http\.cors|org\.apache\.pekko\.http\.cors/.test(root.descendantsOfType('import_declaration').map((i) => i?.text ?? '').join('\n'));
  if (usesAkkaCors) {
    walk(root, (node) => {
      const call = scalaCall(node);
      if (call?.name === 'cors' && call.args.length === 0) out.push(node, { policy: 'reflect-origin', detail: 'cors() with default settings allows any origin with credentials' }, true, 'akka-http-cors');
    });
  }
  headerFacts(root, scalaDialect, index, out);
  return out.facts;
}

export const scalaCors: Extractor = {
  id: 'security/scala/cors',
  languages: ['scala'],
  keywords: ['cors', 'Access-Control-Allow-Origin', 'ACCESS_CONTROL_ALLOW_ORIGIN'],
  extract: extractScalaCors,
};
