// How a Python string was built (literal, `+`, f-string, `%`, `.format()`, `.join()`), following
// local variables through PyFileValues. Used by the SQL extractor.
import type { SqlBuild } from '../../core/facts.js';
import { dottedPath, stringValue, type Node } from './ast.js';
import type { PyFileValues } from './code-values.js';
import { field, textOf } from '../tree-sitter/ast.js';

export interface PyBuiltText {
  build: SqlBuild;
  dynamic: boolean;
  /** Constant text, '?' where runtime values go. */
  text: string;
  builtAt?: Node;
  opaque?: boolean;
}

const CONST = (text: string): PyBuiltText => ({ build: 'literal', dynamic: false, text });
const OPAQUE: PyBuiltText = { build: 'unknown', dynamic: false, text: '', opaque: true };
const NUMERIC_CALLS = new Set(['int', 'float', 'len', 'bool', 'round', 'abs', 'min', 'max', 'ord']);
const PASS_THROUGH_METHODS = new Set(['strip', 'lstrip', 'rstrip', 'upper', 'lower', 'encode', 'decode']);
/** psycopg2 / psycopg `sql.SQL(...).format(...)`, `sql.Identifier`: safe composition. */
const SAFE_COMPOSERS = /(^|\.)(SQL|Identifier|Literal|Placeholder|Composed)$/;

/** Object attributes that name tables / columns. */
const SCHEMA_NAME = /(table|schema|column|^cols?$|^fields?$|^model$)/i;

export function isConstantName(name: string): boolean {
  return /^[A-Z][A-Z0-9_]*$/.test(name) && name.length > 1;
}

export function analyzeText(values: PyFileValues, expr: Node | null | undefined, depth = 0, seen = new Set<number>()): PyBuiltText {
  if (!expr || depth > 12) return OPAQUE;
  switch (expr.type) {
    case 'parenthesized_expression':
    case 'await':
      return analyzeText(values, expr.namedChildren.find((c) => c?.type !== 'comment') ?? null, depth + 1, seen);
    case 'string':
      return analyzeString(values, expr, depth, seen);
    case 'concatenated_string': {
      let text = '';
      let dynamic = false;
      let builtAt: Node | undefined;
      let build: SqlBuild = 'literal';
      for (const part of expr.namedChildren) {
        if (!part || part.type === 'comment') continue;
        const r = analyzeString(values, part, depth, seen);
        text += r.text;
        if (r.dynamic) { dynamic = true; builtAt ??= r.builtAt; build = r.build; }
      }
      return dynamic ? { build, dynamic, text, builtAt } : CONST(text);
    }
    case 'integer': case 'float': case 'true': case 'false': case 'none':
      return CONST(textOf(expr));
    case 'binary_operator':
      return analyzeBinary(values, expr, depth, seen);
    case 'conditional_expression': {
      const [a, , b] = expr.namedChildren;
      const ra = analyzeText(values, a, depth + 1, seen);
      const rb = analyzeText(values, b, depth + 1, seen);
      if (ra.dynamic) return ra;
      if (rb.dynamic) return rb;
      if (ra.opaque || rb.opaque) return OPAQUE;
      return CONST(ra.text.length >= rb.text.length ? ra.text : rb.text);
    }
    case 'identifier':
      return analyzeIdentifier(values, expr, depth, seen);
    case 'attribute': {
      const path = dottedPath(expr);
      if (path && (isConstantName(path[0]!) || isConstantName(path.at(-1)!))) return CONST('?');
      // self.table_name, cls.__tablename__, Model._meta.db_table: identifiers configured in code
      if (path && ((path.length === 2 && (path[0] === 'self' || path[0] === 'cls') && SCHEMA_NAME.test(path[1]!))
        || path.at(-1) === '__tablename__' || path.at(-1) === 'db_table')) return CONST('?');
      return OPAQUE;
    }
    case 'call':
      return analyzeCall(values, expr, depth, seen);
    default:
      return OPAQUE;
  }
}

function analyzeString(values: PyFileValues, node: Node, depth: number, seen: Set<number>): PyBuiltText {
  if (node.type !== 'string') return analyzeText(values, node, depth + 1, seen);
  const constant = stringValue(node);
  if (constant !== undefined) return CONST(constant);
  let text = '';
  let dynamic = false;
  let builtAt: Node | undefined;
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'string_content') text += textOf(child);
    else if (child.type === 'interpolation') {
      const inner = field(child, 'expression') ?? child.namedChildren[0] ?? null;
      const r = operand(values, inner, depth, seen);
      text += r.text;
      if (r.dynamic) { dynamic = true; builtAt ??= r.builtAt; }
    }
  }
  return dynamic ? { build: 'interpolated', dynamic, text, builtAt } : CONST(text);
}

