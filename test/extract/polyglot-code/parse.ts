// Parses inline sources for the polyglot code-fact extractor tests of this directory.
import type { Fact, FactOf } from '../../../src/core/facts.js';
import type { LanguageId } from '../../../src/core/types.js';
import type { Extractor } from '../../../src/extract/types.js';
import { languageOf } from '../../../src/languages/index.js';
import { textAdapter } from '../../../src/languages/text/adapter.js';
import { csharpAdapter, goAdapter, javaAdapter, kotlinAdapter, phpAdapter, rustAdapter, scalaAdapter } from '../../../src/languages/tree-sitter-adapters.js';

const ADAPTERS = { go: goAdapter, java: javaAdapter, kotlin: kotlinAdapter, php: phpAdapter, csharp: csharpAdapter, rust: rustAdapter, scala: scalaAdapter, text: textAdapter };

export async function run(extractor: Extractor, path: string, lines: string[]): Promise<Fact[]> {
  const text = lines.join('\n');
  const language = languageOf(path) as LanguageId;
  const adapter = ADAPTERS[language as keyof typeof ADAPTERS];
  if (!adapter) throw new Error(`no adapter for ${path}`);
  await adapter.init();
  const parsed = adapter.parse({ path, language, text, bytes: text.length });
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
