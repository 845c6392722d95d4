const express = require('express');
const rateLimit = require('express-rate-limit');

const app = express();
const users = express.Router();

// expect: auth-endpoint-without-rate-limit
users.post('/login', (req, res) => res.json({ token: 'x' }));
// expect: auth-endpoint-without-rate-limit
users.post('/password/forgot', (req, res) => res.sendStatus(204));
users.get('/me', (req, res) => res.json({}));

app.use('/api/users', users);
app.use('/api/search', rateLimit({ windowMs: 60000, max: 30 }));
app.listen(3000);
