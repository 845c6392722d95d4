// Call-declared JVM routes: functional routers, WebSocket / static resource registries and Spring
// Cloud Gateway route locators.
import type { Fact } from '../../core/facts.js';
import type { Extractor } from '../types.js';
import { functionalRouteFacts } from './functional-routes.js';
import { isTestSource, outlineOf } from './outline.js';
import { registryRouteFacts } from './registry-routes.js';

export const jvmCallRoutes: Extractor = {
  id: 'jvm/call-routes',
  languages: ['java', 'kotlin'],
  keywords: ['RouterFunction', 'router {', 'coRouter', 'Router {', 'addEndpoint', 'addHandler', 'addResourceHandler', 'addViewController', 'addRedirectViewController', 'addStatusController', 'RouteLocator'],
  extract(parsed) {
    if (isTestSource(parsed.path)) return [];
    const file = outlineOf(parsed);
    if (!file) return [];
    const facts: Fact[] = [];
    if (['RouterFunction', 'router {', 'Router {', 'coRouter'].some((k) => parsed.text.includes(k))) facts.push(...functionalRouteFacts(file));
    facts.push(...registryRouteFacts(file, parsed.text));
    return facts;
  },
};
