// FastEndpoints: one class per endpoint deriving from Endpoint<TReq>, Endpoint<TReq, TRes>,
// EndpointWithoutRequest, Ep.Req<..>.Res<..>, ...; its `Configure()` override declares the routes:
// `Get("/users/{id}")` (several routes allowed), or `Verbs(Http.GET, Http.HEAD)` + `Routes("/a", "/b")`.
// Attribute style on the class is also read: `[HttpGet("/x")]`, `[AllowAnonymous]`.
// Endpoints are secure by default: every endpoint without AllowAnonymous() requires authentication.
// `Group<AdminGroup>()` puts the routes on the group's router ({ file: 'fastendpoints:group', path: [Group] }),
// whose class (`: Group`, constructor `Configure("admin", ep => ..)`) declares the prefix.
// `app.UseFastEndpoints(c => c.Endpoints.RoutePrefix = "api")` is a global prefix.
import type { Fact, HttpMethod, MiddlewareRef, RefExpr } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, namedChildren, treeOf, walk, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { attributesOf, simpleName, stringValue } from './ast.js';
import { cleanTemplate, isCsTestPath } from './methods.js';
import { constantRef, namespaceOf, routeConstantsOf } from './route-constants.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'fastendpoints';
const GROUP_NAMESPACE = 'fastendpoints:group';
const VERB_CALLS: Record<string, HttpMethod> = { Get: 'GET', Post: 'POST', Put: 'PUT', Patch: 'PATCH', Delete: 'DELETE' };
const VERB_ATTRS: Record<string, HttpMethod> = { HttpGet: 'GET', HttpPost: 'POST', HttpPut: 'PUT', HttpPatch: 'PATCH', HttpDelete: 'DELETE', HttpHead: 'HEAD', HttpOptions: 'OPTIONS' };
const HTTP_VERBS = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT']);
const ENDPOINT_BASES = /^(Endpoint|EndpointWithoutRequest|EndpointWithMapping|EndpointWithMapper|Ep|BaseEndpoint)$/;
const AUTH_CALLS = new Set(['Roles', 'Policies', 'Permissions', 'Claims', 'AuthSchemes', 'ClaimsAll', 'PermissionsAll', 'Policy']);

function basesOf(cls: Node): Node[] {
  return namedChildren(namedChildren(cls).find((c) => c.type === 'base_list'));
}

/** `Endpoint<Req>`, `Ep.Req<R>.Res<S>`, `EndpointWithoutRequest`: the first identifier of the base type. */
function isEndpointBase(base: Node): boolean {
  let head: Node | undefined = base;
  while (head && (head.type === 'qualified_name' || head.type === 'member_access_expression')) {
    head = fieldOf(head, 'qualifier') ?? fieldOf(head, 'expression') ?? namedChildren(head)[0];
  }
  const name = head ? simpleName(head) : undefined;
  if (name === 'FastEndpoints' && head?.parent) {
    // `FastEndpoints.Endpoint<Req>`: the namespace-qualified form.
    const next = fieldOf(head.parent, 'name') ?? namedChildren(head.parent)[1];
    return !!next && ENDPOINT_BASES.test(simpleName(next) ?? '');
  }
  return !!name && ENDPOINT_BASES.test(name);
}

/** Statements `Name(args);` directly in a method body (the `this.` prefix allowed). */
function bodyCalls(method: Node): { name: string; generic?: string; args: Node[]; node: Node }[] {
  const out: { name: string; generic?: string; args: Node[]; node: Node }[] = [];
  const body = fieldOf(method, 'body');
  for (const stmt of namedChildren(body)) {
    if (stmt.type !== 'expression_statement') continue;
    const call = namedChildren(stmt)[0];
    if (call?.type !== 'invocation_expression') continue;
    let fn = fieldOf(call, 'function');
    if (fn?.type === 'member_access_expression' && fieldOf(fn, 'expression')?.type === 'this_expression') fn = fieldOf(fn, 'name');
    if (!fn || (fn.type !== 'identifier' && fn.type !== 'generic_name')) continue;
    const name = simpleName(fn) ?? '';
    const typeArg = fn.type === 'generic_name' ? namedChildren(namedChildren(fn).find((c) => c.type === 'type_argument_list'))[0] : undefined;
    const args = namedChildren(fieldOf(call, 'arguments')).filter((a) => a.type === 'argument').map((a) => namedChildren(a).at(-1)!).filter(Boolean);
    out.push({ name, generic: typeArg ? simpleName(typeArg) : undefined, args, node: call });
  }
  return out;
}

