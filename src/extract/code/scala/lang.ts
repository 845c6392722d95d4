// Scala syntax for the shared code-fact engine (tree-sitter-scala): expression views (string
// interpolators s"" / f"" / raw"" / sql"" with `#$` splices, infix `+` / `++`, calls, `new`),
// scopes, bindings (`val` / `var`, `=`, `+=`) and guards.
import type { CallView, Expr, Guard, Lang, Node, Param, RawBinding, TemplatePart } from '../core/expr.js';
import { namePath } from '../core/expr.js';
import { decodeEscapes } from '../core/strings.js';
import { namedChildren as named } from '../../tree-sitter/ast.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

const COMPARE = new Set(['==', '!=', '<', '>', '<=', '>=', '&&', '||', 'eq', 'ne']);

export { named };

export function scalaString(node: Node): string | undefined {
  if (node.type !== 'string') return undefined;
  const t = node.text;
  if (t.startsWith('"""')) return t.slice(3, -3);
  return decodeEscapes(t.slice(1, -1));
}

/** Pieces of an interpolated string: text between `$x` / `${...}` interpolations; `#$x` is a splice. */
function templateParts(expr: Node): { tag: string; parts: TemplatePart[] } {
  const tag = fieldOf(expr, 'interpolator')?.text ?? '';
  const str = named(expr).find((c) => c.type === 'interpolated_string');
  const parts: TemplatePart[] = [];
  if (!str) return { tag, parts };
  const text = str.text;
  const triple = text.startsWith('"""');
  let pos = triple ? 3 : 1;
  const end = text.length - (triple ? 3 : 1);
  const raw = tag === 'raw' || triple;
  for (const c of named(str)) {
    if (c.type !== 'interpolation') continue;
    const start = c.startIndex - str.startIndex;
    let chunk = text.slice(pos, start);
    let splice = false;
    if (chunk.endsWith('#')) { splice = true; chunk = chunk.slice(0, -1); }
    if (chunk) parts.push({ text: raw ? chunk : decodeEscapes(chunk) });
    const inner = named(c)[0];
    const value = inner?.type === 'block' && named(inner).length === 1 ? named(inner)[0]! : inner;
    if (value) parts.push(splice ? { node: value, splice: true } : { node: value });
    pos = c.endIndex - str.startIndex;
  }
  const rest = text.slice(pos, Math.max(pos, end));
  if (rest) parts.push({ text: raw ? rest : decodeEscapes(rest) });
  return { tag, parts };
}

function flatten(node: Node, ops: readonly string[]): Node[] {
  if (node.type === 'infix_expression' && ops.includes(fieldOf(node, 'operator')?.text ?? '')) {
    const l = fieldOf(node, 'left');
    const r = fieldOf(node, 'right');
    return [...(l ? flatten(l, ops) : []), ...(r ? [r] : [])];
  }
  return [node];
}

function argsOf(node: Node | null | undefined): { args: Node[]; named: Map<string, Node> } {
  const args: Node[] = [];
  const byName = new Map<string, Node>();
  for (const a of named(node)) {
    if (a.type === 'assignment_expression') {
      const l = fieldOf(a, 'left');
      const r = fieldOf(a, 'right');
      if (l && r) { byName.set(l.text, r); continue; }
    }
    args.push(a);
  }
  return { args, named: byName };
}

function callView(node: Node): CallView {
  if (node.type === 'instance_expression') {
    const type = named(node).find((c) => c.type !== 'arguments');
    const a = argsOf(fieldOf(node, 'arguments') ?? named(node).find((c) => c.type === 'arguments'));
    const name = (type?.text ?? '').replace(/\[[\s\S]*\]$/, '');
    return { k: 'call', method: name.split('.').at(-1) ?? name, path: name.split('.'), args: a.args, named: a.named, isNew: true, nameNode: type };
  }
  let fn = fieldOf(node, 'function');
  if (fn?.type === 'generic_function') fn = fieldOf(fn, 'function');
  const a = argsOf(fieldOf(node, 'arguments'));
  const view: CallView = { k: 'call', method: '', args: a.args, named: a.named, isNew: false };
  if (fn?.type === 'field_expression') {
    const field = fieldOf(fn, 'field');
    view.method = field?.text ?? '';
    view.nameNode = field ?? undefined;
    view.receiver = fieldOf(fn, 'value') ?? undefined;
    const base = view.receiver ? namePath(scalaLang, view.receiver) : undefined;
    view.path = base ? [...base, view.method] : undefined;
  } else if (fn?.type === 'identifier') {
    view.method = fn.text;
    view.nameNode = fn;
    view.path = [fn.text];
  } else if (fn?.type === 'call_expression') {
    // curried call f(a)(b): keep the inner call's name and receiver
    const inner = callView(fn);
    return { ...inner, args: [...inner.args, ...a.args] };
  }
  return view;
}

