import { describe, expect, it } from 'vitest';
import { laravelPrefixes } from '../../../src/extract/php/laravel-prefixes.js';
import { expandResource, emptyResourceOptions, singular } from '../../../src/extract/php/laravel-resources.js';
import { laravelRoutes } from '../../../src/extract/php/laravel-routes.js';
import { phpServiceEntry } from '../../../src/extract/php/service-entry.js';
import { extractPhp, ofKind, routeLines } from './parse.js';

const php = (...lines: string[]) => ['<?php', ...lines].join('\n');

describe('laravel/routes', () => {
  it('reads verb routes, match/any/view/redirect/addRoute and handler shapes', async () => {
    const facts = await extractPhp(laravelRoutes, 'routes/web.php', php(
      'use Illuminate\\Support\\Facades\\Route;',
      "Route::get('/', function () { return view('welcome'); });",
      "Route::post('users', [UserController::class, 'store'])->name('users.store');",
      "Route::put('/users/{id?}', 'UserController@update');",
      "Route::match(['get', 'post'], '/contact', fn () => 1);",
      "Route::any('/webhook', WebhookController::class);",
      "Route::view('/terms', 'terms');",
      "Route::redirect('/old', '/new');",
      "Route::addRoute(['PATCH', 'DELETE'], '/items/{item}', 'ItemController@change');",
      "Route::options('/cors', fn () => 1);",
    ));
    expect(routeLines(facts)).toEqual([
      'GET /', 'POST /users', 'PUT /users/{id}', 'GET /contact', 'POST /contact', 'ANY /webhook', 'GET /terms',
      'ANY /old', 'PATCH /items/{item}', 'DELETE /items/{item}', 'OPTIONS /cors',
    ]);
    const routes = ofKind(facts, 'route');
    expect(routes.map((r) => r.handler?.name)).toEqual([
      undefined, 'UserController@store', 'UserController@update', undefined, undefined, 'WebhookController', undefined,
      undefined, 'ItemController@change', 'ItemController@change', undefined,
    ]);
    expect(routes[1]!.location.startLine).toBe(4);
    expect(ofKind(facts, 'global-prefix')).toEqual([]);
  });

  it('resolves chained and array groups with prefixes, middleware and controller groups in-file', async () => {
    const facts = await extractPhp(laravelRoutes, 'routes/web.php', php(
      "Route::middleware('auth:sanctum')->get('/me', [UserController::class, 'me']);",
      "Route::prefix('admin')->middleware(['auth', 'throttle:60,1'])->group(function () {",
      "    Route::get('/users', 'UserController@index');",
      "    Route::group(['prefix' => 'v1', 'middleware' => 'jwt.auth'], function () {",
      "        Route::post('/sync', fn () => 1)->withoutMiddleware('throttle:60,1');",
      '    });',
      '});',
      "Route::controller(OrderController::class)->prefix('orders')->group(static fn () => Route::get('/{id}', 'show'));",
      "Route::prefix('tenant/{tenant}')->middleware('auth')->get('/dashboard', 'TenantController@show');",
      "Route::get('/open', fn () => 1);",
      "Route::group(['prefix' => 'legacy'], function ($router) { $router->get('/a', 'A@b'); });",
    ));
    expect(routeLines(facts)).toEqual([
      'GET /me', 'GET /admin/users', 'POST /admin/v1/sync', 'GET /orders/{id}', 'GET /tenant/{tenant}/dashboard', 'GET /open', 'GET /legacy/a',
    ]);
    const routes = ofKind(facts, 'route');
    expect(routes[0]!.middleware).toEqual([expect.objectContaining({ name: 'auth:sanctum', role: 'auth' })]);
    expect(routes[1]!.middleware?.map((m) => `${m.name}:${m.role}`)).toEqual(['auth:auth', 'throttle:60,1:rate-limit']);
    expect(routes[2]!.middleware?.map((m) => m.name)).toEqual(['auth', 'jwt.auth']);
    expect(routes[3]!.handler?.name).toBe('OrderController@show');
    expect(routes[4]!.middleware?.[0]?.role).toBe('auth');
    expect(routes[5]!.middleware).toBeUndefined();
  });

  it('does not register routes declared inside a route handler', async () => {
    const facts = await extractPhp(laravelRoutes, 'routes/web.php', php(
      "Route::get('/outer', function () {",
      "    Route::get('/phantom', fn () => 1);",
      '});',
    ));
    expect(routeLines(facts)).toEqual(['GET /outer']);
  });

  it('expands resources (only/except/parameters, nested, prefixed, api) as generated routes', async () => {
    const facts = await extractPhp(laravelRoutes, 'routes/web.php', php(
      "Route::resource('photos', PhotoController::class)->only(['index', 'show', 'update']);",
      "Route::apiResource('albums.songs', SongController::class)->except('destroy')->parameters(['albums' => 'record']);",
      "Route::resource('articles/{article}/comments', 'CommentController', ['only' => ['index', 'store', 'destroy']]);",
      "Route::resource('categories', CategoryController::class)->middleware('auth');",
    ));
    expect(routeLines(facts)).toEqual([
      'GET /photos', 'GET /photos/{photo}', 'PUT /photos/{photo}', 'PATCH /photos/{photo}',
      'GET /albums/{record}/songs', 'POST /albums/{record}/songs', 'GET /albums/{record}/songs/{song}',
      'PUT /albums/{record}/songs/{song}', 'PATCH /albums/{record}/songs/{song}',
      'GET /articles/{article}/comments', 'POST /articles/{article}/comments', 'DELETE /articles/{article}/comments/{comment}',
      'GET /categories', 'GET /categories/create', 'POST /categories', 'GET /categories/{category}', 'GET /categories/{category}/edit',
      'PUT /categories/{category}', 'PATCH /categories/{category}', 'DELETE /categories/{category}',
    ]);
    const routes = ofKind(facts, 'route');
    expect(routes.every((r) => r.origin === 'generated')).toBe(true);
    expect(routes[0]!.handler?.name).toBe('PhotoController@index');
    expect(routes[19]!.middleware?.[0]?.role).toBe('auth');
  });

  it('gives routes/api.php the default api prefix and prefixes files required inside groups', async () => {
    const facts = await extractPhp(laravelRoutes, 'backend/routes/api.php', php(
      "Route::get('/health', fn () => 1);",
      "Route::prefix('v2')->group(function () { require __DIR__.'/api/v2.php'; });",
    ));
    expect(routeLines(facts)).toEqual(['GET /health']);
    expect(ofKind(facts, 'global-prefix').map((g) => [g.prefix, g.files])).toEqual([
      ['api/v2', ['backend/routes/api/v2.php']],
      ['api', ['backend/routes/api.php']],
    ]);
  });

  it('leaves other frameworks\u2019 Route facades (ThinkPHP) and test files alone', async () => {
    const think = await extractPhp(laravelRoutes, 'route/app.php', php('use think\\facade\\Route;', "Route::get('hello/:name', 'index/hello');"));
    const tests = await extractPhp(laravelRoutes, 'tests/Feature/routes/web.php', php("Route::get('/x', fn () => 1);"));
    expect(think).toEqual([]);
    expect(tests).toEqual([]);
  });
});