function operand(values: PyFileValues, node: Node | null | undefined, depth: number, seen: Set<number>): PyBuiltText {
  const r = analyzeText(values, node, depth + 1, seen);
  if (r.opaque) return { build: 'unknown', dynamic: true, text: '?' };
  if (r.build === 'parameterised') return { ...r, build: 'literal' };
  return r;
}

function flatten(node: Node, op: string): Node[] {
  if (node.type === 'binary_operator' && textOf(field(node, 'operator')) === op) {
    const l = field(node, 'left');
    const r = field(node, 'right');
    return [...(l ? flatten(l, op) : []), ...(r ? flatten(r, op) : [])];
  }
  if (node.type === 'parenthesized_expression') {
    const inner = node.namedChildren[0];
    if (inner && inner.type === 'binary_operator' && textOf(field(inner, 'operator')) === op) return flatten(inner, op);
  }
  return [node];
}

function analyzeBinary(values: PyFileValues, node: Node, depth: number, seen: Set<number>): PyBuiltText {
  const op = textOf(field(node, 'operator'));
  if (op === '+') {
    let text = '';
    let dynamic = false;
    let builtAt: Node | undefined;
    for (const p of flatten(node, '+')) {
      const r = operand(values, p, depth, seen);
      text += r.text;
      if (r.dynamic) { dynamic = true; builtAt ??= r.builtAt; }
    }
    return dynamic ? { build: 'concatenated', dynamic, text, builtAt } : CONST(text);
  }
  if (op === '%') {
    const left = analyzeText(values, field(node, 'left'), depth + 1, seen);
    if (left.opaque) return OPAQUE;
    const right = field(node, 'right');
    let dynamic = left.dynamic;
    let builtAt = left.builtAt;
    const items = right && (right.type === 'tuple' || right.type === 'parenthesized_expression') ? right.namedChildren
      : right && right.type === 'dictionary' ? right.namedChildren.map((p) => field(p, 'value') ?? null)
      : [right];
    for (const item of items) {
      if (!item || item.type === 'comment') continue;
      const r = operand(values, item, depth, seen);
      if (r.dynamic) { dynamic = true; builtAt ??= r.builtAt; }
    }
    return dynamic ? { build: 'formatted', dynamic, text: left.text, builtAt } : CONST(left.text);
  }
  if (op === '*') {
    // '?' * n, ['%s'] * n
    const left = analyzeText(values, field(node, 'left'), depth + 1, seen);
    if (!left.opaque && !left.dynamic) return left;
  }
  return OPAQUE;
}

function analyzeIdentifier(values: PyFileValues, node: Node, depth: number, seen: Set<number>): PyBuiltText {
  const name = textOf(node);
  const res = values.resolve(name, node);
  if (res.kind === 'param') return OPAQUE;
  if (res.kind === 'free') return isConstantName(name) ? CONST('?') : OPAQUE;
  let text = '';
  let dynamic = false;
  let builtAt: Node | undefined;
  let build: SqlBuild = 'literal';
  let anyKnown = false;
  for (const b of res.bindings) {
    if (seen.has(b.node.id)) continue;
    if (b.op === 'opaque' || !b.value) {
      if (b.op === '+=' || anyKnown) { dynamic = true; builtAt ??= b.node; build = 'concatenated'; text += '?'; continue; }
      return isConstantName(name) ? CONST('?') : OPAQUE;
    }
    seen.add(b.node.id);
    const r = b.op === '+=' ? operand(values, b.value, depth, seen) : analyzeText(values, b.value, depth + 1, seen);
    seen.delete(b.node.id);
    if (b.op === '=' && r.opaque) {
      if (anyKnown) { dynamic = true; builtAt ??= b.node; text += '?'; continue; }
      return isConstantName(name) ? CONST('?') : OPAQUE;
    }
    anyKnown = true;
    text += r.text;
    if (r.dynamic) {
      dynamic = true;
      builtAt ??= r.builtAt ?? b.node;
      build = b.op === '+=' && r.build !== 'interpolated' && r.build !== 'formatted' ? 'concatenated' : r.build;
    } else if (r.build === 'parameterised' && build === 'literal') {
      build = 'parameterised';
    }
  }
  if (!anyKnown && !dynamic) return OPAQUE;
  return dynamic ? { build, dynamic, text, builtAt } : { build, dynamic: false, text };
}

