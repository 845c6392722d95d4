// Apache Struts 2 actions:
// - struts.xml and the configuration files it includes (XML documents with a <struts> root): every <package> is a
//   router ({ file: 'struts:<module dir>', path: [<package name>] }) with its namespace as prefix; a
//   package without a namespace that extends a package of the application sits under that package;
//   every <action name="..."> is an all-method (ANY) route, wildcard names (`user_*`) kept verbatim.
// - the Convention plugin: action classes (non-abstract subclasses of ActionSupport, or classes named
//   *Action with an execute() method) map to '<namespace>/<class name without suffix, dashed>'
//   ('ListPeopleAction' -> 'list-people'); @Action / @Actions on methods and classes name actions
//   (absolute names ignore the namespace); @Namespace / @Namespaces on the class set the namespace,
//   else @Namespace in the package's package-info.java, else the package path after the last package
//   locator segment (action, actions, struts, struts2). The package-info namespace is another file:
//   classes hang on a per-package router mounted with `prefixRef` to the constant package-info emits.
// - the REST plugin: *Controller classes with index/show/create/update/destroy methods map to the
//   RESTful routes of the REST action mapper (GET base, GET base/{id}, POST base, PUT/DELETE base/{id},
//   GET base/{id}/edit, GET base/new, GET base/{id}/<other method>).
import type { Fact, HttpMethod, RefExpr } from '../../core/facts.js';
import { locationOfLine } from '../../languages/location.js';
import { loc, namedChildren, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { moduleDirOf } from './config-routes.js';
import { javaAnnotation } from './java-ast.js';
import type { JvmAnnotation, JvmClass, JvmFile, JvmMethod } from './jvm-source.js';
import { allClasses, annotationArg } from './jvm-source.js';
import { isTestSource, outlineOf } from './outline.js';
import { classChain, evalStrings, type Scope } from './values.js';
import { childrenNamed, parseXml, type XmlElement } from './xml.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'struts2';
const LOCATORS = new Set(['action', 'actions', 'struts', 'struts2']);

const strutsPackageRef = (moduleDir: string, name: string): RefExpr => ({ file: `struts:${moduleDir}`, path: [name] });


function packageFacts(path: string, text: string, pkg: XmlElement, moduleDir: string): Fact[] {
  const name = pkg.attrs.get('name');
  if (!name) return [];
  const at = (line: number) => locationOfLine(path, text, line);
  const ref = strutsPackageRef(moduleDir, name);
  const namespace = pkg.attrs.get('namespace');
  const facts: Fact[] = [{ kind: 'router', framework: FRAMEWORK, ref, location: at(pkg.line), ...(namespace && namespace !== '/' ? { prefix: namespace } : {}) }];
  if (namespace === undefined) {
    // Actions of the default namespace also answer under the namespace of the package they extend.
    const parent = (pkg.attrs.get('extends') ?? '').split(',').map((s) => s.trim()).find((s) => s && !s.endsWith('-default'));
    if (parent) facts.push({ kind: 'mount', framework: FRAMEWORK, parent: strutsPackageRef(moduleDir, parent), child: ref, prefix: '', location: at(pkg.line) });
  }
  for (const action of childrenNamed(pkg, 'action')) {
    const actionName = action.attrs.get('name');
    if (!actionName) continue;
    const cls = action.attrs.get('class');
    const method = action.attrs.get('method');
    const handler = cls ? `${cls.slice(cls.lastIndexOf('.') + 1)}.${method ?? 'execute'}` : undefined;
    facts.push({
      kind: 'route', framework: FRAMEWORK, method: 'ANY', path: actionName, router: ref, location: at(action.line),
      ...(handler ? { handler: { name: handler } } : {}),
    });
  }
  return facts;
}

export const strutsXmlRoutes: Extractor = {
  id: 'jvm/struts-xml',
  languages: ['text'],
  keywords: ['<struts'],
  extract(file) {
    // struts.xml and the files it includes (any name): XML documents whose root element is <struts>.
    if (!file.path.endsWith('.xml') || isTestSource(file.path)) return [];
    const doc = parseXml(file.text);
    const moduleDir = moduleDirOf(file.path);
    const facts: Fact[] = [];
    for (const struts of childrenNamed(doc, 'struts')) {
      for (const pkg of childrenNamed(struts, 'package')) facts.push(...packageFacts(file.path, file.text, pkg, moduleDir));
    }
    return facts;
  },
};

// ---- Convention and REST plugins (Java) ----

const conventionRef = (moduleDir: string, pkg: string): RefExpr => ({ file: `struts-convention:${moduleDir}${pkg}`, path: ['$actions'] });
const namespaceRef = (moduleDir: string, pkg: string): RefExpr => ({ file: `struts-convention:${moduleDir}${pkg}`, path: [`$namespace:${pkg}`] });

/** 'ListPeopleAction' -> 'list-people' (suffix Action / Controller removed, camel case dashed). */
export function conventionActionName(className: string): string {
  const stem = className.replace(/(Action|Controller)$/, '') || className;
  return stem.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/(?<=[A-Z])(?=[A-Z][a-z])/g, '-').toLowerCase();
}

