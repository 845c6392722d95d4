// GitHub's primaryLocationLineHash: checked against the known vectors of github/codeql-action's
// fingerprint tests (src/fingerprints.test.ts), and against a plain (non-rolling) restatement.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineHashes, lineHashHook } from '../../src/engine/line-hash.js';
import type { Finding } from '../../src/core/types.js';

const EMPTY_TAIL = 'c129715d7a2bc9a3:1'; // the line after a final newline (and the empty file)
const GREETINGS = [
  'e9496ae3ebfced30:1', 'fb7c023a8b9ccb3f:1', 'ce8ba1a563dcdaca:1', 'e20e36e16fcb0cc8:1',
  'b3edc88f2938467e:1', 'c8e28b0b4002a3a0:1', EMPTY_TAIL,
];

const VECTORS: [string, string, string[]][] = [
  ['empty file', '', [EMPTY_TAIL]],
  ['leading blanks and tabs', ' a\nb\n  \t\tc\n d', ['271789c17abda88f:1', '54703d4cd895b18:1', '180aee12dab6264:1', 'a23a3dc5e078b07b:1']],
  ['no final newline', ' hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End',
    ['8b7cf3e952e7aeb2:1', 'b1ae1287ec4718d9:1', 'bff680108adb0fcc:1', 'c6805c5e1288b612:1', 'b86d3392aea1be30:1', 'e6ceba753e1a442:1']],
  ['LF', ' hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n', GREETINGS],
  ['CR', ' hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r', GREETINGS],
  ['CRLF', ' hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n', GREETINGS],
  ['mixed line ends', ' hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n', GREETINGS],
  ['a repeated line', 'Lorem ipsum dolor sit amet.\n'.repeat(10), [
    ...[1, 2, 3, 4, 5, 6].map((n) => `a7f2ff13bc495cf2:${n}`),
    'a7f2ff1481e87703:1', 'a9cf91f7bbf1862b:1', '55ec222b86bcae53:1', 'cc97dc7b1d7d8f7b:1', EMPTY_TAIL,
  ]],
  ['short program', 'x = 2\nx = 1\nprint(x)\nx = 3\nprint(x)\nx = 4\nprint(x)\n', [
    'e54938cc54b302f1:1', 'bb609acbe9138d60:1', '1131fd5871777f34:1', '5c482a0f8b35ea28:1',
    '54517377da7028d2:1', '2c644846cb18d53e:1', 'f1b89f20de0d133:1', EMPTY_TAIL,
  ]],
];

/**
 * The same hash written the slow, obvious way: each line's value is the polynomial over the 100
 * characters (spaces and tabs dropped, line ends as LF, then 65535, then zeros) starting at the line.
 */
function referenceHashes(text: string): string[] {
  const chars: number[] = [];
  const starts: number[] = [];
  let atStart = true;
  const normalised = text.replace(/\r\n?/g, '\n').replace(/[ \t]/g, '');
  for (let i = 0; i < normalised.length; i++) {
    if (atStart) starts.push(chars.length);
    atStart = normalised[i] === '\n';
    chars.push(normalised.charCodeAt(i));
  }
  if (atStart) starts.push(chars.length);
  chars.push(65535);
  const counts = new Map<string, number>();
  return starts.map((start) => {
    let hash = 0n;
    for (let k = 0; k < 100; k++) hash = (hash * 37n + BigInt(chars[start + k] ?? 0)) & ((1n << 64n) - 1n);
    const hex = hash.toString(16);
    counts.set(hex, (counts.get(hex) ?? 0) + 1);
    return `${hex}:${counts.get(hex)}`;
  });
}

describe('lineHashes', () => {
  for (const [name, text, expected] of VECTORS) {
    it(`matches the upload action's vector: ${name}`, () => {
      expect(lineHashes(text)).toEqual(expected);
      expect(lineHashes(text)).toHaveLength(text.split(/\r\n|\r|\n/).length);
    });
  }

  it('agrees with the plain restatement on arbitrary text', () => {
    const alphabet = fc.constantFrom('a', 'b', ' ', '\t', '\n', '\r', 'é', '{', '🙂');
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 400 }).map((a) => a.join('')), (text) => {
      expect(lineHashes(text)).toEqual(referenceHashes(text));
    }), { numRuns: 300 });
  });

  it('ignores spaces and tabs, and CRLF versus LF', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('x', 'y', '\n'), { maxLength: 200 }).map((a) => a.join('')), (text) => {
      const spaced = text.replace(/x/g, ' x\t');
      expect(lineHashes(spaced)).toEqual(lineHashes(text));
      expect(lineHashes(text.replace(/\n/g, '\r\n'))).toEqual(lineHashes(text));
    }), { numRuns: 200 });
  });
});

describe('lineHashHook', () => {
  const at = (file: string, startLine: number): Finding => ({
    ruleId: 'r', category: 'sqli', cwe: [], severity: 'error', message: 'm.', fingerprint: 'f',
    location: { file, startLine, startColumn: 1, endLine: startLine, endColumn: 2 },
  });

  it("gives the hash of the finding's start line, reading each file once", () => {
    const reads: string[] = [];
    const hook = lineHashHook((file) => {
      reads.push(file);
      return file === 'a.py' ? 'x = 2\nx = 1\nprint(x)\nx = 3\nprint(x)\nx = 4\nprint(x)\n' : undefined;
    });
    expect(hook(at('a.py', 3))).toBe('1131fd5871777f34:1');
    expect(hook(at('a.py', 1))).toBe('e54938cc54b302f1:1');
    expect(hook(at('missing.py', 1))).toBeUndefined();
    expect(hook(at('a.py', 0))).toBeUndefined(); // no start line: the upload action computes none either
    expect(hook(at('a.py', 99))).toBeUndefined();
    expect(reads).toEqual(['a.py', 'missing.py']);
  });
});
