import { describe, expect, it } from 'vitest';
import { csharpRateLimits } from '../../../src/extract/security/csharp/rate-limit.js';
import { goRateLimits } from '../../../src/extract/security/go/rate-limit.js';
import { javaRateLimits, kotlinRateLimits } from '../../../src/extract/security/jvm/rate-limit.js';
import { phpRateLimits } from '../../../src/extract/security/php/rate-limit.js';
import { rustRateLimits } from '../../../src/extract/security/rust/rate-limit.js';
import { rateLimitLines } from './parse.js';

describe('security/go/rate-limit', () => {
  it('finds limiters applied app-wide, on groups and on routes', async () => {
    expect(await rateLimitLines(goRateLimits, 'main.go', [
      'package main',
      'import (',
      '  "github.com/go-chi/httprate"',
      '  "github.com/didip/tollbooth/v7"',
      '  "github.com/didip/tollbooth_gin"',
      ')',
      'func main() {',
      '  r := chi.NewRouter()',
      '  r.Use(httprate.LimitByIP(100, time.Minute))',
      '  lmt := tollbooth.NewLimiter(1, nil)',
      '  g := gin.Default()',
      '  auth := g.Group("/auth")',
      '  auth.Use(tollbooth_gin.LimitHandler(lmt))',
      '  g.POST("/login", RateLimitMiddleware(), login)',
      '}',
    ])).toEqual([
      '9 httprate true ',
      '13 tollbooth true /auth',
      '14 custom true /login',
    ]);
  });

  it('reports limiters that nothing applies', async () => {
    expect(await rateLimitLines(goRateLimits, 'limit.go', [
      'package limit',
      'import "golang.org/x/time/rate"',
      'var limiter = rate.NewLimiter(1, 5)',
    ])).toEqual(['3 x/time/rate false -']);
  });
});

describe('security/java/rate-limit', () => {
  it('reads resilience4j annotations and bucket4j filters', async () => {
    expect(await rateLimitLines(javaRateLimits, 'src/main/java/app/AuthController.java', [
      '@RestController',
      'class AuthController {',
      '  @PostMapping("/login")',
      '  @RateLimiter(name = "login")',
      '  public Token login() { return null; }',
      '}',
    ])).toEqual(['4 resilience4j true -']);
    expect(await rateLimitLines(javaRateLimits, 'src/main/java/app/RateLimitFilter.java', [
      'import io.github.bucket4j.Bucket;',
      'class RateLimitFilter extends OncePerRequestFilter {',
      '  private final Bucket bucket = Bucket.builder().build();',
      '  protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain) {',
      '    if (bucket.tryConsume(1)) chain.doFilter(req, res);',
      '  }',
      '}',
    ])).toEqual(['5 bucket4j true ']);
  });

  it('reads Ktor RateLimit', async () => {
    expect(await rateLimitLines(kotlinRateLimits, 'src/main/kotlin/app/Application.kt', [
      'fun Application.module() {',
      '  install(RateLimit) {',
      '    global { rateLimiter(limit = 5, refillPeriod = 60.seconds) }',
      '  }',
      '}',
    ])).toEqual(['2 ktor true ']);
  });
});

describe('security/php/rate-limit', () => {
  it('reads throttle middleware on routes, groups and the kernel', async () => {
    expect(await rateLimitLines(phpRateLimits, 'routes/api.php', [
      '<?php',
      "Route::post('login', [AuthController::class, 'login'])->middleware('throttle:5,1');",
      "Route::middleware(['auth:api', 'throttle:60,1'])->group(function () {",
      "    Route::get('user', [UserController::class, 'show']);",
      '});',
    ])).toEqual([
      '2 laravel-throttle true /login',
      '3 laravel-throttle true -',
    ]);
    expect(await rateLimitLines(phpRateLimits, 'app/Http/Kernel.php', [
      '<?php',
      'class Kernel {',
      "  protected \\$middlewareGroups = ['api' => ['throttle:api', 'bindings']];",
      "  protected \\$routeMiddleware = ['throttle' => \\\\Illuminate\\\\Routing\\\\Middleware\\\\ThrottleRequests::class];",
      '}',
    ])).toEqual([
      '3 laravel-throttle true ',
      '4 laravel-throttle false -',
    ]);
  });
});

describe('security/csharp/rate-limit', () => {
  it('reads AddRateLimiter, attributes and RequireRateLimiting', async () => {
    expect(await rateLimitLines(csharpRateLimits, 'src/Api/Program.cs', [
      'builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("fixed", opt => { opt.PermitLimit = 4; }));',
      'app.MapPost("/login", Login).RequireRateLimiting("fixed");',
      '[EnableRateLimiting("fixed")]',
      'public class AuthController : ControllerBase { }',
    ])).toEqual([
      '1 aspnetcore-ratelimiting false -',
      '2 aspnetcore-ratelimiting true /login',
      '3 aspnetcore-ratelimiting true -',
    ]);
  });
});

describe('security/rust/rate-limit', () => {
  it('reads tower_governor and actix-governor layers', async () => {
    expect(await rateLimitLines(rustRateLimits, 'src/main.rs', [
      'fn app() -> Router {',
      '    let conf = GovernorConfigBuilder::default().per_second(2).finish().unwrap();',
      '    Router::new()',
      '        .route("/login", post(login).layer(GovernorLayer { config: Arc::new(conf) }))',
      '}',
      'fn actix() { App::new().wrap(Governor::new(&conf)); }',
    ])).toEqual([
      '4 tower_governor true /login',
      '6 actix-governor true ',
    ]);
  });
});
