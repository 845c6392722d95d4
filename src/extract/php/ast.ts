// PHP helpers over tree-sitter-php trees: string values, call arguments, arrays, method-call chains.
import type { Node } from '../tree-sitter/ast.js';
import { namedChildren } from '../tree-sitter/ast.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', v: '\v', f: '\f', e: '\x1b', '0': '\0' };

function unescape(seq: string, singleQuoted: boolean): string {
  const c = seq.slice(1);
  if (singleQuoted) return c === "'" || c === '\\' ? c : seq;
  return SIMPLE_ESCAPES[c] ?? (c.length === 1 ? c : seq);
}

/** The value of a string literal without interpolation ('x', "x", nowdoc/heredoc without variables). */
export function stringValue(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'argument') return stringValue(valueOfArgument(node));
  if (node.type === 'parenthesized_expression') return stringValue(namedChildren(node)[0]);
  if (node.type === 'string' || node.type === 'encapsed_string') {
    const single = node.type === 'string';
    let out = '';
    for (const child of namedChildren(node)) {
      if (child.type === 'string_content' || child.type === 'string_value') out += child.text;
      else if (child.type === 'escape_sequence') out += unescape(child.text, single);
      else return undefined; // interpolation
    }
    return out;
  }
  if (node.type === 'binary_expression' && fieldOf(node, 'operator')?.text === '.') {
    const left = stringValue(fieldOf(node, 'left'));
    const right = stringValue(fieldOf(node, 'right'));
    return left !== undefined && right !== undefined ? left + right : undefined;
  }
  return undefined;
}

/** The constant string tail of a concatenation: `__DIR__.'/../routes/api.php'` -> '/../routes/api.php'. */
export function stringTail(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const whole = stringValue(node);
  if (whole !== undefined) return whole;
  if (node.type === 'binary_expression' && fieldOf(node, 'operator')?.text === '.') {
    return stringTail(fieldOf(node, 'right'));
  }
  return undefined;
}

/** The last segment of a name or qualified name: `\Illuminate\Support\Facades\Route` -> 'Route'. */
export function lastName(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'name') return node.text;
  const text = node.text.replace(/^\\/, '');
  const cut = text.lastIndexOf('\\');
  return cut >= 0 ? text.slice(cut + 1) : text;
}

/** The value node of an `argument` (skipping a `name:` label and spread). */
export function valueOfArgument(arg: Node): Node | undefined {
  const named = fieldOf(arg, 'name');
  return namedChildren(arg).find((c) => c !== named && c.id !== named?.id);
}

export interface CallArgs {
  positional: Node[];
  named: Map<string, Node>;
}

/** Positional and named (`path: '/x'`) arguments of an `arguments` node. */
export function callArgs(args: Node | null | undefined): CallArgs {
  const out: CallArgs = { positional: [], named: new Map() };
  for (const arg of namedChildren(args)) {
    if (arg.type !== 'argument') continue;
    const value = valueOfArgument(arg);
    if (!value) continue;
    const name = fieldOf(arg, 'name')?.text;
    if (name) out.named.set(name, value);
    else out.positional.push(value);
  }
  return out;
}

export interface ArrayEntry {
  key?: Node;
  value: Node;
}

/** Entries of an array literal (`[...]` or `array(...)`); keyed entries carry their key node. */
export function arrayEntries(node: Node | null | undefined): ArrayEntry[] | undefined {
  if (!node || node.type !== 'array_creation_expression') return undefined;
  const out: ArrayEntry[] = [];
  for (const el of namedChildren(node)) {
    if (el.type !== 'array_element_initializer') continue;
    const parts = namedChildren(el);
    if (parts.length >= 2) out.push({ key: parts[0]!, value: parts[1]! });
    else if (parts.length === 1) out.push({ value: parts[0]! });
  }
  return out;
}

/** Strings of a literal string or a list of literal strings ('auth' or ['auth', 'verified']). */
export function stringList(node: Node | null | undefined): string[] {
  if (!node) return [];
  const single = stringValue(node);
  if (single !== undefined) return [single];
  const entries = arrayEntries(node);
  if (!entries) return [];
  return entries.map((e) => stringValue(e.value)).filter((s): s is string => s !== undefined);
}

