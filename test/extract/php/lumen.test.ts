import { describe, expect, it } from 'vitest';
import { lumenRoutes } from '../../../src/extract/php/laravel-routes.js';
import { extractPhp, ofKind, routeLines } from './parse.js';

const php = (...lines: string[]) => ['<?php', ...lines].join('\n');

describe('lumen/routes', () => {
  it('reads $router routes, addRoute and nested array groups with use ($router)', async () => {
    const facts = await extractPhp(lumenRoutes, 'routes/web.php', php(
      "$router->get('/', function () use ($router) { return $router->app->version(); });",
      "$router->post('/users', 'UserController@store');",
      "$router->group(['prefix' => 'api/v1', 'middleware' => 'auth'], function () use ($router) {",
      "    $router->get('/me', 'MeController@show');",
      "    $router->group(['prefix' => 'admin'], function () use ($router) {",
      "        $router->addRoute(['PUT', 'PATCH'], '/settings', 'SettingsController@update');",
      '    });',
      '});',
      "$app->delete('/old/{id}', 'OldController@destroy');",
    ));
    expect(routeLines(facts)).toEqual([
      'GET /', 'POST /users', 'GET /api/v1/me', 'PUT /api/v1/admin/settings', 'PATCH /api/v1/admin/settings', 'DELETE /old/{id}',
    ]);
    const routes = ofKind(facts, 'route');
    expect(routes.every((r) => r.framework === 'lumen')).toBe(true);
    expect(routes[2]!.middleware).toEqual([expect.objectContaining({ name: 'auth', role: 'auth' })]);
    expect(routes[3]!.location.startLine).toBe(7);
  });

  it('gives a route file required from a bootstrap/app.php group its prefix', async () => {
    const facts = await extractPhp(lumenRoutes, 'bootstrap/app.php', php(
      '$app = new Laravel\\Lumen\\Application(dirname(__DIR__));',
      "$app->router->group(['prefix' => 'v2'], function ($router) {",
      "    require __DIR__.'/../routes/web.php';",
      '});',
    ));
    expect(ofKind(facts, 'global-prefix')).toEqual([
      expect.objectContaining({ framework: 'lumen', prefix: 'v2', files: ['routes/web.php'] }),
    ]);
  });

  it('leaves Laravel facade and Slim route files alone', async () => {
    expect(await extractPhp(lumenRoutes, 'routes/web.php', php(
      'use Illuminate\\Support\\Facades\\Route;', "Route::group([], function ($router) { $router->get('/x', 'A@b'); });",
    ))).toEqual([]);
    expect(await extractPhp(lumenRoutes, 'routes/api.php', php(
      'use Slim\\App;', "$app->get('/x', function ($req, $res) { return $res; });",
    ))).toEqual([]);
  });
});
