import { describe, expect, it } from 'vitest';
import { nuxtRoutes } from '../../../src/extract/nuxt/routes.js';
import { extractJs, ofKind, routeLines } from './parse.js';

describe('nuxt/routes', () => {
  it('maps server/api and server/routes files to URLs, with method suffixes, params and index files', () => {
    const handler = 'export default defineEventHandler((event) => ({ ok: true }));';
    expect(routeLines(extractJs(nuxtRoutes, 'server/api/users/[id].delete.ts', handler))).toEqual(['DELETE /api/users/{id}']);
    expect(routeLines(extractJs(nuxtRoutes, 'server/api/posts/index.post.ts', handler))).toEqual(['POST /api/posts']);
    expect(routeLines(extractJs(nuxtRoutes, 'apps/web/server/routes/feed/[...path].ts', handler))).toEqual(['ANY /feed/{path}']);
    expect(routeLines(extractJs(nuxtRoutes, 'server/api/hello.js', handler))).toEqual(['ANY /api/hello']);
    const fact = ofKind(extractJs(nuxtRoutes, 'server/api/hello.ts', ['// hi', handler]), 'route')[0]!;
    expect([fact.framework, fact.location.startLine]).toEqual(['nuxt', 2]);
  });

  it('follows h3 imports and local aliases of the handler factory', () => {
    expect(routeLines(extractJs(nuxtRoutes, 'server/api/a.get.ts', [
      "import { defineEventHandler as h } from 'h3';",
      'export default h(() => 1);',
    ]))).toEqual(['GET /api/a']);
    expect(routeLines(extractJs(nuxtRoutes, 'server/api/b.put.ts', [
      'const wrap = defineCachedEventHandler;',
      'const handler = wrap(() => 1);',
      'export default handler;',
    ]))).toEqual(['PUT /api/b']);
  });

  it('accepts library handler factories named define*EventHandler', () => {
    expect(routeLines(extractJs(nuxtRoutes, 'server/api/auth/github.get.ts', 'export default defineOAuthGitHubEventHandler({ onSuccess() {} });')))
      .toEqual(['GET /api/auth/github']);
  });

  it('ignores other default exports, other directories, middleware and test fixtures', () => {
    const handler = 'export default defineEventHandler(() => 1);';
    expect(routeLines(extractJs(nuxtRoutes, 'server/api/c.ts', "import { defineEventHandler } from 'my-lib';\n" + handler))).toEqual([]);
    expect(routeLines(extractJs(nuxtRoutes, 'server/api/d.ts', 'export default function handler() {}'))).toEqual([]);
    expect(routeLines(extractJs(nuxtRoutes, 'server/middleware/auth.ts', handler))).toEqual([]);
    expect(routeLines(extractJs(nuxtRoutes, 'routes/standalone.ts', handler))).toEqual([]);
    expect(routeLines(extractJs(nuxtRoutes, 'test/fixtures/basic/server/api/x.ts', handler))).toEqual([]);
  });
});
