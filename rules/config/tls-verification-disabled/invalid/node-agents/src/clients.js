const https = require('https');
const axios = require('axios');
const { Pool } = require('pg');

// expect: tls-verification-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

const api = axios.create({
  baseURL: 'https://partner.example.com',
  // expect: tls-verification-disabled
  httpsAgent: new https.Agent({ rejectUnauthorized: false }),
});

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  // expect: tls-verification-disabled
  ssl: { rejectUnauthorized: false },
});

module.exports = { api, pool };
