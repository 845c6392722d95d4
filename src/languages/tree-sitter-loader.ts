import { createRequire } from 'node:module';
import { Language, Parser } from 'web-tree-sitter';

const require = createRequire(import.meta.url);

/** Grammar files shipped inside registry packages (no download at install or run time). */
const GRAMMARS = {
  python: '@vscode/tree-sitter-wasm/wasm/tree-sitter-python.wasm',
  go: '@vscode/tree-sitter-wasm/wasm/tree-sitter-go.wasm',
  java: '@vscode/tree-sitter-wasm/wasm/tree-sitter-java.wasm',
  php: '@vscode/tree-sitter-wasm/wasm/tree-sitter-php.wasm',
  csharp: '@vscode/tree-sitter-wasm/wasm/tree-sitter-c-sharp.wasm',
  rust: '@vscode/tree-sitter-wasm/wasm/tree-sitter-rust.wasm',
  kotlin: '@tree-sitter-grammars/tree-sitter-kotlin/tree-sitter-kotlin.wasm',
  scala: 'tree-sitter-scala/tree-sitter-scala.wasm',
} as const;

export type GrammarId = keyof typeof GRAMMARS;

let runtimeReady: Promise<void> | undefined;
const languages = new Map<GrammarId, Promise<Language>>();

function initRuntime(): Promise<void> {
  runtimeReady ??= Parser.init();
  return runtimeReady;
}

/** Loads (once per thread) the grammar for a language. */
export function loadGrammar(id: GrammarId): Promise<Language> {
  let pending = languages.get(id);
  if (!pending) {
    pending = initRuntime().then(() => Language.load(require.resolve(GRAMMARS[id])));
    languages.set(id, pending);
  }
  return pending;
}

/** A parser bound to a loaded grammar. */
export function createParser(language: Language): Parser {
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}
