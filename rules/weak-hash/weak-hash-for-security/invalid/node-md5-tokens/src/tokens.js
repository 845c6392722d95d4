const crypto = require('crypto');
const sha1 = require('sha1');

function issueResetToken(user) {
  // expect: weak-hash-for-security
  const resetToken = crypto.createHash('md5').update(user.email + Date.now()).digest('hex');
  return resetToken;
}

function signPayload(payload, secret) {
  // expect: weak-hash-for-security
  return sha1(secret + JSON.stringify(payload));
}

module.exports = { issueResetToken, signPayload };
