// Java / Kotlin helpers shared by their dialects: string literal values, dotted names, Spring
// `${key:default}` placeholders, `put("k", v)`-style key/value arguments, list factories.
import { named, type CallView, type Node, type Slot } from '../shared/dialect.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

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

export function jvmLiteralText(node: Node): string | undefined {
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
      const object = jvmPath(fieldOf(node, 'object'));
      const field = fieldOf(node, 'field');
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

export const PUT_METHODS = new Set(['put', 'setProperty', 'putIfAbsent', 'add', 'addProperty', 'set', 'with', 'claim', 'withClaim', 'header', 'param', 'option', 'property']);

export function keyValueArgs(args: Node[]): Slot[] {
  const out: Slot[] = [];
  for (let i = 0; i + 1 < args.length; i += 2) {
    const key = jvmLiteral(args[i]);
    if (key !== undefined) out.push({ name: key, value: args[i + 1]! });
  }
  return out;
}

export function springPlaceholder(text: string | undefined): { env: string; value: string } | undefined {
  if (!text || !text.startsWith('${') || !text.endsWith('}')) return undefined;
  const inner = text.slice(2, -1);
  const colon = inner.indexOf(':');
  if (colon <= 0 || inner.includes('${') || inner.slice(colon + 1).startsWith('#{')) return undefined;
  return { env: inner.slice(0, colon), value: inner.slice(colon + 1) };
}

export function mentionsEnvLookup(node: Node | null | undefined, depth = 0): string | undefined {
  if (!node || depth > 4) return undefined;
  const text = node.text;
  if (!/getenv|getProperty|getEnv|env\[|System\.env|environment/.test(text)) return undefined;
  const lit = node.descendantsOfType(['string_literal']).map((n) => (n ? jvmLiteral(n) : undefined)).find((v) => v !== undefined);
  return lit ?? '?';
}

export function listArgs(call: CallView | undefined): Node[] | undefined {
  if (!call) return undefined;
  const p = call.path?.join('.') ?? call.name;
  if (/^(List\.of|Set\.of|Arrays\.asList|asList|Collections\.singletonList|singletonList|Collections\.singleton|listOf|setOf|mutableListOf|arrayOf|hashSetOf|mutableSetOf|ImmutableList\.of|Stream\.of)$/.test(p)) return call.args;
  return undefined;
}

export function parameterNames(fn: Node): string[] {
  const params = fieldOf(fn, 'parameters') ?? named(fn).find((c) => c.type === 'function_value_parameters' || c.type === 'lambda_parameters' || c.type === 'formal_parameters');
  if (!params) return fn.type === 'lambda_expression' ? [] : [];
  if (params.type === 'identifier') return [params.text];
  return params.descendantsOfType(['identifier', 'simple_identifier']).filter((n): n is Node => n !== null && n.parent?.type !== 'user_type' && n.parent?.type !== 'type_identifier').map((n) => n.text);
}
