// Helidon SE routing (Helidon 4 HttpRouting.Builder / HttpRules, Helidon 2-3 Routing.Builder /
// Routing.Rules): `rules.get("/x", handler)` & co. (`any` -> ANY) and `register("/prefix", service...)`.
// Calls inside a service class (implements HttpService / Service) register on that class's router
// ({ file: 'jvm:<package>', path: [<Class>] }); other calls (the server's routing method or lambda)
// on a per-class root ('<Class>.$routing'). `register` mounts the service classes it is given
// (`new AdminService()`, a local or field of that type, `AdminService.create()`) under its prefix.
// Helidon MP is JAX-RS and is read by the annotated-route extractor.
import type { Fact, HttpMethod, RefExpr } from '../../core/facts.js';
import { loc, namedChildren, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { argStrings } from './calls.js';
import { classRef } from './class-facts.js';
import { javaDottedName } from './java-ast.js';
import type { JvmClass, JvmFile } from './jvm-source.js';
import { allClasses } from './jvm-source.js';
import { isTestSource, outlineOf } from './outline.js';
import { typeRefs } from './values.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const VERBS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', delete: 'DELETE', patch: 'PATCH', head: 'HEAD', options: 'OPTIONS', trace: 'TRACE', any: 'ANY',
};
const SERVICE_TYPES = new Set(['HttpService', 'Service']);

function innermostClass(file: JvmFile, node: Node): JvmClass | undefined {
  let best: JvmClass | undefined;
  for (const cls of allClasses(file)) {
    if (cls.node.startIndex <= node.startIndex && node.endIndex <= cls.node.endIndex) {
      if (!best || cls.node.startIndex >= best.node.startIndex) best = cls;
    }
  }
  return best;
}

const isService = (cls: JvmClass) => cls.supertypes.some((s) => SERVICE_TYPES.has(s.slice(s.lastIndexOf('.') + 1)));

/** The declared type of a local variable or field named `name` visible from `at` (same file). */
function declaredType(file: JvmFile, at: Node, name: string): string | undefined {
  for (const declarator of file.root.descendantsOfType('variable_declarator')) {
    if (!declarator || fieldOf(declarator, 'name')?.text !== name || declarator.startIndex > at.startIndex) continue;
    const type = fieldOf(declarator.parent, 'type');
    const typeName = javaDottedName(type)?.join('.');
    if (typeName && typeName !== 'var') return typeName;
    const value = fieldOf(declarator, 'value');
    if (value?.type === 'object_creation_expression') return fieldOf(value, 'type')?.text;
  }
  return undefined;
}

/** The service class a `register` argument names, when the code says it. */
function serviceType(file: JvmFile, arg: Node): string | undefined {
  if (arg.type === 'object_creation_expression') return javaDottedName(fieldOf(arg, 'type'))?.join('.');
  if (arg.type === 'identifier') return declaredType(file, arg, arg.text);
  if (arg.type === 'method_invocation') {
    const receiver = fieldOf(arg, 'object');
    const name = receiver ? javaDottedName(receiver) : undefined;
    if (name && /^[A-Z]/.test(name[name.length - 1]!)) return name.join('.');
    const builder = receiver?.type === 'method_invocation' ? fieldOf(receiver, 'object') : undefined;
    const builderName = builder ? javaDottedName(builder) : undefined; // Service.builder().build()
    if (builderName && /^[A-Z]/.test(builderName[builderName.length - 1]!)) return builderName.join('.');
  }
  return undefined;
}

const ROUTING_TYPE = /(^|\.)(HttpRules|Rules|HttpRouting\.Builder|Routing\.Builder|Builder)$/;

/** True when the call chain starts at Helidon routing rules: a parameter / local of a routing type,
 * `HttpRouting.builder()` / `Routing.builder()`, or the parameter of a lambda given to `routing(...)`. */
