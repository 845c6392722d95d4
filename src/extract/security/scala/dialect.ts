// Scala spelled for the shared security extractors: strings, calls, slots (val / var, named
// arguments, `"k" -> v` pairs, assignments, parameter defaults) and `sys.env.getOrElse` defaults.
import { named, type CallView, type Dialect, type EnvFallback, type Node, type Slot } from '../shared/dialect.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" };

export function scalaLiteral(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'interpolated_string_expression') {
    const str = named(node).find((c) => c.type === 'interpolated_string');
    if (!str || named(str).length > 0) return undefined;
    return stripQuotes(str.text);
  }
  if (node.type !== 'string') return undefined;
  return stripQuotes(node.text);
}

function stripQuotes(text: string): string {
  if (text.startsWith('"""')) return text.slice(3, -3);
  return text.slice(1, -1).replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c);
}

function scalaLiteralText(node: Node): string | undefined {
  const direct = scalaLiteral(node);
  if (direct !== undefined) return direct;
  const str = named(node).find((c) => c.type === 'interpolated_string');
  return str ? stripQuotes(str.text) : undefined;
}

export function scalaPath(node: Node | null | undefined): string[] | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier' || node.type === 'type_identifier' || node.type === 'operator_identifier') return [node.text];
  if (node.type === 'field_expression' || node.type === 'stable_identifier' || node.type === 'stable_type_identifier') {
    const parts = named(node).map((c) => scalaPath(c));
    return parts.every(Boolean) ? (parts.flat() as string[]) : undefined;
  }
  if (node.type === 'generic_function') return scalaPath(fieldOf(node, 'function'));
  return undefined;
}

function scalaArguments(list: Node | null | undefined): { args: Node[]; named: Map<string, Node> } {
  const args: Node[] = [];
  const pairs = new Map<string, Node>();
  for (const arg of named(list)) {
    if (arg.type === 'assignment_expression' && fieldOf(arg, 'left')?.type === 'identifier') {
      pairs.set(fieldOf(arg, 'left')!.text, fieldOf(arg, 'right')!);
    } else args.push(arg);
  }
  return { args, named: pairs };
}

export function scalaCall(node: Node): CallView | undefined {
  if (node.type === 'call_expression') {
    const fn = fieldOf(node, 'function');
    const { args, named: pairs } = scalaArguments(fieldOf(node, 'arguments'));
    const path = scalaPath(fn);
    let name = path?.[path.length - 1] ?? '';
    let receiver: Node | undefined;
    if (fn?.type === 'field_expression') {
      name = fieldOf(fn, 'field')?.text ?? name;
      receiver = fieldOf(fn, 'value') ?? undefined;
    }
    return { node, ...(path ? { path } : {}), name, ...(receiver ? { receiver } : {}), args, named: pairs };
  }
  if (node.type === 'instance_expression') {
    const type = named(node).find((c) => c.type !== 'arguments');
    const path = scalaPath(type?.type === 'generic_type' ? named(type)[0] : type);
    const { args, named: pairs } = scalaArguments(named(node).find((c) => c.type === 'arguments'));
    return { node, ...(path ? { path } : {}), name: path?.[path.length - 1] ?? '', args, named: pairs, isNew: true };
  }
  return undefined;
}

function slots(node: Node): Slot[] {
  switch (node.type) {
    case 'val_definition':
    case 'var_definition': {
      const pattern = fieldOf(node, 'pattern');
      const value = fieldOf(node, 'value');
      return pattern?.type === 'identifier' && value ? [{ name: pattern.text, value, declares: true }] : [];
    }
    case 'assignment_expression': {
      if (node.parent?.type === 'arguments') return [];
      const left = fieldOf(node, 'left');
      const right = fieldOf(node, 'right');
      const path = scalaPath(left);
      return path && right ? [{ name: path[path.length - 1]!, value: right }] : [];
    }
    case 'infix_expression': {
      if (fieldOf(node, 'operator')?.text !== '->') return [];
      const key = scalaLiteral(fieldOf(node, 'left'));
      const right = fieldOf(node, 'right');
      return key !== undefined && right ? [{ name: key, value: right }] : [];
    }
    case 'parameter':
    case 'class_parameter': {
      const name = fieldOf(node, 'name')?.text;
      const value = fieldOf(node, 'default_value');
      return name && value ? [{ name, value }] : [];
    }
    case 'call_expression':
    case 'instance_expression': {
      const call = scalaCall(node)!;
      return [...call.named].map(([name, value]) => ({ name, value }));
    }
    default:
      return [];
  }
}

function envFallback(node: Node): EnvFallback | undefined {
  const call = scalaCall(node);
  if (!call || node.type !== 'call_expression') return undefined;
  const path = call.path?.join('.') ?? '';
  const last = call.args[call.args.length - 1];
  if (!last || scalaLiteral(last) === undefined) return undefined;
  // sys.env.getOrElse("X", "v"), Properties.envOrElse("X", "v")
  if (call.args.length === 2 && (/^(sys\.env|sys\.props|System\.getenv\(\))\.getOrElse$/.test(path) || /envOrElse|propOrElse/.test(call.name) || (call.name === 'getOrElse' && /sys\.env|getenv/.test(call.receiver?.text ?? '')))) {
    return { env: scalaLiteral(call.args[0]) ?? '?', fallback: last };
  }
  // sys.env.get("X").getOrElse("v"), Option(System.getenv("X")).getOrElse("v")
  if (call.args.length === 1 && call.name === 'getOrElse' && /sys\.env|getenv|sys\.props/.test(call.receiver?.text ?? '')) {
    const lit = call.receiver?.descendantsOfType(['string'])[0];
    return { env: lit ? scalaLiteral(lit) ?? '?' : '?', fallback: last };
  }
  return undefined;
}

function unwrap(node: Node): Node {
  let cur = node;
  for (let i = 0; i < 3; i++) {
    if (cur.type === 'parenthesized_expression') { cur = named(cur)[0] ?? cur; continue; }
    if (cur.type === 'call_expression' || cur.type === 'field_expression') {
      const receiver = cur.type === 'call_expression' ? scalaCall(cur)?.receiver : fieldOf(cur, 'value') ?? undefined;
      const name = cur.type === 'call_expression' ? scalaCall(cur)?.name : fieldOf(cur, 'field')?.text;
      if (receiver && name && /^(getBytes|toCharArray|trim)$/.test(name) && scalaLiteral(receiver) !== undefined) { cur = receiver; continue; }
    }
    break;
  }
  return cur;
}

export const scalaDialect: Dialect = {
  stringTypes: ['string', 'interpolated_string_expression'],
  literal: scalaLiteral,
  literalText: scalaLiteralText,
  unwrap,
  call: scalaCall,
  slots,
  envFallback,
  referenceName: (node) => {
    const path = scalaPath(node);
    return path && path.length <= 2 && node.type !== 'operator_identifier' ? path[path.length - 1] : undefined;
  },
  functionTypes: ['function_definition', 'lambda_expression'],
  parameterNames: (fn) => named(fieldOf(fn, 'parameters')).map((p) => fieldOf(p, 'name')?.text ?? '').filter(Boolean),
  bool: (node) => (node?.type === 'boolean_literal' ? node.text === 'true' : undefined),
  listElements: (node) => {
    const call = scalaCall(unwrap(node));
    return call && /^(List|Seq|Set|Vector|Array)$/.test(call.path?.join('.') ?? '') ? call.args : undefined;
  },
};
