import type { Extractor } from '../types.js';
import { cakephpRoutes } from './cakephp-routes.js';
import { codeigniterRoutes } from './codeigniter-routes.js';
import { drupalRestResources, drupalRoutes } from './drupal-routes.js';
import { hyperfRoutes } from './hyperf-routes.js';
import { laminasRoutes } from './laminas-routes.js';
import { laravelPrefixes } from './laravel-prefixes.js';
import { laravelRoutes, lumenRoutes } from './laravel-routes.js';
import { magentoRoutes } from './magento-routes.js';
import { mauticRoutes } from './mautic-routes.js';
import { phalconRoutes } from './phalcon-routes.js';
import { plainPhpEndpoints } from './plain-php.js';
import { phpServiceEntry } from './service-entry.js';
import { slimRoutes } from './slim-routes.js';
import { symfonyPhpConfigRoutes } from './symfony-php-config.js';
import { symfonyRoutes } from './symfony-routes.js';
import { symfonyYamlRoutes } from './symfony-yaml.js';
import { thinkphpRoutes } from './thinkphp-routes.js';
import { wordpressRoutes } from './wordpress-routes.js';
import { yiiRoutes } from './yii-routes.js';

/**
 * PHP frameworks: Laravel route files and route-file prefixes, Lumen, Symfony attributes/annotations, YAML
 * and PHP config, CodeIgniter, ThinkPHP, Laminas/Mezzio, CakePHP, Phalcon, Yii, Slim, Hyperf, WordPress,
 * Magento, Mautic, Drupal, and plain PHP scripts served at their own path.
 */
export const phpRouteExtractors: Extractor[] = [
  laravelRoutes, laravelPrefixes, symfonyRoutes, symfonyYamlRoutes, symfonyPhpConfigRoutes, phpServiceEntry,
  lumenRoutes, codeigniterRoutes, thinkphpRoutes, laminasRoutes, cakephpRoutes, phalconRoutes, yiiRoutes, slimRoutes,
  hyperfRoutes, wordpressRoutes, magentoRoutes, mauticRoutes, drupalRoutes, drupalRestResources, plainPhpEndpoints,
];
