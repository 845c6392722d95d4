const express = require('express');
const rateLimit = require('express-rate-limit');

const app = express();
app.use(rateLimit({ windowMs: 15 * 60 * 1000, max: 100 }));
app.post('/api/login', (req, res) => res.json({ token: 'x' }));
app.post('/api/register', (req, res) => res.status(201).json({}));
app.listen(3000);
