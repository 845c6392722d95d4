const jwt = require('jsonwebtoken');

function readToken(token) {
  // expect: jwt-none-algorithm-accepted
  return jwt.verify(token, process.env.JWT_PUBLIC_KEY, { algorithms: ['RS256', 'none'] });
}

function debugToken(claims) {
  // expect: jwt-none-algorithm-accepted
  return jwt.sign(claims, '', { algorithm: 'none', expiresIn: '5m' });
}

module.exports = { readToken, debugToken };
