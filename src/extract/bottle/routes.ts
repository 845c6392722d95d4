// Bottle: module-level decorators on the default app (`@route('/x', method=...)`, `@get`, `@post`,
// `@put`, `@patch`, `@delete`), the same on Bottle() instances (`@app.route`, `@app.get`), the call
// form `app.route('/x', method=..., callback=f)`, and sub-applications `app.mount('/prefix', child)`
// and `app.merge(child)`. Wildcards `<id:int>` / `<name:re:...>` / `:name` keep only their name.
import type { Fact, HttpMethod } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { dottedPath, keywordArg, loc, positionalArgs, type Node } from '../python/ast.js';
import { evalString } from '../python/modules.js';
import {
  decoratedFunction, decoratorCalls, fileRef, importedCtor, openPythonModule, pushRouterFact, stringOrList as strings, visitModule,
  type PyRouteCtx as Ctx,
} from '../python/route-helpers.js';
import { field } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';

const FRAMEWORK = 'bottle';
/** Routes declared with bare decorators go to the module's default app. */
export const BOTTLE_DEFAULT_APP = '<bottle-default-app>';

const VERBS: Record<string, HttpMethod | 'route'> = {
  route: 'route', get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE',
};
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT']);

/** `<id:int>` / `<name:re:[a-z]+>` / `:name` -> `<id>` / `<name>` / `<name>`. */
export function bottlePath(rule: string): string {
  let out = '';
  let i = 0;
  while (i < rule.length) {
    const ch = rule[i]!;
    if (ch === '<') {
      const end = rule.indexOf('>', i);
      if (end < 0) break;
      const name = rule.slice(i + 1, end).split(':')[0];
      out += `<${name}>`;
      i = end + 1;
    } else if (ch === ':' && (i === 0 || rule[i - 1] === '/')) {
      const match = /^:([A-Za-z_][A-Za-z0-9_]*)/.exec(rule.slice(i));
      if (!match) {
        out += ch;
        i++;
        continue;
      }
      out += `<${match[1]}>`;
      i += match[0].length;
    } else {
      out += ch;
      i++;
    }
  }
  return out + rule.slice(i);
}

function isBottleCtor(ctx: Ctx, call: Node | undefined): boolean {
  return !!importedCtor(ctx.scope, call, ['Bottle', 'default_app', 'app'], ['bottle']);
}

/** The receiver a route call is made on: the default app for bare imported decorators, else a Bottle app. */
function receiverOf(ctx: Ctx, callee: string[]): { router: string[]; verb: string } | undefined {
  const verb = callee[callee.length - 1]!;
  if (!VERBS[verb]) return undefined;
  if (callee.length === 1) {
    const binding = ctx.scope.imports.get(verb);
    return binding?.source === 'bottle' ? { router: [BOTTLE_DEFAULT_APP], verb } : undefined;
  }
  const receiver = callee.slice(0, -1);
  if (receiver.length === 1 && ctx.scope.imports.get(receiver[0]!)?.source === 'bottle' && ctx.scope.imports.get(receiver[0]!)?.imported === '*') {
    return { router: [BOTTLE_DEFAULT_APP], verb }; // bottle.route(...)
  }
  const bound = receiver.length === 1 ? ctx.scope.calls.get(receiver[0]!) : undefined;
  if (bound) return isBottleCtor(ctx, bound) ? { router: receiver, verb } : undefined;
  return ctx.scope.packages.has('bottle') && !ctx.scope.packages.has('flask') ? { router: receiver, verb } : undefined;
}

function methodsOf(ctx: Ctx, verb: string, call: Node): HttpMethod[] | undefined {
  const fixed = VERBS[verb];
  if (fixed !== 'route') return [fixed!];
  const node = keywordArg(call, 'method') ?? positionalArgs(call)[1];
  if (!node) return ['GET'];
  const values = strings(ctx, node);
  if (!values) return undefined;
  const out: HttpMethod[] = [];
  for (const value of values) {
    const upper = value.toUpperCase();
    const method = upper === 'ANY' ? 'ANY' : METHODS.has(upper) ? (upper as HttpMethod) : undefined;
    if (method && !out.includes(method)) out.push(method);
  }
  return out;
}

