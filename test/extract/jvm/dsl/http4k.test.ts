import { describe, expect, it } from 'vitest';
import { endpointsOf, extractJvm, ofKind, src } from '../parse.js';

describe('http4k routes', () => {
  it('reads bind/to entries, nested routes, verbs under a path and handler binds', async () => {
    const facts = await extractJvm('src/main/kotlin/a/App.kt', src(
      'package a',
      'import org.http4k.core.Method',
      'import org.http4k.core.Method.GET',
      'import org.http4k.routing.*',
      'val app = routes(',
      '  "/hello" bind GET to { Response(OK) },',
      '  "/api" bind routes(',
      '    "/search" bind Method.POST to { Response(OK) },',
      '    "/w/{id}" bind routes(GET to h, Method.DELETE to h)',
      '  ),',
      '  "/raw" bind { req: Request -> Response(OK) }',
      ')',
    ));
    const routes = ofKind(facts, 'route');
    expect(routes.map((r) => `${r.method} ${r.path} ${r.location.startLine}`)).toEqual([
      'GET /hello 6', 'POST /api/search 8', 'GET /api/w/{id} 9', 'DELETE /api/w/{id} 9', 'ANY /raw 11',
    ]);
    expect(routes[0]!.router).toEqual({ file: 'jvm:a', path: ['app'] });
  });

  it('mounts routes values declared in other files under the path they are bound to', async () => {
    const { lines } = await endpointsOf({
      'src/main/kotlin/a/App.kt': src(
        'package a',
        'import org.http4k.routing.*',
        'import b.userRoutes',
        'val app = routes("/users" bind userRoutes(), "/admin" bind adminRoutes)',
      ),
      'src/main/kotlin/b/Users.kt': src(
        'package b',
        'import org.http4k.routing.*',
        'import org.http4k.core.Method.GET',
        'fun userRoutes(): RoutingHttpHandler = routes("/{id}" bind GET to { Response(OK) })',
      ),
      'src/main/kotlin/a/Admin.kt': src(
        'package a',
        'import org.http4k.routing.*',
        'import org.http4k.core.Method.POST',
        'val adminRoutes = routes("/reindex" bind POST to { Response(OK) })',
      ),
    });
    expect(lines).toEqual(['GET /users/{id}', 'POST /admin/reindex']);
  });

  it('reads contract routes with path lenses, route functions of the file and the description path', async () => {
    const facts = await extractJvm('src/main/kotlin/a/Api.kt', src(
      'package a',
      'import org.http4k.contract.*',
      'import org.http4k.core.Method.GET',
      'import org.http4k.core.Method.POST',
      'import org.http4k.routing.*',
      'fun echoRoute(): ContractRoute {',
      '  return "/echo" / Path.of("name") meta { summary = "echo" } bindContract POST to ::echo',
      '}',
      'val api = routes(',
      '  "/api/v1" bind contract {',
      '    descriptionPath = "/openapi.json"',
      '    routes += echoRoute()',
      '    routes += "/items" / Path.int().of("id") / "tags" bindContract GET to ::tags',
      '  }',
      ')',
    ));
    expect(ofKind(facts, 'route').map((r) => `${r.method} ${r.path} ${r.location.startLine}${r.origin ? ` ${r.origin}` : ''}`)).toEqual([
      'GET /api/v1/openapi.json 11 generated', 'POST /api/v1/echo/{name} 7', 'GET /api/v1/items/{id}/tags 13',
    ]);
  });
});
