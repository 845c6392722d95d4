// @SPEC:ORDER-001 order management
const express = require('express');

const app = express();

// @API:ORDER-001
app.get('/orders', (req, res) => res.json([]));

// expect: endpoint-without-moai-tag
app.delete('/orders/:id', (req, res) => res.status(204).end());

app.listen(3000);
