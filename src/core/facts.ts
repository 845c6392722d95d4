// Facts: what extractors (which know syntax) tell the model builder (which knows architecture).
// One discriminated union on `kind`. Every fact carries the Location it was read from.
//
// Cross-file resolution works on *references*: a RefExpr names a value as the code writes it in
// one file (`router`, `articles.router`, `app`). The model follows `import` and `export` facts to
// find the definition (a `router` fact) a reference points to, so that a route registered on
// `router` in one file and a mount `app.use('/api', router)` in another meet.

import type { Location } from './types.js';

/** QUERY is the draft safe-method-with-body verb; the JSON contract's method enum does not have it yet. */
export type HttpMethod =
  | 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS' | 'TRACE' | 'CONNECT' | 'QUERY' | 'ANY';

/** The methods the JSON contract (shared/contracts/scan-result.schema.json) can express. */
export const CONTRACT_METHODS: ReadonlySet<HttpMethod> = new Set([
  'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT', 'ANY',
]);

/**
 * A value as written in one file: `articles.router` in users.py is { file: 'users.py', path: ['articles', 'router'] }.
 * `file` may also be an opaque namespace that every file computes the same way: a Go package directory
 * with a trailing slash ('internal/routes/'), a JVM package ('jvm:com.shop.api'), a Rust module file
 * ('src/users.rs' for crate::users, whether it lives in users.rs or users/mod.rs). Function results
 * and parameters are path segments: [fn, 'return'], [fn, 'arg0'].
 */
export interface RefExpr {
  file: string;
  path: string[];
}

/** Something on the request path before a handler: a middleware, guard, dependency or decorator. */
export interface MiddlewareRef {
  name: string; // as written: 'requireAuth', 'passport.authenticate', 'Depends(get_current_user)', 'AuthGuard'
  /** 'public': the route is declared open to anonymous callers (`@Public()`), which service-wide auth rules respect. */
  role: 'auth' | 'optional-auth' | 'public' | 'cors' | 'rate-limit' | 'other';
  location?: Location;
}

interface FactBase {
  location: Location;
}

/** A router, app, blueprint or controller-like object that routes are registered on. */
export interface RouterFact extends FactBase {
  kind: 'router';
  framework: string; // 'express', 'fastapi', ...
  ref: RefExpr; // the binding it is assigned to, e.g. { file, path: ['router'] }
  /** Prefix the router object itself declares (APIRouter(prefix=), Blueprint(url_prefix=), new Router({ prefix })). */
  prefix?: string;
  /** True for application roots (express(), FastAPI(), Flask(__name__), new Koa()): never a mount child. */
  isApp?: boolean;
  openapiTags?: string[];
  middleware?: MiddlewareRef[];
}

export interface RouteFact extends FactBase {
  kind: 'route';
  framework: string;
  method: HttpMethod;
  /** Path as declared on its router, framework syntax kept (':id', '<int:id>', '{id}'); the model normalises. */
  path: string;
  /** Router the route is registered on; absent when the route is already fully resolved in-file (e.g. NestJS). */
  router?: RefExpr;
  /** Route was declared with a regular expression (Express regex literal, Django re_path): keep the path verbatim. */
  isRegex?: boolean;
  handler?: { name: string; location?: Location };
  middleware?: MiddlewareRef[];
  openapiTags?: string[];
  /** 'route' = explicit; 'generated' = expanded by a library (DRF router, resource generators). */
  origin?: 'route' | 'generated';
  /**
   * The handler is a view defined in another file (`path('x/', views.X.as_view())`, `router.register('x', views.XViewSet)`).
   * When `view.ref` resolves to a `view` fact, the model replaces this route, and every other route fact with the same
   * location, view ref and base (the placeholders of one registration), by the view's routes at `view.base` + their
   * path, adding the view's middleware; otherwise the placeholders stay as they are.
   */
  view?: { ref: RefExpr; base: string };
}

