import { describe, expect, it } from 'vitest';
import { httpServerRoutes } from '../../../src/extract/http-server/routes.js';
import { extractPython, ofKind, routeLines } from './parse.js';

describe('http-server/routes', () => {
  it('reads path comparisons in do_<VERB> methods of request handler classes', async () => {
    const facts = await extractPython(httpServerRoutes, 'server.py', [
      'from http.server import BaseHTTPRequestHandler',
      'from urllib.parse import urlparse',
      'class H(BaseHTTPRequestHandler):',
      '    def do_GET(self):',
      '        parsed = urlparse(self.path)',
      '        # self.path == "/in-comment"',
      '        if parsed.path == "/":',
      '            pass',
      '        elif urlparse(self.path).path in ["/a", "/b"]:',
      '            pass',
      '        elif self.headers.get("X") == "/not-a-path":',
      '            pass',
      '        label = "/also-not"',
      '    def do_DELETE(self):',
      '        path = self.path.split("?")[0]',
      '        if path == "/items":',
      '            pass',
      '    def helper(self):',
      '        if self.path == "/ignored":',
      '            pass',
    ].join('\n'));
    expect(routeLines(facts)).toEqual(['GET /', 'GET /a', 'GET /b', 'DELETE /items']);
    expect(ofKind(facts, 'route')[0]!.location.startLine).toBe(7);
  });

  it('ignores classes that are not request handlers', async () => {
    const facts = await extractPython(httpServerRoutes, 'x.py', 'class BaseHTTPRequestHandlerLike:\n    def do_GET(self):\n        if self.path == "/x": pass\n');
    expect(facts).toEqual([]);
  });
});
