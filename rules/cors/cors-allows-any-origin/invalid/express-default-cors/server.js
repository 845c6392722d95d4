const express = require('express');
const cors = require('cors');

const app = express();
// expect: cors-allows-any-origin
app.use(cors());

app.get('/notes', (req, res) => res.json([]));

function legacy(req, res) {
  // expect: cors-allows-any-origin
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.end();
}

app.get('/legacy', legacy);
app.listen(3000);