/**
 * A directory of files served under a URL prefix: Gin/Echo/Fiber/Hertz `Static("/public", "./public")`,
 * gorilla/mux `PathPrefix("/static/").Handler(http.FileServer(http.Dir("./static")))`, Express
 * `app.use('/assets', express.static('public'))`, `@fastify/static`, NestJS ServeStaticModule, Sails `assets/`.
 * The model lists the repository files under the directory (extractors never list directories) and
 * gives each one a `GET <prefix>/<relative path>` endpoint on `router`, as for a route on that router.
 */
export interface StaticMountFact extends FactBase {
  kind: 'static-mount';
  framework: string;
  /** Router the mount is registered on; absent when `prefix` is already the full path. */
  router?: RefExpr;
  /** URL prefix as written ('/public', '/', 'assets/'). */
  prefix: string;
  /** Directory as written ('./public', 'public', '/public3', '../client'). */
  dir: string;
  /**
   * What a relative `dir` is relative to: 'cwd' = the process working directory, taken to be the
   * declaring file's directory when the directory is there, else its service root (nearest manifest);
   * 'file' = the declaring file's directory (`path.join(__dirname, 'public')`).
   */
  base: 'cwd' | 'file';
  middleware?: MiddlewareRef[];
}

/** A view described in its own file: the methods and sub-routes it serves and the guards it declares. */
export interface ViewFact extends FactBase {
  kind: 'view';
  framework: string;
  ref: RefExpr;
  /** Relative to where the view is registered ('' = that path itself): Django views, DRF viewset list/detail/@action routes. */
  routes: { method: HttpMethod; path: string; handler?: { name: string; location?: Location } }[];
  middleware?: MiddlewareRef[];
}

/** `app.use('/api', router)`, `include_router(r, prefix=)`, `register_blueprint(bp, url_prefix=)`, Django include(). */
export interface MountFact extends FactBase {
  kind: 'mount';
  framework: string;
  parent: RefExpr;
  /** The mounted router. With `childModule`, `child.path` is looked up inside that module instead of `child.file`. */
  child: RefExpr;
  /** A module named by string, resolved like an import source of this file: Django include('blog.urls') -> 'blog.urls' with child.path ['urlpatterns']. */
  childModule?: string;
  prefix: string;
  /**
   * When the prefix is not a literal (`prefix=settings.api_prefix`, `app.use(config.base, r)`): the value as
   * written. The model resolves it through `constant` facts; `prefix` then holds the fallback ('' if none).
   */
  prefixRef?: RefExpr;
  /** Mount-level prefix replaces the router's own prefix (Flask register_blueprint url_prefix) instead of stacking. */
  replacesChildPrefix?: boolean;
  openapiTags?: string[];
  middleware?: MiddlewareRef[];
  /**
   * How to treat the child when the model cannot resolve it to a router (an extractor cannot tell
   * whether `app.use('/x', thing)` mounts a router or applies middleware when `thing` is imported).
   * Omit when the child can only be a router.
   */
  asMiddleware?: MiddlewareRef;
}

/** Middleware applied to every route of a router from this point on (`app.use(auth)`, `router.use(cors())`). */
export interface RouterMiddlewareFact extends FactBase {
  kind: 'router-middleware';
  framework: string;
  router: RefExpr;
  middleware: MiddlewareRef;
  /** Only routes with this path prefix (`app.use('/admin', requireAdmin)`); '' for all. */
  pathPrefix: string;
}

/** A prefix applied to every route of the service (NestJS setGlobalPrefix, Django FORCE_SCRIPT_NAME...). */
export interface GlobalPrefixFact extends FactBase {
  kind: 'global-prefix';
  framework: string;
  prefix: string;
  /** Paths excluded from the prefix, as declared. */
  exclude?: string[];
  /** Only routes declared in these repo-relative files get the prefix (Laravel routes/api.php); an entry ending in '/' is a directory. */
  files?: string[];
}

