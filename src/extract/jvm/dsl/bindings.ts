// Variables, fields and parameters that hold a framework object routes are registered on (a Vert.x
// Router, a Javalin app, a Spark Service), as router references: a local or field is named in its file
// ({ file, path: ['method:name'] } / ['Class.field']); a method parameter is named in its package
// ({ file: 'jvm:<pkg>', path: [Class, method, 'argN'] }) so that a call in another file can mount it.
import type { Fact, RefExpr } from '../../../core/facts.js';
import { descendants, loc, memoByNode, namedChildren, type Node } from '../../tree-sitter/ast.js';
import type { CallView } from '../calls.js';
import type { JvmFile } from '../jvm-source.js';
import { allClasses } from '../jvm-source.js';
import { packageRefFile, typeRefs } from '../values.js';
import { constructedType, localInit } from './common.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

export interface BindingKind {
  /** The declared type names such an object (`Router`, `Javalin`). */
  isType(type: string | undefined): boolean;
  /** The initialiser creates one (`Router.router(vertx)`, `Javalin.create()`). */
  isInit(node: Node | undefined): boolean;
}

export interface Binding {
  ref: RefExpr;
  /** A local / field whose value is created in this file (`Router.router(...)`, `Javalin.create()`). */
  local: boolean;
}

/** Names declared anywhere in the file (locals, fields, parameters) whose type or initialiser is of the kind: a cheap first test. */
function candidateNames(file: JvmFile, kind: BindingKind): Set<string> {
  return memoByNode(kind, file.root, (root) => {
    const out = new Set<string>();
    const types = file.language === 'java'
      ? ['variable_declarator', 'formal_parameter', 'spread_parameter']
      : ['property_declaration', 'parameter', 'class_parameter'];
    for (const decl of descendants(root, types)) {
      if (!decl) continue;
      let name: string | undefined;
      let type: string | undefined;
      let init: Node | undefined;
      if (decl.type === 'variable_declarator') {
        name = fieldOf(decl, 'name')?.text;
        type = fieldOf(decl.parent, 'type')?.text;
        init = fieldOf(decl, 'value') ?? undefined;
      } else if (decl.type === 'formal_parameter' || decl.type === 'spread_parameter') {
        name = parameterName(decl);
        type = parameterType(decl);
      } else if (decl.type === 'property_declaration') {
        const variable = namedChildren(decl).find((c) => c.type === 'variable_declaration');
        name = namedChildren(variable).find((c) => c.type === 'identifier')?.text;
        type = namedChildren(variable).find((c) => c.type === 'user_type')?.text;
        init = namedChildren(decl).at(-1);
      } else {
        const kids = namedChildren(decl);
        name = kids.find((c) => c.type === 'identifier' || c.type === 'simple_identifier')?.text;
        type = kids.find((c) => c.type === 'user_type' || c.type === 'nullable_type')?.text;
      }
      if (name && (kind.isType(type?.replace(/<.*$/s, '')) || kind.isInit(init))) out.add(name);
    }
    return out;
  });
}

const CLASSES = new WeakMap<JvmFile, ReturnType<typeof allClasses>>();

export function enclosingClassName(file: JvmFile, node: Node): string[] | undefined {
  let best: string[] | undefined;
  let bestStart = -1;
  let classes = CLASSES.get(file);
  if (!classes) CLASSES.set(file, (classes = allClasses(file)));
  for (const cls of classes) {
    if (cls.node.startIndex <= node.startIndex && node.endIndex <= cls.node.endIndex && cls.node.startIndex >= bestStart) {
      best = cls.qualifiedPath;
      bestStart = cls.node.startIndex;
    }
  }
  return best;
}

export function functionName(fn: Node): string {
  if (fn.type === 'constructor_declaration') return '<init>';
  return fieldOf(fn, 'name')?.text ?? namedChildren(fn).find((c) => c.type === 'identifier' || c.type === 'simple_identifier')?.text ?? '';
}

function parameterNodes(fn: Node): Node[] {
  if (fn.type === 'method_declaration' || fn.type === 'constructor_declaration') {
    return namedChildren(fieldOf(fn, 'parameters')).filter((p) => p.type === 'formal_parameter' || p.type === 'spread_parameter');
  }
  return namedChildren(namedChildren(fn).find((c) => c.type === 'function_value_parameters')).filter((p) => p.type === 'parameter');
}

