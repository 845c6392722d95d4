import type { HashCallFact } from '../../src/core/facts.js';
import { defineRule } from '../../src/engine/define-rule.js';

/** OWASP Password Storage Cheat Sheet minimums (2023). */
const DEFAULTS = {
  minBcryptCost: 10,
  minArgon2MemoryKiB: 19456,
  minArgon2Iterations: 2,
  minPbkdf2Sha1Iterations: 1300000,
  minPbkdf2Sha256Iterations: 600000,
  minPbkdf2Sha512Iterations: 210000,
  minScryptCost: 131072,
};

type Options = typeof DEFAULTS;

function pbkdf2Minimum(hash: HashCallFact, options: Options): { digest: string; minimum: number } {
  const variant = (hash.params?.variant ?? '').toLowerCase();
  if (variant.includes('sha512')) return { digest: 'SHA-512', minimum: options.minPbkdf2Sha512Iterations };
  if (variant.includes('sha1') || variant === 'pbkdf2sha1') return { digest: 'SHA-1', minimum: options.minPbkdf2Sha1Iterations };
  return { digest: 'SHA-256', minimum: options.minPbkdf2Sha256Iterations };
}

/** Argon2: below the minimum memory, unless one of OWASP's equivalent memory / time pairs (m x t) is met. */
function argon2Problem(hash: HashCallFact, options: Options): string | undefined {
  const memory = hash.params?.memoryKiB;
  const time = hash.params?.iterations;
  if (memory === undefined && time === undefined) return undefined;
  const m = memory ?? 65536;
  const t = time ?? 3;
  // OWASP's equivalent pairs (47104x1, 19456x2, 12288x3, 9216x4, 7168x5) all keep m x t above ~92% of 19456x2.
  const equivalent = m >= 7168 && m * t >= options.minArgon2MemoryKiB * options.minArgon2Iterations * 0.92;
  if ((m >= options.minArgon2MemoryKiB && t >= options.minArgon2Iterations) || equivalent) return undefined;
  return `memory ${m} KiB and ${t} iteration${t === 1 ? '' : 's'} (OWASP: at least ${options.minArgon2MemoryKiB} KiB with ${options.minArgon2Iterations} iterations)`;
}

function problemOf(hash: HashCallFact, options: Options): string | undefined {
  const p = hash.params ?? {};
  switch (hash.algorithm) {
    case 'bcrypt':
      return p.cost !== undefined && p.cost < options.minBcryptCost ? `cost factor ${p.cost} (at least ${options.minBcryptCost})` : undefined;
    case 'argon2':
      return argon2Problem(hash, options);
    case 'pbkdf2': {
      if (p.iterations === undefined) return undefined;
      const { digest, minimum } = pbkdf2Minimum(hash, options);
      return p.iterations < minimum ? `${p.iterations} iterations (at least ${minimum} for PBKDF2-HMAC-${digest})` : undefined;
    }
    case 'scrypt':
      // OWASP: N=2^17 with p=1, or a smaller N with more parallelism (2^14 with p=5): N x p >= 5/8 of 2^17
      return p.cost !== undefined && p.cost < options.minScryptCost && p.cost * (p.parallelism ?? 1) < options.minScryptCost * 0.625
        ? `cost parameter N=${p.cost} (at least ${options.minScryptCost})` : undefined;
    default:
      return undefined;
  }
}

export default defineRule({
  id: 'password-hash-weak-parameters',
  title: 'Password hash with a work factor below current guidance',
  category: 'weak-password-hash',
  cwe: ['CWE-916'],
  severity: 'warning',
  securitySeverity: 5.9,
  recommended: true,
  description: 'Finds password hashing whose cost is written below the OWASP minimums: bcrypt cost under 10, Argon2 memory / iterations under 19 MiB / 2, PBKDF2 iterations under 600,000 (SHA-256), scrypt N under 2^17.',
  defaultOptions: DEFAULTS,
  *check({ model, options }) {
    for (const hash of model.passwordHashing) {
      if (hash.isVerify) continue;
      const problem = problemOf(hash, options);
      if (!problem) continue;
      yield {
        key: `${hash.library}:${hash.algorithm}`,
        location: hash.location,
        message: `Passwords are hashed with ${hash.algorithm} (${hash.library}) using ${problem}.`,
      };
    }
  },
});
