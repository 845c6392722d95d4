const fs = require('fs');
const https = require('https');
const axios = require('axios');

const api = axios.create({
  baseURL: 'https://partner.example.com',
  httpsAgent: new https.Agent({ ca: fs.readFileSync('certs/partner-ca.pem'), rejectUnauthorized: true }),
});

module.exports = { api };
