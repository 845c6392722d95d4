import type { LanguageId } from '../core/types.js';
import { javascriptAdapter, typescriptAdapter } from './javascript/adapter.js';
import { pythonAdapter } from './python/adapter.js';
import { textAdapter } from './text/adapter.js';
import { csharpAdapter, goAdapter, javaAdapter, kotlinAdapter, phpAdapter, rustAdapter, scalaAdapter } from './tree-sitter-adapters.js';
import type { LanguageAdapter } from './types.js';

export type { LanguageAdapter, ParseResult, ParsedFile, SyntaxTree, ParseProblem } from './types.js';
export { locationFromBabel, locationFromTreeSitter, locationOfLine } from './location.js';

export const ADAPTERS: readonly LanguageAdapter[] = [
  javascriptAdapter, typescriptAdapter, pythonAdapter, goAdapter, javaAdapter, kotlinAdapter, phpAdapter,
  csharpAdapter, rustAdapter, scalaAdapter, textAdapter,
];

const BY_ID = new Map<LanguageId, LanguageAdapter>(ADAPTERS.map((a) => [a.id, a]));

export function adapterFor(language: LanguageId): LanguageAdapter {
  const adapter = BY_ID.get(language);
  if (!adapter) throw new Error(`no adapter for ${language}`);
  return adapter;
}

export { languageOf, EXTENSIONS } from './file-languages.js';
export { setNativeStackMb, withinOxcBudget } from './javascript/adapter.js';

export async function initAdapters(languages: Iterable<LanguageId>): Promise<void> {
  for (const id of new Set(languages)) await adapterFor(id).init();
}
