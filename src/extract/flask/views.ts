// Flask class-based views resolvable in one file: MethodView / flask-restful Resource (one route per
// defined method), View with `methods = [...]`, and the `decorators = [...]` they apply.
import type { HttpMethod, MiddlewareRef } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { dottedPath, loc, positionalArgs, type Node } from '../python/ast.js';
import { middlewareRef } from '../python/middleware-roles.js';
import { baseNames, classBody, httpMethodList, type ModuleScope } from '../python/modules.js';
import { field, textOf } from '../tree-sitter/ast.js';

const METHOD_FUNCS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD', options: 'OPTIONS', query: 'QUERY',
};

export interface ViewInfo {
  methods: HttpMethod[];
  handlers: Map<HttpMethod, Node>;
  middleware: MiddlewareRef[];
}

/** Methods, handlers and decorators of a Flask view class defined in this file (follows in-file bases). */
export function flaskViewInfo(file: ParsedFile, scope: ModuleScope, cls: Node, depth = 0): ViewInfo {
  const info: ViewInfo = { methods: [], handlers: new Map(), middleware: [] };
  const { assignments, functions } = classBody(cls);
  for (const base of baseNames(cls)) {
    const baseNode = scope.classes.get(base);
    if (!baseNode || baseNode === cls || depth > 8) continue;
    const inherited = flaskViewInfo(file, scope, baseNode, depth + 1);
    for (const m of inherited.methods) if (!info.methods.includes(m)) info.methods.push(m);
    for (const [m, h] of inherited.handlers) info.handlers.set(m, h);
    info.middleware.push(...inherited.middleware);
  }
  for (const [name, def] of functions) {
    const method = METHOD_FUNCS[name];
    if (!method) continue;
    if (!info.methods.includes(method)) info.methods.push(method);
    info.handlers.set(method, def);
  }
  const declared = assignments.get('methods');
  if (declared && ['list', 'tuple', 'set'].includes(declared.type)) {
    const methods = httpMethodList(declared, scope);
    if (methods?.length) info.methods = methods;
  }
  const decorators = assignments.get('decorators') ?? assignments.get('method_decorators');
  for (const item of decorators?.namedChildren ?? []) {
    if (item && item.type !== 'comment') info.middleware.push(middlewareRef(textOf(item), loc(file.path, item)));
  }
  return info;
}

/** The in-file class a view expression refers to: `Cls.as_view('x')`, or a name bound to it. */
export function viewClassOf(scope: ModuleScope, node: Node | undefined): Node | undefined {
  let expr = node;
  if (expr?.type === 'identifier' && !scope.classes.has(textOf(expr))) expr = scope.calls.get(textOf(expr)) ?? expr;
  if (expr?.type === 'call') {
    const callee = dottedPath(field(expr, 'function'));
    if (callee && callee.length >= 2 && callee[callee.length - 1] === 'as_view') {
      return scope.classes.get(callee[callee.length - 2]!);
    }
    // A decorator applied by hand: login_required(view)
    return viewClassOf(scope, positionalArgs(expr)[0]);
  }
  return expr?.type === 'identifier' ? scope.classes.get(textOf(expr)) : undefined;
}

const VIEW_BASES = new Set(['Resource', 'MethodView', 'View']);

function isFlaskViewClass(scope: ModuleScope, cls: Node, depth = 0): boolean {
  return baseNames(cls).some((base) => {
    if (VIEW_BASES.has(base)) return true;
    const inFile = scope.classes.get(base);
    return !!inFile && inFile !== cls && depth < 8 && isFlaskViewClass(scope, inFile, depth + 1);
  });
}

export interface FlaskViewDescription {
  name: string;
  node: Node;
  info: ViewInfo;
}

/**
 * Class-based views of one module (flask-restful / flask-restx Resource, MethodView, View with methods),
 * described from their own file so that `add_resource(X, ...)` / `add_url_rule(view_func=X.as_view())`
 * in another file can be refined.
 */
export function describeFlaskViews(file: ParsedFile, scope: ModuleScope, root: Node): FlaskViewDescription[] {
  const out: FlaskViewDescription[] = [];
  // Django has a View class too: only modules that import Flask (or a Flask extension) are Flask views.
  if (![...scope.packages].some((p) => p === 'flask' || p.startsWith('flask_'))) return out;
  for (const statement of root.namedChildren) {
    const def = statement.type === 'decorated_definition' ? field(statement, 'definition') : statement;
    const name = def?.type === 'class_definition' ? textOf(field(def, 'name')) : undefined;
    if (!def || !name || !isFlaskViewClass(scope, def)) continue;
    const info = flaskViewInfo(file, scope, def);
    if (info.methods.length) out.push({ name, node: def, info });
  }
  return out;
}
