// FastAPI dependencies as middleware: `dependencies=[Depends(auth)]` and handler parameters whose
// default or Annotated[...] metadata is Depends(...) / Security(...).
import type { MiddlewareRef } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { descendants, dottedPath, loc, type Node } from '../python/ast.js';
import { middlewareRef } from '../python/middleware-roles.js';
import { evalString, type ModuleScope } from '../python/modules.js';
import { field, textOf } from '../tree-sitter/ast.js';

const DEPENDENCY_CALLS = new Set(['Depends', 'Security']);

function isDependencyCall(node: Node | null | undefined): boolean {
  if (node?.type !== 'call') return false;
  const callee = dottedPath(field(node, 'function'));
  return !!callee && DEPENDENCY_CALLS.has(callee[callee.length - 1]!);
}

/** Middleware for each Depends()/Security() element of a `dependencies=[...]` list. */
export function dependencyMiddleware(file: ParsedFile, list: Node | undefined): MiddlewareRef[] {
  if (!list || !['list', 'tuple'].includes(list.type)) return [];
  return list.namedChildren.filter((c) => isDependencyCall(c)).map((call) => middlewareRef(textOf(call), loc(file.path, call)));
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
    for (const call of calls) out.push(middlewareRef(textOf(call), loc(file.path, call)));
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
