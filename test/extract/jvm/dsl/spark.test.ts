import { describe, expect, it } from 'vitest';
import { endpointsOf, extractJvm, ofKind, src } from '../parse.js';

describe('Spark routes', () => {
  it('reads static routes inside nested path groups, redirects and filters', async () => {
    const facts = await extractJvm('src/main/java/a/App.java', src(
      'package a;',
      'import static spark.Spark.*;',
      'class App {',
      '  static final String V1 = "/v1";',
      '  void main() {',
      '    before((req, res) -> {});',
      '    path("/api", () -> {',
      '      get("/status", (req, res) -> "ok");',
      '      path(V1, () -> put("/items/:id", "application/json", (req, res) -> "", json()));',
      '    });',
      '    redirect.any("/legacy", "/api/status");',
      '    Spark.delete("/sessions/:id", (req, res) -> "");',
      '  }',
      '}',
    ));
    expect(ofKind(facts, 'route').map((r) => `${r.method} ${r.path} ${r.location.startLine}`)).toEqual([
      'GET /api/status 8', 'PUT /api/v1/items/:id 9', 'ANY /legacy 11', 'DELETE /sessions/:id 12',
    ]);
  });

  it('joins a group prefix onto the routes of a method in another file, and ignores files without Spark', async () => {
    const { lines } = await endpointsOf({
      'src/main/java/a/App.java': src(
        'package a;',
        'import static spark.Spark.*;',
        'import b.Users;',
        'class App { void main() { path("/users", () -> { Users.routes(); }); } }',
      ),
      'src/main/java/b/Users.java': src(
        'package b;',
        'import spark.Spark;',
        'public class Users { public static void routes() { Spark.get("/:id", (q, s) -> ""); } }',
      ),
      'src/main/java/c/Other.java': src(
        'package c;',
        'class Other { void m(Map<String, String> m) { m.get("/not-a-route"); } }',
      ),
    });
    expect(lines).toEqual(['GET /users/{id}']);
  });
});
