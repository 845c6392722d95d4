import type { Location } from '../core/types.js';

/** Babel positions: 1-based line, 0-based UTF-16 column. */
export interface BabelLoc {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

export function locationFromBabel(file: string, loc: BabelLoc | null | undefined): Location {
  if (!loc) return { file, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
  return {
    file,
    startLine: loc.start.line,
    startColumn: loc.start.column + 1,
    endLine: loc.end.line,
    endColumn: loc.end.column + 1,
  };
}

/** tree-sitter positions (web-tree-sitter on JS strings): 0-based row, 0-based UTF-16 column. */
export interface TreeSitterSpan {
  startPosition: { row: number; column: number };
  endPosition: { row: number; column: number };
}

export function locationFromTreeSitter(file: string, node: TreeSitterSpan): Location {
  return {
    file,
    startLine: node.startPosition.row + 1,
    startColumn: node.startPosition.column + 1,
    endLine: node.endPosition.row + 1,
    endColumn: node.endPosition.column + 1,
  };
}

/** A location covering one whole line of text (1-based), for text-scanned files. */
export function locationOfLine(file: string, text: string, line: number, startColumn = 1, endColumn?: number): Location {
  const lineText = text.split('\n')[line - 1] ?? '';
  return { file, startLine: line, startColumn, endLine: line, endColumn: endColumn ?? lineText.replace(/\r$/, '').length + 1 };
}
