// Quart (Flask's asyncio twin): Quart()/Blueprint() objects, `@x.route(rule, methods=[...])`,
// `@x.get` / `post` / `put` / `patch` / `delete`, `@x.websocket(rule)`, `add_url_rule` (functions and
// MethodView / View classes through the Flask view helpers), `add_websocket`, and
// `register_blueprint(bp, url_prefix=)` (the mount prefix replaces the blueprint's own, as in Flask).
import type { Fact, HttpMethod, RefExpr } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { flaskViewInfo, viewClassOf } from '../flask/views.js';
import { dottedPath, keywordArg, loc, positionalArgs, walk, type Node } from '../python/ast.js';
import { evalString, httpMethodList, isPythonTestFile, readModuleScope, type ModuleScope } from '../python/modules.js';
import { field, rootOf, textOf } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';

const FRAMEWORK = 'quart';

const SHORTCUTS: Record<string, HttpMethod> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', websocket: 'GET' };

interface Ctx {
  file: ParsedFile;
  scope: ModuleScope;
  facts: Fact[];
}

function ref(ctx: Ctx, path: string[]): RefExpr {
  return { file: ctx.file.path, path };
}

/** 'Quart' / 'Blueprint' when the call constructs one imported from quart. */
function quartCtor(ctx: Ctx, call: Node | undefined): string | undefined {
  const callee = dottedPath(field(call, 'function'));
  if (!callee) return undefined;
  const last = callee[callee.length - 1]!;
  if (last !== 'Quart' && last !== 'Blueprint') return undefined;
  return ctx.scope.imports.get(callee[0]!)?.source.split('.')[0] === 'quart' ? last : undefined;
}

function isQuartReceiver(ctx: Ctx, receiver: string[]): boolean {
  const bound = receiver.length === 1 ? ctx.scope.calls.get(receiver[0]!) : undefined;
  if (bound) return !!quartCtor(ctx, bound);
  return ![...ctx.scope.packages].some((p) => p === 'flask' || p.startsWith('flask_'));
}

function str(ctx: Ctx, node: Node | undefined | null): string | undefined {
  return evalString(node, ctx.scope.constants);
}

function decoratorRoutes(ctx: Ctx, decorated: Node): void {
  const def = field(decorated, 'definition');
  if (def?.type !== 'function_definition') return;
  const name = textOf(field(def, 'name'));
  for (const decorator of decorated.namedChildren) {
    const call = decorator?.type === 'decorator' ? decorator.namedChildren[0] : undefined;
    if (call?.type !== 'call') continue;
    const callee = dottedPath(field(call, 'function'));
    if (!callee || callee.length < 2) continue;
    const verb = callee[callee.length - 1]!;
    const receiver = callee.slice(0, -1);
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
  const callee = dottedPath(field(call, 'function'));
  if (!callee || callee.length < 2) return;
  const method = callee[callee.length - 1]!;
  const receiver = callee.slice(0, -1);
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
  if (file.tree.kind !== 'tree-sitter' || isPythonTestFile(file.path)) return [];
  const root = rootOf(file.tree.tree);
  const scope = readModuleScope(root);
  if (!scope.packages.has('quart')) return [];
  const ctx: Ctx = { file, scope, facts: [] };
  walk(root, (node) => {
    if (node.type === 'assignment') {
      const target = dottedPath(field(node, 'left'));
      const right = field(node, 'right');
      const kind = right?.type === 'call' ? quartCtor(ctx, right) : undefined;
      if (target && right && kind === 'Quart') {
        ctx.facts.push({ kind: 'router', framework: FRAMEWORK, ref: ref(ctx, target), isApp: true, location: loc(file.path, right) });
        ctx.facts.push({ kind: 'service-entry', framework: FRAMEWORK, location: loc(file.path, right) });
      } else if (target && right && kind === 'Blueprint') {
        const prefix = str(ctx, keywordArg(right, 'url_prefix'));
        ctx.facts.push({ kind: 'router', framework: FRAMEWORK, ref: ref(ctx, target), location: loc(file.path, right), ...(prefix ? { prefix } : {}) });
      }
    } else if (node.type === 'decorated_definition') {
      decoratorRoutes(ctx, node);
    } else if (node.type === 'call') {
      callFacts(ctx, node);
    }
    return true;
  });
  return ctx.facts;
}

export const quartRoutes: Extractor = {
  id: 'quart/routes',
  languages: ['python'],
  keywords: ['quart'],
  extract: extractQuartRoutes,
};
