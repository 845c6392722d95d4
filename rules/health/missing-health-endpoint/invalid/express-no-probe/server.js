const express = require('express');

// expect: missing-health-endpoint
const app = express();

app.get('/orders', (req, res) => res.json([]));
app.post('/orders', (req, res) => res.status(201).end());

app.listen(3000);
