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

/** File names (not extensions) that are plain-text configuration worth a secrets scan. */
const TEXT_NAMES = /^(\.env(\..+)?|.*\.env|docker-compose.*\.ya?ml|settings\.py\.example|.*\.npmrc|\.pypirc|id_rsa|id_dsa|id_ecdsa|id_ed25519|requirements.*\.txt|Pipfile|.*\.prisma)$/i;

/** The language of a repo-relative path, or undefined when it is not a file we read. */
export function languageOf(path: string): LanguageId | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const lower = base.toLowerCase();
  if (TEXT_NAMES.test(base)) return 'text';
  // Play Framework route files: conf/routes and any *.routes file.
  if (/(^|\/)conf\/routes$/.test(path) || lower.endsWith('.routes')) return 'text';
  const dot = lower.lastIndexOf('.');
  if (dot < 0) return undefined;
  const ext = lower.slice(dot);
  for (const adapter of ADAPTERS) if (adapter.extensions.includes(ext)) return adapter.id;
  return undefined;
}

export async function initAdapters(languages: Iterable<LanguageId>): Promise<void> {
  for (const id of new Set(languages)) await adapterFor(id).init();
}
