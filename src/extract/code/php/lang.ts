// PHP syntax for the shared code-fact engine (tree-sitter-php): expression views, scopes, bindings
// (`=`, `.=`, `$a[] = x`, `$m['k'] = v`, define()), guards, and the text-building functions
// (sprintf, implode, escaping functions) plus request input (superglobals, Laravel / Symfony requests).
import type { TextCall, TextHooks } from '../core/built-text.js';
import type { CallView, Expr, Guard, Lang, Node, Param, RawBinding, TemplatePart } from '../core/expr.js';
import { namePath } from '../core/expr.js';
import { decodeEscapes } from '../core/strings.js';
import type { FileValues } from '../core/values.js';
import { namedChildren as named } from '../../tree-sitter/ast.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

const COMPARE = new Set(['==', '===', '!=', '!==', '<>', '<', '>', '<=', '>=', '<=>', '&&', '||', 'and', 'or', 'xor', 'AND', 'OR', 'instanceof']);
const SUPERGLOBALS = new Set(['_GET', '_POST', '_REQUEST', '_COOKIE', '_SERVER', '_FILES', 'HTTP_GET_VARS', 'HTTP_POST_VARS', 'HTTP_COOKIE_VARS']);

export { named };

function varName(node: Node): string | undefined {
  if (node.type !== 'variable_name') return undefined;
  return named(node).find((c) => c.type === 'name')?.text ?? node.text.replace(/^\$/, '');
}

/** Value of a single-quoted string / nowdoc, or undefined for strings with interpolation. */
export function phpString(node: Node): string | undefined {
  if (node.type === 'string') {
    let out = '';
    for (const c of named(node)) {
      if (c.type === 'string_content' || c.type === 'string_value') out += c.text;
      else if (c.type === 'escape_sequence') out += c.text === "\\'" ? "'" : c.text === '\\\\' ? '\\' : c.text;
      else return undefined;
    }
    return out;
  }
  if (node.type === 'nowdoc') return named(fieldOf(node, 'value')).map((c) => c.text).join('');
  if (node.type === 'encapsed_string' || node.type === 'heredoc') {
    const parts = templateParts(node);
    if (parts.every((p) => 'text' in p)) return parts.map((p) => (p as { text: string }).text).join('');
  }
  return undefined;
}

function templateParts(node: Node): TemplatePart[] {
  const body = node.type === 'heredoc' ? fieldOf(node, 'value') : node;
  const parts: TemplatePart[] = [];
  for (const c of named(body)) {
    if (c.type === 'string_content' || c.type === 'string_value') parts.push({ text: c.text });
    else if (c.type === 'escape_sequence') parts.push({ text: decodeEscapes(c.text) });
    else parts.push({ node: c });
  }
  return parts;
}

function flattenDot(node: Node): Node[] {
  if (node.type === 'binary_expression' && fieldOf(node, 'operator')?.text === '.') {
    const l = fieldOf(node, 'left');
    const r = fieldOf(node, 'right');
    return [...(l ? flattenDot(l) : []), ...(r ? [r] : [])];
  }
  return [node];
}

function args(node: Node | null | undefined): { positional: Node[]; named: Map<string, Node> } {
  const positional: Node[] = [];
  const byName = new Map<string, Node>();
  for (const a of named(node)) {
    if (a.type !== 'argument') { positional.push(a); continue; }
    const nameNode = fieldOf(a, 'name');
    const value = named(a).filter((c) => c.id !== nameNode?.id).at(-1);
    if (!value) continue;
    if (nameNode) byName.set(nameNode.text, value);
    else positional.push(value);
  }
  return { positional, named: byName };
}