export const scalaLang: Lang = {
  id: 'scala',
  expr(node: Node): Expr {
    switch (node.type) {
      case 'string': return { k: 'string', value: scalaString(node) ?? '' };
      case 'interpolated_string_expression': {
        const { tag, parts } = templateParts(node);
        if (parts.every((p) => 'text' in p) && (tag === 's' || tag === 'f' || tag === 'raw')) return { k: 'string', value: parts.map((p) => (p as { text: string }).text).join('') };
        return { k: 'template', parts, tag };
      }
      case 'integer_literal': case 'floating_point_literal': return { k: 'literal', kind: 'number', text: node.text };
      case 'boolean_literal': return { k: 'literal', kind: 'bool', text: node.text };
      case 'character_literal': return { k: 'literal', kind: 'char', text: node.text };
      case 'null_literal': return { k: 'literal', kind: 'null', text: 'null' };
      case 'identifier': return { k: 'name', name: node.text };
      case 'parenthesized_expression': {
        const inner = named(node)[0];
        return inner ? { k: 'wrap', inner } : { k: 'other' };
      }
      case 'block': {
        const inner = named(node);
        return inner.length === 1 ? { k: 'wrap', inner: inner[0]! } : { k: 'other' };
      }
      case 'infix_expression': {
        const op = fieldOf(node, 'operator')?.text ?? '';
        const left = fieldOf(node, 'left') ?? undefined;
        const right = fieldOf(node, 'right') ?? undefined;
        if (op === '+' || op === '++') return { k: 'concat', parts: flatten(node, [op]) };
        if (COMPARE.has(op)) return { k: 'bool-op', op, left, right };
        return { k: 'arith', op, left, right };
      }
      case 'prefix_expression': {
        const inner = named(node)[0];
        return node.text.startsWith('!') ? { k: 'bool-op', op: '!', left: inner } : { k: 'arith', op: '-', left: inner };
      }
      case 'field_expression': {
        const object = fieldOf(node, 'value') ?? undefined;
        const name = fieldOf(node, 'field')?.text ?? '';
        const base = object ? namePath(scalaLang, object) : undefined;
        return { k: 'member', object, name, path: base ? [...base, name] : undefined };
      }
      case 'generic_function': {
        const fn = fieldOf(node, 'function');
        return fn ? { k: 'wrap', inner: fn } : { k: 'other' };
      }
      case 'call_expression': case 'instance_expression': return callView(node);
      case 'if_expression': {
        const a = fieldOf(node, 'consequence');
        const b = fieldOf(node, 'alternative');
        return { k: 'cond', condition: fieldOf(node, 'condition') ?? undefined, branches: [a, b].filter((x): x is Node => !!x) };
      }
      case 'match_expression': {
        const body = fieldOf(node, 'body');
        return { k: 'cond', branches: named(body).map((c) => fieldOf(c, 'body')).filter((x): x is Node => !!x) };
      }
      case 'lambda_expression': return { k: 'lambda', params: [] };
      case 'tuple_expression': return { k: 'other' };
      default:
        return { k: 'other' };
    }
  },
  scopeTypes: new Set(['function_definition', 'lambda_expression']),
  scopeParams(node: Node): Param[] | undefined {
    if (!this.scopeTypes.has(node.type)) return undefined;
    const params = fieldOf(node, 'parameters');
    if (node.type === 'lambda_expression') {
      if (!params) return [];
      if (params.type === 'identifier') return [{ name: params.text }];
      return named(params).map((p) => ({ name: (fieldOf(p, 'name') ?? p).text, type: fieldOf(p, 'type')?.text })).filter((p) => /^[A-Za-z_]\w*$/.test(p.name));
    }
    const lists = named(node).filter((c) => c.type === 'parameters');
    return lists.flatMap((l) => named(l)).filter((p) => p.type === 'parameter').map((p) => ({ name: fieldOf(p, 'name')?.text ?? '', type: fieldOf(p, 'type')?.text })).filter((p) => p.name);
  },
  classTypes: new Set(['template_body']),
  callTypes: new Set(['call_expression', 'instance_expression']),
  conditionalTypes: new Set(['if_expression', 'case_clause', 'for_expression', 'while_expression', 'do_while_expression', 'catch_clause', 'lambda_expression']),
  numericTypes: new Set(['Int', 'Long', 'Short', 'Byte', 'Double', 'Float', 'Boolean', 'Char', 'BigDecimal', 'BigInt', 'UUID']),
  bindings(node: Node): RawBinding[] | undefined {
    switch (node.type) {
      case 'val_definition': case 'var_definition': {
        const pattern = fieldOf(node, 'pattern');
        const value = fieldOf(node, 'value') ?? undefined;
        const type = fieldOf(node, 'type')?.text;
        if (pattern?.type === 'identifier') return [{ name: pattern.text, op: value ? '=' : 'declare', value, type, isFinal: node.type === 'val_definition' }];
        if (pattern) return named(pattern).filter((c) => c.type === 'identifier').map((c) => ({ name: c.text, op: 'opaque' as const }));
        return undefined;
      }
      case 'assignment_expression': {
        const left = fieldOf(node, 'left');
        const right = fieldOf(node, 'right') ?? undefined;
        if (left?.type !== 'identifier' || node.parent?.type === 'arguments') return undefined;
        return [{ name: left.text, op: '=', value: right }];
      }
      case 'infix_expression': {
        const op = fieldOf(node, 'operator')?.text;
        const left = fieldOf(node, 'left');
        if ((op !== '+=' && op !== '++=') || left?.type !== 'identifier') return undefined;
        return [{ name: left.text, op: '+=', value: fieldOf(node, 'right') ?? undefined }];
      }
      case 'enumerator': case 'generator': {
        const pattern = fieldOf(node, 'pattern') ?? named(node)[0];
        return pattern?.type === 'identifier' ? [{ name: pattern.text, op: 'opaque' }] : undefined;
      }
      default:
        return undefined;
    }
  },
  guardOf(parent: Node, child: Node): Guard | undefined {
    if (parent.type === 'if_expression') {
      const cond = fieldOf(parent, 'condition');
      if (!cond) return undefined;
      if (fieldOf(parent, 'consequence')?.id === child.id) return { kind: 'if', cond, when: true };
      if (fieldOf(parent, 'alternative')?.id === child.id) return { kind: 'if', cond, when: false };
    }
    return undefined;
  },
};
