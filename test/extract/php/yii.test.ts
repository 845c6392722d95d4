import { describe, expect, it } from 'vitest';
import { yiiPath, yiiRoutes } from '../../../src/extract/php/yii-routes.js';
import { extractPhp, ofKind, routeLines } from './parse.js';

const php = (...lines: string[]) => ['<?php', ...lines].join('\n');

describe('yii/routes', () => {
  it('reads urlManager rules: verb keys, array rules and REST rules', async () => {
    const facts = await extractPhp(yiiRoutes, 'config/web.php', php(
      "$config = ['components' => ['urlManager' => ['enablePrettyUrl' => true, 'rules' => [",
      "  'GET /posts' => 'post/index',",
      "  'PUT,PATCH /posts/<id:\\d+>' => 'post/update',",
      "  '/articles/<slug:[\\w-]+>' => 'article/view',",
      "  ['pattern' => 'feed/<fmt>', 'route' => 'feed/show', 'verb' => ['GET', 'HEAD']],",
      "  ['class' => \\yii\\rest\\UrlRule::class, 'controller' => 'category', 'except' => ['delete', 'update', 'create']],",
      ']]]];',
    ));
    expect(routeLines(facts)).toEqual([
      'GET /posts', 'PUT /posts/{id}', 'PATCH /posts/{id}', 'GET /articles/{slug}', 'GET /feed/{fmt}', 'HEAD /feed/{fmt}',
      'GET /categories/{id}', 'GET /categories',
    ]);
    expect(ofKind(facts, 'route')[1]!.handler?.name).toBe('post/update');
    expect(ofKind(facts, 'route')[0]!.location.startLine).toBe(3);
  });

  it('reads default controller/action routes of web and active controllers', async () => {
    const web = await extractPhp(yiiRoutes, 'modules/shop/controllers/OrderItemController.php', php(
      'namespace app\\modules\\shop\\controllers;',
      'use yii\\web\\Controller;',
      'class OrderItemController extends Controller {',
      "  public function actionIndex() { return Yii::$app->request->get('page'); }",
      "  public function actionAddNote() { return Yii::$app->request->post('note'); }",
      '  public function actions() { return []; }',
      '  private function actionHidden() {}',
      '}',
    ));
    expect(routeLines(web)).toEqual(['GET /shop/order-item/index', 'GET /shop/order-item/add-note', 'POST /shop/order-item/add-note']);
    const rest = await extractPhp(yiiRoutes, 'controllers/UserController.php', php(
      'namespace app\\controllers;',
      'use yii\\rest\\ActiveController;',
      'class UserController extends ActiveController { public function actionMe() { return 1; } }',
    ));
    expect(routeLines(rest)).toEqual([
      'GET /user/index', 'GET /user/view', 'POST /user/create', 'PUT /user/update', 'PATCH /user/update', 'DELETE /user/delete',
      'OPTIONS /user/options', 'GET /user/me',
    ]);
  });

  it('skips console controllers', async () => {
    const facts = await extractPhp(yiiRoutes, 'commands/MigrateController.php', php(
      'namespace app\\commands;', 'use yii\\console\\Controller;', 'class MigrateController extends Controller { public function actionUp() {} }',
    ));
    expect(facts).toEqual([]);
    expect(yiiPath('a/<id:\\d{2,3}>/<b>')).toBe('a/{id}/{b}');
  });
});
