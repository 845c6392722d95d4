const express = require('express');
const cors = require('cors');

const app = express();
// expect: invalid-suppression
// backend-review-ignore cors-allows-any-origin
app.use(cors());

// expect: invalid-suppression
app.get('/orders', listOrders); // backend-review-ignore sql-injection: orders are read-only

// expect: invalid-suppression
/* backend-review-ignore: the id is missing */
app.get('/health', (req, res) => res.send('ok'));
