// Apache Wicket (pages are GET endpoints):
// - WebApplication mounts: mountPage(path, Page.class), mountPackage(path, Page.class) -> path/**,
//   mountResource(path, reference), and mapper constructions anywhere in the file:
//   new MountedMapper(path, ...), new PackageMapper(path, ...) -> path/**, new ResourceMapper(path, ...);
//   a path passed through a parameter of a helper method of the same file is taken from its callers;
// - @MountPath("/x", alt = {...}) on a page class (wicketstuff-annotation; no value: '/<ClassName>');
// - wicketstuff-restannotations resources: @MethodMapping(value, httpMethod = HttpMethod.POST) methods
//   on the class's router ({ file: 'wicket:<module dir><package>', path: [<Class>] }); @ResourcePath
//   mounts the class at its path; mountResource(path, new ResourceReference(...) { getResource() })
//   returning such a resource (a field or `new X()`) mounts the class under `path`;
// - LambdaRestMounter: mounter.get / post / put / delete / patch / options / head(path, ...).
// Placeholders `${id}` (required) and `#{id}` (optional) become `{id}`.
import type { Fact, HttpMethod, RefExpr } from '../../core/facts.js';
import { loc, namedChildren, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { exprOf, scopeAt } from './calls.js';
import { moduleDirOf } from './config-routes.js';
import { javaDottedName } from './java-ast.js';
import type { JvmClass, JvmExpr, JvmFile } from './jvm-source.js';
import { allClasses, annotationArg, findAnnotation } from './jvm-source.js';
import { isTestSource, outlineOf } from './outline.js';
import { classChain, enumNames, evalLiteral, typeRefs, type Scope } from './values.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'wicket';
const VERBS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', delete: 'DELETE', patch: 'PATCH', options: 'OPTIONS', head: 'HEAD',
};
const HTTP = new Set<HttpMethod>(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']);

/** Literal strings of an expression, `${...}` kept (Wicket placeholders, not configuration placeholders). */
function literals(expr: JvmExpr | undefined, scope: Scope): string[] {
  if (!expr) return [];
  if (expr.kind === 'array') return expr.items.flatMap((item) => literals(item, scope));
  const value = evalLiteral(expr, scope);
  return value === undefined ? [] : [value];
}

function argLiterals(file: JvmFile, node: Node): string[] {
  return literals(exprOf(file, node), scopeAt(file, node));
}

/** Wicket placeholders `${id}` / `#{id}` -> `{id}`. */
export function wicketPath(path: string): string {
  return path.replace(/[$#]\{([^{}]*)\}/g, '{$1}');
}

function wicketRef(file: JvmFile, ref: RefExpr): RefExpr {
  return { file: `wicket:${moduleDirOf(file.path)}${ref.file.replace(/^jvm:/, '')}`, path: ref.path };
}

function classRefs(file: JvmFile, typeName: string): RefExpr[] {
  return typeRefs(file, typeName).map((r) => wicketRef(file, r));
}

function enclosingMethod(node: Node): Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'method_declaration' || current.type === 'constructor_declaration') return current;
  }
  return undefined;
}

/**
 * Literal path values of an argument; an argument that is a parameter of the enclosing method takes
 * the literal values its callers in this file pass.
 */
function pathValues(file: JvmFile, arg: Node | undefined, calls: readonly Node[]): string[] {
  if (!arg) return [];
  const direct = argLiterals(file, arg);
  if (direct.length || arg.type !== 'identifier') return direct;
  const method = enclosingMethod(arg);
  if (!method || method.type !== 'method_declaration') return [];
  const params = namedChildren(fieldOf(method, 'parameters')).filter((p) => p.type === 'formal_parameter');
  const index = params.findIndex((p) => fieldOf(p, 'name')?.text === arg.text);
  const name = fieldOf(method, 'name')?.text;
  if (index < 0 || !name) return [];
  const out: string[] = [];
  for (const call of calls) {
    if (fieldOf(call, 'name')?.text !== name) continue;
    const object = fieldOf(call, 'object');
    if (object && object.type !== 'this') continue;
    const value = namedChildren(fieldOf(call, 'arguments'))[index];
    if (value) out.push(...argLiterals(file, value));
  }
  return out;
}

/** The class a ResourceReference's getResource() returns: `return new X()` or `return field` with `field = new X()`. */
function referencedResource(reference: Node): string | undefined {
  const body = namedChildren(reference).find((c) => c.type === 'class_body');
  if (!body) return undefined;
  const fields = new Map<string, string>();
  for (const declarator of body.descendantsOfType('variable_declarator')) {
    const value = fieldOf(declarator, 'value');
    const name = fieldOf(declarator, 'name')?.text;
    if (name && value?.type === 'object_creation_expression') fields.set(name, fieldOf(value, 'type')?.text ?? '');
  }
  for (const member of namedChildren(body)) {
    if (member.type !== 'method_declaration' || fieldOf(member, 'name')?.text !== 'getResource') continue;
    for (const ret of member.descendantsOfType('return_statement')) {
      const value = ret ? namedChildren(ret)[0] : undefined;
      if (value?.type === 'object_creation_expression') return javaDottedName(fieldOf(value, 'type'))?.join('.');
      if (value?.type === 'identifier' && fields.get(value.text)) return fields.get(value.text);
    }
  }
  return undefined;
}

