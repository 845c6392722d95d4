import { describe, expect, it } from 'vitest';
import { endpointsOf, extractJvm, ofKind, src } from '../parse.js';

describe('Javalin routes', () => {
  it('reads app calls and ApiBuilder groups with prefixes, crud and handler-only verbs', async () => {
    const facts = await extractJvm('src/main/java/a/App.java', src(
      'package a;',
      'import io.javalin.Javalin;',
      'import static io.javalin.apibuilder.ApiBuilder.*;',
      'class App {',
      '  static final String API = "/api";',
      '  void main() {',
      '    Javalin app = Javalin.create();',
      '    app.get("/hello", ctx -> ctx.result("hi"));',
      '    app.routes(() -> {',
      '      path(API, () -> {',
      '        get("/status", ctx -> ctx.result("ok"));',
      '        path("/teams/{id}", () -> { put(ctx -> {}); });',
      '        crud("/projects/{projectId}", new Projects());',
      '      });',
      '    });',
      '  }',
      '}',
    ));
    const lines = ofKind(facts, 'route').map((r) => `${r.method} ${r.path} ${r.location.startLine} @${r.router?.path.join('.')}`);
    expect(lines).toEqual([
      'GET /hello 8 @main:app', 'GET /api/status 11 @main:app', 'PUT /api/teams/{id} 12 @main:app',
      'GET /api/projects 13 @main:app', 'POST /api/projects 13 @main:app', 'GET /api/projects/{projectId} 13 @main:app',
      'PATCH /api/projects/{projectId} 13 @main:app', 'DELETE /api/projects/{projectId} 13 @main:app',
    ]);
  });

  it('applies the context path, static files, and groups handed to methods in other files', async () => {
    const { lines } = await endpointsOf({
      'src/main/java/a/App.java': src(
        'package a;',
        'import io.javalin.Javalin;',
        'import static io.javalin.apibuilder.ApiBuilder.path;',
        'class App {',
        '  void main() {',
        '    Javalin app = Javalin.create(config -> {',
        '      config.router.contextPath = "/ctx";',
        '      config.staticFiles.add("/public", Location.CLASSPATH);',
        '      config.staticFiles.enableWebjars();',
        '      config.router.apiBuilder(() -> path("/users", b.UserRoutes::routes));',
        '    });',
        '    app.delete("/sessions/{id}", ctx -> {});',
        '    Admin.register(app);',
        '  }',
        '}',
      ),
      'src/main/java/b/UserRoutes.java': src(
        'package b;',
        'import static io.javalin.apibuilder.ApiBuilder.*;',
        'import io.javalin.Javalin;',
        'public class UserRoutes { public static void routes() { get(UserRoutes::all); post("/{id}/roles", UserRoutes::grant); } }',
      ),
      'src/main/java/a/Admin.java': src(
        'package a;',
        'import io.javalin.Javalin;',
        'class Admin { static void register(Javalin app) { app.post("/admin/reindex", ctx -> {}); } }',
      ),
    });
    expect(lines).toEqual([
      'DELETE /ctx/sessions/{id}', 'GET /ctx/**', 'GET /ctx/users', 'GET /ctx/webjars/**', 'POST /ctx/admin/reindex', 'POST /ctx/users/{id}/roles',
    ]);
  });

  it('reads Kotlin trailing-lambda routes once, roles as auth guards, and Javalin 6 router.mount lambdas', async () => {
    const facts = await extractJvm('src/main/kotlin/a/App.kt', src(
      'package a',
      'import io.javalin.Javalin',
      'import io.javalin.apibuilder.ApiBuilder.*',
      'fun main() {',
      '  val app = Javalin.create {',
      '    it.router.mount { r -> r.put("/todos") { ctx -> ctx.status(204) } }',
      '  }',
      '  app.routes {',
      '    path("users") {',
      '      post("login", Users::login, Role.ANYONE)',
      '      get(Users::me, Role.USER)',
      '      get("/{id}") { ctx -> ctx.result("x") }',
      '    }',
      '  }',
      '}',
    ));
    const routes = ofKind(facts, 'route');
    expect(routes.map((r) => `${r.method} ${r.path} ${r.middleware?.map((m) => `${m.name}:${m.role}`).join(',') ?? ''}`)).toEqual([
      'PUT /todos ', 'POST users/login ', 'GET users roles(USER):auth', 'GET users/{id} ',
    ]);
    expect(new Set(routes.map((r) => r.router?.path.join('.')))).toEqual(new Set(['main:app']));
  });
});
