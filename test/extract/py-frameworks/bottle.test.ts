import { describe, expect, it } from 'vitest';
import { bottlePath, bottleRoutes } from '../../../src/extract/bottle/routes.js';
import { extractPython, ofKind, routeLines } from './parse.js';

describe('bottle/routes', () => {
  it('keeps only wildcard names', () => {
    expect(bottlePath('/u/<id:int>/<slug:re:[a-z]+>/<rest:path>/:old')).toBe('/u/<id>/<slug>/<rest>/<old>');
  });

  it('reads default-app decorators, app decorators, the callback form and mounts', async () => {
    const facts = await extractPython(bottleRoutes, 'app.py', [
      'import bottle',
      'from bottle import Bottle, route, post',
      'app = Bottle()',
      'sub = Bottle()',
      '@route("/a", method=["PUT", "patch"])',
      'def a(): pass',
      '@post(path="/b")',
      'def b(): pass',
      '@bottle.route("/c")',
      'def c(): pass',
      '@app.route(["/d1", "/d2"], method="ANY")',
      'def d(): pass',
      '@sub.delete("/e/<eid:int>")',
      'def e(eid): pass',
      'app.route("/f", method="GET", callback=f)',
      'app.mount("/sub", sub)',
      'app.merge(other)',
    ].join('\n'));
    expect(routeLines(facts)).toEqual([
      'PUT /a @<bottle-default-app>', 'PATCH /a @<bottle-default-app>', 'POST /b @<bottle-default-app>', 'GET /c @<bottle-default-app>',
      'ANY /d1 @app', 'ANY /d2 @app', 'DELETE /e/<eid> @sub', 'GET /f @app',
    ]);
    expect(ofKind(facts, 'mount').map((m) => `${m.parent.path[0]} ${m.prefix} ${m.child.path[0]}`)).toEqual(['app /sub sub', 'app  other']);
    expect(ofKind(facts, 'route')[0]!.location.startLine).toBe(5);
  });

  it('ignores route decorators of other frameworks', async () => {
    const facts = await extractPython(bottleRoutes, 'app.py', 'import bottle\nfrom flask import Flask\napp = Flask(__name__)\n@app.route("/x")\ndef x(): pass\n');
    expect(ofKind(facts, 'route')).toEqual([]);
  });
});
