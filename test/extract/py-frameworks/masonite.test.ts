import { describe, expect, it } from 'vitest';
import { masonitePath, masoniteRoutes } from '../../../src/extract/masonite/routes.js';
import { extractPython, ofKind, routeLines } from './parse.js';

describe('masonite/routes', () => {
  it('turns @param, typed @param and ?optional segments into {param}', () => {
    expect(masonitePath('/users/@id:integer/?slug')).toBe('/users/{id}/{slug}');
    expect(masonitePath('welcome/@name')).toBe('/welcome/{name}');
  });

  it('reads Route helpers, nested group prefixes, resource/api expansions, any and match', async () => {
    const facts = await extractPython(masoniteRoutes, 'routes/web.py', [
      'from masonite.routes import Route',
      'ROUTES = [',
      '    Route.get("/", "Welcome@show"),',
      '    Route.group([',
      '        Route.get("/", Users.index).name("x"),',
      '        Route.group([Route.put("/p", Users.put)], prefix="inner"),',
      '    ], prefix="/outer"),',
      '    *Route.api("books", "BookController"),',
      '    Route.any("/hook", Hooks.run),',
      '    Route.match(["put", "PATCH"], "/t/@id", Users.touch),',
      '    Route.view("/about", "about"),',
      ']',
    ].join('\n'));
    expect(routeLines(facts)).toEqual([
      'GET /',
      'GET /outer',
      'PUT /outer/inner/p',
      'GET /books', 'POST /books', 'GET /books/{id}', 'PUT /books/{id}', 'PATCH /books/{id}', 'DELETE /books/{id}',
      'GET /hook', 'POST /hook', 'PUT /hook', 'PATCH /hook', 'DELETE /hook', 'OPTIONS /hook',
      'PUT /t/{id}', 'PATCH /t/{id}',
      'GET /about',
    ]);
    const routes = ofKind(facts, 'route');
    expect(routes[0]!.handler?.name).toBe('Welcome@show');
    expect(routes[0]!.location.startLine).toBe(3);
    expect(routes.find((r) => r.path === '/books/{id}' && r.method === 'DELETE')?.handler?.name).toBe('BookController@destroy');
  });

  it('expands Route.resource with create and edit pages', async () => {
    const facts = await extractPython(masoniteRoutes, 'routes/web.py', 'from masonite.routes import Route\nROUTES = [*Route.resource("posts", "PostController")]\n');
    expect(routeLines(facts)).toEqual([
      'GET /posts', 'GET /posts/create', 'POST /posts', 'GET /posts/{id}', 'GET /posts/{id}/edit', 'PUT /posts/{id}', 'PATCH /posts/{id}', 'DELETE /posts/{id}',
    ]);
  });

  it('reads Masonite 2 route classes and RouteGroup', async () => {
    const facts = await extractPython(masoniteRoutes, 'routes/web.py', [
      'from masonite.routes import Get, Post, Match, RouteGroup',
      'ROUTES = [',
      '    Get("/home", "HomeController@show"),',
      '    RouteGroup([Post("/save", "X@save"), Match(["GET", "DELETE"], "/m", "X@m")], prefix="/g"),',
      ']',
    ].join('\n'));
    expect(routeLines(facts)).toEqual(['GET /home', 'POST /g/save', 'GET /g/m', 'DELETE /g/m']);
  });

  it('ignores files without a masonite import and Route objects of other libraries', async () => {
    const facts = await extractPython(masoniteRoutes, 'routes/web.py', 'from other import Route\nROUTES = [Route.get("/x", "A@b")]\n');
    expect(facts).toEqual([]);
  });
});
