// Kotlin (tree-sitter-kotlin) -> JvmFile outline: package, imports, classes / objects / interfaces,
// annotations with their arguments (`["/a"]`, `arrayOf(...)`), functions and string constants
// (`const val`, companion objects, top-level). Syntax only; no route knowledge here.
import type { Node } from '../tree-sitter/ast.js';
import { namedChildren } from '../tree-sitter/ast.js';
import type { JvmAnnotation, JvmArg, JvmClass, JvmClassKind, JvmExpr, JvmFile, JvmMethod } from './jvm-source.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const ARRAY_FACTORIES = new Set(['arrayOf', 'listOf', 'setOf', 'mutableListOf']);

/** Decodes Kotlin escapes (`\$`, `\n`, `\u0041`). */
function unescapeKotlin(text: string): string {
  if (text.startsWith('\\u')) return String.fromCharCode(parseInt(text.slice(2), 16));
  const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b' };
  const c = text.slice(1);
  return map[c] ?? c;
}

/** The value of a Kotlin string literal without interpolation, or undefined. */
export function kotlinStringValue(node: Node | null | undefined): string | undefined {
  if (!node || (node.type !== 'string_literal' && node.type !== 'multiline_string_literal')) return undefined;
  let out = '';
  const parts = namedChildren(node);
  for (let i = 0; i < parts.length; i++) {
    const child = parts[i]!;
    if (child.type === 'string_content') {
      // `"$name"` is split into '$' + 'name' content nodes by the grammar: an interpolation.
      if (child.text === '$' && i + 1 < parts.length && /^[A-Za-z_{]/.test(parts[i + 1]!.text)) return undefined;
      out += child.text;
    } else if (child.type === 'escape_sequence') out += unescapeKotlin(child.text);
    else return undefined; // interpolation
  }
  return out;
}

/** `a.b.C` from identifier / navigation_expression / user_type / qualified_identifier nodes. */
export function kotlinDottedName(node: Node | null | undefined): string[] | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'identifier':
    case 'simple_identifier':
    case 'type_identifier':
      return [node.text];
    case 'navigation_expression':
    case 'user_type':
    case 'qualified_identifier': {
      const parts: string[] = [];
      for (const child of namedChildren(node)) {
        if (child.type === 'type_arguments') continue;
        const sub = kotlinDottedName(child);
        if (!sub) return undefined;
        parts.push(...sub);
      }
      return parts.length ? parts : undefined;
    }
    case 'parenthesized_expression':
      return kotlinDottedName(namedChildren(node)[0]);
    default:
      return undefined;
  }
}

function valueArguments(node: Node | null | undefined): JvmArg[] {
  const args: JvmArg[] = [];
  for (const arg of namedChildren(node)) {
    if (arg.type !== 'value_argument') continue;
    const kids = namedChildren(arg);
    let name: string | undefined;
    let hasEquals = false;
    for (let i = 0; i < arg.childCount; i++) if (arg.child(i)?.type === '=') hasEquals = true;
    if (hasEquals && kids.length >= 2 && kids[0]!.type === 'identifier') name = kids[0]!.text;
    const valueNode = name ? kids[1] : kids[0];
    args.push({ ...(name ? { name } : {}), value: kotlinExpr(valueNode) });
  }
  return args;
}

/** An expression as a JvmExpr. */
export function kotlinExpr(node: Node | null | undefined): JvmExpr {
  if (!node) return { kind: 'other', text: '' };
  switch (node.type) {
    case 'string_literal':
    case 'multiline_string_literal': {
      const value = kotlinStringValue(node);
      return value === undefined ? { kind: 'other', text: node.text } : { kind: 'string', value };
    }
    case 'binary_expression':
    case 'additive_expression': {
      const kids = namedChildren(node);
      const op = fieldOf(node, 'operator')?.text ?? (node.childCount === 3 ? node.child(1)?.text : undefined);
      if (op !== '+' || kids.length < 2) return { kind: 'other', text: node.text };
      const parts: JvmExpr[] = [];
      for (const side of [kids[0], kids[kids.length - 1]]) {
        const expr = kotlinExpr(side);
        if (expr.kind === 'concat') parts.push(...expr.parts);
        else parts.push(expr);
      }
      return { kind: 'concat', parts };
    }
    case 'parenthesized_expression':
      return kotlinExpr(namedChildren(node)[0]);
    case 'collection_literal':
      return { kind: 'array', items: namedChildren(node).map(kotlinExpr) };
    case 'call_expression': {
      const [callee, args] = namedChildren(node);
      if (callee?.type === 'identifier' && ARRAY_FACTORIES.has(callee.text) && args?.type === 'value_arguments') {
        return { kind: 'array', items: valueArguments(args).map((a) => a.value) };
      }
      return { kind: 'other', text: node.text };
    }
    case 'annotation':
      return { kind: 'annotation', annotation: kotlinAnnotation(node) };
    default: {
      const path = kotlinDottedName(node);
      return path ? { kind: 'name', path } : { kind: 'other', text: node.text };
    }
  }
}

