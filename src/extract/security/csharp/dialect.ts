// C# spelled for the shared security extractors: strings (regular, verbatim, raw, u8), calls
// (invocations, `new T(...)`, target-typed `new(...)`), slots (fields, properties, locals,
// assignments, dictionary / anonymous-object initializers, named arguments) and env lookups.
import { named, type CallView, type Dialect, type EnvFallback, type Node, type Slot } from '../shared/dialect.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", '0': '\0' };

export function csLiteral(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'string_literal': {
      let out = '';
      for (const child of named(node)) {
        if (child.type === 'string_literal_content') out += child.text;
        else if (child.type === 'escape_sequence') out += ESCAPES[child.text.slice(1)] ?? child.text;
        else if (child.type !== 'string_literal_encoding') return undefined;
      }
      return out;
    }
    case 'verbatim_string_literal':
      return node.text.replace(/^@"|"$/g, '').replace(/""/g, '"');
    case 'raw_string_literal':
      return named(node).filter((c) => c.type === 'raw_string_content').map((c) => c.text).join('');
    default:
      return undefined;
  }
}

function csLiteralText(node: Node): string | undefined {
  const direct = csLiteral(node);
  if (direct !== undefined) return direct;
  if (node.type !== 'interpolated_string_expression') return undefined;
  return named(node).map((c) => (c.type === 'string_content' || c.type === 'interpolated_verbatim_string_text' ? c.text : c.type === 'interpolation' ? '${x}' : '')).join('');
}

function simpleName(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return node.text;
  if (node.type === 'generic_name') return named(node)[0]?.text;
  return undefined;
}

export function csPath(node: Node | null | undefined): string[] | undefined {
  if (!node) return undefined;
  const simple = simpleName(node);
  if (simple !== undefined) return [simple];
  if (node.type === 'this_expression' || node.type === 'this') return ['this'];
  if (node.type === 'member_access_expression') {
    const left = csPath(fieldOf(node, 'expression'));
    const name = simpleName(fieldOf(node, 'name'));
    return left && name ? [...left, name] : undefined;
  }
  if (node.type === 'qualified_name') {
    const parts = named(node).map((c) => csPath(c));
    return parts.every(Boolean) ? parts.flat() as string[] : undefined;
  }
  return undefined;
}

function csArguments(list: Node | null | undefined): { args: Node[]; named: Map<string, Node> } {
  const args: Node[] = [];
  const pairs = new Map<string, Node>();
  for (const arg of named(list)) {
    if (arg.type !== 'argument' && arg.type !== 'attribute_argument') continue;
    const nameNode = fieldOf(arg, 'name') ?? named(arg).find((c) => c.type === 'name_colon' || c.type === 'name_equals');
    const parts = named(arg);
    const value = parts[parts.length - 1];
    if (!value) continue;
    const name = nameNode?.type === 'identifier' ? nameNode.text : nameNode ? named(nameNode)[0]?.text : undefined;
    if (name && value.id !== nameNode?.id) pairs.set(name, value);
    else args.push(value);
  }
  return { args, named: pairs };
}

/** The declared type of a target-typed `new(...)`: `HMACSHA512 x = new(...)`. */
function targetType(node: Node): string[] | undefined {
  const declarator = node.parent;
  if (declarator?.type !== 'variable_declarator') return undefined;
  return csPath(fieldOf(declarator.parent, 'type'));
}

