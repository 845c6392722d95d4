const express = require('express');

const skipReason = process.env.WALLET_API_KEY ? undefined : 'WALLET_API_KEY not set';
const apiKey = process.env.WALLET_API_KEY ? process.env.WALLET_API_KEY : '';
const sessionToken = 'SAMPLEtokenQm9Zx2Lp7Rt4Wv8Nc3Hj6Kd1Fg5Sb0';
const accessKey = 'AKIAXXXXXXXXXXXXXXXX';
const stripeKey = 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx';

const app = express();
app.get('/status', (req, res) => res.json({ skipReason, configured: Boolean(apiKey && sessionToken && accessKey && stripeKey) }));
module.exports = app;
