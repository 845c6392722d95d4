import { describe, expect, it } from 'vitest';
import { flaskAppbuilderRoutes } from '../../../src/extract/flask-appbuilder/routes.js';
import { extractPython, ofKind, routeLines } from './parse.js';

describe('flask-appbuilder/routes', () => {
  it('prefixes exposed methods with route_base or the default view / API base', async () => {
    const facts = await extractPython(flaskAppbuilderRoutes, 'views.py', [
      'from flask_appbuilder import BaseView, ModelView, expose, has_access',
      'from flask_appbuilder.api import BaseApi, expose as api_expose',
      'class Base(BaseApi):',
      '    version = "v2"',
      'class DatabaseApi(Base):',
      '    resource_name = "Database"',
      '    @api_expose("/<int:pk>/connection", methods=("GET", "PUT"))',
      '    def connection(self, pk): pass',
      'class Plain(BaseApi):',
      '    @api_expose("/")',
      '    def root(self): pass',
      'class LayerView(BaseView):',
      '    route_base = "/layers"',
      '    @expose("/list/")',
      '    @has_access',
      '    def list(self): pass',
      'class Users(ModelView):',
      '    @expose("/stats")',
      '    def stats(self): pass',
      '    def helper(self): pass',
    ].join('\n'));
    expect(routeLines(facts)).toEqual([
      'GET /api/v2/database/<int:pk>/connection', 'PUT /api/v2/database/<int:pk>/connection', 'GET /api/v1/plain', 'GET /layers/list/', 'GET /users/stats',
    ]);
    expect(ofKind(facts, 'route')[3]!.middleware?.map((m) => m.name)).toEqual(['has_access']);
  });

  it('ignores classes that do not derive from Flask-AppBuilder views', async () => {
    const facts = await extractPython(flaskAppbuilderRoutes, 'v.py', 'import flask_appbuilder\nfrom other import BaseView, expose\nclass V(BaseView):\n    @expose("/x")\n    def x(self): pass\n');
    expect(facts).toEqual([]);
  });
});
