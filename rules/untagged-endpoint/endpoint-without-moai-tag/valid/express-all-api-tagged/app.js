// @SPEC:ORDER-001 order management
const express = require('express');

const app = express();

// @API:ORDER-001
app.get('/orders', (req, res) => res.json([]));

/**
 * Deletes one order.
 * @API:ORDER-002
 */
app.delete('/orders/:id', (req, res) => res.status(204).end());

app.get('/healthz', (req, res) => res.send('ok'));
