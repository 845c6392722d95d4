import { defineRule } from '../../src/engine/define-rule.js';

/** Tests, specs, fixtures and examples: reported as notes. */
const TEST_PATH = /(^|\/)(tests?|__tests__|spec|specs|e2e|fixtures?|__mocks__|testdata|examples?|src\/it|[A-Za-z.]*\.(Unit|Integration|Functional)?Tests?)\/|\.(test|spec)\.[cm]?[jt]sx?$|(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$|[a-z0-9](Tests?|IT|Spec)\.(java|kt|cs|scala|groovy|php)$|_test\.go$/;

export default defineRule({
  id: 'weak-hash-for-security',
  title: 'Broken hash function used where security may depend on it',
  category: 'weak-hash',
  cwe: ['CWE-328', 'CWE-327'],
  severity: 'warning',
  securitySeverity: 5.3,
  recommended: true,
  description: 'Finds MD5, SHA-1, MD4 and MD2 digests whose purpose is not recognisably harmless (an etag, cache key or file checksum, or usedforsecurity=False): tokens, signatures, keys and identifiers built with them can be forged or collided. Password hashing is covered by the weak-password-hash rules.',
  defaultOptions: { algorithms: ['md5', 'sha1', 'md4', 'md2'] },
  *check({ model, options }) {
    for (const hash of model.hashCalls) {
      if (hash.purpose !== 'unknown') continue; // 'password': password rules; 'other': a non-security use
      const name = hash.algorithm === 'unknown' ? hash.params?.variant : hash.algorithm;
      if (!name || !options.algorithms.includes(name)) continue;
      yield {
        key: `${hash.library}:${name}`,
        location: hash.location,
        message: `${name.toUpperCase()} (${hash.library}) is a broken hash function; use SHA-256 or better for anything security-related.`,
        ...(TEST_PATH.test(hash.location.file) ? { severity: 'note' as const } : {}),
      };
    }
  },
});
