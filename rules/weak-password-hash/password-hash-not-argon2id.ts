import { defineRule } from '../../src/engine/define-rule.js';

const NAMES: Record<string, string> = { bcrypt: 'bcrypt', scrypt: 'scrypt', pbkdf2: 'PBKDF2', argon2: 'Argon2' };

/** Tests, specs, fixtures and examples: reported as notes. */
const TEST_PATH = /(^|\/)(tests?|__tests__|spec|specs|e2e|fixtures?|__mocks__|testdata|examples?|src\/it|[A-Za-z.]*\.(Unit|Integration|Functional)?Tests?)\/|\.(test|spec)\.[cm]?[jt]sx?$|(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$|[a-z0-9](Tests?|IT|Spec)\.(java|kt|cs|scala|groovy|php)$|_test\.go$/;

export default defineRule({
  id: 'password-hash-not-argon2id',
  title: 'Password hash other than Argon2id',
  category: 'weak-password-hash',
  cwe: ['CWE-916'],
  severity: 'note',
  securitySeverity: 2.0,
  recommended: true,
  description: 'Notes password hashing with bcrypt, scrypt, PBKDF2 or Argon2i/d where Argon2id, the current first choice, could be used; reported once per file and algorithm.',
  defaultOptions: {},
  *check({ model }) {
    const seen = new Set<string>();
    for (const hash of model.passwordHashing) {
      if (hash.isVerify || !(hash.algorithm in NAMES) || TEST_PATH.test(hash.location.file)) continue;
      const variant = hash.params?.variant;
      if (hash.algorithm === 'argon2' && (variant === undefined || variant === 'argon2id')) continue;
      const name = hash.algorithm === 'argon2' ? variant! : NAMES[hash.algorithm]!;
      const key = `${hash.location.file}:${name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      yield {
        key: name,
        location: hash.location,
        message: `Passwords are hashed with ${name} (${hash.library}); Argon2id is the recommended password hash.`,
      };
    }
  },
});