/**
 * A path rule of a security filter chain (Spring Security `requestMatchers(...).permitAll()`,
 * `.anyRequest().authenticated()`, Kotlin `authorize("/x/**", permitAll)`): the routes of the
 * declaring file's service whose path (below any context path) matches one of `patterns` (Ant
 * style: `*`, `**`, `{var}`) and, when given, one of `methods`, need authentication ('auth' and
 * 'deny') or not ('public'). The first matching rule in declaration order wins, and only for
 * routes whose own code says nothing about auth.
 */
export interface AuthRuleFact extends FactBase {
  kind: 'auth-rule';
  framework: string;
  patterns: string[];
  methods?: HttpMethod[];
  access: 'auth' | 'public' | 'deny';
  /** What the rule requires, as written (`authenticated`, `hasRole('ADMIN')`), for reports. */
  requirement: string;
}

/**
 * An import binding: `import x from './y'` -> { local: 'x', source: './y', imported: 'default' };
 * `import * as x` / Python `import a.b as x` -> imported: '*'; `from a import b` -> { source: 'a', imported: 'b' }.
 * Python relative imports keep their dots in `source` ('.', '..routes').
 */
export interface ImportFact extends FactBase {
  kind: 'import';
  /** For 'go', `source` is the import path and `imported` is '*': the package. */
  language: 'javascript' | 'python' | 'go';
  local: string;
  source: string;
  imported: string; // 'default' | '*' | a name
}

/** `export default router`, `module.exports = router`, `export { a as b }`, `module.exports.x = y`. */
export interface ExportFact extends FactBase {
  kind: 'export';
  exported: string; // 'default' or a name
  local: RefExpr; // what is exported, as written in this file
}

/** A local alias inside one file: `const api = router`, `app = create_app()` is not one (unknown value). */
export interface AliasFact extends FactBase {
  kind: 'alias';
  local: string;
  target: RefExpr;
}

/**
 * A name bound to a constant string: a module-level `API_PREFIX = "/api"`, a settings class field
 * `api_prefix: str = "/api"` (ref path ['AppSettings', 'api_prefix']), `export const base = '/v1'`.
 */
export interface ConstantFact extends FactBase {
  kind: 'constant';
  ref: RefExpr;
  value: string;
}

/** A MoAI TAG in a comment: `@API:ARTICLE-001`, `@SPEC:AUTH-001`, `@TEST:...`. */
export interface MoaiTagFact extends FactBase {
  kind: 'moai-tag';
  tag: string; // '@API:ARTICLE-001'
}

export type SqlBuild = 'literal' | 'concatenated' | 'interpolated' | 'formatted' | 'parameterised' | 'unknown';

/** A call that runs SQL text, and how that text was built. */
export interface SqlCallFact extends FactBase {
  kind: 'sql-call';
  sink: string; // 'pg.query', 'cursor.execute', 'sequelize.query', 'knex.raw', ...
  build: SqlBuild;
  /** True when runtime (non-constant) values went into the SQL text. */
  dynamic: boolean;
  /** Where the text was built when that differs from the call (`q = "..." + x` on an earlier line). */
  builtAt?: Location;
}

export type HashAlgorithm =
  | 'argon2' | 'bcrypt' | 'scrypt' | 'pbkdf2' | 'md5' | 'sha1' | 'sha256' | 'sha512' | 'hmac' | 'plaintext' | 'unknown';

/** A hashing call: password hashing, or a general-purpose digest. */
export interface HashCallFact extends FactBase {
  kind: 'hash-call';
  algorithm: HashAlgorithm;
  library: string; // 'bcrypt', 'bcryptjs', 'argon2', 'crypto', 'hashlib', 'passlib', 'werkzeug', 'django'
  /** 'password' when the hashed data or the surrounding function is about passwords. */
  purpose: 'password' | 'other' | 'unknown';
  /** True for verify/compare calls (bcrypt.compare): they show the algorithm in use but are not where it is chosen. */
  isVerify?: boolean;
  params?: { cost?: number; memoryKiB?: number; iterations?: number; parallelism?: number; variant?: string };
}

