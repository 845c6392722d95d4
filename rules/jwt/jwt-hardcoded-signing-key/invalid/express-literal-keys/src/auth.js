const jwt = require('jsonwebtoken');
const { expressjwt } = require('express-jwt');

const SIGNING_KEY = 'correct-horse-battery';

function issue(user) {
  // expect: jwt-hardcoded-signing-key
  return jwt.sign({ sub: user.id }, SIGNING_KEY, { expiresIn: '1h' });
}

// expect: jwt-hardcoded-signing-key
const requireAuth = expressjwt({ secret: process.env.JWT_SECRET || 'dev-only-secret', algorithms: ['HS256'] });

module.exports = { issue, requireAuth };
