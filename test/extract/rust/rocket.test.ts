import { describe, expect, it } from 'vitest';
import { rocketPath, routeAttribute } from '../../../src/extract/rust/attributes.js';
import { rustAttributeRoutes } from '../../../src/extract/rust/attribute-routes.js';
import { rustRouterRoutes } from '../../../src/extract/rust/routes.js';
import { endpointsOf, extractRust, mountLines, ofKind, routeLines } from './parse.js';

describe('Rocket', () => {
  it('reads verb and route attributes, dropping query parts and keeping <param..> as one parameter', async () => {
    const facts = await extractRust(rustAttributeRoutes, 'src/main.rs', [
      '#[macro_use] extern crate rocket;',
      '#[get("/items/<id>?<verbose>")]',
      'fn item(id: u32, verbose: Option<bool>) {}',
      '#[post("/upload", data = "<body>")]',
      'fn upload(key: ApiKey, body: String) {}',
      '#[route(GET, uri = "/legacy")]',
      'fn legacy() {}',
      '#[route("/modern", method = PUT)]',
      'fn modern() {}',
      '#[route("/dav", method = PROPFIND)]',
      'fn dav() {}',
      '#[get("/files/<path..>")]',
      'fn files(path: PathBuf) {}',
    ].join('\n'));
    expect(routeLines(facts)).toEqual([
      'GET /items/<id> @src/crate#item',
      'POST /upload @src/crate#upload',
      'GET /legacy @src/crate#legacy',
      'PUT /modern @src/crate#modern',
      'GET /files/<path> @src/crate#files',
    ]);
    expect(new Set(ofKind(facts, 'route').map((r) => r.framework))).toEqual(new Set(['rocket']));
    expect(ofKind(facts, 'route')[1]!.middleware?.map((m) => m.role)).toEqual(['auth']);
    expect(rocketPath('/a/<b..>?<c>')).toBe('/a/<b>');
  });

  it('mounts routes![] handlers under the base, and collector functions by their module', async () => {
    const facts = await extractRust(rustRouterRoutes, 'src/main.rs', [
      'mod users;',
      'mod admin;',
      '#[launch]',
      'fn rocket() -> _ {',
      '    let base = "";',
      '    rocket::build()',
      '        .mount("/", routes![index, users::list])',
      '        .mount([base, "/admin"].concat(), admin::routes())',
      '}',
    ].join('\n'));
    expect(mountLines(facts)).toEqual([
      "src/crate#rocket.return -> src/crate#index '/'",
      "src/crate#rocket.return -> src/users.rs#list '/'",
      "src/crate#rocket.return -> src/admin.rs#routes.return '/admin'",
    ]);
    expect(ofKind(facts, 'router').map((r) => r.isApp)).toEqual([true]);
  });

  it('follows route lists returned and appended across files', async () => {
    const { lines } = await endpointsOf({
      'src/main.rs': '#[macro_use] extern crate rocket;\nmod api;\n#[launch]\nfn rocket() -> _ { rocket::build().mount("/api", api::all_routes()) }\n',
      'src/api/mod.rs': [
        'use crate::api::v1::routes as v1_routes;',
        'mod v1;',
        '#[get("/ping")]',
        'fn ping() {}',
        'pub fn all_routes() -> Vec<Route> { let mut r = routes![ping]; r.append(&mut v1_routes()); r }',
      ].join('\n'),
      'src/api/v1.rs': '#[get("/status/<id>")]\nfn status(id: u32) {}\npub fn routes() -> Vec<Route> { routes![status] }\n',
    });
    expect(lines).toEqual(['GET /api/ping', 'GET /api/status/{id}']);
  });

  it('tells Rocket from Actix attributes by imports, then by path syntax', async () => {
    const attr = async (text: string) => ofKind(await extractRust(rustAttributeRoutes, 'src/a.rs', text), 'route')[0]?.framework;
    expect(await attr('use actix_web::get;\n#[get("/a")]\nfn a() {}')).toBe('actix');
    expect(await attr('use rocket::get;\n#[get("/a")]\nfn a() {}')).toBe('rocket');
    expect(await attr('#[get("/a/{id}")]\nfn a() {}')).toBe('actix');
    expect(await attr('#[get("/a/<id>")]\nfn a() {}')).toBe('rocket');
    expect(routeAttribute).toBeTypeOf('function');
  });
});
