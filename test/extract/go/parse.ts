// Parses inline Go for the extractor tests of this directory, and builds a model from several files.
import type { Fact, FactOf } from '../../../src/core/facts.js';
import { goRouteExtractors } from '../../../src/extract/go/route-extractors.js';
import type { Extractor } from '../../../src/extract/types.js';
import { goAdapter } from '../../../src/languages/tree-sitter-adapters.js';
import { buildModel } from '../../../src/model/build-model.js';
import { ofKind } from '../../helpers/extract.js';
export { ofKind };

export async function extractGo(text: string, path = 'main.go', extractors: readonly Extractor[] = goRouteExtractors): Promise<Fact[]> {
  await goAdapter.init();
  const parsed = goAdapter.parse({ path, language: 'go', text, bytes: Buffer.byteLength(text) });
  if (!parsed.ok) throw new Error(parsed.message);
  try {
    return extractors.flatMap((e) => e.extract({ path, language: 'go', text, tree: parsed.tree }));
  } finally {
    goAdapter.dispose(parsed.tree);
  }
}

export const go = (...lines: string[]) => `${lines.join('\n')}\n`;

/** Routes as 'METHOD path' strings, in emission order. */
export function routeLines(facts: Fact[]): string[] {
  return ofKind(facts, 'route').map((r) => `${r.method} ${r.path}`);
}

/** Extracts every file and builds the model; returns sorted 'METHOD /path' endpoint lines and the model. */
export async function endpointsOf(files: Record<string, string>, module = 'example.com/app') {
  const facts: Fact[] = [];
  for (const [path, text] of Object.entries(files)) facts.push(...await extractGo(text, path));
  const model = buildModel({
    facts, files: Object.keys(files).map((path) => ({ path, language: 'go' as const })), serviceRoots: [''], hasMoaiDir: false,
    goModules: [{ root: '', module }],
  });
  return { lines: [...new Set(model.endpoints.map((e) => `${e.method} ${e.path}`))].sort(), model, facts };
}
