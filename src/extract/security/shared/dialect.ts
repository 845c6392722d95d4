// One small syntax view per tree-sitter language, so that the secrets, CORS, rate-limit and
// database extractors can share their judgement code: calls, string literals, value slots
// (`name = value` in any of its spellings) and environment lookups with a literal fallback.
import type { Node } from 'web-tree-sitter';

export type { Node };

/** A call as written: `a.b.c(x, y)` -> path ['a', 'b', 'c'], name 'c', receiver `a.b`. */
export interface CallView {
  node: Node;
  /** Dotted callee when it is a plain name chain (`cors.New`, `Algorithm.HMAC256`); undefined for `f().g`. */
  path?: string[];
  /** Last name of the callee (`Set` in `w.Header().Set`), or the constructed type for `new T(...)`. */
  name: string;
  /** The object the method is called on (`w.Header()` in `w.Header().Set`), when there is one. */
  receiver?: Node;
  args: Node[];
  /** Named arguments (`name = "x"` in annotations, Kotlin/C#/Scala named arguments). */
  named: Map<string, Node>;
  /** `new T(...)` / object creation. */
  isNew?: boolean;
}

/** A value held by a named slot: a variable, constant, field, property, map key or named argument. */
export interface Slot {
  name: string;
  value: Node;
  /** Declarations (`const x = v`, fields, properties) are what a later reference `x` resolves to. */
  declares?: boolean;
  /** The slot takes key material whatever its name (gin-jwt `Key:`, `hmacSecret` options). */
  isKey?: boolean;
}

/** An environment / configuration lookup with a literal default: `env('APP_KEY', 'v')`, `System.getenv("X") ?: "v"`. */
export interface EnvFallback {
  env?: string;
  fallback: Node;
  /** The default when it is part of a larger literal (`"${jwt.secret:dev-key}"`); else the literal value of `fallback`. */
  value?: string;
}

export interface Dialect {
  /** Node types of string literals, for the credential-format scan. */
  stringTypes: readonly string[];
  /** The value of a string literal without interpolation; undefined for anything else. */
  literal(node: Node | null | undefined): string | undefined;
  /** The text of a string literal with interpolated parts replaced by `${x}` (credential-format scan). */
  literalText(node: Node): string | undefined;
  /** `[]byte("x")`, `"x".getBytes()`, `Encoding.UTF8.GetBytes("x")`, `"x".into()`, parentheses -> the inner value. */
  unwrap(node: Node): Node;
  call(node: Node): CallView | undefined;
  /** Slots this node declares or assigns (called for every node). */
  slots(node: Node): Slot[];
  envFallback(node: Node): EnvFallback | undefined;
  /** The name a plain reference stands for (`x`, `this.x`, `self::X`, `Config.X`), when the node is one. */
  referenceName(node: Node): string | undefined;
  /** Function-like nodes whose parameters shadow file-level names. */
  functionTypes: readonly string[];
  /** Parameter names of a function-like node. */
  parameterNames(fn: Node): string[];
  /** `true` / `false` literals. */
  bool(node: Node | null | undefined): boolean | undefined;
  /** Elements of a list / array / set literal, or of `List.of(...)`, `listOf(...)`, `vec![...]`; undefined otherwise. */
  listElements(node: Node): Node[] | undefined;
}

/** Named children without comments. */
export function named(node: Node | null | undefined): Node[] {
  if (!node) return [];
  return node.namedChildren.filter((c): c is Node => c !== null && !c.type.includes('comment'));
}

/** Unwraps, then resolves a plain reference once through `resolve`. */
export function valueOf(dialect: Dialect, node: Node | null | undefined, resolve?: (n: Node) => Node | undefined): Node | undefined {
  if (!node) return undefined;
  const n = dialect.unwrap(node);
  if (dialect.literal(n) !== undefined || !resolve) return n;
  const target = resolve(n);
  return target ? dialect.unwrap(target) : n;
}
