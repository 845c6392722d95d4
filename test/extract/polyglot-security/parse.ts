// Parses inline sources of any language for the polyglot security-fact extractor tests.
import type { Fact, FactOf } from '../../../src/core/facts.js';
import type { Extractor } from '../../../src/extract/types.js';
import { adapterFor, languageOf } from '../../../src/languages/index.js';

export async function run(extractor: Extractor, path: string, lines: string[] | string): Promise<Fact[]> {
  const text = Array.isArray(lines) ? lines.join('\n') : lines;
  const language = languageOf(path) ?? 'text';
  if (language === 'text') return extractor.extract({ path, language, text, tree: { kind: 'text' } });
  const adapter = adapterFor(language);
  await adapter.init();
  const parsed = adapter.parse({ path, language, text, bytes: text.length });
  if (!parsed.ok) throw new Error(parsed.message);
  return extractor.extract({ path, language, text, tree: parsed.tree });
}

export function ofKind<K extends Fact['kind']>(facts: Fact[], kind: K): FactOf<K>[] {
  return facts.filter((f): f is FactOf<K> => f.kind === kind);
}

/** Secrets as 'line detector name' strings. */
export async function secretLines(extractor: Extractor, path: string, lines: string[]): Promise<string[]> {
  return ofKind(await run(extractor, path, lines), 'secret-candidate').map((s) => `${s.location.startLine} ${s.detector}${s.name ? ` ${s.name}` : ''}`);
}

/** CORS facts as 'line library policy credentials' strings. */
export async function corsLines(extractor: Extractor, path: string, lines: string[]): Promise<string[]> {
  return ofKind(await run(extractor, path, lines), 'cors-config').map((c) => `${c.location.startLine} ${c.library} ${c.policy} ${c.credentials}`);
}

/** Rate limits as 'line library applied scope' strings. */
export async function rateLimitLines(extractor: Extractor, path: string, lines: string[]): Promise<string[]> {
  return ofKind(await run(extractor, path, lines), 'rate-limit').map((r) => `${r.location.startLine} ${r.library} ${r.applied} ${r.scope ?? '-'}`);
}

/** Databases as 'line library engine' strings. */
export async function databaseLines(extractor: Extractor, path: string, lines: string[]): Promise<string[]> {
  return ofKind(await run(extractor, path, lines), 'database').map((d) => `${d.location.startLine} ${d.library} ${d.engine ?? '-'}`);
}
