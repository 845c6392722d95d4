// Django / DRF views defined in one file: which HTTP methods a function or class view serves,
// which decorators / mixins / permission classes guard it, and which routes a DRF viewset expands to.
import type { HttpMethod, MiddlewareRef } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { descendants, dottedPath, keywordArg, loc, positionalArgs, type Node } from '../python/ast.js';
import { middlewareRef } from '../python/middleware-roles.js';
import { field, textOf } from '../tree-sitter/ast.js';
import {
  baseNames, classBody, decoratorsOf, evalString, httpMethodList, isHttpMethod, type ClassBodyInfo, type ModuleScope,
} from '../python/modules.js';

export interface ViewInfo {
  /** Methods served; 'ANY' when nothing tells. */
  methods: HttpMethod[] | 'ANY';
  handlers: Map<HttpMethod, Node>;
  middleware: MiddlewareRef[];
}

const HTTP_FUNCS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD', options: 'OPTIONS', trace: 'TRACE',
};

/** Django generic views and DRF generics by the methods they serve. */
const BASE_METHODS: Record<string, HttpMethod[]> = {
  TemplateView: ['GET'], ListView: ['GET'], DetailView: ['GET'], ArchiveIndexView: ['GET'], YearArchiveView: ['GET'],
  MonthArchiveView: ['GET'], WeekArchiveView: ['GET'], DayArchiveView: ['GET'], TodayArchiveView: ['GET'], DateDetailView: ['GET'],
  FormView: ['GET', 'POST'], CreateView: ['GET', 'POST'], UpdateView: ['GET', 'POST'], DeleteView: ['GET', 'POST'],
  LoginView: ['GET', 'POST'], PasswordChangeView: ['GET', 'POST'], PasswordResetView: ['GET', 'POST'],
  PasswordResetConfirmView: ['GET', 'POST'], LogoutView: ['POST'],
  ListAPIView: ['GET'], RetrieveAPIView: ['GET'], CreateAPIView: ['POST'], DestroyAPIView: ['DELETE'],
  UpdateAPIView: ['PUT', 'PATCH'], ListCreateAPIView: ['GET', 'POST'], RetrieveUpdateAPIView: ['GET', 'PUT', 'PATCH'],
  RetrieveDestroyAPIView: ['GET', 'DELETE'], RetrieveUpdateDestroyAPIView: ['GET', 'PUT', 'PATCH', 'DELETE'],
};
/** Bases that dispatch to whatever handler methods the class defines. */
const DISPATCHING_BASES = new Set(['View', 'APIView', 'GenericAPIView', 'MethodView']);
const AUTH_MIXINS = new Set(['LoginRequiredMixin', 'PermissionRequiredMixin', 'UserPassesTestMixin', 'AccessMixin']);

const METHOD_DECORATORS: Record<string, HttpMethod[]> = {
  require_POST: ['POST'], require_GET: ['GET'], require_safe: ['GET'],
};
const LIST_DECORATORS = new Set(['require_http_methods', 'api_view']);

function lastName(node: Node | null | undefined): string | undefined {
  const path = dottedPath(node?.type === 'call' ? field(node, 'function') : node);
  return path?.[path.length - 1];
}

/** Methods compared against `request.method` in a function body, plus POST when it reads request.POST/FILES. */
function methodsUsedInBody(def: Node, scope: ModuleScope): HttpMethod[] {
  const request = field(def, 'parameters')?.namedChildren.find((p) => p?.type === 'identifier' || p?.type === 'typed_parameter');
  const requestName = textOf((request?.type === 'typed_parameter' ? (request.namedChildren[0] ?? null) : request)) ?? 'request';
  const body = field(def, 'body');
  const out: HttpMethod[] = [];
  const add = (m: string | undefined) => {
    const upper = m?.toUpperCase();
    if (upper && isHttpMethod(upper) && !out.includes(upper)) out.push(upper);
  };
  for (const attr of body ? descendants(body, ['attribute']) : []) {
    if (!attr) continue;
    const path = dottedPath(attr);
    if (!path || path.length !== 2 || path[0] !== requestName) continue;
    if (path[1] === 'POST' || path[1] === 'FILES') add('POST');
    if (path[1] !== 'method') continue;
    const comparison = attr.parent;
    if (comparison?.type !== 'comparison_operator') continue;
    for (const operand of comparison.namedChildren) {
      if (!operand || operand === attr) continue;
      const single = evalString(operand, scope.constants);
      if (single !== undefined) add(single);
      else for (const m of httpMethodList(operand, scope) ?? []) add(m);
    }
  }
  return out;
}

