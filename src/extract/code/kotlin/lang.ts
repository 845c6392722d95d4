// Kotlin syntax for the shared code-fact engine (tree-sitter-kotlin): expression views (string
// templates `"$x"` / `"${x}"`, calls with value_arguments and trailing lambdas, navigation chains),
// scopes, bindings (`val` / `var` / `const val`, `=`, `+=`), and guards.
import type { CallView, Expr, Guard, Lang, Node, Param, RawBinding, TemplatePart } from '../core/expr.js';
import { namePath } from '../core/expr.js';
import { decodeEscapes } from '../core/strings.js';
import { namedChildren as named } from '../../tree-sitter/ast.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

const COMPARE = new Set(['==', '!=', '===', '!==', '<', '>', '<=', '>=', '&&', '||', 'in', '!in', 'is', '!is']);

export { named };

/** The operator token of a binary / assignment node (its first anonymous child that is not punctuation). */
export function operatorOf(node: Node): string {
  for (let i = 0; i < node.childCount; i++) {
    const c = node.child(i);
    if (c && !c.isNamed && !/^[(){}\[\],;]$/.test(c.text)) return c.text;
  }
  return '';
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*/;

function templateParts(node: Node): TemplatePart[] {
  const parts: TemplatePart[] = [];
  const children = named(node);
  for (let i = 0; i < children.length; i++) {
    const c = children[i]!;
    if (c.type === 'string_content') {
      const next = children[i + 1];
      if (c.text === '$' && next?.type === 'string_content' && IDENT.test(next.text)) {
        const id = IDENT.exec(next.text)![0];
        parts.push({ name: id, at: next });
        const rest = next.text.slice(id.length);
        if (rest) parts.push({ text: rest });
        i++;
        continue;
      }
      parts.push({ text: c.text });
    } else if (c.type === 'escape_sequence') parts.push({ text: decodeEscapes(c.text) });
    else if (c.type === 'interpolation') {
      const inner = named(c)[0];
      if (inner) parts.push({ node: inner });
    } else parts.push({ node: c });
  }
  return parts;
}

function flattenPlus(node: Node): Node[] {
  if (node.type === 'binary_expression' && operatorOf(node) === '+') {
    const l = fieldOf(node, 'left');
    const r = fieldOf(node, 'right');
    return [...(l ? flattenPlus(l) : []), ...(r ? [r] : [])];
  }
  return [node];
}

function callView(node: Node): CallView {
  const parts = named(node);
  const callee = parts[0];
  const argsNode = parts.find((c) => c.type === 'value_arguments');
  const lambda = parts.find((c) => c.type === 'annotated_lambda');
  const args: Node[] = [];
  const byName = new Map<string, Node>();
  for (const a of named(argsNode)) {
    if (a.type !== 'value_argument') continue;
    const inner = named(a);
    const value = inner.at(-1);
    if (!value) continue;
    if (inner.length >= 2 && inner[0]!.type === 'identifier' && /=/.test(a.text.slice(inner[0]!.endIndex - a.startIndex, value.startIndex - a.startIndex))) byName.set(inner[0]!.text, value);
    else args.push(value);
  }
  const view: CallView = { k: 'call', method: '', args, named: byName, isNew: false, trailing: lambda };
  if (!callee) return view;
  if (callee.type === 'navigation_expression') {
    const [object, member] = named(callee);
    view.method = member?.text ?? '';
    view.nameNode = member;
    view.receiver = object;
    const base = object ? namePath(kotlinLang, object) : undefined;
    view.path = base ? [...base, view.method] : undefined;
  } else if (callee.type === 'identifier') {
    view.method = callee.text;
    view.nameNode = callee;
    view.path = [callee.text];
    // constructor calls look like function calls: an upper-case name is a class
    view.isNew = /^[A-Z]/.test(callee.text) && !/^[A-Z0-9_]+$/.test(callee.text);
  } else if (callee.type === 'call_expression') {
    // f(x) { ... } trailing lambda: the inner call carries the arguments
    return { ...callView(callee), trailing: lambda };
  } else {
    view.method = callee.text;
  }
  return view;
}

export const kotlinLang: Lang = {
  id: 'kotlin',
  expr(node: Node): Expr {
    switch (node.type) {
      case 'string_literal': case 'multiline_string_literal': {
        const parts = templateParts(node);
        if (parts.every((p) => 'text' in p)) return { k: 'string', value: parts.map((p) => (p as { text: string }).text).join('') };
        return { k: 'template', parts };
      }
      case 'number_literal': case 'integer_literal': case 'long_literal': case 'real_literal': case 'hex_literal': case 'bin_literal': case 'unsigned_literal':
        return { k: 'literal', kind: 'number', text: node.text };
      case 'character_literal': return { k: 'literal', kind: 'char', text: node.text };
      case 'boolean_literal': return { k: 'literal', kind: 'bool', text: node.text };
      case 'null_literal': return { k: 'literal', kind: 'null', text: 'null' };
      case 'identifier': case 'simple_identifier':
        if (node.text === 'true' || node.text === 'false') return { k: 'literal', kind: 'bool', text: node.text };
        if (node.text === 'null') return { k: 'literal', kind: 'null', text: 'null' };
        return { k: 'name', name: node.text };
      case 'this_expression': return { k: 'name', name: 'this' };
      case 'parenthesized_expression': {
        const inner = named(node)[0];
        return inner ? { k: 'wrap', inner } : { k: 'other' };
      }
      case 'binary_expression': {
        const op = operatorOf(node);
        const left = fieldOf(node, 'left') ?? undefined;
        const right = fieldOf(node, 'right') ?? undefined;
        if (op === '+') return { k: 'concat', parts: flattenPlus(node) };
        if (op === '?:') return { k: 'cond', branches: [left, right].filter((x): x is Node => !!x) };
        if (COMPARE.has(op)) return { k: 'bool-op', op, left, right };
        return { k: 'arith', op, left, right };
      }
      case 'unary_expression': case 'prefix_expression': case 'postfix_expression': {
        const op = operatorOf(node);
        const arg = fieldOf(node, 'argument') ?? named(node)[0];
        if (!arg) return { k: 'other' };
        if (op === '!!') return { k: 'wrap', inner: arg };
        if (op === '!') return { k: 'bool-op', op, left: arg };
        return { k: 'arith', op, left: arg };
      }
      case 'as_expression': {
        const left = fieldOf(node, 'left');
        return left ? { k: 'cast', inner: left, type: fieldOf(node, 'right')?.text.replace(/\?$/, '') ?? '' } : { k: 'other' };
      }
      case 'is_expression': case 'in_expression': return { k: 'bool-op', op: 'is' };
      case 'navigation_expression': {
        const [object, member] = named(node);
        const name = member?.text ?? '';
        const base = object ? namePath(kotlinLang, object) : undefined;
        return { k: 'member', object, name, path: base ? [...base, name] : undefined };
      }
      case 'index_expression': {
        const [object, index] = named(node);
        return object ? { k: 'index', object, index } : { k: 'other' };
      }
      case 'call_expression': return callView(node);
      case 'if_expression': {
        const cond = fieldOf(node, 'condition') ?? undefined;
        const branches = named(node).filter((c) => c.id !== cond?.id).map((b) => (b.type === 'block' || b.type === 'control_structure_body' ? named(b).at(-1) : b)).filter((x): x is Node => !!x);
        return { k: 'cond', condition: cond, branches };
      }
      case 'when_expression': {
        const branches = named(node).filter((c) => c.type === 'when_entry').map((e) => named(e).filter((c) => c.id !== fieldOf(e, 'condition')?.id).at(-1)).filter((x): x is Node => !!x);
        return { k: 'cond', branches };
      }
      case 'lambda_literal': case 'anonymous_function': return { k: 'lambda', params: [] };
      case 'collection_literal': return { k: 'list', items: named(node) };
      default:
        return { k: 'other' };
    }
  },
  scopeTypes: new Set(['function_declaration', 'lambda_literal', 'anonymous_function', 'secondary_constructor', 'getter', 'setter', 'anonymous_initializer']),
  scopeParams(node: Node): Param[] | undefined {
    if (!this.scopeTypes.has(node.type)) return undefined;
    if (node.type === 'lambda_literal') {
      const params = named(node).find((c) => c.type === 'lambda_parameters');
      const out = named(params).map((p) => ({ name: named(p)[0]?.text ?? p.text })).filter((p) => p.name);
      if (!params) out.push({ name: 'it' });
      return out;
    }
    const list = named(node).find((c) => c.type === 'function_value_parameters');
    return named(list).filter((p) => p.type === 'parameter').map((p) => {
      const [id, type] = named(p);
      return { name: id?.text ?? '', type: type?.text.replace(/\?$/, '') };
    }).filter((p) => p.name);
  },
  classTypes: new Set(['class_body', 'enum_class_body']),
  callTypes: new Set(['call_expression']),
  conditionalTypes: new Set(['if_expression', 'when_entry', 'for_statement', 'while_statement', 'do_while_statement', 'catch_block', 'lambda_literal']),
  numericTypes: new Set(['Int', 'Long', 'Short', 'Byte', 'Double', 'Float', 'Boolean', 'Char', 'UInt', 'ULong', 'BigDecimal', 'BigInteger', 'UUID', 'LocalDate', 'LocalDateTime', 'Instant']),
  bindings(node: Node): RawBinding[] | undefined {
    switch (node.type) {
      case 'property_declaration': {
        const parts = named(node);
        const decl = parts.find((c) => c.type === 'variable_declaration');
        const multi = parts.find((c) => c.type === 'multi_variable_declaration');
        let isVal = false;
        for (let i = 0; i < node.childCount; i++) if (node.child(i)?.text === 'val') isVal = true;
        const isConst = parts.some((c) => c.type === 'modifiers' && /\bconst\b/.test(c.text));
        if (multi) return named(multi).map((d) => ({ name: named(d)[0]?.text ?? '', op: 'opaque' as const })).filter((b) => b.name);
        if (!decl) return undefined;
        const [id, type] = named(decl);
        const value = parts.find((c) => c.id !== decl.id && c.type !== 'modifiers' && c.type !== 'property_delegate' && c.type !== 'getter' && c.type !== 'setter' && c.type !== 'type_constraints');
        if (!id) return undefined;
        return [{ name: id.text, op: value ? '=' : 'declare', value, type: type?.text.replace(/\?$/, ''), isFinal: isVal || isConst }];
      }
      case 'assignment': {
        const left = fieldOf(node, 'left');
        const right = fieldOf(node, 'right') ?? undefined;
        const op = operatorOf(node);
        let name: string | undefined;
        if (left?.type === 'identifier') name = left.text;
        else if (left?.type === 'navigation_expression' && named(left)[0]?.type === 'this_expression') name = named(left)[1]?.text;
        if (!name) return undefined;
        if (op === '=') return [{ name, op: '=', value: right }];
        if (op === '+=') return [{ name, op: '+=', value: right }];
        return [{ name, op: 'opaque' }];
      }
      case 'for_statement': {
        const decl = named(node).find((c) => c.type === 'variable_declaration' || c.type === 'multi_variable_declaration');
        if (!decl) return undefined;
        const ids = decl.type === 'variable_declaration' ? [named(decl)[0]] : named(decl).map((d) => named(d)[0]);
        return ids.filter((x): x is Node => !!x).map((x) => ({ name: x.text, op: 'opaque' as const }));
      }
      case 'class_parameter': {
        const id = named(node).find((c) => c.type === 'identifier');
        return id ? [{ name: id.text, op: 'declare', isFinal: false }] : undefined;
      }
      default:
        return undefined;
    }
  },
  guardOf(parent: Node, child: Node): Guard | undefined {
    if (parent.type === 'if_expression') {
      const cond = fieldOf(parent, 'condition');
      if (!cond || child.id === cond.id) return undefined;
      const branches = named(parent).filter((c) => c.id !== cond.id);
      if (branches[0]?.id === child.id) return { kind: 'if', cond, when: true };
      if (branches[1]?.id === child.id) return { kind: 'if', cond, when: false };
    }
    return undefined;
  },
};
