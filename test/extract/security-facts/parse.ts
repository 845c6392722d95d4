// Parses inline sources for the security-fact extractor tests of this directory.
import type { Fact, FactOf } from '../../../src/core/facts.js';
import type { LanguageId } from '../../../src/core/types.js';
import type { Extractor } from '../../../src/extract/types.js';
import { javascriptAdapter, typescriptAdapter } from '../../../src/languages/javascript/adapter.js';
import { pythonAdapter } from '../../../src/languages/python/adapter.js';

function languageOfPath(path: string): LanguageId {
  if (path.endsWith('.py')) return 'python';
  if (/\.(ts|tsx|mts|cts)$/.test(path)) return 'typescript';
  if (/\.(js|jsx|mjs|cjs)$/.test(path)) return 'javascript';
  return 'text';
}

export async function run(extractor: Extractor, path: string, lines: string[] | string): Promise<Fact[]> {
  const text = Array.isArray(lines) ? lines.join('\n') : lines;
  const language = languageOfPath(path);
  if (language === 'text') return extractor.extract({ path, language, text, tree: { kind: 'text' } });
  const adapter = language === 'python' ? pythonAdapter : language === 'typescript' ? typescriptAdapter : javascriptAdapter;
  await adapter.init();
  const parsed = adapter.parse({ path, language, text, bytes: text.length });
  if (!parsed.ok) throw new Error(parsed.message);
  return extractor.extract({ path, language, text, tree: parsed.tree });
}

export function ofKind<K extends Fact['kind']>(facts: Fact[], kind: K): FactOf<K>[] {
  return facts.filter((f): f is FactOf<K> => f.kind === kind);
}

/** Secrets as 'line detector name' strings. */
export function secretLines(facts: Fact[]): string[] {
  return ofKind(facts, 'secret-candidate').map((s) => `${s.location.startLine} ${s.detector}${s.name ? ` ${s.name}` : ''}`);
}