export interface CorsConfigFact extends FactBase {
  kind: 'cors-config';
  policy: 'wildcard' | 'reflect-origin' | 'allowlist' | 'unknown';
  credentials: boolean | null;
  library: string; // 'cors', '@fastify/cors', 'fastapi', 'flask-cors', 'django-cors-headers', 'header'
  detail?: string; // 'cors() with no options', "allow_origins=['*']"
  /** An origin regular expression that admits more than intended (an unescaped '.'), as written. */
  permissivePattern?: string;
}

export type JwtIssue = 'none-algorithm' | 'no-verify' | 'decode-only' | 'no-expiry' | 'long-expiry' | 'hardcoded-key';

export interface JwtCallFact extends FactBase {
  kind: 'jwt-call';
  library: string; // 'jsonwebtoken', 'jose', 'pyjwt', 'python-jose'
  operation: 'sign' | 'verify' | 'decode';
  issues: JwtIssue[];
  detail?: string;
}

export interface SecretCandidateFact extends FactBase {
  kind: 'secret-candidate';
  /** What recognised it: 'aws-access-key-id', 'github-token', 'private-key', 'secret-assignment', 'env-fallback', ... */
  detector: string;
  /** Never the whole secret: a redacted form such as 'AKIA…MPLE' or 'sk_l…(32 chars)'. */
  redacted: string;
  /** The variable or key it was assigned to, when there is one. */
  name?: string;
  confidence: 'high' | 'medium' | 'low';
  /** In a test, example or fixture file: reported at a lower severity. */
  isTestOrExample: boolean;
}

export interface RateLimitFact extends FactBase {
  kind: 'rate-limit';
  library: string; // 'express-rate-limit', 'slowapi', '@nestjs/throttler', ...
  /** False when registered/configured but never applied to a route or app. */
  applied: boolean;
  /** Where it applies, when known: a path prefix, or '' for the whole app. */
  scope?: string;
  /**
   * Covers only the routes handled by this controller class (Laravel `use ThrottlesLogins;`): the
   * model counts it as applied only when a route of the service is handled by that controller.
   */
  controller?: string;
}

export interface DatabaseFact extends FactBase {
  kind: 'database';
  engine?: string; // 'postgresql', 'mysql', 'sqlite', 'mongodb', 'mssql', 'redis', ...
  library: string; // 'prisma', 'sequelize', 'typeorm', 'sqlalchemy', 'django-orm', 'pg', ...
}

export interface ConfigIssueFact extends FactBase {
  kind: 'config-issue';
  issue: 'debug-enabled' | 'tls-verification-disabled';
  detail: string;
}

/** A framework detected from a manifest or import, for one service root. */
export interface FrameworkFact extends FactBase {
  kind: 'framework';
  id: string;
  version?: string;
  serviceRoot: string; // '' for the repository root
  source: 'manifest' | 'import';
}

/** The file that boots an HTTP server (listen / uvicorn.run / manage.py / app factory). */
export interface ServiceEntryFact extends FactBase {
  kind: 'service-entry';
  framework: string;
}

export type Fact =
  | RouterFact
  | RouteFact
  | StaticMountFact
  | MountFact
  | RouterMiddlewareFact
  | GlobalPrefixFact
  | AuthRuleFact
  | ImportFact
  | ExportFact
  | AliasFact
  | MoaiTagFact
  | ConstantFact
  | ViewFact
  | SqlCallFact
  | HashCallFact
  | CorsConfigFact
  | JwtCallFact
  | SecretCandidateFact
  | RateLimitFact
  | DatabaseFact
  | ConfigIssueFact
  | FrameworkFact
  | ServiceEntryFact;

export type FactKind = Fact['kind'];
export type FactOf<K extends FactKind> = Extract<Fact, { kind: K }>;
