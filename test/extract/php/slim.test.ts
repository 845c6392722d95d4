import { describe, expect, it } from 'vitest';
import { slimRoutes } from '../../../src/extract/php/slim-routes.js';
import { extractPhp, ofKind, routeLines } from './parse.js';

const php = (...lines: string[]) => ['<?php', ...lines].join('\n');

describe('slim/routes', () => {
  it('reads verbs, map, any, redirect and nested groups with middleware', async () => {
    const facts = await extractPhp(slimRoutes, 'public/index.php', php(
      'use Slim\\Factory\\AppFactory;',
      '$app = AppFactory::create();',
      "$app->get('/', function ($req, $res) { return $res; });",
      "$app->map(['GET', 'POST'], '/login', LoginAction::class);",
      "$app->any('/hook', [HookController::class, 'handle']);",
      "$app->redirect('/old', '/new');",
      "$app->group('/api', function (\\Slim\\Routing\\RouteCollectorProxy $group) {",
      "    $group->get('/items/{id}', ItemAction::class);",
      "    $group->group('/admin', function (RouteCollectorProxy $admin) { $admin->delete('/cache', ClearCache::class); });",
      '})->add(new AuthMiddleware());',
      "$other->get('/nope', X::class);",
    ));
    expect(routeLines(facts)).toEqual([
      'GET /', 'GET /login', 'POST /login', 'ANY /hook', 'ANY /old', 'GET /api/items/{id}', 'DELETE /api/admin/cache',
    ]);
    const routes = ofKind(facts, 'route');
    expect(routes[3]!.handler?.name).toBe('HookController:handle');
    expect(routes[5]!.middleware).toEqual([expect.objectContaining({ name: 'AuthMiddleware', role: 'auth' })]);
    expect(routes[0]!.middleware).toBeUndefined();
    expect(routes[5]!.location.startLine).toBe(9);
  });

  it('reads app/routes.php closures typed App and Slim 3 groups using $this', async () => {
    const facts = await extractPhp(slimRoutes, 'app/routes.php', php(
      'use Slim\\App;',
      'return function (App $application) {',
      "    $application->group('/v1', function () { $this->post('/orders', 'OrderController:create'); });",
      '};',
    ));
    expect(routeLines(facts)).toEqual(['POST /v1/orders']);
  });

  it('applies $app->add() middleware to every route of the app', async () => {
    const facts = await extractPhp(slimRoutes, 'public/index.php', php(
      'use Slim\\Factory\\AppFactory;',
      '$app = AppFactory::create();',
      "$app->get('/a', A::class);",
      '$app->add(new Tuupola\\Middleware\\JwtAuthentication([]));',
      '$app->addErrorMiddleware(true, true, true);',
    ));
    expect(ofKind(facts, 'route')[0]!.middleware).toEqual([expect.objectContaining({ name: 'Tuupola\\Middleware\\JwtAuthentication', role: 'auth' })]);
  });
});
