// Rust spelled for the shared security extractors: string / byte-string / raw literals, calls
// (`a::b(x)`, `x.m(y)`, turbofish), slots (const / static / let, struct field initializers,
// assignments) and `env::var("X").unwrap_or(...)` defaults.
import { named, type CallView, type Dialect, type EnvFallback, type Node, type Slot } from '../shared/dialect.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", '0': '\0' };

export function rustLiteral(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'raw_string_literal') return named(node).filter((c) => c.type === 'string_content').map((c) => c.text).join('');
  if (node.type !== 'string_literal') return undefined;
  let out = '';
  for (const child of named(node)) {
    if (child.type === 'string_content') out += child.text;
    else if (child.type === 'escape_sequence') out += ESCAPES[child.text.slice(1)] ?? '';
  }
  return out;
}

/** `a::b::c`, `self.x`, `x.y` -> names. */
export function rustPath(node: Node | null | undefined): string[] | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'identifier':
    case 'type_identifier':
    case 'field_identifier':
    case 'self':
    case 'crate':
    case 'super':
      return [node.text];
    case 'scoped_identifier':
    case 'scoped_type_identifier': {
      const path = fieldOf(node, 'path');
      const name = fieldOf(node, 'name');
      const left = path ? rustPath(path) : [];
      return left && name ? [...left, name.text] : undefined;
    }
    case 'field_expression': {
      const value = rustPath(fieldOf(node, 'value'));
      const field = fieldOf(node, 'field');
      return value && field ? [...value, field.text] : undefined;
    }
    case 'generic_function':
    case 'generic_type':
      return rustPath(fieldOf(node, 'function') ?? fieldOf(node, 'type'));
    default:
      return undefined;
  }
}

export function rustCall(node: Node): CallView | undefined {
  if (node.type !== 'call_expression') return undefined;
  let fn = fieldOf(node, 'function');
  if (fn?.type === 'generic_function') fn = fieldOf(fn, 'function');
  if (!fn) return undefined;
  const args = named(fieldOf(node, 'arguments'));
  const path = rustPath(fn);
  let name = path?.[path.length - 1] ?? '';
  let receiver: Node | undefined;
  if (fn.type === 'field_expression') {
    name = fieldOf(fn, 'field')?.text ?? name;
    receiver = fieldOf(fn, 'value') ?? undefined;
  }
  return { node, ...(path ? { path } : {}), name, ...(receiver ? { receiver } : {}), args, named: new Map(), isNew: /^[A-Z]/.test(path?.[path.length - 2] ?? '') && name === 'new' };
}

function targetName(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return node.text;
  if (node.type === 'field_expression') return fieldOf(node, 'field')?.text;
  return undefined;
}

function slots(node: Node): Slot[] {
  switch (node.type) {
    case 'const_item':
    case 'static_item': {
      const name = fieldOf(node, 'name')?.text;
      const value = fieldOf(node, 'value');
      return name && value ? [{ name, value, declares: true }] : [];
    }
    case 'let_declaration': {
      const pattern = fieldOf(node, 'pattern');
      const value = fieldOf(node, 'value');
      return pattern?.type === 'identifier' && value ? [{ name: pattern.text, value, declares: true }] : [];
    }
    case 'assignment_expression': {
      const left = fieldOf(node, 'left');
      const right = fieldOf(node, 'right');
      const name = targetName(left);
      return name && right ? [{ name, value: right }] : [];
    }
    case 'field_initializer': {
      const name = fieldOf(node, 'field')?.text;
      const value = fieldOf(node, 'value');
      return name && value ? [{ name, value }] : [];
    }
    default:
      return [];
  }
}

const ENV_LOOKUP = /(^|::)(env::var|var|env_var|get_env|getenv)$|dotenvy?::var$/;

