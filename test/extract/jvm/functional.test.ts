import { describe, expect, it } from 'vitest';
import { endpointsOf, extractJvm, ofKind, routeLines, src } from './parse.js';

describe('Spring functional routes', () => {
  it('reads the Java route() builder with nest() and path() prefixes and constants', async () => {
    const facts = await extractJvm('src/main/java/a/Router.java', src(
      'package a;',
      'import static org.springframework.web.servlet.function.RouterFunctions.route;',
      'import org.springframework.web.servlet.function.RouterFunction;',
      'class Router {',
      '  private static final String API = "/api";',
      '  RouterFunction<ServerResponse> r(Handler h) {',
      '    return route()',
      '      .GET("/{user}", ACCEPT_JSON, h::get)',
      '      .nest(RequestPredicates.path(API).and(accept(JSON)), api -> api',
      '        .nest(path("/v1"), v1 -> v1.POST("/items", h::create)))',
      '      .path("/files", b -> b.DELETE("/{id}", h::delete))',
      '      .build();',
      '  }',
      '}',
    ));
    expect(routeLines(facts)).toEqual(['GET /{user}', 'POST /api/v1/items', 'DELETE /files/{id}']);
    expect(ofKind(facts, 'route').map((r) => r.location.startLine)).toEqual([8, 10, 11]);
  });

  it('reads static RouterFunctions.route(predicate, handler).andRoute(...) chains', async () => {
    const facts = await extractJvm('Q.java', src(
      'import org.springframework.web.reactive.function.server.RouterFunctions;',
      'class Q {',
      '  RouterFunction<ServerResponse> r(H h) {',
      '    return RouterFunctions.route(GET("/hello").and(accept(TEXT_PLAIN)), h::hello)',
      '      .andRoute(RequestPredicates.PATCH("/quotes/{id}"), h::patch)',
      '      .andRoute(method(HttpMethod.PUT).and(path("/quotes")), h::put)',
      '      .andNest(path("/admin"), route(POST("/reset"), h::reset));',
      '  }',
      '}',
    ));
    expect(routeLines(facts)).toEqual(['GET /hello', 'PATCH /quotes/{id}', 'PUT /quotes', 'POST /admin/reset']);
  });

  it('reads the Kotlin coRouter DSL with string nests and trailing lambdas', async () => {
    const facts = await extractJvm('R.kt', src(
      'import org.springframework.web.reactive.function.server.coRouter',
      'class R {',
      '  fun routes(h: H) = coRouter {',
      '    "/posts".nest {',
      '      GET("", h::all)',
      '      DELETE("/{id}", h::delete)',
      '    }',
      '    path("/api").nest { POST("/x", h::x) }',
      '    GET("/inline") { ok().buildAndAwait() }',
      '  }',
      '}',
    ));
    expect(routeLines(facts)).toEqual(['GET /posts', 'DELETE /posts/{id}', 'POST /api/x', 'GET /inline']);
  });

  it('ignores route() calls of other libraries', async () => {
    const facts = await extractJvm('V.java', src(
      'import io.vertx.ext.web.Router;',
      'class V { void r(Router router) { router.route("/x").handler(h); router.get("/y").handler(h); } }',
    ));
    // Vert.x routes are read by the DSL extractors; the Spring Cloud Gateway reader must not claim them.
    expect(ofKind(facts, 'route').filter((r) => r.framework === 'spring')).toEqual([]);
  });
});

describe('registries and gateway routes', () => {
  it('reads WebSocket endpoints and static resource handlers', async () => {
    const facts = await extractJvm('W.java', src(
      'class W implements WebSocketMessageBrokerConfigurer, WebMvcConfigurer {',
      '  private static final String ROOT = "/socket";',
      '  public void registerStompEndpoints(StompEndpointRegistry registry) { registry.addEndpoint(ROOT + "/chat/{room}", "/portfolio").withSockJS(); }',
      '  public void addResourceHandlers(ResourceHandlerRegistry registry) { registry.addResourceHandler("/assets/**").addResourceLocations("classpath:/static/"); }',
      '}',
    ));
    expect(routeLines(facts)).toEqual(['GET /socket/chat/{room}', 'GET /portfolio', 'GET /assets/**']);
  });

  it('follows gateway route predicates into helper methods and constants of other files', async () => {
    const { lines } = await endpointsOf({
      'src/main/kotlin/g/GatewayConfig.kt': src(
        'package g',
        'class GatewayConfig {',
        '  fun locator(builder: RouteLocatorBuilder): RouteLocator {',
        '    val routes = builder.routes()',
        '    routes.route("post") { spec -> spec.isPost().uri("no://op") }',
        '    routes.route("get") { spec -> spec.method(HttpMethod.GET).and().path("/reports/{id}").uri("no://op") }',
        '    return routes.build()',
        '  }',
        '  private fun PredicateSpec.isPost() = method(HttpMethod.POST).and().path(Policy.MCP)',
        '}',
      ),
      'src/main/kotlin/g/Policy.kt': src('package g', 'object Policy {', '  const val MCP = "/mcp"', '}'),
    });
    expect(lines).toEqual(['GET /reports/{id}', 'POST /mcp']);
  });
});
