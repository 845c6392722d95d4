// PHP spelled for the shared security extractors: strings, calls (functions, methods, static
// calls, `new`), slots (`'key' => v` in arrays, constants, `define()`, properties, assignments,
// parameter defaults, named arguments) and env lookups with a literal default.
import { named, type CallView, type Dialect, type EnvFallback, type Node, type Slot } from '../shared/dialect.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", $: '$', v: '\v', e: '\x1b', f: '\f' };

/** Value of a PHP string without interpolation ('…', "…", nowdoc, heredoc without variables). */
export function phpLiteral(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'string':
    case 'encapsed_string': {
      let out = '';
      for (const child of named(node)) {
        if (child.type === 'string_content' || child.type === 'string_value') out += child.text;
        else if (child.type === 'escape_sequence') out += node.type === 'string' ? child.text.slice(1) : (ESCAPES[child.text.slice(1)] ?? child.text);
        else return undefined;
      }
      return out;
    }
    case 'nowdoc':
      return named(fieldOf(node, 'value')).map((c) => c.text).join('');
    case 'heredoc': {
      const body = fieldOf(node, 'value');
      if (!body) return '';
      let out = '';
      for (const child of named(body)) {
        if (child.type === 'string_content' || child.type === 'string_value') out += child.text;
        else if (child.type === 'escape_sequence') out += ESCAPES[child.text.slice(1)] ?? child.text;
        else return undefined;
      }
      return out;
    }
    default:
      return undefined;
  }
}

function phpLiteralText(node: Node): string | undefined {
  const direct = phpLiteral(node);
  if (direct !== undefined) return direct;
  const body = node.type === 'heredoc' ? fieldOf(node, 'value') : node;
  return named(body).map((c) => (c.type === 'string_content' || c.type === 'string_value' ? c.text : '${x}')).join('');
}

function nameText(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'name') return node.text;
  if (node.type === 'qualified_name') return node.text.split('\\').pop();
  if (node.type === 'variable_name') return named(node)[0]?.text;
  if (node.type === 'relative_scope') return node.text;
  return undefined;
}

function phpArguments(list: Node | null | undefined): { args: Node[]; named: Map<string, Node> } {
  const args: Node[] = [];
  const pairs = new Map<string, Node>();
  for (const arg of named(list)) {
    if (arg.type !== 'argument') continue;
    const name = fieldOf(arg, 'name')?.text;
    const parts = named(arg);
    const value = parts[parts.length - 1];
    if (!value) continue;
    if (name && value.id !== fieldOf(arg, 'name')?.id) pairs.set(name, value);
    else args.push(value);
  }
  return { args, named: pairs };
}

/** `$a->b->c` / `A::B` / `f` as names, `$this` included. */
export function phpPath(node: Node | null | undefined): string[] | undefined {
  if (!node) return undefined;
  const simple = nameText(node);
  if (simple !== undefined) return [simple];
  if (node.type === 'member_access_expression' || node.type === 'nullsafe_member_access_expression') {
    const object = phpPath(fieldOf(node, 'object'));
    const name = nameText(fieldOf(node, 'name'));
    return object && name ? [...object, name] : undefined;
  }
  if (node.type === 'class_constant_access_expression' || node.type === 'scoped_property_access_expression') {
    const parts = named(node).map(nameText);
    return parts.every((p) => p !== undefined) ? (parts as string[]) : undefined;
  }
  return undefined;
}

export function phpCall(node: Node): CallView | undefined {
  switch (node.type) {
    case 'function_call_expression': {
      const fn = fieldOf(node, 'function');
      const name = nameText(fn) ?? '';
      const { args, named: pairs } = phpArguments(fieldOf(node, 'arguments'));
      return { node, path: [name], name, args, named: pairs };
    }
    case 'member_call_expression':
    case 'nullsafe_member_call_expression': {
      const object = fieldOf(node, 'object') ?? undefined;
      const name = nameText(fieldOf(node, 'name')) ?? '';
      const objectPath = phpPath(object);
      const { args, named: pairs } = phpArguments(fieldOf(node, 'arguments'));
      return { node, ...(objectPath ? { path: [...objectPath, name] } : {}), name, ...(object ? { receiver: object } : {}), args, named: pairs };
    }
    case 'scoped_call_expression': {
      const scope = nameText(fieldOf(node, 'scope'));
      const name = nameText(fieldOf(node, 'name')) ?? '';
      const { args, named: pairs } = phpArguments(fieldOf(node, 'arguments'));
      return { node, ...(scope ? { path: [scope, name] } : {}), name, args, named: pairs };
    }
    case 'object_creation_expression': {
      const children = named(node);
      const type = children.find((c) => c.type === 'name' || c.type === 'qualified_name');
      const name = nameText(type) ?? '';
      const { args, named: pairs } = phpArguments(children.find((c) => c.type === 'arguments'));
      return { node, path: [name], name, args, named: pairs, isNew: true };
    }
    default:
      return undefined;
  }
}

function targetName(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'variable_name') return nameText(node);
  if (node.type === 'member_access_expression' || node.type === 'scoped_property_access_expression') return nameText(named(node)[named(node).length - 1]);
  if (node.type === 'subscript_expression') return phpLiteral(named(node)[1]);
  return undefined;
}

const RULES = new Set([
  'required', 'sometimes', 'nullable', 'string', 'confirmed', 'min', 'max', 'email', 'between', 'size', 'alpha_num', 'alpha_dash',
  'regex', 'same', 'different', 'present', 'filled', 'bail', 'password', 'current_password', 'numeric', 'integer', 'boolean',
  'array', 'unique', 'exists', 'in', 'not_in', 'required_with', 'required_if', 'required_unless', 'required_without', 'accepted',
  'trim', 'alpha', 'digits', 'digits_between', 'gt', 'gte', 'lt', 'lte', 'uncompromised', 'mixed_case', 'letters', 'symbols',
]);