export function csCall(node: Node): CallView | undefined {
  switch (node.type) {
    case 'invocation_expression': {
      const fn = fieldOf(node, 'function');
      const { args, named: pairs } = csArguments(fieldOf(node, 'arguments'));
      const path = csPath(fn);
      let name = path?.[path.length - 1] ?? '';
      let receiver: Node | undefined;
      if (fn?.type === 'member_access_expression') {
        name = simpleName(fieldOf(fn, 'name')) ?? name;
        receiver = fieldOf(fn, 'expression') ?? undefined;
      }
      return { node, ...(path ? { path } : {}), name, ...(receiver ? { receiver } : {}), args, named: pairs };
    }
    case 'object_creation_expression':
    case 'implicit_object_creation_expression': {
      const path = node.type === 'object_creation_expression' ? csPath(fieldOf(node, 'type')) : targetType(node);
      const { args, named: pairs } = csArguments(fieldOf(node, 'arguments') ?? named(node).find((c) => c.type === 'argument_list'));
      return { node, ...(path ? { path } : {}), name: path?.[path.length - 1] ?? '', args, named: pairs, isNew: true };
    }
    case 'attribute': {
      const path = csPath(fieldOf(node, 'name'));
      const { args, named: pairs } = csArguments(named(node).find((c) => c.type === 'attribute_argument_list'));
      return { node, ...(path ? { path } : {}), name: path?.[path.length - 1] ?? '', args, named: pairs };
    }
    default:
      return undefined;
  }
}

function targetName(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return node.text;
  if (node.type === 'member_access_expression') return simpleName(fieldOf(node, 'name'));
  if (node.type === 'element_access_expression' || node.type === 'element_binding_expression') {
    const arg = named(named(node).find((c) => c.type === 'bracketed_argument_list') ?? named(node)[named(node).length - 1])[0];
    return csLiteral(named(arg)[0] ?? arg);
  }
  return undefined;
}

function slots(node: Node): Slot[] {
  switch (node.type) {
    case 'variable_declarator': {
      const name = fieldOf(node, 'name')?.text ?? named(node)[0]?.text;
      const parts = named(node);
      const value = parts.length >= 2 && node.children.some((c) => c?.type === '=') ? parts[parts.length - 1] : undefined;
      return name && value ? [{ name, value, declares: true }] : [];
    }
    case 'property_declaration': {
      const name = fieldOf(node, 'name')?.text;
      const value = fieldOf(node, 'value') ?? (node.children.some((c) => c?.type === '=') ? named(node)[named(node).length - 1] : undefined);
      return name && value && value.type !== 'accessor_list' && value.type !== 'arrow_expression_clause' ? [{ name, value, declares: true }] : [];
    }
    case 'assignment_expression': {
      const op = fieldOf(node, 'operator')?.text ?? node.children.find((c) => c && !c.isNamed)?.text;
      if (op !== '=' && op !== '??=') return [];
      const left = fieldOf(node, 'left');
      const right = fieldOf(node, 'right');
      const name = targetName(left);
      return name && right ? [{ name, value: right, declares: left?.type === 'identifier' }] : [];
    }
    case 'initializer_expression': {
      // { "password", "v" } inside a collection initializer
      const parts = named(node);
      if (node.parent?.type !== 'initializer_expression' || parts.length !== 2) return [];
      const key = csLiteral(parts[0]);
      return key !== undefined ? [{ name: key, value: parts[1]! }] : [];
    }
    case 'anonymous_object_creation_expression': {
      const parts = named(node);
      const out: Slot[] = [];
      for (let i = 0; i + 1 < parts.length; i++) {
        if (parts[i]!.type === 'identifier' && parts[i]!.nextSibling?.type === '=') out.push({ name: parts[i]!.text, value: parts[i + 1]! });
      }
      return out;
    }
    case 'invocation_expression':
    case 'object_creation_expression': {
      const call = csCall(node)!;
      return [...call.named].map(([name, value]) => ({ name, value }));
    }
    default:
      return [];
  }
}

/** `Environment.GetEnvironmentVariable("X")`, `configuration["X"]`, `config.GetValue<string>("X")` -> 'X'. */
function envName(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'element_access_expression') {
    const target = fieldOf(node, 'expression') ?? named(node)[0];
    if (/config|Config|settings|Settings|env|Env/.test(target?.text ?? '')) return targetName(node) ?? '?';
    return undefined;
  }
  const call = csCall(node);
  if (!call || node.type !== 'invocation_expression') return undefined;
  if (/^(GetEnvironmentVariable|GetValue|GetConnectionString|GetSection)$/.test(call.name)) return csLiteral(call.args[0]) ?? '?';
  if (call.name === 'Value' || call.name === 'ToString') return envName(call.receiver);
  return undefined;
}