function emit(ctx: Ctx, call: Node, at: Node, verb: string, router: string[], handler: string | undefined, handlerNode?: Node): void {
  const paths = strings(ctx, keywordArg(call, 'path') ?? positionalArgs(call)[0]);
  const methods = methodsOf(ctx, verb, call);
  if (!paths || !methods) return;
  const ref = fileRef(ctx, router);
  for (const path of paths) {
    for (const method of methods) {
      ctx.facts.push({
        kind: 'route', framework: FRAMEWORK, method, path: bottlePath(path), router: ref, location: loc(ctx.file.path, at),
        ...(handler ? { handler: { name: handler, ...(handlerNode ? { location: loc(ctx.file.path, handlerNode) } : {}) } } : {}),
      });
    }
  }
}

function decoratorRoutes(ctx: Ctx, decorated: Node): void {
  const fn = decoratedFunction(decorated);
  if (!fn) return;
  const { def, name } = fn;
  for (const { decorator, call } of decoratorCalls(decorated)) {
    const callee = dottedPath(field(call, 'function'));
    const target = callee ? receiverOf(ctx, callee) : undefined;
    if (target) emit(ctx, call, decorator, target.verb, target.router, name, def);
  }
}

function callFacts(ctx: Ctx, call: Node): void {
  if (call.parent?.type === 'decorator') return;
  const callee = dottedPath(field(call, 'function'));
  if (!callee || callee.length < 2) {
    if (callee && keywordArg(call, 'callback')) {
      const target = receiverOf(ctx, callee);
      if (target) emit(ctx, call, call, target.verb, target.router, dottedPath(keywordArg(call, 'callback'))?.join('.'));
    }
    return;
  }
  const method = callee[callee.length - 1]!;
  const receiver = callee.slice(0, -1);
  if ((method === 'mount' || method === 'merge') && receiver.length === 1) {
    const bound = ctx.scope.calls.get(receiver[0]!);
    if (!bound || !isBottleCtor(ctx, bound)) return;
    const args = positionalArgs(call);
    const prefix = method === 'mount' ? evalString(keywordArg(call, 'prefix') ?? args[0], ctx.scope.constants) : '';
    const child = dottedPath(method === 'mount' ? keywordArg(call, 'app') ?? args[1] : args[0]);
    if (prefix === undefined || !child) return;
    ctx.facts.push({
      kind: 'mount', framework: FRAMEWORK, parent: fileRef(ctx, receiver), child: fileRef(ctx, child),
      prefix, location: loc(ctx.file.path, call),
    });
    return;
  }
  // The call form needs a callback: `app.route('/x', method='GET', callback=f)`.
  const callback = keywordArg(call, 'callback') ?? positionalArgs(call)[2];
  if (!callback || !VERBS[method]) return;
  const target = receiverOf(ctx, callee);
  if (target) emit(ctx, call, call, target.verb, target.router, dottedPath(callback)?.join('.'));
}

export function extractBottleRoutes(file: ParsedFile): Fact[] {
  const module = openPythonModule(file, ['bottle']);
  if (!module) return [];
  const { root, scope } = module;
  const ctx: Ctx = { file, scope, facts: [] };
  visitModule(root, {
    assignment: (target, right) => {
      if (target && right?.type === 'call' && isBottleCtor(ctx, right)) pushRouterFact(ctx, FRAMEWORK, target, right);
    },
    decorated: (node) => decoratorRoutes(ctx, node),
    call: (node) => callFacts(ctx, node),
  });
  return ctx.facts;
}

export const bottleRoutes: Extractor = {
  id: 'bottle/routes',
  languages: ['python'],
  keywords: ['bottle'],
  extract: extractBottleRoutes,
};
