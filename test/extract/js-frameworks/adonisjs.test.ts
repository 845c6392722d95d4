import { describe, expect, it } from 'vitest';
import { adonisRoutes } from '../../../src/extract/adonisjs/routes.js';
import { endpointsOf, extractJs, ofKind, routeLines } from './parse.js';

describe('adonisjs/routes', () => {
  it('reads verb calls, any, route() and on() on the imported router, and ignores other receivers', () => {
    const facts = extractJs(adonisRoutes, 'start/routes.ts', [
      "import router from '@adonisjs/core/services/router'",
      "import env from '#start/env'",
      "router.get('/', 'HomeController.index')",
      "router.post('users', [UsersController, 'store'])",
      "router.any('/hook', 'HookController.handle')",
      "router.route('/multi', ['GET', 'post'], 'MultiController.handle')",
      "router.on('/about').render('pages/about')",
      "router.on('/old').redirect('/new')",
      "env.get('KEY')",
      "session.get('plan')",
      "query.delete('*')",
    ]);
    expect(routeLines(facts)).toEqual([
      'GET /', 'POST /users', 'ANY /hook', 'GET /multi', 'POST /multi', 'GET /about', 'GET /old',
    ]);
    const post = ofKind(facts, 'route')[1]!;
    expect(post.handler?.name).toBe('UsersController.store');
    expect(post.location.startLine).toBe(4);
  });

  it('joins nested group prefixes and collects group middleware', () => {
    const facts = extractJs(adonisRoutes, 'start/routes.ts', [
      "import Route from '@ioc:Adonis/Core/Route'",
      'Route.group(() => {',
      "  Route.get('/users/:id', 'UsersController.show')",
      '  Route.group(() => {',
      "    Route.patch('/posts/:postId', 'PostsController.patch')",
      "  }).prefix('/blog').middleware('auth')",
      "}).prefix('/api/v1')",
      "Route.get('/after', 'X.y').prefix('/v2')",
    ]);
    expect(routeLines(facts)).toEqual(['GET /api/v1/users/:id', 'PATCH /api/v1/blog/posts/:postId', 'GET /v2/after']);
    expect(ofKind(facts, 'route')[1]!.middleware?.map((m) => `${m.name}:${m.role}`)).toEqual(['auth:auth']);
    expect(ofKind(facts, 'route')[0]!.middleware).toBeUndefined();
  });

  it('expands resources with apiOnly, only, except, nesting and shallow resources', () => {
    const facts = extractJs(adonisRoutes, 'start/routes.js', [
      "const Route = use('Route')",
      "Route.resource('articles', 'ArticlesController').apiOnly()",
      "Route.resource('tags', 'TagsController').only(['index', 'show'])",
      "Route.resource('posts.comments', 'CommentsController').except(['create', 'edit', 'update', 'destroy'])",
      "Route.shallowResource('posts.likes', 'LikesController').only(['show'])",
      "Route.resource('photos', 'PhotosController').only(['create', 'edit'])",
    ]);
    expect(routeLines(facts)).toEqual([
      'GET /articles', 'POST /articles', 'GET /articles/:id', 'PUT /articles/:id', 'PATCH /articles/:id', 'DELETE /articles/:id',
      'GET /tags', 'GET /tags/:id',
      'GET /posts/:post_id/comments', 'POST /posts/:post_id/comments', 'GET /posts/:post_id/comments/:id',
      'GET /likes/:id',
      'GET /photos/create', 'GET /photos/:id/edit',
    ]);
    expect(ofKind(facts, 'route')[0]!.handler?.name).toBe('ArticlesController.index');
    expect(ofKind(facts, 'route')[0]!.origin).toBe('generated');
  });

  it('skips test files and files without the router import', () => {
    expect(extractJs(adonisRoutes, 'tests/api.spec.ts', ["import Route from '@adonisjs/core/services/router'", "Route.get('/x', () => 1)"])).toEqual([]);
    expect(extractJs(adonisRoutes, 'start/other.ts', ["Route.get('/x', () => 1)"])).toEqual([]);
  });

  it('gives fully resolved endpoints through the model', () => {
    expect(endpointsOf({
      'start/routes.ts': [
        "import router from '@adonisjs/core/services/router'",
        "router.group(() => { router.get('/users/:id', 'U.show') }).prefix('/api')",
      ],
    })).toEqual(['GET /api/users/{id}']);
  });
});
