const express = require('express');
const cors = require('cors');

const ALLOWED = ['https://notes.example.org', 'https://admin.example.org'];
const app = express();
app.use(cors({ origin: ALLOWED, credentials: true }));
app.get('/notes', (req, res) => res.json([]));
app.listen(3000);
