import type { Service } from '../model/types.js';

/** '' (the repository root) is shown as '.', as in the JSON contract. */
export const displayServiceRoot = (root: string): string => (root === '' ? '.' : root);

/** The service whose root is the longest prefix of `file`; '' when none (or the repo root) holds it. */
export function serviceOfFile(services: readonly Service[], file: string): string {
  let best = '';
  for (const s of services) {
    if (s.root === '' || s.root.length <= best.length) continue;
    if (file === s.root || file.startsWith(`${s.root}/`)) best = s.root;
  }
  return best;
}
