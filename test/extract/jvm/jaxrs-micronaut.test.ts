import { describe, expect, it } from 'vitest';
import { endpointsOf, extractJvm, ofKind, routeLines, src } from './parse.js';

describe('JAX-RS resources', () => {
  it('puts resources on class routers under their package anchors', async () => {
    const facts = await extractJvm('src/main/java/com/shop/UserResource.java', src(
      'package com.shop;',
      'import jakarta.ws.rs.*;',
      '@Path("/users")',
      'public class UserResource {',
      '  @GET public String list() { return ""; }',
      '  @DELETE @Path("/{id: [0-9]+}") @RolesAllowed("admin") public void remove() {}',
      '}',
    ));
    expect(routeLines(facts)).toEqual(['GET  @UserResource', 'DELETE /{id: [0-9]+} @UserResource']);
    expect(ofKind(facts, 'route')[1]!.middleware).toMatchObject([{ role: 'auth', name: '@RolesAllowed(admin)' }]);
    const mounts = ofKind(facts, 'mount').map((m) => `${m.parent.file}#${m.parent.path.join('.')} -> ${m.child.file}#${m.child.path.join('.')} ${m.prefix}`);
    expect(mounts).toEqual([
      'jvm:#$jaxrs-server -> jvm:#$jaxrs ',
      'jvm:#$jaxrs -> jvm:com#$jaxrs ',
      'jvm:com#$jaxrs -> jvm:com.shop#$jaxrs ',
      'jvm:com.shop#$jaxrs -> jvm:com.shop#UserResource /users',
    ]);
  });

  it('applies @ApplicationPath to its package, with web.xml servlet mappings taking precedence', async () => {
    const resource = (pkg: string, path: string) => src(`package ${pkg};`, `@Path("${path}")`, 'public class R { @GET public String get() { return ""; } }');
    const { lines } = await endpointsOf({
      'src/main/java/com/example/RestApplication.java': src(
        'package com.example;', '@ApplicationPath("/rest")', 'public class RestApplication extends Application {}',
      ),
      'src/main/java/com/example/api/R.java': resource('com.example.api', '/users'),
      'src/main/java/com/legacy/api/R.java': resource('com.legacy.api', '/ping'),
      'src/main/java/com/simple/SimpleApplication.java': src(
        'package com.simple;', '@ApplicationPath("/simple-api")', 'public class SimpleApplication extends Application {}',
      ),
      'src/main/java/com/simple/api/R.java': resource('com.simple.api', '/simple'),
      'src/main/webapp/WEB-INF/web.xml': src(
        '<web-app>',
        '  <servlet><servlet-name>rest</servlet-name><servlet-class>com.example.RestApplication</servlet-class></servlet>',
        '  <servlet-mapping><servlet-name>rest</servlet-name><url-pattern>/services/*</url-pattern></servlet-mapping>',
        '  <servlet>',
        '    <servlet-name>jersey</servlet-name>',
        '    <servlet-class>org.glassfish.jersey.servlet.ServletContainer</servlet-class>',
        '    <init-param><param-name>jersey.config.server.provider.packages</param-name><param-value>com.legacy</param-value></init-param>',
        '  </servlet>',
        '  <servlet-mapping><servlet-name>jersey</servlet-name><url-pattern>/legacy/*</url-pattern></servlet-mapping>',
        '</web-app>',
      ),
    });
    expect(lines).toEqual(['GET /legacy/ping', 'GET /services/users', 'GET /simple-api/simple']);
  });

  it('mounts sub-resource locators at their path with the locator\'s security', async () => {
    const { lines, model } = await endpointsOf({
      'src/main/java/a/Users.java': src(
        'package a;',
        '@Path("/users") @RolesAllowed("user")',
        'public class Users {',
        '  @Path("/{id}/profile") public Profile profile() { return new Profile(); }',
        '}',
      ),
      'src/main/java/a/Profile.java': src(
        'package a;',
        'public class Profile { @GET public String get() { return ""; } @GET @Path("/settings") public String s() { return ""; } }',
      ),
      'src/main/resources/application.properties': src('quarkus.http.root-path=/app'),
    });
    expect(lines).toEqual(['GET /app/users/{id}/profile', 'GET /app/users/{id}/profile/settings']);
    expect(model.endpoints.map((e) => e.auth)).toEqual(['required', 'required']);
  });
});

describe('Micronaut and Quarkus', () => {
  it('reads Micronaut @Controller with uris, constants and URI templates', async () => {
    const facts = await extractJvm('B.java', src(
      'package b;',
      'import io.micronaut.http.annotation.*;',
      '@Controller("/books")',
      'public class B {',
      '  static final String ADMIN = "/admin";',
      '  @Get public String list() { return ""; }',
      '  @Get(uris = {"/popular", "/featured"}) public String top() { return ""; }',
      '  @Post(value = ADMIN + "/stats") public String stats() { return ""; }',
      '  @Get("/search{?q,page}") public String search() { return ""; }',
      '  @CustomHttpMethod(method = "QUERY", value = "/q") public String q() { return ""; }',
      '}',
    ));
    // QUERY routes are extracted (the JSON lists them apart: the contract has no QUERY method yet)
    expect(routeLines(facts)).toEqual(['GET /books', 'GET /books/popular', 'GET /books/featured', 'POST /books/admin/stats', 'GET /books/search', 'QUERY /books/q']);
    expect(ofKind(facts, 'route').every((r) => r.framework === 'micronaut')).toBe(true);
  });

  it('does not read Spring @Controller mappings in a Micronaut file, nor Micronaut verbs elsewhere', async () => {
    const facts = await extractJvm('S.java', src(
      'package s;',
      '@RestController',
      'public class S { @Get("/x") public String x() { return ""; } @GetMapping("/y") public String y() { return ""; } }',
    ));
    // @Get could be a project annotation composed of @GetMapping: the class goes through a router.
    expect(routeLines(facts)).toEqual(['GET /y @S']);
  });

  it('reads Quarkus reactive routes: GET without methods, the method name without a path, failure handlers skipped', async () => {
    const facts = await extractJvm('R.java', src(
      'package r;',
      'import io.quarkus.vertx.web.Route;',
      'import io.quarkus.vertx.web.RouteBase;',
      '@RouteBase(path = "/reactive")',
      'public class R {',
      '  @Route(path = "/events/:id", methods = Route.HttpMethod.GET) public String e() { return ""; }',
      '  @Route(path = "/status") public String s() { return ""; }',
      '  @Route(path = "/*", type = Route.HandlerType.FAILURE) public void f() {}',
      '  @Route(methods = Route.HttpMethod.POST) public String reload() { return ""; }',
      '}',
    ));
    expect(routeLines(facts)).toEqual(['GET /reactive/events/:id', 'GET /reactive/status', 'POST /reactive/reload']);
    expect(ofKind(facts, 'route')[0]!.framework).toBe('quarkus');
  });

  it('emits WebSocket endpoints and the JAX-RS application path constant', async () => {
    const socket = await extractJvm('W.java', src(
      'package w;',
      'import jakarta.websocket.server.ServerEndpoint;',
      '@ServerEndpoint(W.ROOT + "/chat/{room}")',
      'public class W { static final String ROOT = "/ws"; }',
    ));
    expect(routeLines(socket)).toEqual(['GET /ws/chat/{room}']);
    const app = await extractJvm('src/a/App.java', src('package a.b;', '@ApplicationPath("/api")', 'public class App extends Application {}'));
    expect(ofKind(app, 'constant')).toMatchObject([{ ref: { file: 'jvm:a.b', path: ['$jaxrs-path:a.b'] }, value: '/api' }]);
  });
});