describe('laravel/route-file-prefixes', () => {
  it('reads RouteServiceProvider groups: api stays the default, other prefixes become global prefixes', async () => {
    const facts = await extractPhp(laravelPrefixes, 'app/Providers/RouteServiceProvider.php', php(
      'class RouteServiceProvider extends ServiceProvider {',
      '  protected function mapApiRoutes() {',
      "    Route::prefix('api')->middleware('api')->namespace($this->namespace)->group(base_path('routes/api.php'));",
      "    Route::prefix('api/v1')->group(base_path('routes/api.php'));",
      "    Route::middleware('web')->group(base_path('routes/web.php'));",
      "    Route::group(['prefix' => 'admin', 'middleware' => 'auth'], function ($router) { require base_path('routes/admin.php'); });",
      '  }',
      '}',
    ));
    expect(ofKind(facts, 'global-prefix').map((g) => [g.prefix, g.files, g.location.startLine])).toEqual([
      ['v1', ['routes/api.php'], 5],
      ['admin', ['routes/admin.php'], 7],
    ]);
  });

  it('reads Laravel 11 withRouting(apiPrefix:) relative to bootstrap/app.php', async () => {
    const facts = await extractPhp(laravelPrefixes, 'svc/bootstrap/app.php', php(
      'return Application::configure(basePath: dirname(__DIR__))',
      "    ->withRouting(web: __DIR__.'/../routes/web.php', api: __DIR__.'/../routes/api.php', apiPrefix: 'api/admin')",
      '    ->create();',
    ));
    expect(ofKind(facts, 'global-prefix').map((g) => [g.prefix, g.files])).toEqual([['admin', ['svc/routes/api.php']]]);
    expect(routeLines(facts)).toEqual([]);
  });

  it('adds the health-check route withRouting(health:) registers', async () => {
    const facts = await extractPhp(laravelPrefixes, 'bootstrap/app.php', php(
      'return Application::configure(basePath: dirname(__DIR__))',
      "    ->withRouting(web: __DIR__.'/../routes/web.php', health: '/up')",
      '    ->create();',
    ));
    expect(routeLines(facts)).toEqual(['GET /up']);
    expect(ofKind(facts, 'route')[0]!.origin).toBe('generated');
  });
});

describe('laravel resources and entry', () => {
  it('singularises resource names approximately like Str::singular', () => {
    expect(['photos', 'categories', 'boxes', 'people', 'addresses', 'status', 'movies', 'news'].map(singular))
      .toEqual(['photo', 'category', 'box', 'person', 'address', 'status', 'movie', 'news']);
  });

  it('expands singletons and shallow nesting', () => {
    const options = emptyResourceOptions();
    expect(expandResource('singleton', 'profile', options).map((r) => `${r.method} ${r.path}`))
      .toEqual(['GET /profile', 'GET /profile/edit', 'PUT /profile', 'PATCH /profile']);
    expect(expandResource('apiResource', 'photos.comments', { ...options, shallow: true }).map((r) => `${r.method} ${r.path}`))
      .toEqual(['GET /photos/{photo}/comments', 'POST /photos/{photo}/comments', 'GET /comments/{comment}', 'PUT /comments/{comment}', 'PATCH /comments/{comment}', 'DELETE /comments/{comment}']);
  });

  it('marks public/index.php as the service entry', async () => {
    const laravel = await extractPhp(phpServiceEntry, 'public/index.php', php("$app = require_once __DIR__.'/../bootstrap/app.php';"));
    const symfony = await extractPhp(phpServiceEntry, 'public/index.php', php("return function (array $context) { return new Kernel($context['APP_ENV'], true); };"));
    expect(ofKind(laravel, 'service-entry').map((f) => [f.framework, f.location.startLine])).toEqual([['laravel', 2]]);
    expect(ofKind(symfony, 'service-entry').map((f) => f.framework)).toEqual(['symfony']);
  });
});
