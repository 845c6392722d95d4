import { describe, expect, it } from 'vitest';
import { rustRouterRoutes } from '../../../src/extract/rust/routes.js';
import { endpointsOf, extractRust, mountLines, ofKind, routeLines } from './parse.js';

describe('tide', () => {
  it('registers verbs on `.at(path)` routes, including a route kept in a local', async () => {
    const facts = await extractRust(rustRouterRoutes, 'src/main.rs', [
      'use tide::Request;',
      'async fn main() {',
      '    let mut app = tide::new();',
      '    app.at("/users/:id").get(show).put(update);',
      '    let health = app.at("/health");',
      '    health.get(ping);',
      '    app.at("/api").at("/v1").all(any);',
      '    app.at("/assets/*").serve_dir("public/");',
      '}',
      'async fn show(_r: Request<()>) {}',
    ].join('\n'));
    expect(routeLines(facts)).toEqual([
      'GET /users/:id @src/crate#main:app',
      'PUT /users/:id @src/crate#main:app',
      'GET /health @src/crate#main:app',
      'ANY /api/v1 @src/crate#main:app',
      'GET /assets/* @src/crate#main:app',
    ]);
    const first = ofKind(facts, 'route')[0]!;
    expect(first.location.startLine).toBe(4);
    expect(first.handler).toEqual({ name: 'show', location: expect.objectContaining({ startLine: 10 }) });
    expect(ofKind(facts, 'router').find((r) => r.isApp)?.ref).toEqual({ file: 'src/crate', path: ['main:app'] });
  });

  it('mounts a nested app under the route path', async () => {
    const { lines } = await endpointsOf({
      'src/main.rs': [
        'use tide::Server;',
        'async fn main() {',
        '    let mut app = tide::new();',
        '    app.at("/api").nest({ let mut api = tide::new(); api.at("/hello").get(hello); api });',
        '    app.at("/admin").nest(admin());',
        '}',
        'fn admin() -> Server<()> { let mut a = tide::new(); a.at("/stats").post(stats); a }',
      ].join('\n'),
    });
    expect(lines).toEqual(['GET /api/hello', 'POST /admin/stats']);
  });

  it('ignores `.get(..)` on values that are not tide routes', async () => {
    const facts = await extractRust(rustRouterRoutes, 'src/main.rs', [
      'use tide::Request;',
      'fn f(map: HashMap<String, String>) { map.get("x"); cache.get(key); }',
    ].join('\n'));
    expect(ofKind(facts, 'route')).toEqual([]);
  });
});

describe('gotham', () => {
  it('composes scopes, associate blocks, request(..) and pipeline chains', async () => {
    const facts = await extractRust(rustRouterRoutes, 'src/main.rs', [
      'use gotham::router::builder::*;',
      'fn router() -> Router {',
      '    build_router(chain, pipelines, |route| {',
      '        route.get("/").to(index);',
      '        route.scope("/api", |route| {',
      '            route.post("/users").to(create);',
      '            route.with_pipeline_chain(auth, |route| { route.get_or_head("/me").to(me); });',
      '        });',
      '        route.associate("/items", |assoc| { assoc.delete().to(remove); });',
      '        route.request(vec![Method::PUT, Method::PATCH], "/cfg").to(cfg);',
      '        route.get("/user/:id").with_path_extractor::<P>().to_async(show);',
      '    })',
      '}',
      'fn index(state: State) {}',
    ].join('\n'));
    expect(routeLines(facts).map((l) => l.split(' @')[0])).toEqual([
      'GET /', 'POST /api/users', 'GET /api/me', 'HEAD /api/me', 'DELETE /items', 'PUT /cfg', 'PATCH /cfg', 'GET /user/:id',
    ]);
    expect(ofKind(facts, 'route')[0]!.location.startLine).toBe(4);
    expect(ofKind(facts, 'route')[0]!.handler?.location?.startLine).toBe(14);
  });

  it('mounts delegated routers and skips test-only code', async () => {
    const facts = await extractRust(rustRouterRoutes, 'src/main.rs', [
      'use gotham::router::builder::*;',
      'fn router() -> Router {',
      '    build_simple_router(|route| { route.delegate("/admin").to_router(admin_router()); })',
      '}',
      '#[cfg(test)]',
      'mod tests { fn t() { build_simple_router(|route| { route.get("/x").to(h); }); } }',
    ].join('\n'));
    expect(routeLines(facts)).toEqual([]);
    expect(mountLines(facts)).toEqual(['src/crate#router.return -> src/crate#admin_router.return \'/admin\'']);
  });
});

describe('routers passed to crate functions', () => {
  it('mounts the parameter a function registers routes on', async () => {
    const { lines } = await endpointsOf({
      'src/main.rs': [
        'use tide::Server;',
        'mod api;',
        'async fn main() {',
        '    let mut app = tide::new();',
        '    api::register(&mut app);',
        '    app.listen("0.0.0.0:80").await;',
        '}',
      ].join('\n'),
      'src/api.rs': [
        'use tide::Server;',
        'pub fn register(app: &mut Server<()>) {',
        '    app.at("/items").get(list).post(create);',
        '}',
      ].join('\n'),
    });
    expect(lines).toEqual(['GET /items', 'POST /items']);
  });
});
