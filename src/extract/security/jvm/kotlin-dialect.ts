// Kotlin spelled for the shared security extractors: string literals (templates are not constants),
// calls with trailing lambdas and named arguments, slots (properties, parameters with defaults,
// assignments, `"k" to v`), elvis env defaults and `@Value` placeholders.
import { named, type CallView, type Dialect, type EnvFallback, type Node, type Slot } from '../shared/dialect.js';
import { jvmLiteral, jvmLiteralText, jvmPath, keyValueArgs, listArgs, mentionsEnvLookup, parameterNames, PUT_METHODS, springPlaceholder } from './jvm-values.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';


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
      const left = fieldOf(node, 'left') ?? named(node)[0];
      const right = fieldOf(node, 'right') ?? named(node)[1];
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
    const left = fieldOf(node, 'left') ?? named(node)[0];
    const right = fieldOf(node, 'right') ?? named(node)[named(node).length - 1];
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
    return listArgs(kotlinCall(n));
  },
};
