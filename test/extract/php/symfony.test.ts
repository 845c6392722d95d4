import { describe, expect, it } from 'vitest';
import { parseDocAnnotations, annotationStrings } from '../../../src/extract/php/doc-annotations.js';
import { cleanSymfonyPath, symfonyRoutes } from '../../../src/extract/php/symfony-routes.js';
import { symfonyPhpConfigRoutes } from '../../../src/extract/php/symfony-php-config.js';
import { symfonyYamlRoutes } from '../../../src/extract/php/symfony-yaml.js';
import { extractPhp, extractText, ofKind, routeLines } from './parse.js';

const php = (...lines: string[]) => ['<?php', 'namespace App\\Controller;', 'use Symfony\\Component\\Routing\\Attribute\\Route;', ...lines].join('\n');

describe('symfony/routes', () => {
  it('joins the class #[Route] prefix with method attributes, named args and METHOD_* constants', async () => {
    const facts = await extractPhp(symfonyRoutes, 'src/Controller/ProductController.php', php(
      "#[Route('/api/products', name: 'product_')]",
      '#[IsGranted(\'ROLE_USER\')]',
      'class ProductController extends AbstractController',
      '{',
      "    #[Route('', name: 'list', methods: ['GET'])]",
      '    public function list(): Response { return new Response(); }',
      '',
      '    #[Route(',
      "        path: '/{id<\\d+>}',",
      '        methods: [Request::METHOD_PUT, Request::METHOD_PATCH]',
      '    )]',
      "    #[OA\\Tag(name: 'products')]",
      '    public function update(int $id): Response { return new Response(); }',
      '',
      "    #[Route('/{slug}/any')]",
      '    public function any(): Response { return new Response(); }',
      '',
      '    public function helper(): void {}',
      '}',
    ));
    expect(routeLines(facts)).toEqual(['GET /api/products', 'PUT /api/products/{id}', 'PATCH /api/products/{id}', 'ANY /api/products/{slug}/any']);
    const routes = ofKind(facts, 'route');
    expect(routes.map((r) => r.location.startLine)).toEqual([8, 11, 11, 18]);
    expect(routes[1]!.handler?.name).toBe('ProductController::update');
    expect(routes[1]!.openapiTags).toEqual(['products']);
    expect(routes[0]!.middleware).toEqual([expect.objectContaining({ name: 'IsGranted', role: 'auth' })]);
  });

  it('reads @Route docblock annotations, @Method and invokable controllers', async () => {
    const facts = await extractPhp(symfonyRoutes, 'src/Controller/UserController.php', php(
      '/**',
      ' * @Route("/api/users")',
      ' */',
      'class UserController',
      '{',
      '    /**',
      '     * Lists users.',
      '     * @Route("/{id}", name="user_show", methods={"GET", "DELETE"})',
      '     */',
      '    public function show(int $id) {}',
      '',
      '    /**',
      '     * @Route("/legacy")',
      '     * @Method({"POST"})',
      '     */',
      '    public function legacy() {}',
      '}',
      "#[Route('/health', methods: 'GET')]",
      'final class HealthController { public function __invoke() {} }',
    ));
    expect(routeLines(facts)).toEqual(['GET /api/users/{id}', 'DELETE /api/users/{id}', 'POST /api/users/legacy', 'GET /health']);
    expect(ofKind(facts, 'route')[0]!.location.startLine).toBe(11);
  });

  it('skips test directories and files without Symfony routing imports', async () => {
    const tests = await extractPhp(symfonyRoutes, 'tests/Controller/XTest.php', php("class XTest { #[Route('/t')] public function t() {} }"));
    const other = await extractPhp(symfonyRoutes, 'src/X.php', "<?php\nclass X { #[Route('get', '/t')] public function t() {} }");
    expect(tests).toEqual([]);
    expect(other).toEqual([]);
  });

  it('cleans requirement and default syntax from path parameters', () => {
    expect(cleanSymfonyPath('/blog/{page<\\d+>?1}/{slug}/{code<[a-z]{2}>}')).toBe('/blog/{page}/{slug}/{code}');
  });

  it('parses nested annotation values', () => {
    const [a] = parseDocAnnotations('/**\n * @OA\\Get(path="/x", tags={"a", "b"}, @OA\\Response(response=200))\n */');
    expect(a!.name).toBe('OA\\Get');
    expect(a!.line).toBe(1);
    expect(annotationStrings(a!.named.get('tags'))).toEqual(['a', 'b']);
  });
});

describe('symfony/yaml-routes', () => {
  it('reads path/methods/controller entries and prefixed imports of route files', () => {
    const facts = extractText(symfonyYamlRoutes, 'config/routes.yaml', [
      '# routes',
      'api_health:',
      '    path: /api/health',
      '    methods: [GET, HEAD]',
      '    controller: App\\Controller\\HealthController::check',
      '',
      'webhook:',
      "    path: '/webhooks/{provider}'",
      '    methods: POST',
      '',
      'blog_index:',
      '    path: /blog/{page<\\d+>}',
      '    defaults:',
      '        _controller: App\\Controller\\BlogController::index',
      '    methods:',
      '        - GET',
      '',
      'admin:',
      '    resource: routes/admin.yaml',
      '    prefix: /admin',
      '',
      'controllers:',
      '    resource: ../src/Controller/',
      '    type: attribute',
      '',
      'when@dev:',
      '    _errors:',
      '        path: /_error',
    ].join('\n'));
    expect(routeLines(facts)).toEqual(['GET /api/health', 'HEAD /api/health', 'POST /webhooks/{provider}', 'GET /blog/{page}']);
    const routes = ofKind(facts, 'route');
    expect(routes.map((r) => r.location.startLine)).toEqual([2, 2, 7, 11]);
    expect(routes[0]!.handler?.name).toBe('App\\Controller\\HealthController::check');
    expect(routes[3]!.handler?.name).toBe('App\\Controller\\BlogController::index');
    expect(ofKind(facts, 'global-prefix').map((g) => [g.prefix, g.files])).toEqual([['/admin', ['config/routes/admin.yaml']]]);
  });

  it('ignores YAML that is not routing configuration', () => {
    expect(extractText(symfonyYamlRoutes, 'config/services.yaml', 'x:\n    path: /a\n')).toEqual([]);
  });
});

describe('symfony/php-config-routes', () => {
  it('reads $routes->add() chains with controller and methods', async () => {
    const facts = await extractPhp(symfonyPhpConfigRoutes, 'config/routes.php', [
      '<?php',
      'use Symfony\\Component\\Routing\\Loader\\Configurator\\RoutingConfigurator;',
      'return function (RoutingConfigurator $routes): void {',
      "    $routes->add('blog_list', '/blog/{page<\\d+>}')",
      "        ->controller([BlogController::class, 'list'])",
      "        ->methods(['GET', 'HEAD']);",
      "    $routes->add('any', '/any');",
      '};',
    ].join('\n'));
    expect(routeLines(facts)).toEqual(['GET /blog/{page}', 'HEAD /blog/{page}', 'ANY /any']);
    expect(ofKind(facts, 'route')[0]!.handler?.name).toBe('BlogController::list');
    expect(ofKind(facts, 'route')[0]!.location.startLine).toBe(4);
  });
});
