const express = require('express');

const app = express();
app.get('/status', (req, res) => res.send('up'));
app.get('/items', (req, res) => res.json([]));
module.exports = app;
