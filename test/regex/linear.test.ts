// No catastrophic regexes: every regular expression in src/ and rules/ (they run on repository
// text: file names, source, string literals, config files) is checked with a ReDoS analyser.
// With recheck, 'safe' means linear time in the input length.
//
// The analyser is loaded at run time and is not a dependency yet: without one this test fails and
// says what to install. Regexes already known to be super-linear are listed in known-superlinear.ts
// (per analyser): a new one fails the test; a listed one that is no longer there or no longer
// flagged is printed (take it off the list). A timeout ('unknown') is printed, not failed: it says
// nothing about the regex and depends on the machine's load.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnalyser, WANTED, type Verdict } from './analyser.js';
import { collectRegexes } from './collect.js';
import { KNOWN_SUPERLINEAR } from './known-superlinear.js';

const ROOT = join(import.meta.dirname, '..', '..');
const collected = collectRegexes(ROOT);

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  }));
  return out;
}

describe('regular expressions on repository text', () => {
  it('are collected from the source (RegExp literals and constant new RegExp)', () => {
    expect(collected.files).toBeGreaterThan(100);
    expect(collected.regexes.length).toBeGreaterThan(300);
    // A pattern built from a variable cannot be checked: make it a constant (or a [...].join() of strings).
    expect(collected.unresolved).toEqual([]);
  });

  it('are all linear, apart from the known ones (ReDoS analyser)', async () => {
    const analyser = await loadAnalyser();
    expect(analyser, `No ReDoS analyser is installed: add ${WANTED}. The regexes cannot be checked without one.`).toBeDefined();
    const places = new Map<string, string[]>();
    for (const r of collected.regexes) {
      const key = `/${r.pattern}/${r.flags}`;
      places.set(key, [...(places.get(key) ?? []), `${r.file}:${r.line}`]);
    }
    const keys = [...places.keys()];
    const verdicts = await mapLimit(keys, 8, (key): Promise<Verdict> => {
      const slash = key.lastIndexOf('/');
      return analyser!.check(key.slice(1, slash), key.slice(slash + 1));
    });
    const known = new Set(KNOWN_SUPERLINEAR[analyser!.name]);
    const fresh: string[] = [];
    const unknown: string[] = [];
    const stillFlagged = new Set<string>();
    keys.forEach((key, i) => {
      const v = verdicts[i]!;
      if (v.status === 'unknown') unknown.push(`${key} (${v.detail ?? ''})`);
      if (v.status !== 'vulnerable') return;
      if (known.has(key)) stillFlagged.add(key);
      else fresh.push(`${key}: ${v.detail ?? ''} at ${places.get(key)!.join(', ')}`);
    });
    const unknownKeys = new Set(unknown.map((u) => u.slice(0, u.lastIndexOf(' ('))));
    const fixed = [...known].filter((key) => !stillFlagged.has(key) && !unknownKeys.has(key));
    console.log(`${analyser!.name}: ${keys.length} distinct regexes (${collected.regexes.length} uses in ${collected.files} files); `
      + `${stillFlagged.size} known super-linear, ${fresh.length} new, ${fixed.length} fixed, ${unknown.length} undecided${unknown.length ? `: ${unknown.join('; ')}` : ''}`);
    // Listed ones that now pass are only printed: recheck's fuzzing checker is not stable on bounded
    // repetitions ({0,60}) under load, and a flaky failure would teach people to ignore this test.
    if (fixed.length) console.log(`no longer flagged or gone (take them off test/regex/known-superlinear.ts if that holds): ${fixed.join(' ')}`);
    expect(fresh, 'new super-linear regexes: rewrite them (no overlapping quantifiers next to each other)').toEqual([]);
  }, 900_000);
});
