// action.yml, the dogfood workflow and the pre-commit hook, checked against SchemaStore's published
// schemas (copies in test/schemas/, Apache-2.0), and action.yml against what the script reads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvModule from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { getInput } from '../../src/action/inputs.js';

const Ajv = AjvModule.default;
const ROOT = join(import.meta.dirname, '..', '..');
const yamlFile = (path: string): unknown => parse(readFileSync(join(ROOT, path), 'utf8'));
const schema = (name: string): object => JSON.parse(readFileSync(join(ROOT, 'test', 'schemas', `${name}.json`), 'utf8')) as object;

function validate(schemaName: string, doc: unknown): string[] {
  const check = new Ajv({ strict: false, allErrors: true }).compile(schema(schemaName));
  return check(doc) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

interface ActionYaml {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: { id?: string; uses?: string; run?: string; if?: string; env?: Record<string, string>; with?: Record<string, string> }[] };
}

describe('action.yml', () => {
  const action = yamlFile('action.yml') as ActionYaml;

  it('validates against the published action metadata schema', () => {
    expect(validate('github-action', action)).toEqual([]);
  });

  it('the schema check is not vacuous', () => {
    expect(validate('github-action', { ...action, runs: { using: 'composite', steps: [{ run: 'x' }] } }).join('\n')).toMatch(/shell|required/);
    expect(validate('github-action', { ...action, inputs: { path: { default: '.' } } }).join('\n')).toMatch(/description/);
  });

  it('declares the inputs and outputs of the issue, with their defaults', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(['args', 'baseline', 'category', 'fail-on', 'path', 'sarif-file', 'upload']);
    expect(action.inputs['sarif-file']!.default).toBe('backend-review.sarif');
    expect(action.inputs.upload!.default).toBe('true');
    expect(Object.keys(action.outputs).sort()).toEqual(['errors', 'findings', 'sarif-file']);
    for (const [name, output] of Object.entries(action.outputs)) expect(output.value).toBe(`\${{ steps.scan.outputs.${name} }}`);
  });

  it('is a composite that builds from its own checkout, passes every input to the script, then uploads', () => {
    expect(action.runs.using).toBe('composite');
    const steps = action.runs.steps;
    const install = steps.find((s) => s.run?.includes('npm ci'))!;
    expect(install).toMatchObject({ 'working-directory': '${{ github.action_path }}' });
    const scanStep = steps.find((s) => s.id === 'scan')!;
    expect(scanStep.run).toBe('node "$GITHUB_ACTION_PATH/dist/src/action/run-action.js"');
    for (const name of Object.keys(action.inputs)) {
      // The env the step sets must be what the script reads for that input.
      const env = Object.fromEntries(Object.entries(scanStep.env!).map(([k, v]) => [k, v.replace(`\${{ inputs.${name} }}`, 'VALUE')]));
      expect(getInput(env, name), `input ${name}`).toBe('VALUE');
    }
    const upload = steps.at(-1)!;
    expect(upload.uses).toMatch(/^github\/codeql-action\/upload-sarif@v\d+$/);
    expect(upload.with).toEqual({ sarif_file: '${{ steps.scan.outputs.sarif-file }}' });
    expect(upload.if).toContain("inputs.upload == 'true'");
    expect(upload.if).toContain('!cancelled()'); // the scan step fails on findings; the upload still runs
  });
});

describe('the dogfood workflow and the pre-commit hook', () => {
  it('dogfood.yml validates against the workflow schema and uses this action on the fixtures', () => {
    const workflow = yamlFile('.github/workflows/dogfood.yml') as { permissions: Record<string, string>; jobs: Record<string, { steps: { uses?: string; with?: Record<string, string> }[] }> };
    expect(validate('github-workflow', workflow)).toEqual([]);
    expect(workflow.permissions['security-events']).toBe('write');
    const own = Object.values(workflow.jobs).flatMap((j) => j.steps).filter((s) => s.uses === './');
    expect(own.length).toBeGreaterThanOrEqual(2);
    expect(own.every((s) => s.with?.path?.startsWith('fixtures/'))).toBe(true);
    expect(own.some((s) => s.with?.baseline)).toBe(true);
  });

  it('.pre-commit-hooks.yaml validates against the pre-commit hooks schema', () => {
    const hooks = yamlFile('.pre-commit-hooks.yaml') as { id: string; entry: string }[];
    expect(validate('pre-commit-hooks', hooks)).toEqual([]);
    expect(hooks.map((h) => h.id)).toEqual(['backend-review']);
    expect(hooks[0]!.entry).toMatch(/^backend-review /);
  });

  it('the README workflow asks for security-events: write and uses the action', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /## GitHub Action[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme);
    expect(block, 'README has a GitHub Action section with a yaml block').not.toBeNull();
    const workflow = parse(block![1]!) as { permissions: Record<string, string> };
    expect(validate('github-workflow', workflow)).toEqual([]);
    expect(workflow.permissions['security-events']).toBe('write');
    expect(block![1]).toMatch(/uses: backend-review\/backend-review@v\d/);
  });
});
