// Java and Kotlin spelled for the shared security extractors: string literals, calls, slots
// (fields, locals, properties, assignments, `put("password", v)`, `"k" to v`, named arguments,
// `@Value("${jwt.secret:default}")`) and environment lookups with a literal default.
import { named, type CallView, type Dialect, type EnvFallback, type Node, type Slot } from '../shared/dialect.js';

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", $: '$', b: '\b', f: '\f', s: ' ' };

function unescape(seq: string): string {
  return ESCAPES[seq.slice(1)] ?? seq;
}

/** Java / Kotlin string literal value; undefined for interpolated Kotlin strings and non-strings. */
export function jvmLiteral(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type !== 'string_literal' && node.type !== 'multiline_string_literal') return undefined;
  let out = '';
  for (const child of named(node)) {
    if (child.type === 'escape_sequence') out += unescape(child.text);
    else if (child.type === 'string_fragment' || child.type === 'multiline_string_fragment' || child.type === 'string_content') out += child.text;
    else return undefined; // interpolation
  }
  if (named(node).length === 0 && node.text.length >= 2) return node.type === 'multiline_string_literal' ? node.text.slice(3, -3) : node.text.slice(1, -1);
  return out;
}

function jvmLiteralText(node: Node): string | undefined {
  let out = '';
  for (const child of named(node)) {
    if (child.type === 'escape_sequence') out += unescape(child.text);
    else if (child.type === 'string_fragment' || child.type === 'multiline_string_fragment' || child.type === 'string_content') out += child.text;
    else out += '${x}';
  }
  return out;
}

/** `a.b.c` (Java identifier / field_access / scoped_identifier, Kotlin navigation_expression) -> names. */
export function jvmPath(node: Node | null | undefined): string[] | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'identifier':
    case 'type_identifier':
    case 'simple_identifier':
    case 'this':
      return [node.text];
    case 'field_access': {
      const object = jvmPath(node.childForFieldName('object'));
      const field = node.childForFieldName('field');
      return object && field ? [...object, field.text] : undefined;
    }
    case 'scoped_identifier':
    case 'scoped_type_identifier':
    case 'navigation_expression':
    case 'user_type': {
      const parts = named(node).filter((c) => c.type !== 'type_arguments');
      const out: string[] = [];
      for (const part of parts) {
        const p = jvmPath(part);
        if (!p) return undefined;
        out.push(...p);
      }
      return out.length > 0 ? out : undefined;
    }
    case 'generic_type':
      return jvmPath(named(node)[0]);
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------- Java

