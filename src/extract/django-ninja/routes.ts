// Django Ninja: NinjaAPI() and Router() objects, operation decorators (`@api.get(path)`, post, put,
// patch, delete, `@api.api_operation(["POST", "PATCH"], path)`) and `add_router(prefix, router)`
// (a router object or a dotted module string "app.api.router"). The API reaches the URL space through
// Django's urls.py (`path("api/", api.urls)`), which the Django extractor mounts: NinjaAPI is therefore
// a plain router here, not an application root.
import type { Fact, HttpMethod } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { dottedPath, keywordArg, loc, positionalArgs, type Node } from '../python/ast.js';
import { evalString } from '../python/modules.js';
import {
  decoratedFunction, decoratorMemberCalls, fileRef as ref, importedCtor, memberCall, openPythonModule, pushRouterFact, visitModule, type PyRouteCtx as Ctx,
} from '../python/route-helpers.js';
import type { Extractor } from '../types.js';

const FRAMEWORK = 'django-ninja';

const VERBS: Record<string, HttpMethod> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE' };
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE']);

/** `{int:item_id}` (a Django converter inside braces) -> `{item_id}`. */
export function ninjaPath(path: string): string {
  return path.replace(/\{[A-Za-z_][A-Za-z0-9_]*:([A-Za-z_][A-Za-z0-9_]*)\}/g, '{$1}');
}

function ninjaCtor(ctx: Ctx, call: Node | undefined): 'NinjaAPI' | 'Router' | undefined {
  return importedCtor(ctx.scope, call, ['NinjaAPI', 'Router'] as const, ['ninja']);
}

/** Bound to NinjaAPI()/Router() here, or imported from another module of the project. */
function isReceiver(ctx: Ctx, receiver: string[]): boolean {
  if (receiver.length !== 1) return false;
  const bound = ctx.scope.calls.get(receiver[0]!);
  if (bound) return !!ninjaCtor(ctx, bound);
  const binding = ctx.scope.imports.get(receiver[0]!);
  return !!binding && binding.source.split('.')[0] !== 'ninja';
}

function methodList(ctx: Ctx, node: Node | undefined): HttpMethod[] | undefined {
  if (!node || !['list', 'tuple', 'set'].includes(node.type)) return undefined;
  const out: HttpMethod[] = [];
  for (const item of node.namedChildren) {
    if (!item || item.type === 'comment') continue;
    const value = evalString(item, ctx.scope.constants)?.toUpperCase();
    if (value && METHODS.has(value) && !out.includes(value as HttpMethod)) out.push(value as HttpMethod);
  }
  return out;
}

function decoratorRoutes(ctx: Ctx, decorated: Node): void {
  const fn = decoratedFunction(decorated);
  if (!fn) return;
  const { def, name } = fn;
  for (const { decorator, call, receiver, member: verb } of decoratorMemberCalls(decorated)) {
    if ((!VERBS[verb] && verb !== 'api_operation') || !isReceiver(ctx, receiver)) continue;
    const args = positionalArgs(call);
    const isOperation = verb === 'api_operation';
    const path = evalString(keywordArg(call, 'path') ?? (isOperation ? args[1] : args[0]), ctx.scope.constants);
    const methods = isOperation ? methodList(ctx, keywordArg(call, 'methods') ?? args[0]) : [VERBS[verb]!];
    if (path === undefined || !methods) continue;
    for (const method of methods) {
      ctx.facts.push({
        kind: 'route', framework: FRAMEWORK, method, path: ninjaPath(path), router: ref(ctx, receiver), location: loc(ctx.file.path, decorator),
        handler: { name: name ?? '', location: loc(ctx.file.path, def) },
      });
    }
  }
}

function addRouter(ctx: Ctx, call: Node, receiver: string[]): void {
  const args = positionalArgs(call);
  const prefix = evalString(keywordArg(call, 'prefix') ?? args[0], ctx.scope.constants);
  const routerNode = keywordArg(call, 'router') ?? args[1];
  if (prefix === undefined || !routerNode) return;
  const base = { kind: 'mount' as const, framework: FRAMEWORK, parent: ref(ctx, receiver), prefix, location: loc(ctx.file.path, call) };
  const dotted = evalString(routerNode, ctx.scope.constants);
  if (dotted !== undefined) {
    const parts = dotted.split('.');
    if (parts.length < 2) return;
    ctx.facts.push({ ...base, child: ref(ctx, [parts[parts.length - 1]!]), childModule: parts.slice(0, -1).join('.') });
    return;
  }
  const child = dottedPath(routerNode);
  if (child) ctx.facts.push({ ...base, child: ref(ctx, child) });
}

export function extractNinjaRoutes(file: ParsedFile): Fact[] {
  const module = openPythonModule(file, ['ninja']);
  if (!module) return [];
  const { root, scope } = module;
  const ctx: Ctx = { file, scope, facts: [] };
  visitModule(root, {
    assignment: (target, right) => {
      if (target && right?.type === 'call' && ninjaCtor(ctx, right)) pushRouterFact(ctx, FRAMEWORK, target, right);
    },
    decorated: (node) => decoratorRoutes(ctx, node),
    call: (node) => {
      const member = memberCall(node);
      if (member?.member === 'add_router' && isReceiver(ctx, member.receiver)) addRouter(ctx, node, member.receiver);
    },
  });
  return ctx.facts;
}

export const djangoNinjaRoutes: Extractor = {
  id: 'django-ninja/routes',
  languages: ['python'],
  keywords: ['ninja'],
  extract: extractNinjaRoutes,
};
