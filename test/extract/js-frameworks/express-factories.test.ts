import { describe, expect, it } from 'vitest';
import { middlewareRole } from '../../../src/extract/javascript/middleware-roles.js';
import { endpointDetails, endpointsOf } from './parse.js';

describe('express: modules exporting a function that returns a module-level router', () => {
  it('mounts require(x)() at its prefix', () => {
    const files = {
      'index.js': [
        "const express = require('express');",
        'const app = express();',
        "app.use('/shop', require('./routes/shop')());",
        "app.use('/', require('./routes/pages')(passport));",
        'app.listen(3000);',
      ],
      'routes/shop.js': [
        "var router = require('express').Router();",
        'module.exports = function () {',
        "  router.get('/', list);",
        "  router.post('/items/:id', save);",
        '  return router;',
        '};',
      ],
      'routes/pages.js': [
        "const router = require('express').Router();",
        'module.exports = (passport) => {',
        "  router.get('/about', about);",
        '  return router;',
        '};',
      ],
    };
    expect(endpointsOf(files)).toEqual(['GET /about', 'GET /shop', 'POST /shop/items/{id}']);
  });

  it('links an imported factory called in use() and an arrow returning the router', () => {
    const files = {
      'app.js': [
        "import express from 'express';",
        "import makeApi from './api.js';",
        'const app = express();',
        "app.use('/api', makeApi());",
      ],
      'api.js': [
        "import { Router } from 'express';",
        'const r = Router();',
        "r.delete('/things/:id', remove);",
        'export default () => r;',
      ],
    };
    expect(endpointsOf(files)).toEqual(['DELETE /api/things/{id}']);
  });
});

describe('express: login steps and anonymous-only guards are not auth requirements', () => {
  it('classifies passport.authenticate by its strategy and options', () => {
    const eps = endpointDetails({
      'server.js': [
        "const express = require('express');",
        "const passport = require('passport');",
        'const app = express();',
        "app.post('/login', passport.authenticate('local'), done);",
        "app.post('/signin', passport.authenticate('signin', { successRedirect: '/', failureRedirect: '/signin' }));",
        "app.get('/me', passport.authenticate('jwt', { session: false }), me);",
        "app.get('/register', auth.isNotAuthenticated, form);",
      ],
    });
    const byRoute = Object.fromEntries(eps.map((e) => [`${e.method} ${e.path}`, e.auth]));
    expect(byRoute).toEqual({ 'POST /login': 'none', 'POST /signin': 'none', 'GET /me': 'required', 'GET /register': 'none' });
  });

  it.each([
    ['isNotAuthenticated', 'other'], ['ensureLoggedOut', 'other'], ['ensureNotLoggedIn', 'other'], ['guestOnly', 'other'],
    ['redirectIfAuthenticated', 'other'], ['isAuthenticated', 'auth'], ['ensureLoggedIn', 'auth'],
  ])('%s -> %s', (name, role) => {
    expect(middlewareRole(name)).toBe(role);
  });
});

describe('express: CORS pre-flight handlers', () => {
  it('does not list app.options(path, cors()) as an endpoint', () => {
    expect(endpointsOf({
      'app.js': [
        "const express = require('express');",
        "const cors = require('cors');",
        'const app = express();',
        "app.options('*', cors());",
        "app.options('/api/items', cors({ origin: 'https://x.test' }));",
        "app.options('/api/custom', (req, res) => res.sendStatus(204));",
        "app.get('/api/items', cors(), list);",
      ],
    })).toEqual(['GET /api/items', 'OPTIONS /api/custom']);
  });
});
