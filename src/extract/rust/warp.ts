// warp filter chains: `warp::path("users").and(warp::path::param::<u32>()).and(warp::get()).and_then(h)`,
// `warp::path!("todos" / u64).and(warp::put())`, alternatives joined with `.or(..)`, filters kept in
// locals and returned by functions (`warp::path("api").and(backend())` mounts what `backend()`
// returns under /api), and `warp::serve(routes)`. A filter with a handler (`map`, `then`,
// `and_then`) is an endpoint; without a method filter it answers every method (ANY).
import type { Fact, HttpMethod, RefExpr } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, namedChildren, treeOf, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { calleePath, isInTestCode, isRustTestPath, isTestOnlyFile, methodChain, pathSegments, stringValue, unwrapExpr } from './ast.js';
import { methodNamed } from './attributes.js';
import { isPathLike } from './dialect-kit.js';
import { RustFile } from './rust-file.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'warp';
const HANDLERS = new Set(['map', 'then', 'and_then', 'map_async']);
const PASS = new Set(['boxed', 'with', 'recover', 'untuple_one', 'clone', 'unify', 'or_else', 'map_err']);

interface Alt {
  segs: string[];
  methods?: HttpMethod[];
  handler?: Node;
  handled: boolean;
  child?: RefExpr;
  at?: Node;
}

type Filter = Alt[];

const neutral = (): Filter => [{ segs: [], handled: false }];

function and(a: Filter, b: Filter): Filter {
  const out: Filter = [];
  for (const x of a) {
    for (const y of b) {
      out.push({
        segs: [...x.segs, ...y.segs],
        ...(x.methods ?? y.methods ? { methods: x.methods ?? y.methods } : {}),
        ...(x.handler ?? y.handler ? { handler: x.handler ?? y.handler } : {}),
        handled: x.handled || y.handled,
        ...(x.child ?? y.child ? { child: x.child ?? y.child } : {}),
        ...(x.at ?? y.at ? { at: x.at ?? y.at } : {}),
      });
    }
  }
  return out;
}

/** `warp::path!("a" / u32 / "b")`: literal segments and `{paramN}` for typed ones; `..` leaves the path open. */
function pathMacro(node: Node): Filter | undefined {
  const tree = namedChildren(node).find((c) => c.type === 'token_tree');
  if (!tree) return undefined;
  const segs: string[] = [];
  const tokens = tree.children.filter((c): c is Node => c !== null).slice(1, -1);
  const parts: Node[][] = [[]];
  for (const t of tokens) {
    if (t.type === '/') parts.push([]);
    else parts[parts.length - 1]!.push(t);
  }
  const params = parts.filter((p) => p.length > 0 && stringValue(p[0]) === undefined && p[0]!.type !== '..').length;
  let n = 0;
  for (const part of parts) {
    if (part.length === 0 || part[0]!.type === '..') continue;
    const literal = part.length === 1 ? stringValue(part[0]) : undefined;
    if (literal !== undefined) segs.push(...literal.split('/').filter(Boolean));
    else segs.push(params > 1 ? `{param${++n}}` : '{param}');
  }
  return [{ segs, handled: false }];
}

class WarpFile extends RustFile {
  private readonly env = new Map<string, Filter>();
  private readonly used = new Set<string>();

  private str(expr: Node | undefined): string | undefined {
    const node = unwrapExpr(expr);
    if (!node) return undefined;
    return stringValue(node) ?? (node.type === 'identifier' ? this.constOf(node.text) : undefined);
  }

  /** Evaluates an expression as a warp filter; undefined when it is not one. */
  filter(expr: Node | null | undefined): Filter | undefined {
    const node = unwrapExpr(expr);
    if (!node) return undefined;
    if (node.type === 'identifier') {
      const known = this.env.get(node.text);
      if (known) this.used.add(node.text);
      return known;
    }
    if (node.type === 'macro_invocation') {
      const path = pathSegments(fieldOf(node, 'macro'));
      return path && path[path.length - 1] === 'path' && (path.length === 1 || path[path.length - 2] === 'warp') ? pathMacro(node) : undefined;
    }
    if (node.type !== 'call_expression') return undefined;
    const { base, calls } = methodChain(node);
    let current = base.type === 'call_expression' ? this.baseFilter(base) : this.filter(base);
    if (!current) return undefined;
    for (const call of calls) {
      if (call.name === 'and') current = and(current, this.filter(call.args[0]) ?? neutral());
      else if (call.name === 'or') {
        const other = this.filter(call.args[0]);
        if (other) current = [...current, ...other];
      } else if (HANDLERS.has(call.name)) {
        const handler = call.args[0];
        current = current.map((alt) => ({ ...alt, handled: true, ...(handler ? { handler } : {}), at: call.nameNode }));
      } else if (!PASS.has(call.name)) return undefined;
    }
    return current;
  }

