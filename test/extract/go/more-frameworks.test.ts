// Iris, GoFrame, go-zero, Goyave, PocketBase, go-restful, Huma and Connect routes, through the model.
import { describe, expect, it } from 'vitest';
import { goZeroApiRoutes } from '../../../src/extract/go/gozero-api.js';
import { goframePattern, irisPartyPrefix } from '../../../src/extract/go/router-methods.js';
import { metaMethods, structTag } from '../../../src/extract/go/goframe.js';
import { endpointsOf, extractGo, go, ofKind } from './parse.js';

describe('iris', () => {
  it('joins Party / PartyFunc prefixes, Handle, HandleMany and drops subdomains', async () => {
    const { lines } = await endpointsOf({
      'main.go': go(
        'package main',
        'import "github.com/kataras/iris/v12"',
        'func main() {',
        '  app := iris.New()',
        '  app.Get("/ping", ping)',
        '  app.Handle("DELETE", "/items/{id:uint64}", ping)',
        '  app.HandleMany("GET POST", "/many", ping)',
        '  api := app.Party("/api", authMiddleware)',
        '  api.Post("/users", ping)',
        '  app.PartyFunc("/shop", func(p iris.Party) {',
        '    p.Get("/cart", ping)',
        '    p.PartyFunc("/admin", func(a iris.Party) { a.Put("/stock", ping) })',
        '  })',
        '  sub := app.Party("admin.")',
        '  sub.Get("/settings", ping)',
        '  app.Listen(":8080")',
        '}',
      ),
    });
    expect(lines).toEqual([
      'DELETE /items/{id}', 'GET /many', 'GET /ping', 'GET /settings', 'GET /shop/cart', 'POST /api/users', 'POST /many',
      'PUT /shop/admin/stock',
    ]);
  });

  it('reads subdomain party prefixes', () => {
    expect(irisPartyPrefix('/api')).toBe('/api');
    expect(irisPartyPrefix('admin.')).toBe('');
    expect(irisPartyPrefix('admin.example.com/v1')).toBe('/v1');
  });
});

describe('goframe', () => {
  it('reads BindHandler patterns, closure groups and verb methods', async () => {
    const { lines, model } = await endpointsOf({
      'main.go': go(
        'package main',
        'import (',
        '  "github.com/gogf/gf/v2/frame/g"',
        '  "github.com/gogf/gf/v2/net/ghttp"',
        ')',
        'func main() {',
        '  s := g.Server()',
        '  s.BindHandler("POST:/login", login)',
        '  s.Group("/api", func(group *ghttp.RouterGroup) {',
        '    group.Middleware(AuthMiddleware)',
        '    group.GET("/users", list)',
        '    v1 := group.Group("/v1")',
        '    v1.DELETE("/users/{id}", remove)',
        '  })',
        '  s.Run()',
        '}',
      ),
    });
    expect(lines).toEqual(['DELETE /api/v1/users/{id}', 'GET /api/users', 'POST /login']);
    const auth = Object.fromEntries(model.endpoints.map((e) => [`${e.method} ${e.path}`, e.auth]));
    expect(auth['GET /api/users']).toBe('required');
    expect(auth['POST /login']).toBe('none');
  });

  it('registers BindHandler without a method for every method', async () => {
    const facts = await extractGo(go(
      'package main',
      'import "github.com/gogf/gf/v2/frame/g"',
      'func main() {',
      '  s := g.Server()',
      '  s.BindHandler("/hello", hello)',
      '}',
    ));
    expect(ofKind(facts, 'route').map((r) => `${r.method} ${r.path} ${r.framework}`)).toEqual(['ANY /hello goframe']);
  });

  it('parses patterns and g.Meta tags', () => {
    expect(goframePattern('GET:/x@example.com')).toEqual({ method: 'GET', path: '/x' });
    expect(goframePattern('/y')).toEqual({ method: 'ANY', path: '/y' });
    expect(goframePattern('name')).toBeUndefined();
    expect(structTag('path:"/a" method:"put,patch" tags:"User"').get('method')).toBe('put,patch');
    expect(metaMethods('put,patch')).toEqual(['PUT', 'PATCH']);
    expect(metaMethods(undefined)).toEqual(['ANY']);
  });

  it('joins g.Meta request types bound through a controller under the group prefix', async () => {
    const { lines, model } = await endpointsOf({
      'api/user/v1/user.go': go(
        'package v1',
        'import "github.com/gogf/gf/v2/frame/g"',
        'type GetUserReq struct {',
        '  g.Meta `path:"/user/{id}" method:"get" tags:"User"`',
        '  Id int `json:"id"`',
        '}',
        'type GetUserRes struct{}',
        'type PutUserReq struct {',
        '  g.Meta `path:"/user/{id}" method:"put,patch"`',
        '}',
        'type PutUserRes struct{}',
      ),
      'internal/controller/user.go': go(
        'package controller',
        'import (',
        '  "context"',
        '  v1 "example.com/app/api/user/v1"',
        ')',
        'type User struct{}',
        'func (c *User) Get(ctx context.Context, req *v1.GetUserReq) (res *v1.GetUserRes, err error) { return }',
        'func (c *User) Put(ctx context.Context, req *v1.PutUserReq) (res *v1.PutUserRes, err error) { return }',
      ),
      'main.go': go(
        'package main',
        'import (',
        '  "github.com/gogf/gf/v2/frame/g"',
        '  "github.com/gogf/gf/v2/net/ghttp"',
        '  "example.com/app/internal/controller"',
        ')',
        'func main() {',
        '  s := g.Server()',
        '  s.Group("/api", func(group *ghttp.RouterGroup) {',
        '    group.Bind(&controller.User{})',
        '  })',
        '  s.Run()',
        '}',
      ),
    });
    expect(lines).toEqual(['GET /api/user/{id}', 'PATCH /api/user/{id}', 'PUT /api/user/{id}']);
    expect(model.endpoints.find((e) => e.method === 'GET')?.openapiTags).toEqual(['User']);
  });
});

