// The one-pass keyword search must answer exactly what `text.includes(keyword)` answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeywordMatcher } from '../../src/core/keyword-matcher.js';

const naive = (keywords: string[], text: string) => new Set(keywords.filter((k) => text.includes(k)));

describe('KeywordMatcher', () => {
  it('finds overlapping, nested and repeated keywords', () => {
    const keywords = ['get', 'getMapping', 'Mapping', 'app.get', 'he', 'she', 'hers', 'ép', 'x'];
    const matcher = new KeywordMatcher(keywords);
    expect(matcher.found('@GetMapping app.getMapping ushers')).toEqual(naive(keywords, '@GetMapping app.getMapping ushers'));
    expect([...matcher.found('ushers')].sort()).toEqual(['he', 'hers', 'she']);
    expect([...matcher.found('sép')].sort()).toEqual(['ép']);
    expect(matcher.found('nothing in common').size).toBe(0);
  });

  it('agrees with includes() on random keywords and texts', () => {
    const char = fc.constantFrom('a', 'b', 'c', '.', '_', 'é', '\n');
    const word = fc.array(char, { minLength: 1, maxLength: 5 }).map((cs) => cs.join(''));
    // Up to 16 distinct keywords are searched one by one; more go through the automaton: test both.
    for (const [minLength, maxLength] of [[1, 12], [40, 60]] as const) {
      fc.assert(fc.property(fc.array(word, { minLength, maxLength }), fc.array(char, { maxLength: 80 }).map((cs) => cs.join('')), (keywords, text) => {
        expect(new KeywordMatcher(keywords).found(text)).toEqual(naive(keywords, text));
      }), { numRuns: 400 });
    }
  });
});
