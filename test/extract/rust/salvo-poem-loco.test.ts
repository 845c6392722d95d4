import { describe, expect, it } from 'vitest';
import { poemOpenApiRoutes } from '../../../src/extract/rust/poem-openapi.js';
import { rustRouterRoutes } from '../../../src/extract/rust/routes.js';
import { salvoPath } from '../../../src/extract/rust/salvo.js';
import { endpointsOf, extractRust, mountLines, ofKind, routeLines } from './parse.js';

describe('salvo', () => {
  it('normalises salvo parameters', () => {
    expect(salvoPath('users/<id:num>/files/<**rest>')).toBe('users/{id}/files/{rest}');
    expect(salvoPath('delete/{id|[0-9a-f]{8}}')).toBe('delete/{id}');
    expect(salvoPath('{**path}')).toBe('{path}');
    expect(salvoPath('static/<**>')).toBe('static/{rest}');
  });

  it('composes paths through push(), with path-less routers passing the prefix through', async () => {
    const { lines, model } = await endpointsOf({
      'src/main.rs': [
        'use salvo::prelude::*;',
        'mod routes;',
        'fn route() -> Router {',
        '    Router::new().get(index).push(Router::with_path("api").hoop(auth).push(Router::new().push(routes::todos())))',
        '}',
      ].join('\n'),
      'src/routes.rs': [
        'use salvo::prelude::*;',
        'pub fn todos() -> Router {',
        '    Router::new().path("todos").get(list).post(create).push(Router::with_path("<id>").delete(remove))',
        '}',
      ].join('\n'),
    });
    expect(lines).toEqual(['DELETE /api/todos/{id}', 'GET /', 'GET /api/todos', 'POST /api/todos']);
    const del = model.endpoints.find((e) => e.method === 'DELETE')!;
    expect(JSON.stringify(del)).toContain('auth');
  });

  it('mounts a path built from a crate constant of another module at that constant', async () => {
    const { lines } = await endpointsOf({
      'src/main.rs': 'use salvo::prelude::*;\nmod consts;\nmod routes;\nfn route() -> Router { Router::with_path("api").push(routes::admin()) }',
      'src/consts.rs': 'pub const PREFIX: &str = "admin/";',
      'src/routes.rs': [
        'use crate::consts::PREFIX;',
        'use salvo::prelude::*;',
        'pub fn admin() -> Router { Router::new().path(PREFIX.to_owned() + "panel").get(dashboard).push(Router::with_path("logs").get(logs)) }',
      ].join('\n'),
    });
    expect(lines).toEqual(['GET /api/admin/panel', 'GET /api/admin/panel/logs']);
  });

  it('reports nothing under a path it cannot read', async () => {
    const facts = await extractRust(rustRouterRoutes, 'src/routes.rs', [
      'use salvo::prelude::*;',
      'use other_crate::PREFIX;',
      'pub fn r() -> Router { Router::new().path(PREFIX.to_owned() + "users").post(submit) }',
    ].join('\n'));
    expect(ofKind(facts, 'route')).toEqual([]);
  });
});

describe('poem', () => {
  it('reads method routers, bare endpoints (every method) and nests', async () => {
    const facts = await extractRust(rustRouterRoutes, 'src/main.rs', [
      'use poem::{get, post, Route};',
      'fn app() -> Route {',
      '    Route::new()',
      '        .at("/users/:id", get(show).put(update))',
      '        .at("/hook", hook)',
      '        .at("/spec", poem::endpoint::make_sync(move |_| spec.clone()))',
      '        .nest("/auth", auth_routes())',
      '}',
    ].join('\n'));
    expect(routeLines(facts)).toEqual([
      'GET /users/:id @src/crate#app.return',
      'PUT /users/:id @src/crate#app.return',
      'ANY /hook @src/crate#app.return',
      'ANY /spec @src/crate#app.return',
    ]);
    expect(mountLines(facts)).toEqual(["src/crate#app.return -> src/crate#auth_routes.return '/auth'"]);
  });

  it('mounts #[OpenApi] operations through OpenApiService and not the swagger UI', async () => {
    const files = {
      'src/main.rs': [
        'use poem::Route;',
        'use poem_openapi::{OpenApi, OpenApiService};',
        'struct Api;',
        '#[OpenApi(prefix_path = "/v1")]',
        'impl Api {',
        '    #[oai(path = "/pets/:id", method = "get", tag = "Pets")]',
        '    async fn pet(&self) {}',
        '    fn helper(&self) {}',
        '}',
        'async fn main() {',
        '    let svc = OpenApiService::new(Api, "t", "1");',
        '    let ui = svc.swagger_ui();',
        '    let app = Route::new().nest("/api", svc).nest("/docs", ui);',
        '}',
      ].join('\n'),
    };
    const facts = await extractRust(poemOpenApiRoutes, 'src/main.rs', files['src/main.rs']);
    const route = ofKind(facts, 'route')[0]!;
    expect(routeLines(facts)).toEqual(['GET /v1/pets/:id @src/crate#Api']);
    expect(route.openapiTags).toEqual(['Pets']);
    expect(route.location.startLine).toBe(6);
    const { lines } = await endpointsOf(files);
    expect(lines).toEqual(['GET /api/v1/pets/{id}']);
  });
});

describe('loco', () => {
  it('reads Routes::new().prefix().add() and the AppRoutes mount', async () => {
    const { lines } = await endpointsOf({
      'src/app.rs': [
        'use loco_rs::prelude::*;',
        'fn routes() -> AppRoutes { AppRoutes::with_default_routes().prefix("/api").add_route(crate::controllers::notes::routes()) }',
      ].join('\n'),
      'src/controllers/notes.rs': [
        'use loco_rs::prelude::*;',
        'pub fn routes() -> Routes {',
        '    Routes::new().prefix("notes").add("/", get(list).post(add)).add("/{id}", delete(remove))',
        '}',
      ].join('\n'),
    });
    expect(lines).toEqual(['DELETE /api/notes/{id}', 'GET /api/notes', 'POST /api/notes']);
  });

  it('needs loco_rs: an axum-only Routes type is not loco', async () => {
    const facts = await extractRust(rustRouterRoutes, 'src/x.rs', 'fn r() -> Routes { Routes::new().prefix("/a").add("/", get(list)) }');
    expect(ofKind(facts, 'route')).toEqual([]);
  });
});
