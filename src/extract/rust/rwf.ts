// Rwf (Rust Web Framework): `Server::new(vec![route!("/users/:id" => UserController), crud!("/api/users"
// => UserController), rest!("/api/posts" => PostController), IndexController.route("/"),
// engine!("/admin" => admin)])` and `Engine::new(vec![..])`. A plain `Controller` gets every method
// unless its `handle` matches on `Method::GET` / `Method::POST` arms; a `PageController` gets the
// verbs it implements; `crud!` / `rest!` register the REST set.
import type { HttpMethod } from '../../core/facts.js';
import { namedChildren, type Node } from '../tree-sitter/ast.js';
import { pathSegments, stringValue, unwrapExpr } from './ast.js';
import { methodNamed } from './attributes.js';
import { emitRoutes, joinBase } from './dialect-kit.js';
import type { Evaluator, RouterDialect, RouterValue } from './evaluator.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'rwf';
const REST: [HttpMethod, string][] = [['GET', ''], ['POST', ''], ['GET', '/:id'], ['PUT', '/:id'], ['PATCH', '/:id'], ['DELETE', '/:id']];

const implCache = new WeakMap<Evaluator, Map<string, Node[]>>();

/** `impl .. for Type` blocks of the file by type name (indexed once per file). */
function implsOf(ev: Evaluator, type: string): Node[] {
  let index = implCache.get(ev);
  if (!index) {
    implCache.set(ev, (index = new Map()));
    const root = ev.file.tree.kind === 'tree-sitter' ? ev.file.tree.tree.rootNode : undefined;
    for (const impl of root ? root.descendantsOfType('impl_item') : []) {
      const name = impl ? pathSegments(fieldOf(impl, 'type'))?.pop() : undefined;
      if (!impl || !name) continue;
      const list = index.get(name) ?? [];
      list.push(impl);
      index.set(name, list);
    }
  }
  return index.get(type) ?? [];
}

/** Methods a controller type of this file answers, from its `impl .. for Type` blocks. */
function controllerMethods(ev: Evaluator, type: string): HttpMethod[] {
  for (const impl of implsOf(ev, type)) {
    const trait = pathSegments(fieldOf(impl, 'trait'))?.pop();
    const fns = namedChildren(fieldOf(impl, 'body')).filter((n) => n.type === 'function_item');
    if (trait === 'PageController') {
      const verbs = fns.map((f) => methodNamed(fieldOf(f, 'name')?.text ?? '')).filter((m): m is HttpMethod => !!m && m !== 'QUERY');
      return verbs.length > 0 ? verbs : ['ANY'];
    }
    if (trait !== 'Controller') continue;
    const handle = fns.find((f) => fieldOf(f, 'name')?.text === 'handle');
    const out: HttpMethod[] = [];
    for (const pattern of handle ? handle.descendantsOfType('match_pattern') : []) {
      for (const id of pattern ? [pattern, ...pattern.descendantsOfType('scoped_identifier')] : []) {
        const segs = id ? pathSegments(id.type === 'match_pattern' ? namedChildren(id)[0] : id) : undefined;
        if (!segs || segs[segs.length - 2] !== 'Method') continue;
        const method = methodNamed(segs[segs.length - 1]!);
        if (method && method !== 'QUERY' && !out.includes(method)) out.push(method);
      }
    }
    return out.length > 0 ? out : ['ANY'];
  }
  return ['ANY'];
}

/** `"/path" => Target` inside a `route!(..)`: the path and the target's tokens. */
function arrowArgs(tree: Node): { path: string; target: Node[] } | undefined {
  const tokens = tree.children.filter((c): c is Node => c !== null).slice(1, -1);
  const arrow = tokens.findIndex((t) => t.type === '=>');
  const path = arrow === 1 ? stringValue(tokens[0]) : undefined;
  return path === undefined ? undefined : { path, target: tokens.slice(arrow + 1) };
}

/** Registers the routes listed in `vec![..]` (or an array) on `target`. */
function routeList(ev: Evaluator, target: RouterValue, list: Node, fn: Node): void {
  const tree = list.type === 'macro_invocation' ? namedChildren(list).find((c) => c.type === 'token_tree') : undefined;
  if (!tree) return;
  const tokens = tree.children.filter((c): c is Node => c !== null);
  for (let i = 1; i < tokens.length - 1; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    // route!(..) / crud!(..) / rest!(..) / engine!(..)
    if (token.type === 'identifier' && next?.type === '!' && tokens[i + 2]?.type === 'token_tree') {
      const args = arrowArgs(tokens[i + 2]!);
      i += 2;
      if (!args) continue;
      const targetName = args.target.filter((t) => t.type === 'identifier').pop();
      if (token.text === 'route') {
        const methods = targetName && args.target.length === 1 ? controllerMethods(ev, targetName.text) : ['ANY' as const];
        emitRoutes(ev, FRAMEWORK, target, methods, args.path, undefined, token);
      } else if (token.text === 'crud' || token.text === 'rest') {
        for (const [method, suffix] of REST) emitRoutes(ev, FRAMEWORK, target, [method], joinBase(args.path, suffix), undefined, token);
      } else if (token.text === 'engine' && targetName && args.target.length === 1) {
        const child = ev.lookup(fn, targetName.text);
        if (child?.kind === 'router') ev.mount(FRAMEWORK, target.ref, child.ref, args.path, token);
      }
      continue;
    }
    // IndexController.route("/")
    if (token.type === 'identifier' && next?.type === '.' && tokens[i + 2]?.text === 'route' && tokens[i + 3]?.type === 'token_tree') {
      const inner = tokens[i + 3]!.children.filter((c): c is Node => c !== null).slice(1, -1);
      const path = inner.length === 1 ? stringValue(inner[0]) : undefined;
      if (path !== undefined) emitRoutes(ev, FRAMEWORK, target, controllerMethods(ev, token.text), path, undefined, token);
      i += 3;
    }
  }
}

export const rwfDialect: RouterDialect = {
  framework: FRAMEWORK,

  constructorOf(path, _call, ev) {
    const [owner, name] = path.slice(-2);
    if (name !== 'new' || !(ev.usesCrate('rwf') || path[0] === 'rwf')) return undefined;
    if (owner === 'Server') return { prefix: '', isApp: true };
    if (owner === 'Engine') return { prefix: '', isApp: false };
    return undefined;
  },

  onConstruct(ev, value, call) {
    const fn = ev.enclosingFn(call);
    const list = unwrapExpr(namedChildren(fieldOf(call, 'arguments'))[0]);
    if (fn && list) routeList(ev, value, list, fn);
  },

  isRouterOp() {
    return false;
  },

  applyOp() {
    return false;
  },
};
