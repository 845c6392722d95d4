// CORS policies in JS/TS: the `cors` package (Express/Connect), @koa/cors, @fastify/cors,
// hono/cors, NestJS enableCors / NestFactory.create({ cors }), raw Access-Control-Allow-Origin
// headers, and origin allowlist regexes in CORS-named variables.
import type * as t from '@babel/types';
import type { CorsConfigFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { envFallback, envVarName, importedFrom, indexFile, propertyKeyName, resolveReference, unwrapTs, type FileIndex } from '../secrets/js-values.js';
import type { Extractor } from '../types.js';
import { calleeName, loc, memberPath, objectProperty, stringValue, walk, type Node } from './ast.js';
import { weakOriginRegex } from '../cors/origin-patterns.js';

/**
 * A CORS fact that may carry the allowlist pattern which lets unintended origins through.
 * `permissivePattern` is an additive field on CorsConfigFact (requested for src/core/facts.ts).
 */
export type CorsFact = CorsConfigFact;

type Policy = CorsConfigFact['policy'];

interface OriginJudgement {
  policy: Policy | 'off';
  detail: string;
  /** Node that makes the policy what it is (reported location). */
  at?: Node;
  /** Weak allowlist regexes found in the origin value. */
  weakPatterns?: { pattern: string; at: Node }[];
}

/** Libraries whose factory builds a CORS middleware, and their default origin policy. */
const CORS_LIBRARIES: Record<string, { library: string; defaultPolicy: Policy }> = {
  cors: { library: 'cors', defaultPolicy: 'wildcard' },
  '@koa/cors': { library: '@koa/cors', defaultPolicy: 'reflect-origin' },
  'koa-cors': { library: 'koa-cors', defaultPolicy: 'reflect-origin' },
  'koa2-cors': { library: 'koa2-cors', defaultPolicy: 'wildcard' },
  kcors: { library: 'kcors', defaultPolicy: 'reflect-origin' },
  '@fastify/cors': { library: '@fastify/cors', defaultPolicy: 'wildcard' },
  'fastify-cors': { library: '@fastify/cors', defaultPolicy: 'wildcard' },
  'hono/cors': { library: 'hono', defaultPolicy: 'wildcard' },
  '@elysiajs/cors': { library: '@elysiajs/cors', defaultPolicy: 'reflect-origin' },
};

const ALLOW_ORIGIN = 'access-control-allow-origin';
const ALLOW_CREDENTIALS = 'access-control-allow-credentials';


function regexPattern(node: Node | undefined): string | undefined {
  const n = unwrapTs(node);
  if (!n) return undefined;
  if (n.type === 'RegExpLiteral') return n.pattern;
  if (n.type === 'NewExpression' && n.callee.type === 'Identifier' && n.callee.name === 'RegExp') return stringValue(n.arguments[0] as Node);
  return undefined;
}

/** Is this expression the request's Origin header? `req.headers.origin`, `req.get('origin')`, `ctx.request.header.origin`. */
function isRequestOrigin(node: Node | undefined, index: FileIndex, ancestors: readonly Node[], depth = 0): boolean {
  const n = unwrapTs(node);
  if (!n) return false;
  if (n.type === 'LogicalExpression') return isRequestOrigin(n.left, index, ancestors, depth);
  if (n.type === 'CallExpression') {
    const name = calleeName(n) ?? '';
    const arg = stringValue(n.arguments[0] as Node);
    return /(^|\.)(get|header|headers\.get|getHeader)$/.test(name) && arg?.toLowerCase() === 'origin';
  }
  const path = memberPath(n);
  if (path && path.length >= 2 && path[path.length - 1]!.toLowerCase() === 'origin' && /^headers?$/i.test(path[path.length - 2]!)) return true;
  // Any other request input (query, body, params): the caller picks the allowed origin.
  if (path && path.length >= 3 && /^(req|request|ctx)$/.test(path[0]!) && /^(query|body|params|headers|header)$/.test(path[path.length - 2]!)) return true;
  if (path && path.length >= 4 && path[0] === 'ctx' && path[1] === 'request' && /^(query|body|params|headers|header)$/.test(path[2]!)) return true;
  if (n.type === 'TemplateLiteral') return n.expressions.some((e) => isRequestOrigin(e as Node, index, ancestors, depth));
  if (path && path.length === 1 && depth === 0) {
    const target = resolveReference(n, index, ancestors);
    return target ? isRequestOrigin(target, index, ancestors, depth + 1) : false;
  }
  return false;
}

function judgeFunction(fn: t.Function, index: FileIndex, ancestors: readonly Node[]): OriginJudgement {
  const originParam = fn.params[0]?.type === 'Identifier' ? fn.params[0].name : undefined;
  const callbackParam = fn.params[1]?.type === 'Identifier' ? fn.params[1].name : undefined;
  const outcomes: ('allow' | 'deny' | 'reflect' | 'wildcard' | 'other')[] = [];
  const judgeValue = (v: Node | undefined): (typeof outcomes)[number] => {
    const n = unwrapTs(v);
    if (!n) return 'other';
    if (n.type === 'BooleanLiteral') return n.value ? 'allow' : 'deny';
    if (n.type === 'Identifier' && n.name === originParam) return 'reflect';
    if (isRequestOrigin(n, index, ancestors)) return 'reflect';
    const s = stringValue(n);
    if (s === '*') return 'wildcard';
    if (s !== undefined) return 'other';
    if (n.type === 'NullLiteral' || (n.type === 'Identifier' && n.name === 'undefined')) return 'deny';
    return 'other';
  };
  const body = fn.body as Node;
  const isCallbackCall = body.type === 'CallExpression' && body.callee.type === 'Identifier' && body.callee.name === callbackParam;
  if (body.type !== 'BlockStatement' && !isCallbackCall) outcomes.push(judgeValue(body));
  walk(fn.body as Node, (node) => {
    if (node !== fn.body && (node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression' || node.type === 'FunctionDeclaration')) {
      return false;
    }
    if (node.type === 'ReturnStatement') outcomes.push(judgeValue(node.argument ?? undefined));
    if (node.type === 'CallExpression' && callbackParam && node.callee.type === 'Identifier' && node.callee.name === callbackParam) {
      const first = unwrapTs(node.arguments[0] as Node);
      if (first && first.type !== 'NullLiteral' && !(first.type === 'Identifier' && first.name === 'undefined')) outcomes.push('deny');
      else outcomes.push(judgeValue(node.arguments[1] as Node));
    }
    return undefined;
  });
  if (outcomes.length === 0) return { policy: 'unknown', detail: 'origin decided by a function' };
  if (outcomes.some((o) => o === 'deny' || o === 'other')) return { policy: 'allowlist', detail: 'origin checked by a function' };
  if (outcomes.every((o) => o === 'wildcard')) return { policy: 'wildcard', detail: "origin function returns '*'" };
  return { policy: 'reflect-origin', detail: 'origin function allows every request origin' };
}

/** Judges the value of an `origin` option (cors, @koa/cors, @fastify/cors, hono, NestJS). */
function judgeOrigin(value: Node | undefined, index: FileIndex, ancestors: readonly Node[], depth = 0): OriginJudgement {
  const n = unwrapTs(value);
  if (!n) return { policy: 'unknown', detail: 'origin not resolved' };
  if (n.type === 'BooleanLiteral') return n.value ? { policy: 'reflect-origin', detail: 'origin: true', at: n } : { policy: 'off', detail: 'origin: false' };
  const s = stringValue(n);
  if (s !== undefined) return s.trim() === '*' ? { policy: 'wildcard', detail: "origin: '*'", at: n } : { policy: 'allowlist', detail: `origin: '${s}'` };
  const pattern = regexPattern(n);
  if (pattern !== undefined) {
    const weak = weakOriginRegex(pattern);
    if (weak === 'matches-any') return { policy: 'wildcard', detail: `origin: /${pattern}/`, at: n };
    return { policy: 'allowlist', detail: `origin: /${pattern}/`, weakPatterns: weak ? [{ pattern, at: n }] : [] };
  }
  if (n.type === 'ArrayExpression') {
    const weakPatterns: { pattern: string; at: Node }[] = [];
    for (const el of n.elements) {
      if (!el || el.type === 'SpreadElement') continue;
      if (stringValue(el as Node)?.trim() === '*') return { policy: 'wildcard', detail: "origin list contains '*'", at: el as Node };
      const p = regexPattern(el as Node);
      if (p === undefined) continue;
      const weak = weakOriginRegex(p);
      if (weak === 'matches-any') return { policy: 'wildcard', detail: `origin list contains /${p}/`, at: el as Node };
      if (weak) weakPatterns.push({ pattern: p, at: el as Node });
    }
    return { policy: 'allowlist', detail: 'origin allowlist', weakPatterns };
  }
  if (n.type === 'ArrowFunctionExpression' || n.type === 'FunctionExpression') return { ...judgeFunction(n, index, ancestors), at: n };
  const fallback = envFallback(n);
  if (fallback) {
    const judged = judgeOrigin(fallback.fallback, index, ancestors, depth + 1);
    return { ...judged, detail: `${judged.detail} (fallback of env ${fallback.env})` };
  }
  if (envVarName(n) !== undefined) return { policy: 'unknown', detail: 'origin from environment' };
  if (isRequestOrigin(n, index, ancestors)) return { policy: 'reflect-origin', detail: 'origin echoes the request Origin', at: n };
  if (depth < 2) {
    const target = resolveReference(n, index, ancestors);
    if (target) {
      const judged = judgeOrigin(target, index, ancestors, depth + 1);
      return judged.at ? { ...judged, at: n } : judged;
    }
  }
  return { policy: 'unknown', detail: 'origin not resolved' };
}

function booleanOption(options: Node | undefined, name: string): boolean | null {
  const v = unwrapTs(objectProperty(options, name));
  if (!v) return false;
  if (v.type === 'BooleanLiteral') return v.value;
  return null;
}

export function extractJavaScriptCors(file: ParsedFile): CorsFact[] {
  if (file.tree.kind !== 'babel') return [];
  const ast = file.tree.ast;
  const index = indexFile(ast);
  const facts: CorsFact[] = [];
  const reportedRegex = new Set<Node>();

  const push = (policy: Policy, credentials: boolean | null, library: string, detail: string, at: Node, permissivePattern?: string) => {
    const fact: CorsFact = { kind: 'cors-config', policy, credentials, library, detail, location: loc(file.path, at) };
    if (permissivePattern !== undefined) fact.permissivePattern = permissivePattern;
    facts.push(fact);
  };

  /** An options object (or its absence) for a CORS library with the given default. */
  const fromOptions = (call: Node, optionsArg: Node | undefined, library: string, defaultPolicy: Policy, ancestors: readonly Node[], what: string) => {
    let options = unwrapTs(optionsArg);
    if (options && options.type !== 'ObjectExpression') {
      const target = resolveReference(options, index, ancestors);
      if (target?.type === 'ObjectExpression') options = target;
    }
    if (!options) {
      push(defaultPolicy, false, library, `${what} with no options`, call);
      return;
    }
    if (options.type !== 'ObjectExpression') {
      if (options.type === 'ArrowFunctionExpression' || options.type === 'FunctionExpression') {
        push('unknown', null, library, `${what} with an options callback`, call);
      } else {
        push('unknown', null, library, `${what} with options not resolved in this file`, call);
      }
      return;
    }
    const originNode = objectProperty(options, 'origin');
    const credentials = booleanOption(options, 'credentials');
    if (!originNode) {
      push(defaultPolicy, credentials, library, `${what} without an origin option`, call);
      return;
    }
    const judged = judgeOrigin(originNode, index, ancestors);
    if (judged.policy === 'off') return;
    push(judged.policy, credentials, library, judged.detail, judged.at ?? originNode);
    for (const weak of judged.weakPatterns ?? []) {
      reportedRegex.add(weak.at);
      push('allowlist', credentials, library, `origin regex /${weak.pattern}/ has an unescaped '.'`, weak.at, weak.pattern);
    }
  };

  walk(ast.program, (node, ancestors) => {
    if (node.type === 'CallExpression' || node.type === 'NewExpression') {
      const callee = unwrapTs(node.callee as Node)!;
      const imported = importedFrom(callee, index);
      const path = memberPath(callee) ?? [];
      const last = path[path.length - 1] ?? '';
      const args = node.arguments as Node[];
      // cors(), cors({ ... }) and friends
      const lib = imported && !imported.member && (imported.imported === 'default' || imported.imported === 'cors' || imported.imported === '*')
        ? CORS_LIBRARIES[imported.source] : undefined;
      if (lib || (!imported && path.length === 1 && path[0] === 'cors' && !index.assignments.has('cors'))) {
        const l = lib ?? CORS_LIBRARIES.cors!;
        fromOptions(node, args[0], l.library, l.defaultPolicy, ancestors, `${path.join('.')}()`);
        return undefined;
      }
      // fastify.register(cors, { ... })
      if (last === 'register' && args[0]) {
        const plugin = unwrapTs(args[0]);
        const pluginPath = memberPath(plugin);
        const source = pluginPath ? index.imports.get(pluginPath[0]!)?.source
          : plugin?.type === 'CallExpression' && plugin.callee.type === 'Identifier' && plugin.callee.name === 'require' ? stringValue(plugin.arguments[0] as Node) : undefined;
        const l = source ? CORS_LIBRARIES[source] : undefined;
        if (l) fromOptions(node, args[1], l.library, l.defaultPolicy, ancestors, 'register(cors)');
        return undefined;
      }
      // NestJS
      if (last === 'enableCors') {
        fromOptions(node, args[0], 'nestjs', 'wildcard', ancestors, `${path.join('.')}()`);
        return undefined;
      }
      if (path.join('.') === 'NestFactory.create' && args[1]) {
        const cors = unwrapTs(objectProperty(unwrapTs(args[1]), 'cors'));
        if (cors?.type === 'BooleanLiteral' && cors.value) push('wildcard', false, 'nestjs', 'NestFactory.create(..., { cors: true })', cors);
        else if (cors?.type === 'ObjectExpression') fromOptions(cors, cors, 'nestjs', 'wildcard', ancestors, 'NestFactory.create cors');
        return undefined;
      }
      // res.setHeader('Access-Control-Allow-Origin', v), res.header(...), res.set(...), ctx.set(...)
      if (/^(setHeader|header|set|append|appendHeader|writeHeader|add)$/i.test(last) && args.length >= 2) {
        const headerName = stringValue(args[0])?.toLowerCase();
        if (headerName === ALLOW_ORIGIN) judgeHeader(node, args[1], ancestors);
        return undefined;
      }
    }
    if (node.type === 'ObjectProperty') {
      const key = propertyKeyName(node)?.toLowerCase();
      if (key === ALLOW_ORIGIN) judgeHeader(node.value as Node, node.value as Node, ancestors, node);
      return undefined;
    }
    // const corsOrigins = [/.../, ...]; const CORS_REGEX = /.../
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && /cors|origin/i.test(node.id.name)) {
      const init = unwrapTs(node.init);
      const elements = init?.type === 'ArrayExpression' ? init.elements : [init];
      for (const el of elements) {
        if (!el || el.type === 'SpreadElement' || reportedRegex.has(el as Node)) continue;
        const p = regexPattern(el as Node);
        if (p === undefined) continue;
        const weak = weakOriginRegex(p);
        if (!weak) continue;
        reportedRegex.add(el as Node);
        if (weak === 'matches-any') push('wildcard', null, 'origin-regex', `${node.id.name} matches any origin: /${p}/`, el as Node);
        else push('allowlist', null, 'origin-regex', `${node.id.name}: /${p}/ has an unescaped '.'`, el as Node, p);
      }
    }
    return undefined;
  });

  function judgeHeader(at: Node, valueNode: Node | undefined, ancestors: readonly Node[], propertyNode?: Node): void {
    const value = unwrapTs(valueNode);
    if (!value) return;
    const credentials = headerCredentials(ancestors);
    const s = stringValue(value) ?? (() => {
      const fb = envFallback(value);
      return fb ? stringValue(fb.fallback) : undefined;
    })();
    if (s !== undefined) {
      if (s.trim() === '*') push('wildcard', credentials, 'header', 'Access-Control-Allow-Origin: *', propertyNode ?? at);
      else if (s.trim() && s.trim() !== 'null') push('allowlist', credentials, 'header', `Access-Control-Allow-Origin: ${s}`, propertyNode ?? at);
      return;
    }
    if (isRequestOrigin(value, index, ancestors)) {
      push('reflect-origin', credentials, 'header', 'Access-Control-Allow-Origin echoes the request Origin', propertyNode ?? at);
      return;
    }
    const target = resolveReference(value, index, ancestors);
    const resolved = stringValue(target);
    if (resolved?.trim() === '*') push('wildcard', credentials, 'header', 'Access-Control-Allow-Origin: *', propertyNode ?? at);
  }

  /** Is Access-Control-Allow-Credentials set to true in the same function (or file scope)? */
  function headerCredentials(ancestors: readonly Node[]): boolean | null {
    const scope = [...ancestors].reverse().find((a) => a.type.includes('Function') || a.type === 'ObjectMethod' || a.type === 'ClassMethod') ?? ast.program;
    let found: boolean | null = null;
    walk(scope as Node, (n) => {
      if (n !== scope && /Function|ObjectMethod|ClassMethod/.test(n.type)) return false;
      if (n.type === 'CallExpression') {
        const a = n.arguments as Node[];
        if (stringValue(a[0])?.toLowerCase() === ALLOW_CREDENTIALS) found = /^true$/i.test(stringValue(a[1]) ?? String((unwrapTs(a[1]) as t.BooleanLiteral | undefined)?.value));
      } else if (n.type === 'ObjectProperty' && propertyKeyName(n)?.toLowerCase() === ALLOW_CREDENTIALS) {
        const v = unwrapTs(n.value as Node);
        found = v?.type === 'BooleanLiteral' ? v.value : /^true$/i.test(stringValue(v) ?? '');
      }
      return undefined;
    });
    return found;
  }

  return facts;
}

export const javascriptCors: Extractor = {
  id: 'javascript/cors',
  languages: ['javascript', 'typescript'],
  keywords: ['cors', 'Cors', 'CORS', 'Access-Control-Allow-Origin', 'access-control-allow-origin', 'origin', 'Origin'],
  extract: extractJavaScriptCors,
};
