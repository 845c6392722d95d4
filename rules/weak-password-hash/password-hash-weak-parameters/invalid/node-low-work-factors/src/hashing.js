const bcrypt = require('bcryptjs');
const argon2 = require('argon2');
const crypto = require('crypto');

const SALT_ROUNDS = 8;

async function hashPassword(password) {
  // expect: password-hash-weak-parameters
  return bcrypt.hash(password, SALT_ROUNDS);
}

async function hashPasswordArgon(password) {
  // expect: password-hash-weak-parameters
  return argon2.hash(password, { type: argon2.argon2id, memoryCost: 4096, timeCost: 2 });
}

function derivePasswordKey(password, salt) {
  // expect: password-hash-weak-parameters
  return crypto.pbkdf2Sync(password, salt, 10000, 64, 'sha256');
}

module.exports = { hashPassword, hashPasswordArgon, derivePasswordKey };
