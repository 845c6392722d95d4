import type { Category, LanguageId, Location, Related, Severity } from '../core/types.js';
import type { ProjectModel } from '../model/types.js';

/** What a rule yields; the engine stamps id, category, CWE, configured severity and fingerprint. */
export interface Draft {
  message: string;
  location: Location;
  /** Stable, line-insensitive identity of the problem within its file (e.g. 'POST /orders', the sink name). */
  key: string;
  related?: Related[];
  /** Overrides the rule's configured severity for this one finding (e.g. a secret in a test file). */
  severity?: Severity;
}

export interface RuleContext<O extends object> {
  model: ProjectModel;
  options: Readonly<O>;
}

export interface Rule<O extends object = object> {
  id: string;
  title: string;
  category: Category;
  cwe: string[]; // ['CWE-89']; [] when the category has none
  severity: Severity;
  recommended: boolean;
  /** One or two sentences: what the rule finds. */
  description: string;
  /** GitHub security-severity (0.0-10.0) for security rules. */
  securitySeverity?: number;
  appliesTo?: { frameworks?: string[]; languages?: LanguageId[] };
  defaultOptions: O;
  deprecatedIds?: string[];
  check(ctx: RuleContext<O>): Iterable<Draft>;
}

export const defineRule = <O extends object>(rule: Rule<O>): Rule<O> => rule;
