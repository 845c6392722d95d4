// Name binding inside one Go file: which RefExpr a name stands for in a function, per the
// conventions of core/facts.ts (package-level names and parameters live at the package
// directory '<dir>/', locals at the file with a function-qualified name).
import type { RefExpr } from '../../core/facts.js';
import { namedArgs, parameters, typeName, walk, type GoTypeName, type Node } from './ast.js';
import { ROUTER_TYPES, verbMethod, type GoFramework } from './frameworks.js';

export interface Binding {
  ref: RefExpr;
  /** Known router, with its framework when known. */
  router?: GoFramework | 'unknown';
  /** Used like a router in its function (receiver of route / group / use calls). */
  routerish?: boolean;
  type?: GoTypeName;
  /** Constant string value (`prefix := "/api"`, `const p = "/x"`). */
  str?: string;
  /** The ref is a parameter, return value or package name: assignments do not rebind it. */
  fixed?: boolean;
}

export interface Scope {
  parent?: Scope;
  qual: string;
  names: Map<string, Binding>;
}

/** The package directory of a file, with a trailing slash ('/' for the repository root). */
export function packageDir(file: string): string {
  const i = file.lastIndexOf('/');
  return i < 0 ? '/' : `${file.slice(0, i)}/`;
}

const FUNCTION_NODES = ['func_literal', 'function_declaration', 'method_declaration'];

/** Names declared in a function body (locals), not counting nested function literals. */
export function declaredNames(body: Node | null | undefined): Set<string> {
  const out = new Set<string>();
  if (!body) return out;
  walk(body, (node) => {
    if (node !== body && FUNCTION_NODES.includes(node.type)) return false;
    switch (node.type) {
      case 'short_var_declaration':
      case 'range_clause':
      case 'receive_statement': {
        const left = node.childForFieldName('left');
        const isDecl = node.type === 'short_var_declaration' || node.children.some((c) => c?.type === ':=');
        if (isDecl) for (const id of namedArgs(left)) if (id.type === 'identifier') out.add(id.text);
        break;
      }
      case 'var_spec':
      case 'const_spec':
        for (const id of node.childrenForFieldName('name')) if (id) out.add(id.text);
        break;
      case 'type_switch_statement': {
        const alias = node.childForFieldName('alias');
        for (const id of namedArgs(alias)) if (id.type === 'identifier') out.add(id.text);
        break;
      }
      default:
        break;
    }
    return undefined;
  });
  return out;
}

/** Local names returned by the function (first value of `return x`), not counting nested literals. */
export function returnedNames(body: Node | null | undefined, locals: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  if (!body) return out;
  walk(body, (node) => {
    if (node !== body && FUNCTION_NODES.includes(node.type)) return false;
    if (node.type === 'return_statement') {
      const list = namedArgs(node)[0];
      const first = list?.type === 'expression_list' ? namedArgs(list)[0] : list;
      if (first?.type === 'identifier' && locals.has(first.text)) out.add(first.text);
    }
    return undefined;
  });
  return out;
}

const ROUTERISH_METHODS = new Set([
  'Group', 'Route', 'Mount', 'Handle', 'HandleFunc', 'PathPrefix', 'With', 'StaticFile', 'MethodFunc', 'NewRoute', 'Subrouter',
]);

/** Names used as the receiver of router-like calls anywhere in a function (closures included). */
export function routerishNames(body: Node | null | undefined): Set<string> {
  const out = new Set<string>();
  if (!body) return out;
  walk(body, (node) => {
    if (node.type !== 'call_expression') return undefined;
    const fn = node.childForFieldName('function');
    if (fn?.type !== 'selector_expression') return undefined;
    const name = fn.childForFieldName('field')?.text ?? '';
    const operand = fn.childForFieldName('operand');
    if (operand?.type !== 'identifier') return undefined;
    const args = node.childForFieldName('arguments')?.namedChildren.filter((c) => c && c.type !== 'comment') ?? [];
    const first = args[0]?.type;
    const pathLike = first === 'interpreted_string_literal' || first === 'raw_string_literal';
    if (ROUTERISH_METHODS.has(name) || (verbMethod(name) && args.length >= 2 && pathLike)) out.add(operand.text);
    return undefined;
  });
  return out;
}

/** The framework of a router parameter type (`*gin.RouterGroup`, `chi.Router`), given the file's import map. */
export function routerTypeFramework(
  type: Node | undefined,
  frameworkOfLocal: (local: string) => GoFramework | undefined,
): GoFramework | undefined {
  const t = typeName(type);
  if (!t?.pkg) return undefined;
  const fw = frameworkOfLocal(t.pkg);
  return fw && ROUTER_TYPES[fw].has(t.name) ? fw : undefined;
}

export { parameters };
