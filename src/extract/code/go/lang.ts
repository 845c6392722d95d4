// Go syntax for the shared code-fact engine: expression views, scopes, bindings and guards over the
// tree-sitter-go grammar, and the text-building library calls (fmt.Sprintf, strings.Join,
// strings.Builder, strconv) plus request accessors (net/http, gin, echo, fiber, chi, gorilla/mux).
import type { TextCall, TextHooks } from '../core/built-text.js';
import type { CallView, Expr, Guard, Lang, Node, Param, RawBinding } from '../core/expr.js';
import { namePath } from '../core/expr.js';
import { decodeEscapes } from '../core/strings.js';
import type { FileValues } from '../core/values.js';
import { namedChildren as named } from '../../tree-sitter/ast.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

const COMPARE = new Set(['==', '!=', '<', '>', '<=', '>=', '&&', '||']);


function stringValue(node: Node): string | undefined {
  if (node.type === 'raw_string_literal') return node.text.slice(1, -1);
  if (node.type === 'interpreted_string_literal') {
    let out = '';
    for (const c of named(node)) {
      if (c.type === 'interpreted_string_literal_content') out += c.text;
      else if (c.type === 'escape_sequence') out += decodeEscapes(c.text);
    }
    return out;
  }
  return undefined;
}

function flattenPlus(node: Node): Node[] {
  if (node.type === 'binary_expression' && fieldOf(node, 'operator')?.text === '+') {
    const l = fieldOf(node, 'left');
    const r = fieldOf(node, 'right');
    return [...(l ? flattenPlus(l) : []), ...(r ? [r] : [])];
  }
  return [node];
}

function callView(node: Node): CallView {
  const fn = fieldOf(node, 'function');
  const args = named(fieldOf(node, 'arguments'));
  const view: CallView = { k: 'call', method: '', args, named: new Map(), isNew: false };
  if (!fn) return view;
  if (fn.type === 'selector_expression') {
    const field = fieldOf(fn, 'field');
    view.method = field?.text ?? '';
    view.nameNode = field ?? undefined;
    view.receiver = fieldOf(fn, 'operand') ?? undefined;
  } else if (fn.type === 'identifier') {
    view.method = fn.text;
    view.nameNode = fn;
  } else if (fn.type === 'parenthesized_expression' || fn.type === 'generic_type') {
    view.method = fn.text;
  }
  view.path = namePath(goLang, fn);
  return view;
}

