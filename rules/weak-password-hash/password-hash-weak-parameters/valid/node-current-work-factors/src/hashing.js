const bcrypt = require('bcrypt');
const argon2 = require('argon2');
const crypto = require('crypto');

async function hashPassword(password) {
  const salt = await bcrypt.genSalt(12);
  return bcrypt.hash(password, salt);
}

async function hashPasswordArgon(password) {
  return argon2.hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

function derivePasswordKey(password, salt) {
  return crypto.pbkdf2Sync(password, salt, 600000, 32, 'sha256');
}

async function check(password, hash) {
  return bcrypt.compare(password, hash);
}

module.exports = { hashPassword, hashPasswordArgon, derivePasswordKey, check };
