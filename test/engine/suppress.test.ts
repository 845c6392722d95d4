// In-source suppressions: comment syntax per language, reasons, invalid and unused directives.
import { describe, expect, it } from 'vitest';
import { suppressFindings } from '../../src/engine/suppress.js';
import { commentMarkersFor, findDirectives } from '../../src/engine/suppression-comments.js';
import type { Finding } from '../../src/core/types.js';

const finding = (ruleId: string, file: string, line: number): Finding => ({
  ruleId, category: 'sqli', cwe: [], severity: 'error', message: `${ruleId} at ${line}.`, fingerprint: `${ruleId}:${file}:${line}`,
  location: { file, startLine: line, startColumn: 1, endLine: line, endColumn: 5 },
});

const KNOWN = new Map([['sql-built-by-concatenation', 'sql-built-by-concatenation'], ['hardcoded-secret', 'hardcoded-secret'],
  ['cors-allows-any-origin', 'cors-allows-any-origin'], ['sql-concat', 'sql-built-by-concatenation']]);
const context = { knownRules: KNOWN, ranRules: new Set(['sql-built-by-concatenation', 'hardcoded-secret']) };

describe('findDirectives: comment syntax of each language', () => {
  const cases: [string, string][] = [
    ['src/app.ts', '// backend-review-ignore hardcoded-secret: test key'],
    ['src/app.js', 'const k = "x"; /* backend-review-ignore hardcoded-secret: test key */'],
    ['src/App.java', '    * backend-review-ignore hardcoded-secret: test key'],
    ['main.go', '\t// backend-review-ignore hardcoded-secret: test key'],
    ['app.py', 'KEY = "x"  # backend-review-ignore hardcoded-secret: test key'],
    ['index.php', '# backend-review-ignore hardcoded-secret: test key'],
    ['config/app.yaml', '  # backend-review-ignore hardcoded-secret: test key'],
    ['.env', '# backend-review-ignore hardcoded-secret: test key'],
    ['conf/app.properties', '! backend-review-ignore hardcoded-secret: test key'],
    ['setup.cfg', '; backend-review-ignore hardcoded-secret: test key'],
    ['db/schema.sql', '-- backend-review-ignore hardcoded-secret: test key'],
    ['web/index.html', '<!-- backend-review-ignore hardcoded-secret: test key -->'],
    ['src/App.tsx', '{/* backend-review-ignore hardcoded-secret: test key */}'],
  ];
  for (const [file, line] of cases) {
    it(`reads ${JSON.stringify(line.trim())} in ${file}`, () => {
      const [d] = findDirectives(file, `${line}\nnext\n`);
      expect(d).toMatchObject({ ruleIds: ['hardcoded-secret'], reason: 'test key', line: 1 });
      expect(d!.text).toBe('backend-review-ignore hardcoded-secret: test key');
      expect(line.slice(d!.startColumn - 1, d!.endColumn - 1)).toBe(d!.text);
    });
  }

  it('ignores the words outside a comment or after other comment text', () => {
    expect(findDirectives('a.js', 'const s = "backend-review-ignore hardcoded-secret: no";')).toEqual([]);
    expect(findDirectives('a.js', '// see backend-review-ignore hardcoded-secret: docs')).toEqual([]);
    expect(findDirectives('a.py', '// backend-review-ignore hardcoded-secret: wrong syntax for Python')).toEqual([]);
    expect(findDirectives('a.yaml', 'key: 1 // backend-review-ignore hardcoded-secret: not YAML')).toEqual([]);
    expect(findDirectives('a.ts', 'x = a * backend-review-ignore')).toEqual([]);
    expect(findDirectives('a.ts', '// backend-review-ignored hardcoded-secret: other word')).toEqual([]);
  });

  it('reads several ids, a missing reason and a missing id', () => {
    const ds = findDirectives('a.ts', [
      '// backend-review-ignore hardcoded-secret, cors-allows-any-origin: both reviewed',
      '// backend-review-ignore hardcoded-secret',
      '// backend-review-ignore hardcoded-secret:   ',
      '// backend-review-ignore: forgot the id',
    ].join('\n'));
    expect(ds.map((d) => [d.ruleIds, d.reason])).toEqual([
      [['hardcoded-secret', 'cors-allows-any-origin'], 'both reviewed'],
      [['hardcoded-secret'], ''],
      [['hardcoded-secret'], ''],
      [[], 'forgot the id'],
    ]);
  });

  it('covers its own line and the next line that is not another directive', () => {
    const ds = findDirectives('a.ts', [
      '// backend-review-ignore hardcoded-secret: a',
      '// backend-review-ignore sql-built-by-concatenation: b',
      'code();',
      'code(); // backend-review-ignore cors-allows-any-origin: c',
      'more();',
    ].join('\r\n'));
    expect(ds.map((d) => d.covers)).toEqual([[1, 2, 3], [2, 3], [4, 5]]);
  });

  it('knows the comment openers by file name', () => {
    expect(commentMarkersFor('services/api/.env.production')).toEqual(['#']);
    expect(commentMarkersFor('Dockerfile')).toEqual(['#']);
    expect(commentMarkersFor('conf/routes')).toEqual(['#']);
    expect(commentMarkersFor('x/unknown.ext')).toContain('//');
  });
});

