// Salvo: `Router::new().path("api").hoop(auth).get(list).post(create)`, `Router::with_path("users/<id>")`,
// children with `.push(..)` / `.unshift(..)` (paths compose; a router without a path passes its
// parent's through) and routers returned by functions (`.push(routes::users())`).
import { calleePath } from './ast.js';
import { methodNamed } from './attributes.js';
import { emitRoutes } from './dialect-kit.js';
import type { Evaluator, RouterDialect } from './evaluator.js';
import { layerMiddleware } from './middleware-roles.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'salvo';
const VERBS = new Set(['get', 'post', 'put', 'delete', 'patch', 'head', 'options', 'handle', 'goal']);
const OPS = new Set([...VERBS, 'path', 'push', 'unshift', 'hoop', 'filter_fn']);

/**
 * Salvo path parameters to `{name}`: `<id>`, `<id:num>`, `<**rest>`, `{id}`, `{id|[0-9]{8}}`,
 * `{**rest}`. Brackets are matched by depth so a regex with `{n}` stays inside its parameter.
 */
export function salvoPath(path: string): string {
  let out = '';
  for (let i = 0; i < path.length; i++) {
    const open = path[i]!;
    if (open !== '{' && open !== '<') {
      out += open;
      continue;
    }
    const close = open === '{' ? '}' : '>';
    let depth = 0;
    let end = -1;
    for (let j = i; j < path.length; j++) {
      if (path[j] === open) depth++;
      else if (path[j] === close && --depth === 0) {
        end = j;
        break;
      }
    }
    if (end < 0) return out + path.slice(i);
    const inner = path.slice(i + 1, end).replace(/^\*+/, '');
    let name = '';
    for (const c of inner) {
      if (c === ':' || c === '|') break;
      name += c;
    }
    out += `{${name || 'rest'}}`;
    i = end;
  }
  return out;
}

function usesSalvo(ev: Evaluator): boolean {
  return ev.usesCrate('salvo');
}

export const salvoDialect: RouterDialect = {
  framework: FRAMEWORK,

  constructorOf(path, call, ev) {
    const [owner, name] = path.slice(-2);
    if (owner !== 'Router' || !(path[0] === 'salvo' || usesSalvo(ev))) return undefined;
    if (name === 'new' || name === 'with_hoop' || name === 'with_filter_fn') return { prefix: '', isApp: false };
    if (name === 'with_path') {
      const arg = fieldOf(call, 'arguments')?.namedChild(0);
      const prefix = arg ? ev.stringOf(arg, ev.enclosingFn(call)) : undefined;
      return prefix === undefined ? undefined : { prefix: salvoPath(prefix) || '/', isApp: false };
    }
    return undefined;
  },

  onConstruct(ev, value, call) {
    const path = calleePath(call);
    const arg = fieldOf(call, 'arguments')?.namedChild(0);
    if (path?.[path.length - 1] === 'with_hoop' && arg) ev.router(FRAMEWORK, value.ref, call, { middleware: layerMiddleware(arg, ev.file.path) });
  },

  isRouterOp(call, ev) {
    return OPS.has(call.name) && call.args.length === 1 && usesSalvo(ev);
  },

  applyOp(ev, target, call) {
    if (target.framework !== FRAMEWORK || call.args.length !== 1) return false;
    const fn = ev.enclosingFn(call.node);
    const arg = call.args[0]!;
    if (!fn) return false;
    // A path we cannot read (`PREFIX.to_owned() + "x"` with an imported const): report nothing under it.
    if (target.state?.unknownPath) return OPS.has(call.name);
    if (VERBS.has(call.name)) {
      const method = call.name === 'handle' || call.name === 'goal' ? 'ANY' : methodNamed(call.name);
      if (!method) return false;
      emitRoutes(ev, FRAMEWORK, target, [method], '', arg, call.nameNode);
      return true;
    }
    switch (call.name) {
      case 'path': {
        const prefix = ev.stringOf(arg, fn);
        if (prefix !== undefined) {
          ev.router(FRAMEWORK, target.ref, call.nameNode, { prefix: salvoPath(prefix) || '/' });
          return true;
        }
        // `.path(PREFIX.to_owned() + "users")`: the rest of the chain goes on a router mounted at the constant.
        const constant = ev.constantPrefix(arg, fn);
        if (!constant) {
          target.state = { ...target.state, unknownPath: true };
          return true;
        }
        const child = { file: target.ref.file, path: [...target.ref.path.slice(0, -1), `${target.ref.path[target.ref.path.length - 1]}@path`] };
        const mount = ev.mount(FRAMEWORK, target.ref, child, '', call.nameNode);
        if (mount) mount.prefixRef = constant.ref;
        if (constant.suffix) ev.router(FRAMEWORK, child, call.nameNode, { prefix: salvoPath(constant.suffix) });
        return { ...target, ref: child };
      }
      case 'push': case 'unshift': {
        const child = ev.routerOf(arg, fn);
        if (child) ev.mount(FRAMEWORK, target.ref, child.ref, '', call.nameNode);
        return true;
      }
      case 'hoop':
        ev.router(FRAMEWORK, target.ref, call.nameNode, { middleware: layerMiddleware(arg, ev.file.path) });
        return true;
      default:
        return false;
    }
  },
};
