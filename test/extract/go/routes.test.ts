import { describe, expect, it } from 'vitest';
import { goImports } from '../../../src/extract/go/imports.js';
import { classifyGoMiddleware } from '../../../src/extract/go/middleware-roles.js';
import { extractGo, go, ofKind, routeLines } from './parse.js';

describe('go/imports', () => {
  it('names packages by alias, last element, or the element before /vN', async () => {
    const facts = await extractGo(go(
      'package main',
      'import (',
      '  "net/http"',
      '  "github.com/labstack/echo/v4"',
      '  fiber "github.com/gofiber/fiber/v2"',
      '  "gopkg.in/yaml.v3"',
      '  _ "github.com/lib/pq"',
      '  "example.com/app/internal/routes"',
      ')',
    ), 'main.go', [goImports]);
    expect(ofKind(facts, 'import').map((i) => `${i.local}=${i.source}:${i.imported}:${i.language}`)).toEqual([
      'http=net/http:*:go', 'echo=github.com/labstack/echo/v4:*:go', 'fiber=github.com/gofiber/fiber/v2:*:go',
      'yaml=gopkg.in/yaml.v3:*:go', 'routes=example.com/app/internal/routes:*:go',
    ]);
  });
});

describe('go/routes: gin', () => {
  const src = go(
    'package main',
    'import "github.com/gin-gonic/gin"',
    'func main() {',
    '  r := gin.Default()',
    '  r.Use(gin.Logger(), JWTAuth())',
    '  v1 := r.Group("/api/v1")',
    '  v1.GET("/users/:id", RateLimit(), getUser)',
    '  authed := r.Group("/", AuthRequired())',
    '  authed.POST("admin", h.CreateAdmin)',
    '  r.Any("/any", anyHandler)',
    '  r.Handle("PATCH", "/items/:id", patchItem)',
    '  r.StaticFile("/favicon.ico", "./favicon.ico")',
    '  r.GET(',
    '    "/multi",',
    '    func(c *gin.Context) {},',
    '  )',
    '  r.Run(":8080")',
    '}',
  );

  it('emits the app router, group routers with mounts, routes and the service entry', async () => {
    const facts = await extractGo(src);
    expect(ofKind(facts, 'router').map((r) => [r.ref.path.join('.'), r.framework, r.isApp ?? false])).toEqual([
      ['main:r', 'gin', true], ['main:v1', 'gin', false], ['main:authed', 'gin', false],
    ]);
    const mounts = ofKind(facts, 'mount');
    expect(mounts.map((m) => `${m.parent.path.join('.')}->${m.child.path.join('.')} ${m.prefix}`)).toEqual([
      'main:r->main:v1 /api/v1', 'main:r->main:authed /',
    ]);
    expect(mounts[1]!.middleware).toEqual([expect.objectContaining({ name: 'AuthRequired()', role: 'auth' })]);
    expect(routeLines(facts)).toEqual([
      'GET /users/:id', 'POST admin', 'ANY /any', 'PATCH /items/:id', 'GET /favicon.ico', 'GET /multi',
    ]);
    const routes = ofKind(facts, 'route');
    expect(routes[0]!.router).toEqual({ file: 'main.go', path: ['main:v1'] });
    expect(routes[0]!.handler?.name).toBe('getUser');
    expect(routes[0]!.middleware?.map((m) => `${m.name}:${m.role}`)).toEqual(['RateLimit():rate-limit']);
    expect(routes[1]!.handler?.name).toBe('h.CreateAdmin');
    expect(routes[5]!.location.startLine).toBe(13);
    expect(routes[5]!.handler).toBeUndefined();
    expect(ofKind(facts, 'router-middleware').map((m) => `${m.middleware.name}:${m.middleware.role}`)).toEqual([
      'gin.Logger():other', 'JWTAuth():auth',
    ]);
    expect(ofKind(facts, 'service-entry').map((e) => e.location.startLine)).toEqual([17]);
  });

  it('names parameters and package-level routers by package directory', async () => {
    const facts = await extractGo(go(
      'package routes',
      'import "github.com/gin-gonic/gin"',
      'var router = gin.New()',
      'func Register(api *gin.RouterGroup, db *DB) {',
      '  api.GET("/ping", ping)',
      '  users := api.Group("/users")',
      '  users.DELETE("/:id", del)',
      '  router.GET("/health", health)',
      '}',
    ), 'internal/routes/routes.go');
    expect(ofKind(facts, 'router').map((r) => `${r.ref.file}#${r.ref.path.join('.')}`)).toEqual([
      'internal/routes/#router', 'internal/routes/routes.go#Register:users',
    ]);
    expect(ofKind(facts, 'route').map((r) => `${r.path} on ${r.router!.file}#${r.router!.path.join('.')}`)).toEqual([
      '/ping on internal/routes/#Register.arg0', '/:id on internal/routes/routes.go#Register:users', '/health on internal/routes/#router',
    ]);
    expect(ofKind(facts, 'mount')[0]!.parent).toEqual({ file: 'internal/routes/', path: ['Register', 'arg0'] });
  });

  it('mounts routers handed to functions on their parameters, with inline group prefixes', async () => {
    const facts = await extractGo(go(
      'package main',
      'import (',
      '  "github.com/gin-gonic/gin"',
      '  "example.com/app/users"',
      ')',
      'func main() {',
      '  r := gin.Default()',
      '  v1 := r.Group("/api")',
      '  users.UsersRegister(v1.Group("/users"))',
      '  v1.Use(users.AuthMiddleware(true))',
      '  setupRoutes(r, v1, db)',
      '  h := users.NewHandler(db)',
      '  h.Register(v1)',
      '}',
    ));
    expect(ofKind(facts, 'mount').map((m) => `${m.parent.path.join('.')}->${m.child.file}#${m.child.path.join('.')} ${m.prefix}`)).toEqual([
      'main:r->main.go#main:v1 /api',
      'main:v1->main.go#users.UsersRegister.arg0 /users',
      'main:r->/#setupRoutes.arg0 ',
      'main:v1->/#setupRoutes.arg1 ',
      'main:v1->main.go#users.Handler.Register.arg0 ',
    ]);
  });

  it('rejects calls that only look like routes', async () => {
    const facts = await extractGo(go(
      'package main',
      'import ("net/http"; "github.com/gin-gonic/gin")',
      'func main() {',
      '  resp, _ := http.Post("http://x/y", "application/json", body)',
      '  client.Post("/api/x", "application/json", body)',
      '  v := c.Get("/key")',
      '  q := r.URL.Query().Get("q")',
      '  cache.Get("relative", fn)',
      '}',
    ));
    expect(routeLines(facts)).toEqual([]);
  });

  it('labels routers in files without a framework import by companion packages', async () => {
    const facts = await extractGo(go(
      'package main',
      'import ("example.com/app/router"; echoSwagger "github.com/swaggo/echo-swagger")',
      'func main() {',
      '  r := router.New()',
      '  r.GET("/swagger/*", echoSwagger.WrapHandler)',
      '  v1 := r.Group("/api")',
      '  setup(v1)',
      '  r.Start(":80")',
      '}',
    ));
    expect(facts.filter((f) => 'framework' in f).map((f) => `${f.kind}:${(f as { framework: string }).framework}`)).toEqual([
      'route:echo', 'router:echo', 'mount:echo', 'mount:echo', 'service-entry:echo',
    ]);
    expect(ofKind(facts, 'route')[0]!.router).toEqual({ file: 'main.go', path: ['router', 'New', 'return'] });
  });

  it('does not read custom methods or bare words as routes', async () => {
    const facts = await extractGo(go(
      'package main',
      'func registerRoutes(r RouteRegistrar) {',
      '  r.GET("/features", getFeature)',
      '  r.Handle("LOAD", "/custom", custom)',
      '  r.HandleFunc("features", h)',
      '}',
    ));
    expect(routeLines(facts)).toEqual(['GET /features']);
  });

  it('skips _test.go files', async () => {
    const facts = await extractGo(go('package main', 'func TestX(t *testing.T) { e := echo.New(); e.GET("/t", h) }'), 'server_test.go');
    expect(facts.filter((f) => f.kind !== 'import')).toEqual([]);
  });
});

