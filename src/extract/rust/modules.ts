// Rust module paths without reading other files: a file's own module path comes from its location
// under the crate's `src/`, `mod` and `use` declarations visible in the file map names to module
// paths, and each module path has one canonical key that every file computes the same way. That
// key is the RefExpr `file` of items declared in the module (`src/http/users.rs` stands for the
// module whether it lives in `users.rs` or `users/mod.rs`), so refs written in one file meet the
// facts of another without the model knowing Rust.
import type { RefExpr } from '../../core/facts.js';
import { namedChildren, type Node } from '../tree-sitter/ast.js';
import { pathSegments } from './ast.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

export interface CrateFile {
  /** The crate's source root ('src', 'service_a/src'). */
  srcRoot: string;
  /** Module path of the file itself ([] for main.rs / lib.rs). */
  module: string[];
}

/** Where a file sits in its crate. */
export function crateFileOf(path: string): CrateFile {
  const inner = path.lastIndexOf('/src/');
  const srcRoot = inner >= 0 ? path.slice(0, inner + 4) : path.startsWith('src/') ? 'src' : path.slice(0, Math.max(0, path.lastIndexOf('/')));
  const rel = srcRoot ? path.slice(srcRoot.length + 1) : path;
  const parts = rel.replace(/\.rs$/, '').split('/').filter(Boolean);
  if (parts.length === 1 && (parts[0] === 'main' || parts[0] === 'lib')) return { srcRoot, module: [] };
  if (parts[parts.length - 1] === 'mod') parts.pop();
  return { srcRoot, module: parts };
}

/** The canonical key of a module: `<srcRoot>/<a>/<b>.rs`, or `<srcRoot>/crate` for the crate root. */
export function moduleKey(srcRoot: string, module: readonly string[]): string {
  const base = srcRoot ? `${srcRoot}/` : '';
  return module.length === 0 ? `${base}crate` : `${base}${module.join('/')}.rs`;
}

type UseTarget = { kind: 'internal'; path: string[] } | { kind: 'external' };

interface Scope {
  module: string[];
  uses: Map<string, UseTarget>;
  globs: string[][];
  mods: Set<string>;
  fns: Set<string>;
}

/** Resolves paths written in one file to module items. Scopes are the file and its inline `mod` blocks. */
export class ModuleResolver {
  readonly crate: CrateFile;
  private readonly scopes = new Map<number, Scope>();
  private readonly root: Node;

  constructor(path: string, root: Node) {
    this.crate = crateFileOf(path);
    this.root = root;
  }

  key(module: readonly string[]): string {
    return moduleKey(this.crate.srcRoot, module);
  }

  /** Module path of the code at `node` (the file's module plus enclosing inline `mod` blocks). */
  moduleAt(node: Node): string[] {
    const names: string[] = [];
    for (let cur = node.parent; cur; cur = cur.parent) {
      if (cur.type === 'mod_item') {
        const name = fieldOf(cur, 'name');
        if (name) names.unshift(name.text);
      }
    }
    return [...this.crate.module, ...names];
  }

  /** A ref to an item `name` of the module the node is in. */
  localItem(node: Node, path: string[]): RefExpr {
    return { file: this.key(this.moduleAt(node)), path };
  }

  /**
   * The item a path written at `node` names (`users::router`, `crate::a::f`, `handler`), as a ref
   * to that item in its module; undefined for paths into other crates.
   */
  resolve(node: Node, segments: readonly string[]): RefExpr | undefined {
    const absolute = this.absolutePath(node, segments);
    if (!absolute || absolute.length === 0) return undefined;
    return { file: this.key(absolute.slice(0, -1)), path: [absolute[absolute.length - 1]!] };
  }

  /** The absolute module path of a path expression (item last), undefined when external. */
  absolutePath(node: Node, segments: readonly string[]): string[] | undefined {
    if (segments.length === 0) return undefined;
    const scope = this.scopeAt(node);
    const [first, ...rest] = segments as [string, ...string[]];
    if (first === 'crate') return rest.length > 0 ? rest : undefined;
    if (first === 'self') return [...scope.module, ...rest];
    if (first === 'super') return this.superPath(scope.module, segments);
    if (first === 'Self') return undefined;
    // Names declared in enclosing blocks (fn-level `use`) first, then the module scope.
    const target = this.useInBlocks(node, first) ?? scope.uses.get(first);
    if (target) return target.kind === 'internal' ? [...target.path, ...rest] : undefined;
    if (scope.mods.has(first)) return [...scope.module, ...segments];
    if (segments.length === 1) {
      if (!scope.fns.has(first) && scope.globs.length === 1) return [...scope.globs[0]!, first];
      return [...scope.module, first];
    }
    return undefined;
  }

