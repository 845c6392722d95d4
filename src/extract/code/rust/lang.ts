// Rust syntax for the shared code-fact engine (tree-sitter-rust): expression views (macros such as
// format! / write! / vec! with their token-tree arguments, method calls, `&x` / `x?` / `.await`
// wrappers), scopes, bindings (`let`, `let mut`, `=`, `+=`, const / static items), guards, and the
// text-building calls (format!, push_str, join, to_string ...).
import type { TextCall, TextHooks } from '../core/built-text.js';
import type { CallView, Expr, Guard, Lang, Node, Param, RawBinding } from '../core/expr.js';
import { namePath } from '../core/expr.js';
import { decodeEscapes } from '../core/strings.js';
import type { FileValues } from '../core/values.js';
import { namedChildren as named } from '../../tree-sitter/ast.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

const COMPARE = new Set(['==', '!=', '<', '>', '<=', '>=', '&&', '||']);

export { named };

export function rustString(node: Node): string | undefined {
  if (node.type === 'string_literal') {
    let out = '';
    for (const c of named(node)) {
      if (c.type === 'string_content') out += c.text;
      else if (c.type === 'escape_sequence') out += decodeEscapes(c.text);
    }
    return out;
  }
  if (node.type === 'raw_string_literal') return named(node).filter((c) => c.type === 'string_content').map((c) => c.text).join('');
  return undefined;
}

/** Comma-separated groups of a macro's token tree: `format!("{}", a, x = b)` -> [["…"], [a], [x = b]]. */
export function macroGroups(tree: Node | undefined): { tokens: Node[]; name?: string }[] {
  if (!tree) return [];
  const groups: { tokens: Node[]; name?: string }[] = [];
  let current: Node[] = [];
  let sawEquals = false;
  const flush = () => {
    if (current.length > 0) {
      if (sawEquals && current.length >= 2 && current[0]!.type === 'identifier') groups.push({ tokens: current.slice(1), name: current[0]!.text });
      else groups.push({ tokens: current });
    }
    current = [];
    sawEquals = false;
  };
  for (let i = 0; i < tree.childCount; i++) {
    const c = tree.child(i);
    if (!c) continue;
    if (!c.isNamed) {
      if (c.text === ',') flush();
      else if (c.text === '=' && current.length === 1) sawEquals = true;
      continue;
    }
    if (c.type.includes('comment')) continue;
    current.push(c);
  }
  flush();
  return groups;
}

function macroView(node: Node): CallView {
  const macro = fieldOf(node, 'macro');
  const name = macro?.type === 'scoped_identifier' ? fieldOf(macro, 'name')?.text ?? '' : macro?.text ?? '';
  const tree = named(node).find((c) => c.type === 'token_tree');
  const args: Node[] = [];
  const byName = new Map<string, Node>();
  for (const g of macroGroups(tree)) {
    // `&mut s` / `&q`: the last token of a reference group; `user.name`: its first token
    const token = g.tokens.length > 1 && g.tokens[0]!.type === 'mutable_specifier' ? g.tokens[1]! : g.tokens[0]!;
    if (g.name) byName.set(g.name, token);
    else args.push(token);
  }
  const path = macro?.type === 'scoped_identifier' ? macro.text.split('::') : [name];
  return { k: 'call', method: name, path, args, named: byName, isNew: false, isMacro: true, nameNode: macro ?? undefined };
}

function callView(node: Node): CallView {
  let fn = fieldOf(node, 'function');
  if (fn?.type === 'generic_function') fn = fieldOf(fn, 'function');
  const args = named(fieldOf(node, 'arguments')).filter((c) => c.type !== 'attribute_item');
  const view: CallView = { k: 'call', method: '', args, named: new Map(), isNew: false };
  if (!fn) return view;
  if (fn.type === 'field_expression') {
    const field = fieldOf(fn, 'field');
    view.method = field?.text ?? '';
    view.nameNode = field ?? undefined;
    view.receiver = fieldOf(fn, 'value') ?? undefined;
    const base = view.receiver ? namePath(rustLang, view.receiver) : undefined;
    view.path = base ? [...base, view.method] : undefined;
  } else if (fn.type === 'scoped_identifier') {
    const parts = fn.text.replace(/<[^>]*>/g, '').split('::');
    view.method = parts.at(-1) ?? '';
    view.path = parts;
    view.nameNode = fieldOf(fn, 'name') ?? undefined;
    // Type::new(...) constructors
    view.isNew = /^(new|from|default|builder|with_capacity)$/.test(view.method) && /^[A-Z]/.test(parts.at(-2) ?? '') && false;
  } else if (fn.type === 'identifier') {
    view.method = fn.text;
    view.path = [fn.text];
    view.nameNode = fn;
  }
  return view;
}

