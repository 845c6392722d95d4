// How a JS/TS string was built (literal, concatenated, interpolated, formatted, parameterised),
// following local variables through FileValues. Used by the SQL extractor.
import type * as t from '@babel/types';
import type { SqlBuild } from '../../core/facts.js';
import { memberPath, type Node } from './ast.js';
import { unwrap, type FileValues } from './code-values.js';

export interface BuiltText {
  build: SqlBuild;
  /** Runtime (non-constant) values went into the text. */
  dynamic: boolean;
  /** Constant text, with '?' where a runtime value goes (for "does this look like SQL"). */
  text: string;
  /** Where the dynamic part entered, when that was a binding before the use. */
  builtAt?: Node;
  /** The whole value is unknown (a parameter, a call result, a property): nothing was seen being built. */
  opaque?: boolean;
}

const CONST = (text: string): BuiltText => ({ build: 'literal', dynamic: false, text });
const OPAQUE: BuiltText = { build: 'unknown', dynamic: false, text: '', opaque: true };

const NUMERIC_CALLS = new Set(['parseInt', 'parseFloat', 'Number', 'Math.floor', 'Math.ceil', 'Math.round', 'Math.max', 'Math.min', 'Math.abs', 'Date.now', 'Boolean']);
const ESCAPE_METHODS = new Set(['escape', 'escapeId', 'escapeLiteral', 'escapeIdentifier', 'escapeString', 'quoteIdentifier', 'quote', 'ident', 'literal', 'sanitize']);
const PASS_THROUGH_METHODS = new Set(['trim', 'trimStart', 'trimEnd', 'toUpperCase', 'toLowerCase', 'toString', 'valueOf']);
const SQL_TAGS = /^(sql|SQL|sqltag|raw|Prisma\.sql|Prisma\.raw|db\.sql|pool\.sql|SQL\.raw)$/;

/** Object attributes that name tables / columns (`this.tableName`, `self.schema`). */
export const SCHEMA_NAME = /(table|schema|column|^cols?$|^fields?$|tablename|^model$)/i;

/** `ALL_CAPS` names are treated as constants (configuration, enum-like tables) when not resolvable. */
export function isConstantName(name: string): boolean {
  return /^[A-Z][A-Z0-9_]*$/.test(name) && name.length > 1;
}

/** How the string `expr` (as used at `expr`) was built. */
export function analyzeText(values: FileValues, expr: Node | null | undefined, depth = 0, seen = new Set<Node>()): BuiltText {
  const node = unwrap(expr);
  if (!node || depth > 12) return OPAQUE;
  switch (node.type) {
    case 'StringLiteral': return CONST(node.value);
    case 'NumericLiteral': return CONST(String(node.value));
    case 'BooleanLiteral': return CONST(String(node.value));
    case 'NullLiteral': return CONST('null');
    case 'TemplateLiteral': {
      if (node.expressions.length === 0) return CONST(node.quasis.map((q) => q.value.cooked ?? q.value.raw).join(''));
      let text = '';
      let dynamic = false;
      let builtAt: Node | undefined;
      node.quasis.forEach((q, i) => {
        text += q.value.cooked ?? q.value.raw;
        const e = node.expressions[i];
        if (!e) return;
        const part = analyzeOperand(values, e as Node, depth, seen);
        text += part.text;
        if (part.dynamic) { dynamic = true; builtAt ??= part.builtAt; }
      });
      return dynamic ? { build: 'interpolated', dynamic, text, builtAt } : CONST(text);
    }
    case 'TaggedTemplateExpression': {
      const tag = memberPath(node.tag as Node)?.join('.') ?? '';
      if (SQL_TAGS.test(tag) || /sql/i.test(tag)) return { build: 'parameterised', dynamic: false, text: templateText(node.quasi) };
      return analyzeText(values, node.quasi, depth + 1, seen);
    }
    case 'BinaryExpression': {
      if (node.operator !== '+') return OPAQUE;
      const parts = flattenPlus(node);
      let text = '';
      let dynamic = false;
      let builtAt: Node | undefined;
      for (const p of parts) {
        const r = analyzeOperand(values, p, depth, seen);
        text += r.text;
        if (r.dynamic) { dynamic = true; builtAt ??= r.builtAt; }
      }
      return dynamic ? { build: 'concatenated', dynamic, text, builtAt } : CONST(text);
    }
    case 'ConditionalExpression': {
      const a = analyzeText(values, node.consequent, depth + 1, seen);
      const b = analyzeText(values, node.alternate, depth + 1, seen);
      if (a.dynamic) return a;
      if (b.dynamic) return b;
      if (a.opaque || b.opaque) return OPAQUE;
      return CONST(a.text.length >= b.text.length ? a.text : b.text);
    }
    case 'Identifier':
      return analyzeIdentifier(values, node, depth, seen);
    case 'CallExpression':
      return analyzeCall(values, node, depth, seen);
    case 'MemberExpression': {
      const path = memberPath(node);
      if (path && path.length > 0 && isConstantName(path[0]!)) return CONST('?');
      if (path && path.at(-1) === 'length') return CONST('0');
      // this.tableName / this.schema: identifiers configured in code, not request data
      if (path && path.length === 2 && path[0] === 'this' && SCHEMA_NAME.test(path[1]!)) return CONST('?');
      return OPAQUE;
    }
    default:
      return OPAQUE;
  }
}

