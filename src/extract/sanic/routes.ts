// Sanic: route decorators on Sanic apps and Blueprints (`@app.route(uri, methods=[...])`, `@bp.get(uri)`,
// `@app.websocket(uri)`), `add_route(handler, uri)` (functions and `HTTPMethodView.as_view()` classes),
// `add_websocket_route`, `static(uri, path)`, Blueprint(url_prefix=, version=) prefixes,
// `Blueprint.group(..., url_prefix=, version=)` and `app.blueprint(bp, url_prefix=, version=)` mounts, and
// HTTPMethodView classes (`view` facts).
//
// Versions follow Sanic's Blueprint.register: a blueprint route's version is the first of the route's own
// `version=`, the `version=` given to `app.blueprint(...)` (which a group passes on to members without their
// own version) and the blueprint's `version=`; the `/v<N>` segment comes before every url_prefix. A mount's
// url_prefix replaces the blueprint's own; a group's url_prefix is joined with its members'. When the
// `app.blueprint(...)` registration is in this file, the version goes at the front of that app-level mount
// (groups are flattened into one mount per member, as Sanic does), and a route with its own `version=` is
// emitted on the app with its full path. When it is not, the version stays on the blueprint's prefix (or the
// route's path): the best a single file can say.
import type { Fact, HttpMethod, MountFact, RouteFact, RouterFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { dottedPath, keywordArg, loc, positionalArgs, type Node } from '../python/ast.js';
import { httpMethodList } from '../python/modules.js';
import { classesByName, decoratorCalls, fileRef, openPythonModule, scopeString as str, visitModule, type PyRouteCtx } from '../python/route-helpers.js';
import { field, textOf } from '../tree-sitter/ast.js';
import { classViewFacts, inheritedHttpMethods, moduleClasses } from '../tornado/class-views.js';
import type { Extractor } from '../types.js';

const FRAMEWORK = 'sanic';
const DEFAULT_VERSION_PREFIX = '/v';
const MAX_GROUP_DEPTH = 8;

const VERBS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD', options: 'OPTIONS',
};

/** `version=` / `version_prefix=` of a call; version normalised as Sanic's router does (`"v2"` -> `2`). */
interface VersionOpts {
  version?: string;
  versionPrefix?: string;
}

/** A Blueprint(...) or Blueprint.group(...) bound in this file. */
interface BlueprintInfo extends VersionOpts {
  /** Own url_prefix ('' when none); undefined when written as a value this file cannot read. */
  urlPrefix: string | undefined;
  router: RouterFact;
  /** Blueprint.group(...) only: members as written, and the group -> member mount facts. */
  members?: string[][];
  memberMounts?: MountFact[];
}

/** Options Sanic's `app.blueprint(item, **options)` receives. */
interface RegisterOpts extends VersionOpts {
  urlPrefix?: string;
}

/** One blueprint registered on an app in this file (after flattening groups). */
interface Registration {
  app: string[];
  blueprint: string[];
  opts: RegisterOpts;
  /** opts.urlPrefix is the blueprint's whole url_prefix (its own included); else the model appends its own. */
  complete: boolean;
  at: Node;
}

/** A route with its own `version=` on a blueprint of this file: resolved once the registrations are known. */
interface VersionedRoute {
  fact: RouteFact;
  blueprint: string;
  uri: string;
  version: VersionOpts;
}

interface Ctx extends PyRouteCtx {
  classes: Map<string, Node>;
  /** Dotted names bound to Sanic(...) / Blueprint(...) / Blueprint.group(...) in this file. */
  receivers: Set<string>;
  blueprints: Map<string, BlueprintInfo>;
  /** `app.blueprint(...)` calls, in order: their facts are computed at the end of the file. */
  registrations: { index: number; app: string[]; targets: string[][]; opts: RegisterOpts; at: Node }[];
  versioned: VersionedRoute[];
  importsSanic: boolean;
}

