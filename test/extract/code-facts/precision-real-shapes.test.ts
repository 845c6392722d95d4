// Python shapes met while measuring finding precision and recall on real repositories (issue #4).
import { describe, expect, it } from 'vitest';
import { javascriptJwtCalls } from '../../../src/extract/javascript/jwt-calls.js';
import { javascriptHashCalls } from '../../../src/extract/javascript/hash-calls.js';
import { javascriptSqlCalls } from '../../../src/extract/javascript/sql-calls.js';
import { javascriptConfigIssues } from '../../../src/extract/javascript/config-issues.js';
import { pythonHashCalls } from '../../../src/extract/python/hash-calls.js';
import { pythonJwtCalls } from '../../../src/extract/python/jwt-calls.js';
import { configLines, hashLines, jwtLines, run, sqlLines } from './parse.js';

describe('python/jwt-calls: exp given as a number', () => {
  it('reads the lifetime through int(dt.strftime(...)), timestamp() and calendar.timegm', async () => {
    expect(jwtLines(await run(pythonJwtCalls, 'accounts/tokens.py', [
      'import calendar',
      'from datetime import datetime, timedelta',
      'import jwt',
      'def issue(user, key):',
      '    until = datetime.now() + timedelta(days=45)',
      '    return jwt.encode({"id": user, "exp": int(until.strftime("%s"))}, key, algorithm="HS256")',
      'def issue_short(user, key):',
      '    until = datetime.utcnow() + timedelta(minutes=15)',
      '    return jwt.encode({"id": user, "exp": int(until.timestamp())}, key, algorithm="HS256")',
      'def issue_week(user, key):',
      '    until = datetime.utcnow() + timedelta(weeks=1)',
      '    return jwt.encode({"id": user, "exp": calendar.timegm(until.utctimetuple())}, key, algorithm="HS256")',
    ]))).toEqual([
      '6 pyjwt sign long-expiry',
      '9 pyjwt sign -',
      '12 pyjwt sign long-expiry',
    ]);
  });
});

describe('javascript/config-issues: rejectUnauthorized in server options', () => {
  it('ignores it when the server requests no client certificate, and reports client options', async () => {
    expect(configLines(await run(javascriptConfigIssues, 'server.js', [
      "const https = require('https');",
      'const serverOptions = { key, cert, requestCert: false, rejectUnauthorized: false };',
      'https.createServer(serverOptions, app);',
      'https.createServer({ key, cert, requestCert: true, rejectUnauthorized: false }, app);',
      "https.get('https://upstream.internal', { rejectUnauthorized: false });",
    ]))).toEqual([
      '4 tls-verification-disabled rejectUnauthorized: false',
      '5 tls-verification-disabled rejectUnauthorized: false',
    ]);
  });
});

describe('javascript/sql-calls: values that cannot carry text', () => {
  it('treats loop variables over constant arrays and number-typed parameters as constants', async () => {
    expect(sqlLines(await run(javascriptSqlCalls, 'migrations/001-cascade.ts', [
      'const tableName = "comments";',
      'const constraints = ["comments_postId_fkey", "postId_foreign_idx"];',
      'export async function up(queryInterface: any, names: string[]) {',
      '  for (const constraint of constraints) {',
      '    await queryInterface.sequelize.query(`alter table "${tableName}" drop constraint "${constraint}"`);',
      '  }',
      '  for (const name of names) {',
      '    await queryInterface.sequelize.query(`alter table "${tableName}" drop constraint "${name}"`);',
      '  }',
      '}',
      'export function withTimeout(sequelize: any, timeoutMs: number, label: string) {',
      '  sequelize.query(`SET LOCAL statement_timeout = ${timeoutMs}`);',
      '  sequelize.query(`SET LOCAL application_name = \'${label}\'`);',
      '}',
    ]))).toEqual([
      '5 sequelize.query literal false',
      '8 sequelize.query interpolated true',
      '12 sequelize.query literal false',
      '13 sequelize.query interpolated true',
    ]);
  });
});

describe('javascript/hash-calls: the header a digest is sent in', () => {
  it('reads an ETag header as a non-security use and a cookie named session as a security one', async () => {
    expect(hashLines(await run(javascriptHashCalls, 'server/static.js', [
      "const crypto = require('crypto');",
      'function serve(res, stats, user) {',
      "  res.setHeader('ETag', crypto.createHash('md5').update(stats.mtime.toISOString()).digest('hex'));",
      "  res.cookie('session', crypto.createHash('md5').update(user.id + Date.now()).digest('hex'));",
      '}',
    ]))).toEqual(['3 md5 crypto other', '4 md5 crypto unknown']);
  });
});

describe('javascript/jwt-calls: decode helpers', () => {
  it('does not report a decode whose caller in the same file verifies the token', async () => {
    expect(jwtLines(await run(javascriptJwtCalls, 'server/auth.ts', [
      "import JWT from 'jsonwebtoken';",
      'function readPayload(token: string) {',
      '  return JWT.decode(token) as JWT.JwtPayload;',
      '}',
      'export async function userFor(token: string) {',
      '  const payload = readPayload(token);',
      '  const user = await Users.find(payload.id);',
      '  JWT.verify(token, user.secret);',
      '  return user;',
      '}',
      'export function peek(token: string) {',
      '  return JWT.decode(token);',
      '}',
    ]))).toEqual(['3 jsonwebtoken decode -', '8 jsonwebtoken verify -', '12 jsonwebtoken decode decode-only']);
  });
});

describe('javascript/jwt-calls: application-checked expiry claims', () => {
  it('does not call a token with an expiresAt claim never-expiring', async () => {
    expect(jwtLines(await run(javascriptJwtCalls, 'server/tokens.ts', [
      "import JWT from 'jsonwebtoken';",
      'export function transferToken(user: { id: string; secret: string }) {',
      '  return JWT.sign({ id: user.id, expiresAt: new Date(Date.now() + 60000).toISOString(), type: "transfer" }, user.secret);',
      '}',
      'export function signinToken(user: { id: string; secret: string }) {',
      '  return JWT.sign({ id: user.id, type: "signin" }, user.secret);',
      '}',
    ]))).toEqual(['3 jsonwebtoken sign -', '6 jsonwebtoken sign no-expiry']);
  });
});

describe('python/hash-calls: Django PASSWORD_HASHERS', () => {
  it('names Argon2PasswordHasher as Argon2id and keeps the class name of the others', async () => {
    expect(hashLines(await run(pythonHashCalls, 'app/settings.py', [
      'PASSWORD_HASHERS = [',
      '    "django.contrib.auth.hashers.Argon2PasswordHasher",',
      '    "django.contrib.auth.hashers.PBKDF2PasswordHasher",',
      ']',
    ]))).toEqual(['2 argon2 django password variant=argon2id']);
  });
});