  private superPath(module: readonly string[], segments: readonly string[]): string[] | undefined {
    const base = [...module];
    let i = 0;
    while (segments[i] === 'super') {
      if (base.length === 0) return undefined;
      base.pop();
      i++;
    }
    const rest = segments.slice(i);
    return rest.length > 0 ? [...base, ...rest] : undefined;
  }

  private useInBlocks(node: Node, name: string): UseTarget | undefined {
    for (let cur = node.parent; cur; cur = cur.parent) {
      if (cur.type === 'mod_item' || cur.type === 'source_file') return undefined;
      if (cur.type !== 'block') continue;
      const uses = new Map<string, UseTarget>();
      for (const child of namedChildren(cur)) {
        if (child.type === 'use_declaration') this.collectUse(child, this.moduleAt(child), uses, []);
      }
      const found = uses.get(name);
      if (found) return found;
    }
    return undefined;
  }

  private scopeAt(node: Node): Scope {
    let container: Node = this.root;
    for (let cur = node.parent; cur; cur = cur.parent) {
      if (cur.type === 'mod_item' && fieldOf(cur, 'body')) {
        container = fieldOf(cur, 'body')!;
        break;
      }
    }
    const cached = this.scopes.get(container.id);
    if (cached) return cached;
    const module = container === this.root ? [...this.crate.module] : this.moduleAt(container);
    const scope: Scope = { module, uses: new Map(), globs: [], mods: new Set(), fns: new Set() };
    for (const child of namedChildren(container)) {
      if (child.type === 'use_declaration') this.collectUse(child, scope.module, scope.uses, scope.globs);
      else if (child.type === 'mod_item' || child.type === 'function_item') {
        const name = fieldOf(child, 'name')?.text;
        if (name) (child.type === 'mod_item' ? scope.mods : scope.fns).add(name);
      }
    }
    this.scopes.set(container.id, scope);
    return scope;
  }

  private collectUse(decl: Node, module: string[], into: Map<string, UseTarget>, globs: string[][]): void {
    const arg = fieldOf(decl, 'argument');
    if (arg) this.collectUseTree(arg, [], module, into, globs);
  }

  private collectUseTree(node: Node, prefix: string[], module: string[], into: Map<string, UseTarget>, globs: string[][]): void {
    switch (node.type) {
      case 'identifier': case 'scoped_identifier': case 'crate': case 'self': case 'super': {
        const segs = [...prefix, ...(pathSegments(node) ?? [])];
        const last = segs[segs.length - 1];
        if (!last) return;
        const local = last === 'self' ? segs[segs.length - 2] : last;
        const target = last === 'self' ? segs.slice(0, -1) : segs;
        if (local && local !== 'crate' && local !== 'super') into.set(local, this.useTarget(target, module));
        return;
      }
      case 'use_as_clause': {
        const path = fieldOf(node, 'path');
        const alias = fieldOf(node, 'alias')?.text;
        const segs = [...prefix, ...(pathSegments(path) ?? [])];
        if (alias && alias !== '_' && segs.length > 0) into.set(alias, this.useTarget(segs.at(-1) === 'self' ? segs.slice(0, -1) : segs, module));
        return;
      }
      case 'scoped_use_list': {
        const path = fieldOf(node, 'path');
        const list = fieldOf(node, 'list');
        const segs = [...prefix, ...(path ? pathSegments(path) ?? [] : [])];
        for (const child of namedChildren(list)) this.collectUseTree(child, segs, module, into, globs);
        return;
      }
      case 'use_list':
        for (const child of namedChildren(node)) this.collectUseTree(child, prefix, module, into, globs);
        return;
      case 'use_wildcard': {
        const inner = namedChildren(node)[0];
        const segs = [...prefix, ...(inner ? pathSegments(inner) ?? [] : [])];
        const target = this.useTarget(segs, module);
        if (target.kind === 'internal') globs.push(target.path);
        return;
      }
      default:
    }
  }

  /** A `use` path as an absolute module path; 2018-edition paths start at crate/self/super, a local module, or an external crate. */
  private useTarget(segs: string[], module: string[]): UseTarget {
    const [first, ...rest] = segs;
    if (first === 'crate') return { kind: 'internal', path: rest };
    if (first === 'self') return { kind: 'internal', path: [...module, ...rest] };
    if (first === 'super') {
      const path = this.superPath(module, segs);
      return path ? { kind: 'internal', path } : { kind: 'external' };
    }
    if (first && this.declaresMod(module, first)) return { kind: 'internal', path: [...module, ...segs] };
    return { kind: 'external' };
  }

  private declaresMod(module: string[], name: string): boolean {
    // Only the file-level scope is consulted: inline modules declaring further modules are rare.
    if (module.length !== this.crate.module.length) return false;
    for (const child of namedChildren(this.root)) {
      if (child.type === 'mod_item' && fieldOf(child, 'name')?.text === name) return true;
    }
    return false;
  }
}
