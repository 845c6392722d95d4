// Loco (loco-rs): controllers return `Routes::new().prefix("/api/posts").add("/", get(list).post(create))`
// with axum method routers; the app mounts them with `AppRoutes::with_default_routes()
// .prefix("/api").add_route(controllers::posts::routes())`.
import { methodRouterEntries } from './axum.js';
import { emitRoutes } from './dialect-kit.js';
import type { RouterDialect } from './evaluator.js';
import { layerMiddleware } from './middleware-roles.js';

const FRAMEWORK = 'loco';
const OPS = new Set(['prefix', 'add', 'add_route', 'add_routes', 'nest_prefix', 'nest_route']);

export const locoDialect: RouterDialect = {
  framework: FRAMEWORK,

  constructorOf(path, _call, ev) {
    const [owner, name] = path.slice(-2);
    if (!ev.usesCrate('loco_rs') && path[0] !== 'loco_rs') return undefined;
    if (owner === 'Routes' && name === 'new') return { prefix: '', isApp: false };
    if (owner === 'AppRoutes' && (name === 'with_default_routes' || name === 'empty')) return { prefix: '', isApp: true };
    return undefined;
  },

  isRouterOp(call, ev) {
    return OPS.has(call.name) && ev.usesCrate('loco_rs');
  },

  applyOp(ev, target, call) {
    if (target.framework !== FRAMEWORK) return false;
    const fn = ev.enclosingFn(call.node);
    const [first, second] = call.args;
    if (!fn || !first) return false;
    switch (call.name) {
      case 'prefix': {
        const prefix = ev.stringOf(first, fn);
        if (prefix === undefined) return false;
        ev.router(FRAMEWORK, target.ref, call.nameNode, { prefix });
        return true;
      }
      case 'add': {
        const path = ev.stringOf(first, fn);
        if (path === undefined || !second) return false;
        for (const entry of methodRouterEntries(second, ev.file.path)) {
          emitRoutes(ev, FRAMEWORK, target, [entry.method], path, entry.handler, call.nameNode, entry.middleware);
        }
        return true;
      }
      case 'add_route': {
        const child = ev.routerOf(first, fn);
        if (child) ev.mount(FRAMEWORK, target.ref, child.ref, '', call.nameNode);
        return true;
      }
      case 'layer':
        ev.wrapRegistered(target.ref, layerMiddleware(first, ev.file.path));
        return true;
      default:
        return false;
    }
  },
};
