import { createHash } from 'node:crypto';

/** Line-insensitive identity of a finding: rule, file, the rule's key, and which repeat of that key it is. */
export function fingerprintOf(ruleId: string, file: string, key: string, occurrence: number): string {
  return createHash('sha256').update(`${ruleId}\u0000${file}\u0000${key}\u0000${occurrence}`).digest('hex').slice(0, 32);
}
