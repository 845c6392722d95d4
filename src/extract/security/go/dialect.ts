// Go spelled for the shared security extractors: string literals, calls, `name = value` slots
// (const/var specs, `:=`, assignments, keyed composite-literal elements) and env lookups.
import { named, type CallView, type Dialect, type EnvFallback, type Node, type Slot } from '../shared/dialect.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" };

export function goLiteral(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'raw_string_literal') return node.text.slice(1, -1).replace(/\r/g, '');
  if (node.type !== 'interpreted_string_literal') return undefined;
  let out = '';
  for (const child of named(node)) {
    if (child.type === 'escape_sequence') out += ESCAPES[child.text.slice(1)] ?? child.text;
    else out += child.text;
  }
  return out;
}

/** `a.b.c` -> ['a', 'b', 'c']; undefined when the chain holds a call or index. */
export function goPath(node: Node | null | undefined): string[] | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier' || node.type === 'field_identifier' || node.type === 'package_identifier' || node.type === 'type_identifier') return [node.text];
  if (node.type === 'selector_expression') {
    const operand = goPath(fieldOf(node, 'operand'));
    const field = fieldOf(node, 'field');
    return operand && field ? [...operand, field.text] : undefined;
  }
  if (node.type === 'qualified_type') {
    const pkg = fieldOf(node, 'package')?.text;
    const name = fieldOf(node, 'name')?.text;
    return pkg && name ? [pkg, name] : undefined;
  }
  return undefined;
}

export function goCall(node: Node): CallView | undefined {
  if (node.type !== 'call_expression') return undefined;
  const fn = fieldOf(node, 'function');
  if (!fn) return undefined;
  const args = named(fieldOf(node, 'arguments')).map((a) => (a.type === 'variadic_argument' ? (named(a)[0] ?? a) : a));
  const path = goPath(fn);
  let name = path?.[path.length - 1] ?? '';
  let receiver: Node | undefined;
  if (fn.type === 'selector_expression') {
    name = fieldOf(fn, 'field')?.text ?? name;
    receiver = fieldOf(fn, 'operand') ?? undefined;
  }
  return { node, ...(path ? { path } : {}), name, ...(receiver ? { receiver } : {}), args, named: new Map() };
}

/** The element of a keyed_element / literal_element wrapper. */
function element(node: Node | undefined): Node | undefined {
  if (node?.type === 'literal_element') return named(node)[0];
  return node;
}

/** The slot name of an assignment target: `x`, `cfg.Secret`, `m["api_key"]`. */
function targetName(node: Node): string | undefined {
  if (node.type === 'identifier') return node.text;
  if (node.type === 'selector_expression') return fieldOf(node, 'field')?.text;
  if (node.type === 'index_expression') return goLiteral(fieldOf(node, 'index'));
  // `new-relic_api_token = "..."` in a scrap of configuration read as Go: a hyphenated name
  if (node.type === 'binary_expression' && fieldOf(node, 'operator')?.text === '-') {
    const left = fieldOf(node, 'left');
    const right = fieldOf(node, 'right');
    if (left?.type === 'identifier' && right?.type === 'identifier') return `${left.text}-${right.text}`;
  }
  return undefined;
}

function slots(node: Node): Slot[] {
  switch (node.type) {
    case 'const_spec':
    case 'var_spec': {
      const names = node.childrenForFieldName('name').filter((n): n is Node => n !== null);
      const values = named(fieldOf(node, 'value'));
      return names.flatMap((n, i) => (values[i] ? [{ name: n.text, value: values[i]!, declares: true }] : []));
    }
    case 'short_var_declaration':
    case 'assignment_statement': {
      const op = node.type === 'assignment_statement' ? fieldOf(node, 'operator')?.text ?? '=' : ':=';
      if (op !== '=' && op !== ':=') return [];
      const left = named(fieldOf(node, 'left'));
      const right = named(fieldOf(node, 'right'));
      if (left.length !== right.length) return [];
      return left.flatMap((l, i) => {
        const name = targetName(l);
        return name ? [{ name, value: right[i]!, declares: l.type === 'identifier' }] : [];
      });
    }
    case 'keyed_element': {
      const [k, v] = named(node);
      const key = element(k);
      const value = element(v);
      if (!key || !value) return [];
      const name = key.type === 'identifier' || key.type === 'field_identifier' ? key.text : goLiteral(key);
      return name ? [{ name, value }] : [];
    }
    default:
      return [];
  }
}