function templateText(quasi: t.TemplateLiteral): string {
  return quasi.quasis.map((q) => q.value.cooked ?? q.value.raw).join('?');
}

/** An operand inside a concatenation / interpolation: anything not constant is a runtime value. */
function analyzeOperand(values: FileValues, expr: Node, depth: number, seen: Set<Node>): BuiltText {
  const r = analyzeText(values, expr, depth + 1, seen);
  if (r.opaque) return { build: 'unknown', dynamic: true, text: '?' };
  if (r.build === 'parameterised') return { ...r, build: 'literal' };
  return r;
}

function flattenPlus(node: Node): Node[] {
  const n = unwrap(node);
  if (n && n.type === 'BinaryExpression' && n.operator === '+') return [...flattenPlus(n.left as Node), ...flattenPlus(n.right)];
  return n ? [n] : [];
}

function analyzeIdentifier(values: FileValues, node: t.Identifier, depth: number, seen: Set<Node>): BuiltText {
  if (node.name === 'undefined') return CONST('');
  const res = values.resolve(node.name, node);
  if (res.kind === 'param') return values.isNumericParam(node.name, node) ? CONST('0') : OPAQUE;
  if (res.kind === 'free') return isConstantName(node.name) ? CONST('?') : OPAQUE;
  let text = '';
  let dynamic = false;
  let builtAt: Node | undefined;
  let build: SqlBuild = 'literal';
  let anyKnown = false;
  for (const b of res.bindings) {
    if (seen.has(b.node)) continue;
    if (b.op === 'opaque' && b.of && !seen.has(b.of)) {
      // for (const name of ['a', 'b']): each value is one of the constant items
      seen.add(b.of);
      const items = arrayItems(values, b.of, depth + 1, seen);
      seen.delete(b.of);
      if (items && items.length > 0 && items.every((i) => !i.dynamic && !i.opaque)) {
        anyKnown = true;
        text += items.reduce((a, i) => (i.text.length > a.length ? i.text : a), '');
        continue;
      }
    }
    if (b.op === 'opaque' || !b.value) {
      if (b.op === '+=' || anyKnown) { dynamic = true; builtAt ??= b.node; build = 'concatenated'; text += '?'; }
      else return isConstantName(node.name) ? CONST('?') : OPAQUE;
      continue;
    }
    seen.add(b.node);
    const r = b.op === '+=' ? analyzeOperand(values, b.value, depth, seen) : analyzeText(values, b.value, depth + 1, seen);
    seen.delete(b.node);
    if (b.op === '=' && r.opaque) {
      if (anyKnown) { dynamic = true; builtAt ??= b.node; text += '?'; continue; }
      return isConstantName(node.name) ? CONST('?') : OPAQUE;
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
  if (dynamic) return { build, dynamic, text, builtAt };
  return { build, dynamic: false, text };
}

function analyzeCall(values: FileValues, node: t.CallExpression, depth: number, seen: Set<Node>): BuiltText {
  const callee = unwrap(node.callee as Node);
  const name = memberPath(callee)?.join('.');
  if (name && NUMERIC_CALLS.has(name)) return CONST('0');
  if (name === 'String' && node.arguments[0]) return analyzeText(values, node.arguments[0] as Node, depth + 1, seen);
  if (name && isFormatCall(values, name)) {
    const [fmt, ...args] = node.arguments as Node[];
    const f = analyzeText(values, fmt, depth + 1, seen);
    let dynamic = f.dynamic;
    let builtAt = f.builtAt;
    for (const a of args) {
      const r = analyzeOperand(values, a, depth, seen);
      if (r.dynamic) { dynamic = true; builtAt ??= r.builtAt; }
    }
    return dynamic ? { build: 'formatted', dynamic, text: f.text, builtAt } : CONST(f.text);
  }
  if (callee && (callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') && !callee.computed && callee.property.type === 'Identifier') {
    const method = callee.property.name;
    const receiver = callee.object as Node;
    if (ESCAPE_METHODS.has(method)) return CONST('?');
    if (PASS_THROUGH_METHODS.has(method)) return analyzeText(values, receiver, depth + 1, seen);
    if (method === 'repeat' || method === 'padStart' || method === 'padEnd') {
      const r = analyzeText(values, receiver, depth + 1, seen);
      return r.opaque ? OPAQUE : r;
    }
    if (method === 'concat') {
      const parts = [receiver, ...(node.arguments as Node[])];
      let text = '';
      let dynamic = false;
      let builtAt: Node | undefined;
      for (const p of parts) {
        const r = analyzeOperand(values, p, depth, seen);
        text += r.text;
        if (r.dynamic) { dynamic = true; builtAt ??= r.builtAt; }
      }
      return dynamic ? { build: 'concatenated', dynamic, text, builtAt } : CONST(text);
    }
    if (method === 'join') {
      const sep = node.arguments[0] ? analyzeText(values, node.arguments[0] as Node, depth + 1, seen).text : ',';
      const items = arrayItems(values, receiver, depth, seen);
      if (!items) return { build: 'concatenated', dynamic: true, text: '?' };
      let dynamic = false;
      let builtAt: Node | undefined;
      const texts: string[] = [];
      for (const item of items) {
        if (item.dynamic) { dynamic = true; builtAt ??= item.builtAt; }
        texts.push(item.text);
      }
      return dynamic ? { build: 'concatenated', dynamic, text: texts.join(sep), builtAt } : CONST(texts.join(sep));
    }
  }
  return OPAQUE;
}

function isFormatCall(values: FileValues, name: string): boolean {
  if (name === 'util.format' || name === 'sprintf' || name === 'vsprintf' || name === 'sprintf.sprintf') return true;
  if (name === 'format') {
    const imp = values.importOf('format');
    return !!imp && (imp.source === 'util' || imp.source === 'node:util');
  }
  return false;
}

/** Items of an array expression (for `.join`): literal arrays, `x.map(() => '?')`, `Array(n).fill('?')`. */
function arrayItems(values: FileValues, receiver: Node, depth: number, seen: Set<Node>): BuiltText[] | undefined {
  const node = unwrap(receiver);
  if (!node) return undefined;
  if (node.type === 'ArrayExpression') {
    return node.elements.map((e) => (e && e.type !== 'SpreadElement' ? analyzeOperand(values, e as Node, depth, seen) : { build: 'unknown', dynamic: true, text: '?' } as BuiltText));
  }
  if (node.type === 'CallExpression') {
    const callee = unwrap(node.callee as Node);
    if (callee && callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
      const method = callee.property.name;
      if (method === 'map') {
        const fn = unwrap(node.arguments[0] as Node | undefined);
        if (fn && (fn.type === 'ArrowFunctionExpression' || fn.type === 'FunctionExpression')) {
          const body = fn.body.type === 'BlockStatement' ? returnedValue(fn.body) : fn.body;
          if (!body) return undefined;
          const r = analyzeText(values, body as Node, depth + 1, seen);
          if (!r.opaque && !r.dynamic) return [r];
          return [{ build: r.build === 'unknown' ? 'concatenated' : r.build, dynamic: true, text: r.text || '?' }];
        }
      }
      if (method === 'fill') {
        const r = analyzeText(values, node.arguments[0] as Node | undefined, depth + 1, seen);
        if (!r.opaque && !r.dynamic) return [r];
      }
    }
  }
  if (node.type === 'Identifier') {
    const res = values.resolve(node.name, node);
    if (res.kind === 'bindings' && res.bindings.length === 1 && res.bindings[0]!.value) {
      const pushes = values.methodCallsOn(node.name, node).filter((c) => {
        const callee = c.callee as Node;
        return callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'push';
      });
      const base = arrayItems(values, res.bindings[0]!.value, depth + 1, seen);
      if (!base) return undefined;
      const pushed = pushes.flatMap((c) => (c.arguments as Node[]).map((a) => analyzeOperand(values, a, depth, seen)));
      return [...base, ...pushed];
    }
  }
  return undefined;
}

function returnedValue(body: t.BlockStatement): Node | undefined {
  for (const stmt of body.body) if (stmt.type === 'ReturnStatement') return stmt.argument ?? undefined;
  return undefined;
}
