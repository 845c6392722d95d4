// Java spelled for the shared security extractors: string literals, calls (methods, `new`,
// annotations), slots (fields, locals, assignments, `put("password", v)`, `@Value("${jwt.secret:default}")`,
// `@ConfigProperty(defaultValue = ...)`) and environment lookups with a literal default.
import { named, type CallView, type Dialect, type EnvFallback, type Node, type Slot } from '../shared/dialect.js';
import { jvmLiteral, jvmLiteralText, jvmPath, keyValueArgs, listArgs, mentionsEnvLookup, parameterNames, PUT_METHODS, springPlaceholder } from './jvm-values.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';


function javaCall(node: Node): CallView | undefined {
  if (node.type === 'method_invocation') {
    const name = fieldOf(node, 'name')?.text ?? '';
    const object = fieldOf(node, 'object') ?? undefined;
    const args = named(fieldOf(node, 'arguments'));
    const objectPath = object ? jvmPath(object) : [];
    const path = objectPath ? [...objectPath, name] : undefined;
    return { node, ...(path ? { path } : {}), name, ...(object ? { receiver: object } : {}), args, named: new Map() };
  }
  if (node.type === 'object_creation_expression') {
    const path = jvmPath(fieldOf(node, 'type'));
    const args = named(fieldOf(node, 'arguments'));
    return { node, ...(path ? { path } : {}), name: path?.[path.length - 1] ?? '', args, named: new Map(), isNew: true };
  }
  if (node.type === 'annotation' || node.type === 'marker_annotation') {
    const path = jvmPath(fieldOf(node, 'name'));
    const argList = named(fieldOf(node, 'arguments'));
    const pairs = new Map<string, Node>();
    const args: Node[] = [];
    for (const a of argList) {
      if (a.type === 'element_value_pair') {
        const key = fieldOf(a, 'key')?.text;
        const value = fieldOf(a, 'value');
        if (key && value) pairs.set(key, value);
      } else args.push(a);
    }
    return { node, ...(path ? { path } : {}), name: path?.[path.length - 1] ?? '', args, named: pairs };
  }
  return undefined;
}

function javaTargetName(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return node.text;
  if (node.type === 'field_access') return fieldOf(node, 'field')?.text;
  if (node.type === 'array_access') return jvmLiteral(fieldOf(node, 'index'));
  return undefined;
}

/** `@Value("${jwt.secret:default}")` on a field or parameter: the annotation's literal. */
function valueAnnotation(modifiers: Node | undefined): Node | undefined {
  for (const m of named(modifiers)) {
    if (m.type !== 'annotation' || fieldOf(m, 'name')?.text !== 'Value') continue;
    return named(fieldOf(m, 'arguments'))[0];
  }
  return undefined;
}

function javaSlots(node: Node): Slot[] {
  switch (node.type) {
    case 'variable_declarator': {
      const name = fieldOf(node, 'name')?.text;
      const value = fieldOf(node, 'value');
      if (name && value) return [{ name, value, declares: true }];
      const annotated = name ? valueAnnotation(node.parent?.namedChildren.find((c) => c?.type === 'modifiers') ?? undefined) : undefined;
      return name && annotated ? [{ name, value: annotated }] : [];
    }
    case 'formal_parameter': {
      const name = fieldOf(node, 'name')?.text;
      const annotated = valueAnnotation(named(node).find((c) => c.type === 'modifiers'));
      return name && annotated ? [{ name, value: annotated }] : [];
    }
    case 'assignment_expression': {
      if (fieldOf(node, 'operator')?.text !== '=') return [];
      const left = fieldOf(node, 'left');
      const right = fieldOf(node, 'right');
      const name = javaTargetName(left);
      return name && right ? [{ name, value: right, declares: left?.type === 'identifier' }] : [];
    }
    case 'method_invocation': {
      const call = javaCall(node)!;
      if (call.path?.join('.') === 'Map.of' || call.name === 'ofEntries' || call.name === 'entry') return keyValueArgs(call.args);
      if (PUT_METHODS.has(call.name) && call.args.length === 2) return keyValueArgs(call.args);
      return [];
    }
    case 'annotation': {
      // Quarkus / MicroProfile: @ConfigProperty(name = "jwt.secret", defaultValue = "...")
      const call = javaCall(node)!;
      const name = jvmLiteral(call.named.get('name'));
      const value = call.named.get('defaultValue');
      return name && value ? [{ name, value }] : [];
    }
    default:
      return [];
  }
}