export function kotlinAnnotation(node: Node): JvmAnnotation {
  let typeNode: Node | undefined;
  let args: JvmArg[] = [];
  for (const child of namedChildren(node)) {
    if (child.type === 'user_type') typeNode = child;
    else if (child.type === 'constructor_invocation') {
      const kids = namedChildren(child);
      typeNode = kids.find((k) => k.type === 'user_type');
      args = valueArguments(kids.find((k) => k.type === 'value_arguments'));
    }
  }
  const name = (kotlinDottedName(typeNode) ?? [typeNode?.text ?? '']).join('.');
  return { name, simpleName: name.slice(name.lastIndexOf('.') + 1), args, node };
}

function modifiersOf(node: Node): Node | undefined {
  return namedChildren(node).find((c) => c.type === 'modifiers');
}

/**
 * The grammar sometimes reads `@A\n@B("/x")\nclass C` as an expression statement
 * `annotated_expression(@A, annotated_expression(@B, ("/x")))` followed by the class: the annotations
 * (with the parenthesised argument of the last one) belong to the declaration that follows.
 */
function strayAnnotations(node: Node): JvmAnnotation[] {
  const out: JvmAnnotation[] = [];
  let current: Node | undefined = node;
  while (current?.type === 'annotated_expression') {
    const kids = namedChildren(current);
    const annotations = kids.filter((k) => k.type === 'annotation');
    for (const ann of annotations) out.push(kotlinAnnotation(ann));
    const rest: Node | undefined = kids.find((k) => k.type !== 'annotation');
    if (rest?.type === 'parenthesized_expression' && out.length > 0) {
      const last = out[out.length - 1]!;
      if (last.args.length === 0) out[out.length - 1] = { ...last, args: namedChildren(rest).map((k) => ({ value: kotlinExpr(k) })) };
    }
    current = rest;
  }
  return out;
}

export function kotlinAnnotations(node: Node): JvmAnnotation[] {
  return namedChildren(modifiersOf(node)).filter((c) => c.type === 'annotation').map(kotlinAnnotation);
}

function modifierWords(node: Node): Set<string> {
  const out = new Set<string>();
  for (const mod of namedChildren(modifiersOf(node))) if (mod.type !== 'annotation') out.add(mod.text);
  return out;
}

function hasToken(node: Node, token: string): boolean {
  for (let i = 0; i < node.childCount; i++) if (node.child(i)?.type === token) return true;
  return false;
}

function supertypesOf(node: Node): string[] {
  const out: string[] = [];
  for (const spec of namedChildren(namedChildren(node).find((c) => c.type === 'delegation_specifiers'))) {
    for (const child of namedChildren(spec)) {
      const typeNode = child.type === 'user_type' ? child : namedChildren(child).find((k) => k.type === 'user_type');
      const name = kotlinDottedName(typeNode);
      if (name) out.push(name.join('.'));
    }
  }
  return out;
}

function kotlinFunction(node: Node): JvmMethod {
  const parameterAnnotations: string[] = [];
  const params = namedChildren(node).find((c) => c.type === 'function_value_parameters');
  for (const child of namedChildren(params)) {
    if (child.type === 'parameter_modifiers' || child.type === 'parameter') {
      for (const ann of child.descendantsOfType('annotation')) if (ann) parameterAnnotations.push(kotlinAnnotation(ann).simpleName);
    }
  }
  const returnType = kotlinDottedName(namedChildren(node).find((c) => c.type === 'user_type'))?.join('.');
  const body = namedChildren(node).find((c) => c.type === 'function_body');
  return {
    name: fieldOf(node, 'name')?.text ?? '', annotations: kotlinAnnotations(node), node, parameterAnnotations,
    ...(returnType ? { returnType } : {}), ...(body ? { body } : {}),
  };
}

/** `val X = "..."` / `const val X = ...`: name and initialiser. */
function propertyConstant(node: Node): [string, JvmExpr] | undefined {
  const decl = namedChildren(node).find((c) => c.type === 'variable_declaration');
  const name = namedChildren(decl).find((c) => c.type === 'identifier')?.text;
  let afterEquals = false;
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i);
    if (!child) continue;
    if (child.type === '=') afterEquals = true;
    else if (afterEquals && child.isNamed) return name ? [name, kotlinExpr(child)] : undefined;
  }
  return undefined;
}

