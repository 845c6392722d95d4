// Java syntax for the shared code-fact engine: expression views, scopes, bindings and branch guards
// over the tree-sitter-java grammar.
import type { CallView, Expr, Guard, Lang, Node, Param, RawBinding } from '../core/expr.js';
import { namePath } from '../core/expr.js';
import { decodeEscapes } from '../core/strings.js';
import { namedChildren as named } from '../../tree-sitter/ast.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

const COMPARE = new Set(['==', '!=', '<', '>', '<=', '>=', '&&', '||']);
const NUMBER_TYPES = ['decimal_integer_literal', 'hex_integer_literal', 'octal_integer_literal', 'binary_integer_literal', 'decimal_floating_point_literal', 'hex_floating_point_literal'];

export { named };

/** The value of a Java string literal or text block, escapes decoded. */
export function javaString(node: Node): string | undefined {
  if (node.type !== 'string_literal') return undefined;
  let out = '';
  for (const c of named(node)) {
    if (c.type === 'string_fragment' || c.type === 'multiline_string_fragment') out += c.text;
    else if (c.type === 'escape_sequence') out += decodeEscapes(c.text);
    else return undefined;
  }
  return out;
}

function flattenPlus(node: Node): Node[] {
  if (node.type === 'binary_expression' && fieldOf(node, 'operator')?.text === '+') {
    const l = fieldOf(node, 'left');
    const r = fieldOf(node, 'right');
    return [...(l ? flattenPlus(l) : []), ...(r ? [r] : [])];
  }
  return [node];
}

function typeName(type: Node | null | undefined): string {
  if (!type) return '';
  const text = type.text.replace(/<[\s\S]*>$/, '');
  return text;
}

function callView(node: Node): CallView {
  if (node.type === 'object_creation_expression') {
    const type = typeName(fieldOf(node, 'type'));
    const body = named(node).find((c) => c.type === 'class_body');
    return { k: 'call', method: type.split('.').at(-1) ?? type, path: type.split('.'), args: named(fieldOf(node, 'arguments')), named: new Map(), isNew: true, trailing: body, nameNode: fieldOf(node, 'type') ?? undefined };
  }
  const object = fieldOf(node, 'object') ?? undefined;
  const nameNode = fieldOf(node, 'name') ?? undefined;
  const method = nameNode?.text ?? '';
  const base = object ? namePath(javaLang, object) : [];
  return {
    k: 'call', method, receiver: object, args: named(fieldOf(node, 'arguments')), named: new Map(), isNew: false, nameNode,
    path: base ? [...base, method] : undefined,
  };
}