describe('go/routes: echo and fiber', () => {
  it('reads echo handler-first middleware, Match/Add (QUERY), File and Start', async () => {
    const facts = await extractGo(go(
      'package main',
      'import ("net/http"; "github.com/labstack/echo/v4"; "github.com/labstack/echo/v4/middleware")',
      'func main() {',
      '  e := echo.New()',
      '  admin := e.Group("/admin", middleware.BasicAuth(validate))',
      '  admin.GET("/users", listUsers, requireAdmin)',
      '  e.Match([]string{"GET", "QUERY"}, "/search", search)',
      '  e.Add(http.MethodPut, "/put", put)',
      '  e.File("/robots.txt", "static/robots.txt")',
      '  e.Logger.Fatal(e.Start(":1323"))',
      '}',
    ));
    expect(ofKind(facts, 'router')[0]).toMatchObject({ framework: 'echo', isApp: true });
    expect(routeLines(facts)).toEqual(['GET /users', 'GET /search', 'QUERY /search', 'PUT /put', 'GET /robots.txt']);
    const [users] = ofKind(facts, 'route');
    expect(users!.handler?.name).toBe('listUsers');
    expect(users!.middleware?.map((m) => `${m.name}:${m.role}`)).toEqual(['requireAdmin:auth']);
    expect(ofKind(facts, 'mount')[0]!.middleware?.map((m) => m.role)).toEqual(['auth']);
    expect(ofKind(facts, 'service-entry').map((s) => s.framework)).toEqual(['echo']);
  });

  it('reads fiber verbs, All, Add with method constants, Route, Use with a path and Listen', async () => {
    const facts = await extractGo(go(
      'package main',
      'import fiber "github.com/gofiber/fiber/v2"',
      'func main() {',
      '  app := fiber.New(fiber.Config{})',
      '  app.Use("/api", authMiddleware)',
      '  api := app.Group("/api", limiter.New())',
      '  api.Get("/geo/:ip?", geo)',
      '  app.All("/all", all)',
      '  app.Add(fiber.MethodQuery, "/q", q)',
      '  app.Route("/v2", func(r fiber.Router) { r.Post("/data", data) })',
      '  log.Fatal(app.Listen(":3000"))',
      '}',
    ));
    expect(routeLines(facts)).toEqual(['GET /geo/:ip?', 'ANY /all', 'QUERY /q', 'POST /data']);
    const use = ofKind(facts, 'router-middleware')[0]!;
    expect([use.pathPrefix, use.middleware.role]).toEqual(['/api', 'auth']);
    const mounts = ofKind(facts, 'mount');
    expect(mounts.map((m) => m.prefix)).toEqual(['/api', '/v2']);
    expect(mounts[0]!.middleware?.map((m) => m.role)).toEqual(['rate-limit']);
    expect(ofKind(facts, 'route')[3]!.router).toEqual(mounts[1]!.child);
    expect(ofKind(facts, 'service-entry')).toHaveLength(1);
  });
});

