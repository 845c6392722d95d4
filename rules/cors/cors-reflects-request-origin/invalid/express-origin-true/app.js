const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({
  // expect: cors-reflects-request-origin
  origin: true,
  credentials: true,
}));
app.use('/public', cors({
  // expect: cors-reflects-request-origin
  origin: (origin, callback) => callback(null, true),
}));
app.get('/me', (req, res) => res.json({}));
module.exports = app;