/** The keyed value of an array literal: `['prefix' => 'x']`, key 'prefix'. */
export function arrayValue(node: Node | null | undefined, key: string): Node | undefined {
  for (const entry of arrayEntries(node) ?? []) if (entry.key && stringValue(entry.key) === key) return entry.value;
  return undefined;
}

/** `Foo::class` -> 'Foo' (last segment of the class name); undefined for anything else. */
export function classConstName(node: Node | null | undefined): string | undefined {
  if (!node || node.type !== 'class_constant_access_expression') return undefined;
  const parts = namedChildren(node);
  if (parts.length !== 2 || parts[1]!.text !== 'class') return undefined;
  return lastName(parts[0]);
}

/** `Request::METHOD_GET` -> ['Request', 'METHOD_GET']. */
export function classConstant(node: Node | null | undefined): [string, string] | undefined {
  if (!node || node.type !== 'class_constant_access_expression') return undefined;
  const parts = namedChildren(node);
  if (parts.length !== 2) return undefined;
  return [lastName(parts[0]) ?? parts[0]!.text, parts[1]!.text];
}

export interface ChainLink {
  name: string;
  args: CallArgs;
  node: Node;
}

export interface CallChain {
  /** The static receiver (`Route` of `Route::get()`), or the variable / expression text for `$router->get()`. */
  root: string;
  isStatic: boolean;
  links: ChainLink[];
}

/**
 * Flattens `Route::prefix('x')->middleware('y')->get(...)` into its root and links, first call first.
 * Undefined when the expression is not a call chain that starts with a static or method call.
 */
export function callChain(node: Node): CallChain | undefined {
  const links: ChainLink[] = [];
  let cur: Node | null = node;
  for (let guard = 0; cur && guard < 64; guard++) {
    if (cur.type === 'member_call_expression' || cur.type === 'nullsafe_member_call_expression') {
      const name = fieldOf(cur, 'name');
      if (!name || name.type !== 'name') return undefined;
      links.unshift({ name: name.text, args: callArgs(fieldOf(cur, 'arguments')), node: cur });
      cur = fieldOf(cur, 'object');
      continue;
    }
    if (cur.type === 'scoped_call_expression') {
      const name = fieldOf(cur, 'name');
      const scope = fieldOf(cur, 'scope');
      if (!name || !scope || name.type !== 'name') return undefined;
      links.unshift({ name: name.text, args: callArgs(fieldOf(cur, 'arguments')), node: cur });
      return { root: lastName(scope) ?? scope.text, isStatic: true, links };
    }
    if (links.length === 0) return undefined;
    return { root: cur.text, isStatic: false, links };
  }
  return undefined;
}

/** The attributes of a declaration (`#[A(...)] #[B]`), each with its name and arguments. */
export function attributesOf(decl: Node): { name: string; fullName: string; args: CallArgs; node: Node }[] {
  const out: { name: string; fullName: string; args: CallArgs; node: Node }[] = [];
  const list = fieldOf(decl, 'attributes') ?? namedChildren(decl).find((c) => c.type === 'attribute_list');
  if (!list) return out;
  for (const group of namedChildren(list)) {
    const attrs = group.type === 'attribute' ? [group] : namedChildren(group).filter((a) => a.type === 'attribute');
    for (const attr of attrs) {
      const nameNode = namedChildren(attr).find((c) => c.type === 'name' || c.type === 'qualified_name');
      if (!nameNode) continue;
      out.push({
        name: lastName(nameNode) ?? nameNode.text,
        fullName: nameNode.text.replace(/^\\/, ''),
        args: callArgs(fieldOf(attr, 'parameters')),
        node: attr,
      });
    }
  }
  return out;
}

/** The doc comment (`/** ... *\/`) right above a declaration, when there is one. */
export function docCommentOf(decl: Node): Node | undefined {
  let prev = decl.previousNamedSibling;
  // Attributes sit inside the declaration; a plain comment may separate the docblock from it.
  while (prev && prev.type === 'comment' && !prev.text.startsWith('/**')) prev = prev.previousNamedSibling;
  return prev && prev.type === 'comment' && prev.text.startsWith('/**') ? prev : undefined;
}
