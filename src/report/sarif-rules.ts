// RuleDescriptor -> SARIF reportingDescriptor (tool.driver.rules).
import type { ReportingDescriptor } from 'sarif';
import type { Category, RuleDescriptor } from '../core/types.js';

const MAX_TAGS = 10;

/** Checklist categories that are not about security (architecture hygiene). */
const NON_SECURITY: ReadonlySet<Category> = new Set<Category>(['health', 'untagged-endpoint']);

/**
 * GitHub's `precision`. RuleDescriptor has no field for it yet, so it follows the category:
 * 'high' where one call's syntax decides, 'medium' where a heuristic or the architecture model does.
 */
const MEDIUM_PRECISION: ReadonlySet<Category> = new Set<Category>([
  'secrets', 'weak-password-hash', 'rate-limit', 'health', 'untagged-endpoint',
]);

export const isSecurityCategory = (category: Category): boolean => !NON_SECURITY.has(category);

/** 'cors-allows-any-origin' -> 'CorsAllowsAnyOrigin' */
export function pascalCase(id: string): string {
  return id.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/** 'CWE-89' -> 'external/cwe/cwe-89' (GitHub's CWE tag form); undefined when not a CWE id. */
export function cweTag(cwe: string): string | undefined {
  const m = /^CWE-([0-9]+)$/i.exec(cwe.trim());
  return m ? `external/cwe/cwe-${m[1]}` : undefined;
}

export function ruleTags(rule: RuleDescriptor): string[] {
  // 'security' for security categories, and only for rules that name a weakness (CWE) or carry a
  // security-severity: the suppression-hygiene rules sit in 'config' but are not security findings.
  const isSecurity = isSecurityCategory(rule.category) && (rule.cwe.length > 0 || rule.securitySeverity !== undefined);
  const tags = [rule.category, ...(isSecurity ? ['security'] : [])];
  for (const cwe of rule.cwe) {
    const tag = cweTag(cwe);
    if (tag !== undefined) tags.push(tag);
  }
  return [...new Set(tags)].slice(0, MAX_TAGS);
}

/** A readable plain-text form of the rule's markdown page for SARIF `help.text`. */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('```'))
    .map((line) => line
      .replace(/^#{1,6} +/, '')
      .replace(/\[([^\]]*)\]\(([^)\s]*)\)/g, '$1 ($2)')
      .replace(/`/g, ''))
    .join('\n')
    .trim();
}

export function reportingDescriptor(rule: RuleDescriptor): ReportingDescriptor {
  const help = rule.helpMarkdown.trim();
  const descriptor: ReportingDescriptor = {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description || rule.title },
    help: help
      ? { text: markdownToPlainText(help), markdown: help }
      : { text: rule.description || rule.title },
  };
  if (rule.helpUri) descriptor.helpUri = rule.helpUri;
  descriptor.defaultConfiguration = { level: rule.severity };
  descriptor.properties = {
    tags: ruleTags(rule),
    category: rule.category,
    precision: MEDIUM_PRECISION.has(rule.category) ? 'medium' : 'high',
    ...(rule.securitySeverity !== undefined
      ? { 'security-severity': rule.securitySeverity.toFixed(1) }
      : {}),
  };
  if (rule.deprecatedIds?.length) descriptor.deprecatedIds = [...rule.deprecatedIds];
  return descriptor;
}
