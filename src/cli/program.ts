// argv -> options -> scan -> outputs and exit code. The only place that writes files or exits.

import { existsSync, lstatSync, mkdirSync, opendirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { readShards, RULES, renderReport, scan, TOOL_VERSION, type FileExtraction } from '../engine/index.js';
import { runShard, ShardUsageError } from './shard-run.js';
import type { RunResult } from '../core/result.js';
import type { Severity } from '../core/types.js';
import { createProgress } from './progress.js';
import { addArchitectureOptions, linkBaseFor, moaiOutputPath, reportCommand, reportOptions, type ArchitectureCliOptions } from './architecture-outputs.js';
import { createBaseline, renderBaseline } from '../engine/baseline.js';
import { STARTER_CONFIG_NAME, starterConfig } from '../engine/config-template.js';
import { lineHashHook } from '../engine/line-hash.js';
import { isInputError, loadScanInputs } from '../engine/scan-inputs.js';

const FORMATS = ['text', 'json', 'sarif', 'markdown', 'html'] as const;
type Format = (typeof FORMATS)[number];
const FAIL_LEVELS = ['error', 'warning', 'note', 'none'] as const;
type FailOn = (typeof FAIL_LEVELS)[number];

export class UsageError extends Error {}

interface CliOptions extends ArchitectureCliOptions {
  format: Format;
  sarif?: string;
  json?: string;
  report?: string;
  failOn: FailOn;
  quiet?: boolean;
  debug?: boolean;
  progress?: boolean;
  force?: boolean;
  ignore?: string[];
  category?: string;
  config?: string;
  baseline?: string;
  writeBaseline?: string;
  changedSince?: string;
  includeSuppressed?: boolean;
  reportUnusedSuppressions?: boolean;
  cache?: boolean; // --no-cache sets false
  cacheDir?: string;
  workers?: number;
  shard?: string;
  facts?: string;
  /** Set by `merge`: per-file results read from shard files. */
  precomputed?: ReadonlyMap<string, { hash: string; result: FileExtraction }>;
}

const RANK: Record<Severity, number> = { note: 1, warning: 2, error: 3 };

/** Exit code for a result at a fail-on level: 1 when an unsuppressed finding not in the baseline is at or above it. */
export function exitCodeFor(result: RunResult, failOn: FailOn): 0 | 1 {
  if (failOn === 'none') return 0;
  const threshold = RANK[failOn];
  return result.findings.some((f) => !f.suppression && f.baselineState !== 'unchanged' && RANK[f.severity] >= threshold) ? 1 : 0;
}

/** Reads a file as stored (byte order mark kept), as GitHub's upload action does for the line hash. */
function readRaw(root: string, file: string): string | undefined {
  try {
    return readFileSync(join(root, file), 'utf8');
  } catch {
    return undefined;
  }
}

/** Lines after the text summary: what the baseline and --changed-since left out. */
function leftOutNotes(result: RunResult): string {
  const notes: string[] = [];
  if (result.changedSince) notes.push(`${result.changedSince.leftOut} finding(s) outside the lines changed since ${result.changedSince.ref} were left out.`);
  if (result.baseline) notes.push(`${result.baseline.known} known finding(s) from the baseline were left out; ${result.baseline.new} new.`);
  return notes.map((n) => `${n}\n`).join('');
}

/** Control characters (ESC, BEL, CR, LF, ...) and bidi overrides that a scanned tree can put in names and strings. */
const UNPRINTABLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function printable<T>(value: T): T {
  if (typeof value === 'string') {
    return value.replace(UNPRINTABLE, (c) => (c.charCodeAt(0) < 0x100 ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : `\\u${c.charCodeAt(0).toString(16)}`)) as T;
  }
  if (Array.isArray(value)) return value.map(printable) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, printable(v)])) as T;
  }
  return value;
}

/**
 * What text and markdown show of a result: strings taken from the scanned tree (model, findings,
 * notes) with control characters written as escapes, so that a hostile repository cannot move the
 * cursor, recolour or clear a terminal, or start a CI log line of its own (JSON and SARIF escape them).
 */
function forDisplay(result: RunResult): RunResult {
  return { ...result, model: printable(result.model), findings: printable(result.findings), notifications: printable(result.notifications) };
}

