// The config file's shape, and its validation: every problem is a ConfigError naming the file and key.
import type { Severity } from '../core/types.js';
import type { Rule } from './define-rule.js';

export type RuleLevel = 'off' | Severity;
export type FailOn = Severity | 'none';

/** One rule's setting: 'off', or a severity with options (merged over the rule's defaultOptions). */
export interface RuleSetting {
  level: RuleLevel;
  /** The user's options only (not merged); undefined when the entry gave none. */
  options?: Record<string, unknown>;
}

export interface ConfigOverride {
  files: string[];
  rules: Record<string, RuleSetting>;
}

export interface BackendReviewConfig {
  /** The file it was read from (as given or found); '' for a config built in code. */
  file: string;
  /** Directory the file's globs are relative to (absolute). */
  dir: string;
  /** Absolute path of the file read; undefined for a config built in code. */
  path?: string;
  extends: 'recommended'[];
  ignore: string[];
  rules: Record<string, RuleSetting>;
  overrides: ConfigOverride[];
  failOn?: FailOn;
}

export class ConfigError extends Error {
  constructor(readonly file: string, readonly key: string, detail: string) {
    super(`${file}: ${key ? `${key}: ` : ''}${detail}`);
    this.name = 'ConfigError';
  }
}

const TOP_KEYS = ['extends', 'ignore', 'rules', 'overrides', 'failOn', '$schema'];
const LEVELS: readonly RuleLevel[] = ['off', 'error', 'warning', 'note'];
const FAIL_LEVELS: readonly FailOn[] = ['error', 'warning', 'note', 'none'];

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const describeType = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;

function stringList(value: unknown, file: string, key: string): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.some((item) => typeof item !== 'string' || item.trim() === '')) {
    throw new ConfigError(file, key, `expected a list of non-empty strings, got ${describeType(value)}`);
  }
  return list as string[];
}

/** Checks a user option against the default's type: same primitive type, arrays of the same element type, objects. */
function checkOptionType(expected: unknown, actual: unknown, file: string, key: string): void {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) throw new ConfigError(file, key, `expected an array, got ${describeType(actual)}`);
    const sample = expected[0];
    if (sample === undefined) return;
    actual.forEach((item, i) => {
      if (typeof item !== typeof sample || Array.isArray(item) !== Array.isArray(sample)) {
        throw new ConfigError(file, `${key}[${i}]`, `expected ${describeType(sample)}, got ${describeType(item)}`);
      }
    });
    return;
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) throw new ConfigError(file, key, `expected an object, got ${describeType(actual)}`);
    return;
  }
  if (expected === null || expected === undefined) return;
  if (typeof actual !== typeof expected || actual === null) {
    throw new ConfigError(file, key, `expected ${describeType(expected)}, got ${describeType(actual)}`);
  }
}

function ruleSetting(value: unknown, rule: Rule<any>, file: string, key: string): RuleSetting {
  const [level, options, ...rest] = Array.isArray(value) ? value : [value];
  if (typeof level !== 'string' || !(LEVELS as readonly string[]).includes(level)) {
    throw new ConfigError(file, key, `expected one of ${LEVELS.join(', ')} or [severity, options], got ${JSON.stringify(level) ?? 'nothing'}`);
  }
  if (rest.length > 0) throw new ConfigError(file, key, 'expected [severity, options] with at most two entries');
  if (options === undefined) return { level: level as RuleLevel };
  if (!isPlainObject(options)) throw new ConfigError(file, `${key}[1]`, `expected an options object, got ${describeType(options)}`);
  const defaults = rule.defaultOptions as Record<string, unknown>;
  for (const [name, option] of Object.entries(options)) {
    const optionKey = `${key}[1].${name}`;
    if (!Object.prototype.hasOwnProperty.call(defaults, name)) {
      const known = Object.keys(defaults);
      throw new ConfigError(file, optionKey, `unknown option of ${rule.id} (${known.length ? `known: ${known.join(', ')}` : 'it takes no options'})`);
    }
    checkOptionType(defaults[name], option, file, optionKey);
  }
  return { level: level as RuleLevel, options };
}

function ruleSettings(value: unknown, byId: ReadonlyMap<string, Rule<any>>, file: string, key: string): Record<string, RuleSetting> {
  if (!isPlainObject(value)) throw new ConfigError(file, key, `expected an object of rule id -> setting, got ${describeType(value)}`);
  const out: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(value)) {
    const rule = byId.get(id);
    if (!rule) throw new ConfigError(file, `${key}.${id}`, 'unknown rule id (run `backend-review rules` for the list)');
    out[rule.id] = ruleSetting(setting, rule, file, `${key}.${id}`);
  }
  return out;
}

/** Validates a parsed config document. `dir` is where its globs are rooted. */
export function validateConfig(raw: unknown, file: string, dir: string, rules: readonly Rule<any>[]): BackendReviewConfig {
  if (!isPlainObject(raw)) throw new ConfigError(file, '', `expected an object at the top level, got ${describeType(raw)}`);
  for (const key of Object.keys(raw)) {
    if (!TOP_KEYS.includes(key)) throw new ConfigError(file, key, `unknown key (known: ${TOP_KEYS.filter((k) => k !== '$schema').join(', ')})`);
  }
  const byId = new Map<string, Rule<any>>();
  for (const rule of rules) {
    byId.set(rule.id, rule);
    for (const old of rule.deprecatedIds ?? []) if (!byId.has(old)) byId.set(old, rule);
  }
  const config: BackendReviewConfig = { file, dir, extends: ['recommended'], ignore: [], rules: {}, overrides: [] };
  if (raw.extends !== undefined) {
    const presets = raw.extends === null ? [] : stringList(raw.extends, file, 'extends');
    presets.forEach((preset, i) => {
      if (preset !== 'recommended') throw new ConfigError(file, `extends[${i}]`, `unknown preset ${JSON.stringify(preset)} (known: recommended)`);
    });
    config.extends = presets as 'recommended'[];
  }
  // A key left empty in YAML (only comments below it) reads as null: the same as leaving it out.
  if (raw.ignore != null) config.ignore = stringList(raw.ignore, file, 'ignore');
  if (raw.rules != null) config.rules = ruleSettings(raw.rules, byId, file, 'rules');
  if (raw.overrides != null) {
    if (!Array.isArray(raw.overrides)) throw new ConfigError(file, 'overrides', `expected a list, got ${describeType(raw.overrides)}`);
    config.overrides = raw.overrides.map((entry: unknown, i: number) => {
      const key = `overrides[${i}]`;
      if (!isPlainObject(entry)) throw new ConfigError(file, key, `expected an object with files and rules, got ${describeType(entry)}`);
      for (const k of Object.keys(entry)) {
        if (k !== 'files' && k !== 'rules') throw new ConfigError(file, `${key}.${k}`, 'unknown key (known: files, rules)');
      }
      if (entry.files === undefined) throw new ConfigError(file, `${key}.files`, 'missing: list the globs this override applies to');
      return {
        files: stringList(entry.files, file, `${key}.files`),
        rules: entry.rules == null ? {} : ruleSettings(entry.rules, byId, file, `${key}.rules`),
      };
    });
  }
  if (raw.failOn != null) {
    if (typeof raw.failOn !== 'string' || !(FAIL_LEVELS as readonly string[]).includes(raw.failOn)) {
      throw new ConfigError(file, 'failOn', `expected one of ${FAIL_LEVELS.join(', ')}, got ${JSON.stringify(raw.failOn)}`);
    }
    config.failOn = raw.failOn as FailOn;
  }
  return config;
}
