import { describe, expect, it } from 'vitest';
import { endpointsOf, extractJvm, ofKind, routeLines, src } from './parse.js';

describe('Spring annotated controllers (one file)', () => {
  it('joins class paths with method paths, one route per combination, with methods and ANY', async () => {
    const facts = await extractJvm('src/main/java/a/UserController.java', src(
      'package a;',
      'import org.springframework.web.bind.annotation.*;',
      '@RestController',
      '@RequestMapping(path = {"/users", "/people"})',
      'public class UserController {',
      '  private static final String ID = "/{id}";',
      '  @GetMapping',
      '  public String list() { return ""; }',
      '  @GetMapping(ID)',
      '  public String one() { return ""; }',
      '  @RequestMapping(value = ID + "/x", method = {RequestMethod.PUT, RequestMethod.PATCH})',
      '  public String update() { return ""; }',
      '  @RequestMapping("any")',
      '  public String any() { return ""; }',
      '  @PostMapping(value = "")',
      '  public String create() { return ""; }',
      '}',
    ));
    expect(routeLines(facts)).toEqual([
      'GET /users', 'GET /people',
      'GET /users/{id}', 'GET /people/{id}',
      'PUT /users/{id}/x', 'PATCH /users/{id}/x', 'PUT /people/{id}/x', 'PATCH /people/{id}/x',
      'ANY /users/any', 'ANY /people/any',
      'POST /users', 'POST /people',
    ]);
    const first = ofKind(facts, 'route')[0]!;
    expect(first.framework).toBe('spring');
    expect(first.location.startLine).toBe(7);
    expect(first.handler?.name).toBe('UserController.list');
    expect(first.handler?.location?.startLine).toBe(8);
  });

  it('reads auth and OpenAPI tags from class and method annotations', async () => {
    const facts = await extractJvm('A.java', src(
      'package a;',
      '@RestController',
      '@RequestMapping("/admin")',
      '@PreAuthorize("hasRole(\'ADMIN\')")',
      '@Tag(name = "admin")',
      'class A {',
      '  @GetMapping("/a") public String a() { return ""; }',
      '  @GetMapping("/b") @PermitAll public String b() { return ""; }',
      '  @GetMapping("/c") @PreAuthorize("permitAll()") public String c() { return ""; }',
      '  @GetMapping("/d") @Secured("ROLE_X") @Operation(tags = {"extra"}) public String d() { return ""; }',
      '}',
    ));
    const routes = ofKind(facts, 'route');
    expect(routes.map((r) => `${r.path}:${(r.middleware ?? []).map((m) => `${m.role}:${m.name}`).join(',')}`)).toEqual([
      '/admin/a:auth:@PreAuthorize(hasRole(\'ADMIN\'))', '/admin/b:', '/admin/c:', '/admin/d:auth:@Secured(ROLE_X)',
    ]);
    expect(routes.map((r) => r.openapiTags)).toEqual([['admin'], ['admin'], ['admin'], ['admin', 'extra']]);
  });

  it('reads Kotlin controllers with array arguments and companion constants', async () => {
    const facts = await extractJvm('src/main/kotlin/a/Html.kt', src(
      'package a',
      'import org.springframework.stereotype.Controller',
      '@Controller',
      'class Html {',
      '  @GetMapping(path = ["/v2", "/version2"], params = ["version=2"])',
      '  fun v2(): String = "x"',
      '  @RequestMapping(BASE + "/req", method = [RequestMethod.GET, RequestMethod.POST])',
      '  fun req(): String = "x"',
      '  companion object {',
      '    const val BASE = "/base"',
      '  }',
      '}',
    ));
    expect(routeLines(facts)).toEqual(['GET /v2', 'GET /version2', 'GET /base/req', 'POST /base/req']);
  });

  it('skips Feign clients, STOMP message mappings and test sources', async () => {
    const feign = await extractJvm('src/main/java/a/Client.java', src(
      '@FeignClient(name = "inventory")',
      'public interface Client { @GetMapping("/api/items") String items(); }',
    ));
    const stomp = await extractJvm('src/main/java/a/Chat.java', src(
      '@Controller',
      '@MessageMapping("/chat")',
      'public class Chat { @MessageMapping("/send") public void send() {} }',
    ));
    const test = await extractJvm('src/test/java/a/Probe.java', src(
      '@RestController',
      'public class Probe { @GetMapping("/probe") public String p() { return ""; } }',
    ));
    expect([...routeLines(feign), ...routeLines(stomp), ...routeLines(test)]).toEqual([]);
  });

  it('puts interface and abstract class mappings on a router with their class path as prefix', async () => {
    const facts = await extractJvm('src/main/java/a/CatalogApi.java', src(
      'package a;',
      '@RequestMapping("/catalog")',
      'public interface CatalogApi {',
      '  @GetMapping("/{id}") String get(String id);',
      '}',
    ));
    expect(ofKind(facts, 'router')).toMatchObject([{ ref: { file: 'jvm:a', path: ['CatalogApi'] }, prefix: '/catalog' }]);
    expect(routeLines(facts)).toEqual(['GET /{id} @CatalogApi']);
  });

  it('emits the Spring for GraphQL endpoint of a @QueryMapping controller at spring.graphql.path', async () => {
    const facts = await extractJvm('G.kt', src(
      'package g',
      'import org.springframework.graphql.data.method.annotation.QueryMapping',
      '@Controller',
      'class G {',
      '  @QueryMapping',
      '  fun articles(): List<String> = emptyList()',
      '}',
    ));
    expect(routeLines(facts)).toEqual(['POST  @G.$graphql']);
    expect(ofKind(facts, 'mount')[0]).toMatchObject({ prefix: '/graphql', prefixRef: { file: 'G.kt', path: ['spring.graphql.path'] } });
  });
});

