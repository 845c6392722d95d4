// C# helpers over tree-sitter-c-sharp trees: string literal values, attributes, modifiers,
// invocation chains (`app.MapGroup("/a").MapGet("/b", h).RequireAuthorization()`).
import type { Node } from '../tree-sitter/ast.js';
import { namedChildren } from '../tree-sitter/ast.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', '"': '"', "'": "'" };

/** The value of a constant string: "x", @"x", """x""", $"x" without holes, and "a" + "b". */
export function stringValue(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'string_literal': {
      let out = '';
      for (const child of namedChildren(node)) {
        if (child.type === 'string_literal_content') out += child.text;
        else if (child.type === 'escape_sequence') out += ESCAPES[child.text.slice(1)] ?? child.text.slice(1);
        else return undefined;
      }
      return out;
    }
    case 'verbatim_string_literal':
      return node.text.startsWith('@"') && node.text.endsWith('"') ? node.text.slice(2, -1).replace(/""/g, '"') : undefined;
    case 'raw_string_literal':
      return namedChildren(node).filter((c) => c.type === 'raw_string_content').map((c) => c.text).join('');
    case 'interpolated_string_expression': {
      let out = '';
      for (const child of namedChildren(node)) {
        if (child.type === 'string_content') out += child.text;
        else if (child.type === 'interpolation_start' || child.type === 'interpolation_quote') continue;
        else if (child.type === 'escape_sequence') out += ESCAPES[child.text.slice(1)] ?? child.text.slice(1);
        else if (child.type === 'interpolation') {
          const name = nameofValue(namedChildren(child).find((c) => c.type !== 'interpolation_brace'));
          if (name === undefined) return undefined;
          out += name;
        } else return undefined;
      }
      return out;
    }
    case 'invocation_expression':
      return nameofValue(node);
    case 'parenthesized_expression':
      return stringValue(namedChildren(node)[0]);
    case 'binary_expression': {
      if (fieldOf(node, 'operator')?.text !== '+') return undefined;
      const left = stringValue(fieldOf(node, 'left'));
      const right = stringValue(fieldOf(node, 'right'));
      return left !== undefined && right !== undefined ? left + right : undefined;
    }
    default:
      return undefined;
  }
}

/** `nameof(Project)` / `nameof(Api.Users)` -> 'Project' / 'Users' (a compile-time constant). */
function nameofValue(node: Node | null | undefined): string | undefined {
  if (node?.type !== 'invocation_expression') return undefined;
  const fn = fieldOf(node, 'function');
  if (fn?.type !== 'identifier' || fn.text !== 'nameof') return undefined;
  const args = namedChildren(fieldOf(node, 'arguments')).filter((a) => a.type === 'argument');
  const value = args.length === 1 ? namedChildren(args[0]!).at(-1) : undefined;
  if (!value || (value.type !== 'identifier' && value.type !== 'member_access_expression' && value.type !== 'qualified_name')) return undefined;
  return simpleName(value);
}

/** Last segment of a (qualified / generic) name: `Microsoft.AspNetCore.Mvc.HttpGet` -> 'HttpGet'. */
export function simpleName(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return node.text;
  if (node.type === 'generic_name') return namedChildren(node).find((c) => c.type === 'identifier')?.text;
  if (node.type === 'qualified_name' || node.type === 'alias_qualified_name') return simpleName(fieldOf(node, 'name'));
  if (node.type === 'member_access_expression') return simpleName(fieldOf(node, 'name'));
  return node.text;
}

export interface Args {
  positional: Node[];
  named: Map<string, Node>;
}

/** Arguments of an argument_list / attribute_argument_list: `f("a", name: "b")`, `[A("a", Name = "b")]`. */
export function argsOf(list: Node | null | undefined): Args {
  const out: Args = { positional: [], named: new Map() };
  for (const arg of namedChildren(list)) {
    if (arg.type !== 'argument' && arg.type !== 'attribute_argument') continue;
    const label = fieldOf(arg, 'name');
    const parts = namedChildren(arg).filter((c) => c.id !== label?.id && c.type !== 'name_colon' && c.type !== 'name_equals');
    const colon = namedChildren(arg).find((c) => c.type === 'name_colon' || c.type === 'name_equals');
    const value = parts[parts.length - 1];
    if (!value) continue;
    if (label) out.named.set(label.text, value);
    else if (colon) out.named.set(colon.text.replace(/[:=\s]/g, ''), value);
    else if (arg.type === 'attribute_argument' && value.type === 'assignment_expression') {
      const left = fieldOf(value, 'left')?.text;
      const right = fieldOf(value, 'right');
      if (left && right) out.named.set(left, right);
    } else out.positional.push(value);
  }
  return out;
}

export interface Attribute {
  name: string; // without an `Attribute` suffix
  args: Args;
  node: Node;
}

/** Attributes written on a declaration (`[HttpGet("x")] [Authorize, Tags("a")]`), in order. */
export function attributesOf(decl: Node): Attribute[] {
  const out: Attribute[] = [];
  for (const list of namedChildren(decl)) {
    if (list.type !== 'attribute_list') continue;
    if (namedChildren(list).some((c) => c.type === 'attribute_target_specifier')) continue; // [return: ...]
    for (const attr of namedChildren(list)) {
      if (attr.type !== 'attribute') continue;
      const raw = simpleName(fieldOf(attr, 'name')) ?? '';
      const name = raw.endsWith('Attribute') && raw.length > 9 ? raw.slice(0, -9) : raw;
      out.push({ name, args: argsOf(namedChildren(attr).find((c) => c.type === 'attribute_argument_list')), node: attr });
    }
  }
  return out;
}

/** Modifier keywords of a declaration ('public', 'static', 'abstract', ...). */
export function modifiersOf(decl: Node): Set<string> {
  return new Set(namedChildren(decl).filter((c) => c.type === 'modifier').map((c) => c.text));
}

export interface Link {
  name: string;
  args: Args;
  node: Node; // the invocation_expression
}

/** `app.MapGroup("/a").MapGet("/b", h)` -> root `app`, links MapGroup, MapGet. Undefined for other shapes. */
export function invocationChain(node: Node): { root: Node; links: Link[] } | undefined {
  const links: Link[] = [];
  let cur: Node | null = node;
  for (let guard = 0; cur && guard < 64; guard++) {
    if (cur.type !== 'invocation_expression') break;
    const fn: Node | null = fieldOf(cur, 'function');
    if (!fn || fn.type !== 'member_access_expression') {
      if (fn && (fn.type === 'identifier' || fn.type === 'generic_name') && links.length === 0) {
        return { root: fn, links: [{ name: simpleName(fn) ?? '', args: argsOf(fieldOf(cur, 'arguments')), node: cur }] };
      }
      break;
    }
    links.unshift({ name: simpleName(fieldOf(fn, 'name')) ?? '', args: argsOf(fieldOf(cur, 'arguments')), node: cur });
    cur = fieldOf(fn, 'expression');
  }
  if (!cur || links.length === 0) return undefined;
  return { root: cur, links };
}

/** Constant strings anywhere in an expression (`new[] { "GET", HttpMethods.Put }` -> ['GET']), plus member names. */
export function stringsAndMembers(node: Node | undefined): string[] {
  if (!node) return [];
  const out: string[] = [];
  const visit = (n: Node) => {
    const s = stringValue(n);
    if (s !== undefined) {
      out.push(s);
      return;
    }
    if (n.type === 'member_access_expression') {
      out.push(simpleName(fieldOf(n, 'name')) ?? '');
      return;
    }
    for (const c of namedChildren(n)) visit(c);
  };
  visit(node);
  return out;
}
