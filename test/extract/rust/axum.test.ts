import { describe, expect, it } from 'vitest';
import { rustAttributeRoutes } from '../../../src/extract/rust/attribute-routes.js';
import { rustRouterRoutes } from '../../../src/extract/rust/routes.js';
import { endpointsOf, extractRust, mountLines, ofKind, routeLines } from './parse.js';

describe('axum routers', () => {
  it('emits one route per method of a method chain, on the router the chain builds', async () => {
    const facts = await extractRust(rustRouterRoutes, 'src/main.rs', [
      'fn app() -> Router {',
      '    Router::new()',
      '        .route("/users", get(list).post(create))',
      '        .route("/users/:id", on(MethodFilter::PUT.or(MethodFilter::PATCH), update).delete(remove))',
      '        .route("/ws", any(ws))',
      '        .route("/search", query(search))',
      '}',
      'async fn list() {}',
    ].join('\n'));
    expect(routeLines(facts)).toEqual([
      'GET /users @src/crate#app.return',
      'POST /users @src/crate#app.return',
      'PUT /users/:id @src/crate#app.return',
      'PATCH /users/:id @src/crate#app.return',
      'DELETE /users/:id @src/crate#app.return',
      'ANY /ws @src/crate#app.return',
      'QUERY /search @src/crate#app.return',
    ]);
    const first = ofKind(facts, 'route')[0]!;
    expect(first.location.startLine).toBe(3);
    expect(first.handler).toEqual({ name: 'list', location: expect.objectContaining({ startLine: 8 }) });
  });

  it('mounts nested and merged routers by the module file of the called function, and local bindings', async () => {
    const facts = await extractRust(rustRouterRoutes, 'src/http/mod.rs', [
      'mod users;',
      'use crate::admin;',
      'pub fn api_router(state: AppState) -> Router {',
      '    let internal = Router::new().route("/health", get(health));',
      '    let admin_router = admin::router();',
      '    users::router()',
      '        .merge(articles_router())',
      '        .nest("/internal", internal)',
      '        .nest("/admin", admin_router)',
      '        .with_state(state)',
      '}',
    ].join('\n'));
    expect(mountLines(facts)).toEqual([
      "src/http.rs#api_router.return -> src/http/users.rs#router.return ''",
      "src/http.rs#api_router.return -> src/http.rs#articles_router.return ''",
      "src/http.rs#api_router.return -> src/http.rs#api_router:internal '/internal'",
      "src/http.rs#api_router.return -> src/admin.rs#router.return '/admin'",
    ]);
    expect(routeLines(facts)).toEqual(['GET /health @src/http.rs#api_router:internal']);
  });

  it('applies layers to what was registered before them, and reads auth extractors of same-file handlers', async () => {
    const facts = await extractRust(rustRouterRoutes, 'src/routes.rs', [
      'pub fn router() -> Router {',
      '    Router::new()',
      '        .route("/me", get(me))',
      '        .route_layer(middleware::from_fn(require_auth))',
      '        .route("/feed", get(feed))',
      '        .layer(CorsLayer::permissive())',
      '}',
      'async fn me(user: AuthUser) {}',
      'async fn feed(user: Option<AuthUser>, State(s): State<AppState>) {}',
    ].join('\n'));
    const [me, feed] = ofKind(facts, 'route');
    expect(me!.middleware?.map((m) => `${m.name}:${m.role}`)).toEqual(['CorsLayer::permissive:cors', 'require_auth:auth', 'AuthUser:auth']);
    expect(feed!.middleware?.map((m) => `${m.name}:${m.role}`)).toEqual(['CorsLayer::permissive:cors', 'AuthUser:optional-auth']);
  });

  it('reports static and fallback services as ANY routes, and skips test code', async () => {
    const facts = await extractRust(rustRouterRoutes, 'src/main.rs', [
      'fn main() {',
      '    let app = Router::new()',
      '        .route_service("/favicon.ico", ServeFile::new("f.ico"))',
      '        .nest_service("/assets", ServeDir::new("static"))',
      '        .fallback(not_found);',
      '    axum::serve(listener, app);',
      '}',
      '#[cfg(test)]',
      'mod tests {',
      '    fn t() { let _ = Router::new().route("/hidden", get(h)); }',
      '}',
    ].join('\n'));
    expect(routeLines(facts)).toEqual([
      'ANY /favicon.ico @src/crate#main:app',
      'ANY /assets/* @src/crate#main:app',
      'ANY /* @src/crate#main:app',
    ]);
    expect(ofKind(facts, 'service-entry').map((f) => f.location.startLine)).toEqual([6]);
  });

  it('reads aide api_route tags and utoipa tags of handlers', async () => {
    const facts = await extractRust(rustRouterRoutes, 'src/main.rs', [
      'fn router() -> ApiRouter {',
      '    ApiRouter::new()',
      '        .api_route_with("/admin/redrive", post_with(redrive, op), |op| op.tag("Admin"))',
      '        .route("/items", get(items))',
      '}',
      '#[utoipa::path(get, path = "/items", tags = ["items", "public"])]',
      'async fn items() {}',
    ].join('\n'));
    expect(ofKind(facts, 'route').map((r) => `${r.method} ${r.path} ${r.openapiTags?.join(',')}`)).toEqual([
      'POST /admin/redrive Admin',
      'GET /items items,public',
    ]);
    // The utoipa attribute only documents a handler the same file routes: no route of its own.
    expect(await extractRust(rustAttributeRoutes, 'src/main.rs', [
      'fn router() -> Router { Router::new().route("/items", get(items)) }',
      '#[utoipa::path(get, path = "/items", tag = "items")]',
      'async fn items() {}',
    ].join('\n'))).toEqual([]);
  });

  it('resolves utoipa-axum routes!() across files to the handlers\' attribute paths under the nest prefix', async () => {
    const { lines, model } = await endpointsOf({
      'src/main.rs': 'mod routes;\nmod users;\nfn app() -> OpenApiRouter { OpenApiRouter::new().nest("/api/v1/users", routes::create_routes()) }\n',
      'src/routes.rs': 'use crate::users;\npub fn create_routes() -> OpenApiRouter { OpenApiRouter::new().routes(routes!(users::list, users::show)) }\n',
      'src/users.rs': [
        '#[utoipa::path(get, path = "/", tag = "users")]',
        'pub async fn list() {}',
        '#[utoipa::path(method(get, head), path = "/{id}")]',
        'pub async fn show(claims: Claims) {}',
      ].join('\n'),
    });
    expect(lines).toEqual(['GET /api/v1/users', 'GET /api/v1/users/{id}', 'HEAD /api/v1/users/{id}']);
    const show = model.endpoints.find((e) => e.method === 'GET' && e.path.endsWith('{id}'))!;
    expect([show.framework, show.auth, show.location.file, show.location.startLine]).toEqual(['axum', 'required', 'src/users.rs', 3]);
    expect(model.endpoints.find((e) => e.path === '/api/v1/users')!.openapiTags).toEqual(['users']);
  });

  it('resolves routers across mod.rs and sibling modules with merge and nest', async () => {
    const { lines } = await endpointsOf({
      'src/main.rs': 'mod http;\nfn main() { let app = Router::new().nest("/api", http::api_router()); axum::serve(l, app); }\n',
      'src/http/mod.rs': 'mod users;\nmod articles;\npub fn api_router() -> Router { users::router().merge(articles::router()) }\n',
      'src/http/users.rs': 'pub fn router() -> Router { Router::new().route("/users/:id", get(show)) }\n',
      'src/http/articles/mod.rs': 'mod comments;\npub fn router() -> Router { Router::new().route("/articles", get(list)).merge(comments::router()) }\n',
      'src/http/articles/comments.rs': 'pub fn router() -> Router { Router::new().route("/articles/:slug/comments", post(add)) }\n',
    });
    expect(lines).toEqual(['GET /api/articles', 'GET /api/users/{id}', 'POST /api/articles/{slug}/comments']);
  });
});

describe('axum app-specific route builders', () => {
  it('reads verb methods of a *RouteBuilder returned from a `-> Router` function only', async () => {
    const facts = await extractRust(rustRouterRoutes, 'src/main.rs', [
      'fn routes() -> Router {',
      '    AuthedRouteBuilder::new()',
      '        .get("/reports", list_reports, vec![Perm::Read])',
      '        .unauthenticated_post("/signup", signup)',
      '        .build()',
      '}',
      'fn not_routes() { FormBuilder::new().get("/field", validate); AuthedRouteBuilder::new().get("/x", h); }',
    ].join('\n'));
    expect(routeLines(facts)).toEqual(['GET /reports @src/crate#routes.return', 'POST /signup @src/crate#routes.return']);
  });
});
