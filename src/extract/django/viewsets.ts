// DRF viewsets registered on a router: which standard actions and @action extras a viewset has,
// and the routes (relative to the register() prefix) that a router generates for them.
import type { HttpMethod, MiddlewareRef } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { dottedPath, keywordArg, loc, type Node } from '../python/ast.js';
import { middlewareRef } from '../python/middleware-roles.js';
import { mixinAuth } from './views.js';
import { baseNames, classBody, decoratorsOf, evalString, httpMethodList, type ModuleScope } from '../python/modules.js';
import { field, textOf } from '../tree-sitter/ast.js';

type Action = 'list' | 'create' | 'retrieve' | 'update' | 'partial_update' | 'destroy';

const ACTION_ROUTES: Record<Action, { method: HttpMethod; detail: boolean }> = {
  list: { method: 'GET', detail: false },
  create: { method: 'POST', detail: false },
  retrieve: { method: 'GET', detail: true },
  update: { method: 'PUT', detail: true },
  partial_update: { method: 'PATCH', detail: true },
  destroy: { method: 'DELETE', detail: true },
};
const ALL_ACTIONS = Object.keys(ACTION_ROUTES) as Action[];

const BASE_ACTIONS: Record<string, Action[]> = {
  ModelViewSet: ALL_ACTIONS,
  ReadOnlyModelViewSet: ['list', 'retrieve'],
  ListModelMixin: ['list'],
  CreateModelMixin: ['create'],
  RetrieveModelMixin: ['retrieve'],
  UpdateModelMixin: ['update', 'partial_update'],
  DestroyModelMixin: ['destroy'],
};
const EMPTY_BASES = new Set(['GenericViewSet', 'ViewSet', 'ViewSetMixin', 'GenericAPIView', 'APIView']);

export interface GeneratedRoute {
  method: HttpMethod;
  /** Relative to the register() prefix, no leading slash: '', '{pk}/', 'stats/', '{pk}/publish/'. */
  path: string;
  handler: string;
  handlerNode?: Node;
}

export interface ViewsetInfo {
  routes: GeneratedRoute[];
  middleware: MiddlewareRef[];
}

interface Collected {
  actions: Map<Action, Node | undefined>;
  extras: { name: string; def: Node; decorator: Node }[];
  known: boolean;
  lookup?: string;
  middleware: MiddlewareRef[];
}

function collect(file: ParsedFile, scope: ModuleScope, cls: Node, depth: number): Collected {
  const out: Collected = { actions: new Map(), extras: [], known: false, middleware: [] };
  for (const base of baseNames(cls)) {
    const baseNode = scope.classes.get(base);
    if (baseNode && baseNode !== cls && depth < 8) {
      const inherited = collect(file, scope, baseNode, depth + 1);
      out.known ||= inherited.known;
      for (const [a, n] of inherited.actions) out.actions.set(a, n);
      out.extras.push(...inherited.extras);
      out.lookup = inherited.lookup ?? out.lookup;
      out.middleware.push(...inherited.middleware);
    } else if (BASE_ACTIONS[base]) {
      out.known = true;
      for (const a of BASE_ACTIONS[base]!) if (!out.actions.has(a)) out.actions.set(a, undefined);
    } else if (EMPTY_BASES.has(base)) out.known = true;
  }
  const body = classBody(cls);
  for (const [name, def] of body.functions) {
    if (name in ACTION_ROUTES) {
      out.known = true;
      out.actions.set(name as Action, def);
    }
    const decorator = decoratorsOf(def).find((d) => ['action', 'list_route', 'detail_route'].includes(lastName(d.namedChildren[0] ?? null) ?? ''));
    if (decorator) {
      out.extras = out.extras.filter((e) => e.name !== name);
      out.extras.push({ name, def, decorator });
    }
  }
  const lookup = body.assignments.get('lookup_url_kwarg') ?? body.assignments.get('lookup_field');
  const lookupValue = evalString(lookup, scope.constants);
  if (lookupValue) out.lookup = lookupValue;
  for (const item of body.assignments.get('permission_classes')?.namedChildren ?? []) {
    if (item.type !== 'comment') out.middleware.push(middlewareRef(textOf(item), loc(file.path, item)));
  }
  for (const decorator of decoratorsOf(cls)) out.middleware.push(middlewareRef(textOf(decorator).replace(/^@\s*/, ''), loc(file.path, decorator)));
  out.middleware.push(...mixinAuth(file, scope, cls));
  return out;
}

function lastName(node: Node | null | undefined): string | undefined {
  const path = dottedPath(node?.type === 'call' ? field(node, 'function') : node);
  return path?.[path.length - 1];
}

function extraRoute(scope: ModuleScope, extra: Collected['extras'][number], lookup: string, slash: string, className: string): GeneratedRoute[] {
  const expr = extra.decorator.namedChildren[0] ?? null;
  const name = lastName(expr);
  const call = expr?.type === 'call' ? expr : undefined;
  const detailNode = call ? keywordArg(call, 'detail') : undefined;
  const detail = name === 'detail_route' || detailNode?.type === 'true';
  const methods = (call ? httpMethodList(keywordArg(call, 'methods'), scope) : undefined) ?? ['GET' as const];
  const urlPath = (call ? evalString(keywordArg(call, 'url_path'), scope.constants) : undefined) ?? extra.name;
  const path = `${detail ? `{${lookup}}/` : ''}${urlPath}${slash}`;
  return methods.map((method) => ({ method, path, handler: `${className}.${extra.name}`, handlerNode: extra.def }));
}

/**
 * Routes a router generates for a viewset: the class when it is defined in this file, else the full
 * ModelViewSet set under the name as written.
 */
export function viewsetRoutes(file: ParsedFile, scope: ModuleScope, cls: Node | undefined, name: string, slash: string): ViewsetInfo {
  const collected: Collected = cls
    ? collect(file, scope, cls, 0)
    : { actions: new Map(), extras: [], known: false, middleware: [] };
  const actions = collected.known ? collected.actions : new Map<Action, Node | undefined>(ALL_ACTIONS.map((a) => [a, collected.actions.get(a)]));
  const lookup = collected.lookup ?? 'pk';
  const routes: GeneratedRoute[] = [];
  for (const action of ALL_ACTIONS) {
    if (!actions.has(action)) continue;
    const { method, detail } = ACTION_ROUTES[action];
    const node = actions.get(action);
    routes.push({ method, path: detail ? `{${lookup}}${slash}` : '', handler: `${name}.${action}`, ...(node ? { handlerNode: node } : {}) });
  }
  for (const extra of collected.extras) routes.push(...extraRoute(scope, extra, lookup, slash, name));
  return { routes, middleware: collected.middleware };
}
