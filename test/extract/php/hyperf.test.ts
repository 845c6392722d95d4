import { describe, expect, it } from 'vitest';
import { hyperfRoutes } from '../../../src/extract/php/hyperf-routes.js';
import { extractPhp, ofKind, routeLines } from './parse.js';

const php = (...lines: string[]) => ['<?php', ...lines].join('\n');

describe('hyperf/routes', () => {
  it('reads config routes, addRoute and nested groups with middleware', async () => {
    const facts = await extractPhp(hyperfRoutes, 'config/routes.php', php(
      'use Hyperf\\HttpServer\\Router\\Router;',
      "Router::addRoute(['GET', 'POST'], '/items', [App\\Controller\\ItemController::class, 'index']);",
      "Router::addServer('http', function () {",
      "  Router::addGroup('/api/v1', function () {",
      "    Router::get('/me', 'App\\Controller\\AuthController@me');",
      "    Router::addGroup('/admin', function () { Router::delete('/users/{id}', [AdminController::class, 'destroy']); }, ['middleware' => [JwtAuthMiddleware::class]]);",
      '  });',
      '});',
    ));
    expect(routeLines(facts)).toEqual(['GET /items', 'POST /items', 'GET /api/v1/me', 'DELETE /api/v1/admin/users/{id}']);
    const routes = ofKind(facts, 'route');
    expect(routes[0]!.handler?.name).toBe('ItemController@index');
    expect(routes[3]!.middleware).toEqual([expect.objectContaining({ name: 'JwtAuthMiddleware', role: 'auth' })]);
    expect(routes[2]!.middleware).toBeUndefined();
  });

  it('joins relative mapping paths to the prefix and keeps absolute ones, like DispatcherFactory', async () => {
    const facts = await extractPhp(hyperfRoutes, 'app/Controller/UserController.php', php(
      'namespace App\\Controller;',
      'use Hyperf\\HttpServer\\Annotation\\Controller;',
      '#[Controller(prefix: "/users")]',
      'class UserController {',
      '  #[GetMapping(path: "")] public function index() {}',
      '  #[PostMapping(path: "/")] public function store() {}',
      '  #[RequestMapping(path: "{id}", methods: "GET,DELETE")] public function show() {}',
      '  #[PutMapping] public function rename() {}',
      '  #[RequestMapping(path: "any")] public function any() {}',
      '}',
    ));
    expect(routeLines(facts)).toEqual([
      'GET /users', 'POST /', 'GET /users/{id}', 'DELETE /users/{id}', 'PUT /users/rename', 'GET /users/any', 'POST /users/any',
    ]);
  });

  it('reads docblock annotations and AutoController with the default prefix', async () => {
    const doc = await extractPhp(hyperfRoutes, 'app/Controller/IndexController.php', php(
      'namespace App\\Controller;',
      'use Hyperf\\HttpServer\\Annotation\\Controller;',
      '/**\n * @Controller()\n */',
      'class OrderItemController {',
      '  /**\n   * @GetMapping(path="list")\n   */',
      '  public function list() {}',
      '}',
    ));
    expect(routeLines(doc)).toEqual(['GET /order_item/list']);
    const auto = await extractPhp(hyperfRoutes, 'app/Controller/Admin/UserController.php', php(
      'namespace App\\Controller\\Admin;',
      'use Hyperf\\HttpServer\\Annotation\\AutoController;',
      '#[AutoController]',
      'class UserController { public function index() {} private function hidden() {} public function __construct() {} }',
    ));
    expect(routeLines(auto)).toEqual([
      'GET /admin/user/index', 'GET /admin/user', 'POST /admin/user/index', 'POST /admin/user', 'HEAD /admin/user/index', 'HEAD /admin/user',
    ]);
  });
});