/** `<id:int>` / `<name:[a-z]+>` -> `<id>` / `<name>`: the model reads `<a:b>` as Flask's `<converter:name>`. */
export function sanicPath(uri: string): string {
  return uri.replace(/<([A-Za-z_][A-Za-z0-9_]*):[^<>]*>/g, '<$1>');
}

/** `version=2` / `version="v1.1"` / `version_prefix="/api/v"` of a call. */
function versionOpts(ctx: Ctx, call: Node): VersionOpts {
  const out: VersionOpts = {};
  const node = keywordArg(call, 'version');
  const text = !node ? undefined : node.type === 'integer' || node.type === 'float' ? textOf(node) : str(ctx, node);
  const version = text?.replace(/^\/+/, '').replace(/\/+$/, '').replace(/^v+/, '');
  if (version) out.version = version;
  const prefix = str(ctx, keywordArg(call, 'version_prefix'));
  if (prefix) out.versionPrefix = prefix;
  return out;
}

/** `/v` + version, or '' without a version. */
function versionSegment(version: string | undefined, versionPrefix: string | undefined): string {
  return version ? `${versionPrefix ?? DEFAULT_VERSION_PREFIX}${version}` : '';
}

/** Sanic's first version_prefix that differs from the default, else the blueprint's own. */
function pickVersionPrefix(...candidates: (string | undefined)[]): string | undefined {
  const own = candidates[candidates.length - 1];
  return candidates.slice(0, -1).find((p) => p && p !== DEFAULT_VERSION_PREFIX) ?? own;
}

/** Joins URL pieces with single slashes, keeping a leading '/' ('' when all are empty). */
function joinUrl(...pieces: (string | undefined)[]): string {
  const parts = pieces.map((p) => (p ?? '').replace(/^\/+/, '').replace(/\/+$/, '')).filter((p) => p);
  return parts.length ? `/${parts.join('/')}` : '';
}

function isSanicCall(ctx: Ctx, call: Node, names: readonly string[]): string | undefined {
  const callee = dottedPath(field(call, 'function'));
  if (!callee) return undefined;
  const joined = callee.join('.');
  for (const name of names) {
    if (joined === name || joined === `sanic.${name}`) {
      const head = callee[0]!;
      if (head === 'sanic') return name;
      const binding = ctx.scope.imports.get(head);
      if (binding?.source.startsWith('sanic')) return name;
    }
  }
  return undefined;
}

function route(ctx: Ctx, at: Node, method: HttpMethod, path: string, receiver: string[], handler: string | undefined, extra: Partial<RouteFact> = {}): RouteFact {
  const fact: RouteFact = {
    kind: 'route', framework: FRAMEWORK, method, path, router: fileRef(ctx, receiver), location: loc(ctx.file.path, at),
    ...(handler ? { handler: { name: handler } } : {}), ...extra,
  };
  ctx.facts.push(fact);
  return fact;
}

function isReceiver(ctx: Ctx, receiver: string[]): boolean {
  return ctx.receivers.has(receiver.join('.')) || (ctx.importsSanic && receiver.length <= 2);
}

/** Routes of one registration call sharing a path: plain, or with the route's own version to place. */
interface RoutePath {
  path: string;
  version?: { blueprint: string; uri: string; opts: VersionOpts };
}

/**
 * A route-level `version=` prefixes the path on an app (or a receiver not bound here); on a blueprint of
 * this file it is placed in front of the blueprint's prefixes once its registrations are known.
 */
function routePath(ctx: Ctx, call: Node, uri: string, receiver: string[]): RoutePath {
  const opts = versionOpts(ctx, call);
  const path = sanicPath(uri);
  if (!opts.version) return { path };
  const name = receiver.join('.');
  const blueprint = ctx.blueprints.get(name);
  if (blueprint && !blueprint.members) return { path, version: { blueprint: name, uri: path, opts } };
  return { path: joinUrl(versionSegment(opts.version, opts.versionPrefix), path) || '/' };
}

