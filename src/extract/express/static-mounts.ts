// Directories served by Node static-file middleware, as `static-mount` facts (the model lists the files):
// `express.static(dir)`, `serveStatic(dir)` (serve-static), Koa `serve(dir)` (koa-static), and the directory expressions they take:
// 'public' (relative to the working directory), path.join(__dirname, 'public') / path.resolve(__dirname, '..', 'x')
// / `${__dirname}/public` / __dirname + '/public' (relative to the declaring file), path.join(process.cwd(), 'x').
import type * as t from '@babel/types';
import type { MiddlewareRef, RefExpr } from '../../core/facts.js';
import { loc, memberPath, type Node } from '../javascript/ast.js';
import { requireSource, unwrap } from './bindings.js';

export interface StaticContext {
  /** The constant string a node evaluates to (literals, folded constants), else undefined. */
  string(node: Node): string | undefined;
  /** The module a local name is imported or required from ('express', 'path'), else undefined. */
  moduleOf(name: string): string | undefined;
}

export interface StaticDir {
  dir: string;
  base: 'cwd' | 'file';
}

const isDirname = (node: Node | undefined): boolean => {
  const n = unwrap(node);
  if (!n) return false;
  if (n.type === 'Identifier') return n.name === '__dirname';
  const path = memberPath(n);
  return !!path && path.length === 3 && path[0] === 'import' && path[1] === 'meta' && path[2] === 'dirname';
};

const isCwdCall = (node: Node | undefined): boolean => {
  const n = unwrap(node);
  if (n?.type !== 'CallExpression' || n.arguments.length) return false;
  const path = memberPath(n.callee as Node);
  return !!path && path.length === 2 && path[0] === 'process' && path[1] === 'cwd';
};

/** `path.join` / `path.resolve` / `join` (from 'path' or 'node:path'). */
function pathJoinKind(call: t.CallExpression, ctx: StaticContext): 'join' | 'resolve' | undefined {
  const path = memberPath(call.callee as Node);
  if (!path || path.length > 2) return undefined;
  const last = path[path.length - 1];
  if (last !== 'join' && last !== 'resolve') return undefined;
  const module = path.length === 2 ? (ctx.moduleOf(path[0]!) ?? (path[0] === 'path' ? 'path' : undefined)) : ctx.moduleOf(path[0]!);
  return module === 'path' || module === 'node:path' || module === 'path/posix' ? last : undefined;
}

/** The directory an expression names, and what a relative one is relative to; undefined when not constant. */
export function staticDirOf(node: Node | undefined, ctx: StaticContext): StaticDir | undefined {
  const n = unwrap(node);
  if (!n) return undefined;
  if (n.type === 'CallExpression') {
    const kind = pathJoinKind(n, ctx);
    if (!kind || n.arguments.length === 0) return undefined;
    const [first, ...rest] = n.arguments as Node[];
    let base: StaticDir['base'] = 'cwd';
    let parts: Node[] = n.arguments as Node[];
    if (isDirname(first)) {
      base = 'file';
      parts = rest;
    } else if (isCwdCall(first)) parts = rest;
    const strings: string[] = [];
    for (const part of parts) {
      const value = ctx.string(part);
      if (value === undefined) return undefined;
      strings.push(value);
    }
    // path.resolve: a later absolute piece starts over.
    let start = 0;
    if (kind === 'resolve') strings.forEach((s, i) => { if (s.startsWith('/')) start = i; });
    if (kind === 'resolve' && start > 0) base = 'cwd';
    const joined = strings.slice(start).join('/');
    return { dir: joined || '.', base };
  }
  if (n.type === 'TemplateLiteral' && n.expressions.length === 1 && isDirname(n.expressions[0] as Node) && n.quasis[0]?.value.cooked === '') {
    const tail = n.quasis.slice(1).map((q) => q.value.cooked ?? '').join('');
    return { dir: tail.replace(/^\/+/, '') || '.', base: 'file' };
  }
  if (n.type === 'BinaryExpression' && n.operator === '+' && isDirname(n.left as Node)) {
    const tail = ctx.string(n.right as Node);
    return tail === undefined ? undefined : { dir: tail.replace(/^\/+/, '') || '.', base: 'file' };
  }
  const value = ctx.string(n);
  return value === undefined || value === '' ? undefined : { dir: value, base: 'cwd' };
}

/**
 * The directory argument of a static-file middleware call: `express.static(dir)`, `serveStatic(dir)`,
 * `require('serve-static')(dir)`; undefined for any other expression.
 */
export function staticMiddlewareDir(node: Node | undefined, ctx: StaticContext): Node | undefined {
  const n = unwrap(node);
  if (n?.type !== 'CallExpression' || n.arguments.length === 0) return undefined;
  const callee = unwrap(n.callee as Node);
  const arg = n.arguments[0] as Node;
  const calledModule = requireSource(callee);
  if (calledModule === 'serve-static' || calledModule === 'koa-static') return arg;
  const path = memberPath(callee);
  if (!path) return undefined;
  if (path.length === 1) {
    const module = ctx.moduleOf(path[0]!);
    return module === 'serve-static' || module === 'koa-static' ? arg : undefined;
  }
  if (path.length === 2 && path[1] === 'static') {
    const module = ctx.moduleOf(path[0]!);
    // `express.static`, also where `express` is a global the file declares but does not import.
    return module === 'express' || (module === undefined && path[0] === 'express') ? arg : undefined;
  }
  return undefined;
}

export function staticMountFact(
  file: string, framework: string, router: RefExpr | undefined, prefix: string, dir: StaticDir, at: Node, middleware?: MiddlewareRef[],
) {
  return {
    kind: 'static-mount' as const, framework, ...(router ? { router } : {}), prefix, dir: dir.dir, base: dir.base,
    location: loc(file, at), ...(middleware?.length ? { middleware } : {}),
  };
}
