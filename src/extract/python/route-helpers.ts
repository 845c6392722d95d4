// Small syntax helpers shared by the Python web-framework route extractors (Quart, Robyn, Django Ninja,
// Bottle, Flask-RESTX, CherryPy, Litestar, Sanic, Starlette, Falcon, Pyramid, Masonite): opening a
// module that imports the framework, reading `receiver.member(...)` callees, decorator calls, and
// string / string-list arguments. They know syntax only, never a framework.
import type { Fact, RefExpr } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { dottedPath, loc, walk, type Node } from './ast.js';
import { evalString, isPythonTestFile, readModuleScope, type ModuleScope } from './modules.js';
import { field, rootOf, textOf } from '../tree-sitter/ast.js';

/** The state most route extractors carry through one file. */
export interface PyRouteCtx {
  file: ParsedFile;
  scope: ModuleScope;
  facts: Fact[];
}

/** A reference to `path` in this file. */
export function fileRef(ctx: { file: ParsedFile }, path: string[]): RefExpr {
  return { file: ctx.file.path, path };
}

/** A string value (literal, constant or concatenation) of the node, through the module's constants. */
export function scopeString(ctx: { scope: ModuleScope }, node: Node | null | undefined): string | undefined {
  return evalString(node, ctx.scope.constants);
}

/**
 * Root and module scope of a Python source file that imports one of `packages`; undefined for other
 * trees, test files and modules that import none of them.
 */
export function openPythonModule(file: ParsedFile, packages: readonly string[]): { root: Node; scope: ModuleScope } | undefined {
  if (file.tree.kind !== 'tree-sitter' || isPythonTestFile(file.path)) return undefined;
  const root = rootOf(file.tree.tree);
  const scope = readModuleScope(root);
  return packages.some((p) => scope.packages.has(p)) ? { root, scope } : undefined;
}

/** The last callee name when `call` constructs one of `names` imported (by its first segment) from one of `packages`. */
export function importedCtor<T extends string>(scope: ModuleScope, call: Node | undefined, names: readonly T[], packages: readonly string[]): T | undefined {
  const callee = dottedPath(field(call, 'function'));
  if (!callee) return undefined;
  const last = callee[callee.length - 1]!;
  if (!(names as readonly string[]).includes(last)) return undefined;
  return packages.includes(scope.imports.get(callee[0]!)?.source.split('.')[0] ?? '') ? (last as T) : undefined;
}

/** `a.b.member(...)` -> receiver ['a', 'b'] and member 'member'; undefined for bare or non-dotted callees. */
export function memberCall(call: Node): { receiver: string[]; member: string } | undefined {
  const callee = dottedPath(field(call, 'function'));
  if (!callee || callee.length < 2) return undefined;
  return { receiver: callee.slice(0, -1), member: callee[callee.length - 1]! };
}

/** The decorators of a decorated_definition whose expression is a call, with that call. */
export function decoratorCalls(decorated: Node): { decorator: Node; call: Node }[] {
  const out: { decorator: Node; call: Node }[] = [];
  for (const decorator of decorated.namedChildren) {
    const call = decorator?.type === 'decorator' ? decorator.namedChildren[0] : undefined;
    if (decorator && call?.type === 'call') out.push({ decorator, call });
  }
  return out;
}

/** The function a decorated_definition wraps, and its name; undefined for decorated classes. */
export function decoratedFunction(decorated: Node): { def: Node; name: string | undefined } | undefined {
  const def = field(decorated, 'definition');
  if (def?.type !== 'function_definition') return undefined;
  return { def, name: textOf(field(def, 'name')) };
}

/**
 * One string, or a list of strings when the node's type is one of `listTypes` (comments skipped);
 * undefined when the node is missing or any element is not a known string.
 */
export function stringOrList(ctx: { scope: ModuleScope }, node: Node | undefined, listTypes: readonly string[] = ['list', 'tuple']): string[] | undefined {
  if (!node) return undefined;
  if (listTypes.includes(node.type)) {
    const out: string[] = [];
    for (const item of node.namedChildren) {
      if (!item || item.type === 'comment') continue;
      const value = evalString(item, ctx.scope.constants);
      if (value === undefined) return undefined;
      out.push(value);
    }
    return out;
  }
  const value = evalString(node, ctx.scope.constants);
  return value === undefined ? undefined : [value];
}

/** `@a.b.member(...)` decorators: the decorator, its call, and the callee split as by memberCall. */
export function decoratorMemberCalls(decorated: Node): { decorator: Node; call: Node; receiver: string[]; member: string }[] {
  const out: { decorator: Node; call: Node; receiver: string[]; member: string }[] = [];
  for (const { decorator, call } of decoratorCalls(decorated)) {
    const member = memberCall(call);
    if (member) out.push({ decorator, call, ...member });
  }
  return out;
}

/** Module classes by name, the first definition of a name winning. */
export function classesByName(classes: Iterable<Node>): Map<string, Node> {
  const out = new Map<string, Node>();
  for (const cls of classes) {
    const name = textOf(field(cls, 'name'));
    if (name && !out.has(name)) out.set(name, cls);
  }
  return out;
}

/** What visitModule reports: assignments (dotted target, right side), decorated definitions, calls. */
export interface ModuleVisitor {
  assignment?(target: string[] | undefined, right: Node | null | undefined, node: Node): void;
  decorated?(node: Node): void;
  call?(node: Node): void;
}

/** Walks the whole module (nested scopes included) and reports each assignment, decorated definition and call. */
export function visitModule(root: Node, visitor: ModuleVisitor): void {
  walk(root, (node) => {
    if (node.type === 'assignment') visitor.assignment?.(dottedPath(field(node, 'left')), field(node, 'right'), node);
    else if (node.type === 'decorated_definition') visitor.decorated?.(node);
    else if (node.type === 'call') visitor.call?.(node);
    return true;
  });
}

/** The router fact of an application object built at `at`, and its service-entry fact. */
export function pushAppFacts(ctx: PyRouteCtx, framework: string, target: string[], at: Node): void {
  ctx.facts.push({ kind: 'router', framework, ref: fileRef(ctx, target), isApp: true, location: loc(ctx.file.path, at) });
  ctx.facts.push({ kind: 'service-entry', framework, location: loc(ctx.file.path, at) });
}

/** The router fact of a (non-application) router object built at `at`, with its own prefix when known and non-empty. */
export function pushRouterFact(ctx: PyRouteCtx, framework: string, target: string[], at: Node, prefix?: string): void {
  ctx.facts.push({ kind: 'router', framework, ref: fileRef(ctx, target), location: loc(ctx.file.path, at), ...(prefix ? { prefix } : {}) });
}
