import { describe, expect, it } from 'vitest';
import { symfonyPhpConfigRoutes } from '../../../src/extract/php/symfony-php-config.js';
import { symfonyYamlRoutes } from '../../../src/extract/php/symfony-yaml.js';
import { extractPhp, extractText, ofKind } from './parse.js';

const prefixes = (facts: ReturnType<typeof extractText>) => ofKind(facts, 'global-prefix').map((g) => `${g.prefix} ${g.files?.join(',')} @${g.location.startLine}`);

describe('symfony/yaml-routes imports of controller directories', () => {
  it('prefixes the attribute routes of the imported controllers', () => {
    const facts = extractText(symfonyYamlRoutes, 'config/routes.yaml', [
      'shop:',
      '    resource: routing.controllers',
      "    prefix: '/{_locale}'",
      'api:',
      '    resource: ../src/Api/Controller/',
      '    type: attribute',
      '    prefix: /api',
      'legacy:',
      '    resource:',
      '        path: ../src/Legacy/',
      '        namespace: App\\Legacy',
      '    type: annotation',
      '    prefix: /old',
      'flow:',
      '    resource: { path: ../src/Flow/, namespace: App\\Flow }',
      '    type: attribute',
      '    prefix: /flow',
      'one:',
      '    resource: ../src/Controller/PingController.php',
      '    type: attribute',
      '    prefix: /v1',
      'unprefixed:',
      '    resource: ../src/Other/',
      '    type: attribute',
    ].join('\n'));
    expect(prefixes(facts)).toEqual([
      '/{_locale} src/Controller/ @1',
      '/api src/Api/Controller/ @4',
      '/old src/Legacy/ @8',
      '/flow src/Flow/ @14',
      '/v1 src/Controller/PingController.php @18',
    ]);
  });

  it('maps bundle controller directories to src/ and keeps a sub-project root', () => {
    const bundle = extractText(symfonyYamlRoutes, 'app/config/routing.yml', [
      'app:',
      "    resource: '@AppBundle/Controller/'",
      '    type: annotation',
      '    prefix: /{_locale}',
    ].join('\n'));
    expect(prefixes(bundle)).toEqual(['/{_locale} src/AppBundle/Controller/ @1']);
    const nested = extractText(symfonyYamlRoutes, 'backend/config/routes.yaml', 'c:\n    resource: routing.controllers\n    prefix: /b\n');
    expect(prefixes(nested)).toEqual(['/b backend/src/Controller/ @1']);
  });
});

describe('symfony/php-config-routes imports', () => {
  it('reads $routes->import(dir, type)->prefix(p)', async () => {
    const facts = await extractPhp(symfonyPhpConfigRoutes, 'config/routes.php', [
      '<?php',
      'use Symfony\\Component\\Routing\\Loader\\Configurator\\RoutingConfigurator;',
      'return static function (RoutingConfigurator $routes): void {',
      "    $routes->import('../src/Controller/', 'attribute')->prefix('/admin');",
      "    $routes->import(['path' => '../src/Shop/', 'namespace' => 'App\\\\Shop'], 'attribute')->prefix('/shop');",
      "    $routes->import('routing.controllers');",
      '};',
    ].join('\n'));
    expect(prefixes(facts)).toEqual(['/admin src/Controller/ @4', '/shop src/Shop/ @5']);
  });
});