describe('Spring controllers across files (through the model)', () => {
  it('applies an implemented interface, an extended abstract class and a constant from another file', async () => {
    const { lines } = await endpointsOf({
      'src/main/java/a/api/CatalogApi.java': src(
        'package a.api;',
        '@RequestMapping("/catalog")',
        'public interface CatalogApi { @GetMapping("/{id}") String get(String id); @PostMapping String create(); }',
      ),
      'src/main/java/a/web/CatalogController.java': src(
        'package a.web;',
        'import a.api.CatalogApi;',
        '@RestController @RequestMapping("/api")',
        'public class CatalogController implements CatalogApi {',
        '  public String get(String id) { return id; }',
        '  public String create() { return ""; }',
        '}',
      ),
      'src/main/java/a/web/AbstractCrud.java': src(
        'package a.web;',
        'public abstract class AbstractCrud { @GetMapping("/list") public String list() { return ""; } }',
      ),
      'src/main/java/a/web/Reports.java': src(
        'package a.web;',
        '@RestController @RequestMapping(Paths.REPORTS)',
        'public class Reports extends AbstractCrud { @PostMapping public String add() { return ""; } }',
      ),
      'src/main/java/a/web/Paths.java': src('package a.web;', 'final class Paths { static final String REPORTS = "/reports"; }'),
    });
    expect(lines).toEqual(['GET /api/catalog/{id}', 'GET /reports/list', 'POST /api/catalog', 'POST /reports']);
  });

  it('expands composed mapping annotations declared in other files', async () => {
    const { lines, model } = await endpointsOf({
      'src/a/ann/ExternalApi.java': src('package a.ann;', '@RequestMapping("/external")', 'public @interface ExternalApi {}'),
      'src/a/ann/AuditGet.java': src('package a.ann;', '@GetMapping("/audit")', 'public @interface AuditGet {}'),
      'src/a/ann/Remove.java': src('package a.ann;', '@RequestMapping(method = RequestMethod.DELETE)', 'public @interface Remove { String value() default ""; }'),
      'src/a/Ctl.java': src(
        'package a;',
        'import a.ann.AuditGet;',
        'import a.ann.ExternalApi;',
        'import a.ann.Remove;',
        '@RestController @ExternalApi',
        'public class Ctl {',
        '  @AuditGet public String audit() { return ""; }',
        '  @Remove("/reports/{id}") public void remove() {}',
        '}',
      ),
    });
    expect(lines).toEqual(['DELETE /external/reports/{id}', 'GET /external/audit']);
    expect(model.endpoints.every((e) => e.framework === 'spring')).toBe(true);
  });

  it('resolves ${placeholders} and the context path from application.properties', async () => {
    const { lines } = await endpointsOf({
      'src/main/resources/application.properties': src('server.servlet.context-path=/portal', 'api.base=/configured'),
      'src/main/java/a/P.java': src(
        'package a;',
        '@RestController @RequestMapping("${api.base:/api}")',
        'public class P {',
        '  @GetMapping("/items") public String items() { return ""; }',
        '  @GetMapping("${docs.path:/docs}/guide") public String guide() { return ""; }',
        '}',
        '@Controller @RequestMapping("${server.error.path:${error.path:/error}}")',
        'class E { @RequestMapping public String error() { return ""; } }',
      ),
    });
    expect(lines).toEqual(['ANY /portal/error', 'GET /portal/configured/docs/guide', 'GET /portal/configured/items']);
  });

  it('finds mappings inherited by a Kotlin controller from an interface in another package', async () => {
    const { lines } = await endpointsOf({
      'src/main/kotlin/com/example/api/UserApi.kt': src(
        'package com.example.api',
        '@RequestMapping("/api/users")',
        'interface UserApi {',
        '  @GetMapping("/{id}")',
        '  fun show(@PathVariable id: String): String',
        '  @PostMapping',
        '  fun create(): String',
        '}',
      ),
      'src/main/kotlin/com/example/web/UserController.kt': src(
        'package com.example.web',
        'import com.example.api.UserApi',
        '@RestController',
        'class UserController(private val s: S) : UserApi {',
        '  override fun show(id: String) = id',
        '  override fun create() = ""',
        '}',
      ),
    });
    expect(lines).toEqual(['GET /api/users/{id}', 'POST /api/users']);
  });
});
