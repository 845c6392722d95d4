// What one Rust file says, independent of any framework: module resolution (`mod`/`use`),
// constant strings, handler functions and imported crates; and the facts emitted for it, with
// router facts merged per ref and a record of what each router got so later layers can wrap it.
import type { Fact, MiddlewareRef, MountFact, RefExpr, RouteFact, RouterFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, type Node } from '../tree-sitter/ast.js';
import { pathSegments, stringValue, unwrapExpr } from './ast.js';
import { extractorAuth } from './middleware-roles.js';
import { ModuleResolver } from './modules.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

export class RustFile {
  readonly facts: Fact[] = [];
  readonly mods: ModuleResolver;
  readonly file: ParsedFile;
  private readonly routers = new Map<string, RouterFact>();
  /** Facts registered on each router ref in this file, for layers that wrap what came before. */
  private readonly byRouter = new Map<string, (RouteFact | MountFact)[]>();
  private readonly mounted = new Set<string>();

  constructor(file: ParsedFile, root: Node) {
    this.file = file;
    this.mods = new ModuleResolver(file.path, root);
  }

  /** All facts, router facts last. */
  flush(): Fact[] {
    return [...this.facts, ...this.routers.values()];
  }

  /** A ref to the item a path names (a handler function), resolved through `mod`/`use`. */
  itemRef(node: Node): RefExpr | undefined {
    const path = pathSegments(unwrapExpr(node));
    return path ? this.mods.resolve(node, path) : undefined;
  }

  private constCache?: Map<string, string>;

  protected constOf(name: string): string | undefined {
    if (!this.constCache) {
      this.constCache = new Map();
      const root = this.file.tree.kind === 'tree-sitter' ? this.file.tree.tree.rootNode : undefined;
      for (const item of root ? root.descendantsOfType(['const_item', 'static_item']) : []) {
        const id = fieldOf(item, 'name')?.text;
        const value = stringValue(fieldOf(item, 'value'));
        if (id && value !== undefined && !this.constCache.has(id)) this.constCache.set(id, value);
      }
    }
    return this.constCache.get(name);
  }

  route(fact: Omit<RouteFact, 'kind' | 'location'>, at: Node): RouteFact {
    const route: RouteFact = { kind: 'route', ...fact, location: loc(this.file.path, at) };
    this.facts.push(route);
    if (route.router) this.track(route.router, route);
    return route;
  }

  mount(framework: string, parent: RefExpr, child: RefExpr, prefix: string, at: Node, middleware?: MiddlewareRef[]): MountFact | undefined {
    if (sameRef(parent, child)) return undefined;
    // The same mount reached twice (a dialect mounts and the chain's value is mounted again) is one mount.
    const key = `${refKey(parent)}>${refKey(child)}>${prefix}`;
    if (this.mounted.has(key)) return undefined;
    this.mounted.add(key);
    const mount: MountFact = {
      kind: 'mount', framework, parent, child, prefix, location: loc(this.file.path, at),
      ...(middleware && middleware.length > 0 ? { middleware } : {}),
    };
    this.facts.push(mount);
    this.track(parent, mount);
    return mount;
  }

  /** A router fact for `ref` (created once; later calls merge middleware). */
  router(framework: string, ref: RefExpr, at: Node, extra: { isApp?: boolean; prefix?: string; middleware?: MiddlewareRef[] } = {}): RouterFact {
    const key = refKey(ref);
    let fact = this.routers.get(key);
    if (!fact) {
      fact = { kind: 'router', framework, ref, location: loc(this.file.path, at) };
      this.routers.set(key, fact);
    }
    if (extra.isApp) fact.isApp = true;
    if (extra.prefix) fact.prefix = extra.prefix;
    if (extra.middleware?.length) fact.middleware = [...(fact.middleware ?? []), ...extra.middleware];
    return fact;
  }

  /** Middleware wrapping everything registered on `ref` so far in this file (axum `.layer`): it runs outermost. */
  wrapRegistered(ref: RefExpr, middleware: readonly MiddlewareRef[]): void {
    if (middleware.length === 0) return;
    for (const fact of this.byRouter.get(refKey(ref)) ?? []) fact.middleware = [...middleware, ...(fact.middleware ?? [])];
  }

  private track(ref: RefExpr, fact: RouteFact | MountFact): void {
    const key = refKey(ref);
    let list = this.byRouter.get(key);
    if (!list) this.byRouter.set(key, (list = []));
    list.push(fact);
  }

  /** Name, location, auth extractors and function node of a handler written as a path, when it is a fn of this file. */
  handler(node: Node): { handler: RouteFact['handler']; middleware: MiddlewareRef[]; fn?: Node } {
    const name = node.text.length <= 120 ? node.text : `${node.text.slice(0, 117)}...`;
    const fn = this.localFunction(node);
    if (!fn) return { handler: { name }, middleware: [] };
    const id = fieldOf(fn, 'name') ?? fn;
    return { handler: { name, location: loc(this.file.path, id) }, middleware: extractorAuth(fn, this.file.path), fn };
  }

  private crates?: Set<string>;

  /** True when the file imports from the crate (`use actix_web::..`, `extern crate rocket`). */
  usesCrate(name: string): boolean {
    if (!this.crates) {
      this.crates = new Set();
      const root = this.file.tree.kind === 'tree-sitter' ? this.file.tree.tree.rootNode : undefined;
      for (const decl of root ? root.descendantsOfType(['use_declaration', 'extern_crate_declaration']) : []) {
        const first = decl ? leftmostName(decl.childForFieldName(decl.type === 'use_declaration' ? 'argument' : 'name')) : undefined;
        if (first) this.crates.add(first);
      }
    }
    return this.crates.has(name);
  }

  private fnIndex?: Map<string, Node>;

  /** The `fn` item of this file a handler path names (same module), if any. */
  localFunction(node: Node): Node | undefined {
    const target = this.itemRef(node);
    if (!target) return undefined;
    if (!this.fnIndex) {
      this.fnIndex = new Map();
      const root = this.file.tree.kind === 'tree-sitter' ? this.file.tree.tree.rootNode : undefined;
      for (const fn of root ? root.descendantsOfType('function_item') : []) {
        if (!fn || fn.parent?.type === 'declaration_list' && fn.parent.parent?.type === 'impl_item') continue;
        const name = fieldOf(fn, 'name')?.text;
        if (!name) continue;
        const key = refKey(this.mods.localItem(fn, [name]));
        if (!this.fnIndex.has(key)) this.fnIndex.set(key, fn);
      }
    }
    return this.fnIndex.get(refKey(target));
  }
}

/** The first segment of a use tree or path (`actix_web` in `actix_web::{web, App}`). */
function leftmostName(node: Node | null | undefined): string | undefined {
  let cur = node ?? undefined;
  while (cur && cur.type !== 'identifier' && cur.type !== 'crate' && cur.type !== 'super' && cur.type !== 'self') {
    cur = fieldOf(cur, 'path') ?? cur.namedChildren.find((c) => c !== null) ?? undefined;
  }
  return cur?.text;
}

export function refKey(ref: RefExpr): string {
  return `${ref.file}#${ref.path.join('.')}`;
}

export function sameRef(a: RefExpr, b: RefExpr): boolean {
  return refKey(a) === refKey(b);
}
