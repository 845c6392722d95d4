import { parse, type ParserPlugin } from '@babel/parser';
import type { SourceFile } from '../../core/types.js';
import { locationFromBabel } from '../location.js';
import type { LanguageAdapter, ParseProblem, ParseResult } from '../types.js';

const TS_EXT = /\.(ts|mts|cts|tsx)$/;

function pluginsFor(path: string): ParserPlugin[] {
  const common: ParserPlugin[] = [
    'decorators-legacy', 'classProperties', 'classPrivateProperties', 'classPrivateMethods',
    'dynamicImport', 'importMeta', 'topLevelAwait', 'objectRestSpread', 'optionalChaining',
    'nullishCoalescingOperator', 'exportDefaultFrom',
  ];
  if (TS_EXT.test(path)) {
    return path.endsWith('.tsx') ? ['typescript', 'jsx', ...common] : ['typescript', ...common];
  }
  return ['jsx', 'flow', ...common];
}

export function parseJavaScript(file: SourceFile): ParseResult {
  const attempt = (sourceType: 'module' | 'script' | 'unambiguous', plugins: ParserPlugin[]) =>
    parse(file.text, {
      sourceType,
      errorRecovery: true,
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
      allowImportExportEverywhere: true,
      allowUndeclaredExports: true,
      plugins,
    });
  try {
    let ast;
    try {
      ast = attempt('unambiguous', pluginsFor(file.path));
    } catch (first) {
      // A `.js` file with TypeScript-only syntax, or JSX that flow rejects: try the other grammar once.
      if (TS_EXT.test(file.path)) throw first;
      ast = attempt('unambiguous', ['typescript', 'jsx', 'decorators-legacy']);
    }
    const errors: ParseProblem[] = (ast.errors ?? []).map((e) => {
      const err = e as unknown as { reasonCode?: string; message: string; loc?: { line: number; column: number } };
      const line = err.loc?.line ?? 1;
      const column = (err.loc?.column ?? 0) + 1;
      return { message: err.message, location: { file: file.path, startLine: line, startColumn: column, endLine: line, endColumn: column + 1 } };
    });
    return { ok: true, tree: { kind: 'babel', ast }, errors };
  } catch (error) {
    // Deeply nested input (thousands of brackets) exhausts Babel's recursion: a RangeError, not a syntax error.
    if (error instanceof RangeError) {
      return { ok: false, message: 'nested too deeply to parse (call stack exhausted)', location: locationFromBabel(file.path, { start: { line: 1, column: 0 }, end: { line: 1, column: 1 } }) };
    }
    const err = error as { message?: string; loc?: { line: number; column: number } };
    const line = err.loc?.line ?? 1;
    const column = (err.loc?.column ?? 0) + 1;
    return {
      ok: false,
      message: String(err.message ?? error).replace(/ \(\d+:\d+\)$/, ''),
      location: locationFromBabel(file.path, { start: { line, column: column - 1 }, end: { line, column } }),
    };
  }
}

export const javascriptAdapter: LanguageAdapter = {
  id: 'javascript',
  extensions: ['.js', '.jsx', '.mjs', '.cjs'],
  lineComment: '//',
  init: async () => {},
  parse: parseJavaScript,
  dispose: () => {},
};

export const typescriptAdapter: LanguageAdapter = {
  id: 'typescript',
  extensions: ['.ts', '.tsx', '.mts', '.cts'],
  lineComment: '//',
  init: async () => {},
  parse: parseJavaScript,
  dispose: () => {},
};
