import { describe, expect, it } from 'vitest';
import { falconRoutes, falconViews, parseResponder } from '../../../src/extract/falcon/routes.js';
import { extractPython, ofKind, routeLines } from './parse.js';

describe('falcon/routes', () => {
  it('parses responder names with and without suffix', () => {
    expect(parseResponder('on_get')).toEqual({ method: 'GET', suffix: '' });
    expect(parseResponder('on_post_item')).toEqual({ method: 'POST', suffix: 'item' });
    expect(parseResponder('on_startup')).toBeUndefined();
    expect(parseResponder('get')).toBeUndefined();
  });

  it('expands in-file resources (instances, bound names, suffixes, inherited responders) and static routes', async () => {
    const facts = await extractPython(falconRoutes, 'app.py', [
      'import falcon',
      'class Base:',
      '    def on_get(self, req, resp): pass',
      'class Things(Base):',
      '    def on_post(self, req, resp): pass',
      '    def on_get_item(self, req, resp, tid): pass',
      '    def on_delete_item(self, req, resp, tid): pass',
      'things = Things()',
      'app = falcon.App()',
      'app.add_route("/things", things)',
      'app.add_route("/things/{tid:int}", Things(), suffix="item")',
      'app.add_static_route("/assets/", "./public")',
    ].join('\n'));
    expect(routeLines(facts)).toEqual([
      'POST /things @app', 'GET /things @app', 'GET /things/{tid:int} @app', 'DELETE /things/{tid:int} @app', 'GET /assets/{filename} @app',
    ]);
    expect(ofKind(facts, 'router')[0]).toMatchObject({ ref: { path: ['app'] }, isApp: true });
    expect(ofKind(facts, 'route')[2]!.handler?.name).toBe('Things.on_get_item');
  });

  it('leaves imported resources to their view facts, keyed by suffix', async () => {
    const facts = await extractPython(falconRoutes, 'app.py', [
      'import falcon.asgi',
      'import resources',
      'app = falcon.asgi.App()',
      'app.add_route("/w/{wid}", resources.Widget(), suffix="detail")',
    ].join('\n'));
    const [route] = ofKind(facts, 'route');
    expect(route).toMatchObject({ method: 'ANY', path: '/w/{wid}', view: { ref: { path: ['resources', 'Widget', 'suffix:detail'] }, base: '/w/{wid}' } });
    const views = ofKind(await extractPython(falconViews, 'resources.py', [
      'class Widget:',
      '    def on_get(self, req, resp, wid): pass',
      '    def on_get_detail(self, req, resp, wid): pass',
      '    def on_patch_detail(self, req, resp, wid): pass',
      '    def helper(self): pass',
    ].join('\n')), 'view');
    expect(views.map((v) => `${v.ref.path.join('.')}: ${v.routes.map((r) => r.method).join(',')}`)).toEqual(['Widget: GET', 'Widget.suffix:detail: GET,PATCH']);
  });

  it('ignores add_route of other frameworks in files without falcon', async () => {
    const facts = await extractPython(falconRoutes, 'app.py', 'from starlette.applications import Starlette\napp = Starlette()\napp.add_route("/x", handler)\n');
    expect(facts).toEqual([]);
  });
});