/** A route template argument: a constant string, a constant of this file, or a reference to a constant elsewhere. */
type Template = { path: string } | { ref: RefExpr };

function templateOf(arg: Node, consts: ReadonlyMap<string, string>, namespace: string): Template | undefined {
  const path = stringValue(arg);
  if (path !== undefined) return { path };
  const ref = constantRef(arg, namespace);
  if (!ref) return undefined;
  const local = consts.get(ref.path.join('.'));
  return local !== undefined ? { path: local } : { ref };
}

function endpointClass(cls: Node, file: ParsedFile, facts: Fact[], consts: ReadonlyMap<string, string>): void {
  if (!basesOf(cls).some(isEndpointBase)) return;
  const namespace = namespaceOf(cls);
  const name = fieldOf(cls, 'name')?.text ?? '';
  const members = namedChildren(fieldOf(cls, 'body'));
  const configure = members.find((m) => m.type === 'method_declaration' && fieldOf(m, 'name')?.text === 'Configure');
  const calls = configure ? bodyCalls(configure) : [];
  const attrs = attributesOf(cls);
  const routes: { methods: HttpMethod[]; template: Template; node: Node }[] = [];
  let verbs: HttpMethod[] = [];
  let verbsPaths: { template: Template; node: Node }[] = [];
  // AllowAnonymous() for every verb ('all'), or AllowAnonymous(Http.POST) for some.
  let anonymous: 'all' | Set<string> = attrs.some((a) => a.name === 'AllowAnonymous') ? 'all' : new Set();
  let authCall: Node | undefined = attrs.find((a) => a.name === 'Authorize')?.node;
  let group: RefExpr | undefined;
  const tags: string[] = [];
  for (const call of calls) {
    const method = VERB_CALLS[call.name];
    if (method) {
      for (const arg of call.args) {
        const template = templateOf(arg, consts, namespace);
        if (template) routes.push({ methods: [method], template, node: call.node });
      }
    } else if (call.name === 'Verbs') {
      verbs = call.args.flatMap((a) => {
        const v = (a.type === 'member_access_expression' ? simpleName(fieldOf(a, 'name')) : stringValue(a))?.toUpperCase();
        return v && HTTP_VERBS.has(v) ? [v as HttpMethod] : [];
      });
    } else if (call.name === 'Routes' || call.name === 'Route') {
      verbsPaths = call.args.flatMap((a) => {
        const template = templateOf(a, consts, namespace);
        return template ? [{ template, node: call.node }] : [];
      });
    } else if (call.name === 'AllowAnonymous') {
      const verbsOnly = call.args.flatMap((a) => (a.type === 'member_access_expression' ? [simpleName(fieldOf(a, 'name'))?.toUpperCase() ?? ''] : []));
      if (verbsOnly.length === 0) anonymous = 'all';
      else if (anonymous !== 'all') for (const v of verbsOnly) anonymous.add(v);
    }
    else if (AUTH_CALLS.has(call.name)) authCall ??= call.node;
    else if (call.name === 'Group' && call.generic) group = { file: GROUP_NAMESPACE, path: [call.generic] };
    else if (call.name === 'Tags') tags.push(...call.args.map((a) => stringValue(a)).filter((s): s is string => !!s));
  }
  for (const entry of verbsPaths) routes.push({ methods: verbs, template: entry.template, node: entry.node });
  for (const attr of attrs) {
    const method = VERB_ATTRS[attr.name];
    const arg = method ? attr.args.named.get('template') ?? attr.args.positional[0] : undefined;
    const template = arg ? templateOf(arg, consts, namespace) : undefined;
    if (method && template) routes.push({ methods: [method], template, node: attr.node });
  }
  const auth: MiddlewareRef[] = [{ name: authCall ? simpleName(fieldOf(authCall, 'function')) ?? 'Authorize' : 'FastEndpoints default authorization', role: 'auth', ...(authCall ? { location: loc(file.path, authCall) } : {}) }];
  for (const route of routes) {
    for (const method of route.methods) {
      const middleware = anonymous === 'all' || anonymous.has(method) ? [] : auth;
      // A template held in a constant of another file: the route sits on the constant's ref (a router whose
      // prefix is the template, see route-constants.ts); inside a group, that ref is mounted on the group.
      const { template } = route;
      if ('ref' in template && group) {
        facts.push({ kind: 'mount', framework: FRAMEWORK, parent: group, child: template.ref, prefix: '', location: loc(file.path, route.node) });
      }
      const router = 'ref' in template ? template.ref : group;
      const path = 'ref' in template ? '' : cleanTemplate(template.path.startsWith('/') ? template.path : `/${template.path}`);
      facts.push({
        kind: 'route', framework: FRAMEWORK, method, path,
        ...(router ? { router } : {}),
        handler: { name, location: loc(file.path, fieldOf(cls, 'name') ?? cls) },
        ...(middleware.length > 0 ? { middleware } : {}),
        ...(tags.length > 0 ? { openapiTags: tags } : {}),
        location: loc(file.path, route.node),
      });
    }
  }
}

