// Redacted forms of secrets for facts, messages and reports: never the whole value.

/**
 * A short, non-reversible form: a prefix of at most 4 characters (none for very short values)
 * and the length, e.g. 'sk_l…(32 chars)'. Private keys keep their (public) header line instead.
 */
export function redactSecret(value: string): string {
  const header = /^-----BEGIN [A-Z0-9 ]{0,40}-----/.exec(value.trimStart());
  const size = `(${value.length} char${value.length === 1 ? '' : 's'})`;
  if (header) return `${header[0]}…${size}`;
  const prefixLength = Math.min(4, Math.floor(value.length / 4));
  return `${value.slice(0, prefixLength)}…${size}`;
}
