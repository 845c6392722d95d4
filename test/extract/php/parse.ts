// Parses inline PHP (or routing YAML) for the extractor tests of this directory.
import type { Fact, FactOf } from '../../../src/core/facts.js';
import type { Extractor } from '../../../src/extract/types.js';
import { textAdapter } from '../../../src/languages/text/adapter.js';
import { phpAdapter } from '../../../src/languages/tree-sitter-adapters.js';
import { ofKind } from '../../helpers/extract.js';
export { ofKind };

export async function extractPhp(extractor: Extractor, path: string, text: string): Promise<Fact[]> {
  await phpAdapter.init();
  const parsed = phpAdapter.parse({ path, language: 'php', text, bytes: text.length });
  if (!parsed.ok) throw new Error(parsed.message);
  try {
    return extractor.extract({ path, language: 'php', text, tree: parsed.tree });
  } finally {
    phpAdapter.dispose(parsed.tree);
  }
}

export function extractText(extractor: Extractor, path: string, text: string): Fact[] {
  const parsed = textAdapter.parse({ path, language: 'text', text, bytes: text.length });
  if (!parsed.ok) throw new Error(parsed.message);
  return extractor.extract({ path, language: 'text', text, tree: parsed.tree });
}

/** Routes as 'METHOD path' strings, in emission order. */
export function routeLines(facts: Fact[]): string[] {
  return ofKind(facts, 'route').map((r) => `${r.method} ${r.path}`);
}