describe('go-zero', () => {
  it('reads rest.Route literals, AddRoutes with WithPrefix / WithJwt and WithMiddlewares', async () => {
    const { lines, model } = await endpointsOf({
      'internal/handler/routes.go': go(
        'package handler',
        'import (',
        '  "net/http"',
        '  "github.com/zeromicro/go-zero/rest"',
        ')',
        'func RegisterHandlers(server *rest.Server, serverCtx *svc.ServiceContext) {',
        '  server.AddRoutes([]rest.Route{',
        '    {Method: http.MethodGet, Path: "/users/:id", Handler: user.GetUserHandler(serverCtx)},',
        '    {Method: http.MethodPost, Path: "/users", Handler: user.CreateUserHandler(serverCtx)},',
        '  }, rest.WithJwt(serverCtx.Config.Auth.AccessSecret), rest.WithPrefix("/v1"))',
        '  server.AddRoutes(rest.WithMiddlewares([]rest.Middleware{serverCtx.Limit}, []rest.Route{',
        '    {Method: http.MethodGet, Path: "/ping", Handler: pingHandler},',
        '  }...))',
        '}',
      ),
      'main.go': go(
        'package main',
        'import (',
        '  "net/http"',
        '  "github.com/zeromicro/go-zero/rest"',
        '  "example.com/app/internal/handler"',
        ')',
        'func main() {',
        '  server := rest.MustNewServer(c.RestConf)',
        '  handler.RegisterHandlers(server, ctx)',
        '  server.AddRoute(rest.Route{Method: http.MethodGet, Path: "/health", Handler: health})',
        '  server.Start()',
        '}',
      ),
    });
    expect(lines).toEqual(['GET /health', 'GET /ping', 'GET /v1/users/{id}', 'POST /v1/users']);
    const auth = Object.fromEntries(model.endpoints.map((e) => [`${e.method} ${e.path}`, e.auth]));
    expect(auth['GET /v1/users/{id}']).toBe('required');
    expect(auth['GET /ping']).toBe('none');
  });

  it('reads .api service blocks with @server prefix and jwt', () => {
    const facts = goZeroApiRoutes('api/user.api', [
      'syntax = "v1"',
      'type User {',
      '  Id int `json:"id"`',
      '}',
      'service user-api {',
      '  @handler GetUser',
      '  get /users/:id (User) returns (User)',
      '  post /users(User)',
      '}',
      '@server(',
      '  jwt: Auth',
      '  prefix: /admin',
      ')',
      'service user-api {',
      '  @doc "delete"',
      '  @handler AdminDelete',
      '  delete /users/:id // remove',
      '}',
    ].join('\n'));
    const routes = ofKind(facts, 'route');
    expect(routes.map((r) => `${r.method} ${r.path} ${r.handler?.name ?? '-'} ${r.location.startLine}`)).toEqual([
      'GET /users/:id GetUser 7', 'POST /users - 8', 'DELETE /admin/users/:id AdminDelete 17',
    ]);
    expect(routes[2]!.middleware?.[0]?.role).toBe('auth');
  });
});

