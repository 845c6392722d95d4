const express = require('express');

const app = express();
const ops = express.Router();

ops.get('/healthz', (req, res) => res.send('ok'));
app.use('/internal', ops);
app.get('/orders', (req, res) => res.json([]));

app.listen(3000);
