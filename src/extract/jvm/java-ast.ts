// Java (tree-sitter-java) -> JvmFile outline: package, imports, classes, annotations with their
// arguments, methods and string constants. Syntax only; no route knowledge here.
import type { Node } from '../tree-sitter/ast.js';
import { namedChildren } from '../tree-sitter/ast.js';
import type { JvmAnnotation, JvmArg, JvmClass, JvmClassKind, JvmExpr, JvmFile, JvmMethod } from './jvm-source.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const CLASS_TYPES: Record<string, JvmClassKind> = {
  class_declaration: 'class',
  interface_declaration: 'interface',
  annotation_type_declaration: 'annotation',
  enum_declaration: 'enum',
  record_declaration: 'record',
};

/** Decodes the escapes of a Java string literal fragment. */
export function unescapeJava(text: string): string {
  return text.replace(/\\(u+[0-9a-fA-F]{4}|[0-7]{1,3}|.)/g, (_, esc: string) => {
    if (esc.startsWith('u')) return String.fromCharCode(parseInt(esc.replace(/^u+/, ''), 16));
    if (/^[0-7]/.test(esc)) return String.fromCharCode(parseInt(esc, 8));
    const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', s: ' ' };
    return map[esc] ?? esc;
  });
}

/** The value of a Java string literal (or text block), or undefined for other nodes. */
export function javaStringValue(node: Node | null | undefined): string | undefined {
  if (!node || node.type !== 'string_literal') return undefined;
  let out = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'string_fragment' || child.type === 'multiline_string_fragment') out += child.text;
    else if (child.type === 'escape_sequence') out += unescapeJava(child.text);
  }
  return out;
}

/** A dotted name (`a.b.C`) from identifier / scoped_identifier / field_access / type nodes; undefined otherwise. */
export function javaDottedName(node: Node | null | undefined): string[] | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'identifier':
    case 'type_identifier':
      return [node.text];
    case 'scoped_identifier':
    case 'scoped_type_identifier':
    case 'field_access': {
      const parts: string[] = [];
      for (const child of namedChildren(node)) {
        const sub = javaDottedName(child);
        if (!sub) return undefined;
        parts.push(...sub);
      }
      return parts.length ? parts : undefined;
    }
    case 'generic_type':
      return javaDottedName(namedChildren(node)[0]);
    case 'parenthesized_expression':
      return javaDottedName(namedChildren(node)[0]);
    default:
      return undefined;
  }
}

/** An expression as a JvmExpr (annotation element values, constant initialisers). */
export function javaExpr(node: Node | null | undefined): JvmExpr {
  if (!node) return { kind: 'other', text: '' };
  switch (node.type) {
    case 'string_literal':
      return { kind: 'string', value: javaStringValue(node) ?? '' };
    case 'binary_expression': {
      const op = fieldOf(node, 'operator')?.text;
      if (op !== '+') return { kind: 'other', text: node.text };
      const parts: JvmExpr[] = [];
      for (const side of [fieldOf(node, 'left'), fieldOf(node, 'right')]) {
        const expr = javaExpr(side);
        if (expr.kind === 'concat') parts.push(...expr.parts);
        else parts.push(expr);
      }
      return { kind: 'concat', parts };
    }
    case 'parenthesized_expression':
      return javaExpr(namedChildren(node)[0]);
    case 'element_value_array_initializer':
    case 'array_initializer':
      return { kind: 'array', items: namedChildren(node).map(javaExpr) };
    case 'array_creation_expression': {
      const init = namedChildren(node).find((c) => c.type === 'array_initializer');
      return init ? javaExpr(init) : { kind: 'other', text: node.text };
    }
    case 'annotation':
    case 'marker_annotation':
      return { kind: 'annotation', annotation: javaAnnotation(node) };
    case 'cast_expression':
      return javaExpr(fieldOf(node, 'value'));
    default: {
      const path = javaDottedName(node);
      return path ? { kind: 'name', path } : { kind: 'other', text: node.text };
    }
  }
}

export function javaAnnotation(node: Node): JvmAnnotation {
  const nameNode = fieldOf(node, 'name');
  const name = (javaDottedName(nameNode) ?? [nameNode?.text ?? '']).join('.');
  const args: JvmArg[] = [];
  const list = fieldOf(node, 'arguments');
  for (const child of namedChildren(list)) {
    if (child.type === 'element_value_pair') {
      args.push({ name: fieldOf(child, 'key')?.text ?? 'value', value: javaExpr(fieldOf(child, 'value')) });
    } else if (child.type === 'ERROR') {
      // `@RequestMapping("/x", method = ...)` (positional value before named ones) is not Java, but
      // appears in real code and fixtures: the grammar wraps the positional value in an ERROR node.
      // Likewise a Kotlin-style array `method = [A.GET, A.POST]`: the grammar keeps `A.GET` as the
      // value and leaves `A POST` as identifiers in an ERROR node after it.
      const inner = namedChildren(child);
      const previous = args[args.length - 1];
      if (previous?.name && inner.length > 0 && inner.every((n) => n.type === 'identifier')) {
        const item: JvmExpr = { kind: 'name', path: inner.map((n) => n.text) };
        previous.value = { kind: 'array', items: [...(previous.value.kind === 'array' ? previous.value.items : [previous.value]), item] };
      } else for (const n of inner) args.push({ value: javaExpr(n) });
    } else {
      args.push({ value: javaExpr(child) });
    }
  }
  return { name, simpleName: name.slice(name.lastIndexOf('.') + 1), args, node };
}

