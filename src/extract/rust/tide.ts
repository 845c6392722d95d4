// tide: `let mut app = tide::new(); app.at("/users/:id").get(h).put(h2);`, a route kept in a local
// (`let r = app.at("/x"); r.get(h);`), nested paths (`app.at("/api").at("/x")`), sub-apps
// (`app.at("/api").nest(api)`), static files (`.serve_dir(..)`, `.serve_file(..)`) and `.with(mw)`.
import type { MiddlewareRef } from '../../core/facts.js';
import { methodNamed } from './attributes.js';
import { emitRoutes, joinBase } from './dialect-kit.js';
import type { RouterDialect } from './evaluator.js';
import { layerMiddleware } from './middleware-roles.js';

const FRAMEWORK = 'tide';
const ROUTE_OPS = new Set(['at', 'nest', 'serve_dir', 'serve_file', 'all', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options', 'trace', 'connect']);

export const tideDialect: RouterDialect = {
  framework: FRAMEWORK,

  constructorOf(path, _call, ev) {
    const [owner, name] = path.slice(-2);
    if (owner === 'tide' && (name === 'new' || name === 'with_state')) return { prefix: '', isApp: true };
    if (owner === 'Server' && (name === 'new' || name === 'with_state') && (path[0] === 'tide' || ev.usesCrate('tide'))) return { prefix: '', isApp: true };
    return undefined;
  },

  isRouterOp(call, ev) {
    return ROUTE_OPS.has(call.name) && call.args.length === 1 && ev.usesCrate('tide');
  },

  applyOp(ev, target, call) {
    if (target.framework && target.framework !== FRAMEWORK) return false;
    if (!ROUTE_OPS.has(call.name) && call.name !== 'with') return false;
    const fn = ev.enclosingFn(call.node);
    const arg = call.args[0];
    if (!fn || call.args.length !== 1 || !arg) return false;
    if (call.name === 'at') {
      const path = ev.stringOf(arg, fn);
      if (path === undefined) return false;
      return { ...target, framework: FRAMEWORK, base: joinBase(target.base ?? '', path) || '/', state: { ...target.state } };
    }
    if (call.name === 'with') {
      const mws = layerMiddleware(arg, ev.file.path);
      if (target.base === undefined) ev.router(FRAMEWORK, target.ref, call.nameNode, { middleware: mws });
      else target.state = { ...target.state, middleware: [...((target.state?.middleware as MiddlewareRef[] | undefined) ?? []), ...mws] };
      return true;
    }
    if (target.base === undefined) return false;
    const path = target.base;
    const extra = (target.state?.middleware as MiddlewareRef[] | undefined) ?? [];
    if (call.name === 'nest') {
      const child = ev.routerOf(arg, fn);
      if (child) ev.mount(FRAMEWORK, target.ref, child.ref, path, call.nameNode, extra);
      return true;
    }
    if (call.name === 'serve_dir' || call.name === 'serve_file') {
      emitRoutes(ev, FRAMEWORK, target, ['GET'], path, undefined, call.nameNode, extra);
      return true;
    }
    const method = call.name === 'all' ? 'ANY' : methodNamed(call.name);
    if (!method) return false;
    emitRoutes(ev, FRAMEWORK, target, [method], path, arg, call.nameNode, extra);
    return true;
  },
};