function routes(ctx: Ctx, at: Node, methods: readonly HttpMethod[], target: RoutePath, receiver: string[], handler: string | undefined, extra: Partial<RouteFact> = {}): void {
  for (const method of methods) {
    const fact = route(ctx, at, method, target.path, receiver, handler, extra);
    if (target.version) ctx.versioned.push({ fact, blueprint: target.version.blueprint, uri: target.version.uri, version: target.version.opts });
  }
}

function decoratorRoutes(ctx: Ctx, decorated: Node): void {
  const def = field(decorated, 'definition');
  if (!def || def.type !== 'function_definition') return;
  const name = textOf(field(def, 'name')) ?? '';
  for (const { decorator, call } of decoratorCalls(decorated)) {
    const path = dottedPath(field(call, 'function'));
    if (!path || path.length < 2) continue;
    const receiver = path.slice(0, -1);
    const kind = path[path.length - 1]!;
    if (!isReceiver(ctx, receiver)) continue;
    const uri = str(ctx, keywordArg(call, 'uri') ?? positionalArgs(call)[0]);
    // On a receiver not bound here (an imported app or blueprint), only URI-shaped arguments count.
    if (uri === undefined || (!ctx.receivers.has(receiver.join('.')) && !uri.startsWith('/'))) continue;
    if (kind !== 'route' && kind !== 'websocket' && !VERBS[kind]) continue;
    const full = routePath(ctx, call, uri, receiver);
    if (kind === 'route') {
      const methods = httpMethodList(keywordArg(call, 'methods') ?? positionalArgs(call)[1], ctx.scope) ?? ['GET' as const];
      routes(ctx, decorator, methods, full, receiver, name);
    } else {
      routes(ctx, decorator, [kind === 'websocket' ? 'GET' : VERBS[kind]!], full, receiver, name);
    }
  }
}

/** `X.as_view()` -> X. */
function viewClassOf(node: Node | undefined): string[] | undefined {
  if (node?.type !== 'call') return undefined;
  const callee = dottedPath(field(node, 'function'));
  return callee && callee.length >= 2 && callee[callee.length - 1] === 'as_view' ? callee.slice(0, -1) : undefined;
}

function addRoute(ctx: Ctx, call: Node, receiver: string[], websocket: boolean): void {
  const args = positionalArgs(call);
  const handler = keywordArg(call, 'handler') ?? args[0];
  const uri = str(ctx, keywordArg(call, 'uri') ?? args[1]);
  if (!handler || uri === undefined) return;
  const path = routePath(ctx, call, uri, receiver);
  if (websocket) return routes(ctx, call, ['GET'], path, receiver, dottedPath(handler)?.join('.'));
  const cls = viewClassOf(handler);
  if (cls) {
    const local = cls.length === 1 ? ctx.classes.get(cls[0]!) : undefined;
    if (local) {
      for (const m of inheritedHttpMethods(local, ctx.classes)) routes(ctx, call, [m.method], path, receiver, `${cls[0]}.${m.name}`);
    } else {
      routes(ctx, call, ['GET'], path, receiver, cls.join('.'), { view: { ref: fileRef(ctx, cls), base: path.path } });
    }
    return;
  }
  const methods = httpMethodList(keywordArg(call, 'methods') ?? args[2], ctx.scope) ?? ['GET' as const];
  routes(ctx, call, methods, path, receiver, dottedPath(handler)?.join('.'));
}

/** `static(uri, file_or_directory)`: a directory serves every file below uri, a file just uri. */
function staticRoute(ctx: Ctx, call: Node, receiver: string[]): void {
  const args = positionalArgs(call);
  const uri = str(ctx, keywordArg(call, 'uri') ?? args[0]);
  if (uri === undefined) return;
  const target = str(ctx, keywordArg(call, 'file_or_directory') ?? args[1]);
  const lastSegment = target?.split('/').pop() ?? '';
  const isFile = /^[^.].*\.[A-Za-z0-9]+$/.test(lastSegment);
  const path = isFile ? uri : `${uri.replace(/\/+$/, '')}/{filename}`;
  route(ctx, call, 'GET', path, receiver, 'static', { origin: 'generated' });
}

