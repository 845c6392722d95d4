// rate-limit facts of one file, one per location; the limiter-name heuristic shared with JS.
import type { RateLimitFact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import { loc } from '../../tree-sitter/ast.js';
import type { Node } from './dialect.js';

/** Names of limiter middleware, as in the JS extractor and the rule. */
export const LIMITER_NAME = /rate_?limit|limiter|throttl|slow_?down|brute/i;

export class RateLimitFacts {
  private readonly list: RateLimitFact[] = [];
  private readonly seen = new Map<string, RateLimitFact>();
  constructor(private readonly file: ParsedFile) {}

  /** `scope`: a path prefix, '' for the whole app, undefined for "the routes of this file". */
  push(at: Node, library: string, applied: boolean, scope?: string): void {
    const location = loc(this.file.path, at);
    const key = `${location.startLine}:${location.startColumn}`;
    const previous = this.seen.get(key);
    if (previous) {
      if (applied && !previous.applied) {
        previous.applied = true;
        if (scope !== undefined) previous.scope = scope;
      }
      return;
    }
    const fact: RateLimitFact = { kind: 'rate-limit', library, applied, location };
    if (scope !== undefined) fact.scope = scope;
    this.seen.set(key, fact);
    this.list.push(fact);
  }

  get facts(): RateLimitFact[] {
    return [...this.list].sort((a, b) => a.location.startLine - b.location.startLine || a.location.startColumn - b.location.startColumn);
  }
}