function addMembers(cls: JvmClass, body: Node | undefined): void {
  let pending: JvmAnnotation[] = [];
  for (const member of namedChildren(body)) {
    const stray = pending;
    pending = [];
    switch (member.type) {
      case 'annotated_expression':
        pending = strayAnnotations(member);
        break;
      case 'function_declaration': {
        const fn = kotlinFunction(member);
        cls.methods.push(stray.length ? { ...fn, annotations: [...stray, ...fn.annotations] } : fn);
        break;
      }
      case 'property_declaration': {
        const constant = propertyConstant(member);
        if (constant) {
          cls.constants.set(constant[0], constant[1]);
          cls.constantNodes.set(constant[0], member);
        }
        break;
      }
      case 'companion_object':
        addMembers(cls, namedChildren(member).find((c) => c.type === 'class_body'));
        break;
      case 'class_declaration':
      case 'object_declaration':
        cls.classes.push(kotlinClass(member, cls.qualifiedPath, stray));
        break;
      default:
        break;
    }
  }
}

function kotlinClass(node: Node, outer: readonly string[], stray: JvmAnnotation[] = []): JvmClass {
  const name = fieldOf(node, 'name')?.text ?? namedChildren(node).find((c) => c.type === 'identifier')?.text ?? '';
  const words = modifierWords(node);
  let kind: JvmClassKind = 'class';
  if (node.type === 'object_declaration') kind = 'object';
  else if (hasToken(node, 'interface')) kind = 'interface';
  else if (words.has('annotation')) kind = 'annotation';
  else if (words.has('enum')) kind = 'enum';
  const cls: JvmClass = {
    name,
    qualifiedPath: [...outer, name],
    kind,
    isAbstract: kind === 'interface' || words.has('abstract'),
    annotations: [...stray, ...kotlinAnnotations(node)],
    supertypes: supertypesOf(node),
    methods: [],
    classes: [],
    constants: new Map(),
    constantNodes: new Map(),
    node,
  };
  addMembers(cls, node.type === 'ERROR' ? node : namedChildren(node).find((c) => c.type === 'class_body' || c.type === 'enum_class_body'));
  return cls;
}

/** Builds the outline of a Kotlin file. */
export function kotlinFile(path: string, root: Node): JvmFile {
  const file: JvmFile = {
    path, language: 'kotlin', packageName: '', imports: new Map(), wildcardImports: [], staticImports: new Map(),
    classes: [], constants: new Map(), constantNodes: new Map(), root,
  };
  const visitTop = (parent: Node) => {
    let pending: JvmAnnotation[] = [];
    for (const child of namedChildren(parent)) {
      const stray = pending;
      pending = [];
      switch (child.type) {
        case 'annotated_expression':
          pending = strayAnnotations(child);
          break;
        case 'package_header':
          file.packageName = (kotlinDottedName(namedChildren(child)[0]) ?? []).join('.');
          break;
        case 'import': {
          const name = kotlinDottedName(namedChildren(child).find((c) => c.type === 'qualified_identifier' || c.type === 'identifier'));
          if (!name) break;
          const fqn = name.join('.');
          const alias = hasToken(child, 'as') ? namedChildren(child).filter((c) => c.type === 'identifier').pop()?.text : undefined;
          if (hasToken(child, '*')) file.wildcardImports.push(fqn);
          else {
            const local = alias ?? name[name.length - 1]!;
            // Kotlin imports classes and members alike: members (lower/upper-case consts) go to staticImports too.
            file.imports.set(local, fqn);
            file.staticImports.set(local, fqn);
          }
          break;
        }
        case 'class_declaration':
        case 'object_declaration':
          file.classes.push(kotlinClass(child, [], stray));
          break;
        case 'property_declaration': {
          const constant = propertyConstant(child);
          if (constant) {
            file.constants.set(constant[0], constant[1]);
            file.constantNodes.set(constant[0], child);
          }
          break;
        }
        case 'ERROR':
          if (['class', 'interface', 'object'].some((t) => hasToken(child, t)) && namedChildren(child).some((c) => c.type === 'identifier')) {
            file.classes.push(kotlinClass(child, [], stray)); // a class the grammar could not close: read what it kept
          } else visitTop(child);
          break;
        default:
          break;
      }
    }
  };
  visitTop(root);
  return file;
}
