// HTTP method names as PHP frameworks write them, and test-path detection for PHP projects.
import type { HttpMethod } from '../../core/facts.js';

/**
 * The HTTP QUERY method (draft-ietf-httpbis-safe-method-w-body). `HttpMethod` in core/facts.ts does
 * not list it yet (requested as an additive change); kept in one place so the cast goes away with it.
 */
export const QUERY_METHOD = 'QUERY' as HttpMethod;

const METHODS: Record<string, HttpMethod> = {
  GET: 'GET', POST: 'POST', PUT: 'PUT', PATCH: 'PATCH', DELETE: 'DELETE', HEAD: 'HEAD', OPTIONS: 'OPTIONS',
  TRACE: 'TRACE', CONNECT: 'CONNECT', ANY: 'ANY', QUERY: QUERY_METHOD,
};

/** 'get' / 'GET' / 'METHOD_GET' -> 'GET'; undefined for anything else. */
export function toMethod(name: string): HttpMethod | undefined {
  const upper = name.trim().toUpperCase().replace(/^METHOD_/, '');
  return METHODS[upper];
}

/** Files of a test suite (PHPUnit `tests/` or Symfony `Tests/`), whose routes serve no traffic. */
export function isPhpTestPath(path: string): boolean {
  return /(^|\/)(tests?|Tests?|spec|specs)\//.test(path) || /Test\.php$/.test(path);
}