/** Blueprints a call argument names: `bp`, `[bp1, bp2]`, `(bp1, bp2)`. */
function blueprintArgs(nodes: Node[]): string[][] {
  const out: string[][] = [];
  for (const node of nodes) {
    if (node.type === 'list' || node.type === 'tuple') out.push(...blueprintArgs(node.namedChildren.filter((c): c is Node => !!c)));
    else {
      const path = dottedPath(node);
      if (path) out.push(path);
    }
  }
  return out;
}

/** `app.blueprint(bp_or_group_or_list, url_prefix=, version=, version_prefix=)`: resolved at the end of the file. */
function blueprintMount(ctx: Ctx, call: Node, receiver: string[]): void {
  const args = positionalArgs(call);
  const prefixNode = keywordArg(call, 'url_prefix');
  const hasPrefix = !!prefixNode && prefixNode.type !== 'none';
  const prefix = hasPrefix ? str(ctx, prefixNode) : undefined;
  if (hasPrefix && prefix === undefined) return;
  const opts: RegisterOpts = { ...versionOpts(ctx, call), ...(prefix !== undefined ? { urlPrefix: prefix } : {}) };
  const targets = blueprintArgs(args.slice(0, 1));
  if (!targets.length) return;
  ctx.registrations.push({ index: ctx.facts.length, app: receiver, targets, opts, at: call });
}

/**
 * Sanic's `app.blueprint(target, **opts)`: a group registers each member with its url_prefix merged in
 * (the outer option's, the group's, the member's) and, for members without their own version, the group's.
 */
function register(ctx: Ctx, app: string[], target: string[], opts: RegisterOpts, complete: boolean, at: Node, out: Registration[], depth: number): void {
  const group = ctx.blueprints.get(target.join('.'));
  if (!group?.members || depth >= MAX_GROUP_DEPTH) {
    out.push({ app, blueprint: target, opts, complete, at });
    return;
  }
  for (const member of group.members) {
    const item = ctx.blueprints.get(member.join('.'));
    const itemIsGroup = !!item?.members;
    // An imported member's own url_prefix is unknown: the model appends it (its router fact's prefix).
    const memberComplete = itemIsGroup || (item !== undefined && item.urlPrefix !== undefined);
    const params: RegisterOpts = { ...opts, urlPrefix: joinUrl(opts.urlPrefix, group.urlPrefix, itemIsGroup ? '' : item?.urlPrefix) || '/' };
    if (item?.version === undefined) {
      const version = group.version ?? opts.version;
      if (version) params.version = version;
      else delete params.version;
    }
    if ((item?.versionPrefix ?? DEFAULT_VERSION_PREFIX) === DEFAULT_VERSION_PREFIX) {
      const vp = (group.versionPrefix ?? DEFAULT_VERSION_PREFIX) === DEFAULT_VERSION_PREFIX ? opts.versionPrefix : group.versionPrefix;
      if (vp) params.versionPrefix = vp;
      else delete params.versionPrefix;
    }
    register(ctx, app, member, params, memberComplete, at, out, depth + 1);
  }
}

/** The mount facts of one `app.blueprint(...)` call, and the registrations they stand for. */
function registrationsOf(ctx: Ctx, entry: Ctx['registrations'][number]): Registration[] {
  const out: Registration[] = [];
  for (const target of entry.targets) {
    const own = ctx.blueprints.get(target.join('.'));
    // A url_prefix option replaces the blueprint's own; without one, an in-file blueprint's own is known.
    const complete = entry.opts.urlPrefix !== undefined || (!!own && !own.members && own.urlPrefix !== undefined);
    const opts = entry.opts.urlPrefix === undefined && own && !own.members && own.urlPrefix !== undefined ? { ...entry.opts, urlPrefix: own.urlPrefix } : entry.opts;
    register(ctx, entry.app, target, opts, complete, entry.at, out, 0);
  }
  return out;
}