/** The namespace the Convention plugin derives from a package: the segments after the last locator. */
export function locatorNamespace(pkg: string): string {
  const parts = pkg.split('.');
  let last = -1;
  parts.forEach((p, i) => {
    if (LOCATORS.has(p)) last = i;
  });
  return last < 0 ? '' : parts.slice(last + 1).map((p) => `/${p}`).join('');
}

function strings(annotation: JvmAnnotation, scope: Scope, ...names: string[]): string[] {
  return evalStrings(annotationArg(annotation, ...names), scope).flatMap((v) => (v.kind === 'literal' ? [v.text] : []));
}

/** @Action annotations of an element: direct, or inside @Actions. */
function actionAnnotations(list: readonly JvmAnnotation[]): JvmAnnotation[] {
  const out: JvmAnnotation[] = [];
  for (const annotation of list) {
    if (annotation.simpleName === 'Action') out.push(annotation);
    else if (annotation.simpleName === 'Actions') {
      const value = annotationArg(annotation, 'value');
      const items = value?.kind === 'array' ? value.items : value ? [value] : [];
      for (const item of items) if (item.kind === 'annotation' && item.annotation.simpleName === 'Action') out.push(item.annotation);
    }
  }
  return out;
}

function classNamespaces(cls: JvmClass, scope: Scope): string[] | undefined {
  const out: string[] = [];
  for (const annotation of cls.annotations) {
    if (annotation.simpleName === 'Namespace') out.push(...strings(annotation, scope, 'value'));
    else if (annotation.simpleName === 'Namespaces') {
      const value = annotationArg(annotation, 'value');
      const items = value?.kind === 'array' ? value.items : value ? [value] : [];
      for (const item of items) if (item.kind === 'annotation') out.push(...strings(item.annotation, scope, 'value'));
    }
  }
  return out.length ? out : undefined;
}

const isStrutsImport = (fqn: string) => fqn.startsWith('com.opensymphony.xwork2') || fqn.startsWith('org.apache.struts2');

function importsStruts(file: JvmFile): boolean {
  return [...file.imports.values()].some(isStrutsImport) || file.wildcardImports.some(isStrutsImport);
}

const ACTION_SUPERTYPES = new Set(['ActionSupport', 'Action', 'ModelDriven']);
const REST_METHODS: Record<string, { method: HttpMethod; path: string }> = {
  index: { method: 'GET', path: '' },
  create: { method: 'POST', path: '' },
  show: { method: 'GET', path: '/{id}' },
  update: { method: 'PUT', path: '/{id}' },
  destroy: { method: 'DELETE', path: '/{id}' },
  edit: { method: 'GET', path: '/{id}/edit' },
  editNew: { method: 'GET', path: '/new' },
};

function isPublicNoArg(method: JvmMethod): boolean {
  const node = method.node;
  const mods = namedChildren(node).find((c) => c.type === 'modifiers');
  const isPublic = !!mods && mods.text.split(/\s+/).includes('public');
  const isStatic = !!mods && mods.text.split(/\s+/).includes('static');
  const params = namedChildren(fieldOf(node, 'parameters'));
  return isPublic && !isStatic && params.length === 0 && method.returnType === 'String';
}

/** Other public action methods of a REST controller: GET base/{id}/<name>. */
function isCustomRestMethod(method: JvmMethod): boolean {
  if (method.name in REST_METHODS || method.name === 'execute' || !isPublicNoArg(method)) return false;
  return !/^(get|set|is|validate|prepare|input|toString|hashCode)([A-Z]|$)/.test(method.name) && method.annotations.length === 0;
}

interface Target {
  /** Explicit namespaces (class annotation); undefined: the package's namespace. */
  namespaces?: string[];
}