export const goLang: Lang = {
  id: 'go',
  expr(node: Node): Expr {
    switch (node.type) {
      case 'interpreted_string_literal':
      case 'raw_string_literal':
        return { k: 'string', value: stringValue(node) ?? '' };
      case 'int_literal': case 'float_literal': case 'imaginary_literal':
        return { k: 'literal', kind: 'number', text: node.text };
      case 'rune_literal': return { k: 'literal', kind: 'char', text: node.text };
      case 'true': case 'false': return { k: 'literal', kind: 'bool', text: node.text };
      case 'nil': case 'iota': return { k: 'literal', kind: 'null', text: node.text };
      case 'identifier': return { k: 'name', name: node.text };
      case 'parenthesized_expression': {
        const inner = named(node)[0];
        return inner ? { k: 'wrap', inner } : { k: 'other' };
      }
      case 'binary_expression': {
        const op = fieldOf(node, 'operator')?.text ?? '';
        const left = fieldOf(node, 'left') ?? undefined;
        const right = fieldOf(node, 'right') ?? undefined;
        if (op === '+') return { k: 'concat', parts: flattenPlus(node) };
        if (COMPARE.has(op)) return { k: 'bool-op', op, left, right };
        return { k: 'arith', op, left, right };
      }
      case 'unary_expression': {
        const op = fieldOf(node, 'operator')?.text ?? '';
        const operand = fieldOf(node, 'operand');
        if (!operand) return { k: 'other' };
        if (op === '!') return { k: 'bool-op', op, left: operand };
        if (op === '&' || op === '*' || op === '<-') return { k: 'wrap', inner: operand };
        return { k: 'arith', op, left: operand };
      }
      case 'selector_expression': {
        const object = fieldOf(node, 'operand') ?? undefined;
        const name = fieldOf(node, 'field')?.text ?? '';
        const base = object ? namePath(goLang, object) : undefined;
        return { k: 'member', object, name, path: base ? [...base, name] : undefined };
      }
      case 'index_expression': {
        const object = fieldOf(node, 'operand');
        return object ? { k: 'index', object, index: fieldOf(node, 'index') ?? undefined } : { k: 'other' };
      }
      case 'call_expression': return callView(node);
      case 'type_assertion_expression': {
        const operand = fieldOf(node, 'operand');
        return operand ? { k: 'cast', inner: operand, type: fieldOf(node, 'type')?.text ?? '' } : { k: 'other' };
      }
      case 'type_conversion_expression': {
        const operand = fieldOf(node, 'operand');
        return operand ? { k: 'cast', inner: operand, type: fieldOf(node, 'type')?.text ?? '' } : { k: 'other' };
      }
      case 'composite_literal': {
        const type = fieldOf(node, 'type');
        const body = fieldOf(node, 'body');
        const elements = named(body).map((el) => (el.type === 'keyed_element' ? fieldOf(el, 'value') ?? named(el).at(-1) : el))
          .map((el) => (el && el.type === 'literal_element' ? named(el)[0] ?? el : el))
          .filter((el): el is Node => !!el);
        if (type && (type.type === 'slice_type' || type.type === 'array_type' || type.type === 'implicit_length_array_type')) return { k: 'list', items: elements };
        return { k: 'call', method: type?.text ?? '', path: type ? [type.text] : undefined, args: [], named: new Map(), isNew: true, trailing: body ?? undefined };
      }
      case 'func_literal': return { k: 'lambda', params: [], body: fieldOf(node, 'body') ?? undefined };
      default:
        return { k: 'other' };
    }
  },
  scopeTypes: new Set(['function_declaration', 'method_declaration', 'func_literal']),
  scopeParams(node: Node): Param[] | undefined {
    if (!this.scopeTypes.has(node.type)) return undefined;
    const out: Param[] = [];
    const lists = [fieldOf(node, 'receiver'), fieldOf(node, 'parameters')];
    for (const list of lists) {
      for (const p of named(list)) {
        if (p.type !== 'parameter_declaration' && p.type !== 'variadic_parameter_declaration') continue;
        const type = fieldOf(p, 'type')?.text;
        for (const n of p.childrenForFieldName('name')) if (n) out.push({ name: n.text, type });
      }
    }
    return out;
  },
  classTypes: new Set<string>(),
  callTypes: new Set(['call_expression', 'composite_literal']),
  conditionalTypes: new Set(['if_statement', 'for_statement', 'expression_case', 'default_case', 'type_case', 'communication_case', 'select_statement', 'defer_statement', 'go_statement']),
  numericTypes: new Set(['int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr', 'float32', 'float64', 'bool', 'byte', 'rune', 'complex64', 'complex128', 'time.Duration']),
  bindings(node: Node): RawBinding[] | undefined {
    switch (node.type) {
      case 'short_var_declaration':
      case 'assignment_statement': {
        const left = named(fieldOf(node, 'left'));
        const right = named(fieldOf(node, 'right'));
        const op = node.type === 'short_var_declaration' ? '=' : fieldOf(node, 'operator')?.text ?? '=';
        const out: RawBinding[] = [];
        left.forEach((l, i) => {
          // parts[i] = "?": an item stored into a local slice / map
          if (l.type === 'index_expression' && fieldOf(l, 'operand')?.type === 'identifier' && right.length === left.length && op === '=') {
            out.push({ name: fieldOf(l, 'operand')!.text, op: 'call', method: 'put', args: [fieldOf(l, 'index') ?? l, right[i]!] });
            return;
          }
          if (l.type !== 'identifier' || l.text === '_') return;
          const value = right.length === left.length ? right[i] : i === 0 && right.length === 1 ? right[0] : undefined;
          if (op === '+=') out.push({ name: l.text, op: '+=', value });
          else if (op === '=' || op === ':=') out.push({ name: l.text, op: value ? '=' : 'opaque', value });
          else out.push({ name: l.text, op: 'opaque' });
        });
        return out;
      }
      case 'var_spec':
      case 'const_spec': {
        const names = node.childrenForFieldName('name').filter((n): n is Node => !!n);
        const type = fieldOf(node, 'type')?.text;
        const values = named(fieldOf(node, 'value'));
        return names.filter((n) => n.text !== '_').map((n, i) => {
          const value = values.length === names.length ? values[i] : i === 0 && values.length === 1 ? values[0] : undefined;
          return { name: n.text, op: value ? '=' : 'declare', value, type, isFinal: node.type === 'const_spec' } satisfies RawBinding;
        });
      }
      case 'range_clause': {
        return named(fieldOf(node, 'left')).filter((n) => n.type === 'identifier').map((n) => ({ name: n.text, op: 'opaque' as const }));
      }
      case 'call_expression': {
        // fmt.Fprintf(&sb, format, args...) appends formatted text to a builder
        const fn = fieldOf(node, 'function');
        if (fn?.type !== 'selector_expression' || fieldOf(fn, 'operand')?.text !== 'fmt') return undefined;
        const method = fieldOf(fn, 'field')?.text;
        if (method !== 'Fprintf' && method !== 'Fprint') return undefined;
        const args = named(fieldOf(node, 'arguments'));
        const target = args[0]?.type === 'unary_expression' ? args[0].childForFieldName('operand') : args[0];
        if (target?.type !== 'identifier') return undefined;
        return [{ name: target.text, op: 'call', method: method === 'Fprintf' ? 'Fprintf' : 'WriteString', args: args.slice(1) }];
      }
      default:
        return undefined;
    }
  },
  guardOf(parent: Node, child: Node): Guard | undefined {
    if (parent.type === 'if_statement') {
      const cond = fieldOf(parent, 'condition');
      if (!cond) return undefined;
      if (fieldOf(parent, 'consequence')?.id === child.id) return { kind: 'if', cond, when: true };
      if (fieldOf(parent, 'alternative')?.id === child.id) return { kind: 'if', cond, when: false };
      return undefined;
    }
    if (parent.type === 'expression_case' || parent.type === 'default_case') {
      const sw = parent.parent;
      const subject = fieldOf(sw, 'value');
      if (!sw || !subject) return undefined;
      const labelsOf = (c: Node) => named(fieldOf(c, 'value'));
      const siblings = named(sw).filter((c) => c.type === 'expression_case').flatMap(labelsOf);
      return { kind: 'case', subject, labels: parent.type === 'expression_case' ? labelsOf(parent) : [], isDefault: parent.type === 'default_case', siblings };
    }
    return undefined;
  },
};

