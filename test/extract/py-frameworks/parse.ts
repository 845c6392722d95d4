// Parses inline Python for the extractor tests of this directory.
import type { Fact, FactOf } from '../../../src/core/facts.js';
import type { Extractor } from '../../../src/extract/types.js';
import { pythonAdapter } from '../../../src/languages/python/adapter.js';
import { ofKind } from '../../helpers/extract.js';
export { ofKind };

export async function extractPython(extractor: Extractor, path: string, text: string): Promise<Fact[]> {
  await pythonAdapter.init();
  const parsed = pythonAdapter.parse({ path, language: 'python', text, bytes: text.length });
  if (!parsed.ok) throw new Error(parsed.message);
  return extractor.extract({ path, language: 'python', text, tree: parsed.tree });
}

/** Routes as 'METHOD path @router' strings, in emission order. */
export function routeLines(facts: Fact[]): string[] {
  return ofKind(facts, 'route').map((r) => `${r.method} ${r.path}${r.router ? ` @${r.router.path.join('.')}` : ''}`);
}