describe('goyave', () => {
  it('joins Subrouter prefixes, Group() children, Route and controllers', async () => {
    const { lines } = await endpointsOf({
      'main.go': go(
        'package main',
        'import (',
        '  "goyave.dev/goyave/v5"',
        '  "example.com/app/article"',
        ')',
        'func main() {',
        '  server, _ := goyave.New(goyave.Options{})',
        '  server.RegisterRoutes(func(s *goyave.Server, router *goyave.Router) {',
        '    router.Get("/", home)',
        '    api := router.Subrouter("/api")',
        '    admin := api.Group().SetMeta("auth", true)',
        '    admin.Route([]string{"PUT", "PATCH"}, "/settings", settings)',
        '    api.Controller(&article.Controller{})',
        '  })',
        '}',
      ),
      'article/controller.go': go(
        'package article',
        'import "goyave.dev/goyave/v5"',
        'type Controller struct{ goyave.Component }',
        'func (c *Controller) RegisterRoutes(router *goyave.Router) {',
        '  sub := router.Subrouter("/articles")',
        '  sub.Get("/{slug}", c.Show)',
        '}',
      ),
    });
    expect(lines).toEqual(['GET /', 'GET /api/articles/{slug}', 'PATCH /api/settings', 'PUT /api/settings']);
  });
});

describe('pocketbase', () => {
  it('reads ServeEvent routers, groups with Bind middleware', async () => {
    const { lines, model } = await endpointsOf({
      'main.go': go(
        'package main',
        'import (',
        '  "github.com/pocketbase/pocketbase"',
        '  "github.com/pocketbase/pocketbase/apis"',
        '  "github.com/pocketbase/pocketbase/core"',
        ')',
        'func main() {',
        '  app := pocketbase.New()',
        '  app.OnServe().BindFunc(func(se *core.ServeEvent) error {',
        '    se.Router.GET("/hello/{name}", hello)',
        '    g := se.Router.Group("/api/notes").Bind(apis.RequireAuth())',
        '    g.POST("", createNote)',
        '    return se.Next()',
        '  })',
        '  app.Start()',
        '}',
      ),
    });
    expect(lines).toEqual(['GET /hello/{name}', 'POST /api/notes']);
    expect(model.endpoints.find((e) => e.method === 'POST')?.auth).toBe('required');
  });
});

describe('go-restful', () => {
  it('joins WebService Path with route builders and container mounts', async () => {
    const { lines } = await endpointsOf({
      'main.go': go(
        'package main',
        'import restful "github.com/emicklei/go-restful/v3"',
        'func service() *restful.WebService {',
        '  ws := new(restful.WebService)',
        '  ws.Path("/users").Consumes(restful.MIME_JSON)',
        '  ws.Route(ws.GET("/{id}").To(findUser).Param(ws.PathParameter("id", "id")).Writes(User{}))',
        '  ws.Route(ws.POST("").To(createUser).Filter(authFilter))',
        '  return ws',
        '}',
        'func main() {',
        '  c := restful.NewContainer()',
        '  c.Add(service())',
        '  ws := &restful.WebService{}',
        '  ws.Path("/health")',
        '  ws.Route(ws.HEAD("/ready").To(ready))',
        '  restful.Add(ws)',
        '}',
      ),
    });
    expect(lines).toEqual(['GET /users/{id}', 'HEAD /health/ready', 'POST /users']);
  });
});

describe('huma', () => {
  it('reads Register operations, verb helpers and adapter prefixes', async () => {
    const { lines, model } = await endpointsOf({
      'main.go': go(
        'package main',
        'import (',
        '  "net/http"',
        '  "github.com/danielgtaylor/huma/v2"',
        '  "github.com/danielgtaylor/huma/v2/adapters/humachi"',
        '  "github.com/go-chi/chi/v5"',
        ')',
        'func main() {',
        '  r := chi.NewRouter()',
        '  r.Route("/api", func(r chi.Router) {',
        '    api := humachi.New(r, huma.DefaultConfig("x", "1.0"))',
        '    huma.Register(api, huma.Operation{Method: http.MethodGet, Path: "/items/{id}", Tags: []string{"Items"},',
        '      Security: []map[string][]string{{"bearer": {}}}}, getItem)',
        '    huma.Post(api, "/items", createItem)',
        '    v2 := huma.NewGroup(api, "/v2")',
        '    huma.Delete(v2, "/items/{id}", deleteItem)',
        '  })',
        '  http.ListenAndServe(":8888", r)',
        '}',
      ),
    });
    expect(lines).toEqual(['DELETE /api/v2/items/{id}', 'GET /api/items/{id}', 'POST /api/items']);
    const get = model.endpoints.find((e) => e.method === 'GET');
    expect(get?.openapiTags).toEqual(['Items']);
    expect(get?.auth).toBe('required');
  });
});

