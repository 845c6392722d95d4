const jwt = require('jsonwebtoken');

function requireAdmin(req, res, next) {
  const token = req.headers.authorization;
  const header = jwt.decode(token, { complete: true });
  const claims = jwt.verify(token, keyFor(header), { algorithms: ['RS256'] });
  if (!claims.admin) return res.sendStatus(403);
  return next();
}

module.exports = { requireAdmin };
