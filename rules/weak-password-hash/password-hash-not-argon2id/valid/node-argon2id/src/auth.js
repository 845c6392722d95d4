const argon2 = require('argon2');

async function register(user, password) {
  user.passwordHash = await argon2.hash(password, { type: argon2.argon2id });
  return user;
}

async function login(user, password) {
  return argon2.verify(user.passwordHash, password);
}

module.exports = { register, login };
