const jwt = require('jsonwebtoken');

function readToken(token) {
  return jwt.verify(token, process.env.JWT_PUBLIC_KEY, { algorithms: ['RS256'] });
}

module.exports = { readToken };