/** A function view: method decorators, else GET plus what the body checks `request.method` against. */
export function functionViewInfo(file: ParsedFile, scope: ModuleScope, def: Node): ViewInfo {
  let methods: HttpMethod[] | undefined;
  const middleware: MiddlewareRef[] = [];
  for (const decorator of decoratorsOf(def)) {
    const expr = decorator.namedChildren[0] ?? null;
    const name = lastName(expr);
    if (name && METHOD_DECORATORS[name]) methods = METHOD_DECORATORS[name];
    else if (name && LIST_DECORATORS.has(name) && expr?.type === 'call') {
      methods = httpMethodList(keywordArg(expr, 'http_method_names') ?? positionalArgs(expr)[0], scope) ?? ['GET'];
    } else if (name === 'api_view') methods = ['GET'];
    else if (name === 'permission_classes' && expr?.type === 'call') {
      for (const item of positionalArgs(expr)[0]?.namedChildren ?? []) if (item) middleware.push(middlewareRef(textOf(item), loc(file.path, item)));
    } else middleware.push(middlewareRef(textOf(decorator).replace(/^@\s*/, ''), loc(file.path, decorator)));
  }
  methods ??= ['GET', ...methodsUsedInBody(def, scope).filter((m) => m !== 'GET')];
  return { methods, handlers: new Map(methods.map((m) => [m, def])), middleware };
}

/**
 * Auth mixins among a class's bases that are not defined in this file: Django's
 * (`LoginRequiredMixin`, ...) and project mixins named for it (`ApiAuthMixin`, `JwtAuthMixin`).
 */
export function mixinAuth(file: ParsedFile, scope: ModuleScope, cls: Node): MiddlewareRef[] {
  const out: MiddlewareRef[] = [];
  for (const base of baseNames(cls)) {
    if (AUTH_MIXINS.has(base)) out.push({ name: base, role: 'auth', location: loc(file.path, cls) });
    else if (/Mixin$/.test(base) && !scope.classes.has(base)) {
      const ref = middlewareRef(base, loc(file.path, cls));
      if (ref.role === 'auth' || ref.role === 'optional-auth') out.push(ref);
    }
  }
  return out;
}

function classMiddleware(file: ParsedFile, scope: ModuleScope, cls: Node, body: ClassBodyInfo): MiddlewareRef[] {
  const out: MiddlewareRef[] = [];
  for (const decorator of decoratorsOf(cls)) out.push(middlewareRef(textOf(decorator).replace(/^@\s*/, ''), loc(file.path, decorator)));
  out.push(...mixinAuth(file, scope, cls));
  const permissions = body.assignments.get('permission_classes');
  for (const item of permissions?.namedChildren ?? []) {
    if (item && item.type !== 'comment') out.push(middlewareRef(textOf(item), loc(file.path, item)));
  }
  return out;
}

/** A class-based view defined in this file (in-file bases followed). */
export function classViewInfo(file: ParsedFile, scope: ModuleScope, cls: Node, depth = 0): ViewInfo {
  const body = classBody(cls);
  const methods: HttpMethod[] = [];
  const handlers = new Map<HttpMethod, Node>();
  const middleware = classMiddleware(file, scope, cls, body);
  let known = false;
  const add = (m: HttpMethod, handler?: Node) => {
    if (!methods.includes(m)) methods.push(m);
    if (handler) handlers.set(m, handler);
  };
  for (const base of baseNames(cls)) {
    const baseNode = scope.classes.get(base);
    if (baseNode && baseNode !== cls && depth < 8) {
      const inherited = classViewInfo(file, scope, baseNode, depth + 1);
      middleware.push(...inherited.middleware);
      if (inherited.methods !== 'ANY') {
        known = true;
        for (const m of inherited.methods) add(m, inherited.handlers.get(m));
      }
    } else if (BASE_METHODS[base]) {
      known = true;
      for (const m of BASE_METHODS[base]!) add(m, cls);
    } else if (DISPATCHING_BASES.has(base)) known = true;
  }
  for (const [name, def] of body.functions) {
    const method = HTTP_FUNCS[name];
    if (method) {
      known = true;
      add(method, def);
    }
  }
  const allowed = httpMethodList(body.assignments.get('http_method_names'), scope);
  if (allowed) return { methods: methods.filter((m) => allowed.includes(m)), handlers, middleware };
  return { methods: known && methods.length ? methods : 'ANY', handlers, middleware };
}

/** `X.as_view(...)` -> its class name path and the `{'get': 'list'}` action map, if any. */
export function asViewTarget(node: Node | undefined): { target: string[]; actions?: HttpMethod[] } | undefined {
  if (node?.type !== 'call') return undefined;
  const callee = dottedPath(field(node, 'function'));
  if (!callee || callee.length < 2 || callee[callee.length - 1] !== 'as_view') return undefined;
  const first = positionalArgs(node)[0] ?? keywordArg(node, 'actions');
  const actions: HttpMethod[] = [];
  if (first?.type === 'dictionary') {
    for (const pair of first.namedChildren) {
      const key = pair?.type === 'pair' ? field(pair, 'key') : undefined;
      const method = key ? evalString(key, new Map())?.toUpperCase() : undefined;
      if (method && isHttpMethod(method) && !actions.includes(method)) actions.push(method);
    }
  }
  return { target: callee.slice(0, -1), ...(actions.length ? { actions } : {}) };
}
