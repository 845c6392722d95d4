// Javalin (io.javalin) routes, in Java and Kotlin:
// - on an app: `app.get("/x", h)`, post/put/patch/delete/head/options, `app.sse(...)` / `app.ws(...)` (GET),
//   `app.addHandler(HandlerType.POST, "/x", h)`, `app.addHttpHandler(HttpMethod.X, ...)`;
// - ApiBuilder (static imports or `ApiBuilder.`): `get("/x", h)` / `get(h)`, `crud("/users/{id}", ctl)`
//   (getAll/create on the collection, getOne/update/delete on the item), `sse`, `ws`, nested in
//   `path("/p", () -> { ... })` groups, inside `app.routes(() -> ...)` (Javalin 4/5) or
//   `config.router.apiBuilder(() -> ...)` (Javalin 6), or in a method handed to a group
//   (`path("/p", Routes::users)`, a `users()` statement inside a group);
// - `Javalin.create(config -> ...)`: `config.router.contextPath = "/p"` / `config.contextPath` (a prefix of
//   the app's router), static files (`staticFiles.add(...)`, `addStaticFiles(...)`: GET <hostedPath>/**)
//   and `enableWebjars()` (GET /webjars/**).
// The app is a router reference (its variable, field or Javalin-typed parameter; see bindings.ts).
import type { Fact, HttpMethod, MiddlewareRef, RefExpr } from '../../../core/facts.js';
import { descendants, loc, namedChildren, type Node } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { callView, type CallView } from '../calls.js';
import { joinLiteral } from '../class-facts.js';
import type { JvmFile } from '../jvm-source.js';
import type { StrValue } from '../values.js';
import { bindingOf, methodMounts, type BindingKind } from './bindings.js';
import { EMPTY, UNKNOWN, callsIn, dedupeFacts, guarded, dslOutline, dslRouteFacts, importsFrom, isPathLike, joinValue, pathArg, verbOf } from './common.js';
import { calledRoutesRef, enclosingGroups, groupMethodMounts, lambdaBodyStatements, methodMount, methodRoutesRef } from './groups.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

const FRAMEWORK = 'javalin';
const VERBS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD', options: 'OPTIONS', query: 'QUERY',
  sse: 'GET', ws: 'GET',
};

/** Call names this extractor reads (others only matter when they are handed an app). */
const RELEVANT = new Set([...Object.keys(VERBS), 'crud', 'path', 'routes', 'apiBuilder', 'addHandler', 'addHttpHandler']);

const APP: BindingKind = {
  isType: (type) => !!type && /(^|\.)(Javalin|RoutesConfig)\??$/.test(type.trim()),
  isInit: (node) => !!node && isCreateCall(callView(node)),
};

function isCreateCall(call: CallView | undefined): boolean {
  if (!call) return false;
  let current: CallView | undefined = call;
  // `Javalin.create(...).start(7000)` still makes the app.
  for (let depth = 0; current && depth < 8; depth++) {
    if (current.name === 'create' && /(^|\.)Javalin$/.test(current.receiver?.text ?? '')) return true;
    current = current.receiver ? callView(current.receiver) : undefined;
  }
  return false;
}

/** The app a `Javalin.create(...)` call is assigned to (`Javalin app = Javalin.create(...)`). */
function appOfCreate(file: JvmFile, create: Node): RefExpr | undefined {
  let node: Node | null = create;
  while (node?.parent && (node.parent.type === 'method_invocation' || node.parent.type === 'navigation_expression' || node.parent.type === 'call_expression')) node = node.parent;
  const decl = node?.parent;
  if (!decl) return undefined;
  // The declared name, resolved as a use of it would be.
  let probe: Node | undefined;
  if (decl.type === 'variable_declarator') probe = fieldOf(decl, 'name') ?? undefined;
  else if (decl.type === 'property_declaration') probe = namedChildren(namedChildren(decl).find((c) => c.type === 'variable_declaration')).find((c) => c.type === 'identifier');
  else if (decl.type === 'assignment_expression' || decl.type === 'assignment') probe = namedChildren(decl)[0];
  return probe ? bindingOf(file, probe, APP)?.ref : undefined;
}

