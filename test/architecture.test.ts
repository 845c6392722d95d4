// Imports point one way: cli -> engine -> {discover, languages, extract, model, rules, report} -> core.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from './helpers/expectations.js';

const ROOT = join(import.meta.dirname, '..');

/** Which top-level areas each area may import from (besides itself and packages). */
const ALLOWED: Record<string, string[]> = {
  'src/cli': ['src/engine', 'src/core'],
  'src/bench': ['src/discover', 'src/core'],
  'src/build': [],
  'src/action': ['src/engine', 'src/core'],
  'src/engine': ['src/core', 'src/discover', 'src/languages', 'src/extract', 'src/model', 'src/report', 'rules'],
  'src/discover': ['src/core', 'src/languages'],
  'src/languages': ['src/core'],
  'src/extract': ['src/core', 'src/languages'],
  'src/model': ['src/core'],
  'src/report': ['src/core', 'src/model/types.ts'],
  'src/core': ['src/model/types.ts'],
  rules: ['src/core', 'src/model', 'src/engine/define-rule.ts'],
};

function areaOf(path: string): string | undefined {
  if (path.startsWith('rules/')) return 'rules';
  const match = /^src\/[^/]+/.exec(path);
  return match?.[0];
}

function sourceFiles(): string[] {
  return [...listFiles(join(ROOT, 'src')), ...listFiles(join(ROOT, 'rules'))]
    .map((p) => relative(ROOT, p).split('\\').join('/'))
    .filter((p) => p.endsWith('.ts') && !/\/(valid|invalid)\//.test(p));
}

describe('architecture', () => {
  const files = sourceFiles();
  it('finds the project sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });
  it('keeps imports pointing one way', () => {
    const violations: string[] = [];
    for (const file of files) {
      const area = areaOf(file)!;
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const match of text.matchAll(/^\s*(?:import|export)\s[^'";]*?from\s+['"](\.[^'"]+)['"]/gm)) {
        const target = relative(ROOT, resolve(dirname(join(ROOT, file)), match[1]!)).split('\\').join('/').replace(/\.js$/, '.ts');
        const targetArea = areaOf(target);
        if (!targetArea || targetArea === area) continue;
        const allowed = ALLOWED[area] ?? [];
        if (!allowed.some((a) => target === a || target.startsWith(`${a}/`) || targetArea === a)) violations.push(`${file} -> ${target}`);
      }
    }
    expect(violations).toEqual([]);
  });
  it('keeps files small enough to read', () => {
    const large = files.filter((f) => readFileSync(join(ROOT, f), 'utf8').split('\n').length > 600);
    expect(large).toEqual([]);
  });
});
