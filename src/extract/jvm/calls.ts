// One view of a method call for Java (method_invocation) and Kotlin (call_expression, with an optional
// trailing lambda), so call-chain route declarations (RouterFunctions, router DSLs, registries) are
// read once for both languages.
import type { Node } from '../tree-sitter/ast.js';
import { namedChildren } from '../tree-sitter/ast.js';
import { javaExpr } from './java-ast.js';
import type { JvmClass, JvmExpr, JvmFile } from './jvm-source.js';
import { allClasses } from './jvm-source.js';
import { kotlinExpr } from './kotlin-ast.js';
import { classChain, evalStrings, type Scope, type StrValue } from './values.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

export interface CallView {
  node: Node;
  name: string;
  nameNode: Node;
  /** `a` in `a.b(...)`; undefined for a bare call. */
  receiver?: Node;
  args: Node[];
  /** Kotlin trailing lambda (`GET("/x") { ... }`, `coRouter { ... }`). */
  lambda?: Node;
}

function kotlinArgs(list: Node | undefined): Node[] {
  return namedChildren(list).filter((a) => a.type === 'value_argument').map((a) => {
    const kids = namedChildren(a);
    return kids[kids.length - 1]!;
  }).filter(Boolean);
}

export function callView(node: Node | null | undefined): CallView | undefined {
  if (!node) return undefined;
  if (node.type === 'method_invocation') {
    const nameNode = fieldOf(node, 'name');
    if (!nameNode) return undefined;
    const receiver = fieldOf(node, 'object') ?? undefined;
    return { node, name: nameNode.text, nameNode, ...(receiver ? { receiver } : {}), args: namedChildren(fieldOf(node, 'arguments')) };
  }
  if (node.type !== 'call_expression') return undefined;
  const kids = namedChildren(node);
  let callee = kids[0];
  let args = kids.find((k) => k.type === 'value_arguments');
  const lambdaNode = kids.find((k) => k.type === 'annotated_lambda');
  // `GET("/x") { ... }` nests the argument call inside the lambda call.
  if (callee?.type === 'call_expression' && !args) {
    const inner = namedChildren(callee);
    args = inner.find((k) => k.type === 'value_arguments');
    if (inner.some((k) => k.type === 'annotated_lambda')) return undefined;
    callee = inner[0];
  }
  const lambda = lambdaNode ? namedChildren(lambdaNode).find((k) => k.type === 'lambda_literal') : undefined;
  const base = { node, args: kotlinArgs(args), ...(lambda ? { lambda } : {}) };
  if (callee?.type === 'identifier') return { ...base, name: callee.text, nameNode: callee };
  if (callee?.type === 'navigation_expression') {
    const parts = namedChildren(callee);
    const nameNode = parts[parts.length - 1];
    if (!nameNode || parts.length < 2) return undefined;
    return { ...base, name: nameNode.text, nameNode, receiver: parts[0]! };
  }
  return undefined;
}

/** Expression statements of a lambda body (Java `x -> expr` / `x -> { ...; }`, Kotlin `{ a -> ... }`). */
export function lambdaStatements(node: Node | undefined): Node[] {
  if (!node) return [];
  if (node.type === 'lambda_expression') {
    const body = fieldOf(node, 'body');
    if (!body) return [];
    return body.type === 'block' ? blockExpressions(body) : [body];
  }
  if (node.type === 'lambda_literal') return namedChildren(node).filter((k) => k.type !== 'lambda_parameters');
  if (node.type === 'block') return blockExpressions(node);
  return [];
}

function blockExpressions(block: Node): Node[] {
  const out: Node[] = [];
  for (const statement of namedChildren(block)) {
    if (statement.type === 'expression_statement' || statement.type === 'return_statement') {
      const expr = namedChildren(statement)[0];
      if (expr) out.push(expr);
    } else out.push(statement);
  }
  return out;
}

/** The lambda argument of a call, if any (Java last argument, Kotlin trailing lambda). */
export function lambdaArg(call: CallView): Node | undefined {
  if (call.lambda) return call.lambda;
  return call.args.find((a) => a.type === 'lambda_expression' || a.type === 'lambda_literal' || a.type === 'annotated_lambda');
}

/** The innermost class declaring `node`, for constant lookup. */
export function scopeAt(file: JvmFile, node: Node): Scope {
  let best: JvmClass | undefined;
  for (const cls of allClasses(file)) {
    if (cls.node.startIndex <= node.startIndex && node.endIndex <= cls.node.endIndex) {
      if (!best || cls.node.startIndex >= best.node.startIndex) best = cls;
    }
  }
  return { file, classes: best ? classChain(file, best) : [] };
}

export function exprOf(file: JvmFile, node: Node): JvmExpr {
  return file.language === 'java' ? javaExpr(node) : kotlinExpr(node);
}

/** String values of an argument node (constants and concatenation resolved). */
export function argStrings(file: JvmFile, node: Node | undefined): StrValue[] {
  if (!node) return [];
  return evalStrings(exprOf(file, node), scopeAt(file, node));
}