function callView(node: Node): CallView {
  const a = args(fieldOf(node, 'arguments') ?? named(node).find((c) => c.type === 'arguments'));
  switch (node.type) {
    case 'function_call_expression': {
      const fn = fieldOf(node, 'function');
      const method = (fn?.text ?? '').replace(/^\\/, '');
      return { k: 'call', method: method.split('\\').at(-1) ?? method, path: [method.split('\\').at(-1) ?? method], args: a.positional, named: a.named, isNew: false, nameNode: fn ?? undefined };
    }
    case 'member_call_expression':
    case 'nullsafe_member_call_expression': {
      const object = fieldOf(node, 'object') ?? undefined;
      const nameNode = fieldOf(node, 'name') ?? undefined;
      const method = nameNode?.text ?? '';
      const base = object ? namePath(phpLang, object) : undefined;
      return { k: 'call', method, receiver: object, args: a.positional, named: a.named, isNew: false, nameNode, path: base ? [...base, method] : undefined };
    }
    case 'scoped_call_expression': {
      const scope = fieldOf(node, 'scope') ?? undefined;
      const nameNode = fieldOf(node, 'name') ?? undefined;
      const method = nameNode?.text ?? '';
      const scopeName = (scope?.text ?? '').replace(/^\\/, '').split('\\').at(-1) ?? '';
      return { k: 'call', method, receiver: scope, args: a.positional, named: a.named, isNew: false, nameNode, path: [scopeName, method] };
    }
    case 'object_creation_expression': {
      const typeNode = named(node).find((c) => c.type === 'name' || c.type === 'qualified_name');
      const type = (typeNode?.text ?? '').replace(/^\\/, '');
      return { k: 'call', method: type.split('\\').at(-1) ?? type, path: [type.split('\\').at(-1) ?? type], args: a.positional, named: a.named, isNew: true, nameNode: typeNode };
    }
    default:
      return { k: 'call', method: '', args: [], named: new Map(), isNew: false };
  }
}

