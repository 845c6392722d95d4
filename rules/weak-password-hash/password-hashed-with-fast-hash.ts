import { defineRule } from '../../src/engine/define-rule.js';

const FAST = new Set(['md5', 'sha1', 'sha256', 'sha512', 'hmac', 'plaintext']);
const WEAK_VARIANTS = new Set(['md4', 'md2', 'ripemd160', 'sha224', 'sha384', 'sha3256', 'sha3512']);

export default defineRule({
  id: 'password-hashed-with-fast-hash',
  title: 'Password hashed with a fast hash',
  category: 'weak-password-hash',
  cwe: ['CWE-916', 'CWE-328'],
  severity: 'error',
  securitySeverity: 7.5,
  recommended: true,
  description: 'Finds passwords hashed with a general-purpose digest (MD5, SHA-1, SHA-256, SHA-512, an HMAC) or stored in plain text, instead of a slow, salted password hash such as Argon2id, scrypt or bcrypt.',
  defaultOptions: {},
  *check({ model }) {
    for (const hash of model.passwordHashing) {
      const variant = hash.params?.variant;
      const isFast = FAST.has(hash.algorithm) || (hash.algorithm === 'unknown' && variant !== undefined && WEAK_VARIANTS.has(variant));
      if (!isFast) continue;
      const name = hash.algorithm === 'unknown' ? variant! : hash.algorithm === 'hmac' && variant ? `HMAC-${variant}` : hash.algorithm;
      const what = hash.algorithm === 'plaintext' ? 'stored in plain text' : `hashed with ${name} (${hash.library}), a fast hash that is cheap to brute-force`;
      yield {
        key: `${hash.library}:${name}`,
        location: hash.location,
        message: `A password is ${what}.`,
      };
    }
  },
});
