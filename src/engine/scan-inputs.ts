// What a scan reads besides the tree: the config file, the baseline, the changed lines. Every problem
// is an input error (exit code 2) with a message naming the file and what is wrong.
import { basename, relative, resolve, sep } from 'node:path';
import { BaselineError, readBaseline, type BaselineFile } from './baseline.js';
import { changedLinesSince, GitError, type ChangedLines } from './changed-lines.js';
import { ConfigError, loadConfigFor, rebaseGlobs, type BackendReviewConfig } from './config.js';
import type { Rule } from './define-rule.js';

export interface ScanInputRequest {
  root: string;
  rules: readonly Rule<any>[];
  /** --config: an explicit file (no search). */
  configFile?: string;
  /** --ignore globs from the command line (relative to the scanned directory). */
  ignore?: readonly string[];
  baselineFile?: string;
  changedSince?: string;
}

export interface ScanInputs {
  config?: BackendReviewConfig;
  /** Command line and config ignore globs, relative to the scanned directory. */
  ignore: string[];
  baseline?: BaselineFile;
  changedSince?: { ref: string; lines: ChangedLines };
}

export const isInputError = (error: unknown): error is ConfigError | BaselineError | GitError =>
  error instanceof ConfigError || error instanceof BaselineError || error instanceof GitError;

export async function loadScanInputs(request: ScanInputRequest): Promise<ScanInputs> {
  const config = loadConfigFor(request.root, request.rules, request.configFile);
  const ignore = [...(request.ignore ?? []), ...(config ? rebaseGlobs(config.ignore, config.dir, resolve(request.root)) : [])];
  // The config file itself is not part of the review (its rule ids would look like keys to the secrets scan).
  const configPath = config?.path;
  if (configPath && basename(configPath) !== 'package.json') {
    const inside = relative(resolve(request.root), configPath);
    if (inside && !inside.startsWith('..')) ignore.push(`/${inside.split(sep).join('/')}`);
  }
  const baseline = request.baselineFile !== undefined ? readBaseline(request.baselineFile) : undefined;
  const changedSince = request.changedSince !== undefined
    ? { ref: request.changedSince, lines: await changedLinesSince(request.root, request.changedSince) }
    : undefined;
  return {
    ...(config ? { config } : {}), ignore,
    ...(baseline ? { baseline } : {}),
    ...(changedSince ? { changedSince } : {}),
  };
}
