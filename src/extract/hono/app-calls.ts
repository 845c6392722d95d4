// Hono specifics of the verb-DSL scanner: `on(methods, paths, ...)`, `route(prefix, sub)` mounts and
// `serve({ fetch: app.fetch })` entries.
import type * as t from '@babel/types';
import type { HttpMethod } from '../../core/facts.js';
import { memberPath, type Node } from '../javascript/ast.js';
import { unwrap, type ScopeOwner } from '../express/bindings.js';
import { methodFromString } from '../express/frameworks.js';
import type { RouterInfo } from '../express/router-scan.js';
import { objectValue } from '../express/syntax.js';
import type { VerbScanner } from '../express/verb-routes.js';

export function honoOn(s: VerbScanner, call: t.CallExpression, callee: Node, router: RouterInfo, scope: ScopeOwner[], ancestors: readonly Node[]): void {
  const args = call.arguments as Node[];
  const methods = (s.scan.folder.strings(args[0], scope) ?? []).map(methodFromString).filter((m): m is HttpMethod => !!m);
  const paths = s.paths(args[1], scope);
  if (methods.length === 0 || !paths) return;
  for (const method of [...new Set(methods)]) s.emitRoutes(call, callee, router, method, paths, args.slice(2), scope, ancestors);
}

/**
 * @hono/zod-openapi: `app.openapi(createRoute({ method: 'get', path: '/users/{id}', tags, middleware }), handler)`,
 * the route definition inline or in a constant of this file.
 */
export function honoOpenapi(s: VerbScanner, call: t.CallExpression, callee: Node, router: RouterInfo, scope: ScopeOwner[], ancestors: readonly Node[]): void {
  const args = call.arguments as Node[];
  const def = s.scan.folder.resolveNode(args[0], scope, 0);
  const options = def?.type === 'CallExpression' ? s.scan.folder.resolveNode(def.arguments[0] as Node, scope, 0) : def;
  if (options?.type !== 'ObjectExpression') return;
  const method = methodFromString(s.scan.folder.string(objectValue(options, 'method'), scope) ?? '');
  const paths = s.paths(objectValue(options, 'path'), scope);
  const handler = args[args.length - 1];
  if (!method || !paths || !handler || args.length < 2) return;
  const tagsNode = objectValue(options, 'tags');
  const tags = tagsNode ? s.scan.folder.strings(tagsNode, scope) ?? [] : [];
  const middlewareNode = objectValue(options, 'middleware');
  const middleware = middlewareNode ? s.middlewareOf(middlewareNode, scope) : [];
  s.emitRoutes(call, callee, router, method, paths, [], scope, ancestors, { handler, middleware, tags });
}

export function honoMount(s: VerbScanner, call: t.CallExpression, router: RouterInfo, scope: ScopeOwner[]): void {
  const args = call.arguments as Node[];
  const prefix = s.scan.folder.string(args[0], scope);
  const target = unwrap(args[1]);
  if (prefix === undefined || !target) return;
  const recv = s.scan.receiver(target, scope);
  const path = recv?.ref ?? memberPath(target);
  if (path) s.mount(call, router, path, [prefix]);
}

/** `serve({ fetch: app.fetch })` (@hono/node-server), `Bun.serve(...)`. */
export function honoServe(s: VerbScanner, call: t.CallExpression, scope: ScopeOwner[]): void {
  const options = s.scan.folder.resolveNode(call.arguments[0] as Node, scope, 0);
  const fetch = options?.type === 'ObjectExpression' ? unwrap(objectValue(options, 'fetch')) : undefined;
  if (fetch?.type === 'MemberExpression' && s.scan.receiver(fetch.object as Node, scope)) s.serviceEntry(call);
}
