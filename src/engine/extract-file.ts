// Parse one file once and run every extractor that applies to it. Pure apart from the parser's memory.
import type { Fact } from '../core/facts.js';
import type { LanguageId, Notification, SourceFile } from '../core/types.js';
import type { Extractor } from '../extract/types.js';
import { adapterFor } from '../languages/index.js';
import type { ParseOptions } from '../languages/types.js';
import { classifySecret } from '../extract/secrets/classify.js';
import { KeywordMatcher } from '../core/keyword-matcher.js';

/**
 * Constant facts carry string values from the code (for route prefixes). A value that looks like a
 * credential is never a prefix, and must not travel on into caches or shard files: drop it here.
 */
function isNotSecretConstant(fact: Fact): boolean {
  if (fact.kind !== 'constant') return true;
  const value = fact.value;
  if (value.length > 256 || /:\/\/[^/\s]*@/.test(value)) return false;
  return classifySecret(value, fact.ref.path[fact.ref.path.length - 1]) === undefined;
}

export interface FileExtraction {
  facts: Fact[];
  notifications: Notification[];
  parseError: boolean;
}

/**
 * Time for parsing and extracting one file, after which its facts are dropped and it is reported as
 * skipped. Extraction is synchronous: the clock is read after the parse and after each extractor,
 * so one slow extractor runs to its end before the file is given up (the nesting cap below keeps
 * that end near).
 */
export const FILE_TIME_BUDGET_MS = 10_000;

/**
 * Bracket nesting past which a file is not parsed: parsers and tree walks recurse or climb parents
 * per level (Babel's stack runs out near 400), and hand-written code stays far below (under 100).
 */
export const MAX_NESTING = 256;

/**
 * Deepest nesting of ( [ { in source text. Brackets in strings and comments count too: a lexer-free
 * count cannot be fooled by a quote, and real code stays far below the cap even so.
 */
export function bracketDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) {
      if (++depth > max) max = depth;
    } else if ((c === 41 || c === 93 || c === 125) && depth > 0) depth--;
  }
  return max;
}

function skippedFile(file: SourceFile, reason: string): FileExtraction {
  return { facts: [], notifications: [{ level: 'warning', kind: 'skipped', file: file.path, message: `${file.path}: skipped (${reason})` }], parseError: false };
}

const MATCHERS = new WeakMap<readonly Extractor[], Map<LanguageId, KeywordMatcher>>();

function matcherFor(extractors: readonly Extractor[], language: LanguageId): KeywordMatcher {
  let byLanguage = MATCHERS.get(extractors);
  if (!byLanguage) MATCHERS.set(extractors, (byLanguage = new Map()));
  let matcher = byLanguage.get(language);
  if (!matcher) {
    matcher = new KeywordMatcher(extractors.filter((x) => x.languages.includes(language)).flatMap((x) => x.keywords ?? []));
    byLanguage.set(language, matcher);
  }
  return matcher;
}

/** What extractFile returns, with `fastOnly`, for a file that needs another thread's slow path. */
export const SLOW_PATH = 'slow-path';

/** Parses one file and runs every extractor that applies to it. Pure apart from the parser's memory. */
export function extractFile(file: SourceFile, extractors: readonly Extractor[], budgetMs?: number): FileExtraction;
export function extractFile(file: SourceFile, extractors: readonly Extractor[], budgetMs: number | undefined, options: ParseOptions): FileExtraction | typeof SLOW_PATH;
export function extractFile(
  file: SourceFile, extractors: readonly Extractor[], budgetMs = FILE_TIME_BUDGET_MS, options?: ParseOptions,
): FileExtraction | typeof SLOW_PATH {
  // Every keyword of this language's extractors, found in one pass over the text.
  const found = matcherFor(extractors, file.language).found(file.text);
  const mentions = (keyword: string): boolean => found.has(keyword);
  const applicable = extractors.filter(
    (x) => x.languages.includes(file.language) && (!x.keywords || x.keywords.some(mentions)),
  );
  if (applicable.length === 0) return { facts: [], notifications: [], parseError: false };
  if (file.language !== 'text' && bracketDepth(file.text) > MAX_NESTING) return skippedFile(file, `brackets nested more than ${MAX_NESTING} deep`);
  const started = performance.now();
  const adapter = adapterFor(file.language);
  const parsed = adapter.parse(file, options);
  if (!parsed.ok) {
    if ('slow' in parsed) return SLOW_PATH;
    return {
      facts: [],
      notifications: [{ level: 'warning', kind: 'parse-error', message: `${file.path}: ${parsed.message}`, file: file.path, location: parsed.location }],
      parseError: true,
    };
  }
  const facts: Fact[] = [];
  const notifications: Notification[] = [];
  const tree = { path: file.path, language: file.language, text: file.text, tree: parsed.tree };
  let overBudget: string | undefined;
  try {
    for (const extractor of applicable) {
      if (performance.now() - started > budgetMs) {
        overBudget = `over the ${budgetMs} ms time budget; stopped before extractor ${extractor.id}`;
        break;
      }
      try {
        facts.push(...extractor.extract(tree));
      } catch (error) {
        notifications.push({
          level: 'warning', kind: 'extractor-error', file: file.path,
          message: `${file.path}: extractor ${extractor.id} failed: ${(error as Error).message}`,
        });
      }
    }
  } finally {
    adapter.dispose(parsed.tree);
  }
  if (!overBudget && performance.now() - started > budgetMs) overBudget = `over the ${budgetMs} ms time budget`;
  if (overBudget) return skippedFile(file, overBudget);
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0]!;
    notifications.push({
      level: 'note', kind: 'parse-error', file: file.path, location: first.location,
      message: `${file.path}: parsed with ${parsed.errors.length} recovered syntax error(s), first: ${first.message}`,
    });
  }
  return { facts: facts.filter(isNotSecretConstant), notifications, parseError: false };
}