/** `class Admin : Group { public Admin() { Configure("admin", ep => ..); } }` -> router with prefix. */
function groupClass(cls: Node, file: ParsedFile, facts: Fact[]): void {
  if (!basesOf(cls).some((b) => simpleName(b) === 'Group' || simpleName(b) === 'SubGroup')) return;
  const name = fieldOf(cls, 'name')?.text ?? '';
  for (const member of namedChildren(fieldOf(cls, 'body'))) {
    if (member.type !== 'constructor_declaration') continue;
    for (const call of bodyCalls(member)) {
      const prefix = call.name === 'Configure' ? stringValue(call.args[0]) : undefined;
      if (prefix === undefined) continue;
      facts.push({ kind: 'router', framework: FRAMEWORK, ref: { file: GROUP_NAMESPACE, path: [name] }, prefix, location: loc(file.path, call.node) });
    }
  }
}

/** `c.Endpoints.RoutePrefix = "api"` (inside UseFastEndpoints(..)). */
function routePrefix(assign: Node, file: ParsedFile, facts: Fact[]): void {
  const left = fieldOf(assign, 'left');
  if (left?.type !== 'member_access_expression' || simpleName(fieldOf(left, 'name')) !== 'RoutePrefix') return;
  const value = stringValue(fieldOf(assign, 'right'));
  if (value) facts.push({ kind: 'global-prefix', framework: FRAMEWORK, prefix: value.startsWith('/') ? value : `/${value}`, location: loc(file.path, assign) });
}

export const fastEndpointsRoutes: Extractor = {
  id: 'fastendpoints/routes',
  languages: ['csharp'],
  // Projects often import FastEndpoints through global usings: endpoint files need not name it.
  keywords: ['FastEndpoints', 'Configure()', 'EndpointWithoutRequest', 'Ep.'],
  extract(file) {
    const tree = treeOf(file);
    if (!tree || isCsTestPath(file.path)) return [];
    const facts: Fact[] = [];
    const classes: Node[] = [];
    walk(tree.rootNode, (node) => {
      if (node.type === 'class_declaration') {
        classes.push(node);
        groupClass(node, file, facts);
        return false;
      }
      if (node.type === 'assignment_expression') routePrefix(node, file, facts);
      return true;
    });
    if (classes.length > 0) {
      // Constants of this file, by class chain ('GetCartRequest.Route'), for templates written as references.
      const consts = new Map(routeConstantsOf(tree.rootNode).map((c) => [c.segments.join('.'), c.value] as const));
      for (const cls of classes) endpointClass(cls, file, facts, consts);
    }
    return facts;
  },
};
