const jwt = require('jsonwebtoken');

const config = {
  jwtSecret: process.env.JWT_SECRET,
  dbPassword: process.env.DB_PASSWORD ?? '',
  apiKey: 'your-api-key-here',
  passwordField: 'password',
  labels: { password: 'Password', confirm: 'Enter your password again' },
  tokenUrl: 'https://auth.example.org/oauth/token',
  secretFile: './keys/jwt.pem',
};

function verify(token, secret) {
  return jwt.verify(token, secret);
}

module.exports = { config, verify };