const ENV_HELPERS = new Set([
  'getenv', 'getenvordefault', 'getenvor', 'getenvdefault', 'getenvwithdefault', 'env', 'envor', 'envordefault', 'envdefault',
  'getenvvar', 'lookupenvordefault', 'lookupenvor', 'getenvstring', 'envstring', 'getstringenv', 'getenvordefaultstring', 'defaultenv', 'mustgetenvor',
]);

function isEnvLookup(node: Node | undefined): string | undefined {
  const call = node ? goCall(node) : undefined;
  if (!call || !call.path) return undefined;
  const p = call.path.join('.');
  if (p === 'os.Getenv' || p === 'os.LookupEnv' || p === 'syscall.Getenv') return goLiteral(call.args[0]) ?? '?';
  return undefined;
}

function envFallback(node: Node): EnvFallback | undefined {
  const call = goCall(node);
  if (!call || call.args.length < 2) return undefined;
  const last = call.args[call.args.length - 1]!;
  // cmp.Or(os.Getenv("X"), "v")
  if (call.path?.join('.') === 'cmp.Or') {
    const env = isEnvLookup(call.args[0]);
    return env !== undefined && goLiteral(last) !== undefined ? { env, fallback: last } : undefined;
  }
  // getEnv("JWT_SECRET", "v"), config.GetEnvOrDefault("X", "v")
  if (!ENV_HELPERS.has(call.name.toLowerCase().replace(/_/g, ''))) return undefined;
  const env = goLiteral(call.args[0]);
  if (env === undefined || !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(env) || goLiteral(last) === undefined || call.args.length !== 2) return undefined;
  return { env, fallback: last };
}

function unwrap(node: Node): Node {
  let cur = node;
  for (let i = 0; i < 4; i++) {
    if (cur.type === 'parenthesized_expression' || cur.type === 'literal_element') { cur = named(cur)[0] ?? cur; continue; }
    // []byte("x"), string("x")
    if (cur.type === 'type_conversion_expression') { cur = fieldOf(cur, 'operand') ?? cur; continue; }
    if (cur.type === 'call_expression') {
      const fn = fieldOf(cur, 'function');
      const args = named(fieldOf(cur, 'arguments'));
      if (args.length === 1 && (fn?.text === 'string' || fn?.text === '[]byte' || fn?.type === 'slice_type' || fn?.type === 'parenthesized_type')) { cur = args[0]!; continue; }
    }
    break;
  }
  return cur;
}

export const goDialect: Dialect = {
  stringTypes: ['interpreted_string_literal', 'raw_string_literal'],
  literal: goLiteral,
  literalText: (node) => goLiteral(node),
  unwrap,
  call: goCall,
  slots,
  envFallback,
  referenceName: (node) => {
    const path = goPath(node);
    return path && path.length <= 2 && node.type !== 'type_identifier' ? path[path.length - 1] : undefined;
  },
  functionTypes: ['function_declaration', 'method_declaration', 'func_literal'],
  parameterNames: (fn) => named(fieldOf(fn, 'parameters')).flatMap((p) => p.childrenForFieldName('name').filter((n): n is Node => n !== null).map((n) => n.text)),
  bool: (node) => (node?.type === 'true' ? true : node?.type === 'false' ? false : undefined),
  listElements: (node) => {
    const n = unwrap(node);
    if (n.type !== 'composite_literal') return undefined;
    const type = fieldOf(n, 'type');
    if (type?.type !== 'slice_type' && type?.type !== 'array_type' && type?.type !== 'implicit_length_array_type') return undefined;
    return named(fieldOf(n, 'body')).map((e) => element(e) ?? e);
  },
};

/** Import path -> local package name (alias, or last element; the element before /vN). */
export function goImports(root: Node): { local: string; path: string; node: Node }[] {
  const out: { local: string; path: string; node: Node }[] = [];
  for (const decl of named(root)) {
    if (decl.type !== 'import_declaration') continue;
    for (const spec of decl.descendantsOfType('import_spec')) {
      if (!spec) continue;
      const path = goLiteral(fieldOf(spec, 'path'));
      if (!path) continue;
      const alias = fieldOf(spec, 'name')?.text;
      const parts = path.split('/');
      let last = parts[parts.length - 1] ?? path;
      if (/^v\d+$/.test(last) && parts.length > 1) last = parts[parts.length - 2]!;
      last = last.replace(/^go-/, '').replace(/[.-].*$/, '');
      out.push({ local: alias ?? last, path, node: spec });
    }
  }
  return out;
}
