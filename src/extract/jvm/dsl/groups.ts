// Lambda-grouped route DSLs (Javalin ApiBuilder, Spark): which group calls surround a route call, and
// the "routes method" references that let a group hand its prefix to a method declaring more routes.
import type { Fact, RefExpr } from '../../../core/facts.js';
import { loc, namedChildren, type Node } from '../../tree-sitter/ast.js';
import { callView, type CallView } from '../calls.js';
import type { JvmFile } from '../jvm-source.js';
import { packageRefFile, typeRefs, type StrValue } from '../values.js';
import { enclosingClassName, functionName } from './bindings.js';
import { isCallableReference, joinValue, pathArg } from './common.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

const FUNCTIONS = new Set(['method_declaration', 'constructor_declaration', 'function_declaration']);

export interface Enclosing {
  /** Calls whose lambda argument holds the node, innermost first. */
  groups: { call: CallView; lambda: Node }[];
  /** The method / function around it all. */
  fn?: Node;
}

/** The call a lambda is an argument (or Kotlin trailing lambda) of. */
function callOfLambda(lambda: Node): CallView | undefined {
  let parent = lambda.parent;
  if (parent?.type === 'annotated_lambda') return callView(parent.parent);
  if (parent?.type === 'value_argument') parent = parent.parent;
  if (parent?.type === 'argument_list' || parent?.type === 'value_arguments') {
    let call = parent.parent;
    // Kotlin `path("/x", { ... })` nests value_arguments under the callee call.
    if (call?.type === 'call_expression' && call.parent?.type === 'call_expression') call = call.parent;
    return callView(call);
  }
  return undefined;
}

export function enclosingGroups(node: Node): Enclosing {
  const groups: Enclosing['groups'] = [];
  for (let cur: Node | null = node.parent; cur; cur = cur.parent) {
    if (FUNCTIONS.has(cur.type)) return { groups, fn: cur };
    if (cur.type === 'lambda_expression' || cur.type === 'lambda_literal') {
      const call = callOfLambda(cur);
      if (call) groups.push({ call, lambda: cur });
    }
  }
  return { groups };
}

/** The router of the routes a method / function declares with static DSL calls: { jvm:<pkg>, [Class, method, '$routes'] }. */
export function methodRoutesRef(file: JvmFile, fn: Node | undefined, at: Node): RefExpr {
  if (!fn) return { file: file.path, path: ['$routes'] };
  return { file: packageRefFile(file.packageName), path: [...(enclosingClassName(file, at) ?? []), functionName(fn), '$routes'] };
}

/**
 * A method handed to a group: `path("/x", Routes::users)`, `path("/x", this::users)`, or a call statement
 * `users()` / `Routes.users()` inside a group lambda. Returns the routes ref of that method.
 */
export function calledRoutesRef(file: JvmFile, node: Node): RefExpr | undefined {
  if (isCallableReference(node)) {
    const parts = namedChildren(node);
    const method = parts[parts.length - 1]?.text;
    const owner = parts.length > 1 ? parts[0]! : undefined;
    if (!method) return undefined;
    return ownerRef(file, owner, node, method);
  }
  const call = callView(node);
  if (!call || call.args.length > 0 || call.lambda) return undefined;
  return ownerRef(file, call.receiver, node, call.name);
}

function ownerRef(file: JvmFile, owner: Node | undefined, at: Node, method: string): RefExpr | undefined {
  if (!owner || owner.type === 'this' || owner.type === 'this_expression') {
    const cls = enclosingClassName(file, at);
    return { file: packageRefFile(file.packageName), path: [...(cls ?? []), method, '$routes'] };
  }
  const isName = ['identifier', 'type_identifier', 'simple_identifier', 'scoped_identifier', 'scoped_type_identifier', 'field_access', 'navigation_expression'].includes(owner.type);
  if (isName && /^[A-Z]/.test(owner.text.split('.').pop() ?? '') && /^[\w.]+$/.test(owner.text)) {
    const ref = typeRefs(file, owner.text)[0];
    return ref ? { file: ref.file, path: [...ref.path, method, '$routes'] } : undefined;
  }
  return undefined;
}

/** A mount of a routes method under a router, at a (literal or constant) prefix. */
export function methodMount(file: JvmFile, framework: string, parent: RefExpr, child: RefExpr, prefix: StrValue, at: Node): Fact[] {
  const location = loc(file.path, at);
  if (prefix.kind === 'literal') return [{ kind: 'mount', framework, parent, child, prefix: prefix.text, location }];
  if (prefix.kind === 'ref') return [{ kind: 'mount', framework, parent, child, prefix: prefix.fallback, prefixRef: prefix.ref, location }];
  return [];
}

/** Expression statements of a lambda body (Java block or expression, Kotlin statements). */
export function lambdaBodyStatements(lambda: Node): Node[] {
  if (lambda.type === 'lambda_expression') {
    const body = fieldOf(lambda, 'body');
    if (!body) return [];
    if (body.type !== 'block') return [body];
    return namedChildren(body).flatMap((s) => (s.type === 'expression_statement' ? namedChildren(s).slice(0, 1) : []));
  }
  return namedChildren(lambda).filter((k) => k.type !== 'lambda_parameters');
}

/**
 * `path("/p", Routes::users)` or `path("/p", () -> { users(); })` (Javalin ApiBuilder, Spark): the
 * routes of the methods handed to the group, mounted under the group's prefix on `ctx.router`.
 */
export function groupMethodMounts(file: JvmFile, framework: string, call: CallView, ctx: { prefix: StrValue; router: RefExpr }, at: Node): Fact[] {
  const prefix = joinValue(ctx.prefix, pathArg(file, call.args[0]));
  const group = call.args[1] ?? call.lambda;
  if (!group) return [];
  const targets = group.type === 'lambda_expression' || group.type === 'lambda_literal' ? lambdaBodyStatements(group) : [group];
  return targets.flatMap((target) => {
    const ref = calledRoutesRef(file, target);
    return ref ? methodMount(file, framework, ctx.router, ref, prefix, at) : [];
  });
}
