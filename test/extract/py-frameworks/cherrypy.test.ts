import { describe, expect, it } from 'vitest';
import { CHERRYPY_TREE, cherrypyRoutes } from '../../../src/extract/cherrypy/routes.js';
import { extractPython, ofKind, routeLines } from './parse.js';

describe('cherrypy/routes', () => {
  it('maps exposed methods to paths with one segment per required parameter', async () => {
    const facts = await extractPython(cherrypyRoutes, 'app.py', [
      'import cherrypy',
      'class Users(object):',
      '    @cherrypy.expose',
      '    def index(self): pass',
      '    @cherrypy.expose()',
      '    def profile(self, user_id, tab=None): pass',
      '    @cherrypy.expose',
      '    def default(self, *rest, **kw): pass',
      '    def legacy(self, a): pass',
      '    legacy.exposed = True',
      '    def hidden(self): pass',
    ].join('\n'));
    expect(routeLines(facts)).toEqual(['GET / @Users', 'GET /profile/{user_id} @Users', 'GET /{rest} @Users', 'GET /legacy/{a} @Users']);
  });

  it('reads MethodDispatcher resources, child objects and tree mounts', async () => {
    const facts = await extractPython(cherrypyRoutes, 'app.py', [
      'import cherrypy',
      'from res import Reports',
      'class Item(object):',
      '    exposed = True',
      '    def GET(self, item_id): pass',
      '    def DELETE(self, item_id): pass',
      'class Root(object):',
      '    item = Item()',
      '    def __init__(self):',
      '        self.reports = Reports()',
      '        self.count = len([])',
      'root = Root()',
      'cherrypy.quickstart(root, "/")',
      'cherrypy.tree.mount(Item(), "/api", {})',
    ].join('\n'));
    expect(routeLines(facts)).toEqual(['GET /{item_id} @Item', 'DELETE /{item_id} @Item']);
    expect(ofKind(facts, 'mount').map((m) => `${m.parent.path[0]} ${m.prefix} ${m.child.path.join('.')}`)).toEqual([
      'Root /item Item', 'Root /reports Reports', `${CHERRYPY_TREE} / Root`, `${CHERRYPY_TREE} /api Item`,
    ]);
  });
});
