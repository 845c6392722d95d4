const crypto = require('crypto');

function etag(body) {
  return crypto.createHash('md5').update(body).digest('hex');
}

function apiKeyDigest(apiKey) {
  return crypto.createHash('sha256').update(apiKey).digest('hex');
}

module.exports = { etag, apiKeyDigest };
