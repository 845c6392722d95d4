import type { Fact } from '../core/facts.js';
import type { LanguageId } from '../core/types.js';
import type { ParsedFile } from '../languages/types.js';

/**
 * Syntax -> facts for one file. Pure: no I/O, no state between calls, no knowledge of other
 * files (cross-file links are made by the model from import/export/mount facts).
 */
export interface Extractor {
  id: string; // '<framework-or-topic>/<what>', e.g. 'express/routes', 'javascript/sql'
  languages: readonly LanguageId[];
  /**
   * Literal prefilter: the file is given to this extractor only when its text contains at least one
   * of these strings (case-sensitive). Omit to see every file of the languages.
   */
  keywords?: readonly string[];
  extract(file: ParsedFile): Fact[];
}
