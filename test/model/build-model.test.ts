import { describe, expect, it } from 'vitest';
import type { Fact, MiddlewareRef, RefExpr } from '../../src/core/facts.js';
import type { LanguageId, Location } from '../../src/core/types.js';
import { buildModel } from '../../src/model/build-model.js';

const at = (file: string, line: number): Location => ({ file, startLine: line, startColumn: 1, endLine: line, endColumn: 10 });
const ref = (file: string, ...path: string[]): RefExpr => ({ file, path });
const auth: MiddlewareRef = { name: 'requireAuth', role: 'auth' };

function model(facts: Fact[], files: string[], extra: { roots?: string[]; moai?: boolean } = {}) {
  const language = (p: string): LanguageId => (p.endsWith('.py') ? 'python' : p.endsWith('.ts') ? 'typescript' : 'javascript');
  return buildModel({ facts, files: files.map((path) => ({ path, language: language(path) })), serviceRoots: extra.roots ?? [''], hasMoaiDir: extra.moai ?? false });
}
const routes = (m: ReturnType<typeof model>) => m.endpoints.map((e) => `${e.method} ${e.path}`);

describe('buildModel: Express-style routers across files', () => {
  const files = ['src/app.js', 'src/routes/index.js', 'src/routes/users.js'];
  const facts: Fact[] = [
    { kind: 'router', framework: 'express', ref: ref('src/app.js', 'app'), isApp: true, location: at('src/app.js', 3) },
    { kind: 'import', language: 'javascript', local: 'routes', source: './routes', imported: 'default', location: at('src/app.js', 1) },
    { kind: 'mount', framework: 'express', parent: ref('src/app.js', 'app'), child: ref('src/app.js', 'routes'), prefix: '/api', location: at('src/app.js', 5) },
    { kind: 'router', framework: 'express', ref: ref('src/routes/index.js', 'router'), location: at('src/routes/index.js', 2) },
    { kind: 'import', language: 'javascript', local: 'users', source: './users.js', imported: 'default', location: at('src/routes/index.js', 1) },
    { kind: 'mount', framework: 'express', parent: ref('src/routes/index.js', 'router'), child: ref('src/routes/index.js', 'users'), prefix: '/users/', location: at('src/routes/index.js', 4) },
    { kind: 'export', exported: 'default', local: ref('src/routes/index.js', 'router'), location: at('src/routes/index.js', 9) },
    { kind: 'router', framework: 'express', ref: ref('src/routes/users.js', 'r'), location: at('src/routes/users.js', 2) },
    { kind: 'route', framework: 'express', method: 'GET', path: '/', router: ref('src/routes/users.js', 'r'), location: at('src/routes/users.js', 4) },
    { kind: 'route', framework: 'express', method: 'DELETE', path: '/:id', router: ref('src/routes/users.js', 'r'), middleware: [auth], location: at('src/routes/users.js', 5) },
    { kind: 'export', exported: 'default', local: ref('src/routes/users.js', 'r'), location: at('src/routes/users.js', 9) },
    { kind: 'route', framework: 'express', method: 'GET', path: '/healthz', router: ref('src/app.js', 'app'), location: at('src/app.js', 7) },
  ];

  it('joins mount prefixes through imports and default exports, normalising params and slashes', () => {
    const m = model(facts, files);
    expect(routes(m).sort()).toEqual(['DELETE /api/users/{id}', 'GET /api/users', 'GET /healthz']);
  });

  it('derives auth from middleware and finds the health endpoint', () => {
    const m = model(facts, files);
    expect(m.endpoints.find((e) => e.method === 'DELETE')?.auth).toBe('required');
    expect(m.endpoints.find((e) => e.path === '/api/users')?.auth).toBe('none');
    expect(m.health.map((h) => h.path)).toEqual(['/healthz']);
  });

  it('applies app-level middleware only to what is registered after it', () => {
    const withAuth = (line: number): Fact[] => [
      ...facts,
      { kind: 'router-middleware', framework: 'express', router: ref('src/app.js', 'app'), middleware: auth, pathPrefix: '', location: at('src/app.js', line) },
    ];
    const early = model(withAuth(4), files); // before the mount (line 5) and the health route (line 7)
    expect(early.endpoints.find((e) => e.path === '/api/users')?.auth).toBe('required');
    expect(early.endpoints.find((e) => e.path === '/healthz')?.auth).toBe('required');
    const late = model(withAuth(6), files); // after the mount, before the health route
    expect(late.endpoints.find((e) => e.path === '/api/users')?.auth).toBe('none');
    expect(late.endpoints.find((e) => e.path === '/healthz')?.auth).toBe('required');
  });

  it('treats a mount whose child is not a router as middleware', () => {
    const m = model([
      ...facts,
      { kind: 'import', language: 'javascript', local: 'guard', source: './guard', imported: 'default', location: at('src/app.js', 2) },
      { kind: 'mount', framework: 'express', parent: ref('src/app.js', 'app'), child: ref('src/app.js', 'guard'), prefix: '/api', asMiddleware: { name: 'guard', role: 'auth' }, location: at('src/app.js', 4) },
    ], files);
    expect(routes(m)).not.toContain('ANY /api');
    expect(m.endpoints.find((e) => e.path === '/api/users')?.auth).toBe('required');
    expect(m.endpoints.find((e) => e.path === '/healthz')?.auth).toBe('none');
  });

  it('survives mount cycles', () => {
    const cyclic: Fact[] = [
      { kind: 'router', framework: 'express', ref: ref('a.js', 'a'), location: at('a.js', 1) },
      { kind: 'router', framework: 'express', ref: ref('a.js', 'b'), location: at('a.js', 2) },
      { kind: 'mount', framework: 'express', parent: ref('a.js', 'a'), child: ref('a.js', 'b'), prefix: '/b', location: at('a.js', 3) },
      { kind: 'mount', framework: 'express', parent: ref('a.js', 'b'), child: ref('a.js', 'a'), prefix: '/a', location: at('a.js', 4) },
      { kind: 'route', framework: 'express', method: 'GET', path: '/x', router: ref('a.js', 'b'), location: at('a.js', 5) },
    ];
    const m = model(cyclic, ['a.js']);
    expect(routes(m).length).toBeGreaterThan(0);
    expect(routes(m).every((r) => r.endsWith('/x'))).toBe(true);
  });
});

