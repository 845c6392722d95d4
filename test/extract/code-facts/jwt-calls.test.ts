import { describe, expect, it } from 'vitest';
import { javascriptJwtCalls } from '../../../src/extract/javascript/jwt-calls.js';
import { pythonJwtCalls } from '../../../src/extract/python/jwt-calls.js';
import { jwtLines, run } from './parse.js';

describe('javascript/jwt-calls', () => {
  it('finds jsonwebtoken issues', async () => {
    expect(jwtLines(await run(javascriptJwtCalls, 'src/auth.js', [
      "const jwt = require('jsonwebtoken');",
      "const SECRET = 'hunter2';",
      'function a(user, token) {',
      '  jwt.sign({ sub: user.id }, SECRET);',
      "  jwt.sign({ sub: user.id }, process.env.KEY, { expiresIn: '30d' });",
      "  jwt.sign({ sub: user.id, exp: 1 }, process.env.KEY || 'fallback');",
      "  jwt.verify(token, process.env.KEY, { algorithms: ['HS256', 'none'], ignoreExpiration: true });",
      '}',
      'const claimsOf = (token) => jwt.decode(token);',
      'function b(token) {',
      '  const header = jwt.decode(token, { complete: true });',
      "  return jwt.verify(token, keys[header.kid], { algorithms: ['RS256'] });",
      '}',
      'function refreshToken(user) {',
      "  return jwt.sign({ sub: user.id }, process.env.REFRESH_KEY, { expiresIn: '30d' });",
      '}',
    ]))).toEqual([
      '4 jsonwebtoken sign hardcoded-key,no-expiry',
      '5 jsonwebtoken sign long-expiry',
      '6 jsonwebtoken sign hardcoded-key',
      '7 jsonwebtoken verify none-algorithm,no-expiry',
      '9 jsonwebtoken decode decode-only',
      '11 jsonwebtoken decode -',
      '12 jsonwebtoken verify -',
      '15 jsonwebtoken sign -',
    ]);
  });

  it('finds jose, express-jwt, passport-jwt and jwt-simple issues', async () => {
    expect(jwtLines(await run(javascriptJwtCalls, 'src/auth.ts', [
      "import { SignJWT, jwtVerify, decodeJwt, UnsecuredJWT } from 'jose';",
      "import { expressjwt } from 'express-jwt';",
      "import { Strategy as JwtStrategy } from 'passport-jwt';",
      "import simple from 'jwt-simple';",
      "const key = new TextEncoder().encode('literal-key');",
      'export async function f(payload, token) {',
      "  await new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(key);",
      "  await new SignJWT(payload).setExpirationTime('2h').sign(secretKey);",
      '  new UnsecuredJWT(payload).encode();',
      '  decodeJwt(token);',
      "  expressjwt({ secret: 'shh', algorithms: ['HS256'] });",
      "  new JwtStrategy({ secretOrKey: process.env.KEY, ignoreExpiration: true }, verify);",
      "  simple.decode(token, process.env.KEY, 'HS256');",
      '  simple.decode(token, process.env.KEY, false);',
      '}',
    ]))).toEqual([
      '7 jose sign hardcoded-key,no-expiry',
      '8 jose sign -',
      '9 jose sign none-algorithm',
      '10 jose decode decode-only',
      '11 express-jwt verify hardcoded-key',
      '12 passport-jwt verify no-expiry',
      '13 jwt-simple decode no-verify',
      '14 jwt-simple decode -',
    ]);
  });
});

describe('python/jwt-calls', () => {
  it('finds PyJWT and python-jose issues', async () => {
    expect(jwtLines(await run(pythonJwtCalls, 'app/tokens.py', [
      'import jwt',
      'from jose import jwt as jose_jwt',
      'SECRET = "not-secret"',
      'def f(token, key, user):',
      '    jwt.encode({"sub": user}, SECRET, algorithm="HS256")',
      '    jwt.encode({"sub": user}, None, algorithm="none")',
      '    jwt.decode(token, key, algorithms=["HS256", "none"])',
      '    opts = {"verify_signature": False}',
      '    jwt.decode(token, key, options=opts)',
      '    jwt.decode(token, key, algorithms=["HS256"], options={"verify_exp": False})',
      '    payload = {"sub": user}',
      '    payload["exp"] = datetime.utcnow() + timedelta(days=30)',
      '    jwt.encode(payload, key, algorithm="HS256")',
      '    jwt.encode({"sub": user}, os.getenv("JWT_KEY", "dev"), algorithm="HS256")',
      'def claims(token):',
      '    return jose_jwt.get_unverified_claims(token)',
    ]))).toEqual([
      '5 pyjwt sign hardcoded-key,no-expiry',
      '6 pyjwt sign none-algorithm,no-expiry',
      '7 pyjwt decode none-algorithm',
      '9 pyjwt decode no-verify',
      '10 pyjwt decode no-expiry',
      '13 pyjwt sign long-expiry',
      '14 pyjwt sign hardcoded-key,no-expiry',
      '16 python-jose decode decode-only',
    ]);
  });

  it('reads flask-jwt-extended and simplejwt settings', async () => {
    expect(jwtLines(await run(pythonJwtCalls, 'app/config.py', [
      'from datetime import timedelta',
      'from flask_jwt_extended import create_access_token',
      'app.config["JWT_SECRET_KEY"] = "super-secret"',
      'JWT_ACCESS_TOKEN_EXPIRES = False',
      'SIMPLE_JWT = {"ACCESS_TOKEN_LIFETIME": timedelta(days=7), "SIGNING_KEY": "abc"}',
      'def login(user):',
      '    return create_access_token(identity=user.id, expires_delta=False)',
    ]))).toEqual([
      '7 flask-jwt-extended sign no-expiry',
      '3 flask-jwt-extended sign hardcoded-key',
      '4 flask-jwt-extended sign no-expiry',
      '5 djangorestframework-simplejwt sign hardcoded-key',
      '5 djangorestframework-simplejwt sign long-expiry',
    ]);
  });
});
