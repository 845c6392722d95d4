const express = require('express');
const session = require('express-session');
const jwt = require('jsonwebtoken');

// expect: hardcoded-secret
const SESSION_SECRET = 'orders-session-7f3a9c';

const app = express();
// expect: hardcoded-secret
app.use(session({ secret: SESSION_SECRET, resave: false }));

function issueToken(user) {
  // expect: hardcoded-secret
  return jwt.sign({ sub: user.id }, process.env.JWT_SECRET || 'dev-jwt-secret', { expiresIn: '1h' });
}

function checkToken(token) {
  // expect: hardcoded-secret
  return jwt.verify(token, 'k3y');
}

module.exports = { app, issueToken, checkToken };
