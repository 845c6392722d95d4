// Facts -> ProjectModel: resolve routers across files, apply prefixes, attach middleware, auth,
// tags and MoAI TAGs to endpoints, group everything by service, and sort.

import { applyAuthRules } from './auth-rules.js';
import type { Fact, FactKind, FactOf, MiddlewareRef } from '../core/facts.js';
import type { LanguageId, Location } from '../core/types.js';
import { finalizePath, isHealthPath, isMetricsPath, joinPaths } from './paths.js';
import { buildModuleIndex } from './resolve-modules.js';
import { buildRouterGraph } from './resolve-mounts.js';
import { buildSymbolTable, type SymbolTable } from './resolve-refs.js';
import { expandStaticMounts, isStaticFileEndpoint } from './static-mounts.js';
import type { AuthState, Endpoint, ProjectModel, Service } from './types.js';

export interface ModelInput {
  facts: readonly Fact[];
  files: readonly { path: string; language: LanguageId }[];
  /** Directories holding a manifest (package.json, pyproject.toml, ...): candidate service roots. */
  serviceRoots: readonly string[];
  hasMoaiDir: boolean;
  /** Go modules declared by go.mod files: module path and directory. */
  goModules?: readonly { root: string; module: string }[];
  /** Every repository file path (source or not), for static-file mounts (static-mounts.ts). */
  allPaths?: readonly string[];
}

type FactsByKind = { [K in FactKind]: FactOf<K>[] };

function groupFacts(facts: readonly Fact[]): FactsByKind {
  const out = {} as Record<FactKind, Fact[]>;
  const kinds: FactKind[] = [
    'router', 'route', 'static-mount', 'mount', 'router-middleware', 'global-prefix', 'auth-rule', 'import', 'export', 'alias', 'moai-tag', 'constant', 'view',
    'sql-call', 'hash-call', 'cors-config', 'jwt-call', 'secret-candidate', 'rate-limit', 'database',
    'config-issue', 'framework', 'service-entry',
  ];
  for (const kind of kinds) out[kind] = [];
  for (const fact of facts) (out[fact.kind] ??= []).push(fact);
  return out as unknown as FactsByKind;
}

export function compareLocations(a: Location, b: Location): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1
    : a.startLine - b.startLine || a.startColumn - b.startColumn || a.endLine - b.endLine || a.endColumn - b.endColumn;
}

const byLocation = <T extends { location: Location }>(list: T[]): T[] => list.sort((a, b) => compareLocations(a.location, b.location));

