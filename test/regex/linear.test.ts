// No catastrophic regexes: every regular expression in src/ and rules/ (they run on repository
// text: file names, source, string literals, config files) is checked with a ReDoS analyser and
// must be safe. With recheck, safe means linear time in the input length.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnalyser, WANTED } from './analyser.js';
import { collectRegexes } from './collect.js';

const ROOT = join(import.meta.dirname, '..', '..');
const collected = collectRegexes(ROOT);

describe('regular expressions on repository text', () => {
  it('are collected from the source (RegExp literals and constant new RegExp)', () => {
    expect(collected.files).toBeGreaterThan(100);
    expect(collected.regexes.length).toBeGreaterThan(300);
    // A pattern built from a variable cannot be checked: make it a constant (or a [...].join() of strings).
    expect(collected.unresolved).toEqual([]);
  });

  it('are all linear (ReDoS analyser)', async () => {
    const analyser = await loadAnalyser();
    expect(analyser, `No ReDoS analyser is installed: add ${WANTED}. The regexes cannot be checked without one.`).toBeDefined();
    const distinct = new Map<string, string[]>();
    for (const r of collected.regexes) {
      const key = `/${r.pattern}/${r.flags}`;
      distinct.set(key, [...(distinct.get(key) ?? []), `${r.file}:${r.line}`]);
    }
    const problems: string[] = [];
    for (const [key, places] of distinct) {
      const slash = key.lastIndexOf('/');
      const verdict = analyser!.check(key.slice(1, slash), key.slice(slash + 1));
      if (verdict.status !== 'safe') problems.push(`${verdict.status} ${key} (${verdict.detail ?? ''}) at ${places.join(', ')}`);
    }
    console.log(`${analyser!.name}: ${distinct.size} distinct regexes (${collected.regexes.length} uses in ${collected.files} files), ${problems.length} not safe`);
    expect(problems).toEqual([]);
  }, 600_000);
});