describe('suppressFindings', () => {
  const files = [{
    path: 'src/db.ts',
    text: [
      'const a = 1;',
      '// backend-review-ignore sql-built-by-concatenation: table name comes from an enum', // 2
      'db.query("SELECT * FROM " + table);', // 3
      'db.query("x" + y); // backend-review-ignore sql-concat: old id still works', // 4
      '// backend-review-ignore hardcoded-secret', // 5: no reason
      'const key = "sk_live";', // 6
      '// backend-review-ignore sqli-typo: reviewed', // 7: unknown rule
      '// backend-review-ignore hardcoded-secret, cors-allows-any-origin: stale', // 8: unused
      'const nothing = 0;', // 9
    ].join('\n'),
  }];
  const findings = [finding('sql-built-by-concatenation', 'src/db.ts', 3), finding('sql-built-by-concatenation', 'src/db.ts', 4),
    finding('hardcoded-secret', 'src/db.ts', 6), finding('sql-built-by-concatenation', 'src/other.ts', 3)];
  const outcome = suppressFindings(findings, files, context);

  it('marks findings on the directive line or the line below, with the reason as justification', () => {
    expect(outcome.findings.map((f) => f.suppression?.justification ?? null)).toEqual([
      'table name comes from an enum', 'old id still works', null, null,
    ]);
    expect(outcome.findings[0]!.suppression!.kind).toBe('inSource');
  });

  it('leaves findings alone when the directive gives no reason, and reports it with unknown ids', () => {
    expect(outcome.invalid.map((d) => [d.location.startLine, d.message])).toEqual([
      [5, 'backend-review-ignore for hardcoded-secret gives no reason after a colon.'],
      [7, 'backend-review-ignore names sqli-typo, which is not a backend-review rule.'],
    ]);
    expect(outcome.invalid[0]!.location).toEqual({ file: 'src/db.ts', startLine: 5, startColumn: 4, endLine: 5, endColumn: 42 });
  });

  it('reports each rule id of a directive that matched nothing, saying when the rule did not run', () => {
    expect(outcome.unused.map((d) => [d.location.startLine, d.message])).toEqual([
      [8, 'backend-review-ignore for hardcoded-secret matches no finding on this line or the next.'],
      [8, 'backend-review-ignore for cors-allows-any-origin matches no finding on this line or the next (cors-allows-any-origin did not run).'],
    ]);
    // Line-insensitive keys: moving the comment keeps the fingerprint.
    const shifted = findings.map((f) => ({ ...f, location: { ...f.location, startLine: f.location.startLine + 2, endLine: f.location.endLine + 2 } }));
    const moved = suppressFindings(shifted, [{ path: 'src/db.ts', text: `\n\n${files[0]!.text}` }], context);
    expect(moved.findings.filter((f) => f.suppression)).toHaveLength(2);
    expect(moved.unused.map((d) => d.key)).toEqual(outcome.unused.map((d) => d.key));
  });
});