function blockValue(node: Node | null | undefined): Node | undefined {
  if (!node) return undefined;
  if (node.type === 'else_clause') return blockValue(named(node)[0]);
  if (node.type === 'block') {
    const last = named(node).at(-1);
    if (!last || last.type === 'expression_statement' || last.type === 'let_declaration') return undefined;
    return last;
  }
  return node;
}

export const rustLang: Lang = {
  id: 'rust',
  expr(node: Node): Expr {
    switch (node.type) {
      case 'string_literal': case 'raw_string_literal': return { k: 'string', value: rustString(node) ?? '' };
      case 'integer_literal': case 'float_literal': return { k: 'literal', kind: 'number', text: node.text };
      case 'boolean_literal': return { k: 'literal', kind: 'bool', text: node.text };
      case 'char_literal': return { k: 'literal', kind: 'char', text: node.text };
      case 'identifier': return node.text === 'None' ? { k: 'literal', kind: 'null', text: 'None' } : { k: 'name', name: node.text };
      case 'self': return { k: 'name', name: 'self' };
      case 'scoped_identifier': {
        const parts = node.text.split('::');
        return { k: 'member', name: parts.at(-1) ?? '', path: parts };
      }
      case 'field_expression': {
        const object = fieldOf(node, 'value') ?? undefined;
        const name = fieldOf(node, 'field')?.text ?? '';
        const base = object ? namePath(rustLang, object) : undefined;
        return { k: 'member', object, name, path: base ? [...base, name] : undefined };
      }
      case 'parenthesized_expression': case 'try_expression': case 'await_expression': {
        const inner = named(node)[0];
        return inner ? { k: 'wrap', inner } : { k: 'other' };
      }
      case 'reference_expression': {
        const inner = fieldOf(node, 'value');
        return inner ? { k: 'wrap', inner } : { k: 'other' };
      }
      case 'unary_expression': {
        const inner = named(node)[0];
        if (!inner) return { k: 'other' };
        if (node.text.startsWith('!')) return { k: 'bool-op', op: '!', left: inner };
        if (node.text.startsWith('*')) return { k: 'wrap', inner };
        return { k: 'arith', op: '-', left: inner };
      }
      case 'binary_expression': {
        const op = fieldOf(node, 'operator')?.text ?? '';
        const left = fieldOf(node, 'left') ?? undefined;
        const right = fieldOf(node, 'right') ?? undefined;
        if (op === '+') return { k: 'concat', parts: [left, right].filter((x): x is Node => !!x) };
        if (COMPARE.has(op)) return { k: 'bool-op', op, left, right };
        return { k: 'arith', op, left, right };
      }
      case 'type_cast_expression': {
        const inner = fieldOf(node, 'value');
        return inner ? { k: 'cast', inner, type: fieldOf(node, 'type')?.text ?? '' } : { k: 'other' };
      }
      case 'call_expression': return callView(node);
      case 'macro_invocation': {
        const view = macroView(node);
        if (view.method === 'vec') return { k: 'list', items: view.args };
        return view;
      }
      case 'if_expression': {
        const a = blockValue(fieldOf(node, 'consequence'));
        const b = blockValue(fieldOf(node, 'alternative'));
        return { k: 'cond', condition: fieldOf(node, 'condition') ?? undefined, branches: [a, b].filter((x): x is Node => !!x) };
      }
      case 'match_expression': {
        const body = fieldOf(node, 'body');
        return { k: 'cond', branches: named(body).map((arm) => blockValue(fieldOf(arm, 'value'))).filter((x): x is Node => !!x) };
      }
      case 'block': {
        const v = blockValue(node);
        return v && named(node).length === 1 ? { k: 'wrap', inner: v } : { k: 'other' };
      }
      case 'index_expression': {
        const [object, index] = named(node);
        return object ? { k: 'index', object, index } : { k: 'other' };
      }
      case 'array_expression': return { k: 'list', items: named(node) };
      case 'closure_expression': return { k: 'lambda', params: [], body: fieldOf(node, 'body') ?? undefined };
      default:
        return { k: 'other' };
    }
  },
  scopeTypes: new Set(['function_item', 'closure_expression']),
  scopeParams(node: Node): Param[] | undefined {
    if (!this.scopeTypes.has(node.type)) return undefined;
    const params = fieldOf(node, 'parameters');
    return named(params).map((p) => {
      if (p.type === 'identifier') return { name: p.text };
      if (p.type === 'self_parameter') return { name: 'self' };
      const pattern = fieldOf(p, 'pattern');
      return { name: pattern?.type === 'identifier' ? pattern.text : '', type: fieldOf(p, 'type')?.text.replace(/^&(mut\s+)?/, '') };
    }).filter((p) => p.name);
  },
  classTypes: new Set(['declaration_list']),
  callTypes: new Set(['call_expression', 'macro_invocation']),
  conditionalTypes: new Set(['if_expression', 'match_arm', 'for_expression', 'while_expression', 'loop_expression', 'closure_expression']),
  numericTypes: new Set(['i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'f32', 'f64', 'bool', 'char', 'Uuid', 'uuid::Uuid', 'NaiveDate', 'DateTime<Utc>']),
  bindings(node: Node): RawBinding[] | undefined {
    switch (node.type) {
      case 'let_declaration': {
        const pattern = fieldOf(node, 'pattern');
        const value = fieldOf(node, 'value') ?? undefined;
        const mutable = named(node).some((c) => c.type === 'mutable_specifier');
        const type = fieldOf(node, 'type')?.text;
        if (pattern?.type === 'identifier') return [{ name: pattern.text, op: value ? '=' : 'declare', value, type, isFinal: !mutable }];
        if (!pattern) return undefined;
        const names: Node[] = [];
        const stack = [pattern];
        while (stack.length) { const n = stack.pop()!; if (n.type === 'identifier') names.push(n); else stack.push(...named(n)); }
        return names.map((n) => ({ name: n.text, op: 'opaque' as const }));
      }
      case 'const_item': case 'static_item': {
        const name = fieldOf(node, 'name')?.text;
        const value = fieldOf(node, 'value') ?? undefined;
        return name ? [{ name, op: value ? '=' : 'declare', value, type: fieldOf(node, 'type')?.text, isFinal: true }] : undefined;
      }
      case 'assignment_expression': {
        const left = fieldOf(node, 'left');
        return left?.type === 'identifier' ? [{ name: left.text, op: '=', value: fieldOf(node, 'right') ?? undefined }] : undefined;
      }
      case 'compound_assignment_expr': {
        const left = fieldOf(node, 'left');
        if (left?.type !== 'identifier') return undefined;
        const op = fieldOf(node, 'operator')?.text;
        return [{ name: left.text, op: op === '+=' ? '+=' : 'opaque', value: fieldOf(node, 'right') ?? undefined }];
      }
      case 'for_expression': {
        const pattern = fieldOf(node, 'pattern');
        return pattern?.type === 'identifier' ? [{ name: pattern.text, op: 'opaque' }] : undefined;
      }
      case 'macro_invocation': {
        // write!(s, "...", args) / writeln!: appends formatted text to `s`
        const view = macroView(node);
        if ((view.method !== 'write' && view.method !== 'writeln') || view.args.length < 2) return undefined;
        const target = view.args[0]!;
        if (target.type !== 'identifier') return undefined;
        return [{ name: target.text, op: 'call', method: 'write_fmt', args: view.args.slice(1) }];
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

// ------------------------------------------------------------------------------------------------
// Text hooks

const SAME_METHODS = new Set(['to_string', 'to_owned', 'as_str', 'clone', 'trim', 'to_lowercase', 'to_uppercase', 'into', 'as_ref', 'borrow', 'unwrap', 'expect', 'unwrap_or_default', 'replace', 'deref', 'as_deref']);
const NUMERIC_METHODS = new Set(['len', 'count', 'is_empty', 'contains', 'starts_with', 'ends_with', 'parse', 'as_i64', 'as_u64']);
const SAFE_CALLS = /^(quote_identifier|escape_identifier|escape_literal|quote_ident|quote_literal)$/;

export const rustTextHooks: TextHooks = {
  appendMethods: new Set(['push_str', 'push', 'write_fmt', 'write_str', 'insert_str']),
  addMethods: new Set(['push', 'push_back', 'insert']),
  textCall(call: CallView, _node: Node, values: FileValues): TextCall | undefined {
    if (call.isMacro) {
      if ((call.method === 'format' || call.method === 'format_args') && call.args[0]) {
        return { kind: 'format', format: call.args[0], args: [...call.args.slice(1), ...call.named.values()], style: 'rust', named: call.named };
      }
      if (call.method === 'concat') return { kind: 'concat', parts: call.args };
      return undefined;
    }
    const path = call.path?.join('::') ?? call.method;
    if (/^(String::from|String::from_str|str::to_string|Cow::from|String::from_utf8_lossy)$/.test(path) && call.args[0]) return { kind: 'same', inner: call.args[0] };
    if (path === 'String::new' || path === 'String::with_capacity') return { kind: 'builder' };
    if (call.receiver) {
      if (call.method === 'join' || call.method === 'concat') return { kind: 'join', items: call.receiver, separator: call.args[0] };
      if (SAME_METHODS.has(call.method)) return { kind: 'same', inner: call.receiver };
      if (NUMERIC_METHODS.has(call.method)) return { kind: 'numeric' };
    }
    if (SAFE_CALLS.test(call.method)) return { kind: 'safe' };
    void values;
    return undefined;
  },
};
