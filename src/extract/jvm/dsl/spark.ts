// Spark Java (spark.Spark) routes:
// - `get("/x", (req, res) -> ...)` (static import) / `Spark.get(...)` / an ignited `Service` instance
//   (`http.get(...)`), for get/post/put/patch/delete/head/options/trace/connect, with optional accept
//   type and response transformer arguments;
// - `path("/p", () -> { ... })` groups, and methods handed to a group (`path("/p", Routes::users)`, a
//   `users()` statement inside a group), whose routes are joined under the group's prefix;
// - `redirect.get("/from", "/to")` / post / put / delete / `any` (every method);
// - `webSocket("/x", Handler.class)` (GET) and static files (`staticFiles.location(...)`,
//   `staticFileLocation(...)`, external variants: GET /**).
// Filters (`before`, `after`, `afterAfter`) are not endpoints.
import type { Fact, HttpMethod, RefExpr } from '../../../core/facts.js';
import type { Node } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { callView, type CallView } from '../calls.js';
import type { JvmFile } from '../jvm-source.js';
import type { StrValue } from '../values.js';
import { bindingOf, type BindingKind } from './bindings.js';
import { EMPTY, callsIn, dedupeFacts, guarded, dslOutline, dslRouteFacts, importsFrom, isPathLike, joinValue, pathArg } from './common.js';
import { enclosingGroups, groupMethodMounts, methodRoutesRef } from './groups.js';

const FRAMEWORK = 'spark';
const VERBS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD', options: 'OPTIONS', trace: 'TRACE', connect: 'CONNECT',
};
const REDIRECT_VERBS: Record<string, HttpMethod> = { get: 'GET', post: 'POST', put: 'PUT', delete: 'DELETE', any: 'ANY' };
const STATIC_FILES = new Set(['staticFileLocation', 'externalStaticFileLocation']);

const SERVICE: BindingKind = {
  isType: () => false, // `Service` is too common a type name: only `Service.ignite()` results count
  isInit: (node) => {
    const call = callView(node);
    return !!call && call.name === 'ignite' && /(^|\.)Service$/.test(call.receiver?.text ?? '');
  },
};

/** True for a Spark DSL call: a static-imported bare call, `Spark.x(...)`, or a call on an ignited Service. */
function isSparkCall(file: JvmFile, call: CallView, staticImport: boolean): boolean {
  if (!call.receiver) return staticImport;
  if (/(^|\.)Spark$/.test(call.receiver.text)) return true;
  return !!bindingOf(file, call.receiver, SERVICE);
}

function contextOf(file: JvmFile, node: Node, staticImport: boolean): { prefix: StrValue; router: RefExpr } {
  const { groups, fn } = enclosingGroups(node);
  let prefix: StrValue = EMPTY;
  for (const { call } of groups) {
    if (call.name === 'path' && call.args.length >= 1 && isPathLike(call.args[0]) && isSparkCall(file, call, staticImport)) {
      prefix = joinValue(pathArg(file, call.args[0]), prefix);
    }
  }
  return { prefix, router: methodRoutesRef(file, fn, node) };
}

function sparkFacts(file: JvmFile, staticImport: boolean): Fact[] {
  const out: Fact[] = [];
  const push = (method: HttpMethod, path: StrValue, at: Node, router: RefExpr) => out.push(...dslRouteFacts(file, FRAMEWORK, { method, path, at, router }));
  for (const call of callsIn(file)) {
    const at = call.nameNode;
    const receiver = call.receiver?.text ?? '';
    // redirect.get("/from", "/to"), Spark.redirect.any(...)
    if (/(^|\.)redirect$/.test(receiver) && REDIRECT_VERBS[call.name] && call.args.length >= 2) {
      const ctx = contextOf(file, call.node, staticImport);
      push(REDIRECT_VERBS[call.name]!, joinValue(ctx.prefix, pathArg(file, call.args[0])), at, ctx.router);
      continue;
    }
    if (/(^|\.)staticFiles$/.test(receiver) && (call.name === 'location' || call.name === 'externalLocation')) {
      push('GET', { kind: 'literal', text: '/**' }, at, contextOf(file, call.node, staticImport).router);
      continue;
    }
    if (!isSparkCall(file, call, staticImport)) continue;
    const verb = VERBS[call.name];
    if (verb && call.args.length + (call.lambda ? 1 : 0) >= 2 && isPathLike(call.args[0])) {
      const ctx = contextOf(file, call.node, staticImport);
      push(verb, joinValue(ctx.prefix, pathArg(file, call.args[0])), at, ctx.router);
    } else if (call.name === 'webSocket' && call.args.length === 2) {
      const ctx = contextOf(file, call.node, staticImport);
      push('GET', joinValue(ctx.prefix, pathArg(file, call.args[0])), at, ctx.router);
    } else if (STATIC_FILES.has(call.name) && call.args.length === 1) {
      push('GET', { kind: 'literal', text: '/**' }, at, contextOf(file, call.node, staticImport).router);
    } else if (call.name === 'path' && call.args.length >= 1) {
      out.push(...groupMethodMounts(file, FRAMEWORK, call, contextOf(file, call.node, staticImport), at));
    }
  }
  return out;
}

export const sparkRoutes: Extractor = {
  id: 'spark/routes',
  languages: ['java', 'kotlin'],
  keywords: ['spark.Spark', 'import spark.'],
  extract(parsed) {
    const file = dslOutline(parsed);
    if (!file) return [];
    const staticImport = parsed.text.includes('spark.Spark.');
    if (!staticImport && !importsFrom(file, 'spark')) return [];
    return guarded(() => dedupeFacts(sparkFacts(file, staticImport)));
  },
};
