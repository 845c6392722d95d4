// C# syntax for the shared code-fact engine (tree-sitter-c-sharp): expression views (interpolated
// `$"..."` strings, verbatim and raw strings, invocations with named arguments, object creation with
// initializers), scopes, bindings, guards, and the text-building calls (string.Format, string.Join,
// string.Concat, StringBuilder) plus ASP.NET request input.
import type { TextCall, TextHooks } from '../core/built-text.js';
import type { CallView, Expr, Guard, Lang, Node, Param, RawBinding, TemplatePart } from '../core/expr.js';
import { namePath } from '../core/expr.js';
import { decodeEscapes } from '../core/strings.js';
import type { FileValues } from '../core/values.js';
import { namedChildren as named } from '../../tree-sitter/ast.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

const COMPARE = new Set(['==', '!=', '<', '>', '<=', '>=', '&&', '||', 'is', 'as']);

export { named };

export function csharpString(node: Node): string | undefined {
  switch (node.type) {
    case 'string_literal': {
      let out = '';
      for (const c of named(node)) {
        if (c.type === 'string_literal_content') out += c.text;
        else if (c.type === 'escape_sequence') out += decodeEscapes(c.text);
        else if (c.type !== 'string_literal_encoding') return undefined;
      }
      return out;
    }
    case 'verbatim_string_literal': return node.text.replace(/^@"/, '').replace(/"$/, '').replace(/""/g, '"');
    case 'raw_string_literal': return named(node).filter((c) => c.type === 'raw_string_content').map((c) => c.text).join('') || node.text.replace(/^"{3,}|"{3,}$/g, '');
    default: return undefined;
  }
}

function templateParts(node: Node): TemplatePart[] {
  const verbatim = /@/.test(named(node).find((c) => c.type === 'interpolation_start')?.text ?? '');
  const parts: TemplatePart[] = [];
  for (const c of named(node)) {
    if (c.type === 'interpolation_start' || c.type === 'interpolation_quote') continue;
    if (c.type === 'string_content') parts.push({ text: verbatim ? c.text.replace(/""/g, '"') : c.text });
    else if (c.type === 'escape_sequence') parts.push({ text: decodeEscapes(c.text) });
    else if (c.type === 'interpolation') {
      const inner = named(c).find((x) => x.type !== 'interpolation_brace' && x.type !== 'interpolation_format_clause' && x.type !== 'interpolation_alignment_clause');
      const format = named(c).find((x) => x.type === 'interpolation_format_clause')?.text ?? '';
      if (inner && /^:(D|N|F|X|E|G|C|P)\d*$/i.test(format)) parts.push({ text: '0' });
      else if (inner) parts.push({ node: inner });
    }
  }
  return parts;
}

function flattenPlus(node: Node): Node[] {
  if (node.type === 'binary_expression' && fieldOf(node, 'operator')?.text === '+') {
    const l = fieldOf(node, 'left');
    const r = fieldOf(node, 'right');
    return [...(l ? flattenPlus(l) : []), ...(r ? [r] : [])];
  }
  return [node];
}

function argList(node: Node | null | undefined): { args: Node[]; named: Map<string, Node> } {
  const args: Node[] = [];
  const byName = new Map<string, Node>();
  for (const a of named(node)) {
    if (a.type !== 'argument') continue;
    const nameNode = fieldOf(a, 'name');
    const value = named(a).filter((c) => c.id !== nameNode?.id).at(-1);
    if (!value) continue;
    if (nameNode) byName.set(nameNode.text, value);
    else args.push(value);
  }
  return { args, named: byName };
}

function simpleName(node: Node | null | undefined): string {
  if (!node) return '';
  if (node.type === 'generic_name') return named(node).find((c) => c.type === 'identifier')?.text ?? node.text;
  return node.text;
}

/** The declared type a target-typed `new(...)` creates: `HMACSHA512 x = new(...)`. */
function targetType(node: Node): Node | null {
  const declarator = node.parent?.type === 'variable_declarator' ? node.parent : node.parent?.parent?.type === 'variable_declarator' ? node.parent.parent : null;
  return fieldOf(declarator?.parent, 'type') ?? null;
}

