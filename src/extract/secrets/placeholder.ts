// Values that look like secrets but are not: placeholders, templates, labels, paths, env var names.

/** Shannon entropy of a string in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

const PLACEHOLDER_WORDS = new Set([
  'changeme', 'change-me', 'change_me', 'changethis', 'change-this', 'replaceme', 'replace-me', 'replace_me', 'todo', 'tbd',
  'fixme', 'none', 'null', 'nil', 'undefined', 'placeholder', 'redacted', 'hidden', 'example', 'sample', 'dummy', 'test',
  'testing', 'password', 'passwd', 'pass', 'xxx', 'secret_here', 'your_secret_here', 'notasecret', 'not-a-secret', 'n/a',
  'default', 'empty', 'string', 'str', 'value', 'foobar', 'mask', 'masked', '...', 'changeit',
]);

/** Substrings that mark a value as a stand-in wherever they occur. */
const PLACEHOLDER_PARTS = ['example', 'sample', 'placeholder', 'changeme', 'change_me', 'change-me', 'replace_me', 'replace-me', 'dummy', 'your_', 'your-', 'insert', 'redacted'];

/** True for a value that stands in for a secret rather than being one. */
export function isPlaceholder(raw: string): boolean {
  const value = raw.trim();
  if (value.length === 0) return true;
  const lower = value.toLowerCase();
  if (PLACEHOLDER_WORDS.has(lower)) return true;
  if (/^your[A-Z ]/.test(value)) return true;
  if (PLACEHOLDER_PARTS.some((p) => lower.includes(p))) return true;
  if (lower.includes('xxxx') && !isPartlyMasked(value)) return true;
  if (/<[^<>]*>/.test(value)) return true;
  // Templates and references: ${VAR}, {{ var }}, %(name)s, $VAR, %s, {0}
  if (/^\$\{[^}]*\}$/.test(value) || /^\{\{[^}]*\}\}$/.test(value) || /^%\([a-z_]+\)s$/i.test(value)) return true;
  if (/^\$[A-Za-z_][A-Za-z0-9_]*$/.test(value) || value === '%s' || /^\{\d*\}$/.test(value)) return true;
  if (value.includes('${') || value.includes('{{')) return true;
  // One character repeated: xxx, ***, ..., ----, ••••
  if ([...value].every((c) => c === value[0]) && value.length > 1 && !/[a-z0-9]/i.test(value[0]!)) return true;
  if (/^x+$/i.test(value)) return true;
  // 0000-0000-0000, aaaa_aaaa: one character repeated around separators
  const core = value.replace(/[-_.: ]/g, '');
  if (core.length > 0 && core.length < value.length && [...core].every((c) => c === core[0])) return true;
  return false;
}

/**
 * `sk_live_xxxxxxxx` and `AKIAXXXXXXXXXXXXXXXX` stand in for a key, but a long random value with
 * a few characters masked (`FQoG…XXXXXXXX…wU=`, a leaked token edited by hand) still gives most
 * of the secret away: at least 16 characters and 3 bits of entropy per character remain once the
 * runs of x are taken out.
 */
function isPartlyMasked(value: string): boolean {
  const rest = value.replace(/x{4,}/gi, '');
  return rest.length >= 16 && rest.length * 2 >= value.length && shannonEntropy(rest) >= 3;
}

/** Values of a secret-named slot that are clearly not the secret itself. */
export function isNonSecretValue(raw: string): boolean {
  const value = raw.trim();
  // `secrets: inherit` (GitHub Actions reusable workflows) and other keywords
  if (/^(true|false|yes|no|on|off|null|none|inherit|required|optional|auto)$/i.test(value)) return true;
  if (/^-?\d+(\.\d+)?$/.test(value)) return true;
  // Version ranges: 1.0.0-rc.2, ^2.8.5, >=3.1
  if (/^[~^>=<v]{0,3}\d+\.\d+/.test(value) && !/\s/.test(value)) return true;
  // An environment variable or config key name: JWT_SECRET, DB_PASSWORD
  if (/^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/.test(value)) return true;
  // Dotted config keys: auth.jwt.secret
  if (value.includes('.') && value.split('.').every((p) => /^[a-z][a-zA-Z0-9_]*$/.test(p))) return true;
  // URLs without credentials and file paths
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !/:\/\/[^/@\s]*:[^/@\s]*@/.test(value)) return true;
  if (/^(\.{1,2}\/|~\/|\/[a-z]|[A-Za-z]:\\)/.test(value)) return true;
  if (/[/\\]/.test(value) && /\.(pem|key|crt|cer|json|txt|ya?ml|env|p12|pfx|jks|der|pub)$/i.test(value)) return true;
  return false;
}

/** UI text: 'Password', 'Enter your password', 'Forgot password?'. */
export function isLabel(raw: string): boolean {
  const value = raw.trim();
  const words = value.replace(/[.:?!]$/, '').split(' ');
  if (words.length <= 7 && /^[A-Z][a-z]+$/.test(words[0]!) && words.every((w) => /^[A-Za-z]+$/.test(w))) return true;
  if (/\s/.test(value) && /^[A-Za-z ,.'?!:()-]+$/.test(value) && value.split(/\s+/).length >= 3) return true;
  return false;
}