function isStaticApiBuilder(call: CallView, staticImport: boolean): boolean {
  if (!call.receiver) return staticImport;
  return /(^|\.)ApiBuilder$/.test(call.receiver.text);
}

interface Context {
  prefix: StrValue;
  router: RefExpr;
}

/** The prefix of the `path(...)` groups around a node and the router they belong to. */
function contextOf(file: JvmFile, node: Node, staticImport: boolean): Context {
  const { groups, fn } = enclosingGroups(node);
  const prefixes: StrValue[] = [];
  let router: RefExpr | undefined;
  for (const { call, lambda } of groups) {
    if (call.name === 'path' && isStaticApiBuilder(call, staticImport) && call.args.length >= 1 && isPathLike(call.args[0])) {
      prefixes.unshift(pathArg(file, call.args[0]));
    } else if (call.name === 'routes' && call.receiver) {
      router = bindingOf(file, call.receiver, APP)?.ref;
      if (router) break;
    } else if (call.name === 'apiBuilder') {
      const create = groupsCreate(lambda);
      router = create ? appOfCreate(file, create) : undefined;
      break;
    }
  }
  let prefix: StrValue = EMPTY;
  for (const p of prefixes) prefix = joinValue(prefix, p);
  return { prefix, router: router ?? methodRoutesRef(file, fn, node) };
}

/** The parameter of a `config.router.mount(router -> ...)` lambda (Javalin 6), `it` in Kotlin. */
function isMountParam(receiver: Node): boolean {
  if (receiver.type !== 'identifier' && receiver.type !== 'simple_identifier') return false;
  for (const { call, lambda } of enclosingGroups(receiver).groups) {
    if (call.name !== 'mount' || !/(^|\.)router$/.test(call.receiver?.text ?? '')) continue;
    const params = lambda.type === 'lambda_expression'
      ? [fieldOf(lambda, 'parameters') ?? namedChildren(lambda)[0]].flatMap((p) => (p?.type === 'identifier' ? [p.text] : namedChildren(p).map((k) => k.text)))
      : namedChildren(namedChildren(lambda).find((k) => k.type === 'lambda_parameters')).map((k) => k.text);
    return params.length ? params.includes(receiver.text) : receiver.text === 'it';
  }
  return false;
}

/** The `Javalin.create(...)` call whose config lambda holds a node. */
function groupsCreate(node: Node): Node | undefined {
  for (const { call } of enclosingGroups(node).groups) if (isCreateCall(call)) return call.node;
  return undefined;
}

function routeFacts(file: JvmFile, method: HttpMethod, path: StrValue, at: Node, router: RefExpr | undefined, middleware: MiddlewareRef[] = []): Fact[] {
  return dslRouteFacts(file, FRAMEWORK, { method, path, at, ...(router ? { router } : {}), middleware });
}

const PUBLIC_ROLE = /^(ANYONE|ANONYMOUS|PUBLIC|EVERYONE|ALL|GUEST|UNAUTHENTICATED|NONE)$/i;

/** Access-manager roles after the handler (`get("/x", h, Role.USER)`): an auth guard unless every role is public. */
function rolesMiddleware(file: JvmFile, roles: readonly Node[]): MiddlewareRef[] {
  const names = roles.map((r) => r.text.split('.').pop() ?? '').filter((n) => /^[A-Z][A-Z0-9_]*$/.test(n));
  if (names.length === 0 || names.length !== roles.length) return [];
  const open = names.filter((n) => PUBLIC_ROLE.test(n)).length;
  if (open === names.length) return [];
  return [{ name: `roles(${names.join(', ')})`, role: open > 0 ? 'optional-auth' : 'auth', location: loc(file.path, roles[0]!) }];
}

