const jwt = require('jsonwebtoken');
const config = require('./config');

const key = process.env.JWT_SECRET;

function issue(user) {
  return jwt.sign({ sub: user.id }, key, { expiresIn: '1h' });
}

function check(token) {
  return jwt.verify(token, config.jwtSecret, { algorithms: ['HS256'] });
}

module.exports = { issue, check };
