// Runs one extractor on an inline source, parsed by the adapter of the path's language, and
// renders facts as short lines for assertions. Shared by the extractor tests.
import type { Fact, FactOf } from '../../src/core/facts.js';
import type { Extractor } from '../../src/extract/types.js';
import { adapterFor, initAdapters, languageOf } from '../../src/languages/index.js';

export async function runExtractor(extractor: Extractor, path: string, source: string | string[]): Promise<Fact[]> {
  const text = Array.isArray(source) ? source.join('\n') : source;
  const language = languageOf(path) ?? 'text'; // unknown names are read as plain text, as discovery would not
  await initAdapters([language]);
  const parsed = adapterFor(language).parse({ path, language, text, bytes: text.length });
  if (!parsed.ok) throw new Error(parsed.message);
  return extractor.extract({ path, language, text, tree: parsed.tree });
}

export function ofKind<K extends Fact['kind']>(facts: Fact[], kind: K): FactOf<K>[] {
  return facts.filter((f): f is FactOf<K> => f.kind === kind);
}

/** sql-call facts as 'line sink build dynamic[ @builtAtLine]'. */
export function sqlLines(facts: Fact[]): string[] {
  return ofKind(facts, 'sql-call').map((s) => `${s.location.startLine} ${s.sink} ${s.build} ${s.dynamic}${s.builtAt ? ` @${s.builtAt.startLine}` : ''}`);
}

/** hash-call facts as 'line algorithm library purpose[ verify][ k=v...]'. */
export function hashLines(facts: Fact[]): string[] {
  return ofKind(facts, 'hash-call').map((h) => {
    const params = Object.entries(h.params ?? {}).map(([k, v]) => `${k}=${v}`).join(' ');
    return `${h.location.startLine} ${h.algorithm} ${h.library} ${h.purpose}${h.isVerify ? ' verify' : ''}${params ? ` ${params}` : ''}`;
  });
}

/** jwt-call facts as 'line library operation issue,issue'. */
export function jwtLines(facts: Fact[]): string[] {
  return ofKind(facts, 'jwt-call').map((j) => `${j.location.startLine} ${j.library} ${j.operation} ${j.issues.join(',') || '-'}`);
}

export function configLines(facts: Fact[]): string[] {
  return ofKind(facts, 'config-issue').map((c) => `${c.location.startLine} ${c.issue} ${c.detail}`);
}
