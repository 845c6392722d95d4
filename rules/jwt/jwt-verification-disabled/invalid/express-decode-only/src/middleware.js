const jwt = require('jsonwebtoken');
const simple = require('jwt-simple');

function requireAdmin(req, res, next) {
  // expect: jwt-verification-disabled
  const claims = jwt.decode(req.headers.authorization);
  if (!claims || !claims.admin) return res.sendStatus(403);
  return next();
}

function legacyUser(token) {
  // expect: jwt-verification-disabled
  return simple.decode(token, process.env.LEGACY_KEY, 'HS256');
}

module.exports = { requireAdmin, legacyUser };
