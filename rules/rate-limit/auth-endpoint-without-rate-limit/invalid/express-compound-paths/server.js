const express = require('express');

const app = express();

// expect: auth-endpoint-without-rate-limit
app.post('/account/doLogin', (req, res) => res.json({ token: 'x' }));
// expect: auth-endpoint-without-rate-limit
app.post('/users/verify-email', (req, res) => res.sendStatus(204));
// expect: auth-endpoint-without-rate-limit
app.post('/api/sessions', (req, res) => res.json({ token: 'x' }));
// expect: auth-endpoint-without-rate-limit
app.post('/sign_in', (req, res) => res.json({ token: 'x' }));
app.listen(3000);