/** `crud("/users/{id}", ctl)`: the collection and item routes of a CrudHandler. */
function crudFacts(file: JvmFile, full: StrValue, at: Node, router: RefExpr): Fact[] {
  if (full.kind !== 'literal') return [];
  const trimmed = full.text.replace(/\/+$/, '');
  const cut = trimmed.lastIndexOf('/');
  const last = trimmed.slice(cut + 1);
  if (cut < 0 || !/^(\{[^}]+\}|<[^>]+>|:\w+)$/.test(last)) return [];
  const collection: StrValue = { kind: 'literal', text: trimmed.slice(0, cut) || '/' };
  const item: StrValue = { kind: 'literal', text: trimmed };
  return [
    ...routeFacts(file, 'GET', collection, at, router), ...routeFacts(file, 'POST', collection, at, router),
    ...routeFacts(file, 'GET', item, at, router), ...routeFacts(file, 'PATCH', item, at, router), ...routeFacts(file, 'DELETE', item, at, router),
  ];
}

/** Static files and the context path declared in a `Javalin.create(config -> ...)` lambda. */
function configFacts(file: JvmFile, create: CallView): Fact[] {
  const out: Fact[] = [];
  const lambda = create.lambda ?? create.args.find((a) => a.type === 'lambda_expression' || a.type === 'lambda_literal');
  if (!lambda) return out;
  const app = appOfCreate(file, create.node);
  for (const assignment of descendants(lambda, ['assignment_expression', 'assignment'])) {
    if (!assignment) continue;
    const [target, value] = [namedChildren(assignment)[0], namedChildren(assignment)[namedChildren(assignment).length - 1]];
    if (!target || !value || !/(^|\.)contextPath$/.test(target.text)) continue;
    const prefix = pathArg(file, value);
    if (app && prefix.kind === 'literal' && prefix.text !== '/' && prefix.text !== '') {
      out.push({ kind: 'router', framework: FRAMEWORK, ref: app, prefix: prefix.text, location: loc(file.path, assignment) });
    }
  }
  for (const call of callsIn(file, lambda)) {
    const receiver = call.receiver?.text ?? '';
    if ((call.name === 'add' && /(^|\.)staticFiles$/.test(receiver)) || call.name === 'addStaticFiles') {
      const first = call.args[0] ?? call.lambda;
      let hosted: StrValue = { kind: 'literal', text: '/' };
      if (first && (first.type === 'lambda_expression' || first.type === 'lambda_literal')) {
        for (const assignment of descendants(first, ['assignment_expression', 'assignment'])) {
          const kids = namedChildren(assignment);
          if (kids[0] && /(^|\.)hostedPath$/.test(kids[0].text)) hosted = pathArg(file, kids[kids.length - 1]);
        }
      } else if (call.args.length === 3 && call.name === 'addStaticFiles') {
        hosted = pathArg(file, call.args[0]); // Javalin 4: addStaticFiles(hostedPath, directory, location)
      }
      if (hosted.kind === 'literal') out.push(...routeFacts(file, 'GET', { kind: 'literal', text: joinLiteral(hosted.text, '**') }, call.nameNode, app));
    } else if (call.name === 'enableWebjars') {
      out.push(...routeFacts(file, 'GET', { kind: 'literal', text: '/webjars/**' }, call.nameNode, app));
    }
  }
  return out;
}