function parameterName(param: Node): string | undefined {
  return fieldOf(param, 'name')?.text ?? namedChildren(param).find((c) => c.type === 'identifier' || c.type === 'simple_identifier')?.text;
}

function parameterType(param: Node): string | undefined {
  return fieldOf(param, 'type')?.text ?? namedChildren(param).find((c) => c.type === 'user_type')?.text;
}

/** The router reference a receiver expression names, when it is a Router variable, field or parameter. */
export function bindingOf(file: JvmFile, node: Node | undefined, kind: BindingKind): Binding | undefined {
  if (!node) return undefined;
  let name: string | undefined;
  if (node.type === 'identifier' || node.type === 'simple_identifier') name = node.text;
  else if (node.type === 'field_access' && fieldOf(node, 'object')?.type === 'this') name = fieldOf(node, 'field')?.text;
  else if (node.type === 'navigation_expression') {
    const parts = namedChildren(node);
    if (parts.length === 2 && parts[0]!.type === 'this_expression') name = parts[1]!.text;
  }
  if (!name || !candidateNames(file, kind).has(name)) return undefined;
  const cls = enclosingClassName(file, node) ?? [];
  // Parameters of the enclosing method / function.
  for (let cur: Node | null = node.parent; cur; cur = cur.parent) {
    if (['method_declaration', 'constructor_declaration', 'function_declaration'].includes(cur.type)) {
      const params = parameterNodes(cur);
      const index = params.findIndex((p) => parameterName(p) === name);
      if (index >= 0) {
        if (!kind.isType(parameterType(params[index]!))) return undefined;
        return { ref: { file: packageRefFile(file.packageName), path: [...cls, functionName(cur), `arg${index}`] }, local: false };
      }
      const found = localInit(file, node, name);
      if (found && (kind.isType(found.type) || kind.isInit(found.init))) {
        const inMethod = found.init ? within(found.init, cur) : true;
        return { ref: { file: file.path, path: [inMethod ? `${functionName(cur)}:${name}` : [...cls, name].join('.')] }, local: kind.isInit(found.init) };
      }
      break;
    }
  }
  const found = localInit(file, node, name);
  if (found && (kind.isType(found.type) || kind.isInit(found.init))) return { ref: { file: file.path, path: [[...cls, name].join('.')] }, local: kind.isInit(found.init) };
  return undefined;
}

function within(node: Node, scope: Node): boolean {
  return scope.startIndex <= node.startIndex && node.endIndex <= scope.endIndex;
}

/**
 * `UserRoutes.register(router)`, `new Api(svc).mount(router)`, `api.mount(router)`, `register(router)`:
 * the Router parameter of the called method is mounted under the router passed to it.
 */
export function methodMounts(file: JvmFile, call: CallView, framework: string, kind: BindingKind): Fact[] {
  const index = call.args.findIndex((a) => (a.type === 'identifier' || a.type === 'simple_identifier') && bindingOf(file, a, kind));
  if (index < 0) return [];
  const parent = bindingOf(file, call.args[index]!, kind)!;
  const owners: RefExpr[] = [];
  if (!call.receiver || call.receiver.type === 'this' || call.receiver.type === 'this_expression') {
    const cls = enclosingClassName(file, call.node);
    if (cls) owners.push({ file: packageRefFile(file.packageName), path: cls });
  } else {
    const type = constructedType(call.receiver) ?? typeName(file, call.receiver);
    if (type) owners.push(...typeRefs(file, type).slice(0, 1));
  }
  return owners.map((owner) => ({
    kind: 'mount' as const, framework, parent: parent.ref, child: { file: owner.file, path: [...owner.path, call.name, `arg${index}`] }, prefix: '',
    location: loc(file.path, call.nameNode),
  }));
}

/** The type a receiver names: a capitalised class name, or a local variable's declared / constructed type. */
function typeName(file: JvmFile, node: Node): string | undefined {
  if (node.type !== 'identifier' && node.type !== 'simple_identifier') return undefined;
  if (/^[A-Z]/.test(node.text)) return node.text;
  const found = localInit(file, node, node.text);
  return constructedType(found?.init) ?? found?.type;
}

