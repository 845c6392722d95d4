import { describe, expect, it } from 'vitest';
import { javascriptSecrets } from '../../../src/extract/secrets/javascript.js';
import { pythonSecrets } from '../../../src/extract/secrets/python.js';
import { ofKind, run, secretLines } from './parse.js';

describe('secrets/javascript', () => {
  it('finds secret-named literals in declarations, properties, assignments, class fields and defaults', async () => {
    const facts = await run(javascriptSecrets, 'src/config.ts', [
      "const jwtSecret = 'n0t-so-s3cret-v4lue';",
      "export const config = { db: { password: 'Pa55w0rd!x' }, title: 'Password' };",
      "settings.apiKey = 'k3y-9f8e7d6c5b4a';",
      'class Client { private clientSecret = "c1i3nt-s3cr3t-v4l"; }',
      "function connect(pwd = 'defaultPw123') {}",
      "const tokenUrl = 'https://auth.example.org/token';",
      "const password = process.env.DB_PASSWORD;",
    ]);
    expect(secretLines(facts)).toEqual([
      '1 secret-assignment jwtSecret',
      '2 secret-assignment password',
      '3 secret-assignment apiKey',
      '4 secret-assignment clientSecret',
      '5 secret-assignment pwd',
    ]);
    const first = ofKind(facts, 'secret-candidate')[0]!;
    expect(first.redacted).toBe('n0t-…(19 chars)');
    expect(first.location).toMatchObject({ startLine: 1, startColumn: 19 });
    expect(first.isTestOrExample).toBe(false);
  });

  it('reports env fallbacks and constants passed as keys, at the place of use', async () => {
    const facts = await run(javascriptSecrets, 'src/auth.js', [
      "const jwt = require('jsonwebtoken');",
      "const crypto = require('crypto');",
      "const cookieParser = require('cookie-parser');",
      "const KEY = 'k';",
      "const sign = (u) => jwt.sign(u, process.env.JWT_SECRET || 'superSecret');",
      "const h = crypto.createHmac('sha256', KEY);",
      "app.use(cookieParser('kekse'));",
      "const verify = (t, secret) => jwt.verify(t, secret);",
      "const port = process.env.PORT || '3000';",
    ]);
    expect(secretLines(facts)).toEqual([
      '5 env-fallback JWT_SECRET',
      '6 secret-reference KEY',
      '7 hardcoded-key',
    ]);
  });

  it('knows jose signing and verification keys', async () => {
    const facts = await run(javascriptSecrets, 'src/jose.ts', [
      "import { SignJWT, jwtVerify } from 'jose';",
      "const key = new TextEncoder().encode('jose-key-1');",
      "export const t = await new SignJWT({ a: 1 }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('inline-key'));",
      'export const v = await jwtVerify(token, key);',
    ]);
    expect(secretLines(facts)).toEqual(['3 hardcoded-key', '4 secret-reference key']);
  });

  it('follows a referenced options object into passport strategies and express-session', async () => {
    const facts = await run(javascriptSecrets, 'src/passport.js', [
      "const JwtStrategy = require('passport-jwt').Strategy;",
      'const key = "abc123def456";',
      'const opts = { secretOrKey: key, issuer: "me" };',
      'passport.use(new JwtStrategy(opts, verify));',
      'function make(config) { return new JwtStrategy({ secretOrKey: config.key }); }',
    ]);
    expect(secretLines(facts)).toEqual(['3 secret-reference secretOrKey', '4 secret-reference secretOrKey']);
  });

  it('finds provider formats in any string and template, and lowers test files', async () => {
    const token = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
    const facts = await run(javascriptSecrets, 'test/client.test.ts', [
      `fetch(url, { headers: { Authorization: 'token ${token}' } });`,
      'const url = `postgres://app:Xy7pQ2mL9z@${host}/db`;',
      "const password = 'abc';",
    ]);
    expect(secretLines(facts)).toEqual(['1 github-token Authorization', '2 uri-credentials']);
    expect(ofKind(facts, 'secret-candidate').every((s) => s.isTestOrExample)).toBe(true);
    expect(ofKind(facts, 'secret-candidate').map((s) => s.redacted).join(' ')).not.toContain(token);
  });
});

describe('secrets/python', () => {
  it('finds settings, config subscripts, dict keys, keyword arguments and defaults', async () => {
    const facts = await run(pythonSecrets, 'app/settings.py', [
      "SECRET_KEY = 'django-insecure-9f8e7d6c5b4a3'",
      "app.config['SECRET_KEY'] = 'fl4sk-k3y-v4lue'",
      "DATABASES = {'default': {'PASSWORD': 'dbPa55word!'}}",
      "client = Client(api_key='AbC123xyz789')",
      "def connect(password='defaultPw123'): pass",
      "secret_key: SecretStr = SecretStr('t3st-s3cr3t')",
      "LABEL = 'Password'",
      "SECRET_KEY_ENV = os.environ['SECRET_KEY']",
    ]);
    expect(secretLines(facts)).toEqual([
      '1 secret-assignment SECRET_KEY',
      '2 secret-assignment SECRET_KEY',
      '3 secret-assignment PASSWORD',
      '4 secret-assignment api_key',
      '5 secret-assignment password',
      '6 secret-assignment secret_key',
    ]);
  });

  it('reports env defaults and constant keys given to jwt, hmac and itsdangerous', async () => {
    const facts = await run(pythonSecrets, 'app/auth.py', [
      'import jwt, hmac, os',
      'from itsdangerous import URLSafeTimedSerializer',
      "KEY = 'k3y'",
      "JWT_SECRET = os.getenv('JWT_SECRET', 'dev-secret-123')",
      "def make(p): return jwt.encode(p, 'secret', algorithm='HS256')",
      'def mac(m): return hmac.new(KEY, m, "sha256")',
      "s = URLSafeTimedSerializer('s1gner-k3y')",
      'def ok(p, key): return jwt.encode(p, key)',
    ]);
    expect(secretLines(facts)).toEqual([
      '4 env-fallback JWT_SECRET',
      '5 hardcoded-key',
      '6 secret-reference KEY',
      '7 hardcoded-key',
    ]);
  });
});
