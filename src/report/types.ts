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
  /** Markdown and HTML: report language ('en', 'ko'); English when absent or unknown. */
  lang?: string;
  /** Markdown and HTML: the MoAI SPEC the report belongs to, shown in the summary. */
  specId?: string;
  /** Markdown and HTML: generation time to print (ISO 8601); absent keeps reruns byte-identical. */
  timestamp?: string;
  /**
   * Markdown and HTML: path from the report file to the scanned directory, '/'-separated ('../..'
   * for `.moai/docs/`). When set, every file:line is a relative link; otherwise a code span.
   */
  linkBase?: string;
}

export type Reporter = (result: RunResult, options?: ReporterOptions) => string;
