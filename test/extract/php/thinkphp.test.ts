import { describe, expect, it } from 'vitest';
import { thinkphpRoutes } from '../../../src/extract/php/thinkphp-routes.js';
import { extractPhp, ofKind, routeLines } from './parse.js';

const php = (...lines: string[]) => ['<?php', ...lines].join('\n');

describe('thinkphp/routes', () => {
  it('reads route files: verbs, rule methods, resources and groups', async () => {
    const facts = await extractPhp(thinkphpRoutes, 'route/app.php', php(
      'use think\\facade\\Route;',
      "Route::get('hello/:name', 'index/hello');",
      "Route::rule('up', 'index/up', 'PUT|PATCH');",
      "Route::rule('all', 'index/all');",
      "Route::any('x', 'index/x');",
      "Route::group('admin', function () { Route::post('users', 'admin/User/save'); });",
      "Route::resource('blog', 'Blog');",
    ));
    expect(routeLines(facts)).toEqual([
      'GET /hello/:name', 'PUT /up', 'PATCH /up', 'ANY /all', 'ANY /x', 'POST /admin/users',
      'GET /blog', 'GET /blog/create', 'POST /blog', 'GET /blog/:id', 'GET /blog/:id/edit', 'PUT /blog/:id', 'DELETE /blog/:id',
    ]);
    expect(ofKind(facts, 'route')[0]!.handler?.name).toBe('index/hello');
  });

  it('puts the routes of a multi-app route file under the app name', async () => {
    const facts = await extractPhp(thinkphpRoutes, 'app/shop/route/app.php', php(
      'use think\\facade\\Route;', "Route::get('orders', 'Order/list');",
    ));
    expect(routeLines(facts)).toEqual(['GET /shop/orders']);
  });

  it('reads controller attributes, docblocks and default controller/action URLs', async () => {
    const facts = await extractPhp(thinkphpRoutes, 'app/controller/admin/UserInfoController.php', php(
      'namespace app\\controller\\admin;',
      'use think\\Controller;',
      'class UserInfoController extends Controller {',
      "    #[Route('home', 'GET')]",
      "    public function index() { return input('page'); }",
      '    /**',
      '     * @Route("profile/:id", "GET|POST")',
      '     */',
      "    public function saveAll() { $x = input('post.name'); }",
      '    private function hidden() {}',
      '}',
    ));
    expect(routeLines(facts)).toEqual([
      'GET /home',
      'GET /admin/user_info/index', 'GET /admin/user_info', 'GET /admin.user_info/index', 'GET /admin.user_info',
      'GET /profile/:id', 'POST /profile/:id',
      'GET /admin/user_info/save_all', 'POST /admin/user_info/save_all',
      'GET /admin.user_info/save_all', 'POST /admin.user_info/save_all',
    ]);
    expect(ofKind(facts, 'route')[0]!.handler?.name).toBe('UserInfoController::index');
  });

  it('ignores files that do not use ThinkPHP', async () => {
    const facts = await extractPhp(thinkphpRoutes, 'app/controller/Plain.php', php('class Plain { public function index() {} }'));
    expect(facts).toEqual([]);
  });
});
