// Go web frameworks: which import path is which framework, their router constructors, route
// method names and router parameter types. Tables only, no syntax.
import type { HttpMethod } from '../../core/facts.js';

export type GoFramework = 'gin' | 'echo' | 'fiber' | 'chi' | 'gorilla-mux' | 'beego' | 'iris' | 'goframe' | 'go-zero' | 'goyave' | 'pocketbase' | 'go-restful' | 'huma' | 'connect-rpc' | 'hertz' | 'fasthttp' | 'httprouter' | 'kratos' | 'net-http';

/** The HTTP QUERY method (draft-ietf-httpbis-safe-method-w-body). */
export const QUERY_METHOD: HttpMethod = 'QUERY';

const FRAMEWORK_IMPORTS: readonly [RegExp, GoFramework][] = [
  [/^github\.com\/gin-gonic\/gin$/, 'gin'],
  [/^github\.com\/labstack\/echo(\/v\d+)?$/, 'echo'],
  [/^github\.com\/gofiber\/fiber(\/v\d+)?$/, 'fiber'],
  [/^github\.com\/go-chi\/chi(\/v\d+)?$/, 'chi'],
  [/^github\.com\/pressly\/chi$/, 'chi'],
  [/^github\.com\/gorilla\/mux$/, 'gorilla-mux'],
  [/^github\.com\/(astaxie\/beego|beego\/beego(\/v\d+)?(\/server\/web)?)$/, 'beego'],
  [/^github\.com\/kataras\/iris(\/v\d+)?(\/mvc)?$/, 'iris'],
  [/^github\.com\/gogf\/gf(\/v\d+)?\/(frame\/g|net\/ghttp)$/, 'goframe'],
  [/^github\.com\/zeromicro\/go-zero\/rest$/, 'go-zero'],
  [/^goyave\.dev\/goyave(\/v\d+)?$/, 'goyave'],
  [/^github\.com\/pocketbase\/pocketbase\/tools\/router$/, 'pocketbase'],
  [/^github\.com\/emicklei\/go-restful(\/v\d+)?$/, 'go-restful'],
  [/^github\.com\/danielgtaylor\/huma(\/v\d+)?(\/adapters\/\w+)?$/, 'huma'],
  [/^(connectrpc\.com\/connect|github\.com\/bufbuild\/connect-go)$/, 'connect-rpc'],
  [/^github\.com\/cloudwego\/hertz\/pkg\/(app\/server|route)$/, 'hertz'],
  [/^github\.com\/fasthttp\/router$/, 'fasthttp'],
  [/^github\.com\/julienschmidt\/httprouter$/, 'httprouter'],
  [/^github\.com\/go-kratos\/kratos\/v2\/transport\/http$/, 'kratos'],
  [/^net\/http$/, 'net-http'],
];

/** The framework an import path belongs to, if it is one of ours. */
export function frameworkOfImport(path: string): GoFramework | undefined {
  for (const [re, fw] of FRAMEWORK_IMPORTS) if (re.test(path)) return fw;
  return undefined;
}

/**
 * A framework suggested by a companion package (`github.com/swaggo/echo-swagger`, `github.com/gin-contrib/cors`,
 * `github.com/go-chi/render`), for files that use a router without importing the framework itself.
 */
