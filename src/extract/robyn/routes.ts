// Robyn: `@app.get("/x")` / post / put / patch / delete / head / options / connect / trace and
// `@app.websocket("/ws")` on Robyn(...) apps and SubRouter(...) routers (prefix by keyword, by the
// second positional of the legacy `SubRouter(__file__, "/p")`, or a lone string `SubRouter("/p")`),
// `app.add_route("GET", "/x", handler)`, `@app.view("/x")` (nested get/post... functions),
// `serve_directory(route, path)`, and `include_router(sub)` (prefixes stack down nested includes).
// Receivers must be bound to Robyn()/SubRouter() in the file or imported: an undefined name is not a router.
import type { Fact, HttpMethod } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { dottedPath, keywordArg, loc, positionalArgs, type Node } from '../python/ast.js';
import { evalString } from '../python/modules.js';
import {
  decoratedFunction, decoratorMemberCalls, fileRef as ref, importedCtor, memberCall, openPythonModule, pushAppFacts, pushRouterFact, visitModule,
  type PyRouteCtx as Ctx,
} from '../python/route-helpers.js';
import { field, textOf } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';

const FRAMEWORK = 'robyn';

const VERBS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD', options: 'OPTIONS',
  connect: 'CONNECT', trace: 'TRACE', websocket: 'GET',
};

function robynCtor(ctx: Ctx, call: Node | undefined): 'Robyn' | 'SubRouter' | undefined {
  return importedCtor(ctx.scope, call, ['Robyn', 'SubRouter'] as const, ['robyn']);
}

function isReceiver(ctx: Ctx, receiver: string[]): boolean {
  const head = receiver[0]!;
  if (receiver.length === 1) {
    const bound = ctx.scope.calls.get(head);
    if (bound) return !!robynCtor(ctx, bound);
  }
  return ctx.scope.imports.has(head) && ctx.scope.imports.get(head)!.source.split('.')[0] !== 'robyn';
}

function subRouterPrefix(ctx: Ctx, call: Node): string | undefined {
  const keyword = keywordArg(call, 'prefix');
  if (keyword) return evalString(keyword, ctx.scope.constants);
  const args = positionalArgs(call);
  if (args.length >= 2) return evalString(args[1], ctx.scope.constants);
  const only = evalString(args[0], ctx.scope.constants);
  return only?.startsWith('/') ? only : undefined;
}

function route(ctx: Ctx, at: Node, method: HttpMethod, path: string, receiver: string[], handler: string | undefined, handlerNode?: Node): void {
  ctx.facts.push({
    kind: 'route', framework: FRAMEWORK, method, path, router: ref(ctx, receiver), location: loc(ctx.file.path, at),
    ...(handler ? { handler: { name: handler, ...(handlerNode ? { location: loc(ctx.file.path, handlerNode) } : {}) } } : {}),
  });
}

function decoratorRoutes(ctx: Ctx, decorated: Node): void {
  const fn = decoratedFunction(decorated);
  if (!fn) return;
  const { def, name } = fn;
  for (const { decorator, call, receiver, member: verb } of decoratorMemberCalls(decorated)) {
    if ((!VERBS[verb] && verb !== 'view') || !isReceiver(ctx, receiver)) continue;
    const path = evalString(keywordArg(call, 'endpoint') ?? positionalArgs(call)[0], ctx.scope.constants);
    if (path === undefined) continue;
    if (verb !== 'view') {
      route(ctx, decorator, VERBS[verb]!, path, receiver, name, def);
      continue;
    }
    // @app.view: the nested functions named after HTTP verbs are the handlers.
    for (const statement of field(def, 'body')?.namedChildren ?? []) {
      const inner = statement.type === 'decorated_definition' ? field(statement, 'definition') : statement;
      const innerName = inner?.type === 'function_definition' ? textOf(field(inner, 'name')) : undefined;
      const method = innerName ? VERBS[innerName] : undefined;
      if (method && innerName !== 'websocket') route(ctx, decorator, method, path, receiver, `${name}.${innerName}`, inner ?? undefined);
    }
  }
}

function callFacts(ctx: Ctx, call: Node): void {
  const member = memberCall(call);
  if (!member) return;
  const { receiver, member: method } = member;
  if (!['add_route', 'include_router', 'serve_directory'].includes(method) || !isReceiver(ctx, receiver)) return;
  const args = positionalArgs(call);
  if (method === 'add_route') {
    const typeNode = keywordArg(call, 'route_type') ?? args[0];
    const typePath = dottedPath(typeNode);
    const verb = (evalString(typeNode, ctx.scope.constants) ?? (typePath && typePath.length > 1 ? typePath[typePath.length - 1] : undefined))?.toLowerCase();
    const path = evalString(keywordArg(call, 'endpoint') ?? args[1], ctx.scope.constants);
    if (!verb || !VERBS[verb] || verb === 'websocket' || path === undefined) return;
    route(ctx, call, VERBS[verb]!, path, receiver, dottedPath(keywordArg(call, 'handler') ?? args[2])?.join('.'));
  } else if (method === 'serve_directory') {
    const path = evalString(keywordArg(call, 'route') ?? args[0], ctx.scope.constants);
    if (path === undefined) return;
    ctx.facts.push({
      kind: 'route', framework: FRAMEWORK, method: 'GET', path: `${path.replace(/\/+$/, '')}/{filename}`, router: ref(ctx, receiver),
      location: loc(ctx.file.path, call), handler: { name: 'serve_directory' }, origin: 'generated',
    });
  } else {
    const child = dottedPath(keywordArg(call, 'router') ?? args[0]);
    if (child) ctx.facts.push({ kind: 'mount', framework: FRAMEWORK, parent: ref(ctx, receiver), child: ref(ctx, child), prefix: '', location: loc(ctx.file.path, call) });
  }
}

export function extractRobynRoutes(file: ParsedFile): Fact[] {
  const module = openPythonModule(file, ['robyn']);
  if (!module) return [];
  const { root, scope } = module;
  const ctx: Ctx = { file, scope, facts: [] };
  visitModule(root, {
    assignment: (target, right) => {
      const kind = right?.type === 'call' ? robynCtor(ctx, right) : undefined;
      if (target && right && kind === 'Robyn') pushAppFacts(ctx, FRAMEWORK, target, right);
      else if (target && right && kind === 'SubRouter') pushRouterFact(ctx, FRAMEWORK, target, right, subRouterPrefix(ctx, right));
    },
    decorated: (node) => decoratorRoutes(ctx, node),
    call: (node) => callFacts(ctx, node),
  });
  return ctx.facts;
}

export const robynRoutes: Extractor = {
  id: 'robyn/routes',
  languages: ['python'],
  keywords: ['robyn'],
  extract: extractRobynRoutes,
};
