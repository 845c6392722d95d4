import { describe, expect, it } from 'vitest';
import { wicketPath } from '../../../src/extract/jvm/wicket.js';
import { endpointsOf, extractJvm, ofKind, routeLines, src } from './parse.js';

describe('JDK HttpServer', () => {
  const server = (...body: string[]) => src(
    'package a;',
    'import com.sun.net.httpserver.*;',
    'public class S {',
    '  static final String BASE = "/api";',
    '  void start(HttpServer server) {',
    ...body,
    '  }',
    '  static void health(HttpExchange ex) {}',
    '  static class Upload implements HttpHandler {',
    '    public void handle(HttpExchange ex) { if (ex.getRequestMethod().equals("POST")) {} }',
    '  }',
    '}',
  );

  it('reads the methods a handler compares the request method with', async () => {
    const facts = await extractJvm('src/main/java/a/S.java', server(
      '    server.createContext("/", ex -> ex.close());',
      '    server.createContext("/users", ex -> { if ("GET".equals(ex.getRequestMethod())) {} else if (ex.getRequestMethod().equalsIgnoreCase("post")) {} });',
      '    server.createContext(BASE, ex -> { String m = ex.getRequestMethod(); switch (m) { case "GET": break; case "DELETE": break; default: break; } });',
      '    server.createContext("/upload", new Upload());',
      '    server.createContext("/health", S::health);',
      '    server.createContext("/status");',
      '    server.createContext("/feed", ex -> { switch (ex.getRequestMethod().toUpperCase()) { case "GET" -> a(); case "HEAD" -> b(); } });',
      '    server.createContext("/ops", ex -> { String op = ex.getRequestHeaders().getFirst("X-Op"); switch (op) { case "PUT": break; } });',
    ));
    expect(routeLines(facts)).toEqual([
      'GET /', 'GET /users', 'POST /users', 'GET /api', 'DELETE /api', 'POST /upload', 'GET /health', 'GET /status', 'GET /feed', 'HEAD /feed', 'GET /ops',
    ]);
    expect(ofKind(facts, 'route')[0]!.location.startLine).toBe(6);
  });

  it('skips test sources and files that do not use the JDK server', async () => {
    expect(routeLines(await extractJvm('src/test/java/a/S.java', server('    server.createContext("/x", ex -> {});')))).toEqual([]);
    const other = src('package a;', 'class T { void f(Ctx c) { c.createContext("/x", h); } }');
    expect(routeLines(await extractJvm('src/main/java/a/T.java', other))).toEqual([]);
  });
});

describe('Helidon SE', () => {
  it('links routing methods and registered services across files', async () => {
    const { lines } = await endpointsOf({
      'src/main/java/a/Main.java': src(
        'package a;',
        'import io.helidon.webserver.http.HttpRouting;',
        'public final class Main {',
        '  static void routing(HttpRouting.Builder routing) {',
        '    routing.get("/health", (req, res) -> res.send("OK")).any("/ping", (req, res) -> res.send("pong"))',
        '      .register("/greet", new GreetService());',
        '    Map<String, String> m = new HashMap<>(); m.put("/not-a-route", "x");',
        '  }',
        '}',
      ),
      'src/main/java/a/GreetService.java': src(
        'package a;',
        'import io.helidon.webserver.http.*;',
        'public class GreetService implements HttpService {',
        '  private static final String STATUS = "/status";',
        '  public void routing(HttpRules rules) {',
        '    AdminService admin = AdminService.create();',
        '    rules.get("/", this::hello).get("/{name}", this::named).put("/greeting", this::update).register("/admin", admin);',
        '  }',
        '}',
      ),
      'src/main/java/a/AdminService.java': src(
        'package a;',
        'import io.helidon.webserver.http.*;',
        'public class AdminService implements HttpService {',
        '  static AdminService create() { return new AdminService(); }',
        '  public void routing(HttpRules rules) { rules.get("/status", (q, s) -> s.send()).delete("/cache/{id}", (q, s) -> s.send()); }',
        '}',
      ),
    });
    expect(lines).toEqual([
      'ANY /ping', 'DELETE /greet/admin/cache/{id}', 'GET /greet', 'GET /greet/admin/status', 'GET /greet/{name}', 'GET /health', 'PUT /greet/greeting',
    ]);
  });
});

