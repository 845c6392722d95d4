// Mutations of a fixture app for the fuzz tests: delete, duplicate and swap lines and tokens, or
// insert a few arbitrary characters. Pure functions of (files, mutation list): a failing case
// found by fast-check replays and shrinks.
import fc from 'fast-check';

export type Op = 'delete-line' | 'duplicate-line' | 'swap-lines' | 'delete-token' | 'duplicate-token' | 'swap-tokens' | 'insert-text';

export interface Mutation {
  op: Op;
  /** Which file (modulo the number of files), which line or token (modulo their number), and a second one for swaps. */
  file: number;
  a: number;
  b: number;
  text: string;
}

export const OPS: readonly Op[] = ['delete-line', 'duplicate-line', 'swap-lines', 'delete-token', 'duplicate-token', 'swap-tokens', 'insert-text'];

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom(...OPS),
  file: fc.nat(),
  a: fc.nat(),
  b: fc.nat(),
  // Mostly source-like punctuation, sometimes any code point (invalid surrogates, NUL, controls).
  text: fc.oneof(
    fc.string({ unit: fc.constantFrom(...'(){}[]<>;:,.\'"`\\/#@$=+-*!?\n\t '), maxLength: 6 }),
    fc.string({ unit: 'binary', maxLength: 4 }),
  ),
});

/** Words, single punctuation characters and runs of white space: concatenated they give the line back. */
export function tokensOf(line: string): string[] {
  return line.match(/\w+|\s+|[^\w\s]/gu) ?? [];
}

function applyToLines(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const n = lines.length;
  const i = m.a % n;
  const j = m.b % n;
  switch (m.op) {
    case 'delete-line':
      lines.splice(i, 1);
      break;
    case 'duplicate-line':
      lines.splice(i, 0, lines[i]!);
      break;
    case 'swap-lines':
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      break;
    default:
      break;
  }
  return lines.join('\n');
}

function applyToTokens(text: string, m: Mutation): string {
  const all = tokensOf(text);
  if (all.length === 0) return m.op === 'insert-text' ? m.text : text;
  const i = m.a % all.length;
  const j = m.b % all.length;
  switch (m.op) {
    case 'delete-token':
      all.splice(i, 1);
      break;
    case 'duplicate-token':
      all.splice(i, 0, all[i]!);
      break;
    case 'swap-tokens':
      [all[i], all[j]] = [all[j]!, all[i]!];
      break;
    case 'insert-text':
      all.splice(i, 0, m.text);
      break;
    default:
      break;
  }
  return all.join('');
}

/** Applies the mutations in order to a copy of `files` (path -> text). */
export function mutate(files: ReadonlyMap<string, string>, mutations: readonly Mutation[]): Map<string, string> {
  const out = new Map(files);
  const paths = [...out.keys()].sort();
  if (paths.length === 0) return out;
  for (const m of mutations) {
    const path = paths[m.file % paths.length]!;
    const text = out.get(path)!;
    out.set(path, m.op.endsWith('line') || m.op === 'swap-lines' ? applyToLines(text, m) : applyToTokens(text, m));
  }
  return out;
}
