import { describe, expect, it } from 'vitest';
import { laminasRoutes, laminasSegmentPath } from '../../../src/extract/php/laminas-routes.js';
import { extractPhp, ofKind, routeLines } from './parse.js';

const php = (...lines: string[]) => ['<?php', ...lines].join('\n');

describe('laminas/routes', () => {
  it('reads router config: literal, segment, regex spec, part, method, hostname and child routes', async () => {
    const facts = await extractPhp(laminasRoutes, 'module/App/config/module.config.php', php(
      'return [',
      "  'router' => ['routes' => [",
      "    'home' => ['type' => Literal::class, 'options' => ['route' => '/', 'defaults' => ['controller' => HomeController::class, 'action' => 'index']]],",
      "    'user' => ['type' => Segment::class, 'options' => ['route' => '/users[/:id]']],",
      "    'dl' => ['type' => 'Regex', 'options' => ['regex' => '/dl/(?<id>[0-9]+)', 'spec' => '/dl/%id%']],",
      "    'api' => ['type' => Literal::class, 'options' => ['route' => '/api'], 'child_routes' => [",
      "      'post' => ['type' => Method::class, 'options' => ['verb' => 'post'], 'child_routes' => [",
      "        'items' => ['type' => Literal::class, 'options' => ['route' => '/items']],",
      '      ]],',
      '    ]],',
      "    'host' => ['type' => Hostname::class, 'options' => ['route' => 'a.example'], 'child_routes' => [",
      "      'status' => ['type' => Literal::class, 'options' => ['route' => '/status']],",
      '    ]],',
      "    'part' => ['type' => 'Part', 'route' => ['type' => Literal::class, 'options' => ['route' => '/blog']], 'may_terminate' => true, 'child_routes' => [",
      "      'rss' => ['type' => Literal::class, 'options' => ['route' => '/rss']],",
      '    ]],',
      '  ]],',
      '];',
    ));
    expect(routeLines(facts)).toEqual(['GET /', 'GET /users/{id}', 'GET /dl/{id}', 'POST /api/items', 'GET /status', 'GET /blog', 'GET /blog/rss']);
    const routes = ofKind(facts, 'route');
    expect(routes[0]!.handler?.name).toBe('HomeController::index');
    expect(routes[0]!.location.startLine).toBe(4);
  });

  it('reads Mezzio application routes', async () => {
    const facts = await extractPhp(laminasRoutes, 'config/routes.php', php(
      'use Mezzio\\Application;',
      'use Mezzio\\Router\\Route;',
      'return static function (Application $application): void {',
      "  $application->get('/a', AHandler::class);",
      "  $application->route('/b/{id}', BHandler::class, ['GET', 'PATCH']);",
      "  $application->route('/c', CHandler::class);",
      "  $application->route('/d', DHandler::class, Route::HTTP_METHOD_ANY);",
      "  $application->delete('/e/{id:\\d+}', function ($request) { return 1; });",
      '};',
    ));
    expect(routeLines(facts)).toEqual(['GET /a', 'GET /b/{id}', 'PATCH /b/{id}', 'ANY /c', 'ANY /d', 'DELETE /e/{id:\\d+}']);
    expect(ofKind(facts, 'route')[0]!.handler?.name).toBe('AHandler');
  });

  it('normalises segment routes', () => {
    expect(laminasSegmentPath('/locale/:locale{-}[-:slug]')).toBe('/locale/{locale}-{slug}');
    expect(laminasSegmentPath('/app[/:action[/:id]]')).toBe('/app/{action}/{id}');
  });
});