describe('connect-rpc', () => {
  it('reads procedures of generated handler constructors', async () => {
    const facts = await extractGo(go(
      'package greetv1connect',
      'import (',
      '  connect "connectrpc.com/connect"',
      '  http "net/http"',
      ')',
      'const GreetServiceGreetProcedure = "/greet.v1.GreetService/Greet"',
      'func NewGreetServiceHandler(svc GreetServiceHandler, opts ...connect.HandlerOption) (string, http.Handler) {',
      '  greet := connect.NewUnaryHandler(GreetServiceGreetProcedure, svc.Greet, opts...)',
      '  chat := connect.NewBidiStreamHandler("/greet.v1.GreetService/Chat", svc.Chat, opts...)',
      '  other := connect.NewUnaryHandler(procedureName(), svc.X)',
      '  return "/greet.v1.GreetService/", nil',
      '}',
    ), 'gen/greetv1connect/greet.connect.go');
    expect(ofKind(facts, 'route').map((r) => `${r.method} ${r.path} ${r.framework} ${r.handler?.name}`)).toEqual([
      'POST /greet.v1.GreetService/Greet connect-rpc svc.Greet', 'POST /greet.v1.GreetService/Chat connect-rpc svc.Chat',
    ]);
  });
});

describe('goframe maps', () => {
  it('reads ALLMap / Map patterns', async () => {
    const facts = await extractGo(go(
      'package main',
      'import (',
      '  "github.com/gogf/gf/v2/frame/g"',
      '  "github.com/gogf/gf/v2/net/ghttp"',
      ')',
      'func main() {',
      '  s := g.Server()',
      '  s.Group("/v1", func(group *ghttp.RouterGroup) {',
      '    group.ALLMap(g.Map{',
      '      "/users": listUsers,',
      '      "POST:/users": createUser,',
      '      "name": notARoute,',
      '    })',
      '  })',
      '}',
    ));
    expect(ofKind(facts, 'route').map((r) => `${r.method} ${r.path} ${r.handler?.name}`)).toEqual([
      'ANY /users listUsers', 'POST /users createUser',
    ]);
  });
});

describe('iris mvc', () => {
  it('derives routes from controller method names and mounts controllers on parties', async () => {
    const { lines } = await endpointsOf({
      'main.go': go(
        'package main',
        'import (',
        '  "github.com/kataras/iris/v12"',
        '  "github.com/kataras/iris/v12/mvc"',
        '  "example.com/app/controllers"',
        ')',
        'func main() {',
        '  app := iris.New()',
        '  mvc.New(app.Party("/users")).Handle(new(controllers.UserController))',
        '  mvc.Configure(app.Party("/books"), func(m *mvc.Application) {',
        '    m.Handle(&controllers.BookController{})',
        '  })',
        '  app.Listen(":8080")',
        '}',
      ),
      'controllers/user.go': go(
        'package controllers',
        'import (',
        '  "github.com/kataras/iris/v12"',
        '  "github.com/kataras/iris/v12/mvc"',
        ')',
        'type UserController struct{ Ctx iris.Context }',
        'func (c *UserController) Get() []string { return nil }',
        'func (c *UserController) GetBy(id int64) string { return "" }',
        'func (c *UserController) PostLogin() {}',
        'func (c *UserController) GetProfileAvatarBy(name string) {}',
        'func (c *UserController) Getter() {}',
        'func (c *UserController) helper() {}',
        'func (c *UserController) GetSettings(ctx iris.Context) {}',
        'type BookController struct{}',
        'func (c *BookController) DeleteBy(isbn string) {}',
        'func (c *BookController) BeforeActivation(b mvc.BeforeActivation) {',
        '  b.Handle("GET", "/top/{n:int}", "Top")',
        '  b.HandleMany("GET HEAD", "/latest /newest", "Latest")',
        '}',
        'type BookService struct{}',
        'func (s *BookService) GetAll() {}',
      ),
    });
    expect(lines).toEqual([
      'DELETE /books/{isbn}', 'GET /books/latest', 'GET /books/newest', 'GET /books/top/{n}', 'GET /users', 'GET /users/profile/avatar/{name}', 'GET /users/{id}', 'HEAD /books/latest',
      'HEAD /books/newest', 'POST /users/login',
    ]);
  });
});

