// Shared types of every pipeline stage. Plain data only: everything here must survive
// JSON.stringify / structuredClone (facts travel between worker threads and into caches).

export type Severity = 'error' | 'warning' | 'note';

export type LanguageId =
  | 'javascript' | 'typescript' | 'python' | 'go' | 'java' | 'kotlin' | 'php' | 'csharp' | 'rust' | 'scala' | 'text';

/** Checklist categories, exactly the contract's table (`shared/contracts/scan-result.md`). */
export type Category =
  | 'sqli'
  | 'cors'
  | 'health'
  | 'weak-password-hash'
  | 'untagged-endpoint'
  | 'secrets'
  | 'jwt'
  | 'weak-hash'
  | 'rate-limit'
  | 'config';

export const CATEGORIES: readonly Category[] = [
  'sqli', 'cors', 'health', 'weak-password-hash', 'untagged-endpoint',
  'secrets', 'jwt', 'weak-hash', 'rate-limit', 'config',
];

/** 1-based lines and 1-based UTF-16 columns; end is exclusive (SARIF convention). */
export interface Location {
  file: string; // repo-relative, '/' separators
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface SourceFile {
  path: string; // repo-relative, '/' separators
  language: LanguageId;
  text: string;
  bytes: number;
}

export interface Related {
  location: Location;
  message: string;
}

export interface Finding {
  ruleId: string;
  category: Category;
  cwe: string[];
  severity: Severity;
  message: string;
  location: Location;
  related?: Related[];
  /** Line-insensitive: ruleId + file + the rule's key (+ an occurrence index for repeats). */
  fingerprint: string;
  suppression?: { kind: 'inSource' | 'external'; justification: string };
  /** Set only when the run compared against a baseline (`--baseline`): SARIF `baselineState`. */
  baselineState?: BaselineState;
}

/** SARIF's baselineState values; backend-review writes 'new' and 'unchanged'. */
export type BaselineState = 'new' | 'unchanged' | 'updated' | 'absent';

/** Something the run wants the user to know that is not a finding: a skipped file, a parse error. */
export interface Notification {
  level: 'error' | 'warning' | 'note';
  kind: 'parse-error' | 'extractor-error' | 'skipped' | 'read-error' | 'manifest-error';
  message: string;
  file?: string;
  location?: Location;
}

export interface RuleDescriptor {
  id: string;
  title: string;
  category: Category;
  cwe: string[];
  severity: Severity;
  recommended: boolean;
  description: string;
  /** Markdown of the rule's docs page (Why / How to fix / Options). */
  helpMarkdown: string;
  helpUri: string;
  /** 0.0-10.0, GitHub's security-severity; absent for non-security rules. */
  securitySeverity?: number;
  deprecatedIds?: string[];
}

export interface ScanStats {
  files: number;
  bytes: number;
  parseErrors: number;
  durationMs: number;
  skipped: Record<string, number>; // reason -> count
  /** Files whose extraction results came from the cache. */
  cacheHits?: number;
}
