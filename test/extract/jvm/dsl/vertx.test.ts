import { describe, expect, it } from 'vitest';
import { endpointsOf, extractJvm, ofKind, routeLines, src } from '../parse.js';

describe('Vert.x Web routes', () => {
  it('reads verb calls, route(...) chains and method restrictions on a router variable', async () => {
    const facts = await extractJvm('src/main/java/a/V.java', src(
      'package a;',
      'import io.vertx.ext.web.Router;',
      'import io.vertx.core.http.HttpMethod;',
      'class V {',
      '  static final String API = "/api";',
      '  void start(Vertx vertx, SqlClient client) {',
      '    Router router = Router.router(vertx);',
      '    router.get("/a/:id").handler(this::a);',
      '    router.route(HttpMethod.DELETE, API + "/b").handler(this::b);',
      '    router.route().path("/c").method(HttpMethod.PUT).method(HttpMethod.PATCH).handler(this::c);',
      '    router.route("/d").handler(this::d);',
      '    router.route("/e").get(this::e);',
      '    router.route("/api/*").handler(BodyHandler.create());',
      '    router.route("/static/*").handler(StaticHandler.create());',
      '    router.get("/pending");',
      '    client.query("SELECT 1").execute();',
      '  }',
      '}',
    ));
    expect(routeLines(facts)).toEqual([
      'GET /a/:id @start:router', 'DELETE /api/b @start:router', 'PUT /c @start:router', 'PATCH /c @start:router',
      'ANY /d @start:router', 'GET /e @start:router', 'GET /static/* @start:router',
    ]);
    expect(ofKind(facts, 'route').map((r) => r.location.startLine)).toEqual([8, 9, 10, 10, 11, 12, 14]);
  });

  it('mounts sub-routers and routers passed to methods in other files', async () => {
    const { lines } = await endpointsOf({
      'src/main/java/a/Main.java': src(
        'package a;',
        'import io.vertx.ext.web.Router;',
        'import b.Users;',
        'class Main {',
        '  void start() {',
        '    Router root = Router.router(vertx);',
        '    Router api = Router.router(vertx);',
        '    Router bridge = Router.router(vertx);',
        '    api.get("/items").handler(this::items);',
        '    Users.register(api);',
        '    root.mountSubRouter("/api", api);',
        '    root.route("/v2/*").subRouter(api);',
        '    root.route("/eventbus/*").subRouter(bridge);',
        '  }',
        '}',
      ),
      'src/main/java/b/Users.java': src(
        'package b;',
        'import io.vertx.ext.web.Router;',
        'public class Users {',
        '  public static void register(Router router) { router.post("/users").handler(ctx -> ctx.end()); }',
        '}',
      ),
    });
    expect(lines).toEqual(['ANY /eventbus/*', 'GET /api/items', 'GET /v2/items', 'POST /api/users', 'POST /v2/users']);
  });

  it('follows local path variables, returned routers, and drops every-method filters in front of method routes', async () => {
    const { lines } = await endpointsOf({
      'src/main/java/a/Main.java': src(
        'package a;',
        'import io.vertx.ext.web.Router;',
        'class Main {',
        '  void start() {',
        '    Router root = Router.router(vertx);',
        '    root.mountSubRouter("/api", new UserApi().create(vertx));',
        '  }',
        '}',
      ),
      'src/main/java/a/UserApi.java': src(
        'package a;',
        'import io.vertx.ext.web.Router;',
        'class UserApi {',
        '  Router create(Vertx vertx) {',
        '    final String base = "/user";',
        '    Router r = Router.router(vertx);',
        '    r.route(base).handler(ctx -> auth(ctx));',
        '    r.get(base).handler(this::get);',
        '    r.put(base + "/:id").handler(this::put);',
        '    return r;',
        '  }',
        '}',
      ),
    });
    expect(lines).toEqual(['GET /api/user', 'PUT /api/user/{id}']);
  });
});