function onRoutingRules(call: Node): boolean {
  let base: Node = call;
  for (let object = fieldOf(call, 'object'); object; object = fieldOf(base, 'object')) {
    base = object;
    if (object.type !== 'method_invocation') break;
  }
  if (base.type === 'method_invocation') {
    return fieldOf(base, 'name')?.text === 'builder' && /(^|\.)(HttpRouting|Routing)$/.test(fieldOf(base, 'object')?.text ?? '');
  }
  if (base.type !== 'identifier') return false;
  const name = base.text;
  for (let scope = base.parent; scope; scope = scope.parent) {
    if (scope.type === 'lambda_expression') {
      const params = fieldOf(scope, 'parameters');
      const names = params?.type === 'identifier' ? [params] : namedChildren(params).map((p) => fieldOf(p, 'name') ?? p);
      if (names.some((n) => n.text === name)) {
        const typed = namedChildren(params).find((p) => fieldOf(p, 'name')?.text === name)?.childForFieldName('type');
        if (typed) return ROUTING_TYPE.test(typed.text.replace(/<.*$/, ''));
        const owner = scope.parent?.type === 'argument_list' ? scope.parent.parent : undefined;
        return owner?.type === 'method_invocation' && /^(routing|addRouting|update)$/.test(fieldOf(owner, 'name')?.text ?? '');
      }
    }
    if (scope.type === 'method_declaration' || scope.type === 'constructor_declaration') {
      const param = namedChildren(fieldOf(scope, 'parameters')).find((p) => fieldOf(p, 'name')?.text === name);
      if (param) return ROUTING_TYPE.test(fieldOf(param, 'type')?.text.replace(/<.*$/, '') ?? '');
      const body = fieldOf(scope, 'body');
      for (const declarator of body?.descendantsOfType('variable_declarator') ?? []) {
        if (fieldOf(declarator, 'name')?.text !== name) continue;
        const type = fieldOf(declarator.parent, 'type')?.text ?? '';
        const value = fieldOf(declarator, 'value');
        return ROUTING_TYPE.test(type) || (type === 'var' && !!value && value.type === 'method_invocation' && onRoutingRules(value));
      }
      return false;
    }
  }
  return false;
}

function importsHelidon(file: JvmFile): boolean {
  return [...file.imports.values(), ...file.wildcardImports].some((s) => s.startsWith('io.helidon.'));
}

export const helidonSeRoutes: Extractor = {
  id: 'jvm/helidon-se',
  languages: ['java'],
  keywords: ['io.helidon'],
  extract(parsed) {
    if (isTestSource(parsed.path)) return [];
    const file = outlineOf(parsed);
    if (!file || !importsHelidon(file)) return [];
    const facts: Fact[] = [];
    const declaredRoots = new Set<string>();
    for (const call of file.root.descendantsOfType('method_invocation')) {
      if (!call || !fieldOf(call, 'object')) continue;
      const name = fieldOf(call, 'name')?.text ?? '';
      const verb = VERBS[name];
      if (!verb && name !== 'register') continue;
      if (!onRoutingRules(call)) continue;
      const args = namedChildren(fieldOf(call, 'arguments'));
      const cls = innermostClass(file, call);
      if (!cls) continue;
      const router: RefExpr = isService(cls) ? classRef(file.packageName, cls.qualifiedPath) : classRef(file.packageName, [...cls.qualifiedPath, '$routing']);
      const location = loc(file.path, fieldOf(call, 'name') ?? call);
      const first = args[0];
      const paths = first?.type === 'string_literal' || first?.type === 'identifier' || first?.type === 'field_access' || first?.type === 'binary_expression'
        ? argStrings(file, first).filter((p) => p.kind === 'literal') : [];
      if (verb) {
        // A route needs a path and a handler: `get("/x", h)`; `get(h)` (every path) is not an endpoint declaration.
        if (args.length < 2 || paths.length === 0) continue;
        for (const path of paths) if (path.kind === 'literal' && path.text.startsWith('/')) facts.push({ kind: 'route', framework: 'helidon', method: verb, path: path.text, router, location });
      } else {
        const prefix = paths[0]?.kind === 'literal' ? paths[0].text : '';
        const services = paths.length ? args.slice(1) : args;
        for (const service of services) {
          const type = serviceType(file, service);
          if (!type) continue;
          const local = allClasses(file).find((c) => c.name === type);
          const children = local ? [classRef(file.packageName, local.qualifiedPath)] : typeRefs(file, type);
          for (const child of children) facts.push({ kind: 'mount', framework: 'helidon', parent: router, child, prefix, location });
        }
      }
      const key = router.path.join('.');
      if (!isService(cls) && !declaredRoots.has(key)) {
        declaredRoots.add(key);
        facts.push({ kind: 'router', framework: 'helidon', ref: router, isApp: true, location: loc(file.path, fieldOf(cls.node, 'name') ?? cls.node) });
      }
    }
    return facts;
  },
};
