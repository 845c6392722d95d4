import { describe, expect, it } from 'vitest';
import { rustAttributeRoutes } from '../../../src/extract/rust/attribute-routes.js';
import { rustRouterRoutes } from '../../../src/extract/rust/routes.js';
import { endpointsOf, extractRust, mountLines, ofKind, routeLines } from './parse.js';

describe('Actix-web', () => {
  it('registers each attribute-routed handler as a router of its own, with its declared path', async () => {
    const facts = await extractRust(rustAttributeRoutes, 'src/users.rs', [
      'use actix_web::{get, web, HttpResponse};',
      '#[get("/users/{id:\\\\d+}")]',
      'async fn show(id: web::Path<u32>, auth: BearerAuth) -> HttpResponse { todo!() }',
      '#[actix_web::route("/multi", method = "GET", method = "POST", method = "PROPFIND")]',
      'async fn multi() -> HttpResponse { todo!() }',
      '#[cfg(test)]',
      'mod tests { #[get("/hidden")] async fn hidden() {} }',
    ].join('\n'));
    expect(routeLines(facts)).toEqual([
      'GET /users/{id:\\d+} @src/users.rs#show',
      'GET /multi @src/users.rs#multi',
      'POST /multi @src/users.rs#multi',
    ]);
    const show = ofKind(facts, 'route')[0]!;
    expect([show.framework, show.location.startLine, show.handler?.name]).toEqual(['actix', 2, 'show']);
    expect(show.middleware?.map((m) => `${m.name}:${m.role}`)).toEqual(['BearerAuth:auth']);
  });

  it('mounts scopes, services and configure functions; resources and .route() register routes', async () => {
    const facts = await extractRust(rustRouterRoutes, 'src/main.rs', [
      'use actix_web::{web, App, HttpServer};',
      'mod users;',
      'fn main() {',
      '    HttpServer::new(|| {',
      '        App::new()',
      '            .service(index)',
      '            .service(web::scope("/api").wrap(HttpAuthentication::bearer(validator)).configure(users::config).service(users::show))',
      '            .route("/ping", web::get().to(ping))',
      '            .service(web::resource("/items").route(web::get().to(list)).route(web::method(Method::PUT).to(put)).to(fallback))',
      '            .configure(|cfg| users::more(cfg))',
      '    });',
      '}',
    ].join('\n'));
    expect(mountLines(facts)).toEqual([
      "src/crate#main@5:9 -> src/crate#index ''",
      "src/crate#main@7:22 -> src/users.rs#config.arg0 ''",
      "src/crate#main@7:22 -> src/users.rs#show ''",
      "src/crate#main@5:9 -> src/crate#main@7:22 ''",
      "src/crate#main@5:9 -> src/users.rs#more.arg0 ''",
    ]);
    expect(routeLines(facts)).toEqual([
      'GET /ping @src/crate#main@5:9',
      'GET /items @src/crate#main@5:9',
      'PUT /items @src/crate#main@5:9',
      'ANY /items @src/crate#main@5:9',
    ]);
    const routers = ofKind(facts, 'router').map((r) => `${r.ref.path.join('.')} app=${r.isApp ?? false} prefix=${r.prefix ?? ''} mw=${(r.middleware ?? []).map((m) => m.role).join(',')}`);
    expect(routers).toEqual(['main@5:9 app=true prefix= mw=', 'main@7:22 app=false prefix=/api mw=auth']);
    expect(ofKind(facts, 'service-entry')).toHaveLength(1);
  });

  it('joins handler paths with the scopes they are registered in across files (bare names from `use actix_web::web::*`)', async () => {
    const { lines, model } = await endpointsOf({
      'src/main.rs': [
        'use actix_web::web::*;',
        'mod users;',
        'mod admin;',
        'fn api() -> actix_web::Scope { scope("/auth").service(users::me).service(scope("/v1").service(users::list)) }',
        'fn main() { App::new().service(api()).service(scope("/admin").configure(admin::routes)).service(version); }',
        '#[actix_web::get("/version")]',
        'async fn version() {}',
      ].join('\n'),
      'src/users.rs': 'use actix_web::get;\n#[get("/me")]\nasync fn me(user: Identity) {}\n#[get("/users")]\nasync fn list() {}\n',
      'src/admin.rs': [
        'use actix_web::web;',
        'pub fn routes(cfg: &mut web::ServiceConfig) {',
        '    cfg.service(web::resource("/stats").route(web::get().to(stats)));',
        '    cfg.route("/purge", web::delete().to(purge));',
        '}',
      ].join('\n'),
    });
    expect(lines).toEqual(['DELETE /admin/purge', 'GET /admin/stats', 'GET /auth/me', 'GET /auth/v1/users', 'GET /version']);
    expect(model.endpoints.find((e) => e.path === '/auth/me')!.auth).toBe('required');
  });
});
