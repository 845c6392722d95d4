import { describe, expect, it } from 'vitest';
import { endpointsOf } from './parse.js';

describe('Actix-web 1.x handlers', () => {
  it('reads `.to_async(h)` like `.to(h)` on method routes and resources', async () => {
    const { lines } = await endpointsOf({
      'src/main.rs': [
        'use actix_web::{web, App, HttpServer};',
        'fn main() {',
        '    HttpServer::new(|| App::new().configure(routes));',
        '}',
        'fn routes(app: &mut web::ServiceConfig) {',
        '    app.service(web::resource("/").to(home))',
        '        .service(web::scope("/v1")',
        '            .service(web::resource("books").route(web::get().to_async(list)).route(web::post().to_async(add)))',
        '            .service(web::resource("books/{isbn}").to_async(any_book))',
        '            .route("shelf", web::delete().to_async(clear)));',
        '}',
      ].join('\n'),
    });
    expect(lines).toEqual(['ANY /', 'ANY /v1/books/{isbn}', 'DELETE /v1/shelf', 'GET /v1/books', 'POST /v1/books']);
  });
});
