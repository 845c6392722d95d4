// The action's inputs, read the way a runner passes them: INPUT_<NAME> environment variables.
import { isAbsolute, resolve } from 'node:path';

export interface ActionInputs {
  path: string;
  /** '' leaves it to the config file's failOn (else error). */
  failOn: string;
  sarifFile: string;
  upload: boolean;
  category: string;
  baseline: string;
  args: string[];
}

const FAIL_LEVELS = ['error', 'warning', 'note', 'none'];

export class InputError extends Error {}

/**
 * One input's value. A runner names the variable INPUT_ + the name upper-cased with spaces as '_'
 * (a '-' stays, as in INPUT_FAIL-ON); a composite step's `env:` cannot hold '-', so INPUT_FAIL_ON works too.
 */
export function getInput(env: NodeJS.ProcessEnv, name: string, fallback = ''): string {
  const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
  const value = env[key] ?? env[key.replace(/-/g, '_')];
  return value === undefined || value.trim() === '' ? fallback : value.trim();
}

function booleanInput(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = getInput(env, name, String(fallback)).toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new InputError(`input ${name} must be true or false, got ${JSON.stringify(value)}`);
}

/** Splits the `args` input like a shell would split words: spaces separate, quotes group, backslash escapes. No expansion. */
export function splitArgs(text: string): string[] {
  const out: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && (text[i + 1] === '"' || text[i + 1] === '\\')) word += text[++i];
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) out.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (quote) throw new InputError(`input args has an unclosed ${quote} quote`);
  if (inWord) out.push(word);
  return out;
}

export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const failOn = getInput(env, 'fail-on');
  if (failOn !== '' && !FAIL_LEVELS.includes(failOn)) {
    throw new InputError(`input fail-on must be one of ${FAIL_LEVELS.join(', ')}, got ${JSON.stringify(failOn)}`);
  }
  return {
    path: getInput(env, 'path', '.'),
    failOn,
    sarifFile: getInput(env, 'sarif-file', 'backend-review.sarif'),
    upload: booleanInput(env, 'upload', true),
    category: getInput(env, 'category'),
    baseline: getInput(env, 'baseline'),
    args: splitArgs(getInput(env, 'args')),
  };
}

/** The CLI's arguments: the path, the user's extra args, then what the action needs (these win). */
export function cliArguments(inputs: ActionInputs, workspace: string, jsonFile: string): string[] {
  const inWorkspace = (p: string) => (isAbsolute(p) ? p : resolve(workspace, p));
  return [
    inWorkspace(inputs.path),
    ...inputs.args,
    ...(inputs.failOn ? ['--fail-on', inputs.failOn] : []),
    ...(inputs.category ? ['--category', inputs.category] : []),
    ...(inputs.baseline ? ['--baseline', inWorkspace(inputs.baseline)] : []),
    '--sarif', inWorkspace(inputs.sarifFile),
    '--json', jsonFile,
    '--format', 'text',
  ];
}
