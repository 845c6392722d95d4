import type { RunResult } from '../core/result.js';
import type { Finding } from '../core/types.js';

/** Options every reporter accepts; each reporter reads only the ones it knows. */
export interface ReporterOptions {
  /** Text: ANSI colours. Default false. */
  color?: boolean;
  /** SARIF: `runAutomationDetails.id` (GitHub code scanning's upload category). */
  category?: string;
  /** SARIF: keep suppressed findings, each with `suppressions`. Default false (left out). */
  includeSuppressed?: boolean;
  /**
   * SARIF hook for GitHub's `primaryLocationLineHash` partial fingerprint, which hashes the
   * source text around the finding. Reporters never read files, so the caller (which can) passes
   * the function; when it returns a string it is added next to `backendReview/v1`.
   */
  primaryLocationLineHash?: (finding: Finding) => string | undefined;
}

export type Reporter = (result: RunResult, options?: ReporterOptions) => string;
