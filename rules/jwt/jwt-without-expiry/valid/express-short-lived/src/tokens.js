const jwt = require('jsonwebtoken');

function accessToken(user) {
  return jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '15m' });
}

function refreshToken(user) {
  return jwt.sign({ sub: user.id, typ: 'refresh' }, process.env.JWT_REFRESH_SECRET, { expiresIn: '30d' });
}

function withClaim(user) {
  const payload = { sub: user.id, exp: Math.floor(Date.now() / 1000) + 900 };
  return jwt.sign(payload, process.env.JWT_SECRET);
}

module.exports = { accessToken, refreshToken, withClaim };
