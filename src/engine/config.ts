// Finding and reading the config file: from the scanned directory upward to the repository root.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { yaml } from './yaml-module.js';
import type { Rule } from './define-rule.js';
import { ConfigError, validateConfig, type BackendReviewConfig } from './config-schema.js';

export { ConfigError, type BackendReviewConfig } from './config-schema.js';

/** Looked for in each directory, in this order; `package.json` (its `backendReview` key) comes last. */
export const CONFIG_FILE_NAMES = [
  'backend-review.config.json', 'backend-review.config.yaml', 'backend-review.config.yml',
  '.backend-reviewrc', '.backend-reviewrc.json', '.backend-reviewrc.yaml', '.backend-reviewrc.yml',
];
const PACKAGE_KEY = 'backendReview';

const isFile = (path: string): boolean => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** The directories searched, nearest first: `start` up to the one holding `.git`, or only `start` outside a repository. */
export function configSearchDirs(start: string): string[] {
  const dirs: string[] = [];
  let dir = resolve(start);
  for (;;) {
    dirs.push(dir);
    if (existsSync(join(dir, '.git'))) return dirs;
    const parent = dirname(dir);
    if (parent === dir) return [resolve(start)];
    dir = parent;
  }
}

function hasPackageKey(path: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    return typeof pkg === 'object' && pkg !== null && pkg[PACKAGE_KEY] !== undefined;
  } catch {
    return false; // a broken package.json is the manifest reader's business, not the config's
  }
}

/** The config file that applies to a scan of `start`, or undefined. */
export function findConfigFile(start: string): string | undefined {
  for (const dir of configSearchDirs(start)) {
    for (const name of CONFIG_FILE_NAMES) if (isFile(join(dir, name))) return join(dir, name);
    const pkg = join(dir, 'package.json');
    if (isFile(pkg) && hasPackageKey(pkg)) return pkg;
  }
  return undefined;
}

function parseText(text: string, file: string): unknown {
  if (basename(file).endsWith('.json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      // Without the text JSON.parse quotes around the error: it may hold a secret.
      const message = (error as Error).message;
      const quoted = message.search(/, (?:\.\.\.)?"/);
      throw new ConfigError(file, '', `not valid JSON (${quoted >= 0 ? message.slice(0, quoted) : message})`);
    }
  }
  // YAML (also `.backend-reviewrc`, which may hold JSON: YAML reads it too).
  const doc = yaml().parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const line = first.linePos?.[0]?.line;
    const detail = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new ConfigError(file, '', `not valid YAML${line ? ` at line ${line}` : ''} (${detail})`);
  }
  return doc.toJS() as unknown;
}

/** Reads and validates one config file. `displayPath` is how messages name it. */
export function loadConfigFile(path: string, rules: readonly Rule<any>[], displayPath = path): BackendReviewConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(displayPath, '', code === 'ENOENT' ? 'no such file' : `cannot read it (${code ?? (error as Error).message})`);
  }
  let raw = parseText(text, displayPath);
  if (basename(path) === 'package.json') {
    raw = (raw as Record<string, unknown> | null)?.[PACKAGE_KEY];
    if (raw === undefined) throw new ConfigError(displayPath, PACKAGE_KEY, 'missing');
    return { ...validateConfig(raw, `${displayPath}#${PACKAGE_KEY}`, dirname(resolve(path)), rules), path: resolve(path) };
  }
  if (raw === null || raw === undefined) raw = {}; // an empty file is an empty config
  return { ...validateConfig(raw, displayPath, dirname(resolve(path)), rules), path: resolve(path) };
}

/** The config for a scan of `root`: the explicit file when given, else the nearest one found, else undefined. */
export function loadConfigFor(root: string, rules: readonly Rule<any>[], explicit?: string): BackendReviewConfig | undefined {
  if (explicit !== undefined) return loadConfigFile(resolve(explicit), rules, explicit);
  const found = findConfigFile(root);
  return found ? loadConfigFile(found, rules, relative(process.cwd(), found) || found) : undefined;
}

const toPosix = (path: string): string => (sep === '/' ? path : path.split(sep).join('/'));

/**
 * Rewrites gitignore-style globs written relative to `fromDir` so that they apply to paths relative to
 * `toDir` (a directory at or below it). Unanchored globs (no inner '/', or starting with '**')
 * apply anywhere and stay; anchored ones keep only what lies under `toDir`.
 */
export function rebaseGlobs(globs: readonly string[], fromDir: string, toDir: string): string[] {
  const prefix = toPosix(relative(resolve(fromDir), resolve(toDir)));
  if (prefix === '') return [...globs];
  if (prefix.startsWith('..')) return [];
  const out: string[] = [];
  for (const glob of globs) {
    const negated = glob.startsWith('!');
    const body = negated ? glob.slice(1) : glob;
    const trimmed = body.replace(/\/$/, '');
    const anchored = body.startsWith('/') || trimmed.includes('/');
    let rebased: string | undefined;
    if (!anchored || body.startsWith('**/')) {
      rebased = body;
    } else {
      const path = body.replace(/^\//, '');
      if (path.startsWith(`${prefix}/`)) rebased = path.slice(prefix.length + 1);
      else if (path.startsWith('**')) rebased = path;
    }
    if (rebased !== undefined && rebased !== '') out.push(negated ? `!${rebased}` : rebased);
  }
  return out;
}

/** Where a scanned-root-relative file sits relative to the config's directory ('/' separators). */
export function pathFromConfigDir(config: Pick<BackendReviewConfig, 'dir'>, root: string, file: string): string {
  const prefix = toPosix(relative(config.dir, resolve(root)));
  return prefix === '' ? file : `${prefix}/${file}`;
}
