// ASP.NET Core minimal APIs and endpoint routing in one file: app.MapGet/MapPost/MapPut/MapPatch/
// MapDelete/MapMethods/Map/MapHealthChecks/MapIdentityApi, groups (`var g = app.MapGroup("/api")`,
// chained `.MapGroup()`), resolved in-file with their RequireAuthorization / AllowAnonymous /
// WithTags / RequireRateLimiting / RequireCors conventions; MapControllerRoute / MapRoute /
// MapDefaultControllerRoute as mounts of the conventional-routing ref; the service entry.
import type { Fact, HttpMethod, MiddlewareRef, RouteFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { ancestor, descendants, loc, namedChildren, treeOf, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { attributesOf, invocationChain, simpleName, stringValue, stringsAndMembers, type Link } from './ast.js';
import { memberSegments, routeConstantsOf } from './route-constants.js';
import { conventionalAppRef, conventionalRef } from './conventional.js';
import { cleanTemplate, isCsTestPath, toMethod } from './methods.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'aspnetcore';
const VERB_MAPS: Record<string, HttpMethod> = { MapGet: 'GET', MapPost: 'POST', MapPut: 'PUT', MapPatch: 'PATCH', MapDelete: 'DELETE' };
const REGISTRATIONS = new Set([...Object.keys(VERB_MAPS), 'MapMethods', 'Map', 'MapHealthChecks', 'MapIdentityApi']);
const CONVENTIONAL = new Set(['MapControllerRoute', 'MapRoute', 'MapDefaultControllerRoute', 'UseMvcWithDefaultRoute']);
const SCOPES = ['method_declaration', 'local_function_statement', 'constructor_declaration'];

const IDENTITY_API: [HttpMethod, string][] = [
  ['POST', '/register'], ['POST', '/login'], ['POST', '/refresh'], ['GET', '/confirmEmail'],
  ['POST', '/resendConfirmationEmail'], ['POST', '/forgotPassword'], ['POST', '/resetPassword'],
  ['POST', '/manage/2fa'], ['GET', '/manage/info'], ['POST', '/manage/info'],
];

interface Group {
  prefix: string;
  middleware: MiddlewareRef[];
  tags: string[];
  anonymous: boolean;
}

const ROOT: Group = { prefix: '', middleware: [], tags: [], anonymous: false };

function joinPath(a: string, b: string): string {
  if (!b) return a;
  if (!a) return b;
  return `${a.replace(/\/+$/, '')}/${b.replace(/^\/+/, '')}`;
}

/** Applies a convention call (`.RequireAuthorization()`, `.WithTags("x")`) to a group or route. */
function applyConvention(group: Group, link: Link, file: ParsedFile): Group {
  const location = loc(file.path, link.node);
  switch (link.name) {
    case 'RequireAuthorization':
      return { ...group, middleware: [...group.middleware, { name: 'RequireAuthorization', role: 'auth', location }] };
    case 'AllowAnonymous':
      return { ...group, anonymous: true };
    case 'WithTags':
      return { ...group, tags: [...group.tags, ...link.args.positional.flatMap((n) => stringsAndMembers(n))] };
    case 'RequireRateLimiting':
      return { ...group, middleware: [...group.middleware, { name: 'RequireRateLimiting', role: 'rate-limit', location }] };
    case 'RequireCors':
      return { ...group, middleware: [...group.middleware, { name: 'RequireCors', role: 'cors', location }] };
    default:
      return group;
  }
}

class Env {
  private readonly vars = new Map<string, Group>();
  constructor(readonly file: ParsedFile) {}

  private key(scope: Node | undefined, name: string): string {
    return `${scope ? scope.id : 0}:${name}`;
  }

  scopeOf(node: Node): Node | undefined {
    return ancestor(node, SCOPES);
  }

  lookup(node: Node): Group {
    const name = node.type === 'identifier' ? node.text : undefined;
    if (!name) return ROOT;
    return this.vars.get(this.key(this.scopeOf(node), name)) ?? this.vars.get(this.key(undefined, name)) ?? carterModuleGroup(node);
  }

  set(at: Node, name: string, group: Group): void {
    this.vars.set(this.key(this.scopeOf(at), name), group);
  }

  /** The group an expression stands for: a variable, or a chain of MapGroup / convention calls on one. */
  resolve(root: Node, links: readonly Link[]): Group {
    let group = this.lookup(root);
    for (const link of links) {
      if (link.name === 'MapGroup') {
        const prefix = stringValue(link.args.positional[0] ?? link.args.named.get('prefix'));
        group = { ...group, prefix: joinPath(group.prefix, prefix ?? '') };
      } else group = applyConvention(group, link, this.file);
    }
    return group;
  }
}

/** Routes of a Carter module (`class X : CarterModule { public X() : base("/x") {} }`) hang off its base path. */
function carterModuleGroup(node: Node): Group {
  const cls = ancestor(node, ['class_declaration']);
  const bases = namedChildren(namedChildren(cls).find((c) => c.type === 'base_list')).map((b) => simpleName(b));
  if (!cls || !bases.includes('CarterModule')) return ROOT;
  for (const ctor of namedChildren(fieldOf(cls, 'body'))) {
    if (ctor.type !== 'constructor_declaration') continue;
    const init = namedChildren(ctor).find((c) => c.type === 'constructor_initializer');
    const arg = namedChildren(namedChildren(init).find((c) => c.type === 'argument_list'))[0];
    const prefix = stringValue(namedChildren(arg)[namedChildren(arg).length - 1]);
    if (prefix !== undefined) return { ...ROOT, prefix };
  }
  return ROOT;
}

/** Outermost invocations of call chains (not the receiver of a longer chain). */
function chainHeads(root: Node): Node[] {
  return descendants(root, ['invocation_expression']).filter((node) => {
    const parent = node.parent;
    if (!parent || parent.type !== 'member_access_expression' || fieldOf(parent, 'expression')?.id !== node.id) return true;
    return parent.parent?.type !== 'invocation_expression';
  });
}

/** Pass 1: group variables (`var g = app.MapGroup("/x")`) and conventions applied to them later. */
function collectGroups(heads: Node[], env: Env): void {
  for (const head of heads) {
    const chain = invocationChain(head);
    if (!chain || chain.links.some((l) => REGISTRATIONS.has(l.name))) continue;
    const declarator = head.parent?.type === 'variable_declarator' ? head.parent : undefined;
    const assignment = head.parent?.type === 'assignment_expression' && fieldOf(head.parent, 'right')?.id === head.id ? head.parent : undefined;
    const name = fieldOf(declarator, 'name')?.text ?? fieldOf(assignment, 'left')?.text;
    if (name && chain.links.some((l) => l.name === 'MapGroup')) {
      env.set(head, name, env.resolve(chain.root, chain.links));
    } else if (chain.root.type === 'identifier' && chain.links.length > 0 && !name) {
      // `group.RequireAuthorization();` as its own statement: applies to the whole group.
      const current = env.lookup(chain.root);
      if (current === ROOT) continue;
      let updated = current;
      for (const link of chain.links) updated = applyConvention(updated, link, env.file);
      if (updated !== current) env.set(head, chain.root.text, updated);
    }
  }
}

function handlerAttributes(handler: Node | undefined): { auth: boolean; anonymous: boolean } {
  if (!handler || handler.type !== 'lambda_expression') return { auth: false, anonymous: false };
  const attrs = attributesOf(handler);
  return { auth: attrs.some((a) => /Authorize$/.test(a.name)), anonymous: attrs.some((a) => a.name === 'AllowAnonymous') };
}

function handlerName(handler: Node | undefined): string | undefined {
  if (!handler) return undefined;
  if (handler.type === 'identifier' || handler.type === 'member_access_expression') return handler.text;
  return undefined;
}

/** A template argument: a constant string, or a path-like constant of this file named by its field (`HealthPath`) or class chain (`Routes.Health`). */
function templateValue(node: Node | undefined, consts: ReadonlyMap<string, string | null>): string | undefined {
  const value = stringValue(node);
  if (value !== undefined || !node) return value;
  const segments = memberSegments(node);
  return segments ? consts.get(segments.join('.')) ?? undefined : undefined;
}

/** Path-like constants of the file by class chain ('Routes.Health') and by field name ('Health'; null when ambiguous). */
function fileConstants(root: Node): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const c of routeConstantsOf(root)) {
    out.set(c.segments.join('.'), c.value);
    const field = c.segments[c.segments.length - 1]!;
    out.set(field, out.has(field) && out.get(field) !== c.value ? null : c.value);
  }
  return out;
}

