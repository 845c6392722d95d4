import { describe, expect, it } from 'vitest';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { renderSarif } from '../../src/report/sarif.js';
import { cweTag, markdownToPlainText, pascalCase, ruleTags } from '../../src/report/sarif-rules.js';
import { directoryFileUri, relativeFileUri } from '../../src/report/sarif-uri.js';
import { validateSarif } from '../helpers/schemas.js';
import { emptyResult, reversedResult, RULES, sampleResult } from './sample-result.js';

const parse = (text: string): Log => JSON.parse(text) as Log;
const run0 = (log: Log) => log.runs[0]!;
const rulesOf = (log: Log): ReportingDescriptor[] => run0(log).tool.driver.rules ?? [];
const resultsOf = (log: Log): Result[] => run0(log).results ?? [];
const ruleById = (log: Log, id: string) => rulesOf(log).find((r) => r.id === id)!;

describe('renderSarif', () => {
  const text = renderSarif(sampleResult());
  const log = parse(text);

  it('validates against the SARIF 2.1.0 schema', () => {
    expect(validateSarif(log)).toEqual([]);
    expect(validateSarif(parse(renderSarif(sampleResult(), { includeSuppressed: true, category: 'api' })))).toEqual([]);
    expect(validateSarif(parse(renderSarif(emptyResult())))).toEqual([]);
  });

  it('the validator is not vacuous', () => {
    const broken = parse(text);
    (broken.runs[0]!.results![0]! as unknown as Record<string, unknown>).level = 'fatal';
    expect(validateSarif(broken).join('\n')).toMatch(/level/);
  });

  it('writes one run with version, column kind, the source root and the driver', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = run0(log);
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///home/dev/shop%20api/' } });
    expect(run.tool.driver).toMatchObject({ name: 'backend-review', version: '0.1.0', semanticVersion: '0.1.0' });
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    expect(run.automationDetails).toBeUndefined();
  });

  it('lists the rules sorted by id, with names, descriptions, help and configuration', () => {
    expect(rulesOf(log).map((r) => r.id)).toEqual(RULES.map((r) => r.id).sort());
    const sql = ruleById(log, 'sql-built-by-concatenation');
    expect(sql.name).toBe('SqlBuiltByConcatenation');
    expect(sql.shortDescription?.text).toBe('Title of sql-built-by-concatenation');
    expect(sql.fullDescription?.text).toBe('Finds sql built by concatenation.');
    expect(sql.help?.markdown).toContain('## How to fix');
    expect(sql.help?.text).toContain('See the docs (https://example.test/sql-built-by-concatenation).');
    expect(sql.help?.text).not.toMatch(/[#`]/);
    expect(sql.helpUri).toBe('https://github.com/backend-review/backend-review/blob/main/rules/sqli/sql-built-by-concatenation.md');
    expect(sql.defaultConfiguration).toEqual({ level: 'error' });
    expect(sql.deprecatedIds).toEqual(['sql-concat']);
    expect(ruleById(log, 'cors-allows-any-origin').deprecatedIds).toBeUndefined();
  });

  it('tags each rule with its category, security and CWE, plus precision and security-severity', () => {
    expect(ruleById(log, 'sql-built-by-concatenation').properties).toMatchObject({
      tags: ['sqli', 'security', 'external/cwe/cwe-89'], precision: 'high', 'security-severity': '8.8',
    });
    expect(ruleById(log, 'weak-hash-for-security').properties?.tags)
      .toEqual(['weak-hash', 'security', 'external/cwe/cwe-327', 'external/cwe/cwe-328']);
    const health = ruleById(log, 'http-service-without-health-endpoint').properties!;
    expect(health.tags).toEqual(['health']);
    expect(health['security-severity']).toBeUndefined();
    expect(ruleById(log, 'hardcoded-secret').properties?.precision).toBe('medium');
  });

  it('points every ruleIndex at the rule with that id, and omits it for unknown rules', () => {
    const results = resultsOf(log);
    expect(results.length).toBe(6);
    for (const r of results) {
      if (r.ruleId === 'invalid-suppression') expect(r.ruleIndex).toBeUndefined();
      else expect(rulesOf(log)[r.ruleIndex!]!.id).toBe(r.ruleId);
    }
  });

  it('writes level, message, location, fingerprints and related locations', () => {
    const sql = resultsOf(log).find((r) => r.ruleId === 'sql-built-by-concatenation')!;
    expect(sql.level).toBe('error');
    expect(sql.message.text).toBe('SQL text passed to cursor.execute is built by concatenation.');
    expect(sql.locations).toEqual([{ physicalLocation: {
      artifactLocation: { uri: 'services/billing/app/db.py', uriBaseId: '%SRCROOT%' },
      region: { startLine: 20, startColumn: 5, endLine: 20, endColumn: 60 },
    } }]);
    expect(sql.partialFingerprints).toEqual({ 'backendReview/v1': 'sql-built-by-concatenation:services/billing/app/db.py:fp' });
    expect(sql.relatedLocations).toEqual([{ id: 1, message: { text: 'SQL text built here.' }, physicalLocation: {
      artifactLocation: { uri: 'services/billing/app/db.py', uriBaseId: '%SRCROOT%' },
      region: { startLine: 18, startColumn: 9, endLine: 18, endColumn: 40 },
    } }]);
    const weak = resultsOf(log).find((r) => r.ruleId === 'weak-hash-for-security')!;
    expect(weak.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('src/legacy%20utils/%5Bhash%5D.ts');
  });

  it('sorts results by file, line, column and rule id', () => {
    const keys = resultsOf(log).map((r) => {
      const loc = r.locations![0]!.physicalLocation!;
      return `${loc.artifactLocation!.uri}:${loc.region!.startLine}`;
    });
    expect(keys).toEqual([
      'services/billing/app/db.py:20', 'services/billing/app/main.py:1', 'src/legacy%20utils/%5Bhash%5D.ts:5',
      'src/main.ts:13', 'src/routes/articles.ts:20', 'src/routes/users.ts:2',
    ]);
  });

  it('leaves suppressed findings out by default and marks them when asked', () => {
    expect(resultsOf(log).some((r) => r.ruleId === 'hardcoded-secret')).toBe(false);
    expect(resultsOf(log).every((r) => r.suppressions === undefined)).toBe(true);
    const all = resultsOf(parse(renderSarif(sampleResult(), { includeSuppressed: true })));
    expect(all).toHaveLength(7);
    const secret = all.find((r) => r.ruleId === 'hardcoded-secret')!;
    expect(secret.suppressions).toEqual([{ kind: 'inSource', justification: 'test key, revoked' }]);
    expect(all.filter((r) => r.suppressions)).toHaveLength(1);
  });

  it('adds the GitHub line hash only through the hook', () => {
    const hooked = resultsOf(parse(renderSarif(sampleResult(), {
      primaryLocationLineHash: (f) => (f.ruleId === 'cors-allows-any-origin' ? 'abc123:1' : undefined),
    })));
    expect(hooked.find((r) => r.ruleId === 'cors-allows-any-origin')!.partialFingerprints).toEqual({
      'backendReview/v1': 'cors-allows-any-origin:src/main.ts:fp', primaryLocationLineHash: 'abc123:1',
    });
    expect(Object.keys(hooked.find((r) => r.ruleId === 'sql-built-by-concatenation')!.partialFingerprints!))
      .toEqual(['backendReview/v1']);
  });

  it('reports run notifications, with locations only when a file is known', () => {
    const notes = run0(log).invocations![0]!;
    expect(notes.executionSuccessful).toBe(true);
    expect(notes.toolExecutionNotifications!.map((n) => [n.descriptor?.id, n.level, n.message.text, n.locations?.[0]
      ?.physicalLocation?.artifactLocation?.uri])).toEqual([
      ['manifest-error', 'note', 'package.json of tools/ is not valid JSON.', undefined],
      ['skipped', 'warning', 'File larger than 1 MiB skipped.', 'assets/big.min.js'],
      ['parse-error', 'error', 'Unexpected token.', 'src/broken.ts'],
    ]);
    expect(notes.toolExecutionNotifications![2]!.locations![0]!.physicalLocation!.region)
      .toEqual({ startLine: 3, startColumn: 7, endLine: 3, endColumn: 8 });
    expect(notes.toolExecutionNotifications![1]!.locations![0]!.physicalLocation!.region).toBeUndefined();
  });

  it('writes automationDetails only for a category', () => {
    expect(run0(parse(renderSarif(sampleResult(), { category: 'backend/api' }))).automationDetails)
      .toEqual({ id: 'backend/api/' });
    expect(run0(parse(renderSarif(sampleResult(), { category: 'x/' }))).automationDetails).toEqual({ id: 'x/' });
  });

  it('is deterministic: byte-identical on re-render and for reordered input', () => {
    expect(renderSarif(sampleResult())).toBe(text);
    expect(renderSarif(reversedResult())).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toMatch(/^ {2}"\$schema"/);
  });
});

describe('SARIF helpers', () => {
  it('encodes repo-relative URIs per segment', () => {
    expect(relativeFileUri('src/a b/#x%.ts')).toBe('src/a%20b/%23x%25.ts');
    expect(relativeFileUri('src\\win\\@scope+x.ts')).toBe('src/win/@scope+x.ts');
    expect(relativeFileUri('./app/ü.py')).toBe('app/%C3%BC.py');
  });

  it('builds a file URI with a trailing slash for the scan root', () => {
    expect(directoryFileUri('/')).toBe('file:///');
    expect(directoryFileUri('/srv/app/')).toBe('file:///srv/app/');
    expect(directoryFileUri('C:\\Users\\me\\my app')).toBe('file:///C:/Users/me/my%20app/');
    expect(directoryFileUri('relative/dir')).toBeUndefined();
  });

  it('names, tags and plain-text help', () => {
    expect(pascalCase('jwt-none-algorithm')).toBe('JwtNoneAlgorithm');
    expect(cweTag('CWE-916')).toBe('external/cwe/cwe-916');
    expect(cweTag('OWASP-A1')).toBeUndefined();
    const many = { ...RULES[0]!, cwe: Array.from({ length: 12 }, (_, i) => `CWE-${i + 1}`) };
    expect(ruleTags(many)).toHaveLength(10);
    expect(markdownToPlainText('## Why\n\n```js\ncors()\n```\nUse `x`.')).toBe('Why\n\ncors()\nUse x.');
  });
});
