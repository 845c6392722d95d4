// The SARIF of every fixture, checked against the SARIF 2.1.0 schema and against what GitHub code
// scanning requires or limits: rule metadata, at most 10 tags, security-severity range, full regions,
// fingerprints (primaryLocationLineHash recomputed from the file as the upload action would).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { createBaseline } from '../../src/engine/baseline.js';
import { lineHashes, lineHashHook } from '../../src/engine/line-hash.js';
import { scan } from '../../src/engine/run.js';
import { MAX_RESULTS, renderSarif } from '../../src/report/sarif.js';
import type { RunResult } from '../../src/core/result.js';
import { validateSarif } from '../helpers/schemas.js';

const ROOT = join(import.meta.dirname, '..', '..');
const dirs = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((n) => statSync(join(dir, n)).isDirectory()).sort() : []);

const FIXTURES = [
  ...dirs(join(ROOT, 'fixtures', 'apps')).map((name) => join('fixtures', 'apps', name)),
  ...RULES.flatMap((rule) => dirs(join(ROOT, 'rules', rule.category, rule.id, 'invalid'))
    .map((name) => join('rules', rule.category, rule.id, 'invalid', name))),
];

function sarifOf(result: RunResult, options: { category?: string } = {}): Log {
  const hook = lineHashHook((file) => {
    try {
      return readFileSync(join(result.rootPath, file), 'utf8');
    } catch {
      return undefined;
    }
  });
  return JSON.parse(renderSarif(result, { ...options, primaryLocationLineHash: hook })) as Log;
}

/** What GitHub code scanning checks or truncates; [] when the log is fine. */
function githubProblems(log: Log, root: string): string[] {
  const problems: string[] = [];
  if (log.runs.length > 20) problems.push('more than 20 runs');
  for (const run of log.runs) {
    const rules = run.tool.driver.rules ?? [];
    for (const rule of rules) {
      const tags = (rule.properties?.tags ?? []) as string[];
      if (!rule.shortDescription?.text || !rule.fullDescription?.text || !rule.help?.text || !rule.help.markdown) problems.push(`${rule.id}: descriptions or help missing`);
      if (!rule.defaultConfiguration?.level) problems.push(`${rule.id}: no default level`);
      if (tags.length > 10) problems.push(`${rule.id}: ${tags.length} tags`);
      const severity = rule.properties?.['security-severity'] as unknown;
      if (severity !== undefined) {
        const value = typeof severity === 'string' && /^\d+(\.\d+)?$/.test(severity) ? Number(severity) : NaN;
        if (!(value >= 0 && value <= 10)) problems.push(`${rule.id}: security-severity ${String(severity)} is not a number from 0.0 to 10.0`);
        if (!tags.includes('security')) problems.push(`${rule.id}: security-severity without the security tag`);
      }
    }
    if (run.automationDetails) problems.push('automationDetails without --category');
    const results = run.results ?? [];
    if (results.length > MAX_RESULTS) problems.push(`${results.length} results`);
    const hashes = new Map<string, string[]>();
    for (const r of results) {
      const rule = r.ruleIndex !== undefined ? rules[r.ruleIndex] : undefined;
      if (!r.ruleId || rule?.id !== r.ruleId) problems.push(`${r.ruleId}: ruleIndex does not point at its rule`);
      if (!r.message.text) problems.push(`${r.ruleId}: empty message`);
      const loc = r.locations?.[0]?.physicalLocation;
      const uri = loc?.artifactLocation?.uri ?? '';
      const reg = loc?.region;
      if (!uri || /^[a-z]+:/i.test(uri) || uri.startsWith('/') || loc?.artifactLocation?.uriBaseId !== '%SRCROOT%') problems.push(`${r.ruleId}: location ${uri} is not relative to %SRCROOT%`);
      if (!reg || !(reg.startLine! >= 1 && reg.startColumn! >= 1 && reg.endLine! >= reg.startLine! && reg.endColumn! >= 1)
        || (reg.endLine === reg.startLine && reg.endColumn! < reg.startColumn!)) problems.push(`${r.ruleId} at ${uri}: region ${JSON.stringify(reg)} is not a full region`);
      if ((r.locations?.length ?? 0) > 1000 || (r.relatedLocations?.length ?? 0) > 1000) problems.push(`${r.ruleId}: too many locations`);
      const file = decodeURIComponent(uri);
      if (!hashes.has(file)) hashes.set(file, lineHashes(readFileSync(join(root, file), 'utf8')));
      const expected = hashes.get(file)![(reg?.startLine ?? 1) - 1];
      if (r.partialFingerprints?.primaryLocationLineHash !== expected) problems.push(`${r.ruleId} at ${file}:${reg?.startLine}: line hash ${r.partialFingerprints?.primaryLocationLineHash} instead of ${expected}`);
      if (!r.partialFingerprints?.['backendReview/v1']) problems.push(`${r.ruleId}: no backendReview/v1 fingerprint`);
    }
  }
  return problems;
}