/** `AuthController` of a handler named `AuthController@login`, `App\\Http\\AuthController::login` or `auth.AuthController#login`. */
export function handlerClassOf(endpoint: Endpoint): string | undefined {
  return endpoint.handler?.name.split(/[@#:]/)[0]!.split(/[\\.]/).pop();
}

/** The service root a file belongs to: the longest root that contains it. */
export function serviceOf(file: string, roots: readonly string[]): string {
  let best = '';
  for (const root of roots) {
    if (root === '' || !(file === root || file.startsWith(`${root}/`))) continue;
    if (root.length > best.length) best = root;
  }
  return best;
}

export function authOf(middleware: readonly MiddlewareRef[]): AuthState {
  if (middleware.some((m) => m.role === 'auth')) return 'required';
  if (middleware.some((m) => m.role === 'optional-auth')) return 'optional';
  return 'none';
}

const unique = (list: readonly string[]) => [...new Set(list)];

function dedupeMiddleware(list: readonly MiddlewareRef[]): MiddlewareRef[] {
  const seen = new Set<string>();
  return list.filter((m) => {
    const key = `${m.role}:${m.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function resolveEndpoints(f: FactsByKind, input: ModelInput, roots: readonly string[]): Endpoint[] {
  const index = buildModuleIndex(input.files.map((x) => x.path), roots, input.goModules ?? []);
  const symbols = buildSymbolTable(index, f.import, f.export, f.alias);
  const mounts = resolveMountPrefixes(f.mount, f.constant, symbols, roots);
  // Static-file mounts become routes on their router: prefixes, mounts and middleware apply as to any route.
  const staticRoutes = expandStaticMounts(f['static-mount'], input.allPaths ?? [], (file) => serviceOf(file, roots));
  const routes = staticRoutes.length ? [...f.route, ...staticRoutes] : f.route;
  const { graph } = buildRouterGraph(symbols, f.router, mounts, routes, f['router-middleware']);
  const endpoints: Endpoint[] = [];
  const seen = new Set<string>();
  for (const route of expandViews(routes, f.view, symbols)) {
    const key = route.router ? symbols.resolve(route.router) : undefined;
    const contexts = key ? graph.contextsOf(key) : [{ prefix: '/', openapiTags: [], middleware: [] }];
    const file = route.location.file;
    for (const ctx of contexts) {
      const path = route.isRegex
        ? (ctx.prefix === '/' ? (route.path.startsWith('/') ? route.path : `/${route.path}`) : joinPaths(ctx.prefix, route.path)) // the contract: paths start with '/'
        : finalizePath(joinPaths(ctx.prefix, route.path));
      const dedupeKey = `${route.method} ${path} ${file}:${route.location.startLine}`;
      if (seen.has(dedupeKey)) continue;
      seen.add(dedupeKey);
      const local = key ? graph.middlewareFor(key, file, route.location.startLine, finalizePath(route.path)) : [];
      const middleware = dedupeMiddleware([...ctx.middleware, ...local, ...(route.middleware ?? [])]);
      endpoints.push({
        method: route.method,
        path,
        location: route.location,
        framework: route.framework,
        service: serviceOf(file, roots),
        ...(route.handler ? { handler: route.handler } : {}),
        middleware,
        auth: authOf(middleware),
        openapiTags: unique([...ctx.openapiTags, ...(route.openapiTags ?? [])]),
        moaiTags: [],
        origin: route.origin ?? 'route',
      });
    }
  }
  // Before the global prefixes: security rules match paths below the context path.
  applyAuthRules(endpoints, f['auth-rule'], (file) => serviceOf(file, roots));
  applyGlobalPrefixes(endpoints, f['global-prefix'], roots);
  return endpoints;
}

/**
 * Mount prefixes written as names (`prefix=settings.api_prefix`): the constant the name resolves to,
 * else the one constant of the service whose last name matches (settings objects are built at run
 * time, so `settings.api_prefix` cannot be followed exactly), else the fallback in `prefix`.
 */
function resolveMountPrefixes(
  mounts: readonly FactOf<'mount'>[], constants: readonly FactOf<'constant'>[], symbols: SymbolTable, roots: readonly string[],
): FactOf<'mount'>[] {
  if (!mounts.some((m) => m.prefixRef)) return [...mounts];
  const byKey = new Map<string, string>();
  const byName = new Map<string, Set<string>>(); // service + last name -> values
  for (const constant of constants) {
    byKey.set(symbols.resolve(constant.ref), constant.value);
    const name = `${serviceOf(constant.location.file, roots)}\u0000${constant.ref.path[constant.ref.path.length - 1]}`;
    let values = byName.get(name);
    if (!values) byName.set(name, (values = new Set()));
    values.add(constant.value);
  }
  return mounts.map((mount) => {
    if (!mount.prefixRef) return mount;
    const exact = byKey.get(symbols.resolve(mount.prefixRef));
    const last = mount.prefixRef.path[mount.prefixRef.path.length - 1];
    const named = byName.get(`${serviceOf(mount.location.file, roots)}\u0000${last}`);
    const value = exact ?? (named?.size === 1 ? [...named][0] : undefined);
    return value === undefined ? mount : { ...mount, prefix: value };
  });
}

/** Routes whose handler is a view described in its own file take that view's methods, sub-routes and guards. */
function expandViews(routes: readonly FactOf<'route'>[], views: readonly FactOf<'view'>[], symbols: SymbolTable): FactOf<'route'>[] {
  if (views.length === 0 || !routes.some((r) => r.view)) return [...routes];
  const byKey = new Map<string, FactOf<'view'>>();
  for (const view of views) byKey.set(symbols.resolve(view.ref), view);
  const out: FactOf<'route'>[] = [];
  const expanded = new Set<string>();
  for (const route of routes) {
    const view = route.view ? byKey.get(symbols.resolve(route.view.ref)) : undefined;
    if (!route.view || !view) {
      out.push(route);
      continue;
    }
    const groupKey = `${route.location.file}:${route.location.startLine}:${route.location.startColumn}:${symbols.resolve(route.view.ref)}:${route.view.base}`;
    if (expanded.has(groupKey)) continue;
    expanded.add(groupKey);
    for (const sub of view.routes) {
      const { view: _view, ...rest } = route;
      out.push({
        ...rest,
        method: sub.method,
        path: `${route.view.base}${sub.path}`,
        ...(sub.handler ? { handler: sub.handler } : {}),
        middleware: [...(route.middleware ?? []), ...(view.middleware ?? [])],
      });
    }
  }
  return out;
}

function applyGlobalPrefixes(endpoints: Endpoint[], prefixes: readonly FactOf<'global-prefix'>[], roots: readonly string[]): void {
  // In source order, whatever order the files were read in: prefixes stack, so order matters.
  for (const fact of [...prefixes].sort((a, b) => compareLocations(a.location, b.location))) {
    const service = serviceOf(fact.location.file, roots);
    const excluded = new Set((fact.exclude ?? []).map((p) => finalizePath(p)));
    // Entries ending in '/' are directories: every file below them.
    const inScope = (file: string) => !fact.files || fact.files.some((f) => (f.endsWith('/') ? file.startsWith(f) : file === f));
    for (const endpoint of endpoints) {
      if (endpoint.framework !== fact.framework || endpoint.service !== service) continue;
      if (!inScope(endpoint.location.file)) continue;
      // Static-file mounts are served by the platform beside the framework's router (NestJS setGlobalPrefix covers controllers only).
      if (isStaticFileEndpoint(endpoint)) continue;
      if (excluded.has(endpoint.path)) continue;
      endpoint.path = finalizePath(joinPaths(fact.prefix, endpoint.path));
    }
  }
}

/**
 * One endpoint per service, method and path: a second registration of the same route (Express
 * middleware chains split over several `app.post('/x', ...)` calls) is the same endpoint. The first
 * declaration in file order stands for it; auth and tags of all registrations are merged.
 */
function dedupeEndpoints(sorted: readonly Endpoint[]): Endpoint[] {
  const byKey = new Map<string, Endpoint>();
  for (const endpoint of sorted) {
    const key = `${endpoint.service}\u0000${endpoint.method}\u0000${endpoint.path}`;
    const first = byKey.get(key);
    if (!first) {
      byKey.set(key, endpoint);
      continue;
    }
    first.middleware = dedupeMiddleware([...first.middleware, ...endpoint.middleware]);
    first.auth = authOf(first.middleware);
    first.openapiTags = unique([...first.openapiTags, ...endpoint.openapiTags]);
  }
  return [...byKey.values()];
}

/** Attaches each @API: TAG to the nearest endpoint declared in the same file within a few lines. */
function attachMoaiTags(endpoints: Endpoint[], tags: readonly FactOf<'moai-tag'>[]): void {
  const byFile = new Map<string, Endpoint[]>();
  for (const endpoint of endpoints) {
    let list = byFile.get(endpoint.location.file);
    if (!list) byFile.set(endpoint.location.file, (list = []));
    list.push(endpoint);
  }
  for (const tag of tags) {
    if (!tag.tag.startsWith('@API:')) continue;
    const candidates = byFile.get(tag.location.file) ?? [];
    let best: Endpoint | undefined;
    let bestDistance = Infinity;
    for (const endpoint of candidates) {
      const delta = endpoint.location.startLine - tag.location.startLine;
      // Prefer declarations just below the tag; allow a docstring tag a few lines below.
      const distance = delta >= 0 ? delta : -delta * 2;
      if (delta > 15 || delta < -6 || distance >= bestDistance) continue;
      best = endpoint;
      bestDistance = distance;
    }
    if (best && !best.moaiTags.includes(tag.tag)) best.moaiTags.push(tag.tag);
  }
  for (const endpoint of endpoints) endpoint.moaiTags.sort();
}

function buildServices(f: FactsByKind, input: ModelInput, endpoints: readonly Endpoint[], roots: readonly string[]): Service[] {
  const services = new Map<string, Service>();
  const get = (root: string): Service => {
    let service = services.get(root);
    if (!service) services.set(root, (service = { root, languages: [], frameworks: [], isHttp: false }));
    return service;
  };
  for (const fact of f.framework) {
    const service = get(fact.serviceRoot);
    if (!service.frameworks.some((x) => x.id === fact.id)) service.frameworks.push({ id: fact.id, version: fact.version ?? null });
    service.isHttp = true;
  }
  for (const endpoint of endpoints) {
    const service = get(endpoint.service);
    service.isHttp = true;
    if (!service.frameworks.some((x) => x.id === endpoint.framework)) service.frameworks.push({ id: endpoint.framework, version: null });
  }
  // Where the service boots: the application object (express(), FastAPI(), Flask(__name__)) first,
  // then a listen / run call.
  for (const app of byLocation(f.router.filter((r) => r.isApp))) {
    const service = get(serviceOf(app.location.file, roots));
    service.entry ??= app.location;
    service.isHttp = true;
    if (!service.frameworks.some((x) => x.id === app.framework)) service.frameworks.push({ id: app.framework, version: null });
  }
  for (const entry of byLocation([...f['service-entry']])) {
    const service = get(serviceOf(entry.location.file, roots));
    service.entry ??= entry.location;
    if (!service.frameworks.some((x) => x.id === entry.framework)) service.frameworks.push({ id: entry.framework, version: null });
    service.isHttp = true;
  }
  const languages = new Map<string, Set<LanguageId>>();
  for (const file of input.files) {
    if (file.language === 'text') continue;
    const root = serviceOf(file.path, roots);
    let set = languages.get(root);
    if (!set) languages.set(root, (set = new Set()));
    set.add(file.language);
  }
  for (const service of services.values()) {
    service.languages = [...(languages.get(service.root) ?? [])].sort();
    service.frameworks.sort((a, b) => a.id.localeCompare(b.id));
    // Without an explicit entry, the first endpoint's file is where the service is assembled.
    if (!service.entry) {
      const first = endpoints.filter((e) => e.service === service.root).map((e) => e.location).sort(compareLocations)[0];
      if (first) service.entry = first;
    }
  }
  return [...services.values()].sort((a, b) => a.root.localeCompare(b.root));
}

export function buildModel(input: ModelInput): ProjectModel {
  const f = groupFacts(input.facts);
  const roots = [...new Set(['', ...input.serviceRoots])].sort();
  const endpoints = resolveEndpoints(f, input, roots);
  endpoints.sort((a, b) => compareLocations(a.location, b.location) || a.method.localeCompare(b.method) || a.path.localeCompare(b.path));
  const all = dedupeEndpoints(endpoints);
  attachMoaiTags(all, f['moai-tag']);
  // Files of static-file mounts are listed apart: they are reachable, not API operations (the
  // endpoint inventory lists a mount's routes, not every asset behind it).
  const distinct = all.filter((e) => !isStaticFileEndpoint(e));
  const staticFiles = all.filter(isStaticFileEndpoint);
  const services = buildServices(f, input, all, roots);
  const pathFact = (e: Endpoint) => ({ path: e.path, location: e.location, service: e.service });
  const hashCalls = byLocation([...f['hash-call']]);
  return {
    services,
    endpoints: distinct,
    staticFiles,
    health: distinct.filter((e) => isHealthPath(e.path)).map(pathFact),
    metrics: distinct.filter((e) => isMetricsPath(e.path)).map(pathFact),
    cors: byLocation([...f['cors-config']]),
    passwordHashing: hashCalls.filter((h) => h.purpose === 'password'),
    hashCalls,
    sqlCalls: byLocation([...f['sql-call']]),
    jwtCalls: byLocation([...f['jwt-call']]),
    secrets: byLocation([...f['secret-candidate']]),
    rateLimits: byLocation(f['rate-limit'].map((r) => (r.controller && r.applied && !distinct.some((e) => handlerClassOf(e) === r.controller)
      ? { ...r, applied: false } : r))),
    databases: byLocation([...f.database]),
    configIssues: byLocation([...f['config-issue']]),
    moaiTags: byLocation([...f['moai-tag']]),
    usesMoai: input.hasMoaiDir || f['moai-tag'].some((t) => t.tag.startsWith('@SPEC:')),
  };
}