function mountOf(ctx: Ctx, reg: Registration): MountFact {
  const own = ctx.blueprints.get(reg.blueprint.join('.'));
  const version = reg.opts.version ?? own?.version;
  const segment = versionSegment(version, pickVersionPrefix(reg.opts.versionPrefix, own?.versionPrefix));
  return {
    kind: 'mount', framework: FRAMEWORK, parent: fileRef(ctx, reg.app), child: fileRef(ctx, reg.blueprint),
    prefix: joinUrl(segment, reg.opts.urlPrefix), location: loc(ctx.file.path, reg.at),
    ...(reg.complete ? { replacesChildPrefix: true } : {}),
  };
}

/** The route at another path (a view placeholder's base moves with it). */
function withPath(fact: RouteFact, path: string): RouteFact {
  return { ...fact, path, ...(fact.view ? { view: { ...fact.view, base: path } } : {}) };
}

/** A route with its own version, once per registration of its blueprint: `/v<N>` + url prefixes + uri, on the app. */
function versionedRoutes(ctx: Ctx, versioned: VersionedRoute, regs: Registration[]): RouteFact[] {
  const own = ctx.blueprints.get(versioned.blueprint);
  const placed = regs.filter((r) => r.complete);
  if (!placed.length || placed.length !== regs.length) {
    // Registered elsewhere: the version can only go in front of the route's own path.
    const segment = versionSegment(versioned.version.version, pickVersionPrefix(versioned.version.versionPrefix, own?.versionPrefix));
    return [withPath(versioned.fact, joinUrl(segment, versioned.uri) || '/')];
  }
  return placed.map((reg) => {
    const vp = pickVersionPrefix(versioned.version.versionPrefix, reg.opts.versionPrefix, own?.versionPrefix);
    const path = joinUrl(versionSegment(versioned.version.version, vp), reg.opts.urlPrefix, versioned.uri) || '/';
    return { ...withPath(versioned.fact, path), router: fileRef(ctx, reg.app) };
  });
}

/** Places versions and mount prefixes once every blueprint, group and registration of the file is known. */
function finish(ctx: Ctx): Fact[] {
  const byIndex = new Map<number, MountFact[]>();
  const regsOf = new Map<string, Registration[]>();
  const registeredGroups = new Set<string>();
  for (const entry of ctx.registrations) {
    const regs = registrationsOf(ctx, entry);
    for (const target of entry.targets) if (ctx.blueprints.get(target.join('.'))?.members) registeredGroups.add(target.join('.'));
    for (const reg of regs) {
      const name = reg.blueprint.join('.');
      regsOf.set(name, [...(regsOf.get(name) ?? []), reg]);
    }
    byIndex.set(entry.index, [...(byIndex.get(entry.index) ?? []), ...regs.map((r) => mountOf(ctx, r))]);
  }
  // Groups nested in a registered group are flattened too.
  for (const name of [...registeredGroups]) markNested(ctx, name, registeredGroups, 0);
  const dropped = new Set<Fact>();
  for (const [name, info] of ctx.blueprints) {
    const registered = info.members ? registeredGroups.has(name) : regsOf.has(name);
    // Registered here: the version is on the app-level mount. Otherwise it stays in front of the own prefix.
    const prefix = registered ? info.urlPrefix ?? '' : joinUrl(versionSegment(info.version, info.versionPrefix), info.urlPrefix);
    if (prefix) info.router.prefix = prefix;
    else delete info.router.prefix;
    if (registered) for (const mount of info.memberMounts ?? []) dropped.add(mount);
  }
  const replaced = new Map<Fact, RouteFact[]>();
  for (const versioned of ctx.versioned) replaced.set(versioned.fact, versionedRoutes(ctx, versioned, regsOf.get(versioned.blueprint) ?? []));
  const out: Fact[] = [];
  ctx.facts.forEach((fact, i) => {
    out.push(...(byIndex.get(i) ?? []));
    if (!dropped.has(fact)) out.push(...(replaced.get(fact) ?? [fact]));
  });
  out.push(...(byIndex.get(ctx.facts.length) ?? []));
  return out;
}

