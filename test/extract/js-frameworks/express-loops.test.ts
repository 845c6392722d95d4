import { describe, expect, it } from 'vitest';
import { expressRoutes } from '../../../src/extract/express/routes.js';
import { endpointsOf, extractJs, ofKind } from './parse.js';

describe('express: routes registered in loops over constant arrays', () => {
  it('expands for-of and forEach loops, marking the routes as generated', () => {
    const facts = extractJs(expressRoutes, 'routes/docs.js', [
      "const express = require('express');",
      'const router = express.Router();',
      "const chapters = ['intro', 'setup'];",
      'for (const chapter of chapters) {',
      '  router.get(`/${chapter}`, (req, res) => res.render(chapter));',
      '}',
      "const PAGES = [{ slug: 'faq', verb: 'get' }, { slug: 'terms', verb: 'get' }];",
      "PAGES.forEach((p) => router.get('/pages/' + p.slug, show));",
      "router.get('/', index);",
      'module.exports = router;',
    ]);
    const routes = ofKind(facts, 'route');
    expect(routes.map((r) => `${r.method} ${r.path} ${r.origin ?? 'route'} @${r.location.startLine}`)).toEqual([
      'GET /intro generated @5', 'GET /setup generated @5', 'GET /pages/faq generated @8', 'GET /pages/terms generated @8', 'GET / route @9',
    ]);
  });

  it('leaves loops over values it cannot know alone', () => {
    const facts = extractJs(expressRoutes, 'app.js', [
      "const express = require('express');",
      'const app = express();',
      'for (const name of loadNames()) app.get(`/${name}`, h);',
      'for (let i = 0; i < 3; i++) app.get(`/v${i}`, h);',
      "let mutable = ['a']; for (const m of mutable) app.get(`/${m}`, h);",
    ]);
    expect(ofKind(facts, 'route')).toEqual([]);
  });

  it('joins generated routes under their mount', () => {
    expect(endpointsOf({
      'server.js': ["const express = require('express');", 'const app = express();', "app.use('/help', require('./help'));"],
      'help.js': [
        "const router = require('express').Router();",
        "for (const topic of ['a', 'b']) router.get('/' + topic, h);",
        'module.exports = router;',
      ],
    })).toEqual(['GET /help/a', 'GET /help/b']);
  });
});

describe('express: prefixes read from the environment with a default', () => {
  it('uses the default of process.env.X || literal', () => {
    expect(endpointsOf({
      'server.js': [
        "const express = require('express');",
        'const app = express();',
        "const base = process.env.API_BASE || '/api';",
        'const router = express.Router();',
        "router.get('/items', list);",
        'app.use(base, router);',
        "app.get(process.env['HEALTH_PATH'] ?? '/healthz', health);",
        "app.get(process.env.OTHER && '/never', h);",
      ],
    })).toEqual(['GET /api/items', 'GET /healthz']);
  });
});