// ------------------------------------------------------------------------------------------------
// Text-building calls

const SAME_FUNCS = new Set(['strings.TrimSpace', 'strings.ToLower', 'strings.ToUpper', 'strings.Trim', 'strings.TrimPrefix', 'strings.TrimSuffix',
  'strings.TrimLeft', 'strings.TrimRight', 'strings.Title', 'strings.ReplaceAll', 'strings.Replace', 'string', 'html.UnescapeString', 'url.QueryUnescape', 'url.PathUnescape']);
const NUMERIC_FUNCS = new Set(['strconv.Itoa', 'strconv.FormatInt', 'strconv.FormatUint', 'strconv.FormatFloat', 'strconv.FormatBool', 'strconv.Atoi',
  'strconv.ParseInt', 'strconv.ParseUint', 'strconv.ParseFloat', 'strconv.ParseBool', 'len', 'cap', 'int', 'int64', 'int32', 'uint', 'uint64', 'float64', 'time.Now']);
const SAFE_FUNCS = new Set(['pq.QuoteIdentifier', 'pq.QuoteLiteral', 'pgx.Identifier', 'strconv.Quote', 'sqlx.Rebind', 'squirrel.Placeholders']);
const REQUEST_RECEIVER = /^(r|req|request|httpRequest|c|ctx|context|gc|echoCtx|fc)$/;
const GIN_INPUT = new Set(['Query', 'DefaultQuery', 'Param', 'PostForm', 'DefaultPostForm', 'GetHeader', 'QueryParam', 'FormValue', 'PostFormValue', 'Params', 'Cookie', 'GetQuery', 'GetPostForm', 'QueryArray', 'PathParam', 'Get', 'Body']);