function javalinFacts(file: JvmFile, staticImport: boolean, mountStyle: boolean): Fact[] {
  const out: Fact[] = [];
  for (const call of callsIn(file)) {
    const at = call.nameNode;
    if (call.name === 'create') {
      if (isCreateCall(call)) out.push(...configFacts(file, call));
      continue;
    }
    if (!RELEVANT.has(call.name)) {
      // Only an app handed to a method (`Routes.register(app)`) matters in other calls.
      if (call.args.length > 0) out.push(...methodMounts(file, call, FRAMEWORK, APP));
      continue;
    }
    const app = call.receiver ? bindingOf(file, call.receiver, APP) : undefined;
    const onCreated = !app && call.receiver ? isCreateCall(callView(call.receiver)) : false;
    // Javalin 7 `config.routes.get(...)` inside `Javalin.create(config -> ...)`.
    const configCreate = !app && !onCreated && call.receiver && (/^\w+\.routes$/.test(call.receiver.text) || (mountStyle && isMountParam(call.receiver)))
      ? groupsCreate(call.node) : undefined;
    if (app || onCreated || configCreate) {
      const router = app?.ref ?? (configCreate ? appOfCreate(file, configCreate) : undefined);
      const verb = VERBS[call.name];
      if (verb && call.args.length + (call.lambda ? 1 : 0) >= 2 && isPathLike(call.args[0])) {
        out.push(...routeFacts(file, verb, pathArg(file, call.args[0]), at, router, rolesMiddleware(file, call.args.slice(2))));
      } else if ((call.name === 'addHandler' || call.name === 'addHttpHandler') && call.args.length >= 3) {
        const method = verbOf(call.args[0]);
        if (method) out.push(...routeFacts(file, method, pathArg(file, call.args[1]), at, router));
      } else if (call.name === 'routes' && router) {
        const group = call.args[0] ?? call.lambda;
        const ref = group ? calledRoutesRef(file, group) : undefined;
        if (ref) out.push(...methodMount(file, FRAMEWORK, router, ref, EMPTY, at));
      }
      continue;
    }
    if (!isStaticApiBuilder(call, staticImport)) {
      if (call.args.length > 0) out.push(...methodMounts(file, call, FRAMEWORK, APP));
      continue;
    }
    const verb = VERBS[call.name];
    if (verb || call.name === 'crud') {
      const total = call.args.length + (call.lambda ? 1 : 0);
      if (total === 0) continue;
      // get("/x", handler, roles...) or get(handler, roles...): the first argument is a path when it is a string.
      const first = call.args[0] && isPathLike(call.args[0]) ? pathArg(file, call.args[0]) : UNKNOWN;
      const hasPath = first.kind !== 'unknown' && total >= 2;
      const own = hasPath ? first : EMPTY;
      const ctx = contextOf(file, call.node, staticImport);
      const path = joinValue(ctx.prefix, own);
      if (call.name === 'crud') out.push(...crudFacts(file, path, at, ctx.router));
      else out.push(...routeFacts(file, verb!, path, at, ctx.router, rolesMiddleware(file, call.args.slice(hasPath ? 2 : 1))));
    } else if (call.name === 'path' && call.args.length >= 1) {
      // A method handed to a group: path("/p", Routes::users), or `users()` statements in the group.
      out.push(...groupMethodMounts(file, FRAMEWORK, call, contextOf(file, call.node, staticImport), at));
    }
  }
  // Statements calling routes methods directly inside `app.routes(() -> { users(); })`.
  for (const call of callsIn(file)) {
    if (call.name !== 'routes' && call.name !== 'apiBuilder') continue;
    const group = call.args[0] ?? call.lambda;
    if (!group || (group.type !== 'lambda_expression' && group.type !== 'lambda_literal')) continue;
    const first = lambdaBodyStatements(group)[0];
    if (!first) continue;
    const ctx = contextOf(file, first, staticImport);
    for (const statement of lambdaBodyStatements(group)) {
      const ref = calledRoutesRef(file, statement);
      if (ref) out.push(...methodMount(file, FRAMEWORK, ctx.router, ref, ctx.prefix, statement));
    }
  }
  return out;
}

export const javalinRoutes: Extractor = {
  id: 'javalin/routes',
  languages: ['java', 'kotlin'],
  keywords: ['io.javalin'],
  extract(parsed) {
    const file = dslOutline(parsed);
    if (!file || !importsFrom(file, 'io.javalin')) return [];
    const staticImport = parsed.text.includes('io.javalin.apibuilder.ApiBuilder');
    return guarded(() => dedupeFacts(javalinFacts(file, staticImport, parsed.text.includes('.mount'))));
  },
};
