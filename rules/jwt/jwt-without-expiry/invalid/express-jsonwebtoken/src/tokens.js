const jwt = require('jsonwebtoken');

function accessToken(user) {
  // expect: jwt-without-expiry
  return jwt.sign({ sub: user.id, role: user.role }, process.env.JWT_SECRET);
}

function sessionToken(user) {
  // expect: jwt-without-expiry
  return jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '90d' });
}

module.exports = { accessToken, sessionToken };
