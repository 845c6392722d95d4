// Beego: web.Router with method mappings or controller verb methods, verb functions, namespaces
// (NewNamespace / NSRouter / NSNamespace / NSGet ...), AddNamespace, InsertFilter and Run.
import type { HttpMethod, RefExpr } from '../../core/facts.js';
import { callArgs, loc, selectorPath, type ChainSegment, type Node } from './ast.js';
import { methodFromString, verbMethod, type GoFramework } from './frameworks.js';
import type { GoRouteWalker } from './routes.js';
import type { Scope } from './scope.js';
import { NONE, refKey, type Val } from './values.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

export function beegoPackageCall(w: GoRouteWalker, pkg: { path: string; local: string; fw?: GoFramework }, seg: ChainSegment, scope: Scope | undefined): Val {
  const app = w.asRouter({ k: 'pkg', ...pkg }, seg.call)!;
  switch (seg.name) {
    case 'Router':
      beegoRouter(w, app.ref, seg, scope);
      return NONE;
    case 'NewNamespace': {
      const prefix = w.pathOf(seg.args[0], scope, true);
      if (prefix === undefined) return NONE;
      return { k: 'ns', prefix, args: seg.args.slice(1), at: seg.call };
    }
    case 'AddNamespace':
      for (const arg of seg.args) {
        const val = w.evalExpr(arg, scope);
        if (val.k === 'ref') w.emitMount(app.ref, val.ref, '', [], seg.call, 'beego');
        else if (val.k === 'ns') {
          const ref = w.synthetic(arg);
          beegoNamespace(w, ref, val, scope);
          w.emitMount(app.ref, ref, '', [], seg.call, 'beego');
        }
      }
      return NONE;
    case 'InsertFilter': {
      const pattern = w.constOf(seg.args[0], scope);
      const filter = seg.args[2];
      if (pattern === undefined || !filter) return NONE;
      const cut = pattern.search(/[*:]/);
      const pathPrefix = (cut >= 0 ? pattern.slice(0, cut) : pattern).replace(/\/+$/, '');
      for (const mw of w.middlewareArgs([filter])) {
        w.facts.push({ kind: 'router-middleware', framework: 'beego', router: app.ref, middleware: mw, pathPrefix, location: loc(w.file.path, seg.call) });
      }
      return NONE;
    }
    case 'Run':
    case 'RunWithMiddleWares':
      w.facts.push({ kind: 'service-entry', framework: 'beego', location: loc(w.file.path, seg.call) });
      return NONE;
    default: {
      const verb = verbMethod(seg.name);
      if (verb) w.verbRoute(app, 'beego', verb, seg, scope, true);
      return NONE;
    }
  }
}

/** `web.Router("/x", &C{}, "get:Get;post:Post")`; mapping-less routes use C's verb-named methods in this file. */
export function beegoRouter(w: GoRouteWalker, router: RefExpr, seg: ChainSegment, scope: Scope | undefined): boolean {
  const [pathNode, ctrl, mappingNode] = seg.args;
  const path = w.pathOf(pathNode, scope, true);
  if (path === undefined || !ctrl) return false;
  const ctrlVal = w.evalExpr(ctrl, scope);
  const type = ctrlVal.k === 'typed' ? ctrlVal.type : ctrlVal.k === 'ref' ? ctrlVal.type : undefined;
  const typeLabel = type?.name ?? ctrl.text;
  const at = loc(w.file.path, seg.call);
  const emit = (method: HttpMethod, fn: string) => {
    const decl = type && !type.pkg ? w.funcDecls.get(`${type.name}.${fn}`) : undefined;
    const tags = type && !type.pkg ? w.tags.get(`${type.name}.${fn}`) : undefined;
    w.facts.push({
      kind: 'route', framework: 'beego', method, path, router, location: at,
      handler: { name: fn ? `${typeLabel}.${fn}` : typeLabel, ...(decl ? { location: loc(w.file.path, fieldOf(decl, 'name') ?? decl) } : {}) },
      ...(tags?.length ? { openapiTags: tags } : {}),
    });
  };
  const mapping = mappingNode ? w.constOf(mappingNode, scope) : undefined;
  if (mapping) {
    for (const part of mapping.split(';')) {
      const [methods, fn] = part.split(':');
      if (!methods || !fn) continue;
      for (const m of methods.split(',')) {
        const method = methodFromString(m);
        if (method) emit(method, fn.trim());
      }
    }
    return true;
  }
  const verbs = type && !type.pkg ? [...(w.methodsByType.get(type.name) ?? [])].filter((m) => verbMethod(m) && verbMethod(m) !== 'ANY') : [];
  if (verbs.length) for (const fn of verbs.sort()) emit(verbMethod(fn)!, fn);
  else emit('ANY', '');
  return true;
}

export function beegoNamespace(w: GoRouteWalker, ref: RefExpr, ns: { prefix: string; args: Node[]; at: Node }, scope: Scope | undefined): void {
  w.facts.push({ kind: 'router', framework: 'beego', ref, ...(ns.prefix ? { prefix: ns.prefix } : {}), location: loc(w.file.path, ns.at) });
  w.knownRouters.set(refKey(ref), 'beego');
  for (const arg of ns.args) {
    if (arg.type !== 'call_expression') continue;
    w.processed.add(arg.id);
    const fn = selectorPath(fieldOf(arg, 'function'));
    const name = fn?.[fn.length - 1];
    if (!name) continue;
    const args = callArgs(arg);
    const seg: ChainSegment = { name, args, call: arg, receiverless: false };
    if (name === 'NSRouter') beegoRouter(w, ref, seg, scope);
    else if (name === 'NSNamespace') {
      const prefix = w.pathOf(args[0], scope, true);
      if (prefix === undefined) continue;
      const child = w.synthetic(arg);
      beegoNamespace(w, child, { prefix, args: args.slice(1), at: arg }, scope);
      w.emitMount(ref, child, '', [], arg, 'beego');
    } else if (name === 'NSBefore') {
      for (const mw of w.middlewareArgs(args)) {
        w.facts.push({ kind: 'router-middleware', framework: 'beego', router: ref, middleware: mw, pathPrefix: '', location: loc(w.file.path, arg) });
      }
    } else if (name.startsWith('NS')) {
      const verb = verbMethod(name.slice(2));
      if (verb) w.verbRoute({ k: 'ref', ref, router: 'beego' }, 'beego', verb, { ...seg, name: name.slice(2) }, scope, true);
    }
  }
}
