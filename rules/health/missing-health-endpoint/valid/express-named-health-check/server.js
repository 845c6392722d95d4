const express = require('express');

const app = express();

app.get('/catalog_health_check', (req, res) => res.json({ status: 'ok' }));
app.get('/products', (req, res) => res.json([]));

app.listen(3000);
