import { describe, expect, it } from 'vitest';
import { cakephpRoutes, dasherize } from '../../../src/extract/php/cakephp-routes.js';
import { extractPhp, ofKind, routeLines } from './parse.js';

const php = (...lines: string[]) => ['<?php', ...lines].join('\n');

describe('cakephp/routes', () => {
  it('reads verbs, connect with setMethods/_method, nested scopes and prefixes', async () => {
    const facts = await extractPhp(cakephpRoutes, 'config/routes.php', php(
      'use Cake\\Routing\\RouteBuilder;',
      'return static function (RouteBuilder $routes) {',
      "  $routes->scope('/', function (RouteBuilder $b) {",
      "    $b->connect('/', ['controller' => 'Pages', 'action' => 'display']);",
      "    $b->connect('/pages/*', ['controller' => 'Pages', 'action' => 'display']);",
      "    $b->connect('/out', ['controller' => 'Users', 'action' => 'logout'])->setMethods(['POST']);",
      "    $b->connect('/in', ['controller' => 'Users', 'action' => 'login', '_method' => 'PUT']);",
      "    $b->scope('/admin', function (RouteBuilder $b) { $b->get('/users', 'Users::index'); });",
      '  });',
      "  $routes->prefix('ManageTeam', function (RouteBuilder $b) { $b->post('/x', ['controller' => 'X']); });",
      "  $routes->prefix('v10', ['path' => '/v1.0'], function (RouteBuilder $b) { $b->get('/status', ['controller' => 'Api', 'action' => 'status']); });",
      '};',
      "Router::scope('/legacy', function (RouteBuilder $routes) { $routes->get('/ping', ['controller' => 'L']); });",
    ));
    expect(routeLines(facts)).toEqual([
      'GET /', 'GET /pages/*', 'POST /out', 'PUT /in', 'GET /admin/users', 'POST /manage-team/x', 'GET /v1.0/status', 'GET /legacy/ping',
    ]);
    const routes = ofKind(facts, 'route');
    expect(routes.map((r) => r.handler?.name)).toEqual([
      'Pages::display', 'Pages::display', 'Users::logout', 'Users::login', 'Users::index', 'X::index', 'Api::status', 'L::index',
    ]);
    expect(routes[2]!.location.startLine).toBe(7);
  });

  it('expands resources with the dasherized URL name, only, map and nesting', async () => {
    const facts = await extractPhp(cakephpRoutes, 'config/routes.php', php(
      "$routes->resources('BlogPosts', ['only' => ['index', 'delete'], 'map' => ['publish' => ['action' => 'publish', 'method' => 'POST']]]);",
      "$routes->resources('Articles', function ($routes) { $routes->resources('Comments', ['only' => ['index']]); });",
    ));
    expect(routeLines(facts)).toEqual([
      'GET /blog-posts', 'DELETE /blog-posts/{id}', 'POST /blog-posts/publish',
      'GET /articles', 'POST /articles', 'GET /articles/{id}', 'PUT /articles/{id}', 'PATCH /articles/{id}', 'DELETE /articles/{id}',
      'GET /articles/{article_id}/comments',
    ]);
    expect(ofKind(facts, 'route')[0]!.origin).toBe('generated');
  });

  it('only reads CakePHP route files', async () => {
    expect(await extractPhp(cakephpRoutes, 'src/other.php', php("$routes->get('/x', 'A::b'); // RouteBuilder"))).toEqual([]);
    expect(dasherize('SeedPackets')).toBe('seed-packets');
  });
});
