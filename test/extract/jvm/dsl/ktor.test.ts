import { describe, expect, it } from 'vitest';
import { endpointsOf, extractJvm, ofKind, src } from '../parse.js';

describe('Ktor routes', () => {
  it('reads nested route blocks, method blocks, handle and auth wrappers, not the OpenAPI describe DSL', async () => {
    const facts = await extractJvm('src/main/kotlin/a/App.kt', src(
      'package a',
      'import io.ktor.server.routing.*',
      'import io.ktor.http.HttpMethod',
      'fun Application.module() {',
      '  routing {',
      '    get("/") { call.respondText("hi") }',
      '    route("/api") {',
      '      post("/items/{id}") { }',
      '      route("/v1", HttpMethod.Put) { handle { } }',
      '      method(HttpMethod.Delete) { route("/old") { handle { } } }',
      '      authenticate("jwt") { get { } }',
      '    }',
      '    get("/bytes") { }.describe { parameters { query("seed") { } } }',
      '    static("/assets") { resources("web") }',
      '  }',
      '}',
    ));
    const routes = ofKind(facts, 'route');
    expect(routes.map((r) => `${r.method} ${r.path} ${r.location.startLine}`)).toEqual([
      'GET / 6', 'POST /api/items/{id} 8', 'PUT /api/v1 9', 'DELETE /api/old 10', 'GET /api 11', 'GET /bytes 13', 'GET /assets/** 14',
    ]);
    expect(routes[4]!.middleware).toEqual([expect.objectContaining({ name: 'authenticate("jwt")', role: 'auth' })]);
  });

  it('mounts Route extension functions of other files at the prefix of the block that calls them', async () => {
    const { lines } = await endpointsOf({
      'src/main/kotlin/a/App.kt': src(
        'package a',
        'import io.ktor.server.routing.*',
        'import b.users',
        'fun Application.module() { routing { route("/api") { users() } } }',
      ),
      'src/main/kotlin/b/Users.kt': src(
        'package b',
        'import io.ktor.server.routing.*',
        'fun Route.users() { route("/users") { get("/{id}") { } } }',
      ),
      'src/test/kotlin/a/AppTest.kt': src(
        'package a',
        'import io.ktor.server.routing.*',
        'fun test() { routing { get("/test-only") { } } }',
      ),
    });
    expect(lines).toEqual(['GET /api/users/{id}']);
  });

  it('reads type-safe resource routes, nesting @Resource classes under their parent', async () => {
    const { lines } = await endpointsOf({
      'src/main/kotlin/a/App.kt': src(
        'package a',
        'import io.ktor.server.routing.*',
        'import io.ktor.server.resources.*',
        'import b.Articles',
        'fun Route.articles() {',
        '  route("/api") {',
        '    get<Articles> { }',
        '    post<Articles.Comments> { }',
        '  }',
        '}',
      ),
      'src/main/kotlin/b/Articles.kt': src(
        'package b',
        'import io.ktor.resources.Resource',
        '@Resource("/articles")',
        'class Articles {',
        '  @Resource("{slug}/comments")',
        '  class Comments(val parent: Articles = Articles(), val slug: String)',
        '}',
      ),
    });
    expect(lines).toEqual(['GET /api/articles', 'POST /api/articles/{slug}/comments']);
  });
});