function markNested(ctx: Ctx, name: string, groups: Set<string>, depth: number): void {
  if (depth >= MAX_GROUP_DEPTH) return;
  for (const member of ctx.blueprints.get(name)?.members ?? []) {
    const key = member.join('.');
    if (ctx.blueprints.get(key)?.members && !groups.has(key)) {
      groups.add(key);
      markNested(ctx, key, groups, depth + 1);
    }
  }
}

function callFacts(ctx: Ctx, call: Node): void {
  const path = dottedPath(field(call, 'function'));
  if (!path || path.length < 2) return;
  const receiver = path.slice(0, -1);
  const method = path[path.length - 1]!;
  if (!['add_route', 'add_websocket_route', 'static', 'blueprint', 'register_blueprint'].includes(method)) return;
  if (!isReceiver(ctx, receiver)) return;
  if (method === 'add_route') addRoute(ctx, call, receiver, false);
  else if (method === 'add_websocket_route') addRoute(ctx, call, receiver, true);
  else if (method === 'static') staticRoute(ctx, call, receiver);
  else blueprintMount(ctx, call, receiver);
}

/** `x = Sanic(...)`, `bp = Blueprint(...)`, `group = Blueprint.group(...)`. */
function creation(ctx: Ctx, target: string[], call: Node): void {
  const kind = isSanicCall(ctx, call, ['Sanic', 'Blueprint', 'Blueprint.group']);
  if (!kind) return;
  const name = target.join('.');
  ctx.receivers.add(name);
  const ref = fileRef(ctx, target);
  const location = loc(ctx.file.path, call);
  if (kind === 'Sanic') {
    ctx.facts.push({ kind: 'router', framework: FRAMEWORK, ref, location, isApp: true });
    return;
  }
  const prefixNode = kind === 'Blueprint' ? keywordArg(call, 'url_prefix') ?? positionalArgs(call)[1] : keywordArg(call, 'url_prefix');
  const urlPrefix = !prefixNode || prefixNode.type === 'none' ? '' : str(ctx, prefixNode);
  const router: RouterFact = { kind: 'router', framework: FRAMEWORK, ref, location };
  ctx.facts.push(router);
  const info: BlueprintInfo = { ...versionOpts(ctx, call), urlPrefix, router };
  ctx.blueprints.set(name, info);
  if (kind === 'Blueprint.group') {
    info.members = blueprintArgs(positionalArgs(call));
    info.memberMounts = info.members.map((child) => ({ kind: 'mount', framework: FRAMEWORK, parent: ref, child: fileRef(ctx, child), prefix: '', location }));
    ctx.facts.push(...info.memberMounts);
  }
}

export function extractSanicRoutes(file: ParsedFile): Fact[] {
  const module = openPythonModule(file, ['sanic']);
  if (!module) return [];
  const { root, scope } = module;
  const classes = classesByName(moduleClasses(root));
  const ctx: Ctx = {
    file, scope, classes, receivers: new Set(), blueprints: new Map(), registrations: [], versioned: [], importsSanic: true, facts: [],
  };
  visitModule(root, {
    assignment: (target, right) => {
      if (target && right?.type === 'call') creation(ctx, target, right);
    },
    decorated: (node) => decoratorRoutes(ctx, node),
    call: (node) => callFacts(ctx, node),
  });
  const facts = finish(ctx);
  facts.push(...classViewFacts(file, root, FRAMEWORK, (_cls, bases) => bases.some((b) => b === 'HTTPMethodView')));
  return facts;
}

export const sanicRoutes: Extractor = {
  id: 'sanic/routes',
  languages: ['python'],
  keywords: ['sanic'],
  extract: extractSanicRoutes,
};
