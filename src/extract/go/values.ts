// Values a Go call chain evaluates to, and small pure helpers shared by the Go route extractor.
import type { HttpMethod, MiddlewareRef, RefExpr } from '../../core/facts.js';
import type { GoTypeName, Node } from './ast.js';
import { methodFromString, type GoFramework } from './frameworks.js';

export type Fw = GoFramework | 'unknown';

export interface RouterVal {
  k: 'ref';
  ref: RefExpr;
  router?: Fw;
  routerish?: boolean;
  type?: GoTypeName;
  /** chi `r.With(mw)`: middleware for what is registered through this value. */
  mw?: MiddlewareRef[];
}

export type Val =
  | { k: 'none' }
  | { k: 'pkg'; path: string; local: string; fw?: GoFramework }
  | { k: 'samepkg' }
  | RouterVal
  | { k: 'typed'; type: GoTypeName }
  | { k: 'new'; fw: GoFramework; isApp: boolean; at: Node }
  | { k: 'child'; parent: RefExpr; fw: Fw; prefix: string; prefixRef?: PathRef; mw: MiddlewareRef[]; at: Node }
  | { k: 'ns'; prefix: string; args: Node[]; at: Node }
  | Builder;

/** A path written as a constant's name plus a literal suffix. */
export interface PathRef {
  ref: RefExpr;
  name: string;
  suffix: string;
}

export interface Builder {
  k: 'builder';
  router: RefExpr;
  fw: Fw;
  known: boolean;
  at: Node;
  path?: string;
  prefix?: string;
  methods?: HttpMethod[];
  handler?: Node;
  buildOnly?: boolean;
  mw: MiddlewareRef[];
}

export const NONE: Val = { k: 'none' };
export const SKIP = Symbol('skip');
export const GORILLA_BUILDER = new Set(['Path', 'PathPrefix', 'Methods', 'Host', 'Schemes', 'Headers', 'HeadersRegexp', 'Queries', 'MatcherFunc', 'Name', 'NewRoute']);
export const BUILTINS = new Set(['append', 'make', 'new', 'len', 'cap', 'panic', 'print', 'println', 'copy', 'delete', 'close', 'recover', 'min', 'max', 'clear']);

export const refKey = (ref: RefExpr) => `${ref.file}#${ref.path.join('.')}`;

/** Guessed framework for verb spellings in files without a framework import. */
export function verbGuess(name: string): GoFramework {
  if (name === 'HandleFunc' || name === 'Handle') return 'net-http';
  if (name === 'Start' || name === 'StartTLS') return 'echo';
  if (name === 'Listen') return 'fiber';
  if (name === 'Group' || name === 'Run') return 'gin';
  return name === name.toUpperCase() ? 'gin' : 'chi';
}

/** `NewUserHandler` -> type UserHandler (in package `pkg` when given). */
export function guessType(fn: string, pkg?: string): GoTypeName | undefined {
  const m = /^New([A-Z]\w*)$/.exec(fn);
  if (!m) return undefined;
  return { ...(pkg ? { pkg } : {}), name: m[1]! };
}

/** The ref of method `method` of a type: package-qualified through the import when the type is. */
export function typeRef(type: GoTypeName, file: string, dir: string, method: string): RefExpr {
  return type.pkg ? { file, path: [type.pkg, type.name, method] } : { file: dir, path: [type.name, method] };
}

/** Go 1.22 ServeMux patterns: "[METHOD ][HOST]/path[{$}]". */
export function parsePattern(raw: string): { method?: HttpMethod; path: string } | undefined {
  let rest = raw.trim();
  let method: HttpMethod | undefined;
  const space = rest.search(/[ \t]/);
  if (space > 0) {
    method = methodFromString(rest.slice(0, space));
    if (!method || !/^[A-Z]+$/.test(rest.slice(0, space))) return undefined;
    rest = rest.slice(space).trim();
  }
  if (!rest.startsWith('/')) {
    // A host before the path ("example.com/x"); a bare word is not a pattern.
    const slash = rest.indexOf('/');
    if (slash <= 0 || /\s/.test(rest)) return undefined;
    rest = rest.slice(slash);
  }
  if (rest.endsWith('{$}')) rest = rest.slice(0, -3);
  return { ...(method ? { method } : {}), path: rest || '/' };
}

/** The prefix a mount keeps when the model cannot resolve the constant: the name as a placeholder. */
export function fallbackPrefix(ref: PathRef): string {
  return `/{${ref.name}}`;
}

export function joinRaw(prefix: string, path: string): string {
  if (!prefix) return path;
  if (!path) return prefix;
  return `${prefix.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