function javaCall(node: Node): CallView | undefined {
  if (node.type === 'method_invocation') {
    const name = node.childForFieldName('name')?.text ?? '';
    const object = node.childForFieldName('object') ?? undefined;
    const args = named(node.childForFieldName('arguments'));
    const objectPath = object ? jvmPath(object) : [];
    const path = objectPath ? [...objectPath, name] : undefined;
    return { node, ...(path ? { path } : {}), name, ...(object ? { receiver: object } : {}), args, named: new Map() };
  }
  if (node.type === 'object_creation_expression') {
    const path = jvmPath(node.childForFieldName('type'));
    const args = named(node.childForFieldName('arguments'));
    return { node, ...(path ? { path } : {}), name: path?.[path.length - 1] ?? '', args, named: new Map(), isNew: true };
  }
  if (node.type === 'annotation' || node.type === 'marker_annotation') {
    const path = jvmPath(node.childForFieldName('name'));
    const argList = named(node.childForFieldName('arguments'));
    const pairs = new Map<string, Node>();
    const args: Node[] = [];
    for (const a of argList) {
      if (a.type === 'element_value_pair') {
        const key = a.childForFieldName('key')?.text;
        const value = a.childForFieldName('value');
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
  if (node.type === 'field_access') return node.childForFieldName('field')?.text;
  if (node.type === 'array_access') return jvmLiteral(node.childForFieldName('index'));
  return undefined;
}

/** `@Value("${jwt.secret:default}")` on a field or parameter: the annotation's literal. */
function valueAnnotation(modifiers: Node | undefined): Node | undefined {
  for (const m of named(modifiers)) {
    if (m.type !== 'annotation' || m.childForFieldName('name')?.text !== 'Value') continue;
    return named(m.childForFieldName('arguments'))[0];
  }
  return undefined;
}

const PUT_METHODS = new Set(['put', 'setProperty', 'putIfAbsent', 'add', 'addProperty', 'set', 'with', 'claim', 'withClaim', 'header', 'param', 'option', 'property']);

function keyValueArgs(args: Node[]): Slot[] {
  const out: Slot[] = [];
  for (let i = 0; i + 1 < args.length; i += 2) {
    const key = jvmLiteral(args[i]);
    if (key !== undefined) out.push({ name: key, value: args[i + 1]! });
  }
  return out;
}

function javaSlots(node: Node): Slot[] {
  switch (node.type) {
    case 'variable_declarator': {
      const name = node.childForFieldName('name')?.text;
      const value = node.childForFieldName('value');
      if (name && value) return [{ name, value, declares: true }];
      const annotated = name ? valueAnnotation(node.parent?.namedChildren.find((c) => c?.type === 'modifiers') ?? undefined) : undefined;
      return name && annotated ? [{ name, value: annotated }] : [];
    }
    case 'formal_parameter': {
      const name = node.childForFieldName('name')?.text;
      const annotated = valueAnnotation(named(node).find((c) => c.type === 'modifiers'));
      return name && annotated ? [{ name, value: annotated }] : [];
    }
    case 'assignment_expression': {
      if (node.childForFieldName('operator')?.text !== '=') return [];
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
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
export function springPlaceholder(text: string | undefined): { env: string; value: string } | undefined {
  if (!text || !text.startsWith('${') || !text.endsWith('}')) return undefined;
  const inner = text.slice(2, -1);
  const colon = inner.indexOf(':');
  if (colon <= 0 || inner.includes('${') || inner.slice(colon + 1).startsWith('#{')) return undefined;
  return { env: inner.slice(0, colon), value: inner.slice(colon + 1) };
}

function mentionsEnvLookup(node: Node | null | undefined, depth = 0): string | undefined {
  if (!node || depth > 4) return undefined;
  const text = node.text;
  if (!/getenv|getProperty|getEnv|env\[|System\.env|environment/.test(text)) return undefined;
  const lit = node.descendantsOfType(['string_literal']).map((n) => (n ? jvmLiteral(n) : undefined)).find((v) => v !== undefined);
  return lit ?? '?';
}

function javaEnvFallback(node: Node): EnvFallback | undefined {
  const placeholder = springPlaceholder(jvmLiteral(node));
  if (placeholder) return { env: placeholder.env, fallback: node, value: placeholder.value };
  if (node.type === 'ternary_expression') {
    const condition = node.childForFieldName('condition');
    const alternative = node.childForFieldName('alternative');
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

function listArgs(node: Node, call: CallView | undefined): Node[] | undefined {
  if (!call) return undefined;
  const p = call.path?.join('.') ?? call.name;
  if (/^(List\.of|Set\.of|Arrays\.asList|asList|Collections\.singletonList|singletonList|Collections\.singleton|listOf|setOf|mutableListOf|arrayOf|hashSetOf|mutableSetOf|ImmutableList\.of|Stream\.of)$/.test(p)) return call.args;
  return undefined;
}

function parameterNames(fn: Node): string[] {
  const params = fn.childForFieldName('parameters') ?? named(fn).find((c) => c.type === 'function_value_parameters' || c.type === 'lambda_parameters' || c.type === 'formal_parameters');
  if (!params) return fn.type === 'lambda_expression' ? [] : [];
  if (params.type === 'identifier') return [params.text];
  return params.descendantsOfType(['identifier', 'simple_identifier']).filter((n): n is Node => n !== null && n.parent?.type !== 'user_type' && n.parent?.type !== 'type_identifier').map((n) => n.text);
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
    if (node.type === 'field_access') return node.childForFieldName('field')?.text;
    return undefined;
  },
  functionTypes: ['method_declaration', 'constructor_declaration', 'lambda_expression'],
  parameterNames,
  bool: (node) => (node?.type === 'true' ? true : node?.type === 'false' ? false : undefined),
  listElements: (node) => {
    const n = javaUnwrap(node);
    if (n.type === 'array_creation_expression') return named(named(n).find((c) => c.type === 'array_initializer'));
    if (n.type === 'array_initializer' || n.type === 'element_value_array_initializer') return named(n);
    return listArgs(n, javaCall(n));
  },
};

// -------------------------------------------------------------------------------- Kotlin

function valueArguments(list: Node | undefined): { args: Node[]; named: Map<string, Node> } {
  const args: Node[] = [];
  const pairs = new Map<string, Node>();
  for (const arg of named(list)) {
    if (arg.type !== 'value_argument') continue;
    const parts = named(arg).filter((c) => c.type !== 'annotation');
    const hasEquals = arg.children.some((c) => c?.type === '=');
    if (hasEquals && parts.length >= 2 && (parts[0]!.type === 'identifier' || parts[0]!.type === 'simple_identifier')) pairs.set(parts[0]!.text, parts[parts.length - 1]!);
    else if (parts.length > 0) args.push(parts[parts.length - 1]!);
  }
  return { args, named: pairs };
}

function kotlinCall(node: Node): CallView | undefined {
  if (node.type === 'constructor_invocation') {
    const path = jvmPath(named(node)[0]);
    const { args, named: pairs } = valueArguments(named(node).find((c) => c.type === 'value_arguments'));
    return { node, ...(path ? { path } : {}), name: path?.[path.length - 1] ?? '', args, named: pairs };
  }
  if (node.type !== 'call_expression') return undefined;
  const children = named(node);
  const callee = children[0];
  if (!callee) return undefined;
  // `f(x) { ... }`: the trailing lambda belongs to the inner call; report the call once, on the outer node.
  if (node.parent?.type === 'call_expression' && named(node.parent)[0]?.id === node.id && named(node.parent).some((c) => c.type === 'annotated_lambda')) return undefined;
  let inner = node;
  let lambda: Node | undefined;
  if (callee.type === 'call_expression' && children.some((c) => c.type === 'annotated_lambda')) {
    inner = callee;
    lambda = children.find((c) => c.type === 'annotated_lambda');
  }
  const innerChildren = named(inner);
  const fn = innerChildren[0]!;
  const { args, named: pairs } = valueArguments(innerChildren.find((c) => c.type === 'value_arguments'));
  const ownLambda = innerChildren.find((c) => c.type === 'annotated_lambda');
  if (ownLambda && !lambda) lambda = ownLambda;
  if (lambda) args.push(named(lambda).find((c) => c.type === 'lambda_literal') ?? lambda);
  const path = jvmPath(fn);
  let name = path?.[path.length - 1] ?? '';
  let receiver: Node | undefined;
  if (fn.type === 'navigation_expression') {
    const parts = named(fn);
    name = parts[parts.length - 1]!.text;
    receiver = parts[0];
  }
  return { node, ...(path ? { path } : {}), name, ...(receiver ? { receiver } : {}), args, named: pairs, isNew: /^[A-Z]/.test(name) && !receiver };
}

function kotlinTargetName(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier' || node.type === 'simple_identifier') return node.text;
  if (node.type === 'navigation_expression' || node.type === 'directly_assignable_expression') {
    const parts = named(node);
    return kotlinTargetName(parts[parts.length - 1]);
  }
  if (node.type === 'index_expression') return jvmLiteral(named(node)[1]);
  return undefined;
}

function annotationValue(modifiers: Node | undefined): Node | undefined {
  for (const m of named(modifiers)) {
    if (m.type !== 'annotation') continue;
    const inv = named(m)[0];
    if (!inv || inv.type !== 'constructor_invocation' || jvmPath(named(inv)[0])?.pop() !== 'Value') continue;
    return valueArguments(named(inv).find((c) => c.type === 'value_arguments')).args[0];
  }
  return undefined;
}

function kotlinSlots(node: Node): Slot[] {
  switch (node.type) {
    case 'property_declaration': {
      const decl = named(node).find((c) => c.type === 'variable_declaration');
      const name = decl ? named(decl).find((c) => c.type === 'identifier' || c.type === 'simple_identifier')?.text : undefined;
      if (!name) return [];
      const children = named(node);
      const value = children[children.indexOf(decl!) + 1];
      if (value && value.type !== 'property_delegate' && value.type !== 'getter' && value.type !== 'setter') return [{ name, value, declares: true }];
      const annotated = annotationValue(children.find((c) => c.type === 'modifiers'));
      return annotated ? [{ name, value: annotated }] : [];
    }
    case 'class_parameter':
    case 'parameter': {
      const children = named(node);
      const id = children.find((c) => c.type === 'identifier' || c.type === 'simple_identifier');
      if (!id) return [];
      const annotated = annotationValue(children.find((c) => c.type === 'modifiers'));
      if (annotated) return [{ name: id.text, value: annotated }];
      const last = children[children.length - 1]!;
      const hasDefault = node.children.some((c) => c?.type === '=');
      return hasDefault && last !== id ? [{ name: id.text, value: last }] : [];
    }
    case 'assignment': {
      const left = node.childForFieldName('left') ?? named(node)[0];
      const right = node.childForFieldName('right') ?? named(node)[1];
      const op = node.children.find((c) => c && !c.isNamed)?.text ?? '=';
      const name = kotlinTargetName(left);
      return name && right && op === '=' ? [{ name, value: right, declares: left?.type === 'identifier' }] : [];
    }
    case 'infix_expression': {
      const [k, op, v] = named(node);
      if (op?.text !== 'to' || !v) return [];
      const key = jvmLiteral(k);
      return key !== undefined ? [{ name: key, value: v }] : [];
    }
    case 'call_expression': {
      const call = kotlinCall(node);
      if (!call) return [];
      const out: Slot[] = [...call.named].map(([name, value]) => ({ name, value }));
      if (PUT_METHODS.has(call.name) && call.args.length === 2) out.push(...keyValueArgs(call.args));
      return out;
    }
    default:
      return [];
  }
}

function kotlinEnvFallback(node: Node): EnvFallback | undefined {
  const placeholder = springPlaceholder(jvmLiteral(node));
  if (placeholder) return { env: placeholder.env, fallback: node, value: placeholder.value };
  if (node.type === 'binary_expression' || node.type === 'elvis_expression') {
    const isElvis = node.children.some((c) => c?.type === '?:');
    const left = node.childForFieldName('left') ?? named(node)[0];
    const right = node.childForFieldName('right') ?? named(node)[named(node).length - 1];
    if (!isElvis || !right || jvmLiteral(right) === undefined) return undefined;
    const env = mentionsEnvLookup(left);
    return env !== undefined ? { env, fallback: right } : undefined;
  }
  const call = kotlinCall(node);
  if (!call || call.args.length !== 2 || jvmLiteral(call.args[1]) === undefined) return undefined;
  if ((call.name === 'getOrDefault' && /getenv|env/i.test(call.receiver?.text ?? '')) || call.name === 'getProperty') {
    const env = jvmLiteral(call.args[0]);
    return env !== undefined ? { env, fallback: call.args[1]! } : undefined;
  }
  return undefined;
}

function kotlinUnwrap(node: Node): Node {
  let cur = node;
  for (let i = 0; i < 4; i++) {
    if (cur.type === 'parenthesized_expression') { cur = named(cur)[0] ?? cur; continue; }
    if (cur.type === 'call_expression') {
      const call = kotlinCall(cur);
      // "x".toByteArray(), "x".encodeToByteArray(), "x".toCharArray()
      if (call?.receiver && call.args.length <= 1 && /^(toByteArray|encodeToByteArray|toCharArray|trim|toString|getBytes)$/.test(call.name) && jvmLiteral(call.receiver) !== undefined) { cur = call.receiver; continue; }
    }
    if (cur.type === 'navigation_expression') {
      // "x".toByteArray without a call is not valid; `"x".length` is not a value wrapper
      break;
    }
    break;
  }
  return cur;
}

export const kotlinDialect: Dialect = {
  stringTypes: ['string_literal', 'multiline_string_literal'],
  literal: jvmLiteral,
  literalText: jvmLiteralText,
  unwrap: kotlinUnwrap,
  call: kotlinCall,
  slots: kotlinSlots,
  envFallback: kotlinEnvFallback,
  referenceName: (node) => {
    if (node.type === 'identifier' || node.type === 'simple_identifier') return node.text;
    if (node.type === 'navigation_expression') {
      const parts = named(node);
      const last = parts[parts.length - 1];
      return parts.length === 2 && last && (last.type === 'identifier' || last.type === 'simple_identifier') && jvmPath(node) ? last.text : undefined;
    }
    return undefined;
  },
  functionTypes: ['function_declaration', 'lambda_literal', 'anonymous_function'],
  parameterNames,
  bool: (node) => (node?.text === 'true' ? true : node?.text === 'false' ? false : undefined),
  listElements: (node) => {
    const n = kotlinUnwrap(node);
    if (n.type === 'collection_literal') return named(n);
    return listArgs(n, kotlinCall(n));
  },
};
