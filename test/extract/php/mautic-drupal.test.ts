import { describe, expect, it } from 'vitest';
import { drupalRestResources, drupalRoutes } from '../../../src/extract/php/drupal-routes.js';
import { mauticRoutes } from '../../../src/extract/php/mautic-routes.js';
import { extractPhp, extractText, ofKind, routeLines } from './parse.js';

describe('mautic/routes', () => {
  it('mounts main under /s, api under /api and public at the root, with their guards', async () => {
    const facts = await extractPhp(mauticRoutes, 'app/bundles/TestBundle/Config/config.php', [
      '<?php',
      "return ['routes' => [",
      "  'main' => ['a' => ['path' => '/test/{objectId}', 'controller' => 'X\\\\TestController::executeAction', 'method' => 'POST']],",
      "  'public' => ['b' => ['path' => '/public/ping', 'controller' => 'X\\\\PublicController::pingAction']],",
      "  'api' => ['c' => ['path' => '/widgets/new', 'method' => 'GET|POST'], 'd' => ['standard_entity' => true, 'path' => '/notes']],",
      ']];',
    ].join('\n'));
    expect(routeLines(facts)).toEqual([
      'POST /s/test/{objectId}', 'GET /public/ping', 'GET /api/widgets/new', 'POST /api/widgets/new',
      'GET /api/notes', 'GET /api/notes/{id}', 'POST /api/notes/new', 'POST /api/notes/batch/new',
      'PATCH /api/notes/{id}/edit', 'PUT /api/notes/{id}/edit', 'PATCH /api/notes/batch/edit', 'PUT /api/notes/batch/edit',
      'DELETE /api/notes/{id}/delete', 'DELETE /api/notes/batch/delete',
    ]);
    const routes = ofKind(facts, 'route');
    expect(routes[0]!.middleware?.[0]?.role).toBe('auth');
    expect(routes[1]!.middleware).toBeUndefined();
    expect(routes[0]!.handler?.name).toBe('TestController::executeAction');
    expect(routes[0]!.location.startLine).toBe(3);
  });

  it('only reads bundle config files', async () => {
    expect(await extractPhp(mauticRoutes, 'config/app.php', "<?php\nreturn ['routes' => ['main' => ['a' => ['path' => '/x']]]];")).toEqual([]);
  });
});

describe('drupal/routes', () => {
  it('reads routing.yml paths, methods, handlers and access requirements', () => {
    const facts = extractText(drupalRoutes, 'web/modules/custom/example/example.routing.yml', [
      'example.list:',
      "  path: '/example'",
      '  defaults:',
      "    _controller: '\\Drupal\\example\\Controller\\ExampleController::listing'",
      '  requirements:',
      "    _access: 'TRUE'",
      '',
      'example.revision:',
      "  path: '/node/{node}/example/{revision}'",
      "  defaults: { _form: '\\Drupal\\example\\Form\\RevisionForm', _title: 'Revision' }",
      '  methods: [GET, POST]',
      "  requirements: { _permission: 'access content' }",
      '',
      '# dynamic routes',
      'example.dynamic:',
      '  route_callbacks:',
      "    - '\\Drupal\\example\\Routing\\ExampleRoutes::routes'",
    ].join('\n'));
    expect(routeLines(facts)).toEqual(['GET /example', 'GET /node/{node}/example/{revision}', 'POST /node/{node}/example/{revision}']);
    const routes = ofKind(facts, 'route');
    expect(routes[0]!.handler?.name).toBe('Drupal\\example\\Controller\\ExampleController::listing');
    expect(routes[0]!.middleware).toBeUndefined();
    expect(routes[1]!.middleware).toEqual([expect.objectContaining({ name: '_permission: access content', role: 'auth' })]);
    expect(routes[1]!.handler?.name).toBe('Drupal\\example\\Form\\RevisionForm');
    expect(routes[1]!.location.startLine).toBe(8);
  });

  it('ignores other YAML files', () => {
    expect(extractText(drupalRoutes, 'config/routes.yaml', "a:\n  path: '/x'")).toEqual([]);
  });
});

describe('drupal/rest-resources', () => {
  it('serves public verb methods at the canonical path and post at the create path', async () => {
    const doc = await extractPhp(drupalRestResources, 'web/modules/custom/x/src/Plugin/rest/resource/Item.php', [
      '<?php',
      '/**',
      ' * @RestResource(',
      ' *   id = "x_item",',
      ' *   label = @Translation("Item"),',
      ' *   uri_paths = {',
      ' *     "canonical" = "/api/items/{id}",',
      ' *     "create" = "/api/items"',
      ' *   }',
      ' * )',
      ' */',
      'class Item extends ResourceBase {',
      '  public function get($id) {}',
      '  public function post(array $data) {}',
      '  public function patch($id, array $data) {}',
      '  private function delete($id) {}',
      '  public function helper() {}',
      '}',
    ].join('\n'));
    expect(routeLines(doc)).toEqual(['GET /api/items/{id}', 'POST /api/items', 'PATCH /api/items/{id}']);
    expect(ofKind(doc, 'route')[0]!.handler?.name).toBe('Item::get');
    const attr = await extractPhp(drupalRestResources, 'web/modules/custom/x/src/Plugin/rest/resource/Tag.php', [
      '<?php',
      "#[RestResource(id: 'tag', label: new TranslatableMarkup('Tag'), uri_paths: ['canonical' => '/api/tags/{tag}'])]",
      'class Tag extends ResourceBase { public function post(array $d) {} public function delete($tag) {} }',
    ].join('\n'));
    expect(routeLines(attr)).toEqual(['POST /api/tags/{tag}', 'DELETE /api/tags/{tag}']);
  });
});
