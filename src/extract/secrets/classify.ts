// The one shared judgement: is this string value (optionally held by this name) a secret?
import { isServiceName, secretNameStrength } from './names.js';
import { isLabel, isNonSecretValue, isPlaceholder, shannonEntropy } from './placeholder.js';
import { matchProvider, type Confidence } from './providers.js';

export type { Confidence } from './providers.js';

export interface SecretClass {
  detector: string;
  confidence: Confidence;
}

/**
 * Where the value sits:
 * - 'assignment': held by a variable, property, key or argument called `name` (the default);
 * - 'fallback': the literal default of an environment lookup (`process.env.X || 'v'`), `name` = X or the target;
 * - 'key-argument': passed directly where a signing / HMAC / session key is expected (`jwt.sign(p, 'v')`):
 *   any non-empty constant there is a hardcoded key, however short.
 */
export type SecretContext = 'assignment' | 'fallback' | 'key-argument';

/** Generic (name-based) secrets need this much entropy, in bits per character. */
export const MIN_ENTROPY = 2.0;

/** A recognised secret, or undefined for anything else (placeholders, labels, env var names, paths). */
export function classifySecret(value: string, name?: string, context: SecretContext = 'assignment'): SecretClass | undefined {
  if (typeof value !== 'string') return undefined;
  const provider = matchProvider(value);
  if (provider) {
    if (provider.detector === 'private-key' && value.length - provider.match.length < 40) return undefined;
    return { detector: provider.detector, confidence: provider.confidence };
  }
  const trimmed = value.trim();
  if (context === 'key-argument') {
    if (trimmed.length === 0 || /^\$\{[^}]*\}$/.test(trimmed)) return undefined;
    return { detector: 'hardcoded-key', confidence: strengthConfidence(trimmed, 'strong') };
  }
  const strength = secretNameStrength(name);
  if (!strength) return isServiceName(name) && looksLikeServiceCredential(trimmed) ? { detector: context === 'fallback' ? 'env-fallback' : 'secret-assignment', confidence: 'medium' } : undefined;
  if (isPlaceholder(trimmed) || isNonSecretValue(trimmed) || namesItself(trimmed, name!)) return undefined;
  // Secrets are ASCII; text in other scripts next to a password-ish name is a UI label.
  if (/[^\x20-\x7e]/.test(trimmed)) return undefined;
  if (trimmed.length > 200 && /\s/.test(trimmed)) return undefined;
  const detector = context === 'fallback' ? 'env-fallback' : 'secret-assignment';
  if (strength === 'strong') {
    if (isLabel(trimmed)) return undefined;
    return { detector, confidence: strengthConfidence(trimmed, strength) };
  }
  // Passwords, tokens, credentials: short or low-entropy values are usually labels, test data or field names.
  if (trimmed.length < 6 || shannonEntropy(trimmed) < MIN_ENTROPY || isLabel(trimmed) || /\s/.test(trimmed)) return undefined;
  return { detector, confidence: strengthConfidence(trimmed, strength) };
}

/**
 * The shapes service credentials take when a name gives only the service: a UUID, 32-64 hex
 * digits, or 32-64 random letters and digits. IDs, hashes and commit SHAs share these shapes, so
 * isServiceName rules out names ending in id / sha / release / ... first.
 */
function looksLikeServiceCredential(value: string): boolean {
  if (isPlaceholder(value)) return false;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return true;
  if (/^[0-9a-f]{32,64}$/i.test(value)) return /[0-9]/.test(value) && /[a-f]/i.test(value);
  return /^[A-Za-z0-9]{32,64}$/.test(value) && /[0-9]/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value) && shannonEntropy(value) >= 4;
}

const compact = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * `{ privateKey: 'privateKey' }`, `token: 'tokenValue'`, `privateKey = 'test-private-key'`,
 * `SECRET_KEY = "secret_key"`: the value repeats its slot's name, a stand-in.
 */
function namesItself(value: string, name: string): boolean {
  const v = compact(value);
  const n = compact(name.split(/[.[\]'"]/).filter(Boolean).pop() ?? name);
  return n.length > 0 && (v === n || v === `${n}value` || v === `test${n}` || v === `fake${n}` || v === `mock${n}`);
}

function strengthConfidence(value: string, strength: 'strong' | 'weak'): Confidence {
  const entropy = shannonEntropy(value);
  // 'lalalala', 'abababab', '12121212': two alternating characters are a dummy, not key material
  if (entropy < 1.5) return 'low';
  if (value.length >= 16 && entropy >= 3.5) return 'high';
  if (value.length >= 8 && (entropy >= 2.5 || strength === 'strong')) return 'medium';
  return 'low';
}
