import { describe, expect, it } from 'vitest';
import type { Fact, RefExpr } from '../../src/core/facts.js';
import type { Location } from '../../src/core/types.js';
import { buildModel } from '../../src/model/build-model.js';
import { isApiEndpoint } from '../../src/model/queries.js';
import { joinPathInside } from '../../src/model/resolve-modules.js';
import { MAX_STATIC_FILES } from '../../src/model/static-mounts.js';

const at = (file: string, line: number): Location => ({ file, startLine: line, startColumn: 1, endLine: line, endColumn: 10 });
const ref = (file: string, ...path: string[]): RefExpr => ({ file, path });

function model(facts: Fact[], allPaths: string[], roots: string[] = ['']) {
  const files = allPaths.filter((p) => /\.(go|js|ts)$/.test(p)).map((path) => ({ path, language: path.endsWith('.go') ? 'go' as const : 'javascript' as const }));
  return buildModel({ facts, files, serviceRoots: roots, hasMoaiDir: false, allPaths });
}
const routes = (m: ReturnType<typeof model>) => m.staticFiles.map((e) => `${e.method} ${e.path}`).sort();

const mount = (over: Partial<Extract<Fact, { kind: 'static-mount' }>> = {}): Fact => ({
  kind: 'static-mount', framework: 'gin', prefix: '/public', dir: './public', base: 'cwd', location: at('main.go', 7), ...over,
});

describe('static mounts: one GET per file under the served directory', () => {
  it('joins the prefix with each file path below the directory, sub-directories included', () => {
    const m = model([mount()], ['go.mod', 'main.go', 'public/app.css', 'public/img/logo.png', 'publicity.txt', 'other/x.txt']);
    expect(routes(m)).toEqual(['GET /public/app.css', 'GET /public/img/logo.png']);
    const e = m.staticFiles[0]!;
    expect([e.framework, e.location.file, e.location.startLine, e.handler?.name, e.origin]).toEqual(['gin', 'main.go', 7, 'static files', 'generated']);
  });

  it('applies the router prefix, mounts and middleware of the router it is declared on', () => {
    const facts: Fact[] = [
      { kind: 'router', framework: 'gin', ref: ref('main.go', 'main:r'), isApp: true, location: at('main.go', 3) },
      { kind: 'mount', framework: 'gin', parent: ref('main.go', 'main:r'), child: ref('main.go', 'main:v1'), prefix: '/v1', location: at('main.go', 4) },
      { kind: 'router-middleware', framework: 'gin', router: ref('main.go', 'main:v1'), middleware: { name: 'AuthRequired', role: 'auth' }, pathPrefix: '', location: at('main.go', 5) },
      mount({ router: ref('main.go', 'main:v1'), prefix: '/assets', dir: 'public' }),
    ];
    const m = model(facts, ['main.go', 'public/a.txt']);
    expect(routes(m)).toEqual(['GET /v1/assets/a.txt']);
    expect(m.staticFiles[0]!.auth).toBe('required');
  });

  it('serves index.html at its directory too, and a root prefix joins cleanly', () => {
    const m = model([mount({ prefix: '/', dir: 'web' })], ['main.go', 'web/index.html', 'web/admin/index.html', 'web/admin/app.js']);
    expect(routes(m)).toEqual(['GET /', 'GET /admin', 'GET /admin/app.js', 'GET /admin/index.html', 'GET /index.html']);
  });

  it('leaves dot-files and dot-directories out', () => {
    const m = model([mount()], ['main.go', 'public/.env', 'public/.git/config', 'public/ok.txt', 'public/.well-known/x']);
    expect(routes(m)).toEqual(['GET /public/ok.txt']);
  });

  it('yields nothing for a directory that is not in the repository (no guessed endpoints)', () => {
    const m = model([mount({ dir: './missing' }), mount({ dir: '/var/www/html', location: at('main.go', 9) })], ['main.go', 'public/a.txt']);
    expect(routes(m)).toEqual([]);
  });

  it(`lists at most ${MAX_STATIC_FILES} files in path order, then one wildcard stands for the rest`, () => {
    const many = Array.from({ length: MAX_STATIC_FILES + 5 }, (_, i) => `public/f${String(i).padStart(3, '0')}.txt`);
    const m = model([mount()], ['main.go', ...many.reverse()]);
    const paths = routes(m);
    expect(paths).toHaveLength(MAX_STATIC_FILES + 1);
    expect(paths).toContain('GET /public/*');
    expect(paths).toContain(`GET /public/f${String(MAX_STATIC_FILES - 1).padStart(3, '0')}.txt`);
    expect(paths).not.toContain(`GET /public/f${String(MAX_STATIC_FILES).padStart(3, '0')}.txt`);
  });

  it('a file name that reads as path syntax is covered by the wildcard, not written as a parameter', () => {
    const m = model([mount()], ['main.go', 'public/a:b.txt', 'public/ok.txt']);
    expect(routes(m)).toEqual(['GET /public/*', 'GET /public/ok.txt']);
  });

  it('resolves a working-directory path next to the declaring file first, then at its service root', () => {
    const paths = ['go.mod', 'public/leak.txt', 'app/main.go', 'app/public/ok.txt', 'cmd/api/main.go', 'assets/site.css'];
    const facts = [
      mount({ location: at('app/main.go', 5), dir: './public', prefix: '/static' }),
      mount({ location: at('cmd/api/main.go', 5), dir: 'assets', prefix: '/assets' }),
    ];
    expect(routes(model(facts, paths))).toEqual(['GET /assets/site.css', 'GET /static/ok.txt']);
  });

  it('takes an absolute directory relative to the service when it exists there; file-relative dirs follow ..', () => {
    const paths = ['svc/go.mod', 'svc/main.go', 'svc/public3/c.txt', 'web/package.json', 'web/src/main.js', 'web/client/i.js'];
    const facts = [
      mount({ location: at('svc/main.go', 3), dir: '/public3' }),
      mount({ framework: 'nestjs', location: at('web/src/main.js', 3), dir: '../client', base: 'file', prefix: '/' }),
      mount({ framework: 'nestjs', location: at('web/src/main.js', 4), dir: '../../../etc', base: 'file', prefix: '/x' }),
    ];
    const m = model(facts, paths, ['svc', 'web']);
    expect(routes(m)).toEqual(['GET /i.js', 'GET /public/c.txt']);
    expect(m.staticFiles.map((e) => e.service).sort()).toEqual(['svc', 'web']);
  });

  it('static files are neither API operations (tag rules) nor health or metrics endpoints', () => {
    const facts: Fact[] = [
      mount({ dir: 'web', prefix: '/' }),
      { kind: 'route', framework: 'gin', method: 'GET', path: '/users', router: ref('main.go', 'main:r'), location: at('main.go', 9) },
    ];
    const m = model(facts, ['main.go', 'web/health/index.html', 'web/metrics']);
    expect(routes(m)).toEqual(['GET /health', 'GET /health/index.html', 'GET /metrics']);
    expect(m.endpoints.map((e) => e.path)).toEqual(['/users']);
    expect(m.endpoints.filter(isApiEndpoint).map((e) => e.path)).toEqual(['/users']);
    expect([m.health, m.metrics]).toEqual([[], []]);
  });

  it('normalises repository paths and refuses ones that leave it', () => {
    expect(joinPathInside('a', './b/../c')).toBe('a/c');
    expect(joinPathInside('a', '../..')).toBeUndefined();
    expect(joinPathInside('', '.')).toBe('');
  });
});
