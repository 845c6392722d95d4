// Spring WebMvc.fn / WebFlux.fn functional routes:
// - Java builder `route().GET("/x", h).nest(path("/p"), b -> b.POST(...)).path("/q", b -> ...).build()`;
// - static `RouterFunctions.route(GET("/x").and(accept(JSON)), h).andRoute(POST("/y"), h2).andNest(...)`;
// - Kotlin DSL `router { }` / `coRouter { "/posts".nest { GET("", h) }; GET("/x") { ... } }`.
// Routes are emitted without a router, the nest prefixes already joined.
import type { Fact, HttpMethod } from '../../core/facts.js';
import type { Node } from '../tree-sitter/ast.js';
import { namedChildren } from '../tree-sitter/ast.js';
import { argStrings, callView, lambdaArg, lambdaStatements, type CallView } from './calls.js';
import type { JvmFile } from './jvm-source.js';
import { joinLiteral } from './class-facts.js';
import { routeFacts } from './route-emit.js';
import type { StrValue } from './values.js';

const VERBS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const ROOTS = new Set(['route', 'nest', 'router', 'coRouter']);
const MAX_DEPTH = 24;
/** Argument nodes that are handlers, not paths: `GET(h::all)`, `GET(req -> ...)`. */
const HANDLER_TYPES = new Set(['method_reference', 'callable_reference', 'lambda_expression', 'lambda_literal', 'annotated_lambda']);

interface FnRoute {
  method: HttpMethod;
  path: StrValue;
  at: Node;
}

interface Predicate {
  method?: HttpMethod;
  path?: StrValue;
}

const EMPTY: StrValue = { kind: 'literal', text: '' };

function joinValue(prefix: StrValue, path: StrValue): StrValue {
  if (prefix.kind === 'unknown' || path.kind === 'unknown') return { kind: 'unknown' };
  if (path.kind === 'ref') return prefix.kind === 'literal' && prefix.text === '' ? path : { kind: 'unknown' };
  if (prefix.kind === 'ref') return { ...prefix, suffix: joinLiteral(prefix.suffix, path.text) };
  return { kind: 'literal', text: prefix.text === '' ? path.text : joinLiteral(prefix.text, path.text) };
}

class FunctionalReader {
  constructor(private readonly file: JvmFile) {}

  /** Request predicate: GET("/x"), path("/p"), method(HttpMethod.GET), "/p" (Kotlin), a.and(b), a and b. */
  predicate(node: Node | undefined, depth = 0): Predicate {
    if (!node || depth > MAX_DEPTH) return {};
    if (node.type === 'parenthesized_expression') return this.predicate(namedChildren(node)[0], depth + 1);
    if (node.type === 'string_literal' || node.type === 'identifier' || node.type === 'binary_expression') {
      const value = argStrings(this.file, node)[0];
      return value && value.kind !== 'unknown' ? { path: value } : {};
    }
    if (node.type === 'infix_expression') {
      const [left, op, right] = namedChildren(node);
      if (op?.text !== 'and') return {};
      return { ...this.predicate(right, depth + 1), ...this.predicate(left, depth + 1) };
    }
    const call = callView(node);
    if (!call) return {};
    const own = this.ownPredicate(call);
    if (call.name === 'and' && call.receiver) {
      return { ...this.predicate(call.args[0], depth + 1), ...this.predicate(call.receiver, depth + 1), ...own };
    }
    return own;
  }

  private ownPredicate(call: CallView): Predicate {
    if (VERBS.has(call.name)) {
      const path = call.args[0] ? argStrings(this.file, call.args[0])[0] : undefined;
      return { method: call.name as HttpMethod, ...(path && path.kind !== 'unknown' ? { path } : {}) };
    }
    if (call.name === 'path' && call.args.length === 1) {
      const path = argStrings(this.file, call.args[0])[0];
      return path && path.kind !== 'unknown' ? { path } : {};
    }
    if (call.name === 'method' && call.args.length >= 1) {
      const name = call.args[0]!.text.split('.').pop()?.toUpperCase();
      return name && VERBS.has(name) ? { method: name as HttpMethod } : {};
    }
    return {};
  }

  private predicateRoute(pred: Predicate, prefix: StrValue, at: Node): FnRoute[] {
    if (!pred.method && !pred.path) return [];
    return [{ method: pred.method ?? 'ANY', path: joinValue(prefix, pred.path ?? EMPTY), at }];
  }

