import { describe, expect, it } from 'vitest';
import { classifySecret } from '../../../src/extract/secrets/classify.js';
import { secretNameStrength } from '../../../src/extract/secrets/names.js';
import { isPlaceholder, shannonEntropy } from '../../../src/extract/secrets/placeholder.js';
import { redactSecret } from '../../../src/extract/secrets/redact.js';
import { isTestOrExample } from '../../../src/extract/secrets/test-path.js';

// Synthetic values built at run time so that no credential-shaped literal sits in the source.
const rnd = (prefix: string, n: number, alphabet = 'aB3dE5gH7jK9mN1pQ2rS4tU6vW8xY0z') =>
  prefix + Array.from({ length: n }, (_, i) => alphabet[(i * 7 + 3) % alphabet.length]).join('');

describe('classifySecret', () => {
  it('recognises provider formats whatever the name', () => {
    expect(classifySecret(rnd('AKIA', 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'))?.detector).toBe('aws-access-key-id');
    expect(classifySecret(rnd('ghp_', 36))?.detector).toBe('github-token');
    expect(classifySecret(rnd('glpat-', 20))?.detector).toBe('gitlab-token');
    expect(classifySecret(rnd('xoxb-', 24) + '1')?.detector).toBe('slack-token');
    expect(classifySecret(rnd('sk_live_', 24))).toEqual({ detector: 'stripe-key', confidence: 'high' });
    expect(classifySecret(rnd('sk_test_', 24))).toEqual({ detector: 'stripe-key', confidence: 'low' });
    expect(classifySecret(rnd('AIza', 35))?.detector).toBe('google-api-key');
    expect(classifySecret(rnd('npm_', 36))?.detector).toBe('npm-token');
    expect(classifySecret(`postgres://app:${rnd('', 12)}@db:5432/app`)?.detector).toBe('uri-credentials');
    expect(classifySecret(`-----BEGIN RSA PRIVATE KEY-----\n${rnd('', 64)}\n-----END RSA PRIVATE KEY-----`)?.detector).toBe('private-key');
    expect(classifySecret(`${rnd('eyJ', 20)}.${rnd('eyJ', 30)}.${rnd('', 30)}`)?.detector).toBe('jwt');
  });

  it('skips documentation examples and placeholder URI passwords', () => {
    expect(classifySecret('AKIAIOSFODNN7EXAMPLE')).toBeUndefined();
    expect(classifySecret('postgres://user:${DB_PASSWORD}@db/app')).toBeUndefined();
    expect(classifySecret('postgres://user:****@db/app')).toBeUndefined();
    expect(classifySecret('https://example.com/path?a=b')).toBeUndefined();
    expect(classifySecret('-----BEGIN RSA PRIVATE KEY-----')).toBeUndefined();
  });

  it('judges secret-named assignments by name strength, placeholders and entropy', () => {
    expect(classifySecret('s3cr3t-Value-42', 'jwtSecret')).toEqual({ detector: 'secret-assignment', confidence: 'medium' });
    expect(classifySecret('a', 'secret')).toEqual({ detector: 'secret-assignment', confidence: 'low' });
    expect(classifySecret('a', 'password')).toBeUndefined();
    expect(classifySecret('hunter2hunter', 'db_password')?.detector).toBe('secret-assignment');
    for (const placeholder of ['', 'changeme', 'your-api-key', '<token>', '${SECRET}', 'xxx', '***', 'example', 'dummy', 'test', 'password']) {
      expect(classifySecret(placeholder, 'apiKey'), placeholder).toBeUndefined();
    }
    for (const notSecret of ['JWT_SECRET', 'https://auth.example.org/token', './keys/private.pem', 'true', '3600', 'Enter your password', 'Password']) {
      expect(classifySecret(notSecret, 'password'), notSecret).toBeUndefined();
    }
    expect(classifySecret('q9Xr2LmT7vKp', 'passwordField')).toBeUndefined();
    expect(classifySecret('q9Xr2LmT7vKp', 'LABEL_PASSWORD')).toBeUndefined();
    expect(classifySecret('パスワード入力', 'password')).toBeUndefined();
  });

  it('treats any non-empty constant in a key argument as a hardcoded key', () => {
    expect(classifySecret('kekse', undefined, 'key-argument')).toEqual({ detector: 'hardcoded-key', confidence: 'low' });
    expect(classifySecret('', undefined, 'key-argument')).toBeUndefined();
  });

  it('labels env fallbacks', () => {
    expect(classifySecret('superSecret', 'JWT_SECRET', 'fallback')).toEqual({ detector: 'env-fallback', confidence: 'medium' });
    expect(classifySecret('3000', 'PORT', 'fallback')).toBeUndefined();
  });
});

describe('names, placeholders, entropy', () => {
  it('grades names', () => {
    expect(['secret', 'SECRET_KEY', 'clientSecret', 'apiKey', 'private_key', 'secretOrKey'].map(secretNameStrength)).toEqual(Array(6).fill('strong'));
    expect(['password', 'DB_PASS', 'authToken', 'credentials'].map(secretNameStrength)).toEqual(Array(4).fill('weak'));
    expect(secretNameStrength('aws_access_key_id')).toBe('strong');
    expect(['tokenUrl', 'passwordHash', 'secretName', 'passport', 'author', 'tokenKey', 'token_type'].map(secretNameStrength)).toEqual(Array(7).fill(undefined));
  });

  it('measures entropy and spots placeholders', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
    expect(isPlaceholder('{{ vault_password }}')).toBe(true);
    expect(isPlaceholder('%(db_pass)s')).toBe(true);
    expect(isPlaceholder('Zq8-m1x')).toBe(false);
  });
});

describe('redactSecret', () => {
  it('never returns the whole value', () => {
    for (const value of ['q', 'kekse', 'superSecret', rnd('ghp_', 36)]) {
      const redacted = redactSecret(value);
      expect(redacted).not.toContain(value);
      expect(redacted).toMatch(/…\(\d+ chars?\)$/);
    }
    expect(redactSecret('superSecret')).toBe('su…(11 chars)');
    expect(redactSecret('-----BEGIN RSA PRIVATE KEY-----\nABC')).toBe('-----BEGIN RSA PRIVATE KEY-----…(35 chars)');
  });
});

describe('isTestOrExample', () => {
  it('recognises test, example and CI paths', () => {
    for (const p of ['test/api/login.test.ts', 'src/__tests__/a.js', 'tests/conftest.py', 'app/test_views.py', 'app/views_test.py',
      '.env.example', 'config/settings.py.sample', 'examples/app.js', 'app/core/settings/test.py', '.github/workflows/ci.yml']) {
      expect(isTestOrExample(p), p).toBe(true);
    }
    for (const p of ['src/app.ts', 'app/settings.py', '.env', 'lib/testing-utils-free.ts', 'contest/app.py']) expect(isTestOrExample(p), p).toBe(false);
  });
});
