const fs = require('fs');
const https = require('https');
const express = require('express');

const app = express();

// Server-side options: no client certificate is requested, so rejectUnauthorized checks nothing.
const tlsOptions = {
  key: fs.readFileSync(process.env.TLS_KEY_PATH),
  cert: fs.readFileSync(process.env.TLS_CERT_PATH),
  requestCert: false,
  rejectUnauthorized: false,
};

https.createServer(tlsOptions, app).listen(8443);