  /** Routes of a router expression (a builder chain, a static route(...) chain, or a DSL block). */
  routes(node: Node | undefined, prefix: StrValue, depth = 0): FnRoute[] {
    if (!node || depth > MAX_DEPTH) return [];
    if (node.type === 'parenthesized_expression') return this.routes(namedChildren(node)[0], prefix, depth + 1);
    const call = callView(node);
    if (!call) return [];
    // Kotlin DSL: `"/posts".nest { }`, `path("/p").nest { }`, `(GET("/x") and accept(..)).nest { }`.
    if (call.name === 'nest' && call.receiver && call.args.length === 0 && call.lambda) {
      return this.body(call.lambda, joinValue(prefix, this.predicate(call.receiver, depth + 1).path ?? EMPTY), depth + 1);
    }
    const base = call.receiver ? this.routes(call.receiver, prefix, depth + 1) : [];
    return [...base, ...this.ownRoutes(call, prefix, depth)];
  }

  /** Routes a call adds to the chain it is part of. */
  private ownRoutes(call: CallView, prefix: StrValue, depth: number): FnRoute[] {
    const at = call.nameNode;
    if (VERBS.has(call.name)) {
      const first = call.args[0];
      const value = first && !HANDLER_TYPES.has(first.type) ? argStrings(this.file, first)[0] : undefined;
      const path = value && value.kind !== 'unknown' ? value : EMPTY;
      return [{ method: call.name as HttpMethod, path: joinValue(prefix, path), at }];
    }
    switch (call.name) {
      case 'router':
      case 'coRouter':
        return this.body(call.lambda, prefix, depth + 1);
      case 'nest':
      case 'andNest': {
        if (call.args.length < 2) return [];
        const inner = joinValue(prefix, this.predicate(call.args[0], depth + 1).path ?? EMPTY);
        const target = call.args[1]!;
        return target.type === 'lambda_expression' ? this.body(target, inner, depth + 1) : this.routes(target, inner, depth + 1);
      }
      case 'path': {
        const body = call.args[1] ?? lambdaArg(call);
        if (!body || call.args.length === 0) return [];
        const path = argStrings(this.file, call.args[0])[0];
        return this.body(body, path && path.kind !== 'unknown' ? joinValue(prefix, path) : prefix, depth + 1);
      }
      case 'route':
      case 'andRoute':
        return call.args.length === 2 ? this.predicateRoute(this.predicate(call.args[0], depth + 1), prefix, at) : [];
      case 'and':
      case 'add':
        return call.args.length === 1 && callView(call.args[0]) ? this.routes(call.args[0], prefix, depth + 1) : [];
      default:
        return [];
    }
  }

  private body(node: Node | undefined, prefix: StrValue, depth: number): FnRoute[] {
    return lambdaStatements(node).flatMap((statement) => this.routes(statement, prefix, depth));
  }
}

function rootName(call: CallView): string | undefined {
  let current: CallView | undefined = call;
  let last = call;
  while (current) {
    last = current;
    current = current.receiver ? callView(current.receiver) : undefined;
  }
  if (last.receiver) return last.receiver.text === 'RouterFunctions' ? last.name : undefined;
  return last.name;
}

/** Functional route declarations of one file. */
export function functionalRouteFacts(file: JvmFile): Fact[] {
  const reader = new FunctionalReader(file);
  const facts: Fact[] = [];
  const done: [number, number][] = [];
  const types = file.language === 'java' ? ['method_invocation'] : ['call_expression'];
  for (const node of file.root.descendantsOfType(types)) {
    if (!node || done.some(([s, e]) => node.startIndex >= s && node.endIndex <= e)) continue;
    const call = callView(node);
    if (!call) continue;
    const parentCall = callView(node.parent?.type === 'navigation_expression' ? node.parent.parent : node.parent);
    if (parentCall?.receiver && (parentCall.receiver.id === node.id || parentCall.receiver.id === node.parent?.id)) continue;
    const root = rootName(call);
    if (!root || !ROOTS.has(root)) continue;
    if ((root === 'router' || root === 'coRouter') && !call.lambda) continue;
    const routes = reader.routes(node, EMPTY);
    if (routes.length === 0) continue;
    done.push([node.startIndex, node.endIndex]);
    for (const route of routes) facts.push(...routeFacts(file, { framework: 'spring', method: route.method, path: route.path, at: route.at }));
  }
  return facts;
}
