// GitHub code scanning's `primaryLocationLineHash`: the partial fingerprint that github/codeql-action
// computes when it uploads SARIF (its `src/fingerprints.ts`). Computing the same value here means the
// upload keeps ours instead of warning about an inconsistent fingerprint.
//
// The algorithm: a rolling polynomial hash (base 37, modulo 2^64) over a window of the next 100
// characters of the file, with spaces and tabs dropped and CR / CRLF read as LF. Each line's hash is
// the window that starts at its first character; the end of the file adds one 65535 character and
// then zeros. A hash seen before in the same file gets its repeat count: `<hex>:<n>`.
import type { Finding } from '../core/types.js';

const BLOCK_SIZE = 100;
const MOD = 37n;
const MASK = (1n << 64n) - 1n;
const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const EOF = 65535;

/** 37^100 modulo 2^64: the weight of the character that leaves the window. */
const FIRST_MOD = (() => {
  let value = 1n;
  for (let i = 0; i < BLOCK_SIZE; i++) value = (value * MOD) & MASK;
  return value;
})();

/** The hash of every line of `text`, index 0 for line 1. A text ending in a newline has a last, empty line. */
export function lineHashes(text: string): string[] {
  const hashes: string[] = [];
  const window: number[] = new Array<number>(BLOCK_SIZE).fill(0);
  const lineAt: number[] = new Array<number>(BLOCK_SIZE).fill(-1);
  const seen = new Map<string, number>();
  let hash = 0n;
  let index = 0;
  let line = 0;
  let atLineStart = true;
  let afterCR = false;

  const emit = () => {
    const hex = hash.toString(16);
    const count = (seen.get(hex) ?? 0) + 1;
    seen.set(hex, count);
    hashes[lineAt[index]! - 1] = `${hex}:${count}`;
    lineAt[index] = -1;
  };
  const push = (code: number) => {
    const leaving = window[index]!;
    window[index] = code;
    hash = (MOD * hash + BigInt(code) - FIRST_MOD * BigInt(leaving)) & MASK;
    index = (index + 1) % BLOCK_SIZE;
  };
  const read = (code: number) => {
    if (code === SPACE || code === TAB || (afterCR && code === LF)) {
      afterCR = false;
      return;
    }
    afterCR = code === CR;
    if (code === CR) code = LF;
    if (lineAt[index] !== -1) emit();
    if (atLineStart) {
      atLineStart = false;
      lineAt[index] = ++line;
    }
    if (code === LF) atLineStart = true;
    push(code);
  };

  for (let i = 0; i < text.length; i++) read(text.charCodeAt(i));
  read(EOF);
  for (let i = 0; i < BLOCK_SIZE; i++) {
    if (lineAt[index] !== -1) emit();
    push(0);
  }
  return hashes;
}

/**
 * A `primaryLocationLineHash` hook for the SARIF reporter. `readText` returns a file's text exactly as
 * stored on disk (byte order mark included, as the upload action reads it), or undefined.
 */
export function lineHashHook(readText: (file: string) => string | undefined): (finding: Finding) => string | undefined {
  const cache = new Map<string, string[] | undefined>();
  return (finding) => {
    const file = finding.location.file;
    if (!cache.has(file)) {
      const text = readText(file);
      cache.set(file, text === undefined ? undefined : lineHashes(text));
    }
    // Like the upload action: no region start line, no hash.
    if (!(finding.location.startLine >= 1)) return undefined;
    return cache.get(file)?.[finding.location.startLine - 1];
  };
}