/** Refuses to overwrite a file that is not a previous backend-review output, unless --force. */
function writeOutput(path: string, text: string, force: boolean): void {
  const abs = resolve(path);
  let link = false;
  try {
    link = lstatSync(abs).isSymbolicLink();
  } catch {
    link = false; // does not exist yet
  }
  // A link (dangling or not) would send the write elsewhere: a scanned tree can plant one.
  if (link && !force) throw new UsageError(`refusing to write ${path}: it is a symbolic link (use --force)`);
  if (existsSync(abs)) {
    if (statSync(abs).isDirectory()) throw new UsageError(`cannot write ${path}: it is a directory`);
    const head = readFileSync(abs, 'utf8').slice(0, 4096);
    if (!force && !head.includes('backend-review')) {
      throw new UsageError(`refusing to overwrite ${path}: it exists and is not a backend-review output (use --force)`);
    }
  }
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, text);
}

/** Whether `file` would be written inside `root`: its nearest existing directory resolves there. */
function staysInside(root: string, file: string): boolean {
  const exists = (p: string) => {
    try {
      lstatSync(p);
      return true;
    } catch {
      return false;
    }
  };
  let dir = dirname(resolve(file));
  while (!exists(dir) && dirname(dir) !== dir) dir = dirname(dir);
  try {
    const rel = relative(realpathSync(root), realpathSync(dir));
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  } catch {
    return false; // a dangling link on the way
  }
}

function checkDirectory(dir: string): string {
  const abs = resolve(dir);
  let info;
  try {
    info = statSync(abs);
  } catch {
    throw new UsageError(`cannot scan ${dir}: no such file or directory`);
  }
  if (!info.isDirectory()) throw new UsageError(`cannot scan ${dir}: not a directory`);
  try {
    opendirSync(abs).closeSync();
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(`cannot scan ${dir}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : `cannot read it (${code ?? 'unknown error'})`}`);
  }
  return abs;
}

function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError(`${name} must be a whole number from 1 to 64`);
    return n;
  };
}

function choice<T extends string>(values: readonly T[], name: string) {
  return (value: string): T => {
    if (!(values as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`${name} must be one of ${values.join(', ')}`);
    }
    return value as T;
  };
}

async function runScan(dir: string, opts: CliOptions, failOnGiven: boolean, formatGiven = false): Promise<number> {
  const root = checkDirectory(dir);
  if (opts.shard !== undefined) return runShard(root, opts, (path, text) => writeOutput(path, text, opts.force === true));
  let inputs;
  try {
    inputs = await loadScanInputs({
      root, rules: RULES, configFile: opts.config, ignore: opts.ignore, baselineFile: opts.baseline, changedSince: opts.changedSince,
    });
  } catch (error) {
    if (isInputError(error)) throw new UsageError(error.message);
    throw error;
  }
  const progress = createProgress({ enabled: !opts.quiet && (opts.progress ?? process.stderr.isTTY === true), stream: process.stderr });
  let result: RunResult;
  try {
    result = await scan({
      root, ignore: inputs.ignore, config: inputs.config, baseline: inputs.baseline, changedSince: inputs.changedSince,
      reportUnusedSuppressions: opts.reportUnusedSuppressions === true, onProgress: progress.update,
      cache: opts.cache === false ? false : opts.cacheDir ? { dir: resolve(opts.cacheDir) } : true,
      ...(opts.precomputed ? { precomputed: opts.precomputed } : {}),
      ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
    });
  } finally {
    progress.done();
  }
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  // SARIF keeps baseline matches (baselineState 'unchanged'); the other formats show new findings only.
  const shown: RunResult = { ...result, findings: result.findings.filter((f) => f.baselineState !== 'unchanged') };
  const lineHash = lineHashHook((file) => readRaw(root, file));
  const architecture = reportOptions(result, opts);
  // Markdown and HTML written to a file link every file:line back into the scanned directory.
  const render = (format: Format, file?: string) => (format === 'sarif'
    ? renderReport('sarif', result, { category: opts.category, includeSuppressed: opts.includeSuppressed === true, primaryLocationLineHash: lineHash })
    : renderReport(format, format === 'text' || format === 'markdown' ? forDisplay(shown) : shown, { color, category: opts.category, ...architecture, ...(file ? { linkBase: linkBaseFor(file, root) } : {}) })
      + (format === 'text' ? leftOutNotes(result) : ''));
  if (opts.sarif) writeOutput(opts.sarif, render('sarif'), opts.force === true);
  if (opts.json) writeOutput(opts.json, render('json'), opts.force === true);
  if (opts.report) writeOutput(opts.report, render('markdown', opts.report), opts.force === true);
  if (opts.html) writeOutput(opts.html, render('html', opts.html), opts.force === true);
  const otherOutput = formatGiven || Boolean(opts.sarif || opts.json || opts.report || opts.html || opts.writeBaseline);
  const moaiFile = moaiOutputPath(dir, result, opts, otherOutput);
  if (moaiFile) {
    // Written without being asked for: only where the scanned tree really is (.moai/docs may be a link).
    if (!staysInside(root, moaiFile)) throw new UsageError(`refusing to write ${moaiFile}: it leads outside ${dir}`);
    writeOutput(moaiFile, render('markdown', moaiFile), opts.force === true);
    process.stderr.write(`backend-review: wrote the architecture report to ${moaiFile}\n`);
  }
  if (opts.writeBaseline) writeOutput(opts.writeBaseline, renderBaseline(createBaseline(result.findings, TOOL_VERSION)), opts.force === true);
  if (!(opts.quiet && opts.format === 'text')) process.stdout.write(render(opts.format));
  return exitCodeFor(result, failOnGiven ? opts.failOn : inputs.config?.failOn ?? opts.failOn);
}

