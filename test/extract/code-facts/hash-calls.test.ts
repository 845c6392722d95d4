import { describe, expect, it } from 'vitest';
import { javascriptHashCalls } from '../../../src/extract/javascript/hash-calls.js';
import { pythonHashCalls } from '../../../src/extract/python/hash-calls.js';
import { hashLines, run } from './parse.js';

describe('javascript/hash-calls', () => {
  it('reads algorithms and cost parameters of password libraries', async () => {
    expect(hashLines(await run(javascriptHashCalls, 'src/auth.ts', [
      "import bcrypt from 'bcryptjs';",
      "import * as argon2 from 'argon2';",
      "import { pbkdf2Sync } from 'node:crypto';",
      'const ROUNDS = 8;',
      'export async function register(body) {',
      '  const salt = await bcrypt.genSalt(ROUNDS);',
      '  const hash = await bcrypt.hash(body.password, salt);',
      '  await bcrypt.compare(body.password, hash);',
      '  await argon2.hash(body.password, { type: argon2.argon2i, memoryCost: 4096, timeCost: 1 });',
      "  pbkdf2Sync(body.password, salt, 1000, 64, 'sha512');",
      '}',
    ]))).toEqual([
      '7 bcrypt bcryptjs password cost=8',
      '8 bcrypt bcryptjs password verify',
      '9 argon2 argon2 password memoryKiB=4096 iterations=1 variant=argon2i',
      '10 pbkdf2 crypto password iterations=1000 variant=sha512',
    ]);
  });

  it('tells password, security and non-security digests apart by names and data flow', async () => {
    expect(hashLines(await run(javascriptHashCalls, 'src/util.js', [
      "const crypto = require('crypto');",
      "const md5 = require('md5');",
      'function stuff(user, body, pwtext) {',
      "  const etag = crypto.createHash('md5').update(body).digest('hex');",
      "  const resetToken = crypto.createHash('sha1').update(user.email + Date.now()).digest('hex');",
      "  const digest = crypto.createHash('md5').update(pwtext).digest('hex');",
      '  user.setPassword(digest);',
      "  const h = crypto.createHash('sha256');",
      '  h.update(body);',
      "  user.password = h.digest('hex');",
      '  const avatar = md5(user.email);',
      '  if (md5(body.pass) === user.passwordHash) return true;',
      "  return crypto.createHash('sha1').update(body).digest('hex');",
      '}',
    ]))).toEqual([
      '4 md5 crypto other',
      '5 sha1 crypto unknown',
      '6 md5 crypto password',
      '8 sha256 crypto password',
      '11 md5 md5 other',
      '12 md5 md5 password',
      '13 sha1 crypto unknown',
    ]);
  });
});

describe('python/hash-calls', () => {
  it('reads hashlib, cryptography and pycryptodome digests', async () => {
    expect(hashLines(await run(pythonHashCalls, 'app/digests.py', [
      'import hashlib',
      'from cryptography.hazmat.primitives import hashes',
      'from Crypto.Hash import MD4 as legacy_md4',
      'hashlib.md5(data)',
      'hashlib.new("sha1")',
      'hashlib.md5(data, usedforsecurity=False)',
      'hashes.SHA1()',
      'legacy_md4.new()',
      'checksum = hashlib.sha1(open(path, "rb").read()).hexdigest()',
    ]))).toEqual([
      '4 md5 hashlib unknown',
      '5 sha1 hashlib unknown',
      '6 md5 hashlib other',
      '7 sha1 cryptography unknown',
      '8 unknown pycryptodome unknown variant=md4',
      '9 sha1 hashlib other',
    ]);
  });

  it('reads password hashing libraries and their parameters', async () => {
    expect(hashLines(await run(pythonHashCalls, 'app/security.py', [
      'import bcrypt, hashlib',
      'from argon2 import PasswordHasher',
      'from passlib.context import CryptContext',
      'from passlib.hash import pbkdf2_sha256',
      'from werkzeug.security import generate_password_hash',
      'from django.contrib.auth.hashers import make_password',
      'ph = PasswordHasher(time_cost=1, memory_cost=8192)',
      'ctx = CryptContext(schemes=["bcrypt", "md5_crypt"], bcrypt__rounds=9)',
      'def register(password):',
      '    bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=7))',
      '    pbkdf2_sha256.using(rounds=1000).hash(password)',
      '    generate_password_hash(password, method="pbkdf2:sha256:50000")',
      '    generate_password_hash(password)',
      '    make_password(password, hasher="unsalted_md5")',
      '    hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 100000)',
      '    user.password = hashlib.sha256(password.encode()).hexdigest()',
      'PASSWORD_HASHERS = ["django.contrib.auth.hashers.SHA1PasswordHasher"]',
    ]))).toEqual([
      '7 argon2 argon2-cffi password iterations=1 memoryKiB=8192 variant=argon2id',
      '8 bcrypt passlib password variant=bcrypt cost=9',
      '10 bcrypt bcrypt password cost=7',
      '11 pbkdf2 passlib password variant=pbkdf2_sha256 iterations=1000',
      '12 pbkdf2 werkzeug password variant=sha256 iterations=50000',
      '13 pbkdf2 werkzeug password',
      '14 md5 django password variant=unsalted_md5',
      '15 pbkdf2 hashlib password iterations=100000 variant=sha256',
      '16 sha256 hashlib password',
      '17 sha1 django password variant=SHA1PasswordHasher',
    ]);
  });

  it('follows a hash object to where its digest goes', async () => {
    expect(hashLines(await run(pythonHashCalls, 'app/users.py', [
      'from Crypto.Hash import MD5',
      'def set_pw(user, secret_input):',
      '    h = MD5.new()',
      '    h.update(secret_input)',
      '    user.set_password(h.hexdigest())',
      'def other(user, value):',
      '    h = MD5.new()',
      '    h.update(value)',
      '    user.update_profile(h.hexdigest())',
    ]))).toEqual([
      '3 md5 pycryptodome password',
      '7 md5 pycryptodome unknown',
    ]);
  });
});
