// Parse one file once and run every extractor that applies to it. Pure apart from the parser's memory.
import type { Fact } from '../core/facts.js';
import type { Notification, SourceFile } from '../core/types.js';
import type { Extractor } from '../extract/types.js';
import { adapterFor } from '../languages/index.js';

export interface FileExtraction {
  facts: Fact[];
  notifications: Notification[];
  parseError: boolean;
}

/** Parses one file and runs every extractor that applies to it. Pure apart from the parser's memory. */
export function extractFile(file: SourceFile, extractors: readonly Extractor[]): FileExtraction {
  const applicable = extractors.filter(
    (x) => x.languages.includes(file.language) && (!x.keywords || x.keywords.some((k) => file.text.includes(k))),
  );
  if (applicable.length === 0) return { facts: [], notifications: [], parseError: false };
  const adapter = adapterFor(file.language);
  const parsed = adapter.parse(file);
  if (!parsed.ok) {
    return {
      facts: [],
      notifications: [{ level: 'warning', kind: 'parse-error', message: `${file.path}: ${parsed.message}`, file: file.path, location: parsed.location }],
      parseError: true,
    };
  }
  const facts: Fact[] = [];
  const notifications: Notification[] = [];
  const tree = { path: file.path, language: file.language, text: file.text, tree: parsed.tree };
  try {
    for (const extractor of applicable) {
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
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0]!;
    notifications.push({
      level: 'note', kind: 'parse-error', file: file.path, location: first.location,
      message: `${file.path}: parsed with ${parsed.errors.length} recovered syntax error(s), first: ${first.message}`,
    });
  }
  return { facts, notifications, parseError: false };
}
