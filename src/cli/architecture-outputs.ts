// The architecture report's CLI side: --moai, --spec, --lang, --html, --timestamp, and the
// `report --from result.json` subcommand that re-renders a saved result.

import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { RunResult } from '../core/result.js';
import { renderReport, resultFromJson } from '../engine/index.js';
import { detectSpecId, moaiReportPath, normaliseSpecId, REPORT_LANGUAGES, reportLanguage } from '../engine/moai.js';

export interface ArchitectureCliOptions {
  moai?: boolean;
  spec?: string;
  lang?: string;
  html?: string;
  timestamp?: boolean;
}

export type WriteOutput = (path: string, text: string, force: boolean) => void;

/** `--spec` argument parser: 'SPEC-AUTH-001' or 'AUTH-001'. */
export function parseSpecOption(value: string): string {
  const id = normaliseSpecId(value);
  if (!id) throw new InvalidArgumentError('--spec must be a SPEC-ID such as SPEC-AUTH-001 (SPEC, upper-case words, three digits)');
  return id;
}

export function parseLangOption(value: string): string {
  const lang = value.toLowerCase();
  if (!(REPORT_LANGUAGES as readonly string[]).includes(lang)) throw new InvalidArgumentError(`--lang must be one of ${REPORT_LANGUAGES.join(', ')}`);
  return lang;
}

/** The options the report options of the main command are made of; shared with `report`. */
export function addArchitectureOptions(command: Command): Command {
  return command
    .option('--spec <SPEC-ID>', 'the MoAI SPEC the report belongs to (default: the one active SPEC under .moai/specs, else the one @SPEC: TAG in the code)', parseSpecOption)
    .addOption(new Option('--lang <lang>', `report language: ${REPORT_LANGUAGES.join(' or ')} (default: language.documentation or conversation_language of the MoAI config, else en)`).argParser(parseLangOption))
    .option('--timestamp', 'print the generation time in the markdown and HTML reports (off by default, so that reruns are byte-identical)');
}

/** Language, SPEC-ID and timestamp of the markdown and HTML reports for a result. */
export function reportOptions(result: RunResult, opts: ArchitectureCliOptions): { lang: string; specId?: string; timestamp?: string } {
  const specId = opts.spec ?? detectSpecId(result.moai, result.model.moaiTags);
  return {
    lang: opts.lang ?? reportLanguage(result.moai?.language),
    ...(specId ? { specId } : {}),
    ...(opts.timestamp ? { timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') } : {}),
  };
}

/** Links in a report written to `file` point back into the scanned `root`. */
export function linkBaseFor(file: string, root: string): string {
  const rel = relative(dirname(resolve(file)), root).split(sep).join('/');
  return rel === '' ? '.' : rel;
}

/**
 * Where the MoAI report goes, when it is asked for (--moai) or is the default: the repository has
 * a .moai/ directory and no other output was asked for. `dir` is the directory as the user wrote it.
 */
export function moaiOutputPath(dir: string, result: RunResult, opts: ArchitectureCliOptions, otherOutputAsked: boolean): string | undefined {
  if (!opts.moai && (otherOutputAsked || !result.moai)) return undefined;
  return join(dir, moaiReportPath(opts.spec ?? detectSpecId(result.moai, result.model.moaiTags)));
}

interface ReportCommandOptions extends ArchitectureCliOptions {
  from: string;
  format: 'markdown' | 'html';
  output?: string;
  force?: boolean;
}

export function reportCommand(write: WriteOutput, usageError: (message: string) => Error): Command {
  const command = new Command('report')
    .exitOverride()
    .description('re-render the markdown or HTML architecture report from a saved JSON result (written with --json), without scanning again')
    .requiredOption('--from <file>', 'the JSON result to read (backend-review <dir> --json <file>)')
    .addOption(new Option('-f, --format <format>', 'markdown or html').choices(['markdown', 'html']).default('markdown'))
    .option('-o, --output <file>', 'write the report to this file instead of stdout')
    .option('--force', 'overwrite an output file that was not written by backend-review');
  return addArchitectureOptions(command).action((opts: ReportCommandOptions) => {
    let result: RunResult;
    try {
      result = resultFromJson(readFileSync(resolve(opts.from), 'utf8'));
    } catch (error) {
      throw usageError(`cannot read ${opts.from}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    }
    const text = renderReport(opts.format, result, reportOptions(result, opts));
    if (opts.output) write(opts.output, text, opts.force === true);
    else process.stdout.write(text);
  });
}
