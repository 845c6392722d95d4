// Parses inline C# for the extractor tests of this directory.
import type { Fact, FactOf } from '../../../src/core/facts.js';
import type { Extractor } from '../../../src/extract/types.js';
import { csharpAdapter } from '../../../src/languages/tree-sitter-adapters.js';
import { ofKind } from '../../helpers/extract.js';
export { ofKind };

export async function extractCs(extractor: Extractor, path: string, text: string): Promise<Fact[]> {
  await csharpAdapter.init();
  const parsed = csharpAdapter.parse({ path, language: 'csharp', text, bytes: text.length });
  if (!parsed.ok) throw new Error(parsed.message);
  try {
    return extractor.extract({ path, language: 'csharp', text, tree: parsed.tree });
  } finally {
    csharpAdapter.dispose(parsed.tree);
  }
}

/** Routes as 'METHOD path' strings, in emission order. */
export function routeLines(facts: Fact[]): string[] {
  return ofKind(facts, 'route').map((r) => `${r.method} ${r.path}`);
}
