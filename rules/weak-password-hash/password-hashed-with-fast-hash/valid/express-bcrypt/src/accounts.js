const bcrypt = require('bcrypt');
const crypto = require('crypto');

async function register(user, password) {
  user.password = await bcrypt.hash(password, 12);
  return user.save();
}

function etagFor(body) {
  return crypto.createHash('md5').update(body).digest('hex');
}

module.exports = { register, etagFor };