export const phpLang: Lang = {
  id: 'php',
  expr(node: Node): Expr {
    switch (node.type) {
      case 'string': case 'nowdoc': {
        const v = phpString(node);
        return v === undefined ? { k: 'other' } : { k: 'string', value: v };
      }
      case 'encapsed_string': case 'heredoc': {
        const parts = templateParts(node);
        if (parts.every((p) => 'text' in p)) return { k: 'string', value: parts.map((p) => (p as { text: string }).text).join('') };
        return { k: 'template', parts };
      }
      case 'integer': case 'float': return { k: 'literal', kind: 'number', text: node.text };
      case 'boolean': return { k: 'literal', kind: 'bool', text: node.text };
      case 'null': return { k: 'literal', kind: 'null', text: node.text };
      case 'variable_name': return { k: 'name', name: varName(node) ?? node.text };
      case 'name': return /^(true|false)$/i.test(node.text) ? { k: 'literal', kind: 'bool', text: node.text } : /^null$/i.test(node.text) ? { k: 'literal', kind: 'null', text: node.text } : { k: 'name', name: node.text };
      case 'parenthesized_expression': {
        const inner = named(node)[0];
        return inner ? { k: 'wrap', inner } : { k: 'other' };
      }
      case 'binary_expression': {
        const op = fieldOf(node, 'operator')?.text ?? '';
        const left = fieldOf(node, 'left') ?? undefined;
        const right = fieldOf(node, 'right') ?? undefined;
        if (op === '.') return { k: 'concat', parts: flattenDot(node) };
        if (op === '??') return { k: 'cond', branches: [left, right].filter((x): x is Node => !!x) };
        if (COMPARE.has(op)) return { k: 'bool-op', op, left, right };
        return { k: 'arith', op, left, right };
      }
      case 'unary_op_expression': {
        const op = fieldOf(node, 'operator')?.text ?? node.child(0)?.text ?? '';
        const operand = named(node).at(-1);
        return op === '!' ? { k: 'bool-op', op, left: operand } : { k: 'arith', op, left: operand };
      }
      case 'cast_expression': {
        const inner = fieldOf(node, 'value');
        return inner ? { k: 'cast', inner, type: (fieldOf(node, 'type')?.text ?? '').toLowerCase() } : { k: 'other' };
      }
      case 'member_access_expression':
      case 'nullsafe_member_access_expression': {
        const object = fieldOf(node, 'object') ?? undefined;
        const name = fieldOf(node, 'name')?.text ?? '';
        const base = object ? namePath(phpLang, object) : undefined;
        return { k: 'member', object, name, path: base ? [...base, name] : undefined };
      }
      case 'class_constant_access_expression':
      case 'scoped_property_access_expression': {
        const parts = named(node);
        const scope = parts[0];
        const name = (fieldOf(node, 'name') ?? parts.at(-1))?.text.replace(/^\$/, '') ?? '';
        const scopeName = (scope?.text ?? '').replace(/^\\/, '').split('\\').at(-1) ?? '';
        return { k: 'member', object: scope, name, path: [scopeName, name] };
      }
      case 'subscript_expression': {
        const parts = named(node);
        return parts[0] ? { k: 'index', object: parts[0], index: parts[1] } : { k: 'other' };
      }
      case 'function_call_expression': case 'member_call_expression': case 'nullsafe_member_call_expression':
      case 'scoped_call_expression': case 'object_creation_expression':
        return callView(node);
      case 'conditional_expression': {
        const body = fieldOf(node, 'body');
        const alt = fieldOf(node, 'alternative');
        const cond = fieldOf(node, 'condition');
        return { k: 'cond', condition: cond ?? undefined, branches: [body ?? cond, alt].filter((x): x is Node => !!x) };
      }
      case 'match_expression': {
        const arms = named(fieldOf(node, 'body')).map((arm) => fieldOf(arm, 'return_expression')).filter((x): x is Node => !!x);
        return { k: 'cond', branches: arms };
      }
      case 'array_creation_expression': {
        const items: Node[] = [];
        const entries: { key?: Node; value: Node }[] = [];
        for (const el of named(node)) {
          const parts = named(el);
          if (parts.length === 2) entries.push({ key: parts[0], value: parts[1]! });
          else if (parts[0]) { items.push(parts[0]); entries.push({ value: parts[0] }); }
        }
        return entries.some((e) => e.key) ? { k: 'map', entries } : { k: 'list', items };
      }
      case 'anonymous_function': case 'arrow_function': case 'anonymous_function_creation_expression':
        return { k: 'lambda', params: [], body: fieldOf(node, 'body') ?? undefined };
      case 'argument': {
        const inner = named(node).at(-1);
        return inner ? { k: 'wrap', inner } : { k: 'other' };
      }
      default:
        return { k: 'other' };
    }
  },
  scopeTypes: new Set(['function_definition', 'method_declaration', 'anonymous_function', 'arrow_function', 'anonymous_function_creation_expression']),
  scopeParams(node: Node): Param[] | undefined {
    if (!this.scopeTypes.has(node.type)) return undefined;
    const out: Param[] = [];
    for (const p of named(fieldOf(node, 'parameters'))) {
      const nameNode = fieldOf(p, 'name');
      const name = nameNode ? varName(nameNode) : undefined;
      if (name) out.push({ name, type: fieldOf(p, 'type')?.text.replace(/^\?/, '') });
    }
    // closures' `use ($x)` variables come from the outer scope: not parameters
    return out;
  },
  classTypes: new Set(['declaration_list']),
  callTypes: new Set(['function_call_expression', 'member_call_expression', 'nullsafe_member_call_expression', 'scoped_call_expression', 'object_creation_expression']),
  conditionalTypes: new Set(['if_statement', 'else_if_clause', 'else_clause', 'for_statement', 'foreach_statement', 'while_statement', 'do_statement', 'case_statement', 'default_statement', 'catch_clause', 'conditional_expression', 'match_expression']),
  numericTypes: new Set(['int', 'float', 'bool', 'integer', 'double', 'boolean', 'real']),
  bindings(node: Node): RawBinding[] | undefined {
    switch (node.type) {
      case 'assignment_expression': {
        const left = fieldOf(node, 'left');
        const right = fieldOf(node, 'right') ?? undefined;
        if (!left) return undefined;
        if (left.type === 'variable_name') {
          const name = varName(left);
          return name ? [{ name, op: right ? '=' : 'opaque', value: right }] : undefined;
        }
        if (left.type === 'subscript_expression') {
          const [base, index] = named(left);
          const name = base ? varName(base) : undefined;
          if (!name || !right) return undefined;
          return index ? [{ name, op: 'call', method: 'put', args: [index, right] }] : [{ name, op: 'call', method: 'add', args: [right] }];
        }
        if (left.type === 'list_literal' || left.type === 'array_creation_expression') {
          return named(left).flatMap((el) => named(el)).filter((n) => n.type === 'variable_name').map((n) => ({ name: varName(n) ?? n.text, op: 'opaque' as const }));
        }
        return undefined;
      }
      case 'augmented_assignment_expression': {
        const left = fieldOf(node, 'left');
        const op = fieldOf(node, 'operator')?.text;
        const right = fieldOf(node, 'right') ?? undefined;
        const name = left ? varName(left) : undefined;
        if (!name) return undefined;
        if (op === '.=') return [{ name, op: '+=', value: right }];
        if (op === '??=') return [{ name, op: '=', value: right }];
        return [{ name, op: 'opaque' }];
      }
      case 'foreach_statement': {
        const vars: Node[] = [];
        const parts = named(node);
        for (const p of parts.slice(1)) {
          if (p.type === 'variable_name') vars.push(p);
          else if (p.type === 'pair' || p.type === 'by_ref') vars.push(...named(p).filter((c) => c.type === 'variable_name'));
          if (p.type === 'compound_statement' || p.type === 'colon_block') break;
        }
        return vars.map((v) => ({ name: varName(v) ?? v.text, op: 'opaque' as const }));
      }
      case 'const_element': {
        const nameNode = named(node).find((c) => c.type === 'name');
        const value = named(node).at(-1);
        return nameNode && value && value.id !== nameNode.id ? [{ name: nameNode.text, op: '=', value, isFinal: true }] : undefined;
      }
      case 'property_element': {
        const nameNode = fieldOf(node, 'name') ?? named(node)[0];
        const value = fieldOf(node, 'default_value') ?? named(fieldOf(node, 'value') ?? node).find((c) => c.id !== nameNode?.id && c.type !== 'variable_name');
        const name = nameNode ? varName(nameNode) ?? nameNode.text.replace(/^\$/, '') : undefined;
        const readonly = /\breadonly\b/.test(node.parent?.text.slice(0, 60) ?? '');
        return name ? [{ name, op: value ? '=' : 'declare', value: value ?? undefined, isFinal: readonly }] : undefined;
      }
      case 'function_call_expression': {
        if (fieldOf(node, 'function')?.text !== 'define') return undefined;
        const a = args(fieldOf(node, 'arguments')).positional;
        const key = a[0] ? phpString(a[0]) : undefined;
        return key && a[1] ? [{ name: key, op: '=', value: a[1], isFinal: true }] : undefined;
      }
      default:
        return undefined;
    }
  },
  guardOf(parent: Node, child: Node): Guard | undefined {
    if (parent.type === 'if_statement' || parent.type === 'else_if_clause') {
      const cond = fieldOf(parent, 'condition');
      if (!cond) return undefined;
      if (fieldOf(parent, 'body')?.id === child.id) return { kind: 'if', cond, when: true };
      if (parent.type === 'if_statement' && child.type === 'else_clause') return { kind: 'if', cond, when: false };
      return undefined;
    }
    if (parent.type === 'case_statement' || parent.type === 'default_statement') {
      const block = parent.parent;
      const subject = fieldOf(block?.parent, 'condition');
      if (!block || !subject) return undefined;
      const labelOf = (c: Node) => (c.type === 'case_statement' ? [fieldOf(c, 'value')].filter((x): x is Node => !!x) : []);
      return { kind: 'case', subject, labels: labelOf(parent), isDefault: parent.type === 'default_statement', siblings: named(block).filter((c) => c.id !== parent.id).flatMap(labelOf) };
    }
    return undefined;
  },
};