export function frameworkHint(path: string): GoFramework | undefined {
  if (/^github\.com\/go-chi\//.test(path)) return 'chi';
  if (/^github\.com\/gofiber\//.test(path)) return 'fiber';
  if (/^github\.com\/(labstack|swaggo\/echo-swagger)/.test(path)) return 'echo';
  if (/^github\.com\/(gin-contrib|swaggo\/gin-swagger)/.test(path)) return 'gin';
  if (/^github\.com\/gorilla\/handlers/.test(path)) return 'gorilla-mux';
  if (/^github\.com\/valyala\/fasthttp$/.test(path)) return 'fasthttp';
  if (/^github\.com\/cloudwego\/hertz\//.test(path)) return 'hertz';
  if (/^github\.com\/go-kratos\/kratos\//.test(path)) return 'kratos';
  return undefined;
}

/** Order in which a file's imports decide its framework (net/http is only a fallback; Connect never decides). */
export const FRAMEWORK_PRIORITY: readonly GoFramework[] = ['gin', 'echo', 'fiber', 'chi', 'gorilla-mux', 'beego', 'iris', 'goframe', 'go-zero', 'goyave', 'pocketbase', 'go-restful', 'huma', 'hertz', 'fasthttp', 'httprouter', 'kratos', 'net-http'];

/** Router constructors: `pkg.Name()` for a package of the given framework. */
export const CONSTRUCTORS: Record<GoFramework, Record<string, { isApp: boolean }>> = {
  gin: { Default: { isApp: true }, New: { isApp: true } },
  echo: { New: { isApp: true } },
  fiber: { New: { isApp: true } },
  chi: { NewRouter: { isApp: false }, NewMux: { isApp: false } },
  'gorilla-mux': { NewRouter: { isApp: false } },
  beego: { NewControllerRegister: { isApp: false } },
  iris: { New: { isApp: true }, Default: { isApp: true } },
  goframe: { Server: { isApp: true }, GetServer: { isApp: true } },
  'go-zero': { MustNewServer: { isApp: true }, NewServer: { isApp: true } },
  goyave: { New: { isApp: true } },
  pocketbase: { NewRouter: { isApp: false } },
  'go-restful': { NewContainer: { isApp: true } },
  huma: {},
  'connect-rpc': {},
  hertz: { Default: { isApp: true }, New: { isApp: true } },
  fasthttp: { New: { isApp: false } },
  httprouter: { New: { isApp: false } },
  kratos: { NewServer: { isApp: true } },
  'net-http': { NewServeMux: { isApp: false } },
};

/** Router types by framework, for parameters (`r *gin.RouterGroup`, `r chi.Router`). */
export const ROUTER_TYPES: Record<GoFramework, ReadonlySet<string>> = {
  gin: new Set(['Engine', 'RouterGroup', 'IRouter', 'IRoutes']),
  echo: new Set(['Echo', 'Group']),
  fiber: new Set(['App', 'Router', 'Group']),
  chi: new Set(['Router', 'Mux', 'Routes']),
  'gorilla-mux': new Set(['Router']),
  beego: new Set(['Namespace', 'ControllerRegister', 'HttpServer']),
  iris: new Set(['Application', 'Party', 'APIBuilder']),
  goframe: new Set(['Server', 'RouterGroup', 'Domain']),
  'go-zero': new Set(['Server']),
  goyave: new Set(['Router']),
  pocketbase: new Set(['Router', 'RouterGroup']),
  'go-restful': new Set(['WebService', 'Container']),
  huma: new Set(['API', 'Group']),
  'connect-rpc': new Set(),
  hertz: new Set(['Hertz', 'Engine', 'RouterGroup', 'IRoutes', 'IRouter']),
  fasthttp: new Set(['Router', 'Group']),
  httprouter: new Set(['Router']),
  kratos: new Set(['Server', 'Router']),
  'net-http': new Set(['ServeMux']),
};

const VERBS: Record<string, HttpMethod> = {
  GET: 'GET', POST: 'POST', PUT: 'PUT', PATCH: 'PATCH', DELETE: 'DELETE', HEAD: 'HEAD', OPTIONS: 'OPTIONS',
  CONNECT: 'CONNECT', TRACE: 'TRACE', QUERY: QUERY_METHOD, ANY: 'ANY', ALL: 'ANY',
};

/** Method of a verb call name (`GET`, `Get`, `Any`, `All`); undefined for other names. */
export function verbMethod(name: string): HttpMethod | undefined {
  const upper = name.toUpperCase();
  const method = VERBS[upper];
  if (!method) return undefined;
  // Only GET / Get, never gEt.
  if (name !== upper && name !== upper[0] + upper.slice(1).toLowerCase()) return undefined;
  return method;
}

/** An HTTP method written as a string ("GET", "get", "*") or constant name (MethodGet). */
export function methodFromString(value: string): HttpMethod | undefined {
  const upper = value.trim().toUpperCase();
  if (upper === '*') return 'ANY';
  const method = VERBS[upper];
  return method;
}

/** `http.MethodGet`, `fiber.MethodQuery`, `echo.GET`-like constant names -> method. */
export function methodFromConstant(name: string): HttpMethod | undefined {
  const m = /^Method([A-Z][a-z]+)$/.exec(name);
  if (m) return methodFromString(m[1]!);
  return undefined;
}

/** Methods that return the same router (configuration), so a chain keeps its router. */
export const PASSTHROUGH = new Set(['StrictSlash', 'SkipClean', 'UseEncodedPath', 'UseRawPath', 'Debug']);

/** Calls that start serving an application. */
export const SERVE_METHODS = new Set([
  'Run', 'RunTLS', 'RunUnix', 'RunListener', 'Start', 'StartTLS', 'StartAutoTLS', 'StartServer', 'StartH2CServer',
  'Listen', 'ListenTLS', 'ListenMutualTLS', 'Listener',
]);

/** The package name an import path gets when not aliased: last element, skipping /vN and go- / -go decorations. */
export function goPackageName(importPath: string): string {
  const parts = importPath.split('/').filter(Boolean);
  let last = parts[parts.length - 1] ?? importPath;
  if (/^v\d+$/.test(last) && parts.length > 1) last = parts[parts.length - 2]!;
  last = last.replace(/\.v\d+$/, ''); // gopkg.in/yaml.v3
  last = last.replace(/^go-/, '').replace(/[-.]go$/, '');
  return last.replace(/[^A-Za-z0-9_]/g, '_');
}

/**
 * Router-valued fields of framework event types, keyed by import path pattern: PocketBase
 * `func(se *core.ServeEvent) error { se.Router.GET(...) }` (OnServe / OnBeforeServe hooks).
 */
const ROUTER_FIELDS: readonly [RegExp, string, string, GoFramework][] = [
  [/^github\.com\/pocketbase\/pocketbase\/core$/, 'ServeEvent', 'Router', 'pocketbase'],
];

export function routerField(importPath: string | undefined, type: string, field: string): GoFramework | undefined {
  if (!importPath) return undefined;
  for (const [re, t, f, fw] of ROUTER_FIELDS) if (t === type && f === field && re.test(importPath)) return fw;
  return undefined;
}

/** Router types created with `new(T)` / `&T{}` rather than a constructor (go-restful `new(restful.WebService)`). */
export const ALLOCATED_ROUTERS: Partial<Record<GoFramework, Record<string, { isApp: boolean }>>> = {
  'go-restful': { WebService: { isApp: false }, Container: { isApp: true } },
};

/** Iris MVC package (`mvc.New(party).Handle(new(UserController))`, `mvc.Configure(party, fn)`). */
export const IRIS_MVC = /^github\.com\/kataras\/iris(\/v\d+)?\/mvc$/;