describe('buildModel: Python modules and prefixes', () => {
  const files = ['app/main.py', 'app/api/__init__.py', 'app/api/routes/__init__.py', 'app/api/routes/articles.py'];
  it('follows `from pkg import submodule` and stacks router and mount prefixes and tags', () => {
    const m = model([
      { kind: 'router', framework: 'fastapi', ref: ref('app/main.py', 'app'), isApp: true, location: at('app/main.py', 3) },
      { kind: 'import', language: 'python', local: 'articles', source: 'app.api.routes', imported: 'articles', location: at('app/main.py', 1) },
      { kind: 'mount', framework: 'fastapi', parent: ref('app/main.py', 'app'), child: ref('app/main.py', 'articles', 'router'), prefix: '/api', openapiTags: ['api'], location: at('app/main.py', 5) },
      { kind: 'router', framework: 'fastapi', ref: ref('app/api/routes/articles.py', 'router'), prefix: '/articles', openapiTags: ['articles'], location: at('app/api/routes/articles.py', 3) },
      { kind: 'route', framework: 'fastapi', method: 'GET', path: '/{slug}', router: ref('app/api/routes/articles.py', 'router'), location: at('app/api/routes/articles.py', 6) },
    ], files);
    expect(routes(m)).toEqual(['GET /api/articles/{slug}']);
    expect(m.endpoints[0]!.openapiTags).toEqual(['api', 'articles']);
  });

  it('resolves a mount prefix written as a settings attribute through constant facts', () => {
    const m = model([
      { kind: 'router', framework: 'fastapi', ref: ref('app/main.py', 'app'), isApp: true, location: at('app/main.py', 3) },
      { kind: 'router', framework: 'fastapi', ref: ref('app/main.py', 'api'), location: at('app/main.py', 4) },
      { kind: 'route', framework: 'fastapi', method: 'GET', path: '/tags', router: ref('app/main.py', 'api'), location: at('app/main.py', 6) },
      { kind: 'mount', framework: 'fastapi', parent: ref('app/main.py', 'app'), child: ref('app/main.py', 'api'), prefix: '', prefixRef: ref('app/main.py', 'settings', 'api_prefix'), location: at('app/main.py', 9) },
      { kind: 'constant', ref: ref('app/core/settings.py', 'AppSettings', 'api_prefix'), value: '/api', location: at('app/core/settings.py', 12) },
    ], ['app/main.py', 'app/core/settings.py']);
    expect(routes(m)).toEqual(['GET /api/tags']);
  });

  it('resolves relative imports and Django include() by module name', () => {
    const m = model([
      { kind: 'route', framework: 'django', method: 'ANY', path: 'admin/', router: ref('site/urls.py', 'urlpatterns'), location: at('site/urls.py', 4) },
      { kind: 'mount', framework: 'django', parent: ref('site/urls.py', 'urlpatterns'), child: ref('site/urls.py', 'urlpatterns'), childModule: 'blog.urls', prefix: 'blog/', location: at('site/urls.py', 5) },
      { kind: 'route', framework: 'django', method: 'GET', path: 'posts/<int:pk>/', router: ref('blog/urls.py', 'urlpatterns'), location: at('blog/urls.py', 3) },
    ], ['site/urls.py', 'blog/__init__.py', 'blog/urls.py']);
    expect(routes(m).sort()).toEqual(['ANY /admin', 'GET /blog/posts/{pk}']);
  });

  it('lets a Flask register_blueprint url_prefix replace the blueprint prefix', () => {
    const m = model([
      { kind: 'router', framework: 'flask', ref: ref('app.py', 'app'), isApp: true, location: at('app.py', 2) },
      { kind: 'router', framework: 'flask', ref: ref('app.py', 'bp'), prefix: '/old', location: at('app.py', 3) },
      { kind: 'route', framework: 'flask', method: 'GET', path: '/x', router: ref('app.py', 'bp'), location: at('app.py', 5) },
      { kind: 'mount', framework: 'flask', parent: ref('app.py', 'app'), child: ref('app.py', 'bp'), prefix: '/new', replacesChildPrefix: true, location: at('app.py', 8) },
    ], ['app.py']);
    expect(routes(m)).toEqual(['GET /new/x']);
  });
});

