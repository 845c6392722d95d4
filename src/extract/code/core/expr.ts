// A language-neutral, shallow view of one tree-sitter expression node, so that the value tracking
// (values.ts), the "how was this string built" analysis (built-text.ts) and the sink tables of the
// Go, Java, Kotlin, PHP, C#, Rust and Scala extractors share one implementation. Each language's
// lang.ts maps its grammar's node types onto these shapes; children stay tree-sitter nodes.
import type { LanguageId } from '../../../core/types.js';
import type { Node } from '../../tree-sitter/ast.js';

export type { Node };

/** One piece of an interpolated string: constant text, an embedded expression, or a `$name` reference without a node of its own. */
export type TemplatePart = { text: string } | { node: Node; splice?: boolean } | { name: string; at: Node };

export interface CallView {
  k: 'call';
  /** Method or function name as written (`Query`, `executeQuery`, `mysqli_query`, `format`). */
  method: string;
  /** The receiver of a method call (`db` in `db.Query(...)`, `DB` in `DB::raw(...)`). */
  receiver?: Node;
  /** Dotted path of the callee when it is a plain name chain: ['fmt', 'Sprintf'], ['String', 'format'], ['DB', 'raw']. */
  path?: string[];
  /** Positional arguments, in order. */
  args: Node[];
  /** Named arguments (C# `name: x`, Kotlin / Scala `name = x`, PHP 8 `name: x`). */
  named: Map<string, Node>;
  /** `new X(...)` / object creation: `method` is the type name. */
  isNew: boolean;
  /** A macro invocation (Rust `format!`): arguments are token groups. */
  isMacro?: boolean;
  /** Kotlin / Scala trailing lambda, C# object initializer. */
  trailing?: Node;
  /** The node of the method / function name, for locations. */
  nameNode?: Node;
}

export type Expr =
  | { k: 'string'; value: string }
  | { k: 'template'; parts: TemplatePart[]; tag?: string }
  | { k: 'concat'; parts: Node[] }
  | { k: 'literal'; kind: 'number' | 'bool' | 'null' | 'char'; text: string }
  /** Comparisons, logical operators, instanceof: a boolean, never text an attacker shapes. */
  | { k: 'bool-op'; op: string; left?: Node; right?: Node }
  /** Arithmetic on values: a number. */
  | { k: 'arith'; op: string; left?: Node; right?: Node }
  | { k: 'name'; name: string }
  /** `a.b`, `$this->x`, `self::T`, `Class.CONST`: `path` when the whole chain is names. */
  | { k: 'member'; object?: Node; name: string; path?: string[] }
  /** `a[i]`, `$_GET['x']`. */
  | { k: 'index'; object: Node; index?: Node }
  | CallView
  | { k: 'cond'; condition?: Node; branches: Node[] }
  /** Parentheses, await, `&x`, `x?`, `x!!`, `x.unwrap()`-like wrappers that keep the value. */
  | { k: 'wrap'; inner: Node }
  | { k: 'cast'; inner: Node; type: string }
  | { k: 'list'; items: Node[] }
  | { k: 'map'; entries: { key?: Node; value: Node }[] }
  | { k: 'lambda'; params: string[]; body?: Node }
  | { k: 'other' };

export interface Param {
  name: string;
  /** The declared type as written, when there is one. */
  type?: string;
}

/** What one statement-level node binds. */
export interface RawBinding {
  name: string;
  /**
   * '=' assignment / initialised declaration; '+=' text append; 'declare' without value; 'opaque' bound to
   * something unknown; 'call' a store written as an assignment (`$a[] = x` is add(x), `$m['k'] = v` is put('k', v)).
   */
  op: '=' | '+=' | 'declare' | 'opaque' | 'call';
  method?: string;
  args?: Node[];
  value?: Node;
  /** Declared type as written. */
  type?: string;
  /** `final`, `const`, `val`, `let` without `mut`, `readonly`. */
  isFinal?: boolean;
}

