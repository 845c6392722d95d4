// Fastify routes: `fastify()` apps, shorthand verbs with options, `route({ method, url, handler })`,
// plugins (`register(plugin, { prefix })`, `fp(fn)`, inline plugins), hooks and schema tags.
import type { Extractor } from '../types.js';
import { scanVerbRoutes } from '../express/verb-routes.js';

export const fastifyRoutes: Extractor = {
  id: 'fastify/routes',
  languages: ['javascript', 'typescript'],
  // Plugin files often import nothing: Fastify-only calls and `reply` handlers mark them too.
  keywords: ['fastify', 'Fastify', 'reply', 'addHook', '.register(', '.decorate('],
  extract: (file) => scanVerbRoutes(file, 'fastify'),
};
