import { describe, expect, it } from 'vitest';
import { endpointsOf, extractJvm, ofKind, src } from '../parse.js';

describe('Armeria routes', () => {
  it('reads annotated services with @PathPrefix, @Path arrays and constants, on a router per class', async () => {
    const facts = await extractJvm('src/main/java/a/Users.java', src(
      'package a;',
      'import com.linecorp.armeria.server.annotation.*;',
      '@PathPrefix(Users.BASE)',
      'class Users {',
      '  static final String BASE = "/users";',
      '  @Get("/{id}")',
      '  public HttpResponse get(@Param String id) { return null; }',
      '  @Post',
      '  @Path({"/", "/new"})',
      '  public HttpResponse create() { return null; }',
      '}',
    ));
    const routes = ofKind(facts, 'route').filter((r) => r.framework === 'armeria');
    expect(routes.map((r) => `${r.method} ${r.path} ${r.location.startLine}`)).toEqual(['GET /{id} 6', 'POST / 8', 'POST /new 8']);
    expect(routes[0]!.router).toEqual({ file: 'jvm:a', path: ['Users', '$armeria'] });
    expect(ofKind(facts, 'router').find((r) => r.framework === 'armeria')?.prefix).toBe('/users');
  });

  it('ignores @Get of other frameworks', async () => {
    const facts = await extractJvm('A.java', src(
      'import com.linecorp.armeria.server.Server;',
      'import io.micronaut.http.annotation.Get;',
      'class A { @Get("/x") String x() { return ""; } }',
    ));
    expect(ofKind(facts, 'route').filter((r) => r.framework === 'armeria')).toEqual([]);
  });

  it('reads ServerBuilder services, route builders and mounts annotated services across files', async () => {
    const { lines } = await endpointsOf({
      'src/main/java/a/Main.java': src(
        'package a;',
        'import com.linecorp.armeria.server.Server;',
        'import com.linecorp.armeria.server.file.HttpFile;',
        'import com.linecorp.armeria.common.HttpMethod;',
        'class Main {',
        '  static final String API = "/api";',
        '  void main() {',
        '    var favicon = HttpFile.of(Main.class.getClassLoader(), "/f.ico").asService();',
        '    Server.builder()',
        '      .service("/graphql", new Proxy())',
        '      .service("/favicon.ico", favicon)',
        '      .serviceUnder("/proxy", new Proxy())',
        '      .route().delete(API + "/x/{id}").build(new X())',
        '      .route().path("/bulk").methods(HttpMethod.GET, HttpMethod.POST).build(new X())',
        '      .withRoute(b -> b.path("/w/{id}").build(new X()))',
        '      .service(Route.builder().path("/rb").methods(HttpMethod.PUT).build(), new X())',
        '      .annotatedService(API, new Items())',
        '      .service(new Catalog())',
        '      .serviceUnder("/shop", new Catalog())',
        '      .build();',
        '  }',
        '}',
      ),
      'src/main/java/a/Items.java': src(
        'package a;',
        'import com.linecorp.armeria.server.annotation.Get;',
        'public class Items { @Get("/items/{id}") public HttpResponse get() { return null; } }',
      ),
      'src/main/java/a/Catalog.java': src(
        'package a;',
        'import com.linecorp.armeria.server.HttpServiceWithRoutes;',
        'import com.linecorp.armeria.server.Route;',
        'class Catalog implements HttpServiceWithRoutes {',
        '  public Set<Route> routes() { return Set.of(Route.builder().get("/catalog/{id}").build()); }',
        '}',
      ),
    });
    const any = (p: string) => ['ANY'].map((m) => `${m} ${p}`);
    expect(lines).toEqual([
      ...any('/graphql'), ...any('/proxy'), ...any('/w/{id}'),
      'DELETE /api/x/{id}', 'GET /api/items/{id}', 'GET /bulk', 'GET /catalog/{id}', 'GET /favicon.ico', 'GET /shop/catalog/{id}',
      'HEAD /favicon.ico', 'POST /bulk', 'PUT /rb',
    ]);
  });
});
