import { parse, type ParserPlugin } from '@babel/parser';
import { parseSync } from 'oxc-parser';
import type { SourceFile } from '../../core/types.js';
import { EXTENSIONS } from '../file-languages.js';
import { locationFromBabel } from '../location.js';
import { estreeToBabel } from './estree-to-babel.js';
import type { LanguageAdapter, ParseOptions, ParseProblem, ParseResult } from '../types.js';

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

function oxcLanguage(path: string): 'ts' | 'tsx' | 'jsx' {
  if (!TS_EXT.test(path)) return 'jsx';
  return path.endsWith('.tsx') ? 'tsx' : 'ts';
}

/**
 * oxc-parser (native) parses about three times faster than Babel in a short-lived process, where
 * Babel's parser never gets past the JIT's warm-up; its ESTree is reshaped into the Babel AST the
 * extractors read. Files oxc reports errors for (Flow syntax, broken code) go to Babel, whose
 * recovery and messages the rest of the tool relies on.
 */
/**
 * oxc-parser recurses on the native stack, where running out of it kills the process instead of
 * throwing (Babel's RangeError is caught below). Measured on this Node in a 4 MB worker thread:
 * 2,000 levels of the stack-hungriest shapes (`if(a)if(a)...`, nested templates, generics, labels)
 * pass and 4,000 crash; of one-token levels, 8,000 `yield` / 10,000 `new` pass and 12,000 `new`
 * crash; 15,000 levels of unary, member, call, `||`, `as` chains pass. Every level costs at least
 * one of the tokens counted here, so a file under both budgets cannot get that deep; files over
 * them (2 of juice-shop's 640 files) go to Babel. Brackets are capped before parsing.
 */
const HEAVY_BUDGET = 1500;
const LIGHT_BUDGET = 6000;

/** Native stack of a thread these budgets were measured for (Node's default for workers). */
export const BASE_STACK_MB = 4;
/**
 * Budget multiplier of this thread. A worker started with a larger stack (extract-pool.ts) sets it:
 * with 64 MB, 24,000 levels of the hungriest shapes pass and 48,000 nested templates crash, so the
 * budgets grow by half the stack ratio (8x), keeping the same two-fold margin as at 4 MB.
 */
let budgetScale = 1;

/** Declares this thread's native stack size, in MB; call it once, at the thread's start. */
export function setNativeStackMb(mb: number): void {
  budgetScale = Math.max(1, Math.floor(mb / BASE_STACK_MB / 2));
}

export function withinOxcBudget(text: string, scale = budgetScale): boolean {
  const heavyBudget = HEAVY_BUDGET * scale;
  const lightBudget = LIGHT_BUDGET * scale;
  if (text.length <= heavyBudget) return true; // every counted token takes a character
  let heavy = 0;
  let light = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isWordChar = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;
    if (isWordChar) {
      if (!inWord) {
        light++;
        // Statement keywords that nest without braces: if, else, for, while, do, with (and any word starting so).
        if (c === 105 || c === 101 || c === 102 || c === 119 || c === 100) heavy++;
      }
      inWord = true;
      continue;
    }
    inWord = false;
    if (c <= 32) continue;
    light++;
    // `?` (conditional), `<` (JSX, generics), `:` (labels, conditionals), `=>`, `${`.
    if (c === 63 || c === 60 || c === 58 || (c === 62 && text.charCodeAt(i - 1) === 61) || (c === 123 && text.charCodeAt(i - 1) === 36)) heavy++;
    if (heavy > heavyBudget || light > lightBudget) return false;
  }
  return true;
}

function parseWithOxc(file: SourceFile): ParseResult | undefined {
  if (!withinOxcBudget(file.text)) return undefined;
  let result;
  try {
    result = parseSync(file.path, file.text, { lang: oxcLanguage(file.path), sourceType: 'unambiguous', preserveParens: false });
  } catch {
    return undefined;
  }
  if (result.errors.length > 0) return undefined;
  const ast = estreeToBabel({ program: result.program, comments: result.comments, text: file.text });
  return { ok: true, tree: { kind: 'babel', ast }, errors: [] };
}

export function parseJavaScript(file: SourceFile, options?: ParseOptions): ParseResult {
  return parseWithOxc(file) ?? (options?.fastOnly ? { ok: false, slow: true } : parseWithBabel(file));
}

export function parseWithBabel(file: SourceFile): ParseResult {
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
  extensions: EXTENSIONS.javascript,
  lineComment: '//',
  init: async () => {},
  parse: parseJavaScript,
  dispose: () => {},
};

export const typescriptAdapter: LanguageAdapter = {
  id: 'typescript',
  extensions: EXTENSIONS.typescript,
  lineComment: '//',
  init: async () => {},
  parse: parseJavaScript,
  dispose: () => {},
};