function callArgs(call: Node): Node[] {
  const args = field(call, 'arguments');
  if (!args) return [];
  return args.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment')
    .map((c) => (c.type === 'keyword_argument' ? field(c, 'value') ?? c : c));
}

function analyzeCall(values: PyFileValues, call: Node, depth: number, seen: Set<number>): PyBuiltText {
  const fn = field(call, 'function');
  if (!fn) return OPAQUE;
  if (fn.type === 'identifier') {
    if (NUMERIC_CALLS.has(textOf(fn))) return CONST('0');
    if (textOf(fn) === 'str' && callArgs(call)[0]) return analyzeText(values, callArgs(call)[0], depth + 1, seen);
    return OPAQUE;
  }
  if (fn.type !== 'attribute') return OPAQUE;
  const method = textOf(field(fn, 'attribute')) ?? '';
  const receiver = field(fn, 'object');
  if (PASS_THROUGH_METHODS.has(method)) return analyzeText(values, receiver, depth + 1, seen);
  if (method === 'format') {
    if (receiver?.type === 'call' && SAFE_COMPOSERS.test(values.qualifiedName(field(receiver, 'function')) ?? '')) {
      return { build: 'parameterised', dynamic: false, text: analyzeText(values, receiver, depth + 1, seen).text };
    }
    const base = analyzeText(values, receiver, depth + 1, seen);
    let dynamic = base.dynamic;
    let builtAt = base.builtAt;
    for (const a of callArgs(call)) {
      const r = operand(values, a, depth, seen);
      if (r.dynamic) { dynamic = true; builtAt ??= r.builtAt; }
    }
    if (base.opaque) return dynamic ? { build: 'formatted', dynamic: true, text: '' } : OPAQUE;
    return dynamic ? { build: 'formatted', dynamic, text: base.text, builtAt } : CONST(base.text);
  }
  if (method === 'join') {
    const sep = analyzeText(values, receiver, depth + 1, seen);
    if (sep.opaque || sep.dynamic) return OPAQUE;
    const items = iterableItems(values, callArgs(call)[0], depth, seen);
    if (!items) return { build: 'concatenated', dynamic: true, text: '?' };
    let dynamic = false;
    let builtAt: Node | undefined;
    for (const it of items) if (it.dynamic) { dynamic = true; builtAt ??= it.builtAt; }
    const text = items.map((i) => i.text).join(sep.text);
    return dynamic ? { build: 'concatenated', dynamic, text, builtAt } : CONST(text);
  }
  return OPAQUE;
}

function iterableItems(values: PyFileValues, node: Node | undefined, depth: number, seen: Set<number>): PyBuiltText[] | undefined {
  if (!node) return undefined;
  if (node.type === 'list' || node.type === 'tuple') {
    return node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment').map((c) => operand(values, c, depth, seen));
  }
  if (node.type === 'list_comprehension' || node.type === 'generator_expression' || node.type === 'set_comprehension') {
    const body = field(node, 'body') ?? node.namedChildren[0];
    const r = analyzeText(values, body, depth + 1, seen);
    if (!r.opaque && !r.dynamic) return [r];
    return [{ build: 'concatenated', dynamic: true, text: r.text || '?' }];
  }
  if (node.type === 'binary_operator' && textOf(field(node, 'operator')) === '*') {
    return iterableItems(values, field(node, 'left') ?? undefined, depth, seen);
  }
  if (node.type === 'identifier') {
    const res = values.resolve(textOf(node), node);
    if (res.kind === 'bindings' && res.bindings.length === 1 && res.bindings[0]!.value) {
      const base = iterableItems(values, res.bindings[0]!.value, depth + 1, seen);
      if (!base) return undefined;
      const appended = values.methodCallsOn(textOf(node), node)
        .filter((c) => textOf(field(field(c, 'function'), 'attribute')) === 'append')
        .flatMap((c) => callArgs(c).map((a) => operand(values, a, depth, seen)));
      return [...base, ...appended];
    }
  }
  return undefined;
}