/** `env::var("X")`, `std::env::var("X")`, `dotenvy::var("X")`, `option_env!("X")` -> 'X'. */
function envName(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'macro_invocation') {
    const macro = fieldOf(node, 'macro')?.text;
    if (macro !== 'option_env') return undefined;
    const lit = node.descendantsOfType(['string_literal'])[0];
    return lit ? rustLiteral(lit) ?? '?' : '?';
  }
  const call = rustCall(node);
  if (!call) return undefined;
  const path = call.path?.join('::') ?? '';
  if (ENV_LOOKUP.test(path)) return rustLiteral(call.args[0]) ?? '?';
  // env::var("X").ok(), .map(...)
  if (call.receiver && /^(ok|map|as_deref|into)$/.test(call.name)) return envName(call.receiver);
  return undefined;
}

function envFallback(node: Node): EnvFallback | undefined {
  const call = rustCall(node);
  if (!call || !call.receiver || !/^(unwrap_or|unwrap_or_else|or|or_else|unwrap_or_default)$/.test(call.name)) return undefined;
  const env = envName(call.receiver);
  if (env === undefined) return undefined;
  let fallback: Node | undefined = call.args[0];
  if (fallback?.type === 'closure_expression') fallback = fieldOf(fallback, 'body') ?? undefined;
  if (!fallback) return undefined;
  const inner = unwrap(fallback);
  return rustLiteral(inner) !== undefined ? { env, fallback: inner } : undefined;
}

function unwrap(node: Node): Node {
  let cur = node;
  for (let i = 0; i < 5; i++) {
    if (cur.type === 'parenthesized_expression' || cur.type === 'reference_expression') { cur = named(cur)[named(cur).length - 1] ?? cur; continue; }
    if (cur.type === 'call_expression') {
      const call = rustCall(cur)!;
      // "x".to_string(), "x".into(), "x".to_owned(), "x".as_bytes(), b"x".to_vec()
      if (call.receiver && call.args.length === 0 && /^(to_string|into|to_owned|as_bytes|as_ref|to_vec|as_str|into_bytes|trim)$/.test(call.name)) { cur = call.receiver; continue; }
      // String::from("x"), Some("x"), Secret::new("x"), SecretString::from("x")
      const p = call.path?.join('::') ?? '';
      if (call.args.length === 1 && /^(String::from|Some|Secret::new|SecretString::from|SecretString::new|Cow::Borrowed|Vec::from|HeaderValue::from_static|HeaderValue::from_str|header::HeaderValue::from_static)$/.test(p)) { cur = call.args[0]!; continue; }
      // "*".parse().unwrap(), HeaderValue::from_str("x").unwrap()
      if (call.receiver && call.args.length === 0 && /^(unwrap|parse|expect)$/.test(call.name)) { cur = call.receiver; continue; }
      if (call.receiver && call.args.length === 1 && call.name === 'expect') { cur = call.receiver; continue; }
    }
    break;
  }
  return cur;
}

export const rustDialect: Dialect = {
  stringTypes: ['string_literal', 'raw_string_literal'],
  literal: rustLiteral,
  literalText: rustLiteral,
  unwrap,
  call: rustCall,
  slots,
  envFallback,
  referenceName: (node) => {
    if (node.type === 'identifier') return node.text;
    if (node.type === 'scoped_identifier' || node.type === 'field_expression') {
      const path = rustPath(node);
      return path ? path[path.length - 1] : undefined;
    }
    return undefined;
  },
  functionTypes: ['function_item', 'closure_expression'],
  parameterNames: (fn) => {
    const params = fieldOf(fn, 'parameters');
    return params ? params.descendantsOfType(['identifier']).filter((n): n is Node => n !== null && n.parent?.type !== 'scoped_type_identifier').map((n) => n.text) : [];
  },
  bool: (node) => (node?.type === 'boolean_literal' ? node.text === 'true' : undefined),
  listElements: (node) => {
    const n = unwrap(node);
    if (n.type === 'array_expression') return named(n);
    return undefined;
  },
};