function callView(node: Node): CallView {
  if (node.type === 'object_creation_expression' || node.type === 'implicit_object_creation_expression') {
    const typeNode = fieldOf(node, 'type') ?? (node.type === 'implicit_object_creation_expression' ? targetType(node) : null);
    const type = (typeNode?.text ?? '').replace(/<[\s\S]*>$/, '');
    const a = argList(fieldOf(node, 'arguments'));
    return { k: 'call', method: type.split('.').at(-1) ?? type, path: type ? type.split('.') : undefined, args: a.args, named: a.named, isNew: true, trailing: fieldOf(node, 'initializer') ?? named(node).find((c) => c.type === 'initializer_expression'), nameNode: typeNode ?? undefined };
  }
  const fn = fieldOf(node, 'function');
  const a = argList(fieldOf(node, 'arguments'));
  const view: CallView = { k: 'call', method: '', args: a.args, named: a.named, isNew: false };
  if (fn?.type === 'member_access_expression' || fn?.type === 'conditional_access_expression') {
    const nameNode = fieldOf(fn, 'name') ?? undefined;
    view.method = simpleName(nameNode);
    view.nameNode = nameNode;
    view.receiver = fieldOf(fn, 'expression') ?? named(fn)[0];
    const base = view.receiver ? namePath(csharpLang, view.receiver) : undefined;
    view.path = base ? [...base, view.method] : undefined;
  } else if (fn) {
    view.method = simpleName(fn);
    view.nameNode = fn;
    view.path = [view.method];
  }
  return view;
}

