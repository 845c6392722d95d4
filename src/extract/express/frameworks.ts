// Which package creates which router object, per JS framework. Syntax-free tables plus small
// recognisers used by the shared verb-DSL scanner (router-scan.ts).
import type { HttpMethod } from '../../core/facts.js';

export type JsFramework = 'express' | 'koa' | 'fastify' | 'hono';

const PACKAGES: Record<JsFramework, RegExp> = {
  express: /^express$/,
  koa: /^(koa|koa-router|@koa\/router|koa-tree-router)$/,
  fastify: /^(fastify|fastify-plugin)$/,
  hono: /^(hono|hono\/.+|@hono\/.+)$/,
};

/** The framework a package belongs to, if it is one of ours. */
export function frameworkOfPackage(source: string): JsFramework | undefined {
  for (const fw of ['express', 'koa', 'fastify', 'hono'] as const) if (PACKAGES[fw].test(source)) return fw;
  return undefined;
}

/**
 * The HTTP QUERY method (draft-ietf-httpbis-safe-method-w-body). `HttpMethod` in core/facts.ts does
 * not list it yet; requested as an additive change. Kept in one place so the cast goes away with it.
 */
export const QUERY_METHOD = 'QUERY' as HttpMethod;

const BASE_METHODS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', options: 'OPTIONS', head: 'HEAD',
  all: 'ANY', query: QUERY_METHOD,
};

/** Method of a verb call (`app.get`, `router.del`, `app.Post`), by framework; undefined when not a verb. */
export function verbMethod(framework: JsFramework, name: string): HttpMethod | undefined {
  const lower = name.toLowerCase();
  // Only the exact lower-case name or a capitalised one (`.Post`), never `GET`/`gEt`.
  if (name !== lower && name !== lower[0]!.toUpperCase() + lower.slice(1)) return undefined;
  if (framework === 'koa' && lower === 'del') return 'DELETE';
  if (framework === 'hono' && lower === 'head') return undefined; // Hono has no app.head()
  return BASE_METHODS[lower];
}

/** Method names accepted in `app.on('GET', ...)`, `route({ method })`, Parse `this.route('GET', ...)`. */
export function methodFromString(value: string): HttpMethod | undefined {
  const upper = value.trim().toUpperCase();
  switch (upper) {
    case 'GET': case 'POST': case 'PUT': case 'PATCH': case 'DELETE': case 'OPTIONS': case 'HEAD': case 'TRACE': case 'CONNECT':
      return upper;
    case 'ALL': case 'ANY': case '*':
      return 'ANY';
    case 'QUERY':
      return QUERY_METHOD;
    default:
      return undefined;
  }
}

/** Other server frameworks with an Express-like verb DSL: their files are not claimed by ours. */
const OTHER_SERVERS = /^(restify|restify-router|@hapi\/.+|hapi|elysia|@elysiajs\/.+|polka|@tinyhttp\/.+|h3|@feathersjs\/.+|@adonisjs\/.+|@loopback\/.+|@nestjs\/.+|sails|@oak\/.+|next|next\/.+|moleculer-web|micro)$/;

export function isOtherServerImport(source: string): boolean {
  return OTHER_SERVERS.test(source);
}

/** Packages that mark a file as browser code: calls on imported objects there are HTTP clients. */
const FRONTEND = /^(vue|vuex|pinia|react|react-dom|preact|svelte|solid-js|@angular\/.+|@apollo\/datasource-rest|@apollo\/client|@reduxjs\/toolkit|redux|next\/(router|navigation|link)|nuxt|@nuxt\/.+)$|\.(vue|svelte)$/;

export function isFrontendImport(source: string): boolean {
  return FRONTEND.test(source);
}

/** Files whose routes are test scaffolding, not the service's surface. */
export function isTestFile(path: string): boolean {
  return /(^|\/)(__tests__|__mocks__|test|tests|spec|e2e)\//.test(path) || /\.(test|spec|e2e-spec)\.[cm]?[jt]sx?$/.test(path);
}

/** Parameter names that stand for an app or router handed to a route-registering function. */
export function isServerParamName(name: string): boolean {
  return /^(app|application|router|server|srv|api|routes|fastify|instance|hono|koa|express)$/i.test(name)
    || /.(Router|App|Server)$/.test(name);
}

/** TS type names of app/router parameters, by framework (undefined: not a router type). */
export function frameworkOfType(typeName: string): JsFramework | 'any' | undefined {
  const last = typeName.split('.').pop() ?? typeName;
  if (/^Fastify(Instance|PluginAsync|PluginCallback|TypeProvider.*)$/.test(last)) return 'fastify';
  if (/^(Hono|OpenAPIHono)$/.test(last)) return 'hono';
  if (/^(Koa|KoaRouter)$/.test(last) || typeName.startsWith('Koa.')) return 'koa';
  if (/^(Express|Application|IRouter|Router)$/.test(last)) return typeName.startsWith('Koa') ? 'koa' : 'express';
  return undefined;
}
