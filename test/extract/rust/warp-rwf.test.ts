import { describe, expect, it } from 'vitest';
import { rustRouterRoutes } from '../../../src/extract/rust/routes.js';
import { warpRoutes } from '../../../src/extract/rust/warp.js';
import { endpointsOf, extractRust, mountLines, ofKind, routeLines } from './parse.js';

describe('warp', () => {
  it('reads filter chains joined with or(), path! macros and method filters', async () => {
    const facts = await extractRust(warpRoutes, 'src/main.rs', [
      'use warp::Filter;',
      'async fn main() {',
      '    let list = warp::path("users").and(warp::path::end()).and(warp::get()).and_then(list_users);',
      '    let one = warp::path!("users" / u32 / "posts" / String).and(warp::post()).map(|a, b| "x");',
      '    let any = warp::path!("echo").map(|| "echo");',
      '    let db = warp::any().map(|| ());',
      '    warp::serve(list.or(one).or(any)).run(([0, 0, 0, 0], 80)).await;',
      '}',
      'async fn list_users() {}',
    ].join('\n'));
    expect(routeLines(facts)).toEqual([
      'GET /users @src/crate#main:serve',
      'POST /users/{param1}/posts/{param2} @src/crate#main:serve',
      'ANY /echo @src/crate#main:serve',
    ]);
    const first = ofKind(facts, 'route')[0]!;
    expect(first.location.startLine).toBe(3);
    expect(first.handler).toEqual({ name: 'list_users', location: expect.objectContaining({ startLine: 9 }) });
    expect(ofKind(facts, 'service-entry')).toHaveLength(1);
  });

  it('mounts filters returned by functions under the path they are and()-ed to', async () => {
    const files = {
      'src/main.rs': [
        'use warp::Filter;',
        'pub fn server() -> impl Filter<Extract = (), Error = ()> + Clone {',
        '    warp::path("api").and(backend())',
        '}',
        'fn backend() -> impl Filter<Extract = (), Error = ()> + Clone {',
        '    warp::path!("stats").and(warp::get()).and(with_state()).and_then(stats)',
        '}',
        'fn with_state() -> impl Filter<Extract = (), Error = ()> + Clone { warp::any().map(|| ()) }',
      ].join('\n'),
    };
    const facts = await extractRust(warpRoutes, 'src/main.rs', files['src/main.rs']);
    expect(mountLines(facts)).toEqual(["src/crate#server.return -> src/crate#backend.return '/api'"]);
    expect((await endpointsOf(files)).lines).toEqual(['GET /api/stats']);
  });
});

describe('rwf', () => {
  it('reads route!/rest!/engine! lists and a controller\'s matched methods', async () => {
    const { lines } = await endpointsOf({
      'src/main.rs': [
        'use rwf::http::{Engine, Server};',
        'use rwf::prelude::*;',
        'struct Login;',
        'impl Controller for Login {',
        '    async fn handle(&self, request: &Request) -> Result<Response, Error> {',
        '        match request.method() { Method::GET => a(), Method::POST => b(), _ => c() }',
        '    }',
        '}',
        'async fn main() {',
        '    let admin = Engine::new(vec![route!("/index" => Index)]);',
        '    Server::new(vec![route!("/login" => Login), rest!("/api/posts" => Posts), Home.route("/"), engine!("/admin" => admin)]).launch().await;',
        '}',
      ].join('\n'),
    });
    expect(lines).toEqual([
      'ANY /', 'ANY /admin/index', 'DELETE /api/posts/{id}', 'GET /api/posts', 'GET /api/posts/{id}', 'GET /login',
      'PATCH /api/posts/{id}', 'POST /api/posts', 'POST /login', 'PUT /api/posts/{id}',
    ]);
  });

  it('needs the rwf crate', async () => {
    const facts = await extractRust(rustRouterRoutes, 'src/main.rs', 'fn main() { Server::new(vec![route!("/x" => X)]); }');
    expect(ofKind(facts, 'route')).toEqual([]);
  });
});