export const csharpLang: Lang = {
  id: 'csharp',
  expr(node: Node): Expr {
    switch (node.type) {
      case 'string_literal': case 'verbatim_string_literal': case 'raw_string_literal': {
        const v = csharpString(node);
        return v === undefined ? { k: 'other' } : { k: 'string', value: v };
      }
      case 'interpolated_string_expression': {
        const parts = templateParts(node);
        if (parts.every((p) => 'text' in p)) return { k: 'string', value: parts.map((p) => (p as { text: string }).text).join('') };
        return { k: 'template', parts };
      }
      case 'integer_literal': case 'real_literal': return { k: 'literal', kind: 'number', text: node.text };
      case 'boolean_literal': return { k: 'literal', kind: 'bool', text: node.text };
      case 'null_literal': return { k: 'literal', kind: 'null', text: 'null' };
      case 'character_literal': return { k: 'literal', kind: 'char', text: node.text };
      case 'identifier': return { k: 'name', name: node.text };
      case 'this_expression': case 'this': return { k: 'name', name: 'this' };
      case 'predefined_type': return { k: 'name', name: node.text };
      case 'parenthesized_expression': case 'await_expression': case 'checked_expression': {
        const inner = named(node)[0];
        return inner ? { k: 'wrap', inner } : { k: 'other' };
      }
      case 'postfix_unary_expression': {
        const inner = named(node)[0];
        return inner && node.text.endsWith('!') ? { k: 'wrap', inner } : { k: 'arith', op: '++' };
      }
      case 'binary_expression': {
        const op = fieldOf(node, 'operator')?.text ?? '';
        const left = fieldOf(node, 'left') ?? undefined;
        const right = fieldOf(node, 'right') ?? undefined;
        if (op === '+') return { k: 'concat', parts: flattenPlus(node) };
        if (op === '??') return { k: 'cond', branches: [left, right].filter((x): x is Node => !!x) };
        if (COMPARE.has(op)) return { k: 'bool-op', op, left, right };
        return { k: 'arith', op, left, right };
      }
      case 'prefix_unary_expression': {
        const operand = named(node)[0];
        return node.text.startsWith('!') ? { k: 'bool-op', op: '!', left: operand } : { k: 'arith', op: '-', left: operand };
      }
      case 'is_pattern_expression': case 'is_expression': return { k: 'bool-op', op: 'is' };
      case 'cast_expression': {
        const inner = fieldOf(node, 'value');
        return inner ? { k: 'cast', inner, type: fieldOf(node, 'type')?.text ?? '' } : { k: 'other' };
      }
      case 'member_access_expression': {
        const object = fieldOf(node, 'expression') ?? undefined;
        const name = simpleName(fieldOf(node, 'name'));
        const base = object ? namePath(csharpLang, object) : undefined;
        return { k: 'member', object, name, path: base ? [...base, name] : undefined };
      }
      case 'element_access_expression': {
        const object = fieldOf(node, 'expression');
        const sub = named(fieldOf(node, 'subscript'))[0];
        return object ? { k: 'index', object, index: sub ? named(sub)[0] ?? sub : undefined } : { k: 'other' };
      }
      case 'invocation_expression': case 'object_creation_expression': case 'implicit_object_creation_expression':
        return callView(node);
      case 'conditional_expression': {
        const a = fieldOf(node, 'consequence');
        const b = fieldOf(node, 'alternative');
        return { k: 'cond', condition: fieldOf(node, 'condition') ?? undefined, branches: [a, b].filter((x): x is Node => !!x) };
      }
      case 'lambda_expression': case 'anonymous_method_expression':
        return { k: 'lambda', params: [], body: fieldOf(node, 'body') ?? undefined };
      case 'initializer_expression': case 'collection_expression': return { k: 'list', items: named(node) };
      case 'array_creation_expression': case 'implicit_array_creation_expression': {
        const init = named(node).find((c) => c.type === 'initializer_expression');
        return init ? { k: 'list', items: named(init) } : { k: 'other' };
      }
      default:
        return { k: 'other' };
    }
  },
  scopeTypes: new Set(['method_declaration', 'constructor_declaration', 'local_function_statement', 'lambda_expression', 'anonymous_method_expression', 'accessor_declaration', 'operator_declaration']),
  scopeParams(node: Node): Param[] | undefined {
    if (!this.scopeTypes.has(node.type)) return undefined;
    if (node.type === 'accessor_declaration') return [];
    const params = fieldOf(node, 'parameters') ?? named(node).find((c) => c.type === 'parameter_list');
    if (params?.type === 'identifier') return [{ name: params.text }];
    return named(params).filter((p) => p.type === 'parameter').map((p) => ({ name: fieldOf(p, 'name')?.text ?? '', type: fieldOf(p, 'type')?.text.replace(/\?$/, '') })).filter((p) => p.name);
  },
  classTypes: new Set(['declaration_list']),
  callTypes: new Set(['invocation_expression', 'object_creation_expression', 'implicit_object_creation_expression']),
  conditionalTypes: new Set(['if_statement', 'for_statement', 'foreach_statement', 'while_statement', 'do_statement', 'switch_section', 'catch_clause', 'conditional_expression', 'switch_expression_arm']),
  numericTypes: new Set(['int', 'long', 'short', 'byte', 'uint', 'ulong', 'ushort', 'sbyte', 'double', 'float', 'decimal', 'bool', 'char', 'Int32', 'Int64', 'Guid', 'DateTime', 'DateTimeOffset', 'TimeSpan', 'Boolean', 'Double', 'Decimal']),
  bindings(node: Node): RawBinding[] | undefined {
    switch (node.type) {
      case 'variable_declaration': {
        const type = fieldOf(node, 'type')?.text;
        const holder = node.parent;
        const modifiers = named(holder).filter((c) => c.type === 'modifier').map((c) => c.text);
        const isFinal = modifiers.includes('const') || modifiers.includes('readonly');
        return named(node).filter((d) => d.type === 'variable_declarator').map((d) => {
          const nameNode = fieldOf(d, 'name') ?? named(d)[0];
          const value = named(d).filter((c) => c.id !== nameNode?.id && c.type !== 'bracketed_argument_list').at(-1);
          return { name: nameNode?.text ?? '', op: value ? '=' : 'declare', value, type: type === 'var' ? undefined : type, isFinal } satisfies RawBinding;
        }).filter((b) => b.name);
      }
      case 'assignment_expression': {
        const left = fieldOf(node, 'left');
        const op = fieldOf(node, 'operator')?.text ?? '=';
        const right = fieldOf(node, 'right') ?? undefined;
        let name: string | undefined;
        if (left?.type === 'identifier') name = left.text;
        else if (left?.type === 'member_access_expression' && fieldOf(left, 'expression')?.type.startsWith('this')) name = fieldOf(left, 'name')?.text;
        if (!name) {
          const target = left?.type === 'element_access_expression' ? fieldOf(left, 'expression') : null;
          if (target?.type === 'identifier' && right && op === '=') return [{ name: target.text, op: 'call', method: 'put', args: [named(fieldOf(left, 'subscript'))[0] ?? left!, right] }];
          return undefined;
        }
        if (op === '=' || op === '??=') return [{ name, op: '=', value: right }];
        if (op === '+=') return [{ name, op: '+=', value: right }];
        return [{ name, op: 'opaque' }];
      }
      case 'foreach_statement': {
        const left = fieldOf(node, 'left');
        return left?.type === 'identifier' ? [{ name: left.text, op: 'opaque' }] : undefined;
      }
      case 'declaration_expression': {
        const name = fieldOf(node, 'name')?.text;
        return name ? [{ name, op: 'opaque' }] : undefined;
      }
      case 'catch_declaration': {
        const name = fieldOf(node, 'name')?.text;
        return name ? [{ name, op: 'opaque' }] : undefined;
      }
      default:
        return undefined;
    }
  },
  guardOf(parent: Node, child: Node): Guard | undefined {
    if (parent.type === 'if_statement' || parent.type === 'conditional_expression') {
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

const SAME_METHODS = new Set(['ToString', 'Trim', 'TrimStart', 'TrimEnd', 'ToLower', 'ToUpper', 'ToLowerInvariant', 'ToUpperInvariant', 'Replace', 'Substring', 'Normalize']);
const NUMERIC = /^(int|long|Int32|Int64|double|decimal|Guid|Convert)\.(Parse|TryParse|ToInt32|ToInt64|ToDouble|ToDecimal|NewGuid|ToBoolean)$|^(Math\.\w+|DateTime\.(Now|UtcNow|Today))$/;
const NUMERIC_METHODS = new Set(['Count', 'Length', 'GetHashCode', 'CompareTo', 'Equals', 'Contains', 'StartsWith', 'EndsWith', 'IndexOf', 'Any']);
const SAFE = /^(QuoteIdentifier|EscapeString|QuoteName|Escape|EscapeSql)$/;
const REQUEST = /^(Request|request|HttpContext|httpContext|context|Context|req)$/;

export const csharpTextHooks: TextHooks = {
  appendMethods: new Set(['Append', 'AppendLine', 'AppendFormat', 'Insert']),
  addMethods: new Set(['Add', 'Push', 'Enqueue', 'Append']),
  textCall(call: CallView, _node: Node, values: FileValues): TextCall | undefined {
    const path = call.path?.join('.') ?? call.method;
    const last2 = call.path?.slice(-2).join('.') ?? path;
    if (/^(string|String)\.Format$/.test(last2)) {
      const args = call.args[0] && /Culture|Provider/.test(call.args[0].text) ? call.args.slice(1) : call.args;
      return args[0] ? { kind: 'format', format: args[0], args: args.slice(1), style: 'braces' } : undefined;
    }
    if (/^(string|String)\.Join$/.test(last2)) {
      if (call.args.length === 2) return { kind: 'join', items: call.args[1], separator: call.args[0] };
      return { kind: 'join', itemNodes: call.args.slice(1), separator: call.args[0] };
    }
    if (/^(string|String)\.Concat$/.test(last2)) return call.args.length === 1 ? { kind: 'join', items: call.args[0] } : { kind: 'concat', parts: call.args };
    if (NUMERIC.test(last2) || NUMERIC.test(path)) return { kind: 'numeric' };
    if (SAFE.test(call.method)) return { kind: 'safe' };
    if (call.isNew) {
      if (call.method === 'StringBuilder') {
        const first = call.args[0];
        return { kind: 'builder', initial: first && values.lang.expr(first).k !== 'literal' ? first : undefined };
      }
      return undefined;
    }
    if (call.receiver) {
      if (SAME_METHODS.has(call.method)) {
        const recv = values.lang.expr(call.receiver);
        if (call.method === 'ToString' && recv.k === 'name') {
          const res = values.resolve(recv.name, call.receiver);
          if (res.kind === 'param' && res.param.type && values.lang.numericTypes.has(res.param.type)) return { kind: 'numeric' };
        }
        return { kind: 'same', inner: call.receiver };
      }
      if (NUMERIC_METHODS.has(call.method)) return { kind: 'numeric' };
      const root = namePath(values.lang, call.receiver);
      if (root && REQUEST.test(root[0]!) && /^(Query|Form|Headers|Cookies|RouteValues)$/.test(root.at(-1)!) && /^(Get|TryGetValue|GetValueOrDefault)$/.test(call.method)) return { kind: 'input' };
    }
    if (/^(WebUtility|HttpUtility)\.(UrlDecode|HtmlDecode|HtmlEncode|UrlEncode)$/.test(last2) && call.args[0]) return { kind: 'same', inner: call.args[0] };
    return undefined;
  },
  isInput(_node: Node, e: Expr, values: FileValues): boolean {
    if (e.k === 'index') {
      const path = namePath(values.lang, e.object);
      return !!path && REQUEST.test(path[0]!) && /^(Query|Form|Headers|Cookies|RouteValues|QueryString|Params)$/.test(path.at(-1)!);
    }
    return false;
  },
};
