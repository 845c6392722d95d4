// Rule metadata for reporters: the docs page text and its public URL.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleDescriptor } from '../core/types.js';
import type { Rule } from './define-rule.js';

export const DOCS_BASE = 'https://github.com/backend-review/backend-review/blob/main/rules';

/** The package root: the directory holding package.json (works from src/ under vitest and from dist/). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'rules'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

export function ruleDocPath(rule: Pick<Rule, 'id' | 'category'>): string {
  return `rules/${rule.category}/${rule.id}.md`;
}

const docCache = new Map<string, string>();

function readDoc(rule: Rule<any>): string {
  const path = join(packageRoot(), ruleDocPath(rule));
  let text = docCache.get(path);
  if (text === undefined) {
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      text = `# ${rule.title}\n\n${rule.description}\n`;
    }
    docCache.set(path, text);
  }
  return text;
}

export function describeRule(rule: Rule<any>): RuleDescriptor {
  return {
    id: rule.id,
    title: rule.title,
    category: rule.category,
    cwe: [...rule.cwe],
    severity: rule.severity,
    recommended: rule.recommended,
    description: rule.description,
    helpMarkdown: readDoc(rule),
    helpUri: `${DOCS_BASE}/${rule.category}/${rule.id}.md`,
    ...(rule.securitySeverity !== undefined ? { securitySeverity: rule.securitySeverity } : {}),
    ...(rule.deprecatedIds?.length ? { deprecatedIds: [...rule.deprecatedIds] } : {}),
  };
}
