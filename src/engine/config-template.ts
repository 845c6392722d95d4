// The commented starter file that `backend-review init` writes.
import type { Rule } from './define-rule.js';

export const STARTER_CONFIG_NAME = 'backend-review.config.yaml';

export function starterConfig(rules: readonly Rule<any>[]): string {
  const sorted = [...rules].sort((a, b) => a.id.localeCompare(b.id));
  const width = Math.max(...sorted.map((r) => r.id.length)) + 1;
  const ruleLines = sorted.map((r) => `  # ${`${r.id}:`.padEnd(width)} ${r.severity}${r.recommended ? '' : '   (off unless listed here)'}`);
  // The rule with the shortest options makes the most readable example.
  const withOptions = sorted.filter((r) => Object.keys(r.defaultOptions as object).length > 0)
    .sort((a, b) => JSON.stringify(a.defaultOptions).length - JSON.stringify(b.defaultOptions).length)[0];
  const optionsExample = withOptions
    ? ['  # With options, e.g. (the defaults shown):', `  #   ${withOptions.id}: [${withOptions.severity}, ${JSON.stringify(withOptions.defaultOptions)}]`]
    : [];
  return [
    '# backend-review configuration.',
    '# backend-review looks for this file in the scanned directory and its parents, up to the',
    '# repository root. Globs are relative to this file, in .gitignore syntax.',
    '',
    '# Start from the recommended rules (marked in `backend-review rules`). `extends: []` starts from none.',
    'extends: recommended',
    '',
    '# Paths to leave out of the scan, on top of .gitignore.',
    'ignore:',
    '  # - "**/test/fixtures/**"',
    '',
    '# Rule id -> off | error | warning | note, or [severity, { options }] (options are merged over the',
    "# rule's defaults). Uncomment a line to change a rule; the value shown is its default severity.",
    'rules:',
    ...ruleLines,
    ...optionsExample,
    '',
    '# Settings for some paths only; a later entry wins over an earlier one.',
    'overrides:',
    '  # - files: ["scripts/**", "**/*.test.*"]',
    '  #   rules:',
    '  #     hardcoded-secret: note',
    '',
    '# Exit with 1 when a finding at or above this severity is reported: error, warning, note or none.',
    '# --fail-on on the command line wins.',
    'failOn: error',
    '',
  ].join('\n');
}
