// Huma v2: operations registered with `huma.Register(api, huma.Operation{Method, Path, Tags, Security}, h)`
// or the verb helpers `huma.Get(api, "/x", h)`; groups `huma.NewGroup(api, "/v1")`; the API itself
// comes from an adapter over a router (`humachi.New(r, cfg)`, `humago.NewWithPrefix(mux, "/api", cfg)`),
// which makes it a child of that router.
import type { HttpMethod, MiddlewareRef } from '../../core/facts.js';
import { literalElements, literalFields, loc, stringLiteral, type ChainSegment } from './ast.js';
import { verbMethod, type GoFramework } from './frameworks.js';
import type { GoRouteWalker } from './routes.js';
import type { Scope } from './scope.js';
import { NONE, type RouterVal, type Val } from './values.js';

const HUMA_CORE = /^github\.com\/danielgtaylor\/huma(\/v\d+)?$/;

export function humaPackageCall(w: GoRouteWalker, pkg: { path: string; local: string; fw?: GoFramework }, seg: ChainSegment, scope: Scope | undefined): Val {
  const { name, args } = seg;
  const at = seg.call;
  if (!HUMA_CORE.test(pkg.path)) {
    // Adapters: humachi.New(router, config), humago.NewWithPrefix(mux, "/api", config).
    if ((name !== 'New' && name !== 'NewWithPrefix') || !args[0]) return NONE;
    const parent = apiOf(w, args[0], scope);
    if (!parent) return NONE;
    const prefix = name === 'NewWithPrefix' ? w.pathOf(args[1], scope, true) : '';
    if (prefix === undefined) return NONE;
    return { k: 'child', parent: parent.ref, fw: 'huma', prefix, mw: [], at };
  }
  const api = args[0] ? apiOf(w, args[0], scope) : undefined;
  if (!api) return NONE;
  if (name === 'NewGroup') {
    const prefix = args[1] ? w.pathOf(args[1], scope, true) : '';
    return prefix === undefined ? NONE : { k: 'child', parent: api.ref, fw: 'huma', prefix, mw: [], at };
  }
  if (name === 'Register') {
    const op = args[1];
    const handler = args[2];
    if (!op || !handler || op.type !== 'composite_literal') return NONE;
    const fields = literalFields(op);
    const methodNode = fields.get('Method');
    const method = methodNode ? w.methodOf(methodNode, scope) : undefined;
    const path = w.pathOf(fields.get('Path'), scope, true);
    if (!method || path === undefined) return NONE;
    const tagsNode = fields.get('Tags');
    const tags = tagsNode?.type === 'composite_literal' ? literalElements(tagsNode).map((t) => stringLiteral(t)).filter((t): t is string => !!t) : [];
    const security = fields.get('Security');
    const mw: MiddlewareRef[] = security && security.type === 'composite_literal' && literalElements(security).length > 0
      ? [{ name: 'huma.Operation.Security', role: 'auth', location: loc(w.file.path, security) }] : [];
    emit(w, { ...api, mw: [...(api.mw ?? []), ...mw] }, method, path, handler, tags, seg, scope);
    return NONE;
  }
  const verb = verbMethod(name);
  if (verb && verb !== 'ANY' && args.length >= 3) {
    const path = w.pathOf(args[1], scope, true);
    if (path === undefined) return NONE;
    emit(w, api, verb, path, args[2]!, [], seg, scope);
  }
  return NONE;
}

function apiOf(w: GoRouteWalker, node: ChainSegment['args'][number], scope: Scope | undefined): RouterVal | undefined {
  const val = w.evalExpr(node, scope);
  if (val.k === 'ref') return val;
  return w.asRouter(val, node);
}

function emit(
  w: GoRouteWalker, api: RouterVal, method: HttpMethod, path: string, handler: ChainSegment['args'][number], tags: string[],
  seg: ChainSegment, scope: Scope | undefined,
): void {
  const before = w.facts.length;
  w.emitHandlerRoute(api, 'huma', [method], path, [handler], seg.call, scope);
  if (!tags.length) return;
  for (let i = before; i < w.facts.length; i++) {
    const fact = w.facts[i]!;
    if (fact.kind === 'route') fact.openapiTags = [...new Set([...(fact.openapiTags ?? []), ...tags])];
  }
}
