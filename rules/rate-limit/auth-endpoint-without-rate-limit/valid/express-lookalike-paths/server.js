const express = require('express');

const app = express();

// Signing documents is not signing in; verifying a signature or a payment is not a login.
app.post('/documents/signing/request', (req, res) => res.sendStatus(202));
app.post('/signatures/verify', (req, res) => res.json({ valid: true }));
app.post('/payments/:id/verify', (req, res) => res.json({ ok: true }));
// A form field kept in the session is not a session login.
app.post('/search/session-filter', (req, res) => res.sendStatus(204));
// Ending one of the user's other sessions is session management, not a login.
app.post('/sessions/:sessionId/remove', (req, res) => res.sendStatus(204));
// Account settings that unlink an external login provider check no credential.
app.post('/account/RemoveLogin', (req, res) => res.sendStatus(204));
// A parameter named after a token does not make an unsubscribe link an authentication endpoint.
app.post('/newsletters/:listId/unsubscribe/:signedToken', (req, res) => res.sendStatus(204));
app.listen(3000);
