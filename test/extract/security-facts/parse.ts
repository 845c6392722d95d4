// Parses inline sources for the security-fact extractor tests of this directory.
import type { Fact } from '../../../src/core/facts.js';
import { ofKind, runExtractor as run } from '../../helpers/extract.js';
export { ofKind, run };

/** Secrets as 'line detector name' strings. */
export function secretLines(facts: Fact[]): string[] {
  return ofKind(facts, 'secret-candidate').map((s) => `${s.location.startLine} ${s.detector}${s.name ? ` ${s.name}` : ''}`);
}
