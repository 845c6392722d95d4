import { describe, expect, it } from 'vitest';
import { goCors } from '../../../src/extract/security/go/cors.js';
import { csharpCors } from '../../../src/extract/security/csharp/cors.js';
import { javaCors, kotlinCors } from '../../../src/extract/security/jvm/cors.js';
import { phpCors } from '../../../src/extract/security/php/cors.js';
import { rustCors } from '../../../src/extract/security/rust/cors.js';
import { scalaCors } from '../../../src/extract/security/scala/cors.js';
import { corsLines } from './parse.js';

describe('security/go/cors', () => {
  it('knows rs/cors defaults, options and origin functions', async () => {
    expect(await corsLines(goCors, 'main.go', [
      'package main',
      'import "github.com/rs/cors"',
      'func main() {',
      '  a := cors.AllowAll()',
      '  b := cors.Default()',
      '  c := cors.New(cors.Options{AllowedOrigins: []string{"*"}, AllowCredentials: true})',
      '  d := cors.New(cors.Options{AllowedOrigins: []string{"https://app.example.org"}})',
      '  e := cors.New(cors.Options{AllowOriginFunc: func(origin string) bool { return true }, AllowCredentials: true})',
      '  f := cors.New(cors.Options{AllowCredentials: true})',
      '}',
    ])).toEqual([
      '4 rs/cors wildcard false',
      '5 rs/cors wildcard false',
      '6 rs/cors wildcard true',
      '7 rs/cors allowlist false',
      '8 rs/cors reflect-origin true',
      '9 rs/cors wildcard true',
    ]);
  });

  it('knows gin-contrib/cors, echo, fiber and gorilla handlers', async () => {
    expect(await corsLines(goCors, 'server.go', [
      'package server',
      'import (',
      '  "github.com/gin-contrib/cors"',
      '  "github.com/labstack/echo/v4/middleware"',
      '  fcors "github.com/gofiber/fiber/v2/middleware/cors"',
      '  "github.com/gorilla/handlers"',
      ')',
      'func setup() {',
      '  r.Use(cors.Default())',
      '  config := cors.DefaultConfig()',
      '  config.AllowAllOrigins = true',
      '  r.Use(cors.New(cors.Config{AllowOrigins: []string{"https://a.example.org"}, AllowCredentials: true}))',
      '  e.Use(middleware.CORS())',
      '  e.Use(middleware.CORSWithConfig(middleware.CORSConfig{AllowOrigins: []string{"*"}}))',
      '  app.Use(fcors.New())',
      '  app.Use(fcors.New(fcors.Config{AllowOrigins: "https://a.example.org, https://b.example.org"}))',
      '  h := handlers.CORS(handlers.AllowedOrigins([]string{"*"}), handlers.AllowCredentials())',
      '}',
    ])).toEqual([
      '9 gin-contrib/cors wildcard false',
      '11 gin-contrib/cors wildcard null',
      '12 gin-contrib/cors allowlist true',
      '13 echo wildcard false',
      '14 echo wildcard false',
      '15 fiber/cors wildcard false',
      '16 fiber/cors allowlist false',
      '17 gorilla/handlers wildcard true',
    ]);
  });

  it('reads raw Access-Control-Allow-Origin writes', async () => {
    expect(await corsLines(goCors, 'mw.go', [
      'package mw',
      'func CORS(next http.Handler) http.Handler {',
      '  return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {',
      '    w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))',
      '    w.Header().Set("Access-Control-Allow-Credentials", "true")',
      '    next.ServeHTTP(w, r)',
      '  })',
      '}',
      'func Gin(c *gin.Context) {',
      '  c.Header("Access-Control-Allow-Origin", "*")',
      '  origin := c.GetHeader("Origin")',
      '  if allowed[origin] {',
      '    c.Header("Access-Control-Allow-Origin", origin)',
      '  }',
      '}',
    ])).toEqual([
      '4 header reflect-origin true',
      '10 header wildcard null',
      '13 header allowlist null',
    ]);
  });
});

describe('security/java/cors', () => {
  it('judges @CrossOrigin, CorsRegistry chains and CorsConfiguration', async () => {
    expect(await corsLines(javaCors, 'src/main/java/app/WebConfig.java', [
      '@CrossOrigin',
      'class A {',
      '  @CrossOrigin(origins = "https://app.example.org", allowCredentials = "true") void a() {}',
      '  @CrossOrigin("*") void b() {}',
      '  public void addCorsMappings(CorsRegistry registry) {',
      '    registry.addMapping("/**")',
      '        .allowedOrigins("*")',
      '        .allowCredentials(true);',
      '    registry.addMapping("/api/**").allowedOriginPatterns("https://*.example.org");',
      '    registry.addMapping("/open/**");',
      '  }',
      '  CorsConfigurationSource source() {',
      '    CorsConfiguration configuration = new CorsConfiguration();',
      '    configuration.setAllowedOrigins(asList("*"));',
      '    configuration.setAllowCredentials(false);',
      '    CorsConfiguration other = new CorsConfiguration().applyPermitDefaultValues();',
      '    return null;',
      '  }',
      '  void raw(HttpServletRequest request, HttpServletResponse response) {',
      '    response.setHeader("Access-Control-Allow-Origin", request.getHeader("Origin"));',
      '    response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");',
      '  }',
      '}',
    ])).toEqual([
      '1 spring wildcard false',
      '3 spring allowlist true',
      '4 spring wildcard false',
      '7 spring wildcard true',
      '9 spring allowlist false',
      '10 spring wildcard false',
      '14 spring wildcard false',
      '16 spring wildcard false',
      '20 header reflect-origin true',
    ]);
  });

  it('reads Kotlin CorsConfiguration properties and Ktor', async () => {
    expect(await corsLines(kotlinCors, 'src/main/kotlin/app/Cors.kt', [
      'fun source(): CorsConfigurationSource {',
      '  val config = CorsConfiguration()',
      '  config.allowedOriginPatterns = listOf("*")',
      '  config.allowCredentials = true',
      '  return UrlBasedCorsConfigurationSource()',
      '}',
      'fun Application.module() {',
      '  install(CORS) {',
      '    anyHost()',
      '  }',
      '}',
    ])).toEqual([
      '3 spring wildcard true',
      '9 ktor wildcard false',
    ]);
  });
});