function writeStarterConfig(dir: string): void {
  const path = join(checkDirectory(dir), STARTER_CONFIG_NAME);
  if (existsSync(path)) throw new UsageError(`refusing to overwrite ${join(dir, STARTER_CONFIG_NAME)}: it exists`);
  writeFileSync(path, starterConfig(RULES));
  process.stdout.write(`wrote ${join(dir, STARTER_CONFIG_NAME)}\n`);
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('backend-review')
    .description('Review the architecture and security posture of a backend repository: frameworks, endpoints, middleware and a security checklist.')
    .version(TOOL_VERSION, '-v, --version', 'print the version and exit')
    .argument('[dir]', 'directory to scan', '.')
    .addOption(new Option('-f, --format <format>', 'what to print on stdout: text (console summary), json (the scan-result contract), sarif (SARIF 2.1.0), markdown (architecture report) or html (the architecture report as one self-contained page)').argParser(choice(FORMATS, '--format')).default('text'))
    .option('--sarif <file>', 'also write SARIF 2.1.0 to this file')
    .option('--json <file>', 'also write the JSON result to this file')
    .option('--report <file>', 'also write the markdown architecture report to this file')
    .option('--html <file>', 'also write the architecture report as one self-contained HTML page (sortable, filterable endpoint table; no network)')
    .option('--moai', 'write the MoAI-ADK architecture report to <dir>/.moai/docs/backend-architecture-<SPEC-ID>.md (backend-architecture.md without a SPEC-ID); the default when <dir> has a .moai/ directory and no --format or output file is given')
    .addOption(new Option('--fail-on <level>', 'exit with 1 when a finding at or above this severity is found: error, warning, note or none (default: the config\'s failOn, else error)').argParser(choice(FAIL_LEVELS, '--fail-on')).default('error'))
    .option('--config <file>', 'read this config file instead of looking for backend-review.config.{json,yaml,yml}, .backend-reviewrc* or a backendReview key in package.json from the scanned directory up to the repository root')
    .option('--baseline <file>', 'mark findings recorded in this baseline as unchanged: they are left out of the text, JSON and markdown output, kept in SARIF with baselineState, and do not count for --fail-on')
    .option('--write-baseline <file>', 'write the fingerprints of the findings of this run to a baseline file (for --baseline)')
    .option('--changed-since <ref>', 'report only findings on lines changed since this git ref (git diff against the working tree; untracked files count as changed)')
    .option('--include-suppressed', 'keep findings silenced by backend-review-ignore comments in SARIF, with their suppressions')
    .option('--report-unused-suppressions', 'report backend-review-ignore comments that match no finding (rule unused-suppression)')
    .option('--ignore <glob...>', 'extra paths to leave out (gitignore syntax; .gitignore is always honoured)')
    .option('--category <name>', 'SARIF runAutomationDetails id, to upload several scans of one repository')
    .option('-q, --quiet', 'print nothing on stdout with --format text, and no progress')
    .option('--progress', 'show progress on stderr even when it is not a terminal')
    .option('--force', 'overwrite output files that were not written by backend-review')
    .option('--no-cache', 'parse every file again instead of reusing the results of an earlier scan of unchanged files')
    .option('--cache-dir <dir>', 'where to keep the per-file cache (default: <dir>/node_modules/.cache/backend-review when the tree has node_modules, else ~/.cache/backend-review/<tree id>)')
    .addOption(new Option('--workers <n>', 'parse/extract threads (default: one per core, at most 4, on trees over 2 MB; 1 = no threads)').argParser(positiveInt('--workers')))
    .option('--shard <i/n>', 'parse only share i of n of the files (for a CI matrix) and write their results with --facts; combine the shares with `backend-review merge`')
    .option('--facts <file>', 'with --shard: where to write this share\'s per-file results')
    .option('--debug', 'print stack traces of internal errors')
    .showHelpAfterError('(run backend-review --help for usage)')
    .addHelpText('after', `
Exit codes:
  0  no finding at or above the --fail-on level
  1  findings at or above the --fail-on level
  2  usage error, bad config or baseline file, unreadable directory, git error or internal error

Examples:
  backend-review ./api
  backend-review . --format sarif > backend-review.sarif
  backend-review . --json result.json --report docs/backend-architecture.md --fail-on warning
  backend-review . --write-baseline .backend-review-baseline.json
  backend-review . --baseline .backend-review-baseline.json --sarif backend-review.sarif
  backend-review . --changed-since origin/main
  backend-review init
  backend-review . --moai --lang ko
  backend-review . --json result.json && backend-review report --from result.json --format html -o report.html`)
    .action(async (dir: string, opts: CliOptions, command: Command) => {
      process.exitCode = await runScan(dir, opts, command.getOptionValueSource('failOn') !== 'default', command.getOptionValueSource('format') !== 'default');
    });
  addArchitectureOptions(program);
  // Options after a subcommand's name are the subcommand's own (`report --from x --lang ko`).
  program.enablePositionalOptions();
  program.addCommand(reportCommand(writeOutput, (message) => new UsageError(message)));

  program
    .command('init')
    .argument('[dir]', 'directory to write it in', '.')
    .description(`write a commented starter ${STARTER_CONFIG_NAME} (refuses to overwrite one)`)
    .action((dir: string) => {
      writeStarterConfig(dir);
    });

  program
    .command('merge')
    .argument('<shards...>', 'files written by --shard i/n --facts FILE')
    .description('combine the shards of a sharded scan into one result (same output options as a scan)')
    .option('--root <dir>', 'the scanned directory (the same tree the shards were taken from)', '.')
    .addOption(new Option('-f, --format <format>', 'what to print on stdout').argParser(choice(FORMATS, '--format')).default('text'))
    .option('--sarif <file>', 'also write SARIF 2.1.0 to this file')
    .option('--json <file>', 'also write the JSON result to this file')
    .option('--report <file>', 'also write the markdown architecture report to this file')
    .addOption(new Option('--fail-on <level>', 'exit with 1 when a finding at or above this severity is found').argParser(choice(FAIL_LEVELS, '--fail-on')).default('error'))
    .option('-q, --quiet', 'print nothing on stdout with --format text')
    .option('--force', 'overwrite output files that were not written by backend-review')
    .action(async (shards: string[], opts: CliOptions & { root: string }, command: Command) => {
      let precomputed;
      try {
        precomputed = readShards(shards);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      const failOnGiven = command.getOptionValueSource('failOn') === 'cli';
      process.exitCode = await runScan(opts.root, { ...opts, precomputed, cache: false }, failOnGiven, command.getOptionValueSource('format') === 'cli');
    });

  program
    .command('rules')
    .description('list every rule with its category, default severity and docs link')
    .action(() => {
      for (const rule of [...RULES].sort((a, b) => a.id.localeCompare(b.id))) {
        process.stdout.write(`${rule.id.padEnd(36)} ${rule.category.padEnd(20)} ${rule.severity.padEnd(8)} rules/${rule.category}/${rule.id}.md\n`);
      }
    });
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  program.exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(argv);
  } catch (error) {
    const err = error as { code?: string; exitCode?: number; message?: string };
    if (typeof err.code === 'string' && err.code.startsWith('commander.')) {
      // help and version exit 0; commander already printed usage errors.
      process.exitCode = err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? 0 : 2;
      return;
    }
    if (error instanceof UsageError || error instanceof ShardUsageError) {
      process.stderr.write(`backend-review: ${error.message}\n`);
    } else {
      process.stderr.write(`backend-review: internal error: ${err.message ?? String(error)}\n`);
      if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
      else process.stderr.write('(run again with --debug for details)\n');
    }
    process.exitCode = 2;
  }
}


