const bcrypt = require('bcryptjs');

async function register(user, password) {
  // expect: password-hash-not-argon2id
  user.passwordHash = await bcrypt.hash(password, 12);
  return user;
}

async function changePassword(user, password) {
  user.passwordHash = await bcrypt.hash(password, 12);
  return user;
}

async function login(user, password) {
  return bcrypt.compare(password, user.passwordHash);
}

module.exports = { register, changePassword, login };