function registrationRoutes(link: Link, consts: ReadonlyMap<string, string | null>): { methods: HttpMethod[]; path: string; handler?: Node; origin: 'route' | 'generated' }[] {
  const args = link.args;
  const path = templateValue(args.positional[0] ?? args.named.get('pattern'), consts);
  if (link.name === 'MapIdentityApi') return IDENTITY_API.map(([m, p]) => ({ methods: [m], path: p, origin: 'generated' as const }));
  if (path === undefined) return [];
  if (VERB_MAPS[link.name]) return [{ methods: [VERB_MAPS[link.name]!], path, handler: args.positional[1] ?? args.named.get('handler'), origin: 'route' }];
  if (link.name === 'MapMethods') {
    const methods = [...new Set(stringsAndMembers(args.positional[1] ?? args.named.get('httpMethods')).map(toMethod).filter((m): m is HttpMethod => !!m))];
    return methods.length > 0 ? [{ methods, path, handler: args.positional[2] ?? args.named.get('handler'), origin: 'route' }] : [];
  }
  if (link.name === 'MapHealthChecks') return [{ methods: ['GET'], path, origin: 'generated' }];
  // app.Map("/x", handler): every method. Two arguments and a '/' path, so not mapper.Map<T>(x) or
  // Mapster's config.Map("Member", src => ...).
  if (link.name === 'Map' && args.positional.length === 2 && path.startsWith('/')) {
    return [{ methods: ['ANY'], path, handler: args.positional[1], origin: 'route' }];
  }
  return [];
}

