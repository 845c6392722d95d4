// The action's inputs (as a runner passes them) and its job summary, in-process.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Log, Result } from 'sarif';
import { afterAll, describe, expect, it } from 'vitest';
import { cliArguments, readInputs, splitArgs } from '../../src/action/inputs.js';
import { buildJobSummary, countResults } from '../../src/action/job-summary.js';
import { setOutputs } from '../../src/action/run-action.js';

const scratch = mkdtempSync(join(tmpdir(), 'backend-review-inputs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('inputs', () => {
  it('reads INPUT_* variables as a runner names them, with the defaults of action.yml', () => {
    expect(readInputs({})).toEqual({ path: '.', failOn: '', sarifFile: 'backend-review.sarif', upload: true, category: '', baseline: '', args: [] });
    expect(readInputs({ 'INPUT_FAIL-ON': 'warning', 'INPUT_SARIF-FILE': 'out/r.sarif', INPUT_UPLOAD: 'False', INPUT_PATH: ' api ' }))
      .toMatchObject({ failOn: 'warning', sarifFile: 'out/r.sarif', upload: false, path: 'api' });
    expect(readInputs({ INPUT_FAIL_ON: 'note', INPUT_SARIF_FILE: 'x.sarif' })).toMatchObject({ failOn: 'note', sarifFile: 'x.sarif' });
    expect(() => readInputs({ 'INPUT_FAIL-ON': 'fatal' })).toThrow('input fail-on must be one of error, warning, note, none, got "fatal"');
    expect(() => readInputs({ INPUT_UPLOAD: 'yes' })).toThrow('input upload must be true or false');
  });

  it('splits args like shell words, without expanding anything', () => {
    expect(splitArgs(`--config ci/br.yaml --ignore 'legacy/**' "a b" c\\ d $HOME`)).toEqual(['--config', 'ci/br.yaml', '--ignore', 'legacy/**', 'a b', 'c d', '$HOME']);
    expect(splitArgs('  ')).toEqual([]);
    expect(splitArgs(`--x "" 'it''s'`)).toEqual(['--x', '', 'its']);
    expect(() => splitArgs('--ignore "open')).toThrow(/unclosed " quote/);
  });

  it('puts the action\'s own options after the user\'s, so they win', () => {
    const inputs = readInputs({ INPUT_PATH: 'api', INPUT_BASELINE: 'base.json', INPUT_CATEGORY: 'api', 'INPUT_FAIL-ON': 'none', INPUT_ARGS: '--ignore x' });
    expect(cliArguments(inputs, '/ws', '/tmp/r.json')).toEqual([
      '/ws/api', '--ignore', 'x', '--fail-on', 'none', '--category', 'api', '--baseline', '/ws/base.json',
      '--sarif', '/ws/backend-review.sarif', '--json', '/tmp/r.json', '--format', 'text',
    ]);
  });

  it('writes outputs in the GITHUB_OUTPUT file format', () => {
    const file = join(scratch, 'out');
    writeFileSync(file, '');
    setOutputs({ GITHUB_OUTPUT: file }, { findings: '3', note: 'two\nlines' });
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^findings=3\nnote<<(ghadelimiter_\w+)\ntwo\nlines\n\1\n$/);
  });
});

describe('job summary', () => {
  const result = (ruleId: string, level: Result['level'], line: number, extra: Partial<Result> = {}): Result => ({
    ruleId, level, message: { text: `Problem | in ${ruleId}.` },
    locations: [{ physicalLocation: { artifactLocation: { uri: 'src/a%20b.ts' }, region: { startLine: line } } }], ...extra,
  });
  const log: Log = {
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'backend-review', rules: [
        { id: 'sql', properties: { category: 'sqli' } }, { id: 'cors', properties: { category: 'cors' } },
        { id: 'tags', properties: { category: 'untagged-endpoint' } },
      ] } },
      results: [
        result('cors', 'warning', 9), result('sql', 'error', 3), result('tags', 'note', 4),
        result('sql', 'error', 5, { baselineState: 'unchanged' }),
        result('sql', 'error', 7, { suppressions: [{ kind: 'inSource' }] }),
        ...Array.from({ length: 12 }, (_, i) => result('tags', 'note', 20 + i)),
      ],
    }],
  };

  it('counts only new, unsuppressed results', () => {
    expect(countResults(log)).toEqual({ findings: 15, bySeverity: { error: 1, warning: 1, note: 13 }, known: 1 });
  });

  it('shows counts, endpoints, the checklist and the top findings, most severe first', () => {
    const md = buildJobSummary({ log, endpoints: 7, scanned: 'services/api', exitCode: 1, failOn: 'error' });
    expect(md.split('\n')[0]).toBe('## backend-review: new findings: 1 error, 1 warning, 13 notes');
    expect(md).toContain('Scanned `services/api` · 7 endpoints · 1 known finding from the baseline not counted · fail-on error: failed');
    expect(md).toContain('| `sqli` | fail | 1 | 0 | 0 |');
    expect(md).toContain('| `cors` | fail | 0 | 1 | 0 |');
    expect(md).toContain('| `untagged-endpoint` | pass with notes | 0 | 0 | 13 |');
    expect(md).toContain('| `jwt` | not checked | 0 | 0 | 0 |');
    const rows = md.split('### Top findings')[1]!.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Severity') && !l.startsWith('| ---'));
    expect(rows).toHaveLength(10);
    expect(rows[0]).toBe('| error | `sql` | `src/a b.ts:3` | Problem \\| in sql. |');
    expect(rows[1]).toMatch(/^\| warning \| `cors` /);
    expect(md).toContain('… and 5 more in the SARIF file and the Security tab.');
  });
});