export const javaLang: Lang = {
  id: 'java',
  expr(node: Node): Expr {
    switch (node.type) {
      case 'string_literal': {
        const v = javaString(node);
        return v === undefined ? { k: 'other' } : { k: 'string', value: v };
      }
      case 'character_literal': return { k: 'literal', kind: 'char', text: node.text };
      case 'true': case 'false': return { k: 'literal', kind: 'bool', text: node.text };
      case 'null_literal': return { k: 'literal', kind: 'null', text: node.text };
      case 'identifier': return { k: 'name', name: node.text };
      case 'this': return { k: 'name', name: 'this' };
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
        const operand = fieldOf(node, 'operand') ?? undefined;
        return op === '!' ? { k: 'bool-op', op, left: operand } : { k: 'arith', op, left: operand };
      }
      case 'update_expression': return { k: 'arith', op: '++' };
      case 'instanceof_expression': return { k: 'bool-op', op: 'instanceof' };
      case 'field_access': {
        const object = fieldOf(node, 'object') ?? undefined;
        const name = fieldOf(node, 'field')?.text ?? '';
        const base = object ? namePath(javaLang, object) : undefined;
        return { k: 'member', object, name, path: base ? [...base, name] : undefined };
      }
      case 'array_access': {
        const object = fieldOf(node, 'array');
        return object ? { k: 'index', object, index: fieldOf(node, 'index') ?? undefined } : { k: 'other' };
      }
      case 'method_invocation':
      case 'object_creation_expression':
        return callView(node);
      case 'cast_expression': {
        const inner = fieldOf(node, 'value');
        return inner ? { k: 'cast', inner, type: typeName(fieldOf(node, 'type')) } : { k: 'other' };
      }
      case 'ternary_expression': {
        const a = fieldOf(node, 'consequence');
        const b = fieldOf(node, 'alternative');
        return { k: 'cond', condition: fieldOf(node, 'condition') ?? undefined, branches: [a, b].filter((x): x is Node => !!x) };
      }
      case 'array_initializer': return { k: 'list', items: named(node) };
      case 'array_creation_expression': {
        const init = fieldOf(node, 'value') ?? named(node).find((c) => c.type === 'array_initializer');
        return { k: 'list', items: init ? named(init) : [] };
      }
      case 'lambda_expression': return { k: 'lambda', params: [], body: fieldOf(node, 'body') ?? undefined };
      default:
        if (NUMBER_TYPES.includes(node.type)) return { k: 'literal', kind: 'number', text: node.text };
        return { k: 'other' };
    }
  },
  scopeTypes: new Set(['method_declaration', 'constructor_declaration', 'compact_constructor_declaration', 'lambda_expression', 'static_initializer']),
  scopeParams(node: Node): Param[] | undefined {
    if (!this.scopeTypes.has(node.type)) return undefined;
    if (node.type === 'static_initializer') return [];
    const params = fieldOf(node, 'parameters');
    if (node.type === 'lambda_expression') {
      if (!params) return [];
      if (params.type === 'identifier') return [{ name: params.text }];
      return named(params).map((p) => (p.type === 'identifier' ? { name: p.text } : { name: fieldOf(p, 'name')?.text ?? '', type: typeName(fieldOf(p, 'type')) })).filter((p) => p.name);
    }
    return named(params).filter((p) => p.type === 'formal_parameter' || p.type === 'spread_parameter').map((p) => {
      const nameNode = fieldOf(p, 'name') ?? named(p).find((c) => c.type === 'variable_declarator')?.childForFieldName('name') ?? named(p).find((c) => c.type === 'identifier');
      return { name: nameNode?.text ?? '', type: typeName(fieldOf(p, 'type')) };
    }).filter((p) => p.name);
  },
  classTypes: new Set(['class_body', 'interface_body', 'enum_body', 'enum_body_declarations', 'record_declaration_body', 'annotation_type_body']),
  callTypes: new Set(['method_invocation', 'object_creation_expression']),
  conditionalTypes: new Set(['if_statement', 'for_statement', 'enhanced_for_statement', 'while_statement', 'do_statement', 'switch_block_statement_group', 'switch_rule', 'catch_clause', 'ternary_expression']),
  numericTypes: new Set(['int', 'long', 'short', 'byte', 'double', 'float', 'boolean', 'char', 'Integer', 'Long', 'Short', 'Byte', 'Double', 'Float', 'Boolean', 'Character', 'BigDecimal', 'BigInteger', 'UUID', 'java.util.UUID', 'LocalDate', 'LocalDateTime', 'Instant', 'Date', 'java.util.Date', 'AtomicInteger', 'AtomicLong', 'OptionalInt', 'OptionalLong']),
  bindings(node: Node): RawBinding[] | undefined {
    switch (node.type) {
      case 'local_variable_declaration':
      case 'field_declaration':
      case 'constant_declaration': {
        const type = typeName(fieldOf(node, 'type'));
        const modifiers = named(node).find((c) => c.type === 'modifiers')?.text ?? '';
        const isFinal = /\bfinal\b/.test(modifiers) || node.type === 'constant_declaration' || (node.parent?.type === 'interface_body');
        return node.childrenForFieldName('declarator').filter((d): d is Node => !!d).map((d) => {
          const value = fieldOf(d, 'value') ?? undefined;
          return { name: fieldOf(d, 'name')?.text ?? '', op: value ? '=' : 'declare', value, type: type === 'var' ? undefined : type, isFinal } satisfies RawBinding;
        }).filter((b) => b.name);
      }
      case 'assignment_expression': {
        const left = fieldOf(node, 'left');
        const op = fieldOf(node, 'operator')?.text ?? '=';
        const right = fieldOf(node, 'right') ?? undefined;
        let name: string | undefined;
        if (left?.type === 'identifier') name = left.text;
        else if (left?.type === 'field_access' && fieldOf(left, 'object')?.type === 'this') name = fieldOf(left, 'field')?.text;
        if (!name) {
          // arr[i] = v: an item stored into a local array
          const array = left?.type === 'array_access' ? fieldOf(left, 'array') : null;
          if (array?.type === 'identifier' && right && op === '=') return [{ name: array.text, op: 'call', method: 'put', args: [fieldOf(left, 'index') ?? left!, right] }];
          return undefined;
        }
        if (op === '=') return [{ name, op: '=', value: right }];
        if (op === '+=') return [{ name, op: '+=', value: right }];
        return [{ name, op: 'opaque' }];
      }
      case 'enhanced_for_statement': {
        const name = fieldOf(node, 'name')?.text;
        return name ? [{ name, op: 'opaque', type: typeName(fieldOf(node, 'type')) }] : undefined;
      }
      case 'catch_formal_parameter': {
        const name = fieldOf(node, 'name')?.text;
        return name ? [{ name, op: 'opaque' }] : undefined;
      }
      case 'resource': {
        const name = fieldOf(node, 'name')?.text;
        const value = fieldOf(node, 'value') ?? undefined;
        return name ? [{ name, op: value ? '=' : 'opaque', value, type: typeName(fieldOf(node, 'type')) }] : undefined;
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
    if (parent.type === 'ternary_expression') {
      const cond = fieldOf(parent, 'condition');
      if (!cond) return undefined;
      if (fieldOf(parent, 'consequence')?.id === child.id) return { kind: 'if', cond, when: true };
      if (fieldOf(parent, 'alternative')?.id === child.id) return { kind: 'if', cond, when: false };
      return undefined;
    }
    if (parent.type === 'switch_block_statement_group' || parent.type === 'switch_rule') {
      const block = parent.parent;
      const sw = block?.parent;
      const subject = fieldOf(sw, 'condition');
      if (!block || !subject) return undefined;
      const labelsOf = (g: Node) => named(g).filter((c) => c.type === 'switch_label').flatMap((l) => named(l));
      const isDefault = named(parent).some((c) => c.type === 'switch_label' && /^default\b/.test(c.text));
      const siblings = named(block).filter((g) => g.id !== parent.id).flatMap(labelsOf);
      return { kind: 'case', subject, labels: labelsOf(parent), isDefault, siblings };
    }
    return undefined;
  },
};
