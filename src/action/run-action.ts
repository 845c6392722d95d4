// The GitHub Action's step: runs the CLI on the inputs, then writes the step outputs ($GITHUB_OUTPUT)
// and the job summary ($GITHUB_STEP_SUMMARY). Exits with the CLI's code (1 = findings at fail-on),
// after everything is written, so that the upload step (which runs unless cancelled) still gets the SARIF.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Log } from 'sarif';
import { cliArguments, InputError, readInputs } from './inputs.js';
import { buildErrorSummary, buildJobSummary, countResults } from './job-summary.js';

export interface ActionDeps {
  /** The CLI entry (the bundled dist/bundle/backend-review.js by default, else dist/src/cli/main.js). */
  cliPath?: string;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

const BUNDLED_CLI = fileURLToPath(new URL('../../bundle/backend-review.js', import.meta.url));
const DEFAULT_CLI = existsSync(BUNDLED_CLI) ? BUNDLED_CLI : fileURLToPath(new URL('../cli/main.js', import.meta.url));

/** Appends `name=value` lines to the $GITHUB_OUTPUT file (multi-line values use a delimiter). */
export function setOutputs(env: NodeJS.ProcessEnv, outputs: Record<string, string>): void {
  const file = env.GITHUB_OUTPUT;
  if (!file) return;
  const lines = Object.entries(outputs).map(([name, value]) => {
    if (!value.includes('\n')) return `${name}=${value}\n`;
    const delimiter = `ghadelimiter_${Math.random().toString(36).slice(2)}`;
    return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  });
  appendFileSync(file, lines.join(''));
}

function appendSummary(env: NodeJS.ProcessEnv, markdown: string): void {
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, markdown);
}

export function runAction(env: NodeJS.ProcessEnv, deps: ActionDeps = {}): number {
  const out = deps.stdout ?? ((text: string) => process.stdout.write(text));
  const err = deps.stderr ?? ((text: string) => process.stderr.write(text));
  const fail = (message: string, code: number): number => {
    err(`backend-review action: ${message}\n`);
    appendSummary(env, buildErrorSummary(message));
    return code;
  };
  let inputs;
  try {
    inputs = readInputs(env);
  } catch (error) {
    if (error instanceof InputError) return fail(error.message, 2);
    throw error;
  }
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const scratch = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'backend-review-'));
  try {
    const jsonFile = join(scratch, 'result.json');
    const args = cliArguments(inputs, workspace, jsonFile);
    const sarifFile = isAbsolute(inputs.sarifFile) ? inputs.sarifFile : resolve(workspace, inputs.sarifFile);
    const cli = spawnSync(process.execPath, [deps.cliPath ?? DEFAULT_CLI, ...args], {
      cwd: workspace, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...env, NO_COLOR: '1' },
    });
    if (cli.stdout) out(cli.stdout);
    if (cli.stderr) err(cli.stderr);
    const code = cli.status ?? 2;
    if (cli.error || code > 1 || !existsSync(sarifFile)) {
      return fail(cli.error?.message ?? (cli.stderr.trim() || `backend-review exited with code ${code}`), code > 1 ? code : 2);
    }
    const log = JSON.parse(readFileSync(sarifFile, 'utf8')) as Log;
    const result = JSON.parse(readFileSync(jsonFile, 'utf8')) as { endpoints?: unknown[] };
    const counted = countResults(log);
    setOutputs(env, {
      'sarif-file': sarifFile,
      findings: String(counted.findings),
      errors: String(counted.bySeverity.error),
    });
    appendSummary(env, buildJobSummary({
      log, endpoints: result.endpoints?.length ?? 0, scanned: inputs.path, exitCode: code, failOn: inputs.failOn,
    }));
    if (!inputs.upload) out('upload is false: the SARIF file is not sent to code scanning.\n');
    return code;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// Run when executed as a script (node dist/src/action/run-action.js), not when imported.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = runAction(process.env);
}
