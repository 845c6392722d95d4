import type { Extractor } from '../types.js';
import { laravelPrefixes } from './laravel-prefixes.js';
import { laravelRoutes } from './laravel-routes.js';
import { phpServiceEntry } from './service-entry.js';
import { symfonyPhpConfigRoutes } from './symfony-php-config.js';
import { symfonyRoutes } from './symfony-routes.js';
import { symfonyYamlRoutes } from './symfony-yaml.js';

/** PHP frameworks: Laravel route files and route-file prefixes, Symfony attributes/annotations, YAML and PHP config. */
export const phpRouteExtractors: Extractor[] = [
  laravelRoutes, laravelPrefixes, symfonyRoutes, symfonyYamlRoutes, symfonyPhpConfigRoutes, phpServiceEntry,
];
