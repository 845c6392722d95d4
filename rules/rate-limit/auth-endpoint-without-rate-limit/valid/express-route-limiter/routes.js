const express = require('express');
const rateLimit = require('express-rate-limit');

const loginLimiter = rateLimit({ windowMs: 60000, max: 5 });
const router = express.Router();
router.post('/login', loginLimiter, (req, res) => res.json({ token: 'x' }));

const app = express();
app.use('/api/auth', router);
app.listen(3000);