describe('buildModel: views described in their own file', () => {
  it('replaces a placeholder route by the methods and sub-routes of the view it names', () => {
    const m = model([
      { kind: 'import', language: 'python', local: 'views', source: '.views', imported: '*', location: at('shop/urls.py', 1) },
      { kind: 'route', framework: 'django', method: 'ANY', path: 'items/', router: ref('shop/urls.py', 'urlpatterns'), view: { ref: ref('shop/urls.py', 'views', 'ItemViewSet'), base: 'items/' }, location: at('shop/urls.py', 5) },
      { kind: 'view', framework: 'django', ref: ref('shop/views.py', 'ItemViewSet'), routes: [{ method: 'GET', path: '' }, { method: 'POST', path: '' }, { method: 'DELETE', path: '{pk}/' }], middleware: [auth], location: at('shop/views.py', 3) },
      { kind: 'route', framework: 'django', method: 'ANY', path: 'other/', router: ref('shop/urls.py', 'urlpatterns'), view: { ref: ref('shop/urls.py', 'views', 'Missing'), base: 'other/' }, location: at('shop/urls.py', 6) },
    ], ['shop/__init__.py', 'shop/urls.py', 'shop/views.py']);
    expect(m.endpoints.map((e) => `${e.method} ${e.path} ${e.auth}`)).toEqual([
      'DELETE /items/{pk} required', 'GET /items required', 'POST /items required', 'ANY /other none',
    ]);
  });
});