  /** A filter constructor call: `warp::path("x")`, `warp::get()`, `warp::path::param()`, or a filter-returning fn of the crate. */
  private baseFilter(call: Node): Filter | undefined {
    const path = calleePath(call);
    if (!path) return undefined;
    const name = path[path.length - 1]!;
    const owner = path[path.length - 2];
    const args = namedChildren(fieldOf(call, 'arguments'));
    if (path[0] === 'warp' || owner === 'path' || owner === 'method' || owner === 'filters') {
      if (name === 'path' && owner !== 'path') {
        const seg = args[0] ? this.str(args[0]) : undefined;
        return seg === undefined ? undefined : [{ segs: seg.split('/').filter(Boolean), handled: false }];
      }
      if (owner === 'path' && name === 'param') return [{ segs: ['{param}'], handled: false }];
      if (owner === 'path' && name === 'tail') return [{ segs: ['*'], handled: false }];
      if (name === 'ws') return [{ segs: [], methods: ['GET'], handled: false }];
      const method = methodNamed(name);
      if (method && method !== 'QUERY' && args.length === 0) return [{ segs: [], methods: [method], handled: false }];
      if (path[0] === 'warp' && (owner === 'fs' || path.includes('fs'))) return undefined;
      return neutral();
    }
    const item = this.mods.resolve(call, path);
    if (!item || !this.usesCrate('warp')) return undefined;
    return [{ segs: [], handled: false, child: { file: item.file, path: [...item.path, 'return'] } }];
  }

  /** Facts for a filter that ends up on `router`: handled alternatives are routes, the rest mount what they reach. */
  emit(filter: Filter, router: RefExpr, at: Node): void {
    for (const alt of filter) {
      const path = `/${alt.segs.join('/')}`;
      // `warp::any().map(move || db.clone())`: a data filter to `.and(..)` in, not an endpoint.
      const dataOnly = alt.segs.length === 0 && !alt.methods && !isPathLike(alt.handler);
      if (alt.handled && !dataOnly) {
        const info = isPathLike(alt.handler) ? this.handler(alt.handler) : undefined;
        for (const method of alt.methods ?? ['ANY' as const]) {
          this.route({
            framework: FRAMEWORK, method, path, router,
            ...(info?.handler ? { handler: info.handler } : {}),
            ...(info && info.middleware.length > 0 ? { middleware: info.middleware } : {}),
          }, alt.at ?? at);
        }
      } else if (alt.child) {
        this.mount(FRAMEWORK, router, alt.child, alt.segs.length > 0 ? path : '', at);
      }
    }
  }

  run(root: Node): Fact[] {
    for (const fn of root.descendantsOfType('function_item')) {
      if (!fn || isInTestCode(fn)) continue;
      const body = fieldOf(fn, 'body');
      if (!body) continue;
      this.env.clear();
      this.used.clear();
      const name = fieldOf(fn, 'name')?.text ?? '?';
      const lets: { name: string; node: Node }[] = [];
      const statements = namedChildren(body);
      statements.forEach((stmt, index) => {
        if (stmt.type === 'let_declaration') {
          const pattern = fieldOf(stmt, 'pattern');
          const id = pattern?.type === 'mut_pattern' ? namedChildren(pattern)[0] : pattern;
          const value = this.filter(fieldOf(stmt, 'value'));
          if (id?.type === 'identifier' && value) {
            this.env.set(id.text, value);
            lets.push({ name: id.text, node: stmt });
          }
          return;
        }
        const expr = stmt.type === 'expression_statement' ? namedChildren(stmt)[0] : stmt;
        const node = unwrapExpr(expr);
        if (!node) return;
        const isTail = index === statements.length - 1 && stmt.type !== 'expression_statement' || node.type === 'return_expression';
        if (isTail) {
          const value = this.filter(node.type === 'return_expression' ? namedChildren(node)[0] : node);
          if (value) this.emit(value, this.mods.localItem(fn, [name, 'return']), node);
          return;
        }
        // warp::serve(routes).run(addr)
        for (const call of [node, ...node.descendantsOfType('call_expression')]) {
          const path = call?.type === 'call_expression' ? calleePath(call) : undefined;
          if (!call || !path || path[path.length - 1] !== 'serve' || path[0] !== 'warp') continue;
          const value = this.filter(namedChildren(fieldOf(call, 'arguments'))[0]);
          if (!value) continue;
          const app = this.mods.localItem(fn, [`${name}:serve`]);
          this.router(FRAMEWORK, app, call, { isApp: true });
          this.emit(value, app, call);
          this.facts.push({ kind: 'service-entry', framework: FRAMEWORK, location: loc(this.file.path, call) });
        }
      });
      for (const { name: local, node } of lets) {
        if (!this.used.has(local)) this.emit(this.env.get(local)!, this.mods.localItem(fn, [`${name}:${local}`]), node);
      }
    }
    return this.flush();
  }
}

export const warpRoutes: Extractor = {
  id: 'rust/warp-routes',
  languages: ['rust'],
  keywords: ['warp'],
  extract(file: ParsedFile): Fact[] {
    const tree = treeOf(file);
    if (!tree || isRustTestPath(file.path) || isTestOnlyFile(tree.rootNode)) return [];
    const warp = new WarpFile(file, tree.rootNode);
    if (!warp.usesCrate('warp')) return [];
    return warp.run(tree.rootNode);
  },
};
