// Small pieces shared by the router dialects of the smaller Rust frameworks (tide, gotham, salvo,
// poem, loco, warp, rwf): path joining inside one builder and route emission with handler info.
import type { HttpMethod, MiddlewareRef } from '../../core/facts.js';
import type { Node } from '../tree-sitter/ast.js';
import type { Evaluator, RouterValue } from './evaluator.js';

/** Joins a builder's own path and a sub-path with one slash (`/api` + `/x`, `/api` + `x`). */
export function joinBase(base: string | undefined, path: string): string {
  if (!base) return path;
  if (!path) return base;
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

export function isPathLike(node: Node | undefined): node is Node {
  return !!node && (node.type === 'identifier' || node.type === 'scoped_identifier');
}

/** Emits one route fact per method on `target`, with the handler's name / location / auth extractors when known. */
export function emitRoutes(
  ev: Evaluator, framework: string, target: RouterValue, methods: readonly HttpMethod[], path: string,
  handler: Node | undefined, at: Node, extra: readonly MiddlewareRef[] = [],
): void {
  const info = isPathLike(handler) ? ev.handler(handler) : undefined;
  const middleware = [...extra, ...(info?.middleware ?? [])];
  for (const method of methods) {
    ev.route({
      framework, method, path, router: target.ref,
      ...(info?.handler ? { handler: info.handler } : {}),
      ...(middleware.length > 0 ? { middleware } : {}),
    }, at);
  }
}