describe('buildModel: one endpoint per method and path', () => {
  it('merges repeated registrations of a route into the first, keeping every middleware', () => {
    const m = model([
      { kind: 'route', framework: 'express', method: 'POST', path: '/api/Users', router: ref('s.js', 'app'), location: at('s.js', 10) },
      { kind: 'route', framework: 'express', method: 'POST', path: '/api/Users', router: ref('s.js', 'app'), middleware: [auth], location: at('s.js', 12) },
      { kind: 'route', framework: 'express', method: 'GET', path: '/api/Users', router: ref('s.js', 'app'), location: at('s.js', 14) },
    ], ['s.js']);
    expect(m.endpoints.map((e) => `${e.method} ${e.path} ${e.location.startLine} ${e.auth}`)).toEqual([
      'POST /api/Users 10 required', 'GET /api/Users 14 none',
    ]);
  });
});

describe('buildModel: services, global prefixes, MoAI tags', () => {
  it('applies a NestJS global prefix except excluded paths, per service', () => {
    const m = model([
      { kind: 'global-prefix', framework: 'nestjs', prefix: 'api', exclude: ['health'], location: at('api/src/main.ts', 5) },
      { kind: 'route', framework: 'nestjs', method: 'GET', path: '/cats/:id', location: at('api/src/cats.controller.ts', 8) },
      { kind: 'route', framework: 'nestjs', method: 'GET', path: '/health', location: at('api/src/health.controller.ts', 4) },
      { kind: 'route', framework: 'nestjs', method: 'GET', path: '/other', location: at('admin/src/x.controller.ts', 4) },
    ], ['api/src/main.ts', 'api/src/cats.controller.ts', 'api/src/health.controller.ts', 'admin/src/x.controller.ts'], { roots: ['api', 'admin'] });
    expect(routes(m).sort()).toEqual(['GET /api/cats/{id}', 'GET /health', 'GET /other']);
    expect(m.services.map((s) => s.root)).toEqual(['admin', 'api']);
    expect(m.services.every((s) => s.frameworks.some((f) => f.id === 'nestjs'))).toBe(true);
  });

  it('attaches an @API TAG to the endpoint declared just below it and detects MoAI use from @SPEC', () => {
    const m = model([
      { kind: 'route', framework: 'express', method: 'GET', path: '/a', location: at('x.js', 5) },
      { kind: 'route', framework: 'express', method: 'GET', path: '/b', location: at('x.js', 9) },
      { kind: 'moai-tag', tag: '@API:A-001', location: at('x.js', 4) },
      { kind: 'moai-tag', tag: '@SPEC:A-001', location: at('x.js', 1) },
    ], ['x.js']);
    expect(m.endpoints.map((e) => e.moaiTags)).toEqual([['@API:A-001'], []]);
    expect(m.usesMoai).toBe(true);
  });
});

describe('path normalisation', async () => {
  const { finalizePath, joinPaths } = await import('../../src/model/paths.js');
  it('writes every parameter syntax as {name}', () => {
    expect(['/a/:id', '/a/:id(\\d+)', '/a/<int:id>', '/a/<id>', '/a/(?P<id>[0-9]+)', '/a/{id:int}', '/files/{file_path:path}', '/a/{id}']
      .map((p) => finalizePath(p))).toEqual(['/a/{id}', '/a/{id}', '/a/{id}', '/a/{id}', '/a/{id}', '/a/{id}', '/files/{file_path}', '/a/{id}']);
  });
  it('joins prefixes with single slashes and drops trailing ones, keeping the root', () => {
    expect(finalizePath(joinPaths('/api/', '/users/', ''))).toBe('/api/users');
    expect(finalizePath(joinPaths('', '/'))).toBe('/');
    expect(finalizePath(joinPaths('api', 'v1//x/'))).toBe('/api/v1/x');
  });
});
