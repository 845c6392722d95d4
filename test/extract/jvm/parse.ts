// Parses inline Java / Kotlin / config text for the JVM extractor tests, and builds a model from several files.
import type { Fact, FactOf } from '../../../src/core/facts.js';
import type { LanguageId } from '../../../src/core/types.js';
import { javaFile } from '../../../src/extract/jvm/java-ast.js';
import type { JvmFile } from '../../../src/extract/jvm/jvm-source.js';
import { kotlinFile } from '../../../src/extract/jvm/kotlin-ast.js';
import { jvmRouteExtractors } from '../../../src/extract/jvm/route-extractors.js';
import { languageOf } from '../../../src/languages/index.js';
import { textAdapter } from '../../../src/languages/text/adapter.js';
import { javaAdapter, kotlinAdapter } from '../../../src/languages/tree-sitter-adapters.js';
import type { ParsedFile } from '../../../src/languages/types.js';
import { buildModel } from '../../../src/model/build-model.js';
import { ofKind } from '../../helpers/extract.js';
export { ofKind };

export const src = (...lines: string[]) => `${lines.join('\n')}\n`;

async function parse(path: string, text: string): Promise<ParsedFile> {
  const language = languageOf(path) as LanguageId;
  const adapter = language === 'java' ? javaAdapter : language === 'kotlin' ? kotlinAdapter : textAdapter;
  await adapter.init();
  const parsed = adapter.parse({ path, language, text, bytes: Buffer.byteLength(text) });
  if (!parsed.ok) throw new Error(parsed.message);
  return { path, language, text, tree: parsed.tree };
}

/** Facts of every JVM extractor (that applies by language and keywords) for one file. */
export async function extractJvm(path: string, text: string): Promise<Fact[]> {
  const file = await parse(path, text);
  return jvmRouteExtractors
    .filter((x) => x.languages.includes(file.language) && (!x.keywords || x.keywords.some((k) => text.includes(k))))
    .flatMap((x) => x.extract(file));
}

/** The outline of a Java or Kotlin snippet. */
export async function outline(path: string, text: string): Promise<JvmFile> {
  const file = await parse(path, text);
  if (file.tree.kind !== 'tree-sitter') throw new Error('not a tree-sitter file');
  const root = file.tree.tree.rootNode;
  return file.language === 'java' ? javaFile(path, root) : kotlinFile(path, root);
}

/** Routes as 'METHOD path' (plus ' @router' when on a router), in emission order. */
export function routeLines(facts: Fact[]): string[] {
  return ofKind(facts, 'route').map((r) => `${r.method} ${r.path}${r.router ? ` @${r.router.path.join('.')}` : ''}`);
}

/** Extracts every file and builds the model: sorted 'METHOD /path' lines, and the model. */
export async function endpointsOf(files: Record<string, string>, serviceRoots: string[] = ['']) {
  const facts: Fact[] = [];
  for (const [path, text] of Object.entries(files)) facts.push(...await extractJvm(path, text));
  const model = buildModel({
    facts, files: Object.keys(files).map((path) => ({ path, language: languageOf(path) as LanguageId })), serviceRoots, hasMoaiDir: false,
  });
  return { lines: [...new Set(model.endpoints.map((e) => `${e.method} ${e.path}`))].sort(), model, facts };
}