// ------------------------------------------------------------------------------------------------
// Text hooks

const SAME_FUNCS = new Set(['strtolower', 'strtoupper', 'trim', 'ltrim', 'rtrim', 'htmlspecialchars', 'htmlentities', 'strip_tags', 'urldecode', 'rawurldecode',
  'stripslashes', 'substr', 'mb_substr', 'strval', 'ucfirst', 'lcfirst', 'ucwords', 'mb_strtolower', 'mb_strtoupper', 'html_entity_decode', 'base64_decode', 'base64_encode', 'nl2br', 'json_encode', 'utf8_decode', 'utf8_encode', 'iconv']);
const NUMERIC_FUNCS = new Set(['intval', 'floatval', 'boolval', 'count', 'strlen', 'mb_strlen', 'abs', 'round', 'floor', 'ceil', 'time', 'rand', 'mt_rand', 'random_int',
  'uniqid', 'max', 'min', 'array_sum', 'sizeof', 'is_numeric', 'ctype_digit', 'date', 'microtime', 'number_format', 'absint', 'crc32']);
const SAFE_FUNCS = new Set(['mysqli_real_escape_string', 'mysql_real_escape_string', 'mysql_escape_string', 'pg_escape_string', 'pg_escape_literal', 'pg_escape_identifier',
  'addslashes', 'esc_sql', 'sqlite_escape_string', 'db2_escape_string', 'cubrid_real_escape_string', 'real_escape_string', 'quote', 'escape', 'quoteIdentifier', 'quoteName',
  'quoteInto', 'escape_string', 'escapeString', 'qstr', 'like_escape', 'esc_like', 'prepare', 'quoteValue', 'quoteColumnName', 'quoteTableName', 'sanitize_key', 'sanitize_sql_orderby']);