describe('goframe controller values', () => {
  it('links package variables and constructors to controllers, and /vN imports used by their package name', async () => {
    const { lines, model } = await endpointsOf({
      'api/v1/hello.go': go(
        'package v1',
        'import "github.com/gogf/gf/v2/frame/g"',
        'type HelloReq struct {',
        '  g.Meta `path:"/hello" method:"get"`',
        '}',
        'type HelloRes struct{}',
        'type ByeReq struct {',
        '  g.Meta `path:"/bye" method:"post"`',
        '}',
        'type ByeRes struct{}',
      ),
      'internal/controller/hello.go': go(
        'package controller',
        'import (',
        '  "context"',
        '  "example.com/app/api/v1"',
        ')',
        'var Hello = cHello{}',
        'type cHello struct{}',
        'func (c *cHello) Hello(ctx context.Context, req *v1.HelloReq) (res *v1.HelloRes, err error) { return }',
      ),
      'internal/controller/bye.go': go(
        'package controller',
        'import (',
        '  "context"',
        '  "example.com/app/api/v1"',
        ')',
        'func NewBye() *ControllerBye { return &ControllerBye{} }',
        'type ControllerBye struct{}',
        'func (c *ControllerBye) Bye(ctx context.Context, req *v1.ByeReq) (res *v1.ByeRes, err error) { return }',
      ),
      'main.go': go(
        'package main',
        'import (',
        '  "github.com/gogf/gf/v2/frame/g"',
        '  "github.com/gogf/gf/v2/net/ghttp"',
        '  "example.com/app/internal/controller"',
        ')',
        'func main() {',
        '  s := g.Server()',
        '  s.Group("/api", func(group *ghttp.RouterGroup) {',
        '    group.Bind(controller.Hello)',
        '    group.Group("/", func(group *ghttp.RouterGroup) {',
        '      group.Middleware(AuthMiddleware)',
        '      group.Bind(controller.NewBye())',
        '    })',
        '  })',
        '  s.Run()',
        '}',
      ),
    });
    expect(lines).toEqual(['GET /api/hello', 'POST /api/bye']);
    const auth = Object.fromEntries(model.endpoints.map((e) => [`${e.method} ${e.path}`, e.auth]));
    expect(auth).toEqual({ 'GET /api/hello': 'none', 'POST /api/bye': 'required' });
  });
});

describe('hertz, kratos, httprouter and fasthttp labels', () => {
  it('labels routes with the framework of the router and joins kratos Route prefixes', async () => {
    const hertz = await extractGo(go(
      'package main',
      'import "github.com/cloudwego/hertz/pkg/app/server"',
      'func main() {',
      '  h := server.Default()',
      '  v1 := h.Group("/v1")',
      '  v1.GET("/ping", ping)',
      '  h.Spin()',
      '}',
    ));
    expect(ofKind(hertz, 'route').map((r) => `${r.framework} ${r.method} ${r.path}`)).toEqual(['hertz GET /ping']);
    const { lines, facts } = await endpointsOf({
      'main.go': go(
        'package main',
        'import "github.com/go-kratos/kratos/v2/transport/http"',
        'func main() {',
        '  srv := http.NewServer(http.Address(":8000"))',
        '  r := srv.Route("/v1")',
        '  r.GET("/users/{id}", getUser)',
        '  r.Handle("DELETE", "/users/{id}", deleteUser)',
        '}',
      ),
    });
    expect(lines).toEqual(['DELETE /v1/users/{id}', 'GET /v1/users/{id}']);
    expect(new Set(ofKind(facts, 'route').map((r) => r.framework))).toEqual(new Set(['kratos']));
    const router = await extractGo(go(
      'package main',
      'import "github.com/julienschmidt/httprouter"',
      'func main() {',
      '  router := httprouter.New()',
      '  router.GET("/hello/:name", hello)',
      '}',
    ));
    expect(ofKind(router, 'route').map((r) => `${r.framework} ${r.method} ${r.path}`)).toEqual(['httprouter GET /hello/:name']);
  });
});
