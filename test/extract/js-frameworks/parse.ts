// Parses inline JS/TS for the extractor tests of this directory, and runs small projects through
// the model to check that the facts link up across files.
import type { Fact, FactOf } from '../../../src/core/facts.js';
import { javascriptRouteExtractors } from '../../../src/extract/javascript/route-extractors.js';
import type { Extractor } from '../../../src/extract/types.js';
import { javascriptAdapter, typescriptAdapter } from '../../../src/languages/javascript/adapter.js';
import { buildModel } from '../../../src/model/build-model.js';
import { ofKind } from '../../helpers/extract.js';
export { ofKind };

function parse(path: string, text: string) {
  const adapter = /\.[cm]?tsx?$/.test(path) ? typescriptAdapter : javascriptAdapter;
  const parsed = adapter.parse({ path, language: adapter.id, text, bytes: text.length });
  if (!parsed.ok) throw new Error(parsed.message);
  return { path, language: adapter.id, text, tree: parsed.tree };
}

export function extractJs(extractor: Extractor, path: string, text: string | string[]): Fact[] {
  const source = Array.isArray(text) ? text.join('\n') : text;
  return extractor.extract(parse(path, source));
}

/** Routes as 'METHOD path @router' strings, in emission order. */
export function routeLines(facts: Fact[]): string[] {
  return ofKind(facts, 'route').map((r) => `${r.method} ${r.path}${r.router ? ` @${r.router.path.join('.')}` : ''}`);
}

/** Mounts as 'parent -> child prefix' strings. */
export function mountLines(facts: Fact[]): string[] {
  return ofKind(facts, 'mount').map((m) => `${m.parent.path.join('.')} -> ${m.child.path.join('.')} ${m.prefix}`);
}

/** Every JS extractor over a small project (path -> source), then the model: sorted 'METHOD /path' lines. */
export function endpointsOf(files: Record<string, string | string[]>): string[] {
  const facts: Fact[] = [];
  for (const [path, text] of Object.entries(files)) {
    const source = Array.isArray(text) ? text.join('\n') : text;
    const parsed = parse(path, source);
    for (const extractor of javascriptRouteExtractors) {
      if (extractor.keywords && !extractor.keywords.some((k) => source.includes(k))) continue;
      facts.push(...extractor.extract(parsed));
    }
  }
  const model = buildModel({
    facts,
    files: Object.keys(files).map((path) => ({ path, language: /\.[cm]?tsx?$/.test(path) ? 'typescript' as const : 'javascript' as const })),
    serviceRoots: [],
    hasMoaiDir: false,
  });
  return model.endpoints.map((e) => `${e.method} ${e.path}`).sort();
}

/** The model's endpoints with their auth state and middleware names. */
export function endpointDetails(files: Record<string, string | string[]>) {
  const facts: Fact[] = [];
  for (const [path, text] of Object.entries(files)) {
    const source = Array.isArray(text) ? text.join('\n') : text;
    const parsed = parse(path, source);
    for (const extractor of javascriptRouteExtractors) facts.push(...extractor.extract(parsed));
  }
  return buildModel({
    facts,
    files: Object.keys(files).map((path) => ({ path, language: 'javascript' as const })),
    serviceRoots: [],
    hasMoaiDir: false,
  }).endpoints;
}
