import { describe, expect, it } from 'vitest';
import type { Fact } from '../../../src/core/facts.js';
import { buildModel } from '../../../src/model/build-model.js';
import { extractGo, go, ofKind, routeLines } from './parse.js';

/** Static mounts as 'framework prefix <- dir @router:line'. */
const mounts = (facts: Fact[]) => ofKind(facts, 'static-mount').map((m) =>
  `${m.framework} ${m.prefix} <- ${m.dir} (${m.base}) @${m.router?.path.join('.') ?? '-'}:${m.location.startLine}`);

describe('go static mounts', () => {
  it('Gin: Static and StaticFS (http.Dir, gin.Dir) on the engine and on groups; an embedded file system names no directory', async () => {
    const facts = await extractGo(go(
      'package main',
      'import (',
      '  "net/http"',
      '  "github.com/gin-gonic/gin"',
      ')',
      'func main() {',
      '  r := gin.Default()',
      '  r.Static("/public", "./public")',
      '  admin := r.Group("/admin", AuthRequired())',
      '  admin.StaticFS("/files", http.Dir("uploads"))',
      '  r.StaticFS("/docs", gin.Dir("docs", false))',
      '  r.StaticFS("/embedded", http.FS(assets))',
      '  r.StaticFile("/favicon.ico", "./favicon.ico")',
      '  r.Run()',
      '}',
    ));
    expect(mounts(facts)).toEqual([
      'gin /public <- ./public (cwd) @main:r:8',
      'gin /files <- uploads (cwd) @main:admin:10',
      'gin /docs <- docs (cwd) @main:r:11',
    ]);
    expect(routeLines(facts)).toEqual(['GET /favicon.ico']);
  });

  it('Echo, Fiber and Iris: Static(prefix, root), echo.MustSubFS, HandleDir', async () => {
    const echo = await extractGo(go(
      'package main',
      'import "github.com/labstack/echo/v4"',
      'func main() {',
      '  e := echo.New()',
      '  e.Static("/public", "/public3")',
      '  g := e.Group("/v1")',
      '  g.StaticFS("/assets", echo.MustSubFS(e.Filesystem, "web/assets"))',
      '  e.Start(":1323")',
      '}',
    ));
    expect(mounts(echo)).toEqual(['echo /public <- /public3 (cwd) @main:e:5', 'echo /assets <- web/assets (cwd) @main:g:7']);
    const fiber = await extractGo(go(
      'package main',
      'import "github.com/gofiber/fiber/v2"',
      'func main() {',
      '  app := fiber.New()',
      '  app.Static("/", "./public", fiber.Static{Browse: false})',
      '  app.Listen(":3000")',
      '}',
    ));
    expect(mounts(fiber)).toEqual(['fiber / <- ./public (cwd) @main:app:5']);
    const iris = await extractGo(go(
      'package main',
      'import "github.com/kataras/iris/v12"',
      'func main() {',
      '  app := iris.New()',
      '  app.HandleDir("/static", iris.Dir("./assets"))',
      '  app.Listen(":8080")',
      '}',
    ));
    expect(mounts(iris)).toEqual(['iris /static <- ./assets (cwd) @main:app:5']);
  });

  it('Echo static middleware on the application (or a group with IgnoreBase); Fiber v3 static.New below the Use prefix', async () => {
    const echo = await extractGo(go(
      'package main',
      'import (',
      '  "github.com/labstack/echo/v4"',
      '  "github.com/labstack/echo/v4/middleware"',
      ')',
      'func main() {',
      '  e := echo.New()',
      '  e.Use(middleware.Logger(), middleware.Static("/static"))',
      '  g := e.Group("/docs")',
      '  g.Use(middleware.StaticWithConfig(middleware.StaticConfig{Root: "site", IgnoreBase: true}))',
      '  h := e.Group("/raw")',
      '  h.Use(middleware.StaticWithConfig(middleware.StaticConfig{Root: "raw"}))',
      '  e.Start(":1323")',
      '}',
    ));
    expect(mounts(echo)).toEqual(['echo / <- /static (cwd) @main:e:8', 'echo / <- site (cwd) @main:g:10']);
    // The group without IgnoreBase looks up /raw/... below raw/: left as middleware, not guessed.
    expect(ofKind(echo, 'router-middleware').map((m) => m.middleware.name.split('(')[0])).toEqual(['middleware.Logger', 'middleware.StaticWithConfig']);
    const fiber = await extractGo(go(
      'package main',
      'import (',
      '  "github.com/gofiber/fiber/v3"',
      '  "github.com/gofiber/fiber/v3/middleware/static"',
      ')',
      'func main() {',
      '  app := fiber.New()',
      '  app.Use("/files", static.New("./files"))',
      '  app.Listen(":3000")',
      '}',
    ));
    expect(mounts(fiber)).toEqual(['fiber /files <- ./files (cwd) @main:app:8']);
  });

  it('Hertz appends the whole request path to the root; a PathSlashesStripper drops leading segments first', async () => {
    const facts = await extractGo(go(
      'package main',
      'import (',
      '  "github.com/cloudwego/hertz/pkg/app"',
      '  "github.com/cloudwego/hertz/pkg/app/server"',
      ')',
      'func main() {',
      '  h := server.Default()',
      '  h.Static("/static", "./")',
      '  h.StaticFS("/files", &app.FS{Root: "./data", PathRewrite: app.NewPathSlashesStripper(1)})',
      '  h.StaticFS("/raw", &app.FS{Root: "./data"})',
      '  h.Spin()',
      '}',
    ));
    expect(mounts(facts)).toEqual([
      'hertz /static <- ./static (cwd) @main:h:8',
      'hertz /files <- ./data (cwd) @main:h:9',
      'hertz /raw <- ./data/raw (cwd) @main:h:10',
    ]);
  });

  it('Goyave v4 Static(uri, dir, download); a v5 file system that names no directory gives nothing', async () => {
    const facts = await extractGo(go(
      'package main',
      'import (',
      '  "goyave.dev/goyave/v4"',
      '  "goyave.dev/goyave/v5/util/fsutil/osfs"',
      ')',
      'func Register(router *goyave.Router) {',
      '  router.Static("/resources", "resources", false)',
      '  router.Static(&osfs.FS{}, "/static", false)',
      '  router.Get("/hello", hello)',
      '}',
    ));
    expect(mounts(facts)).toEqual(['goyave /resources <- resources (cwd) @Register.arg0:7']);
  });

  it('gorilla/mux and net/http: FileServer at a prefix, with or without StripPrefix', async () => {
    const facts = await extractGo(go(
      'package main',
      'import (',
      '  "net/http"',
      '  "github.com/gorilla/mux"',
      ')',
      'func main() {',
      '  r := mux.NewRouter()',
      '  r.PathPrefix("/static/").Handler(http.StripPrefix("/static/", http.FileServer(http.Dir("./static/"))))',
      '  r.PathPrefix("/docs/").Handler(http.FileServer(http.Dir("site")))',
      '  r.PathPrefix("/odd/").Handler(http.StripPrefix("/other/", http.FileServer(http.Dir("x"))))',
      '  http.Handle("/assets/", http.StripPrefix("/assets", http.FileServer(http.Dir("web"))))',
      '  http.ListenAndServe(":8080", r)',
      '}',
    ));
    expect(mounts(facts)).toEqual([
      'gorilla-mux /static <- ./static/ (cwd) @main:r:8',
      'gorilla-mux /docs <- site/docs (cwd) @main:r:9',
      'net-http /assets <- web (cwd) @http.DefaultServeMux:11',
    ]);
  });

  it('expands through the model with the group prefix and middleware, next to the declaring file', async () => {
    const text = go(
      'package main',
      'import "github.com/gin-gonic/gin"',
      'func main() {',
      '  r := gin.Default()',
      '  v1 := r.Group("/v1", AuthRequired())',
      '  v1.Static("/assets", "./public")',
      '  r.Run()',
      '}',
    );
    const facts = await extractGo(text, 'cmd/web/main.go');
    const model = buildModel({
      facts, files: [{ path: 'cmd/web/main.go', language: 'go' }], serviceRoots: [''], hasMoaiDir: false,
      allPaths: ['go.mod', 'cmd/web/main.go', 'public/app.js', 'public/index.html', 'public/.env'],
    });
    expect(model.staticFiles.map((e) => `${e.method} ${e.path}`).sort()).toEqual(['GET /v1/assets', 'GET /v1/assets/app.js', 'GET /v1/assets/index.html']);
    expect(model.staticFiles.map((e) => e.auth)).toEqual(['required', 'required', 'required']);
  });
});
