// Constant folding of small expressions, used to drop assignments in branches that can never run
// (`if ((7 * 42) - 86 > 200) bar = param;`, `switch ("ABC".charAt(1)) { case 'A': ... }`) and to
// read constant numbers (bcrypt costs, iteration counts). Literals, arithmetic, comparisons, logic,
// locals bound once to a constant, and a few string methods on constant strings.
import type { Guard, Lang, Node } from './expr.js';
import type { FileValues } from './values.js';

export type ConstValue = number | string | boolean;

export function evalConst(values: FileValues, node: Node | null | undefined, depth = 0): ConstValue | undefined {
  if (!node || depth > 12) return undefined;
  const lang = values.lang;
  const e = lang.expr(node);
  switch (e.k) {
    case 'string': return e.value;
    case 'literal':
      if (e.kind === 'bool') return /^true$/i.test(e.text);
      if (e.kind === 'char') return charValue(e.text);
      if (e.kind === 'number') return numberValue(e.text);
      return undefined;
    case 'wrap': case 'cast': return evalConst(values, e.inner, depth + 1);
    case 'arith': case 'bool-op': return evalBinary(values, e.op, e.left, e.right, depth);
    case 'concat': {
      let out = '';
      for (const p of e.parts) {
        const v = evalConst(values, p, depth + 1);
        if (v === undefined) return undefined;
        out += String(v);
      }
      return out;
    }
    case 'name': return nameValue(values, e.name, node, depth);
    case 'call': {
      if (!e.receiver || e.args.length > 2) return undefined;
      const recv = evalConst(values, e.receiver, depth + 1);
      if (typeof recv !== 'string') return undefined;
      const a = e.args.map((x) => evalConst(values, x, depth + 1));
      if (a.some((x) => x === undefined)) return undefined;
      switch (e.method) {
        case 'charAt': return typeof a[0] === 'number' ? recv.charAt(a[0]) : undefined;
        case 'length': case 'size': return recv.length;
        case 'toUpperCase': case 'uppercase': return recv.toUpperCase();
        case 'toLowerCase': case 'lowercase': return recv.toLowerCase();
        case 'trim': return recv.trim();
        case 'equals': return a[0] === recv;
        case 'substring': return typeof a[0] === 'number' ? recv.substring(a[0], typeof a[1] === 'number' ? a[1] : undefined) : undefined;
        default: return undefined;
      }
    }
    case 'cond': {
      if (!e.condition || e.branches.length !== 2) return undefined;
      const c = evalConst(values, e.condition, depth + 1);
      if (typeof c !== 'boolean') return undefined;
      return evalConst(values, c ? e.branches[0] : e.branches[1], depth + 1);
    }
    default:
      return undefined;
  }
}

function nameValue(values: FileValues, name: string, at: Node, depth: number): ConstValue | undefined {
  const res = values.resolve(name, at);
  if (res.kind === 'field') {
    const field = values.constantField(name);
    return field ? evalConst(values, field.value, depth + 1) : undefined;
  }
  if (res.kind !== 'bindings') return undefined;
  const live = res.bindings.filter((b) => b.op !== 'declare');
  if (live.length !== 1) return undefined;
  const b = live[0]!;
  if (b.op !== '=' || !b.unconditional || !b.value) return undefined;
  return evalConst(values, b.value, depth + 1);
}

function evalBinary(values: FileValues, op: string, l: Node | undefined, r: Node | undefined, depth: number): ConstValue | undefined {
  if (op === '!' || op === 'not') {
    const v = evalConst(values, l ?? r, depth + 1);
    return typeof v === 'boolean' ? !v : undefined;
  }
  const a = evalConst(values, l, depth + 1);
  if (a === undefined) return undefined;
  // short-circuit
  if ((op === '&&' || op === 'and') && a === false) return false;
  if ((op === '||' || op === 'or') && a === true) return true;
  const b = evalConst(values, r, depth + 1);
  if (b === undefined) return undefined;
  if (typeof a === 'number' && typeof b === 'number') {
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/': return b === 0 ? undefined : Math.trunc(a / b);
      case '%': return b === 0 ? undefined : a % b;
      case '<<': return a << b;
      case '>>': return a >> b;
      case '**': return a ** b;
      default: break;
    }
  }
  switch (op) {
    case '==': case '===': case 'eq': return a === b;
    case '!=': case '!==': case 'ne': case '<>': return a !== b;
    case '<': return a < b;
    case '>': return a > b;
    case '<=': return a <= b;
    case '>=': return a >= b;
    case '&&': case 'and': return typeof a === 'boolean' && typeof b === 'boolean' ? a && b : undefined;
    case '||': case 'or': return typeof a === 'boolean' && typeof b === 'boolean' ? a || b : undefined;
    default: return undefined;
  }
}

function numberValue(text: string): number | undefined {
  const t = text.replace(/[_']/g, '').replace(/([0-9a-fA-F])(u?l{1,2}|u|f|d|m|i(8|16|32|64|128|size)|u(8|16|32|64|128|size)|f32|f64)$/i, '$1');
  if (/^0x[0-9a-f]+$/i.test(t)) return parseInt(t.slice(2), 16);
  if (/^0b[01]+$/i.test(t)) return parseInt(t.slice(2), 2);
  if (/^0o[0-7]+$/i.test(t)) return parseInt(t.slice(2), 8);
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** A number written in the code (with `_` separators and type suffixes), or undefined. */
export function numberLiteral(text: string): number | undefined {
  return numberValue(text);
}

function charValue(text: string): string | undefined {
  const m = /^'(\\?.)'$/.exec(text);
  if (!m) return undefined;
  const c = m[1]!;
  return c.length === 2 ? ({ n: '\n', t: '\t', '0': '\0', '\\': '\\', "'": "'" } as Record<string, string>)[c[1]!] ?? c[1] : c;
}

/** True when a guard can be shown never to hold. */
export function isDeadGuard(values: FileValues, guard: Guard): boolean {
  if (guard.kind === 'if') {
    const v = evalConst(values, guard.cond);
    return typeof v === 'boolean' && v !== guard.when;
  }
  const subject = evalConst(values, guard.subject);
  if (subject === undefined) return false;
  const labelValues = (nodes: Node[]) => nodes.map((n) => evalConst(values, n));
  if (guard.isDefault) {
    const others = labelValues(guard.siblings);
    return others.some((v) => v === subject);
  }
  const mine = labelValues(guard.labels);
  if (mine.some((v) => v === undefined)) return false;
  return !mine.some((v) => v === subject);
}

/** A constant number for a node (cost factors, iteration counts), following locals and constants. */
export function constNumber(values: FileValues, node: Node | null | undefined): number | undefined {
  const v = evalConst(values, node);
  return typeof v === 'number' ? v : undefined;
}

/** A constant string for a node, following locals and constants. */
export function constString(values: FileValues, node: Node | null | undefined): string | undefined {
  const v = evalConst(values, node);
  return typeof v === 'string' ? v : undefined;
}

export type { Lang };