function mountFacts(file: JvmFile): Fact[] {
  const facts: Fact[] = [];
  const root = { file: `wicket:${moduleDirOf(file.path)}`, path: ['$app'] };
  const calls = file.root.descendantsOfType('method_invocation').filter((n): n is Node => !!n);
  const lambdaMounters = new Set<string>();
  for (const declarator of file.root.descendantsOfType('variable_declarator')) {
    const type = fieldOf(declarator?.parent, 'type')?.text;
    const value = fieldOf(declarator, 'value');
    const name = fieldOf(declarator, 'name')?.text;
    if (name && (type === 'LambdaRestMounter' || fieldOf(value, 'type')?.text === 'LambdaRestMounter')) lambdaMounters.add(name);
  }
  const route = (method: HttpMethod, path: string, at: Node, handler?: string) => {
    if (!path.startsWith('/')) path = `/${path}`;
    facts.push({ kind: 'route', framework: FRAMEWORK, method, path: wicketPath(path), location: loc(file.path, at), ...(handler ? { handler: { name: handler } } : {}) });
  };
  const classArg = (node: Node | undefined) => (node?.type === 'class_literal' ? javaDottedName(namedChildren(node)[0])?.join('.') : undefined);

  for (const call of calls) {
    const name = fieldOf(call, 'name')?.text ?? '';
    const args = namedChildren(fieldOf(call, 'arguments'));
    const object = fieldOf(call, 'object');
    if (object?.type === 'identifier' && lambdaMounters.has(object.text) && VERBS[name]) {
      for (const path of pathValues(file, args[0], calls)) route(VERBS[name]!, path, call);
      continue;
    }
    if (object && object.type !== 'this') continue;
    if (name === 'mountPage' || name === 'mountPackage') {
      for (const path of pathValues(file, args[0], calls)) route('GET', name === 'mountPackage' ? `${path.replace(/\/+$/, '')}/**` : path, call, classArg(args[1]));
    } else if (name === 'mountResource') {
      const resource = args[1]?.type === 'object_creation_expression' ? referencedResource(args[1]) : undefined;
      for (const path of pathValues(file, args[0], calls)) {
        if (resource) {
          for (const child of classRefs(file, resource)) facts.push({ kind: 'mount', framework: FRAMEWORK, parent: root, child, prefix: wicketPath(path), location: loc(file.path, call) });
        } else route('GET', path, call);
      }
    }
  }
  for (const creation of file.root.descendantsOfType('object_creation_expression')) {
    if (!creation) continue;
    const type = fieldOf(creation, 'type')?.text;
    if (type !== 'MountedMapper' && type !== 'PackageMapper' && type !== 'ResourceMapper') continue;
    const args = namedChildren(fieldOf(creation, 'arguments'));
    for (const path of pathValues(file, args[0], calls)) {
      route('GET', type === 'PackageMapper' ? `${path.replace(/\/+$/, '')}/**` : path, creation, type === 'ResourceMapper' ? undefined : classArg(args[1]));
    }
  }
  return facts;
}

function classFacts(file: JvmFile, cls: JvmClass): Fact[] {
  const facts: Fact[] = [];
  const scope = { file, classes: classChain(file, cls) };
  const nameNode = fieldOf(cls.node, 'name') ?? cls.node;
  const mountPath = findAnnotation(cls.annotations, 'MountPath');
  if (mountPath) {
    const values = [...literals(annotationArg(mountPath, 'value'), scope), ...literals(annotationArg(mountPath, 'alt'), scope)];
    for (const path of values.length ? values : [`/${cls.name}`]) {
      facts.push({ kind: 'route', framework: FRAMEWORK, method: 'GET', path: wicketPath(path), location: loc(file.path, mountPath.node), handler: { name: cls.name } });
    }
  }
  const self = wicketRef(file, { file: `jvm:${file.packageName}`, path: cls.qualifiedPath });
  let hasRoutes = false;
  for (const method of cls.methods) {
    const mapping = findAnnotation(method.annotations, 'MethodMapping');
    if (!mapping) continue;
    const verb = enumNames(annotationArg(mapping, 'httpMethod'))[0]?.toUpperCase() as HttpMethod | undefined;
    const httpMethod = verb && HTTP.has(verb) ? verb : 'GET';
    for (const path of literals(annotationArg(mapping, 'value'), scope)) {
      hasRoutes = true;
      facts.push({
        kind: 'route', framework: FRAMEWORK, method: httpMethod, path: wicketPath(path), router: self, location: loc(file.path, mapping.node),
        handler: { name: `${cls.name}.${method.name}` },
      });
    }
  }
  const resourcePath = findAnnotation(cls.annotations, 'ResourcePath');
  if (hasRoutes && resourcePath) {
    for (const path of literals(annotationArg(resourcePath, 'value'), scope)) {
      facts.push({
        kind: 'mount', framework: FRAMEWORK, parent: { file: `wicket:${moduleDirOf(file.path)}`, path: ['$scanned'] }, child: self,
        prefix: wicketPath(path), location: loc(file.path, resourcePath.node),
      });
    }
  }
  if (hasRoutes) facts.push({ kind: 'router', framework: FRAMEWORK, ref: self, location: loc(file.path, nameNode) });
  return facts;
}

function importsWicket(file: JvmFile): boolean {
  return [...file.imports.values(), ...file.wildcardImports].some((s) => s.startsWith('org.apache.wicket') || s.startsWith('org.wicketstuff'));
}

export const wicketRoutes: Extractor = {
  id: 'jvm/wicket',
  languages: ['java'],
  keywords: ['org.apache.wicket', 'org.wicketstuff'],
  extract(parsed) {
    if (isTestSource(parsed.path)) return [];
    const file = outlineOf(parsed);
    if (!file || !importsWicket(file)) return [];
    return [...mountFacts(file), ...allClasses(file).flatMap((cls) => classFacts(file, cls))];
  },
};
