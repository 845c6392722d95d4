const crypto = require('crypto');

function register(user, plain) {
  // expect: password-hashed-with-fast-hash
  user.password = crypto.createHash('md5').update(plain).digest('hex');
  return user.save();
}

function checkLogin(user, password) {
  // expect: password-hashed-with-fast-hash
  const digest = crypto.createHash('sha256').update(password).digest('hex');
  return digest === user.passwordHash;
}

module.exports = { register, checkLogin };