function emitRoutes(head: Node, env: Env, file: ParsedFile, facts: Fact[], consts: ReadonlyMap<string, string | null>): void {
  const chain = invocationChain(head);
  if (!chain) return;
  const index = chain.links.findIndex((l) => REGISTRATIONS.has(l.name));
  if (index < 0) return;
  const link = chain.links[index]!;
  let group = env.resolve(chain.root, chain.links.slice(0, index));
  for (const after of chain.links.slice(index + 1)) group = applyConvention(group, after, file);
  for (const route of registrationRoutes(link, consts)) {
    const attrs = handlerAttributes(route.handler);
    const anonymous = group.anonymous || attrs.anonymous;
    const middleware = anonymous
      ? [...group.middleware.filter((m) => m.role !== 'auth'), { name: 'AllowAnonymous', role: 'public' as const }]
      : [...group.middleware];
    if (attrs.auth && !anonymous) middleware.push({ name: 'Authorize', role: 'auth' });
    const path = cleanTemplate(joinPath(group.prefix, route.path)) || '/';
    const name = handlerName(route.handler);
    for (const method of route.methods) {
      const fact: RouteFact = { kind: 'route', framework: FRAMEWORK, method, path: path.startsWith('/') ? path : `/${path}`, location: loc(file.path, link.node) };
      if (name) fact.handler = { name };
      if (middleware.length > 0) fact.middleware = middleware;
      if (group.tags.length > 0) fact.openapiTags = [...new Set(group.tags)];
      if (route.origin === 'generated') fact.origin = 'generated';
      facts.push(fact);
    }
  }
}

