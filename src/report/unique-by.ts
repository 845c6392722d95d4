/** Keeps the first item per key, in order. */
export function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Password-hashing calls are listed once per file + line + algorithm (verify calls included). */
export const hashCallKey = (h: { location: { file: string; startLine: number }; algorithm: string }): string =>
  `${h.location.file}\u0000${h.location.startLine}\u0000${h.algorithm}`;
