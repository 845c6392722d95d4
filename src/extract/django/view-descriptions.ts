// What each view of a Django views module serves, described from its own file so that a URLconf in
// another file (`path('x/', views.X.as_view())`, `router.register('x', views.XViewSet)`) can be refined:
// function views, class-based views and DRF viewsets, with the routes they answer relative to where
// they are registered ('' = the registered path itself) and the guards they declare.
import type { HttpMethod, MiddlewareRef } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { dottedPath, type Node } from '../python/ast.js';
import { baseNames, decoratorsOf, type ModuleScope } from '../python/modules.js';
import { classViewInfo, functionViewInfo } from './views.js';
import { viewsetRoutes } from './viewsets.js';
import { field, textOf } from '../tree-sitter/ast.js';

export interface ViewDescription {
  /** Module-level name of the view. */
  name: string;
  /** The def / class node (its location is the view's). */
  node: Node;
  kind: 'function' | 'class' | 'viewset';
  /** Relative to where the view is registered; viewsets: '' (list), '{pk}/' (detail), '{pk}/publish/' ... */
  routes: { method: HttpMethod; path: string; handler: string; handlerNode?: Node }[];
  middleware: MiddlewareRef[];
}

const VIEW_DECORATORS = new Set(['api_view', 'require_http_methods', 'require_POST', 'require_GET', 'require_safe', 'login_required']);

function isViewsetClass(scope: ModuleScope, cls: Node, depth = 0): boolean {
  return baseNames(cls).some((base) => {
    if (base.endsWith('ViewSet') || base === 'ViewSetMixin') return true;
    const inFile = scope.classes.get(base);
    return !!inFile && inFile !== cls && depth < 8 && isViewsetClass(scope, inFile, depth + 1);
  });
}

/** A module-level function that takes the request first, or carries a view decorator. */
function isFunctionView(def: Node): boolean {
  const first = field(def, 'parameters')?.namedChildren[0];
  const firstName = textOf((first?.type === 'typed_parameter' ? (first.namedChildren[0] ?? null) : first));
  if (firstName === 'request') return true;
  return decoratorsOf(def).some((d) => {
    const expr = d.namedChildren[0] ?? null;
    const path = dottedPath(expr?.type === 'call' ? field(expr, 'function') : expr);
    return !!path && VIEW_DECORATORS.has(path[path.length - 1]!);
  });
}

function moduleDefinitions(root: Node): Node[] {
  const out: Node[] = [];
  for (const statement of root.namedChildren) {
    const def = statement.type === 'decorated_definition' ? field(statement, 'definition') : statement;
    if (def?.type === 'function_definition' || def?.type === 'class_definition') out.push(def);
  }
  return out;
}

/** Views of one module whose served methods are known from this file alone. */
export function describeDjangoViews(file: ParsedFile, scope: ModuleScope, root: Node): ViewDescription[] {
  const out: ViewDescription[] = [];
  if ([...scope.packages].some((p) => p === 'flask' || p.startsWith('flask_') || p === 'fastapi')) return out;
  for (const def of moduleDefinitions(root)) {
    const name = textOf(field(def, 'name'));
    if (!name) continue;
    if (def.type === 'function_definition') {
      if (!isFunctionView(def)) continue;
      const info = functionViewInfo(file, scope, def);
      if (info.methods === 'ANY') continue;
      out.push({ name, node: def, kind: 'function', routes: info.methods.map((method) => ({ method, path: '', handler: name, handlerNode: def })), middleware: info.middleware });
    } else if (isViewsetClass(scope, def)) {
      const { routes, middleware } = viewsetRoutes(file, scope, def, name, '/');
      out.push({ name, node: def, kind: 'viewset', routes, middleware });
    } else {
      const info = classViewInfo(file, scope, def);
      if (info.methods === 'ANY' || info.methods.length === 0) continue;
      const routes = info.methods.map((method) => {
        const handlerNode = info.handlers.get(method);
        const isMethod = handlerNode !== undefined && handlerNode !== def;
        return { method, path: '', handler: isMethod ? `${name}.${method.toLowerCase()}` : name, ...(handlerNode ? { handlerNode } : {}) };
      });
      out.push({ name, node: def, kind: 'class', routes, middleware: info.middleware });
    }
  }
  return out;
}
