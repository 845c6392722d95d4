import type { File as BabelFile } from '@babel/types';
import type { Tree } from 'web-tree-sitter';
import type { LanguageId, Location, SourceFile } from '../core/types.js';

export type SyntaxTree =
  | { kind: 'babel'; ast: BabelFile }
  | { kind: 'tree-sitter'; tree: Tree }
  | { kind: 'text' };

export type ParseResult =
  | { ok: true; tree: SyntaxTree; /** recovered syntax errors, reported but not fatal */ errors: ParseProblem[] }
  | { ok: false; message: string; location: Location }
  /** Only with `fastOnly`: this file needs the slow path (another parser, a larger stack); nothing was reported. */
  | { ok: false; slow: true };

export interface ParseOptions {
  /**
   * Parse only when the fast path can: a JS/TS file that oxc rejects (it would go to Babel, whose
   * warm-up costs a thread a tenth of a second) or that is too deep for this thread's native stack
   * comes back `{ ok: false, slow: true }`, for a worker to parse.
   */
  fastOnly?: boolean;
}

export interface ParseProblem {
  message: string;
  location: Location;
}

export interface ParsedFile {
  path: string;
  language: LanguageId;
  text: string;
  tree: SyntaxTree;
}

export interface LanguageAdapter {
  id: LanguageId;
  extensions: readonly string[];
  lineComment: string;
  /** Loads grammars; must be awaited once before parse(). Idempotent. */
  init(): Promise<void>;
  /** Never throws: a file that cannot be parsed becomes { ok: false }. */
  parse(file: SourceFile, options?: ParseOptions): ParseResult;
  /** Frees native memory held by a tree (tree-sitter); a no-op for JS-heap trees. */
  dispose(tree: SyntaxTree): void;
}
