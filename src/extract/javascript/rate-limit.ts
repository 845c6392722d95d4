// Rate limiting in JS/TS: express-rate-limit, express-slow-down, express-brute,
// rate-limiter-flexible (through a wrapping middleware), hono-rate-limiter, koa-ratelimit,
// @fastify/rate-limit and @nestjs/throttler; plus middleware named like a limiter whose
// definition lives in another file. `applied` says whether this file puts it in front of routes.
import type * as t from '@babel/types';
import type { RateLimitFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { indexFile, propertyKeyName, unwrapTs, type FileIndex } from '../secrets/js-values.js';
import type { Extractor } from '../types.js';
import { loc, memberPath, objectProperty, stringValue, walk, type Node } from './ast.js';

/** Import source -> library name for limiter factories and classes. */
const LIMITER_SOURCES: Record<string, string> = {
  'express-rate-limit': 'express-rate-limit',
  'express-slow-down': 'express-slow-down',
  'express-brute': 'express-brute',
  'rate-limiter-flexible': 'rate-limiter-flexible',
  'hono-rate-limiter': 'hono-rate-limiter',
  'koa-ratelimit': 'koa-ratelimit',
  'koa2-ratelimit': 'koa2-ratelimit',
  'express-limiter': 'express-limiter',
  '@fastify/rate-limit': '@fastify/rate-limit',
  'fastify-rate-limit': '@fastify/rate-limit',
  '@upstash/ratelimit': '@upstash/ratelimit',
  'limiter': 'limiter',
};

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head']);
const LIMITER_NAME = /rate_?limit|limiter|throttl|slow_?down|brute/i;

function sourceLibrary(source: string | undefined): string | undefined {
  if (!source) return undefined;
  return LIMITER_SOURCES[source];
}

/** The limiter library a middleware argument stands for in this file, if any. */
function limiterOf(arg: Node, index: FileIndex, limiterBindings: Map<string, string>, wrappers: Map<string, string>): string | undefined {
  const n = unwrapTs(arg);
  if (!n) return undefined;
  if (n.type === 'CallExpression' || n.type === 'NewExpression') {
    const path = memberPath(unwrapTs(n.callee as Node));
    if (!path) return undefined;
    const lib = sourceLibrary(index.imports.get(path[0]!)?.source);
    if (lib) return lib;
    // bruteforce.prevent, limiter.middleware(), limiter.getMiddleware()
    if (limiterBindings.has(path[0]!)) return limiterBindings.get(path[0]!);
    return undefined;
  }
  const path = memberPath(n);
  if (!path) return undefined;
  const head = path[0]!;
  if (limiterBindings.has(head)) return limiterBindings.get(head);
  if (wrappers.has(head)) return wrappers.get(head);
  const imported = index.imports.get(head);
  if (imported && sourceLibrary(imported.source)) return sourceLibrary(imported.source);
  if (LIMITER_NAME.test(path.join('.'))) return imported ? 'custom' : 'custom';
  return undefined;
}

export function extractJavaScriptRateLimits(file: ParsedFile): RateLimitFact[] {
  if (file.tree.kind !== 'babel') return [];
  const ast = file.tree.ast;
  const index = indexFile(ast);
  const facts: RateLimitFact[] = [];
  /** Variables holding a limiter: name -> library. */
  const limiterBindings = new Map<string, string>();
  const creations = new Map<string, Node>();
  /** Functions that call a limiter (rate-limiter-flexible style middleware): name -> library. */
  const wrappers = new Map<string, string>();
  const appliedNames = new Set<string>();

  // Pass 1: limiter creations bound to names, and functions wrapping them.
  walk(ast.program, (node) => {
    if (node.type !== 'VariableDeclarator' || node.id.type !== 'Identifier') return undefined;
    const init = unwrapTs(node.init);
    if (init && (init.type === 'CallExpression' || init.type === 'NewExpression')) {
      const path = memberPath(unwrapTs(init.callee as Node));
      const lib = path ? sourceLibrary(index.imports.get(path[0]!)?.source) : undefined;
      if (lib) {
        limiterBindings.set(node.id.name, lib);
        creations.set(node.id.name, init);
      }
    }
    return undefined;
  });
  walk(ast.program, (node) => {
    let name: string | undefined;
    let body: Node | undefined;
    if (node.type === 'FunctionDeclaration' && node.id) { name = node.id.name; body = node.body; }
    else if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier') {
      const init = unwrapTs(node.init);
      if (init && (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression')) { name = node.id.name; body = init.body as Node; }
    }
    if (!name || !body || limiterBindings.has(name)) return undefined;
    let lib: string | undefined;
    walk(body, (inner) => {
      if (inner.type === 'Identifier' && limiterBindings.has(inner.name)) lib = limiterBindings.get(inner.name);
      return lib === undefined ? undefined : false;
    });
    if (lib) wrappers.set(name, lib);
    return undefined;
  });

  const pushApplied = (library: string, at: Node, scope: string | undefined) => {
    const fact: RateLimitFact = { kind: 'rate-limit', library, applied: true, location: loc(file.path, at) };
    if (scope !== undefined) fact.scope = scope;
    facts.push(fact);
    const path = memberPath(unwrapTs(at));
    if (path) appliedNames.add(path[0]!);
  };

  walk(ast.program, (node) => {
    if (node.type === 'CallExpression') {
      const callee = unwrapTs(node.callee as Node)!;
      const path = memberPath(callee) ?? [];
      const method = path[path.length - 1] ?? '';
      const args = node.arguments as Node[];
      if (path.length >= 2 && method === 'use') {
        const scope = stringValue(args[0]);
        for (const arg of args) {
          const lib = limiterOf(arg, index, limiterBindings, wrappers);
          if (lib) pushApplied(lib, arg, scope ?? '');
        }
      } else if (path.length >= 2 && ROUTE_METHODS.has(method) && args.length >= 2) {
        const routePath = stringValue(args[0]);
        if (routePath !== undefined) {
          for (const arg of args.slice(1, -1)) {
            const lib = limiterOf(arg, index, limiterBindings, wrappers);
            if (lib) pushApplied(lib, arg, routePath);
          }
        }
      } else if (path.length >= 2 && method === 'register' && args[0]) {
        const plugin = memberPath(unwrapTs(args[0]));
        const source = plugin ? index.imports.get(plugin[0]!)?.source : undefined;
        const lib = sourceLibrary(source);
        if (lib === '@fastify/rate-limit') {
          const global = unwrapTs(objectProperty(unwrapTs(args[1]), 'global'));
          const applied = !(global?.type === 'BooleanLiteral' && !global.value);
          const fact: RateLimitFact = { kind: 'rate-limit', library: lib, applied, location: loc(file.path, node) };
          if (applied) fact.scope = '';
          facts.push(fact);
        }
      } else if (path.join('.') === 'ThrottlerModule.forRoot' || path.join('.') === 'ThrottlerModule.forRootAsync') {
        facts.push({ kind: 'rate-limit', library: '@nestjs/throttler', applied: false, location: loc(file.path, node) });
      } else if (path[path.length - 1] === 'UseGuards' && args.some((a) => /Throttler/.test(memberPath(unwrapTs(a))?.join('.') ?? ''))) {
        facts.push({ kind: 'rate-limit', library: '@nestjs/throttler', applied: true, location: loc(file.path, node) });
      }
      return undefined;
    }
    // { provide: APP_GUARD, useClass: ThrottlerGuard }
    if (node.type === 'ObjectExpression') {
      const provide = memberPath(unwrapTs(objectProperty(node, 'provide')))?.join('.');
      const useClass = memberPath(unwrapTs(objectProperty(node, 'useClass')))?.join('.') ?? '';
      if (provide === 'APP_GUARD' && /Throttler/.test(useClass)) {
        facts.push({ kind: 'rate-limit', library: '@nestjs/throttler', applied: true, scope: '', location: loc(file.path, node) });
      }
      return undefined;
    }
    // route options: { config: { rateLimit: {...} } } (fastify), { preHandler: limiter }
    if (node.type === 'ObjectProperty' && propertyKeyName(node) === 'rateLimit' && (node.value as Node).type === 'ObjectExpression') {
      facts.push({ kind: 'rate-limit', library: '@fastify/rate-limit', applied: true, location: loc(file.path, node) });
    }
    return undefined;
  });

  // Limiters created here but never applied in this file (they may be exported and used elsewhere).
  for (const [name, creation] of creations) {
    if (appliedNames.has(name) || [...wrappers.entries()].some(([w]) => appliedNames.has(w))) continue;
    facts.push({ kind: 'rate-limit', library: limiterBindings.get(name)!, applied: false, location: loc(file.path, creation) });
  }
  // Limiter factories called inline outside any use()/route (e.g. exported directly).
  walk(ast.program, (node, ancestors) => {
    if (node.type !== 'CallExpression' && node.type !== 'NewExpression') return undefined;
    const path = memberPath(unwrapTs(node.callee as Node));
    const lib = path && path.length === 1 ? sourceLibrary(index.imports.get(path[0]!)?.source) : undefined;
    if (!lib) return undefined;
    const parent = ancestors[ancestors.length - 1];
    if (parent?.type === 'VariableDeclarator') return undefined;
    if (facts.some((f) => f.location.startLine === node.loc?.start.line && f.location.startColumn === (node.loc?.start.column ?? 0) + 1)) return undefined;
    if (parent?.type === 'CallExpression' && (parent as t.CallExpression).arguments.includes(node as t.Expression)) return undefined;
    facts.push({ kind: 'rate-limit', library: lib, applied: false, location: loc(file.path, node) });
    return undefined;
  });
  return facts;
}

export const javascriptRateLimits: Extractor = {
  id: 'javascript/rate-limit',
  languages: ['javascript', 'typescript'],
  keywords: ['rate', 'Rate', 'limit', 'Limit', 'throttl', 'Throttl', 'brute', 'Brute', 'slow'],
  extract: extractJavaScriptRateLimits,
};
