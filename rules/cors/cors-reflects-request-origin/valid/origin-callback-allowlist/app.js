const express = require('express');
const cors = require('cors');

const trusted = new Set(['https://accounts.example.org']);
const app = express();
app.use(cors({
  origin(origin, callback) {
    if (!origin || trusted.has(origin)) return callback(null, true);
    return callback(new Error('origin not allowed'));
  },
  credentials: true,
}));
module.exports = app;
