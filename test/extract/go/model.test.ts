// Go facts from several files through the model: packages, parameters, returned routers, constants.
import { describe, expect, it } from 'vitest';
import { endpointsOf, go } from './parse.js';

describe('go routes across files (through the model)', () => {
  it('joins gin groups handed to register functions in other packages, with auth by Use order', async () => {
    const { lines, model } = await endpointsOf({
      'main.go': go(
        'package main',
        'import (',
        '  "github.com/gin-gonic/gin"',
        '  "example.com/app/users"',
        ')',
        'func main() {',
        '  r := gin.Default()',
        '  v1 := r.Group("/api")',
        '  users.Register(v1.Group("/users"))',
        '  v1.Use(users.AuthMiddleware(true))',
        '  users.ProfileRegister(v1.Group("/profiles"))',
        '  admin := r.Group("/admin").Use(AdminOnly())',
        '  admin.GET("/stats", stats)',
        '  r.Run()',
        '}',
      ),
      'users/routers.go': go(
        'package users',
        'import "github.com/gin-gonic/gin"',
        'func Register(router *gin.RouterGroup) {',
        '  router.POST("/", Registration)',
        '  router.POST("/login", Login)',
        '}',
        'func ProfileRegister(router *gin.RouterGroup) {',
        '  router.GET("/:username", Profile)',
        '}',
      ),
    });
    expect(lines).toEqual(['GET /admin/stats', 'GET /api/profiles/{username}', 'POST /api/users', 'POST /api/users/login']);
    const auth = Object.fromEntries(model.endpoints.map((e) => [`${e.method} ${e.path}`, e.auth]));
    expect(auth).toEqual({
      'POST /api/users': 'none', 'POST /api/users/login': 'none', 'GET /api/profiles/{username}': 'required', 'GET /admin/stats': 'required',
    });
    expect(model.services[0]!.frameworks.map((f) => f.id)).toEqual(['gin']);
  });

  it('follows same-package calls, reused helpers and colliding local names', async () => {
    const { lines } = await endpointsOf({
      'main.go': go(
        'package main',
        'import "github.com/gin-gonic/gin"',
        'var router = gin.Default()',
        'func getRoutes() {',
        '  v1 := router.Group("/v1")',
        '  addPing(v1)',
        '  v2 := router.Group("/v2")',
        '  addPing(v2)',
        '  addJobs(v1)',
        '}',
      ),
      'ping.go': go(
        'package main',
        'import "github.com/gin-gonic/gin"',
        'func addPing(rg *gin.RouterGroup) {',
        '  ping := rg.Group("/ping")',
        '  ping.GET("/", pong)',
        '}',
        'func addJobs(v1 *gin.RouterGroup) {',
        '  r := v1.Group("/jobs")',
        '  r.GET("/list", list)',
        '  v1.GET("/start", start)',
        '}',
      ),
    });
    expect(lines).toEqual(['GET /v1/jobs/list', 'GET /v1/ping', 'GET /v1/start', 'GET /v2/ping']);
  });

  it('mounts chi routers returned by functions and methods, and resolves constant paths from sibling files', async () => {
    const { lines, model } = await endpointsOf({
      'main.go': go(
        'package main',
        'import ("net/http"; "github.com/go-chi/chi/v5"; "example.com/app/api")',
        'func main() {',
        '  r := chi.NewRouter()',
        '  r.Mount("/admin", adminRouter())',
        '  r.Mount("/todos", todosResource{}.Routes())',
        '  r.Mount("/api", api.Routes())',
        '  r.Get(healthzPath, health)',
        '  r.Route(apiV2, func(r chi.Router) { r.Get("/token", token) })',
        '  http.ListenAndServe(":80", r)',
        '}',
      ),
      'admin.go': go(
        'package main',
        'import "github.com/go-chi/chi/v5"',
        'const healthzPath = "/healthz"',
        'func adminRouter() chi.Router {',
        '  r := chi.NewRouter()',
        '  r.Use(AdminOnly)',
        '  r.Get("/", index)',
        '  return r',
        '}',
        'type todosResource struct{}',
        'func (rs todosResource) Routes() chi.Router {',
        '  r := chi.NewRouter()',
        '  r.Route("/{id}", func(r chi.Router) { r.Delete("/", rs.Delete) })',
        '  return r',
        '}',
      ),
      'api/routes.go': go(
        'package api',
        'import "github.com/go-chi/chi/v5"',
        'func Routes() chi.Router {',
        '  r := chi.NewRouter()',
        '  r.Post("/items", create)',
        '  return r',
        '}',
      ),
      'paths.go': go('package main', 'const (', '  apiV2 = "/api/v2"', ')'),
    });
    expect(lines).toEqual(['DELETE /todos/{id}', 'GET /admin', 'GET /api/v2/token', 'GET /healthz', 'POST /api/items']);
    expect(model.endpoints.find((e) => e.path === '/admin')!.auth).toBe('required');
  });

  it('assigns a router returned by a setup function to the caller (aliasing through the return ref)', async () => {
    const { lines } = await endpointsOf({
      'main.go': go(
        'package main',
        'import "example.com/app/server"',
        'func main() {',
        '  r := server.SetupRouter()',
        '  r.GET("/extra", extra)',
        '  r.Run()',
        '}',
      ),
      'server/router.go': go(
        'package server',
        'import "github.com/labstack/echo/v4"',
        'func SetupRouter() *echo.Echo {',
        '  e := echo.New()',
        '  g := e.Group("/api")',
        '  g.GET("/items", items)',
        '  return e',
        '}',
      ),
    });
    expect(lines).toEqual(['GET /api/items', 'GET /extra']);
  });

  it('follows constructors with error results and struct fields to the routers they return', async () => {
    const { lines, model } = await endpointsOf({
      'api/api.go': go(
        'package api',
        'import ("github.com/go-chi/chi/v5"; "example.com/app/api/admin")',
        'func New() (*chi.Mux, error) {',
        '  adminAPI, err := admin.NewAPI(db)',
        '  if err != nil { return nil, err }',
        '  r := chi.NewRouter()',
        '  r.Group(func(r chi.Router) {',
        '    r.Use(jwt.Authenticator)',
        '    r.Mount("/admin", adminAPI.Router())',
        '  })',
        '  return r, nil',
        '}',
      ),
      'api/admin/api.go': go(
        'package admin',
        'import "github.com/go-chi/chi/v5"',
        'type API struct {',
        '  Accounts *AccountResource',
        '}',
        'func NewAPI(db *DB) (*API, error) { return &API{Accounts: NewAccountResource(db)}, nil }',
        'func (a *API) Router() *chi.Mux {',
        '  r := chi.NewRouter()',
        '  r.Mount("/accounts", a.Accounts.router())',
        '  return r',
        '}',
      ),
      'api/admin/accounts.go': go(
        'package admin',
        'import "github.com/go-chi/chi/v5"',
        'func (rs *AccountResource) router() *chi.Mux {',
        '  r := chi.NewRouter()',
        '  r.Get("/", rs.list)',
        '  r.Route("/{accountID}", func(r chi.Router) { r.Put("/", rs.update) })',
        '  return r',
        '}',
      ),
    });
    expect(lines).toEqual(['GET /admin/accounts', 'PUT /admin/accounts/{accountID}']);
    expect(model.endpoints.every((e) => e.auth === 'required')).toBe(true);
  });
});