describe('SARIF of every fixture for GitHub code scanning', () => {
  it('has fixtures to check', () => {
    expect(FIXTURES.length).toBeGreaterThan(20);
  });
  for (const fixture of FIXTURES) {
    it(fixture, async () => {
      const result = await scan({ root: join(ROOT, fixture), onlyRules: fixture.startsWith('rules') ? undefined : RULES.map((r) => r.id) });
      const log = sarifOf(result);
      expect(validateSarif(log)).toEqual([]);
      expect(githubProblems(log, result.rootPath)).toEqual([]);
    });
  }
});

describe('the GitHub checks', () => {
  it('are not vacuous', async () => {
    const result = await scan({ root: join(ROOT, 'fixtures', 'apps', 'demo-express') });
    const log = sarifOf(result, { category: 'x' });
    const run = log.runs[0]!;
    run.tool.driver.rules![0]!.properties!.tags = Array.from({ length: 11 }, (_, i) => `t${i}`);
    run.tool.driver.rules![1]!.properties!['security-severity'] = '10.5';
    delete run.results![0]!.locations![0]!.physicalLocation!.region!.endColumn;
    run.results![1]!.partialFingerprints!.primaryLocationLineHash = '0:1';
    const problems = githubProblems(log, result.rootPath).join('\n');
    for (const pattern of [/11 tags/, /security-severity 10\.5/, /is not a full region/, /line hash 0:1 instead of/, /automationDetails/]) {
      expect(problems).toMatch(pattern);
    }
  });
});

describe('SARIF limits and baselines', () => {
  it('keeps at most 25000 results, the most severe, and says so in a tool notification', async () => {
    const demo = await scan({ root: join(ROOT, 'fixtures', 'apps', 'demo-express') });
    const template = demo.findings[0]!;
    const findings = Array.from({ length: MAX_RESULTS + 2 }, (_, i) => ({
      ...template, severity: i < 3 ? 'error' as const : 'note' as const, fingerprint: `fp${i}`,
      location: { ...template.location, file: `gen/f${String(i).padStart(5, '0')}.js` },
    })).reverse();
    const log = JSON.parse(renderSarif({ ...demo, findings })) as Log;
    const results = log.runs[0]!.results!;
    expect(results).toHaveLength(MAX_RESULTS);
    expect(results.filter((r) => r.level === 'error')).toHaveLength(3);
    const notes = log.runs[0]!.invocations![0]!.toolExecutionNotifications!;
    expect(notes.at(-1)).toMatchObject({ level: 'warning', descriptor: { id: 'results-truncated' } });
    expect(notes.at(-1)!.message.text).toMatch(/^2 of 25002 results were left out/);
    expect(validateSarif(log)).toEqual([]);
  });

  it('writes baselineState for a run with a baseline', async () => {
    const root = join(ROOT, 'fixtures', 'apps', 'demo-express');
    const first = await scan({ root });
    const second = await scan({ root, baseline: createBaseline(first.findings.slice(2), '0') });
    const states = sarifOf(second).runs[0]!.results!.map((r) => r.baselineState);
    expect(states.filter((s) => s === 'new')).toHaveLength(2);
    expect(states.filter((s) => s === 'unchanged')).toHaveLength(first.findings.length - 2);
    expect(sarifOf(first).runs[0]!.results!.every((r) => r.baselineState === undefined)).toBe(true);
  });
});