const REQUEST_METHODS = new Set(['input', 'get', 'query', 'post', 'cookie', 'header', 'route', 'all', 'only', 'except', 'getContent', 'json', 'string', 'integer', 'getQueryString', 'getPathInfo']);

export const phpTextHooks: TextHooks = {
  appendMethods: new Set<string>(),
  addMethods: new Set(['add', 'push', 'append']),
  isConstantName: (name) => /^[A-Z][A-Z0-9_]*$/.test(name) && name.length > 1,
  textCall(call: CallView, _node: Node, values: FileValues): TextCall | undefined {
    const lang = values.lang;
    if (!call.receiver && !call.isNew) {
      const fn = call.method.toLowerCase();
      if (fn === 'sprintf' || fn === 'vsprintf') {
        if (!call.args[0]) return undefined;
        if (fn === 'vsprintf') return { kind: 'format', format: call.args[0], args: call.args.slice(1), style: 'printf' };
        return { kind: 'format', format: call.args[0], args: call.args.slice(1), style: 'printf' };
      }
      if (fn === 'implode' || fn === 'join') {
        if (call.args.length === 1) return { kind: 'join', items: call.args[0] };
        return { kind: 'join', items: call.args[1], separator: call.args[0] };
      }
      if (fn === 'str_repeat' && call.args[0]) return { kind: 'same', inner: call.args[0] };
      if (fn === 'str_replace' || fn === 'str_ireplace' || fn === 'preg_replace') return call.args[2] ? { kind: 'same', inner: call.args[2] } : undefined;
      if (SAME_FUNCS.has(fn) && call.args[0]) return { kind: 'same', inner: call.args[0] };
      if (NUMERIC_FUNCS.has(fn)) return { kind: 'numeric' };
      if (SAFE_FUNCS.has(fn)) return { kind: 'safe' };
      if (fn === 'request' || fn === 'filter_input' || fn === 'getenv' && false) return { kind: 'input' };
      if (fn === 'filter_var' && call.args[1] && /FILTER_VALIDATE_(INT|FLOAT|BOOL)|FILTER_SANITIZE_NUMBER/.test(call.args[1].text)) return { kind: 'numeric' };
      return undefined;
    }
    if (call.receiver) {
      if (SAFE_FUNCS.has(call.method)) return { kind: 'safe' };
      const recv = lang.expr(call.receiver);
      const root = namePath(lang, call.receiver)?.[0] ?? '';
      // $request->input('x'), Request::input('x'), Input::get('x'), $this->request->getQuery()
      if (REQUEST_METHODS.has(call.method) && (/^(request|req|Request|Input)$/.test(root) || (recv.k === 'member' && /^request$/i.test(recv.name)))) return { kind: 'input' };
      if (/^get(Query|Post|Param|Cookie|Header)/.test(call.method) && /request/i.test(call.receiver.text)) return { kind: 'input' };
    }
    return undefined;
  },
  isInput(_node: Node, e: Expr, values: FileValues): boolean {
    if (e.k === 'index') {
      const obj = values.lang.expr(e.object);
      if (obj.k === 'name' && SUPERGLOBALS.has(obj.name)) return true;
      if (obj.k === 'index') return phpTextHooks.isInput!(e.object, obj, values);
      // $request->query->get() style bags and $request['x']
      return obj.k === 'name' && /^(request|req)$/.test(obj.name);
    }
    if (e.k === 'member') {
      // $request->query->..., $_SERVER-like bags: only direct superglobal access counts here
      return false;
    }
    return false;
  },
};