describe('security/php/cors', () => {
  it('reads config/cors.php with env defaults and credentials', async () => {
    expect(await corsLines(phpCors, 'config/cors.php', [
      '<?php',
      'return [',
      "    'paths' => ['api/*'],",
      "    'supports_credentials' => true,",
      "    'allowed_origins' => env('CORS_ORIGINS') ? explode(',', env('CORS_ORIGINS')) : ['*'],",
      "    'allowed_origins_patterns' => ['#^https://.*.example.com$#'],",
      '];',
    ])).toEqual([
      '5 laravel-cors wildcard true',
      '6 laravel-cors allowlist true',
    ]);
    expect(await corsLines(phpCors, 'config/cors.php', [
      '<?php',
      "return ['allowedOrigins' => ['https://app.example.org'], 'supportsCredentials' => false];",
    ])).toEqual(['2 laravel-cors allowlist false']);
    expect(await corsLines(phpCors, 'app/Cors.php', [
      '<?php',
      "return ['allowed_origins' => ['*']];",
    ])).toEqual([]);
  });

  it('reads raw headers and tuupola CorsMiddleware', async () => {
    expect(await corsLines(phpCors, 'public/api.php', [
      '<?php',
      "header('Access-Control-Allow-Origin: *');",
      'header("Access-Control-Allow-Origin: {$_SERVER[\'HTTP_ORIGIN\']}");',
      "header('Access-Control-Allow-Credentials: true');",
      "\$response->headers->set('Access-Control-Allow-Origin', \$request->headers->get('Origin'));",
      "\$app->add(new Tuupola\\Middleware\\CorsMiddleware(['origin' => ['*'], 'credentials' => true]));",
    ])).toEqual([
      '2 header wildcard true',
      '3 header reflect-origin true',
      '5 header reflect-origin true',
      '6 tuupola/cors wildcard true',
    ]);
  });
});

describe('security/csharp/cors', () => {
  it('judges CorsPolicyBuilder chains', async () => {
    expect(await corsLines(csharpCors, 'src/Api/Program.cs', [
      'builder.Services.AddCors(o => o.AddPolicy("open", b => b.AllowAnyOrigin().AllowAnyHeader()));',
      'builder.Services.AddCors(o => o.AddPolicy("creds", b => b.SetIsOriginAllowed(_ => true).AllowCredentials()));',
      'builder.Services.AddCors(o => o.AddDefaultPolicy(b => b.WithOrigins("https://app.example.org").AllowCredentials()));',
      'builder.Services.AddCors(o => o.AddDefaultPolicy(b => b.SetIsOriginAllowed(origin => allowed.Contains(origin))));',
      'app.UseCors(x => x.AllowAnyOrigin().AllowAnyMethod());',
      'app.Use(async (ctx, next) => { ctx.Response.Headers["Access-Control-Allow-Origin"] = "*"; await next(); });',
    ])).toEqual([
      '1 aspnetcore wildcard false',
      '2 aspnetcore reflect-origin true',
      '3 aspnetcore allowlist true',
      '4 aspnetcore allowlist false',
      '5 aspnetcore wildcard false',
      '6 header wildcard null',
    ]);
  });
});

describe('security/rust/cors', () => {
  it('knows tower-http, actix-cors, rocket_cors and warp', async () => {
    expect(await corsLines(rustCors, 'src/main.rs', [
      'fn app() {',
      '    let a = CorsLayer::permissive();',
      '    let b = CorsLayer::very_permissive();',
      '    let c = CorsLayer::new().allow_origin(Any).allow_methods(Any);',
      '    let d = CorsLayer::new().allow_origin("https://app.example.org".parse::<HeaderValue>().unwrap()).allow_credentials(true);',
      '    let e = CorsLayer::new().allow_origin(AllowOrigin::mirror_request()).allow_credentials(true);',
      '    let f = Cors::permissive();',
      '    let g = Cors::default().allow_any_origin().supports_credentials();',
      '    let h = CorsOptions { allowed_origins: AllowedOrigins::all(), allow_credentials: true, ..Default::default() };',
      '    let i = warp::cors().allow_any_origin();',
      '}',
    ])).toEqual([
      '2 tower-http wildcard false',
      '3 tower-http reflect-origin true',
      '4 tower-http wildcard false',
      '5 tower-http allowlist true',
      '6 tower-http reflect-origin true',
      '7 actix-cors reflect-origin true',
      '8 actix-cors reflect-origin true',
      '9 rocket_cors reflect-origin true',
      '10 warp reflect-origin false',
    ]);
  });
});

describe('security/scala/cors', () => {
  it('reads akka-http-cors defaults and raw headers', async () => {
    expect(await corsLines(scalaCors, 'app/Routes.scala', [
      'import ch.megard.akka.http.cors.scaladsl.CorsDirectives._',
      'object Routes {',
      '  val route = cors() { complete("ok") }',
      '  def index = Action { Ok("x").withHeaders("Access-Control-Allow-Origin" -> "*") }',
      '}',
    ])).toEqual([
      '3 akka-http-cors reflect-origin true',
      '4 header wildcard null',
    ]);
  });
});
