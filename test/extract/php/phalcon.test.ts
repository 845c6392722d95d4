import { describe, expect, it } from 'vitest';
import { phalconRoutes } from '../../../src/extract/php/phalcon-routes.js';
import { extractPhp, ofKind, routeLines } from './parse.js';

const php = (...lines: string[]) => ['<?php', ...lines].join('\n');

describe('phalcon/routes', () => {
  it('reads Micro routes, via() and collections with a prefix', async () => {
    const facts = await extractPhp(phalconRoutes, 'public/index.php', php(
      'use Phalcon\\Mvc\\Micro;',
      'use Phalcon\\Mvc\\Micro\\Collection as MicroCollection;',
      '$app = new Micro();',
      "$app->get('/', function () { echo 'x'; });",
      "$app->map('/login', function () {})->via(['GET', 'POST']);",
      '$c = new MicroCollection();',
      "$c->setPrefix('/invoices');",
      "$c->post('/add', 'add');",
      '$app->mount($c);',
      "$other->get('/nope', 'x');",
    ));
    expect(routeLines(facts)).toEqual(['GET /', 'GET /login', 'POST /login', 'POST /invoices/add']);
    expect(ofKind(facts, 'route')[3]!.location.startLine).toBe(9);
  });

  it('reads router verbs, add with via or without a method, and groups', async () => {
    const facts = await extractPhp(phalconRoutes, 'app/config/router.php', php(
      'use Phalcon\\Mvc\\Router;',
      '$router = new Router(false);',
      "$router->addPost('/p', 'Products::save');",
      "$router->add('/u', 'Products::update')->via(['POST', 'PUT']);",
      "$router->add('/i', ['controller' => 'info', 'action' => 'show']);",
      "$blog = new Router\\Group(['controller' => 'index']);",
      "$blog->setPrefix('/blog');",
      "$blog->add('/edit/{id}', ['action' => 'edit']);",
    ));
    expect(routeLines(facts)).toEqual(['POST /p', 'POST /u', 'PUT /u', 'GET /i', 'GET /blog/edit/{id}']);
    expect(ofKind(facts, 'route').map((r) => r.handler?.name)).toEqual([
      'Products::save', 'Products::update', 'Products::update', 'info::show', '::edit',
    ]);
  });

  it('reads annotation routes, and default routes of controllers without annotations', async () => {
    const annotated = await extractPhp(phalconRoutes, 'app/controllers/ProductsController.php', php(
      'use Phalcon\\Mvc\\Controller;',
      "/**\n * @RoutePrefix('/api/products')\n */",
      'class ProductsController extends Controller {',
      "  /**\n   * @Get('/search')\n   */",
      '  public function searchAction() {}',
      "  /**\n   * @Route('/save', methods={'POST', 'PUT'})\n   */",
      '  public function saveAction() {}',
      '  public function listAction() {}',
      '}',
    ));
    expect(routeLines(annotated)).toEqual(['GET /api/products/search', 'POST /api/products/save', 'PUT /api/products/save']);
    const plain = await extractPhp(phalconRoutes, 'app/controllers/UserProfilesController.php', php(
      'use Phalcon\\Mvc\\Controller;',
      'class UserProfilesController extends Controller {',
      '  public function indexAction() {}',
      '  public function showAction($id) {}',
      '  private function helperAction() {}',
      '  public function helper() {}',
      '}',
    ));
    expect(routeLines(plain)).toEqual(['GET /user_profiles', 'GET /user_profiles/show/{id}']);
    expect(ofKind(plain, 'route')[1]!.origin).toBe('generated');
  });
});