function modifiersOf(node: Node): Node | undefined {
  return namedChildren(node).find((c) => c.type === 'modifiers');
}

export function javaAnnotations(node: Node): JvmAnnotation[] {
  return namedChildren(modifiersOf(node))
    .filter((c) => c.type === 'annotation' || c.type === 'marker_annotation')
    .map(javaAnnotation);
}

function hasModifier(node: Node, keyword: string): boolean {
  const mods = modifiersOf(node);
  if (!mods) return false;
  for (let i = 0; i < mods.childCount; i++) if (mods.child(i)?.type === keyword) return true;
  return false;
}

function typeNames(node: Node | null | undefined): string[] {
  const out: string[] = [];
  for (const child of namedChildren(node)) {
    if (child.type === 'type_list') out.push(...typeNames(child));
    else {
      const name = javaDottedName(child);
      if (name) out.push(name.join('.'));
    }
  }
  return out;
}

function supertypesOf(node: Node): string[] {
  const out: string[] = [];
  const superclass = fieldOf(node, 'superclass');
  if (superclass) out.push(...typeNames(superclass));
  const interfaces = fieldOf(node, 'interfaces');
  if (interfaces) out.push(...typeNames(interfaces));
  for (const child of namedChildren(node)) if (child.type === 'extends_interfaces') out.push(...typeNames(child));
  return out;
}

function bodyMembers(body: Node | null | undefined): Node[] {
  const out: Node[] = [];
  for (const child of namedChildren(body)) {
    if (child.type === 'enum_body_declarations') out.push(...namedChildren(child));
    else out.push(child);
  }
  return out;
}

function javaMethod(node: Node): JvmMethod {
  const parameterAnnotations: string[] = [];
  for (const param of namedChildren(fieldOf(node, 'parameters'))) {
    for (const ann of javaAnnotations(param)) parameterAnnotations.push(ann.simpleName);
  }
  const returnType = javaDottedName(fieldOf(node, 'type'))?.join('.');
  const body = fieldOf(node, 'body') ?? undefined;
  return {
    name: fieldOf(node, 'name')?.text ?? '', annotations: javaAnnotations(node), node, parameterAnnotations,
    ...(returnType ? { returnType } : {}), ...(body ? { body } : {}),
  };
}

function javaClass(node: Node, kind: JvmClassKind, outer: readonly string[]): JvmClass {
  const name = fieldOf(node, 'name')?.text ?? '';
  const qualifiedPath = [...outer, name];
  const cls: JvmClass = {
    name,
    qualifiedPath,
    kind,
    isAbstract: kind === 'interface' || hasModifier(node, 'abstract'),
    annotations: javaAnnotations(node),
    supertypes: supertypesOf(node),
    methods: [],
    classes: [],
    constants: new Map(),
    constantNodes: new Map(),
    node,
  };
  for (const member of bodyMembers(fieldOf(node, 'body'))) {
    const nested = CLASS_TYPES[member.type];
    if (nested) cls.classes.push(javaClass(member, nested, qualifiedPath));
    else if (member.type === 'method_declaration' || member.type === 'annotation_type_element_declaration') cls.methods.push(javaMethod(member));
    else if (member.type === 'field_declaration' || member.type === 'constant_declaration') {
      for (const declarator of namedChildren(member)) {
        if (declarator.type !== 'variable_declarator') continue;
        const value = fieldOf(declarator, 'value');
        const fieldName = fieldOf(declarator, 'name')?.text;
        if (value && fieldName) {
          cls.constants.set(fieldName, javaExpr(value));
          cls.constantNodes.set(fieldName, declarator);
        }
      }
    }
  }
  return cls;
}

/** Builds the outline of a Java file. */
export function javaFile(path: string, root: Node): JvmFile {
  const file: JvmFile = {
    path, language: 'java', packageName: '', imports: new Map(), wildcardImports: [], staticImports: new Map(),
    classes: [], constants: new Map(), constantNodes: new Map(), root,
  };
  for (const child of namedChildren(root)) {
    if (child.type === 'package_declaration') {
      file.packageName = (javaDottedName(namedChildren(child).find((c) => c.type !== 'annotation' && c.type !== 'marker_annotation')) ?? []).join('.');
    } else if (child.type === 'import_declaration') {
      let isStatic = false;
      let isWildcard = false;
      for (let i = 0; i < child.childCount; i++) {
        const t = child.child(i)?.type;
        if (t === 'static') isStatic = true;
        if (t === 'asterisk') isWildcard = true;
      }
      const name = javaDottedName(namedChildren(child).find((c) => c.type === 'scoped_identifier' || c.type === 'identifier'));
      if (!name) continue;
      const fqn = name.join('.');
      if (isWildcard) {
        if (!isStatic) file.wildcardImports.push(fqn);
      } else if (isStatic) file.staticImports.set(name[name.length - 1]!, fqn);
      else file.imports.set(name[name.length - 1]!, fqn);
    } else {
      const kind = CLASS_TYPES[child.type];
      if (kind) file.classes.push(javaClass(child, kind, []));
    }
  }
  return file;
}
