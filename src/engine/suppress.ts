// In-source suppressions: `backend-review-ignore <rule-id>: <reason>` on the finding's line or the line above.
import type { Finding } from '../core/types.js';

const DIRECTIVE = /backend-review-ignore\s+([a-z0-9-]+)\s*:\s*(\S[^\n]*)/;

export function applySuppressions(findings: Finding[], textOf: (file: string) => string | undefined): Finding[] {
  const lineCache = new Map<string, string[]>();
  const linesOf = (file: string): string[] => {
    let lines = lineCache.get(file);
    if (!lines) lineCache.set(file, (lines = (textOf(file) ?? '').split('\n')));
    return lines;
  };
  return findings.map((finding) => {
    const lines = linesOf(finding.location.file);
    for (const index of [finding.location.startLine - 1, finding.location.startLine - 2]) {
      const line = lines[index];
      if (!line || !line.includes('backend-review-ignore')) continue;
      const match = DIRECTIVE.exec(line);
      if (match && match[1] === finding.ruleId) {
        const justification = match[2]!.replace(/\s*(\*\/|-->|#}|%>)\s*$/, '').trim();
        return { ...finding, suppression: { kind: 'inSource' as const, justification } };
      }
    }
    return finding;
  });
}
