import { describe, expect, it } from 'vitest';
import { nodeHttpRoutes } from '../../../src/extract/node-http/routes.js';
import { extractJs, ofKind, routeLines } from './parse.js';

describe('node-http/routes', () => {
  it('reads method and url comparisons in if / else-if chains of a createServer listener', () => {
    const facts = extractJs(nodeHttpRoutes, 'app.js', [
      "const http = require('http');",
      'const server = http.createServer((req, res) => {',
      "  if (req.method === 'GET' && req.url === '/api/users') {",
      "    res.end('[]');",
      "  } else if ('POST' === req.method && req.url === '/api/users') {",
      "    res.end('{}');",
      "  } else if (req.url === '/health') {",
      "    res.end('ok');",
      "  } else if (req.url.startsWith('/assets')) {",
      "    res.end('');",
      '  }',
      '});',
    ]);
    expect(routeLines(facts)).toEqual(['GET /api/users', 'POST /api/users', 'ANY /health']);
    expect(ofKind(facts, 'route')[1]!.location.startLine).toBe(5);
  });

  it('follows new URL(...).pathname, nested method tests and switch statements', () => {
    const facts = extractJs(nodeHttpRoutes, 'typed.ts', [
      "import { createServer as createHttpsServer } from 'node:https';",
      'createHttpsServer({}, (request: any, response: any) => {',
      "  const parsed = new URL(request.url ?? '/', 'https://localhost');",
      '  const pathname = parsed.pathname;',
      "  if (request.method === 'PUT') {",
      "    if (pathname === '/api/settings') response.end();",
      '  }',
      '  switch (request.method) {',
      "    case 'DELETE':",
      "      if (pathname === '/api/archive') response.end();",
      '      break;',
      '  }',
      '  switch (pathname) {',
      "    case '/api/reports':",
      "      if (request.method === 'GET') response.end();",
      '      break;',
      '  }',
      '});',
    ]);
    expect(routeLines(facts)).toEqual(['PUT /api/settings', 'DELETE /api/archive', 'GET /api/reports']);
  });

  it('only reads request listeners of node http servers', () => {
    expect(extractJs(nodeHttpRoutes, 'a.js', [
      "const express = require('express');",
      'const app = express();',
      "app.use((req, res) => { if (req.url === '/x') res.end(); });",
      "require('http').createServer(app).listen(80);",
    ])).toEqual([]);
  });
});
