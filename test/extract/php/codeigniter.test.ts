import { describe, expect, it } from 'vitest';
import { codeigniterPath, codeigniterRoutes } from '../../../src/extract/php/codeigniter-routes.js';
import { extractPhp, ofKind, routeLines } from './parse.js';

const php = (...lines: string[]) => ['<?php', ...lines].join('\n');

describe('codeigniter/routes', () => {
  it('reads verb, add, match and map routes with placeholders', async () => {
    const facts = await extractPhp(codeigniterRoutes, 'app/Config/Routes.php', php(
      "$routes->get('/', 'Home::index');",
      "$routes->put('users/(:num)', 'Users::update/$1');",
      "$routes->add('hook', 'Hook::any');",
      "$routes->match(['get', 'post'], 'contact', [Contact::class, 'form']);",
      "$routes->map(['a/(:any)' => 'A::x', 'b' => 'B::y']);",
      "$other->get('ignored', 'X::y');",
    ));
    expect(routeLines(facts)).toEqual(['GET /', 'PUT /users/{num}', 'ANY /hook', 'GET /contact', 'POST /contact', 'ANY /a/{any}', 'ANY /b']);
    const routes = ofKind(facts, 'route');
    expect(routes[1]!.handler?.name).toBe('Users::update/$1');
    expect(routes[3]!.handler?.name).toBe('Contact::form');
    expect(routes[1]!.location.startLine).toBe(3);
  });

  it('expands resource and presenter routes with only/except', async () => {
    const facts = await extractPhp(codeigniterRoutes, 'app/Config/Routes.php', php(
      "$routes->resource('photos', ['only' => ['index', 'update']]);",
      "$routes->presenter('posts', ['except' => 'show,new,edit,update,remove,delete']);",
    ));
    expect(routeLines(facts)).toEqual(['GET /photos', 'PUT /photos/{id}', 'PATCH /photos/{id}', 'GET /posts', 'POST /posts/create']);
    expect(ofKind(facts, 'route').every((r) => r.origin === 'generated')).toBe(true);
  });

  it('joins nested group prefixes, keeps filters and enters environment blocks', async () => {
    const facts = await extractPhp(codeigniterRoutes, 'modules/Blog/Config/Routes.php', php(
      "$routes->group('admin', ['filter' => 'auth'], function ($r) {",
      "    $r->get('dash', 'Admin::dash');",
      "    $r->group('t/(:num)', function ($r) { $r->post('x/(:num)', 'T::x'); });",
      '});',
      "$routes->environment('development', function ($routes) { $routes->get('debug', 'D::i'); });",
      "$routes->get('cb', function () use ($routes) { $routes->get('phantom', 'P::p'); });",
    ));
    expect(routeLines(facts)).toEqual(['GET /admin/dash', 'POST /admin/t/{num}/x/{num2}', 'GET /debug', 'GET /cb']);
    const routes = ofKind(facts, 'route');
    expect(routes[0]!.middleware).toEqual([expect.objectContaining({ name: 'auth', role: 'auth' })]);
    expect(routes[2]!.middleware).toBeUndefined();
  });

  it('ignores files that are not CodeIgniter route files', async () => {
    const facts = await extractPhp(codeigniterRoutes, 'src/routes.php', php("$routes->get('x', 'A::b');"));
    expect(facts).toEqual([]);
    expect(codeigniterPath('a/(:segment)/(:hash)')).toBe('a/{segment}/{hash}');
  });

  it('reads CodeIgniter 3 $route assignments, with verb keys and reserved keys skipped', async () => {
    const facts = await extractPhp(codeigniterRoutes, 'application/config/routes.php', php(
      "$route['default_controller'] = 'welcome';",
      "$route['404_override'] = '';",
      "$route['products/(:num)'] = 'catalog/product/$1';",
      "$route['api/users']['POST'] = 'users/create';",
      "$route['api/users/(:num)']['delete'] = 'users/remove/$1';",
    ));
    expect(routeLines(facts)).toEqual(['ANY /products/{num}', 'POST /api/users', 'DELETE /api/users/{num}']);
    expect(ofKind(facts, 'route')[0]!.handler?.name).toBe('catalog/product/$1');
    expect(ofKind(facts, 'route')[0]!.location.startLine).toBe(4);
  });
});
