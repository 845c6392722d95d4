// Name binding inside one Go file: which RefExpr a name stands for in a function, per the
// conventions of core/facts.ts (package-level names and parameters live at the package
// directory '<dir>/', locals at the file with a function-qualified name).
import type { RefExpr } from '../../core/facts.js';
import { declaredIdentifiers, namedArgs, parameters, typeName, type GoTypeName, type Node } from './ast.js';
import { ROUTER_TYPES, verbMethod, type GoFramework } from './frameworks.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

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

const FUNCTION_NODES = new Set(['func_literal', 'function_declaration', 'method_declaration']);

/** Node types whose subtrees hold no call, declaration or function: walks do not enter them. */
export const LEAF_TYPES = new Set([
  'identifier', 'field_identifier', 'type_identifier', 'package_identifier', 'interpreted_string_literal',
  'raw_string_literal', 'int_literal', 'float_literal', 'imaginary_literal', 'rune_literal', 'comment', 'true', 'false',
  'nil', 'iota', 'parameter_list', 'type_declaration', 'qualified_type', 'pointer_type', 'slice_type', 'map_type',
  'struct_type', 'interface_type', 'function_type', 'channel_type', 'array_type', 'generic_type', 'type_arguments',
  'import_declaration', 'package_clause', 'escape_sequence', '.', ',', '(', ')', '{', '}', ':=', '=',
]);

const ROUTERISH_METHODS = new Set([
  'Group', 'Route', 'Mount', 'Handle', 'HandleFunc', 'PathPrefix', 'With', 'StaticFile', 'MethodFunc', 'NewRoute', 'Subrouter',
  'Party', 'PartyFunc', 'HandleMany', 'BindHandler', 'Bind', 'AddRoute', 'AddRoutes', 'Controller',
]);

/** What one function (declaration or literal) declares and returns. */
export interface FunctionInfo {
  /** Names declared in the body, not counting nested function literals. */
  declared: Set<string>;
  /** Identifiers returned as the first value of `return x` (nested literals not counted). */
  returned: Set<string>;
  /** Names used as receivers of router-like calls, closures included (top-level functions only). */
  routerish: Set<string>;
}

/**
 * One pass over a file (tree cursor, few node objects): FunctionInfo per function node id.
 * A literal's routerish names are added to its enclosing top-level function.
 */
export function scanFunctions(root: Node): Map<number, FunctionInfo> {
  const out = new Map<number, FunctionInfo>();
  const stack: { depth: number; info: FunctionInfo }[] = [];
  const cursor = root.walk();
  let depth = 0;
  const enter = () => {
    if (!cursor.nodeIsNamed) return;
    const type = cursor.nodeType;
    if (FUNCTION_NODES.has(type)) {
      const info: FunctionInfo = { declared: new Set(), returned: new Set(), routerish: stack[0]?.info.routerish ?? new Set() };
      out.set(cursor.nodeId, info);
      stack.push({ depth, info });
      return;
    }
    const top = stack[stack.length - 1]?.info;
    if (!top) return;
    switch (type) {
      case 'short_var_declaration':
      case 'range_clause':
      case 'receive_statement': {
        const node = cursor.currentNode;
        const isDecl = type === 'short_var_declaration' || node.children.some((c) => c?.type === ':=');
        if (isDecl) for (const id of namedArgs(fieldOf(node, 'left'))) if (id.type === 'identifier') top.declared.add(id.text);
        break;
      }
      case 'var_spec':
      case 'const_spec':
        for (const id of declaredIdentifiers(cursor.currentNode)) top.declared.add(id.text);
        break;
      case 'type_switch_statement':
        for (const id of namedArgs(fieldOf(cursor.currentNode, 'alias'))) if (id.type === 'identifier') top.declared.add(id.text);
        break;
      case 'return_statement': {
        const list = namedArgs(cursor.currentNode)[0];
        const first = list?.type === 'expression_list' ? namedArgs(list)[0] : list;
        if (first?.type === 'identifier') top.returned.add(first.text);
        break;
      }
      case 'call_expression': {
        const name = routerishReceiver(cursor.currentNode);
        if (name) top.routerish.add(name);
        break;
      }
      default:
        break;
    }
  };
  const exit = () => {
    const top = stack[stack.length - 1];
    if (top && top.depth === depth) stack.pop();
  };
  enter();
  for (;;) {
    if (!LEAF_TYPES.has(cursor.nodeType) && cursor.gotoFirstChild()) {
      depth++;
      enter();
      continue;
    }
    for (;;) {
      exit();
      if (cursor.gotoNextSibling()) {
        enter();
        break;
      }
      if (!cursor.gotoParent()) {
        cursor.delete();
        for (const info of out.values()) for (const name of info.returned) if (!info.declared.has(name)) info.returned.delete(name);
        return out;
      }
      depth--;
    }
  }
}

/** `r` for `r.GET("/x", h)`, `r.Group(...)`, `r.HandleFunc(...)`: a name used like a router. */
function routerishReceiver(call: Node): string | undefined {
  const fn = fieldOf(call, 'function');
  if (fn?.type !== 'selector_expression') return undefined;
  const operand = fieldOf(fn, 'operand');
  if (operand?.type !== 'identifier') return undefined;
  const name = fieldOf(fn, 'field')?.text ?? '';
  if (ROUTERISH_METHODS.has(name)) return operand.text;
  if (!verbMethod(name)) return undefined;
  const args = namedArgs(fieldOf(call, 'arguments'));
  const first = args[0]?.type;
  return args.length >= 2 && (first === 'interpreted_string_literal' || first === 'raw_string_literal') ? operand.text : undefined;
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
