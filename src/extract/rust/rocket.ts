// Rocket: `rocket::build().mount("/base", routes![a, users::b])`, `.mount("/x", admin::routes())`,
// route lists built in functions (`routes![..]`, `r.append(&mut other())`) and `FileServer` mounts.
// Handlers declared with `#[get("/x")]` are routers of their own (attribute-routes.ts).
import { namedChildren, type Node } from '../tree-sitter/ast.js';
import { calleePath, methodChain, pathSegments, tokenGroups, tokenPath, unwrapExpr } from './ast.js';
import type { Evaluator, RouterDialect, RouterValue } from './evaluator.js';
import type { RefExpr } from '../../core/facts.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'rocket';
const ROUTE_MACROS = new Set(['routes', 'openapi_get_routes', 'openapi_get_routes_spec']);

/** Handler refs listed in a `routes![..]` macro; undefined when the node is not one. */
function routeList(ev: Evaluator, node: Node): { ref: RefExpr; at: Node }[] | undefined {
  if (node.type !== 'macro_invocation') return undefined;
  const name = pathSegments(fieldOf(node, 'macro'))?.pop();
  if (!name || !ROUTE_MACROS.has(name)) return undefined;
  const tree = namedChildren(node).find((c) => c.type === 'token_tree');
  const out: { ref: RefExpr; at: Node }[] = [];
  for (const group of tokenGroups(tree)) {
    const segs = tokenPath(group);
    const ref = segs ? ev.mods.resolve(node, segs) : undefined;
    if (ref) out.push({ ref, at: group[0]! });
  }
  return out;
}

function isFileServer(node: Node): boolean {
  if (node.type !== 'call_expression') return false;
  const path = calleePath(methodChain(node).base);
  return !!path && path.some((s) => s === 'FileServer' || s === 'StaticFiles');
}

function mountOp(ev: Evaluator, target: RouterValue, args: Node[], at: Node): boolean {
  const [prefixArg, routesArg] = args;
  const fn = ev.enclosingFn(at);
  if (!prefixArg || !routesArg || !fn) return false;
  const prefix = ev.stringOf(prefixArg, fn);
  if (prefix === undefined) return false;
  const node = unwrapExpr(routesArg);
  if (!node) return false;
  const listed = routeList(ev, node);
  if (listed) {
    for (const { ref } of listed) ev.mount(FRAMEWORK, target.ref, ref, prefix, at);
    return true;
  }
  if (isFileServer(node)) {
    ev.route({ framework: FRAMEWORK, method: 'GET', path: `${prefix.replace(/\/+$/, '')}/*`, router: target.ref }, at);
    return true;
  }
  const value = ev.evaluate(node, fn);
  if (value) ev.mount(FRAMEWORK, target.ref, value.ref, prefix, at);
  return true;
}

export const rocketDialect: RouterDialect = {
  framework: FRAMEWORK,

  constructorOf(path) {
    const [owner, name] = path.slice(-2);
    if ((owner === 'rocket' || owner === 'Rocket') && (name === 'build' || name === 'ignite' || name === 'custom')) return { prefix: '', isApp: true };
    return undefined;
  },

  isRouterOp(call) {
    return call.name === 'mount' && call.args.length === 2;
  },

  applyOp(ev, target, call) {
    if (target.framework && target.framework !== FRAMEWORK) return false;
    if (call.name === 'mount') return mountOp(ev, target, call.args, call.nameNode);
    if ((call.name === 'append' || call.name === 'extend') && call.args[0]) {
      const fn = ev.enclosingFn(call.node);
      const node = unwrapExpr(call.args[0]);
      if (!node || !fn) return false;
      const listed = routeList(ev, node);
      if (listed) {
        for (const { ref, at } of listed) ev.mount(FRAMEWORK, target.ref, ref, '', at);
        return true;
      }
      const value = ev.evaluate(node, fn);
      if (!value) return false;
      ev.mount(FRAMEWORK, target.ref, value.ref, '', call.nameNode);
      return true;
    }
    return false;
  },

  macroValue(ev, node, target) {
    const listed = routeList(ev, node);
    if (!listed) return undefined;
    for (const { ref, at } of listed) ev.mount(FRAMEWORK, target, ref, '', at);
    return { kind: 'router', ref: target, framework: FRAMEWORK };
  },
};
