// Quart (Flask's asyncio twin): Quart()/Blueprint() objects, `@x.route(rule, methods=[...])`,
// `@x.get` / `post` / `put` / `patch` / `delete`, `@x.websocket(rule)`, `add_url_rule` (functions and
// MethodView / View classes through the Flask view helpers), `add_websocket`, and
// `register_blueprint(bp, url_prefix=)` (the mount prefix replaces the blueprint's own, as in Flask).
import type { Fact, HttpMethod } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { flaskViewInfo, viewClassOf } from '../flask/views.js';
import { dottedPath, keywordArg, loc, positionalArgs, type Node } from '../python/ast.js';
import { httpMethodList } from '../python/modules.js';
import {
  decoratedFunction, decoratorMemberCalls, fileRef as ref, importedCtor, memberCall, openPythonModule, pushAppFacts, pushRouterFact, scopeString as str,
  visitModule, type PyRouteCtx as Ctx,
} from '../python/route-helpers.js';
import { field, textOf } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';

const FRAMEWORK = 'quart';

const SHORTCUTS: Record<string, HttpMethod> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', websocket: 'GET' };

/** 'Quart' / 'Blueprint' when the call constructs one imported from quart. */
function quartCtor(ctx: Ctx, call: Node | undefined): string | undefined {
  return importedCtor(ctx.scope, call, ['Quart', 'Blueprint'], ['quart']);
}

function isQuartReceiver(ctx: Ctx, receiver: string[]): boolean {
  const bound = receiver.length === 1 ? ctx.scope.calls.get(receiver[0]!) : undefined;
  if (bound) return !!quartCtor(ctx, bound);
  return ![...ctx.scope.packages].some((p) => p === 'flask' || p.startsWith('flask_'));
}

function decoratorRoutes(ctx: Ctx, decorated: Node): void {
  const fn = decoratedFunction(decorated);
  if (!fn) return;
  const { def, name } = fn;
  for (const { decorator, call, receiver, member: verb } of decoratorMemberCalls(decorated)) {
    if ((verb !== 'route' && !SHORTCUTS[verb]) || !isQuartReceiver(ctx, receiver)) continue;
    const path = str(ctx, keywordArg(call, 'rule') ?? positionalArgs(call)[0]);
    if (path === undefined) continue;
    const methods = verb === 'route' ? httpMethodList(keywordArg(call, 'methods'), ctx.scope) ?? ['GET' as const] : [SHORTCUTS[verb]!];
    for (const method of methods) {
      ctx.facts.push({
        kind: 'route', framework: FRAMEWORK, method, path, router: ref(ctx, receiver), location: loc(ctx.file.path, decorator),
        handler: { name: name ?? '', location: loc(ctx.file.path, def) },
      });
    }
  }
}

/** add_url_rule(rule, endpoint=None, view_func=None, ...) */
function viewFuncArg(call: Node): Node | undefined {
  const keyword = keywordArg(call, 'view_func');
  if (keyword) return keyword;
  const args = positionalArgs(call);
  const candidates = keywordArg(call, 'rule') ? args : args.slice(1);
  if (candidates.length >= 2) return candidates[1];
  const only = candidates[0];
  return only && only.type !== 'string' && only.type !== 'none' ? only : undefined;
}

function addUrlRule(ctx: Ctx, call: Node, receiver: string[], websocket: boolean): void {
  const path = str(ctx, keywordArg(call, 'rule') ?? positionalArgs(call)[0]);
  if (path === undefined) return;
  const view = viewFuncArg(call);
  const cls = viewClassOf(ctx.scope, view);
  const info = cls ? flaskViewInfo(ctx.file, ctx.scope, cls) : undefined;
  const methods = websocket ? ['GET' as const] : httpMethodList(keywordArg(call, 'methods'), ctx.scope) ?? (info?.methods.length ? info.methods : ['GET' as const]);
  const className = textOf(field(cls, 'name'));
  for (const method of methods) {
    if (method === 'QUERY') continue;
    const handler = info?.handlers.get(method);
    ctx.facts.push({
      kind: 'route', framework: FRAMEWORK, method, path, router: ref(ctx, receiver), location: loc(ctx.file.path, call),
      handler: {
        name: className ? (handler ? `${className}.${method.toLowerCase()}` : className) : dottedPath(view)?.join('.') ?? '',
        ...(handler ? { location: loc(ctx.file.path, handler) } : {}),
      },
    });
  }
}

function callFacts(ctx: Ctx, call: Node): void {
  const member = memberCall(call);
  if (!member) return;
  const { receiver, member: method } = member;
  if (!['add_url_rule', 'add_websocket', 'register_blueprint'].includes(method) || !isQuartReceiver(ctx, receiver)) return;
  if (method !== 'register_blueprint') return addUrlRule(ctx, call, receiver, method === 'add_websocket');
  const child = dottedPath(keywordArg(call, 'blueprint') ?? positionalArgs(call)[0]);
  if (!child) return;
  const prefixNode = keywordArg(call, 'url_prefix');
  const prefix = prefixNode ? str(ctx, prefixNode) : undefined;
  const prefixRef = prefixNode && prefix === undefined ? dottedPath(prefixNode) : undefined;
  ctx.facts.push({
    kind: 'mount', framework: FRAMEWORK, parent: ref(ctx, receiver), child: ref(ctx, child), prefix: prefix ?? '', location: loc(ctx.file.path, call),
    ...(prefixRef ? { prefixRef: ref(ctx, prefixRef) } : {}),
    ...(prefix !== undefined || prefixRef ? { replacesChildPrefix: true } : {}),
  });
}

export function extractQuartRoutes(file: ParsedFile): Fact[] {
  const module = openPythonModule(file, ['quart']);
  if (!module) return [];
  const { root, scope } = module;
  const ctx: Ctx = { file, scope, facts: [] };
  visitModule(root, {
    assignment: (target, right) => {
      const kind = right?.type === 'call' ? quartCtor(ctx, right) : undefined;
      if (target && right && kind === 'Quart') pushAppFacts(ctx, FRAMEWORK, target, right);
      else if (target && right && kind === 'Blueprint') pushRouterFact(ctx, FRAMEWORK, target, right, str(ctx, keywordArg(right, 'url_prefix')));
    },
    decorated: (node) => decoratorRoutes(ctx, node),
    call: (node) => callFacts(ctx, node),
  });
  return ctx.facts;
}

export const quartRoutes: Extractor = {
  id: 'quart/routes',
  languages: ['python'],
  keywords: ['quart'],
  extract: extractQuartRoutes,
};
