import { describe, expect, it } from 'vitest';
import { PYRAMID_ROUTE_NAMESPACE, pyramidPattern, pyramidRoutes } from '../../../src/extract/pyramid/routes.js';
import { extractPython, ofKind, routeLines } from './parse.js';

describe('pyramid/routes', () => {
  it('normalises star remainders and missing leading slashes', () => {
    expect(pyramidPattern('files/*subpath')).toBe('/files/{subpath}');
    expect(pyramidPattern('/u/{id:\\d+}')).toBe('/u/{id:\\d+}');
  });

  it('turns add_route into placeholders keyed by route name, and add_static_view into a route', async () => {
    const facts = await extractPython(pyramidRoutes, 'routes.py', [
      'def includeme(config):',
      '    config.add_route("home", "/")',
      '    config.add_route(pattern="/about", name="about")',
      '    config.add_static_view("assets", "pkg:static")',
      '    config.add_static_view(name="http://cdn.example.com/s", path="pkg:static")',
    ].join('\n'));
    expect(routeLines(facts)).toEqual(['ANY /', 'ANY /about', 'GET /assets/{subpath}']);
    expect(ofKind(facts, 'route')[1]!.view).toEqual({ ref: { file: PYRAMID_ROUTE_NAMESPACE, path: ['about'] }, base: '/about' });
  });

  it('groups view_config, view_defaults and add_view methods per route name', async () => {
    const facts = await extractPython(pyramidRoutes, 'views.py', [
      'from pyramid.view import view_config, view_defaults',
      '@view_config(route_name="home", request_method="GET")',
      'def home(request): pass',
      '@view_config(route_name="home", request_method=("POST", "put"))',
      'def home_write(request): pass',
      '@view_config(route_name="any")',
      'def anything(request): pass',
      '@view_defaults(route_name="orders")',
      'class Orders:',
      '    @view_config(request_method="GET")',
      '    def list(self): pass',
      '    @view_config(route_name="order", request_method="DELETE")',
      '    def drop(self): pass',
      'def main(config):',
      '    config.add_view(ping, route_name="ping", request_method="GET")',
    ].join('\n'));
    expect(ofKind(facts, 'view').map((v) => `${v.ref.path[0]}: ${v.routes.map((r) => `${r.method} ${r.handler?.name}`).join(', ')}`)).toEqual([
      'home: GET home, POST home_write, PUT home_write',
      'any: ANY anything',
      'orders: GET Orders.list',
      'order: DELETE Orders.drop',
      'ping: GET ping',
    ]);
    expect(ofKind(facts, 'route')).toEqual([]);
  });

  it('applies route_prefix_context blocks', async () => {
    const facts = await extractPython(pyramidRoutes, 'routes.py', [
      'def includeme(config):',
      '    with config.route_prefix_context("api"):',
      '        config.add_route("a", "/a")',
      '        with config.route_prefix_context(route_prefix="/v1/"):',
      '            config.add_route("b", "b/{id}")',
      '    config.add_route("c", "/c")',
    ].join('\n'));
    expect(routeLines(facts)).toEqual(['ANY /api/a', 'ANY /api/v1/b/{id}', 'ANY /c']);
  });

  it('ignores add_route calls of other frameworks', async () => {
    const facts = await extractPython(pyramidRoutes, 'app.py', 'import falcon\napp = falcon.App()\napp.add_route("/x", Things())\n');
    expect(facts).toEqual([]);
  });
});