function envFallback(node: Node): EnvFallback | undefined {
  if (node.type === 'binary_expression') {
    if (fieldOf(node, 'operator')?.text !== '??') return undefined;
    const right = fieldOf(node, 'right');
    const env = envName(fieldOf(node, 'left'));
    return env !== undefined && right && csLiteral(right) !== undefined ? { env, fallback: right } : undefined;
  }
  if (node.type === 'conditional_expression') {
    const alternative = fieldOf(node, 'alternative');
    const env = envName(fieldOf(node, 'condition')) ?? envName(named(fieldOf(node, 'condition'))[0]);
    return env !== undefined && alternative && csLiteral(alternative) !== undefined ? { env, fallback: alternative } : undefined;
  }
  const call = csCall(node);
  if (call && node.type === 'invocation_expression' && call.name === 'GetValue' && call.args.length === 2 && csLiteral(call.args[1]) !== undefined) {
    return { env: csLiteral(call.args[0]) ?? '?', fallback: call.args[1]! };
  }
  return undefined;
}

function unwrap(node: Node): Node {
  let cur = node;
  for (let i = 0; i < 4; i++) {
    if (cur.type === 'parenthesized_expression') { cur = named(cur)[0] ?? cur; continue; }
    if (cur.type === 'invocation_expression') {
      const call = csCall(cur)!;
      // Encoding.UTF8.GetBytes("x"), Convert.FromBase64String("x")
      if ((call.name === 'GetBytes' || call.name === 'FromBase64String' || call.name === 'FromHexString') && call.args.length === 1) { cur = call.args[0]!; continue; }
      // "x"u8.ToArray(), "x".ToCharArray()
      if (call.receiver && (call.name === 'ToArray' || call.name === 'ToCharArray' || call.name === 'Trim') && csLiteral(call.receiver) !== undefined) { cur = call.receiver; continue; }
    }
    break;
  }
  return cur;
}

export const csharpDialect: Dialect = {
  stringTypes: ['string_literal', 'verbatim_string_literal', 'raw_string_literal', 'interpolated_string_expression'],
  literal: csLiteral,
  literalText: csLiteralText,
  unwrap,
  call: csCall,
  slots,
  envFallback,
  referenceName: (node) => {
    if (node.type === 'identifier') return node.text;
    if (node.type === 'member_access_expression') {
      const path = csPath(node);
      return path && path.length === 2 ? path[1] : undefined;
    }
    return undefined;
  },
  functionTypes: ['method_declaration', 'constructor_declaration', 'lambda_expression', 'local_function_statement', 'anonymous_method_expression'],
  parameterNames: (fn) => {
    const params = fieldOf(fn, 'parameters') ?? named(fn).find((c) => c.type === 'parameter_list' || c.type === 'implicit_parameter');
    if (!params) return [];
    if (params.type === 'implicit_parameter' || params.type === 'identifier') return [params.text];
    return named(params).map((p) => fieldOf(p, 'name')?.text ?? (p.type === 'implicit_parameter' ? p.text : '')).filter(Boolean);
  },
  bool: (node) => (node?.type === 'boolean_literal' ? node.text === 'true' : undefined),
  listElements: (node) => {
    const n = unwrap(node);
    if (n.type === 'array_creation_expression' || n.type === 'implicit_array_creation_expression' || n.type === 'object_creation_expression') {
      const init = named(n).find((c) => c.type === 'initializer_expression');
      return init ? named(init) : undefined;
    }
    if (n.type === 'initializer_expression' || n.type === 'collection_expression') return named(n);
    return undefined;
  },
};