function conventionFacts(file: JvmFile, cls: JvmClass): Fact[] {
  if (cls.kind !== 'class' || cls.isAbstract) return [];
  const scope: Scope = { file, classes: classChain(file, cls) };
  const moduleDir = moduleDirOf(file.path);
  const classActions = actionAnnotations(cls.annotations);
  const methodActions = cls.methods.map((m) => ({ method: m, actions: actionAnnotations(m.annotations) })).filter((m) => m.actions.length);
  const extendsAction = cls.supertypes.some((s) => ACTION_SUPERTYPES.has(s.slice(s.lastIndexOf('.') + 1)));
  const hasExecute = cls.methods.some((m) => m.name === 'execute');
  const restMethods = cls.name.endsWith('Controller') ? cls.methods.filter((m) => m.name in REST_METHODS) : [];
  const isAction = classActions.length > 0 || methodActions.length > 0 || restMethods.length > 0
    || extendsAction || (hasExecute && /Action$/.test(cls.name));
  if (!isAction) return [];

  const target: Target = { ...(classNamespaces(cls, scope) ? { namespaces: classNamespaces(cls, scope)! } : {}) };
  const defaultName = conventionActionName(cls.name);
  const nameNode = fieldOf(cls.node, 'name') ?? cls.node;
  const facts: Fact[] = [];
  let usesPackage = false;
  const emit = (method: HttpMethod, name: string, at: Node, handler: string) => {
    const location = loc(file.path, at);
    const base = { kind: 'route' as const, framework: FRAMEWORK, method, location, handler: { name: `${cls.name}.${handler}` } };
    if (name.startsWith('/')) {
      facts.push({ ...base, path: name });
      return;
    }
    if (target.namespaces) {
      for (const ns of target.namespaces) facts.push({ ...base, path: `${ns.replace(/\/+$/, '')}/${name}` });
      return;
    }
    usesPackage = true;
    facts.push({ ...base, path: `/${name}`, router: conventionRef(moduleDir, file.packageName) });
  };
  const actionNames = (annotation: JvmAnnotation) => {
    const names = strings(annotation, scope, 'value');
    return names.length ? names : [defaultName];
  };

  for (const { method, actions } of methodActions) {
    for (const action of actions) for (const name of actionNames(action)) emit('ANY', name, action.node, method.name);
  }
  for (const action of classActions) for (const name of actionNames(action)) emit('ANY', name, action.node, 'execute');
  if (classActions.length === 0 && methodActions.length === 0) {
    if (restMethods.length > 0) {
      for (const method of cls.methods) {
        const rest = REST_METHODS[method.name];
        if (rest) emit(rest.method, `${defaultName}${rest.path}`, fieldOf(method.node, 'name') ?? method.node, method.name);
        else if (isCustomRestMethod(method)) emit('GET', `${defaultName}/{id}/${method.name}`, fieldOf(method.node, 'name') ?? method.node, method.name);
      }
    } else emit('ANY', defaultName, nameNode, 'execute');
  }
  if (usesPackage) {
    const location = loc(file.path, nameNode);
    facts.push({
      kind: 'mount', framework: FRAMEWORK, parent: { file: `struts-convention:${moduleDir}`, path: ['$root'] },
      child: conventionRef(moduleDir, file.packageName), prefix: locatorNamespace(file.packageName),
      prefixRef: namespaceRef(moduleDir, file.packageName), location,
    });
  }
  return facts;
}

/** package-info.java: `@Namespace("/x") package a.b;` -> the namespace of the package's convention actions. */
function packageInfoFacts(file: JvmFile): Fact[] {
  const decl = namedChildren(file.root).find((c) => c.type === 'package_declaration');
  if (!decl) return [];
  const scope: Scope = { file, classes: [] };
  for (const child of namedChildren(decl)) {
    if (child.type !== 'annotation' && child.type !== 'marker_annotation') continue;
    const annotation = javaAnnotation(child);
    if (annotation.simpleName !== 'Namespace') continue;
    const value = strings(annotation, scope, 'value')[0];
    if (value === undefined) continue;
    return [{ kind: 'constant', ref: namespaceRef(moduleDirOf(file.path), file.packageName), value, location: loc(file.path, child) }];
  }
  return [];
}

export const strutsConventionRoutes: Extractor = {
  id: 'jvm/struts-convention',
  languages: ['java'],
  keywords: ['com.opensymphony.xwork2', 'org.apache.struts2'],
  extract(parsed) {
    if (isTestSource(parsed.path)) return [];
    const file = outlineOf(parsed);
    if (!file || !importsStruts(file)) return [];
    if (parsed.path.endsWith('package-info.java')) return packageInfoFacts(file);
    const facts: Fact[] = [];
    for (const cls of allClasses(file)) if (cls.qualifiedPath.length === 1) facts.push(...conventionFacts(file, cls));
    return facts;
  },
};