/** `${jwt.secret:default}` -> { env: 'jwt.secret', value: 'default' }. */
function javaEnvFallback(node: Node): EnvFallback | undefined {
  const placeholder = springPlaceholder(jvmLiteral(node));
  if (placeholder) return { env: placeholder.env, fallback: node, value: placeholder.value };
  if (node.type === 'ternary_expression') {
    const condition = fieldOf(node, 'condition');
    const alternative = fieldOf(node, 'alternative');
    const env = mentionsEnvLookup(condition);
    return env !== undefined && alternative && jvmLiteral(alternative) !== undefined ? { env, fallback: alternative } : undefined;
  }
  const call = javaCall(node);
  if (!call || node.type !== 'method_invocation') return undefined;
  const last = call.args[call.args.length - 1];
  if (!last || jvmLiteral(last) === undefined) return undefined;
  // System.getenv().getOrDefault("X", "v"), env.getProperty("x", "v"), System.getProperty("x", "v")
  if ((call.name === 'getOrDefault' || call.name === 'getProperty' || call.name === 'getenv') && call.args.length === 2) {
    const env = jvmLiteral(call.args[0]);
    if (env === undefined) return undefined;
    if (call.name === 'getOrDefault' && !/getenv|env/i.test(call.receiver?.text ?? '')) return undefined;
    return { env, fallback: last };
  }
  // Optional.ofNullable(System.getenv("X")).orElse("v"); Objects.requireNonNullElse(System.getenv("X"), "v")
  if (call.name === 'orElse' && call.args.length === 1) {
    const env = mentionsEnvLookup(call.receiver);
    return env !== undefined ? { env, fallback: last } : undefined;
  }
  if (call.name === 'requireNonNullElse' && call.args.length === 2) {
    const env = mentionsEnvLookup(call.args[0]);
    return env !== undefined ? { env, fallback: last } : undefined;
  }
  return undefined;
}

function javaUnwrap(node: Node): Node {
  let cur = node;
  for (let i = 0; i < 4; i++) {
    if (cur.type === 'parenthesized_expression') { cur = named(cur)[0] ?? cur; continue; }
    if (cur.type === 'method_invocation') {
      const call = javaCall(cur)!;
      // "x".getBytes(...), "x".toCharArray(), String.valueOf("x"), "x".trim()
      if (call.receiver && /^(getBytes|toCharArray|trim|toString|intern|strip)$/.test(call.name) && jvmLiteral(call.receiver) !== undefined) { cur = call.receiver; continue; }
      if (/^(valueOf|copyValueOf)$/.test(call.name) && call.args.length === 1) { cur = call.args[0]!; continue; }
      // Base64.getDecoder().decode("x"), DatatypeConverter.parseBase64Binary("x"), Decoders.BASE64.decode("x")
      if (/^(decode|parseBase64Binary|parseHexBinary)$/.test(call.name) && call.args.length === 1 && jvmLiteral(call.args[0]) !== undefined) { cur = call.args[0]!; continue; }
    }
    if (cur.type === 'object_creation_expression') {
      const call = javaCall(cur)!;
      if (call.name === 'String' && call.args.length === 1) { cur = call.args[0]!; continue; }
    }
    break;
  }
  return cur;
}

export const javaDialect: Dialect = {
  stringTypes: ['string_literal'],
  literal: jvmLiteral,
  literalText: jvmLiteralText,
  unwrap: javaUnwrap,
  call: javaCall,
  slots: javaSlots,
  envFallback: javaEnvFallback,
  referenceName: (node) => {
    if (node.type === 'identifier') return node.text;
    if (node.type === 'field_access') return fieldOf(node, 'field')?.text;
    return undefined;
  },
  functionTypes: ['method_declaration', 'constructor_declaration', 'lambda_expression'],
  parameterNames,
  bool: (node) => (node?.type === 'true' ? true : node?.type === 'false' ? false : undefined),
  listElements: (node) => {
    const n = javaUnwrap(node);
    if (n.type === 'array_creation_expression') return named(named(n).find((c) => c.type === 'array_initializer'));
    if (n.type === 'array_initializer' || n.type === 'element_value_array_initializer') return named(n);
    return listArgs(javaCall(n));
  },
};