describe('Apache Wicket', () => {
  it('converts Wicket placeholders', () => {
    expect(wicketPath('/orders/${orderId}/#{page}')).toBe('/orders/{orderId}/{page}');
  });

  it('reads application mounts, mappers, helper-method paths and lambda REST mounters', async () => {
    const facts = await extractJvm('src/main/java/a/App.java', src(
      'package a;',
      'import org.apache.wicket.protocol.http.WebApplication;',
      'import org.wicketstuff.rest.lambda.mounter.LambdaRestMounter;',
      'public class App extends WebApplication {',
      '  private static final String USERS = "/users";',
      '  protected void init() {',
      '    mountPage(USERS, UserListPage.class);',
      '    mountPage(USERS + "/${id}", UserPage.class);',
      '    mountPackage("/admin", AdminPage.class);',
      '    mountResource("/assets/${name}", new SharedResourceReference("asset"));',
      '    mount(new MountedMapper("/reports/${reportId}", ReportPage.class));',
      '    mount(new PackageMapper("/legacy", LegacyPage.class));',
      '    getRootRequestMapperAsCompound().add(new ResourceMapper("/downloads/#{file}", new SharedResourceReference("d")));',
      '    alias("/dashboards", AdminPage.class);',
      '    LambdaRestMounter rest = new LambdaRestMounter(this);',
      '    rest.get("/lambda/status", attributes -> "ok", Object::toString);',
      '    rest.post("/lambda/items/{itemId}", attributes -> "ok", Object::toString);',
      '  }',
      '  private void alias(String path, Class<?> page) { getRootRequestMapperAsCompound().add(new MountedMapper(path, page)); }',
      '}',
    ));
    expect(routeLines(facts).sort()).toEqual([
      'GET /admin/**', 'GET /assets/{name}', 'GET /dashboards', 'GET /downloads/{file}', 'GET /lambda/status', 'GET /legacy/**',
      'GET /reports/{reportId}', 'GET /users', 'GET /users/{id}', 'POST /lambda/items/{itemId}',
    ]);
  });

  it('mounts annotated REST resources at @ResourcePath and under mountResource, and reads @MountPath pages', async () => {
    const { lines } = await endpointsOf({
      'src/main/java/a/App.java': src(
        'package a;',
        'import org.apache.wicket.protocol.http.WebApplication;',
        'public class App extends WebApplication {',
        '  protected void init() {',
        '    mountResource("/api", new ResourceReference("rest") {',
        '      private final PersonsResource resource = new PersonsResource();',
        '      public IResource getResource() { return resource; }',
        '    });',
        '  }',
        '}',
      ),
      'src/main/java/a/PersonsResource.java': src(
        'package a;',
        'import org.wicketstuff.rest.annotations.*;',
        '@ResourcePath("/scanned")',
        'public class PersonsResource implements IResource {',
        '  @MethodMapping("/persons") public String list() { return ""; }',
        '  @MethodMapping(value = "/persons/{id}", httpMethod = HttpMethod.DELETE) public void delete(int id) {}',
        '}',
      ),
      'src/main/java/a/Pages.java': src(
        'package a;',
        'import org.wicketstuff.annotation.mount.MountPath;',
        '@MountPath public class DefaultPage extends WebPage {}',
        '@MountPath(value = "/orders/${orderId}", alt = {"/purchases/${orderId}"}) class OrderPage extends WebPage {}',
      ),
    });
    expect(lines).toEqual([
      'DELETE /api/persons/{id}', 'DELETE /scanned/persons/{id}', 'GET /DefaultPage', 'GET /api/persons', 'GET /orders/{orderId}',
      'GET /purchases/{orderId}', 'GET /scanned/persons',
    ]);
  });
});
