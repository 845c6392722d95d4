const express = require('express');

const app = express();

// A top-level status route is the service's probe.
app.get('/status', (req, res) => res.json({ online: true, uptime: process.uptime() }));
app.get('/notes/:id', (req, res) => res.json({ id: req.params.id }));
app.get('/notes/:id/status', (req, res) => res.json({ published: false }));

app.listen(3000);
