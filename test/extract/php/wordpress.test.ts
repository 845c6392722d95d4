import { describe, expect, it } from 'vitest';
import { wordpressPath, wordpressRoutes } from '../../../src/extract/php/wordpress-routes.js';
import { extractPhp, ofKind, routeLines } from './parse.js';

const php = (...lines: string[]) => ['<?php', ...lines].join('\n');

describe('wordpress/routes', () => {
  it('reads register_rest_route with method strings, lists and WP_REST_Server constants', async () => {
    const facts = await extractPhp(wordpressRoutes, 'includes/rest.php', php(
      "add_action('rest_api_init', function () {",
      "  register_rest_route('shop/v1', '/orders/(?P<id>\\d+)', ['methods' => WP_REST_Server::EDITABLE, 'callback' => 'upd', 'permission_callback' => 'can_edit']);",
      "  register_rest_route('shop/v1/', 'carts', array('methods' => array('GET', 'DELETE'), 'callback' => 'carts', 'permission_callback' => '__return_true'));",
      "  register_rest_route('shop/v1', '/ping', ['callback' => 'ping']);",
      "  register_rest_route('shop/v1', '/multi', [['methods' => 'GET', 'callback' => 'a'], ['methods' => 'POST,PUT', 'callback' => 'b']]);",
      "  register_rest_route($dynamic, '/skip', ['methods' => 'GET']);",
      '});',
    ));
    expect(routeLines(facts)).toEqual([
      'POST /wp-json/shop/v1/orders/{id}', 'PUT /wp-json/shop/v1/orders/{id}', 'PATCH /wp-json/shop/v1/orders/{id}',
      'GET /wp-json/shop/v1/carts', 'DELETE /wp-json/shop/v1/carts', 'GET /wp-json/shop/v1/ping',
      'GET /wp-json/shop/v1/multi', 'POST /wp-json/shop/v1/multi', 'PUT /wp-json/shop/v1/multi',
    ]);
    const routes = ofKind(facts, 'route');
    expect(routes[0]!.middleware).toEqual([expect.objectContaining({ name: 'permission_callback: can_edit', role: 'auth' })]);
    expect(routes[3]!.middleware).toBeUndefined();
    expect(routes[0]!.handler?.name).toBe('upd');
    expect(routes[0]!.location.startLine).toBe(3);
  });

  it('resolves $this->namespace from the class property', async () => {
    const facts = await extractPhp(wordpressRoutes, 'includes/class-c.php', php(
      'class C extends WP_REST_Controller {',
      "  protected $namespace = 'books/v2';",
      "  public function register_routes() { register_rest_route($this->namespace, '/books', ['methods' => 'GET', 'callback' => [$this, 'list']]); }",
      '}',
    ));
    expect(routeLines(facts)).toEqual(['GET /wp-json/books/v2/books']);
    expect(ofKind(facts, 'route')[0]!.handler?.name).toBe('$this::list');
  });

  it('reads ajax and admin-post hooks; logged-in only without a nopriv hook', async () => {
    const facts = await extractPhp(wordpressRoutes, 'plugin.php', php(
      "add_action('wp_ajax_load', 'load');",
      "add_action('wp_ajax_nopriv_load', 'load');",
      "add_action('admin_post_export', 'export');",
      "add_action('init', 'boot');",
    ));
    expect(routeLines(facts)).toEqual([
      'GET /wp-admin/admin-ajax.php?action=load', 'POST /wp-admin/admin-ajax.php?action=load',
      'GET /wp-admin/admin-post.php?action=export', 'POST /wp-admin/admin-post.php?action=export',
    ]);
    const routes = ofKind(facts, 'route');
    expect(routes[0]!.middleware).toBeUndefined();
    expect(routes[2]!.middleware?.[0]?.role).toBe('auth');
  });

  it('turns route regexes into parameters', () => {
    expect(wordpressPath('/items/(?P<type>(post|page))')).toBe('/items/{type}');
    expect(wordpressPath('/optional(?:/(?P<id>\\d+))?')).toBe('/optional/{id}');
  });
});
