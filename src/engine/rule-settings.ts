// Which rules run, at what severity and with which options, for each file: the config resolved per rule.
import ignore from 'ignore';
import type { Severity } from '../core/types.js';
import type { BackendReviewConfig, RuleSetting } from './config-schema.js';
import { pathFromConfigDir } from './config.js';
import type { Rule } from './define-rule.js';

export interface EffectiveSetting {
  enabled: boolean;
  /** The configured severity; undefined keeps the rule's own (or a draft's) severity. */
  severity?: Severity;
  options: object;
  /** JSON of `options`: findings are kept only from the run with their file's options. */
  optionsKey: string;
}

export interface RulePlan {
  rule: Rule<any>;
  /** The setting that applies to findings in this file (scanned-root-relative path). */
  settingFor(file: string): EffectiveSetting;
  /** Every distinct enabled option set: the rule runs once with each. */
  variants: EffectiveSetting[];
}

export interface PlanOptions {
  config?: BackendReviewConfig;
  /** Only these rule ids run (config levels still set their severity; 'off' is ignored for them). */
  onlyRules?: readonly string[];
  /** Rule ids switched on whatever the config says (e.g. unused-suppression for --report-unused-suppressions). */
  alsoEnable?: readonly string[];
  /** The scanned directory, to place files relative to the config's directory. */
  root: string;
}

function withOptions(state: EffectiveSetting, options: object): EffectiveSetting {
  return { ...state, options, optionsKey: JSON.stringify(options) };
}

function apply(rule: Rule<any>, state: EffectiveSetting, setting: RuleSetting | undefined, locked: boolean | undefined): EffectiveSetting {
  if (!setting) return state;
  if (setting.level === 'off') return locked === undefined ? { ...state, enabled: false } : state;
  const next: EffectiveSetting = { ...state, enabled: locked ?? true, severity: setting.level };
  return setting.options ? withOptions(next, { ...(state.options as Record<string, unknown>), ...setting.options }) : next;
}

export function planRules(rules: readonly Rule<any>[], options: PlanOptions): RulePlan[] {
  const { config } = options;
  const overrides = (config?.overrides ?? []).map((o) => ({ matcher: ignore().add(o.files), rules: o.rules }));
  return rules.map((rule) => {
    // Whether the rule's on/off state is fixed by onlyRules / alsoEnable rather than by the config.
    let locked: boolean | undefined;
    if (options.alsoEnable?.includes(rule.id)) locked = true;
    else if (options.onlyRules) locked = options.onlyRules.includes(rule.id);
    const recommended = config ? config.extends.includes('recommended') && rule.recommended : rule.recommended;
    const initial = withOptions({ enabled: locked ?? recommended, options: {}, optionsKey: '' }, { ...rule.defaultOptions });
    const base = apply(rule, initial, config?.rules[rule.id], locked);
    const relevant = overrides.filter((o) => o.rules[rule.id] !== undefined);
    const cache = new Map<string, EffectiveSetting>();
    const settingFor = (file: string): EffectiveSetting => {
      if (relevant.length === 0 || !config) return base;
      let state = cache.get(file);
      if (!state) {
        const path = pathFromConfigDir(config, options.root, file);
        state = base;
        for (const o of relevant) {
          if (!path.startsWith('../') && o.matcher.ignores(path)) state = apply(rule, state, o.rules[rule.id], locked);
        }
        cache.set(file, state);
      }
      return state;
    };
    // Every state some file can end in: the overrides that match it, applied in order, are a subset.
    let states = [base];
    for (const o of relevant) {
      const next = [...states, ...states.map((s) => apply(rule, s, o.rules[rule.id], locked))];
      states = [...new Map(next.map((s) => [`${s.enabled}|${s.optionsKey}`, s] as const)).values()];
    }
    const variants = [...new Map(states.filter((s) => s.enabled).map((s) => [s.optionsKey, s] as const)).values()];
    return { rule, settingFor, variants };
  });
}