describe('go/routes: chi', () => {
  it('reads Route/Group subrouters, With, Mount of returned routers, Method and HandleFunc', async () => {
    const facts = await extractGo(go(
      'package main',
      'import ("net/http"; "github.com/go-chi/chi/v5")',
      'func main() {',
      '  r := chi.NewRouter()',
      '  r.Route("/articles", func(r chi.Router) {',
      '    r.With(paginate).Get("/", list)',
      '    r.Route("/{id}", func(r chi.Router) {',
      '      r.Use(ArticleCtx)',
      '      r.Delete("/", del)',
      '    })',
      '  })',
      '  r.Group(func(r chi.Router) {',
      '    r.Use(jwtauth.Authenticator)',
      '    r.MethodFunc("POST", "/submit", submit)',
      '  })',
      '  r.HandleFunc("/everything", everything)',
      '  r.Mount("/admin", adminRouter())',
      '  r.Mount("/todos", todosResource{}.Routes())',
      '  http.ListenAndServe(":3333", r)',
      '}',
      'func adminRouter() http.Handler {',
      '  r := chi.NewRouter()',
      '  r.Get("/", adminIndex)',
      '  return r',
      '}',
    ));
    expect(routeLines(facts)).toEqual(['GET /', 'DELETE /', 'POST /submit', 'ANY /everything', 'GET /']);
    const routers = ofKind(facts, 'router');
    expect(routers.map((r) => `${r.ref.file}#${r.ref.path.join('.')}${r.isApp ? ' app' : ''}`)).toEqual([
      'main.go#main:r app', 'main.go#@5:3', 'main.go#@7:5', 'main.go#@12:3', '/#adminRouter.return',
    ]);
    const mounts = ofKind(facts, 'mount');
    expect(mounts.map((m) => `${m.child.file}#${m.child.path.join('.')} ${m.prefix}`)).toEqual([
      'main.go#@5:3 /articles', 'main.go#@7:5 /{id}', 'main.go#@12:3 ', '/#adminRouter.return /admin',
      '/#todosResource.Routes.return /todos',
    ]);
    expect(ofKind(facts, 'route')[0]!.middleware?.map((m) => m.name)).toEqual(['paginate']);
    expect(ofKind(facts, 'router-middleware').map((m) => `${m.router.path.join('.')} ${m.middleware.role}`)).toEqual([
      '@7:5 other', '@12:3 auth',
    ]);
    expect(ofKind(facts, 'service-entry')).toHaveLength(1);
  });

  it('routes declared with constant paths from elsewhere go through a mount with a prefix ref', async () => {
    const facts = await extractGo(go(
      'package app',
      'import "github.com/go-chi/chi/v5"',
      'const local = "/local"',
      'func (s *Server) routes() {',
      '  s.router = chi.NewRouter()',
      '  s.router.Get(healthzPath, s.health)',
      '  s.router.Post(adminPath+"/{name}/reset", s.reset)',
      '  s.router.Get(local+"/x", s.x)',
      '}',
    ), 'app/server.go');
    expect(ofKind(facts, 'constant')).toEqual([expect.objectContaining({ ref: { file: 'app/', path: ['local'] }, value: '/local' })]);
    expect(routeLines(facts)).toEqual(['GET ', 'POST /{name}/reset', 'GET /local/x']);
    const mounts = ofKind(facts, 'mount');
    expect(mounts.map((m) => [m.parent.path.join('.'), m.prefix, m.prefixRef?.path.join('.')])).toEqual([
      ['Server.router', '/{healthzPath}', 'healthzPath'], ['Server.router', '/{adminPath}', 'adminPath'],
    ]);
    expect(mounts[0]!.prefixRef!.file).toBe('app/');
  });
});