function pathText(call: CallView): string {
  return call.path?.join('.') ?? call.method;
}

export const goTextHooks: TextHooks = {
  appendMethods: new Set(['WriteString', 'WriteByte', 'WriteRune', 'Write', 'Fprintf']),
  addMethods: new Set<string>(),
  textCall(call: CallView, _node: Node, values: FileValues): TextCall | undefined {
    const name = pathText(call);
    if (name === 'fmt.Sprintf' || name === 'fmt.Errorf') return call.args[0] ? { kind: 'format', format: call.args[0], args: call.args.slice(1), style: 'printf' } : undefined;
    if (name === 'fmt.Sprint' || name === 'fmt.Sprintln') return { kind: 'concat', parts: call.args };
    if (name === 'strings.Join') return { kind: 'join', items: call.args[0], separator: call.args[1] };
    if (name === 'strings.Repeat') return call.args[0] ? { kind: 'same', inner: call.args[0] } : undefined;
    if (SAME_FUNCS.has(name) && call.args[0]) return { kind: 'same', inner: call.args[0] };
    if (NUMERIC_FUNCS.has(name)) return { kind: 'numeric' };
    if (SAFE_FUNCS.has(name) || /^(Quote|Quoted|Escape)\w*$/.test(call.method) || /^(AddToVars|Placeholder|Bindvar|BindVar)$/.test(call.method)) return { kind: 'safe' };
    if (name === 'sqlx.In' || name === 'sqlx.Named') return call.args[0] ? { kind: 'same', inner: call.args[0] } : undefined;
    if (call.isNew && /(^|\.)(Builder|Buffer)$/.test(call.method)) return { kind: 'builder' };
    if (name === 'bytes.NewBufferString' && call.args[0]) return { kind: 'builder', initial: call.args[0] };
    if (call.receiver && call.args.length === 0 && call.method === 'String') return { kind: 'same', inner: call.receiver };
    if (call.method === 'Rebind' && call.args[0]) return { kind: 'same', inner: call.args[0] };
    // request input
    if (name === 'chi.URLParam' || name === 'mux.Vars' || name === 'chi.URLParamFromCtx') return { kind: 'input' };
    if (call.receiver) {
      const chain = namePath(values.lang, call.receiver);
      const root = chain?.[0] ?? '';
      if (['FormValue', 'PostFormValue', 'PathValue', 'Cookie', 'Referer', 'UserAgent'].includes(call.method) && REQUEST_RECEIVER.test(root)) return { kind: 'input' };
      if (call.method === 'Get' && chain && chain.length >= 2 && REQUEST_RECEIVER.test(root) && /^(Header|Form|PostForm)$/.test(chain.at(-1)!)) return { kind: 'input' };
      if (call.method === 'Get' && values.lang.expr(call.receiver).k === 'call') {
        const inner = values.lang.expr(call.receiver);
        if (inner.k === 'call' && inner.method === 'Query' && inner.receiver && /URL$/.test(inner.receiver.text)) return { kind: 'input' };
      }
      if (GIN_INPUT.has(call.method) && chain?.length === 1 && /^(c|ctx|gc|context|echoCtx|fc)$/.test(root) && call.method !== 'Get' && call.method !== 'Body') return { kind: 'input' };
    }
    return undefined;
  },
  isInput(node: Node, e: Expr, values: FileValues): boolean {
    if (e.k === 'index') {
      const obj = values.lang.expr(e.object);
      // mux.Vars(r)["id"], r.URL.Query()["x"], r.Form["x"]
      if (obj.k === 'call' && (obj.path?.join('.') === 'mux.Vars' || obj.method === 'Query')) return true;
      if (obj.k === 'member' && obj.path && REQUEST_RECEIVER.test(obj.path[0]!) && /^(Form|PostForm|Header)$/.test(obj.name)) return true;
      return false;
    }
    if (e.k === 'member' && e.path && e.path.length >= 3 && REQUEST_RECEIVER.test(e.path[0]!) && e.path[1] === 'URL' && /^(Path|RawQuery|RawPath)$/.test(e.name)) return true;
    void node;
    return false;
  },
};
