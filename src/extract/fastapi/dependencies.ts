// FastAPI dependencies as middleware: `dependencies=[Depends(auth)]` and handler parameters whose
// default or Annotated[...] metadata is Depends(...) / Security(...).
import type { MiddlewareRef } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { descendants, dottedPath, loc, type Node } from '../python/ast.js';
import { middlewareRef } from '../python/middleware-roles.js';
import { evalString, type ModuleScope } from '../python/modules.js';
import { field, rootOf, textOf } from '../tree-sitter/ast.js';

const DEPENDENCY_CALLS = new Set(['Depends', 'Security']);

function isDependencyCall(node: Node | null | undefined): boolean {
  if (node?.type !== 'call') return false;
  const callee = dottedPath(field(node, 'function'));
  return !!callee && DEPENDENCY_CALLS.has(callee[callee.length - 1]!);
}

// Dependencies about the signed-in user that the shared classifier reads as plain names
// (`get_current_active_superuser`, `current_active_verified_user`).
const USER_DEPENDENCY = {
  // current_...user or superuser, by index (a `current_\w*user` regex is quadratic on repeated `current_`).
  test(name: string): boolean {
    const lower = name.toLowerCase();
    if (lower.includes('superuser')) return true;
    const at = lower.indexOf('current_');
    if (at < 0) return false;
    const user = lower.indexOf('user', at + 8);
    return user >= 0 && /^\w*$/.test(lower.slice(at + 8, user));
  },
};

/** A MiddlewareRef for a Depends()/Security() call as written. */
function dependencyRef(text: string, location: ReturnType<typeof loc>): MiddlewareRef {
  const ref = middlewareRef(text, location);
  return ref.role === 'other' && USER_DEPENDENCY.test(text) && !/optional/i.test(text) ? { ...ref, role: 'auth' } : ref;
}

/** Middleware for each Depends()/Security() element of a `dependencies=[...]` list. */
export function dependencyMiddleware(file: ParsedFile, list: Node | undefined): MiddlewareRef[] {
  if (!list || !['list', 'tuple'].includes(list.type)) return [];
  return list.namedChildren.filter((c) => isDependencyCall(c)).map((call) => dependencyRef(textOf(call), loc(file.path, call)));
}

// Names FastAPI code gives `Annotated[User, Depends(get_current_user)]` aliases: `CurrentUser`, `TokenDep`.
const ALIAS_NAME = /^(Current|Authenticated|Auth|Active|Verified|LoggedIn|Super)[A-Z]\w*$|[a-z](Dep|Dependency)$/;

/** `CurrentUser = Annotated[...]` / `type CurrentUser = Annotated[...]` at module level: the right-hand side. */
function moduleAlias(def: Node, name: string): Node | undefined {
  for (const stmt of rootOf(def.tree).namedChildren) {
    if (!stmt) continue;
    const assignment = stmt.type === 'expression_statement' ? stmt.namedChildren[0] : stmt.type === 'type_alias_statement' ? stmt : undefined;
    if (!assignment || (assignment.type !== 'assignment' && assignment.type !== 'type_alias_statement')) continue;
    const left = field(assignment, 'left');
    if (left && textOf(left) === name) return field(assignment, 'right') ?? undefined;
  }
  return undefined;
}

/**
 * A parameter typed with an alias (`current_user: CurrentUser`): the Depends() of an in-file
 * `Annotated` alias, else an auth dependency when the alias is named after the signed-in user or a
 * token (aliases are usually shared from a deps module).
 */
function aliasDependencies(file: ParsedFile, def: Node, type: Node | null | undefined): MiddlewareRef[] {
  const inner = type?.type === 'type' ? type.namedChildren[0] : type;
  const path = dottedPath(inner);
  if (!inner || !path) return [];
  const name = path[path.length - 1]!;
  if (path.length === 1 && /^[A-Z]/.test(name)) {
    const alias = moduleAlias(def, name);
    if (alias) return dependencyCallsIn(alias).map((call) => dependencyRef(textOf(call), loc(file.path, call)));
  }
  if (!ALIAS_NAME.test(name)) return [];
  const snake = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  const role = dependencyRef(snake, loc(file.path, inner)).role;
  return role === 'auth' || role === 'optional-auth' ? [{ name: path.join('.'), role, location: loc(file.path, inner) }] : [];
}

function dependencyCallsIn(node: Node | null): Node[] {
  if (!node) return [];
  if (isDependencyCall(node)) return [node];
  return descendants(node, ['call']).filter((c) => isDependencyCall(c));
}

/** Depends()/Security() in a handler's parameters (defaults and Annotated metadata). */
export function parameterDependencies(file: ParsedFile, def: Node): MiddlewareRef[] {
  const params = field(def, 'parameters');
  const out: MiddlewareRef[] = [];
  for (const param of params?.namedChildren ?? []) {
    if (!param) continue;
    const calls = [
      ...(param.type === 'default_parameter' || param.type === 'typed_default_parameter' ? dependencyCallsIn(field(param, 'value')) : []),
      ...(param.type === 'typed_parameter' || param.type === 'typed_default_parameter' ? dependencyCallsIn(field(param, 'type')) : []),
    ];
    for (const call of calls) out.push(dependencyRef(textOf(call), loc(file.path, call)));
    if (calls.length === 0 && (param.type === 'typed_parameter' || param.type === 'typed_default_parameter')) {
      out.push(...aliasDependencies(file, def, field(param, 'type')));
    }
  }
  return out;
}

/** Elements of a list literal: constant strings by value, other expressions as written (`Tags.items`). */
export function stringOrTextList(node: Node | undefined, scope: ModuleScope): string[] {
  if (!node || !['list', 'tuple', 'set'].includes(node.type)) return [];
  const out: string[] = [];
  for (const child of node.namedChildren) {
    if (!child || child.type === 'comment') continue;
    out.push(evalString(child, scope.constants) ?? textOf(child));
  }
  return out;
}