describe('go/routes: gorilla/mux and net/http', () => {
  it('reads HandleFunc().Methods(), builder chains, subrouters and skips BuildOnly', async () => {
    const facts = await extractGo(go(
      'package main',
      'import ("net/http"; "github.com/gorilla/mux")',
      'func main() {',
      '  r := mux.NewRouter().StrictSlash(true)',
      '  r.HandleFunc("/users/{id:[0-9]+}", getUser).Methods("GET", http.MethodHead)',
      '  r.HandleFunc("/any", anyH)',
      '  r.Methods("PATCH").Path("/builder").HandlerFunc(b)',
      '  r.Path("/q").Methods(http.MethodGet).Queries("t", "{t}").Handler(http.HandlerFunc(q))',
      '  api := r.PathPrefix("/api/").Subrouter()',
      '  api.Use(authMiddleware)',
      '  api.HandleFunc("/status", status).Methods("GET").Name("status")',
      '  r.Path("/articles/{id}").HandlerFunc(a).Name("article").BuildOnly()',
      '  r.PathPrefix("/static/").Handler(http.FileServer(http.Dir("./static/")))',
      '  http.ListenAndServe(":8080", r)',
      '}',
    ));
    expect(routeLines(facts)).toEqual([
      'GET /users/{id:[0-9]+}', 'HEAD /users/{id:[0-9]+}', 'ANY /any', 'PATCH /builder', 'GET /q', 'GET /status',
    ]);
    expect(ofKind(facts, 'router')[0]).toMatchObject({ framework: 'gorilla-mux', isApp: true, ref: { path: ['main:r'] } });
    expect(ofKind(facts, 'mount').map((m) => `${m.child.path.join('.')} ${m.prefix}`)).toEqual(['main:api /api/']);
    expect(ofKind(facts, 'route').map((r) => r.handler?.name)).toEqual(['getUser', 'getUser', 'anyH', 'b', 'q', 'status']);
  });

  it('reads Go 1.22 patterns, the default mux and methods a handler dispatches on', async () => {
    const facts = await extractGo(go(
      'package main',
      'import "net/http"',
      'func main() {',
      '  http.HandleFunc("GET /hello/{name}", hello)',
      '  mux := http.NewServeMux()',
      '  mux.Handle("POST example.com/items", http.HandlerFunc(create))',
      '  mux.HandleFunc("GET /{$}", index)',
      '  mux.HandleFunc("/legacy", func(w http.ResponseWriter, r *http.Request) {',
      '    switch r.Method {',
      '    case http.MethodGet, "QUERY":',
      '    }',
      '  })',
      '  mux.HandleFunc("/form", form)',
      '  http.ListenAndServe(":8080", mux)',
      '}',
      'func form(w http.ResponseWriter, r *http.Request) {',
      '  if r.Method != http.MethodPost { return }',
      '}',
    ));
    expect(routeLines(facts)).toEqual(['GET /hello/{name}', 'POST /items', 'GET /', 'GET /legacy', 'QUERY /legacy', 'POST /form']);
    const routes = ofKind(facts, 'route');
    expect(routes[0]!.router).toEqual({ file: 'main.go', path: ['http', 'DefaultServeMux'] });
    expect(routes.every((r) => r.framework === 'net-http')).toBe(true);
    expect(ofKind(facts, 'router')).toEqual([expect.objectContaining({ isApp: true, framework: 'net-http' })]);
  });
});