/** Laravel validation rules (`'password' => 'required|string|min:8|confirmed'`) are not values. */
function isValidationRule(value: string | undefined): boolean {
  if (!value) return false;
  const parts = value.split('|');
  return parts.every((p) => RULES.has(p.split(':')[0]!.trim())) && (parts.length > 1 || !value.includes(':') || RULES.has(value.split(':')[0]!));
}

function slots(node: Node): Slot[] {
  switch (node.type) {
    case 'const_element': {
      const [name, value] = named(node);
      return name && value ? [{ name: name.text, value, declares: true }] : [];
    }
    case 'property_element': {
      const name = nameText(named(node).find((c) => c.type === 'variable_name'));
      const value = fieldOf(node, 'default_value') ?? named(node).find((c) => c.type !== 'variable_name' && c.type !== 'property_initializer') ?? named(named(node).find((c) => c.type === 'property_initializer'))[0];
      return name && value ? [{ name, value, declares: true }] : [];
    }
    case 'assignment_expression': {
      const left = fieldOf(node, 'left');
      const right = fieldOf(node, 'right');
      const name = targetName(left);
      return name && right ? [{ name, value: right, declares: left?.type === 'variable_name' }] : [];
    }
    case 'array_element_initializer': {
      const parts = named(node);
      if (parts.length !== 2 || !node.children.some((c) => c?.type === '=>')) return [];
      const key = phpLiteral(parts[0]);
      if (key === undefined || isValidationRule(phpLiteral(parts[1]))) return [];
      return [{ name: key, value: parts[1]! }];
    }
    case 'simple_parameter': {
      const name = nameText(fieldOf(node, 'name'));
      const value = fieldOf(node, 'default_value');
      return name && value ? [{ name, value }] : [];
    }
    case 'function_call_expression': {
      const call = phpCall(node)!;
      if (call.name.toLowerCase() === 'define' && call.args.length >= 2) {
        const name = phpLiteral(call.args[0]);
        return name ? [{ name, value: call.args[1]!, declares: true }] : [];
      }
      return [...call.named].map(([name, value]) => ({ name, value }));
    }
    case 'member_call_expression':
    case 'scoped_call_expression':
    case 'object_creation_expression': {
      const call = phpCall(node)!;
      return [...call.named].map(([name, value]) => ({ name, value }));
    }
    default:
      return [];
  }
}

/** `getenv('X')`, `env('X')`, `$_ENV['X']`, `$_SERVER['X']`, `Env::get('X')` -> 'X'. */
function envName(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'subscript_expression') {
    const base = nameText(named(node)[0]);
    if (base === '_ENV' || base === '_SERVER') return phpLiteral(named(node)[1]) ?? '?';
    return undefined;
  }
  const call = phpCall(node);
  if (!call) return undefined;
  const name = call.path?.join('::') ?? call.name;
  if (/^(getenv|env|Env::get|Env::getOrDefault|config)$/.test(name) || name === 'Env::get') return phpLiteral(call.args[0]) ?? '?';
  return undefined;
}

function envFallback(node: Node): EnvFallback | undefined {
  const call = phpCall(node);
  if (call && call.args.length === 2 && node.type !== 'object_creation_expression') {
    const name = call.path?.join('::') ?? call.name;
    if (/^(env|Env::get|config)$/.test(name) && phpLiteral(call.args[1]) !== undefined) {
      const env = phpLiteral(call.args[0]);
      return env !== undefined ? { env, fallback: call.args[1]! } : undefined;
    }
    return undefined;
  }
  if (node.type === 'conditional_expression') {
    const alternative = fieldOf(node, 'alternative');
    const env = envName(fieldOf(node, 'condition'));
    return env !== undefined && alternative && phpLiteral(alternative) !== undefined ? { env, fallback: alternative } : undefined;
  }
  if (node.type === 'binary_expression' && fieldOf(node, 'operator')?.text === '??') {
    const right = fieldOf(node, 'right');
    const env = envName(fieldOf(node, 'left'));
    return env !== undefined && right && phpLiteral(right) !== undefined ? { env, fallback: right } : undefined;
  }
  return undefined;
}

function unwrap(node: Node): Node {
  let cur = node;
  for (let i = 0; i < 3; i++) {
    if (cur.type === 'parenthesized_expression') { cur = named(cur)[0] ?? cur; continue; }
    break;
  }
  return cur;
}

export const phpDialect: Dialect = {
  stringTypes: ['string', 'encapsed_string', 'heredoc', 'nowdoc'],
  literal: phpLiteral,
  literalText: phpLiteralText,
  unwrap,
  call: phpCall,
  slots,
  envFallback,
  referenceName: (node) => {
    if (node.type === 'variable_name' || node.type === 'name') return nameText(node);
    if (node.type === 'class_constant_access_expression' || node.type === 'member_access_expression') return nameText(named(node)[named(node).length - 1]);
    return undefined;
  },
  functionTypes: ['function_definition', 'method_declaration', 'anonymous_function', 'arrow_function', 'anonymous_function_creation_expression'],
  parameterNames: (fn) => named(fieldOf(fn, 'parameters')).map((p) => nameText(fieldOf(p, 'name')) ?? '').filter(Boolean),
  bool: (node) => (node?.type === 'boolean' ? node.text.toLowerCase() === 'true' : undefined),
  listElements: (node) => {
    const n = unwrap(node);
    if (n.type !== 'array_creation_expression') return undefined;
    return named(n).filter((e) => e.type === 'array_element_initializer' && named(e).length === 1).map((e) => named(e)[0]!);
  },
};