/** The value of `new { controller = "Home", action = "Index" }` for one member. */
function anonymousMember(node: Node | undefined, member: string): string | undefined {
  if (!node || node.type !== 'anonymous_object_creation_expression') return undefined;
  const parts = namedChildren(node);
  for (let i = 0; i + 1 < parts.length; i++) {
    if (parts[i]!.type === 'identifier' && parts[i]!.text === member) return stringValue(parts[i + 1]);
  }
  return undefined;
}

/**
 * `MapControllerRoute("default", "api/{controller=Home}/{action=Index}/{id?}")` -> mount of the
 * conventional ref with prefix 'api/'. A template without {controller} names one action through its
 * defaults (`MapRoute("feed", "blog/feed", new { controller = "Blog", action = "Feed" })`): a GET route.
 */
function conventionalRoutes(head: Node, file: ParsedFile, facts: Fact[]): void {
  const chain = invocationChain(head);
  for (const link of chain?.links ?? []) {
    if (!CONVENTIONAL.has(link.name)) continue;
    const args = link.args;
    const template = link.name === 'MapControllerRoute' || link.name === 'MapRoute'
      ? stringValue(args.named.get('pattern') ?? args.named.get('template') ?? args.named.get('url') ?? args.positional[1])
      : '{controller=Home}/{action=Index}/{id?}';
    if (template === undefined) continue;
    const location = loc(file.path, link.node);
    const area = template.indexOf('{area');
    const controller = template.indexOf('{controller');
    if (controller < 0) {
      const defaults = args.named.get('defaults') ?? args.positional[2];
      const target = [anonymousMember(defaults, 'controller'), anonymousMember(defaults, 'action')];
      const fact: RouteFact = { kind: 'route', framework: FRAMEWORK, method: 'GET', path: `/${cleanTemplate(template).replace(/^\/+/, '')}`, location };
      if (target[0] && target[1]) fact.handler = { name: `${target[0]}Controller.${target[1]}` };
      facts.push(fact);
      continue;
    }
    const cut = area >= 0 && area < controller ? area : controller;
    facts.push({
      kind: 'mount', framework: FRAMEWORK, parent: conventionalAppRef(file.path), child: conventionalRef(file.path, area >= 0 && area < controller),
      prefix: cleanTemplate(template.slice(0, cut)), location,
    });
  }
}

function serviceEntry(root: Node, file: ParsedFile): Fact | undefined {
  let fallback: Node | undefined;
  for (const call of descendants(root, ['invocation_expression'])) {
    const fn = fieldOf(call, 'function');
    if (!fn || fn.type !== 'member_access_expression') continue;
    const name = simpleName(fieldOf(fn, 'name'));
    const target = fieldOf(fn, 'expression')?.text ?? '';
    if (name === 'CreateBuilder' || name === 'CreateSlimBuilder' || name === 'CreateEmptyBuilder') {
      if (target.endsWith('WebApplication')) return { kind: 'service-entry', framework: FRAMEWORK, location: loc(file.path, call) };
    }
    if ((name === 'CreateDefaultBuilder' && target.endsWith('WebHost')) || name === 'ConfigureWebHostDefaults' || name === 'UseStartup') {
      fallback ??= call;
    }
  }
  return fallback ? { kind: 'service-entry', framework: FRAMEWORK, location: loc(file.path, fallback) } : undefined;
}

export const aspnetMinimalApi: Extractor = {
  id: 'aspnetcore/minimal-api',
  languages: ['csharp'],
  keywords: ['Map', 'UseMvc', 'WebApplication', 'WebHost', 'UseStartup'],
  extract(file) {
    const tree = treeOf(file);
    if (!tree || isCsTestPath(file.path)) return [];
    const root = tree.rootNode;
    const heads = chainHeads(root);
    const env = new Env(file);
    collectGroups(heads, env);
    const facts: Fact[] = [];
    const consts = heads.length > 0 && file.text.includes('const string') ? fileConstants(root) : new Map<string, string | null>();
    for (const head of heads) {
      emitRoutes(head, env, file, facts, consts);
      conventionalRoutes(head, file, facts);
    }
    const entry = serviceEntry(root, file);
    if (entry) facts.push(entry);
    return facts;
  },
};