describe('go/routes: beego', () => {
  it('reads Router mappings, controller verb methods, namespaces and verb functions', async () => {
    const facts = await extractGo(go(
      'package main',
      'import "github.com/beego/beego/v2/server/web"',
      'func main() {',
      '  ctrl := &UserController{}',
      '  web.Router("/users", ctrl)',
      '  web.Router("/users/batch", ctrl, "get,post:Batch;put:Update")',
      '  web.Router("/other", &other.Controller{})',
      '  ns := web.NewNamespace("/v1", web.NSRouter("/items", &ItemController{}, "get:List"), web.NSNamespace("/admin", web.NSGet("/stats", stats)))',
      '  web.AddNamespace(ns)',
      '  web.Post("/alice", alice)',
      '  web.Run()',
      '}',
      'type UserController struct { web.Controller }',
      'func (c *UserController) Get() {}',
      'func (c *UserController) Post() {}',
    ));
    expect(routeLines(facts)).toEqual([
      'GET /users', 'POST /users', 'GET /users/batch', 'POST /users/batch', 'PUT /users/batch', 'ANY /other',
      'GET /items', 'GET /stats', 'POST /alice',
    ]);
    expect(ofKind(facts, 'route')[2]!.handler?.name).toBe('UserController.Batch');
    expect(ofKind(facts, 'router').map((r) => r.prefix)).toEqual(['/v1', '/admin']);
    expect(ofKind(facts, 'service-entry')).toHaveLength(1);
  });
});

describe('go/routes: swaggo tags and middleware roles', () => {
  it('tags routes whose handler function in the file has a // @Tags block', async () => {
    const facts = await extractGo(go(
      'package main',
      'import "github.com/gin-gonic/gin"',
      'func main() {',
      '  r := gin.Default()',
      '  r.GET("/users", listUsers)',
      '  r.GET("/orders", h.ListOrders)',
      '  r.GET("/other", other)',
      '}',
      '// listUsers godoc',
      '// @Summary List users',
      '// @Tags users, accounts',
      '// @Router /users [get]',
      'func listUsers(c *gin.Context) {}',
      '',
      '// @Tags orders',
      'func (h *Handler) ListOrders(c *gin.Context) {}',
      '// @Tags detached',
      '',
      'func other(c *gin.Context) {}',
    ));
    expect(ofKind(facts, 'route').map((r) => r.openapiTags ?? [])).toEqual([['users', 'accounts'], ['orders'], []]);
    expect(ofKind(facts, 'route')[0]!.handler?.location?.startLine).toBe(13);
  });

  it('classifies middleware names', () => {
    expect(classifyGoMiddleware('users.AuthMiddleware(true)')).toBe('auth');
    expect(classifyGoMiddleware('users.AuthMiddleware(false)')).toBe('optional-auth');
    expect(classifyGoMiddleware('authGuard.AuthRequired')).toBe('auth');
    expect(classifyGoMiddleware('middleware.JWTWithConfig(...)')).toBe('auth');
    expect(classifyGoMiddleware('sessions.Sessions("s", store)')).toBe('auth');
    expect(classifyGoMiddleware('cors.Default()')).toBe('cors');
    expect(classifyGoMiddleware('middleware.Logger')).toBe('other');
    expect(classifyGoMiddleware('csrf.Protect(key)')).toBe('other');
    expect(classifyGoMiddleware('httprate.LimitByIP(100, time.Minute)')).toBe('rate-limit');
    expect(classifyGoMiddleware('limiter.New()')).toBe('rate-limit');
  });
});
