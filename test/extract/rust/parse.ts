// Parses inline Rust for the extractor tests of this directory, and resolves several files through the model.
import type { Fact, FactOf } from '../../../src/core/facts.js';
import type { Extractor } from '../../../src/extract/types.js';
import { adapterFor, initAdapters } from '../../../src/languages/index.js';
import { buildModel } from '../../../src/model/build-model.js';
import { rustRouteExtractors } from '../../../src/extract/rust/route-extractors.js';
import { ofKind } from '../../helpers/extract.js';
export { ofKind };

export async function extractRust(extractor: Extractor, path: string, text: string): Promise<Fact[]> {
  await initAdapters(['rust']);
  const parsed = adapterFor('rust').parse({ path, language: 'rust', text, bytes: text.length });
  if (!parsed.ok) throw new Error(parsed.message);
  return extractor.extract({ path, language: 'rust', text, tree: parsed.tree });
}

/** Routes as 'METHOD path @file#router' strings, in emission order. */
export function routeLines(facts: Fact[]): string[] {
  return ofKind(facts, 'route').map((r) => `${r.method} ${r.path}${r.router ? ` @${r.router.file}#${r.router.path.join('.')}` : ''}`);
}

/** Mounts as 'parent -> child prefix' strings. */
export function mountLines(facts: Fact[]): string[] {
  return ofKind(facts, 'mount').map((m) => `${m.parent.file}#${m.parent.path.join('.')} -> ${m.child.file}#${m.child.path.join('.')} '${m.prefix}'`);
}

/** Runs every Rust route extractor on several files and returns the model's endpoints as 'METHOD /path' (sorted). */
export async function endpointsOf(files: Record<string, string>): Promise<{ lines: string[]; model: ReturnType<typeof buildModel> }> {
  const facts: Fact[] = [];
  for (const [path, text] of Object.entries(files)) {
    for (const extractor of rustRouteExtractors) facts.push(...(await extractRust(extractor, path, text)));
  }
  const model = buildModel({
    facts, files: Object.keys(files).map((path) => ({ path, language: 'rust' as const })), serviceRoots: [''], hasMoaiDir: false,
  });
  return { lines: model.endpoints.map((e) => `${e.method} ${e.path}`).sort(), model };
}