/** Syntax knowledge one language gives the shared engine. */
export interface Lang {
  id: LanguageId;
  expr(node: Node): Expr;
  /** Scope-opening nodes (functions, methods, lambdas, closures) and their parameters; undefined for other nodes. */
  scopeParams(node: Node): Param[] | undefined;
  /** Node types that can open a scope (a cheap prefilter for scopeParams). */
  scopeTypes: ReadonlySet<string>;
  /** Class-like bodies whose fields are constants when final (Java static final, C# const, Kotlin const val). */
  classTypes: ReadonlySet<string>;
  /** Bindings a node makes (declarations, assignments, `+=`), or undefined. */
  bindings(node: Node): RawBinding[] | undefined;
  /** Call-like node types (calls, object creation, macro invocations). */
  callTypes: ReadonlySet<string>;
  /** Node types whose children run conditionally (if, loops, switch cases, catch, ternaries). */
  conditionalTypes: ReadonlySet<string>;
  /** Simple numeric / boolean type names of this language (`int`, `Int`, `i64`, `bool`). */
  numericTypes: ReadonlySet<string>;
  /** The guard an `if` / `switch` places on a child that sits in one of its branches (for constant conditions). */
  guardOf?(parent: Node, child: Node): Guard | undefined;
}

/** A branch condition: `cond` evaluated must equal `when` (if / ternary), or the switch value must be one of `labels`. */
export type Guard =
  | { kind: 'if'; cond: Node; when: boolean }
  | { kind: 'case'; subject: Node; labels: Node[]; isDefault: boolean; siblings: Node[] };

/** `a.b.c` as a name chain, from a member view recursively; undefined when a link is not a plain name. */
export function namePath(lang: Lang, node: Node | null | undefined, depth = 0): string[] | undefined {
  if (!node || depth > 12) return undefined;
  const e = lang.expr(node);
  if (e.k === 'name') return [e.name];
  if (e.k === 'member') {
    if (e.path) return e.path;
    const base = e.object ? namePath(lang, e.object, depth + 1) : undefined;
    return base ? [...base, e.name] : undefined;
  }
  if (e.k === 'wrap') return namePath(lang, e.inner, depth + 1);
  return undefined;
}

/** The call view of a node, or undefined. */
export function callView(lang: Lang, node: Node | null | undefined): CallView | undefined {
  if (!node || !lang.callTypes.has(node.type)) return undefined;
  const e = lang.expr(node);
  return e.k === 'call' ? e : undefined;
}

/** Removes wrappers (parentheses, await, references, casts to string-like types). */
export function unwrapNode(lang: Lang, node: Node | null | undefined, depth = 0): Node | undefined {
  if (!node) return undefined;
  if (depth > 10) return node;
  const e = lang.expr(node);
  if (e.k === 'wrap') return unwrapNode(lang, e.inner, depth + 1);
  return node;
}

/** Last name of a receiver: `this.db` -> 'db', `getConnection()` -> 'getConnection', `$this->pdo` -> 'pdo'. */
export function receiverName(lang: Lang, node: Node | null | undefined, depth = 0): string {
  if (!node || depth > 10) return '';
  const e = lang.expr(node);
  switch (e.k) {
    case 'name': return e.name;
    case 'member': return e.name;
    case 'call': return e.method;
    case 'wrap': case 'cast': return receiverName(lang, e.inner, depth + 1);
    default: return '';
  }
}

/** Names of the receiver chain, innermost first: `db.Model(x).Where(..)` at Where -> ['Model', 'db']. */
export function receiverChain(lang: Lang, node: Node | null | undefined, depth = 0): string[] {
  if (!node || depth > 20) return [];
  const e = lang.expr(node);
  switch (e.k) {
    case 'name': return [e.name];
    case 'member': return [e.name, ...(e.object ? receiverChain(lang, e.object, depth + 1) : [])];
    case 'call': return [e.method, ...(e.receiver ? receiverChain(lang, e.receiver, depth + 1) : [])];
    case 'wrap': case 'cast': return receiverChain(lang, e.inner, depth + 1);
    default: return [];
  }
}
