// Python module-level facts (imports, aliases) and the in-file scope the route extractors share:
// which names are imported from where, which top-level names hold constant strings, which
// classes and functions a file defines, and which names are bound to a constructor call.
import type { AliasFact, ConstantFact, Fact, HttpMethod, ImportFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import type { Extractor } from '../types.js';
import { field, fieldChildren, LastTreeCache, memoForRoot, rootOf, textOf } from '../tree-sitter/ast.js';
import { dottedPath, loc, walk, type Node } from './ast.js';

export interface ImportBinding {
  source: string; // 'a.b', '.', '..routes'
  imported: string; // '*' or a name
}

export interface ModuleScope {
  imports: Map<string, ImportBinding>;
  /** First segment of every absolute import source ('fastapi', 'flask', 'rest_framework', ...). */
  packages: Set<string>;
  /** Constant strings: 'NAME', 'Class.ATTR' and, for `x = Class()` of an in-file class, 'x.ATTR'. */
  constants: Map<string, string>;
  /** Where each constant is assigned. */
  constantNodes: Map<string, Node>;
  /** Classes and functions defined anywhere in the file (first definition of a name wins). */
  classes: Map<string, Node>;
  functions: Map<string, Node>;
  /** `name = Callee(...)` anywhere in the file: the call node (first binding of a name wins). */
  calls: Map<string, Node>;
}

/** `import`/`from` statements anywhere in the file, as bindings. */
function importBindings(node: Node): { local: string; binding: ImportBinding }[] {
  const out: { local: string; binding: ImportBinding }[] = [];
  if (node.type === 'import_statement') {
    for (const name of fieldChildren(node, 'name')) {
      if (!name) continue;
      if (name.type === 'aliased_import') {
        const source = textOf(field(name, 'name'));
        const alias = textOf(field(name, 'alias'));
        if (source && alias) out.push({ local: alias, binding: { source, imported: '*' } });
      } else if (name.type === 'dotted_name') {
        const first = textOf(name.namedChildren[0]);
        if (first) out.push({ local: first, binding: { source: first, imported: '*' } });
      }
    }
  } else if (node.type === 'import_from_statement') {
    const moduleNode = field(node, 'module_name');
    if (!moduleNode) return out;
    const source = textOf(moduleNode).replace(/\s+/g, '');
    for (const name of fieldChildren(node, 'name')) {
      if (!name) continue;
      if (name.type === 'aliased_import') {
        const imported = textOf(field(name, 'name'));
        const alias = textOf(field(name, 'alias'));
        if (imported && alias) out.push({ local: alias, binding: { source, imported } });
      } else if (name.type === 'dotted_name') {
        out.push({ local: textOf(name), binding: { source, imported: textOf(name) } });
      }
    }
  }
  return out;
}

/** The unwrapped definition of a (possibly decorated) definition node. */
function definitionOf(node: Node): Node | undefined {
  if (node.type === 'decorated_definition') return field(node, 'definition') ?? undefined;
  if (node.type === 'function_definition' || node.type === 'class_definition') return node;
  return undefined;
}

/** The assignment inside an expression statement, if it is one. */
export function assignmentOf(statement: Node): Node | undefined {
  if (statement.type !== 'expression_statement') return undefined;
  const inner = statement.namedChildren[0] ?? null;
  return inner && (inner.type === 'assignment' || inner.type === 'augmented_assignment') ? inner : undefined;
}

function stringPrefix(node: Node): string {
  const start = textOf(node.namedChildren.find((c) => c?.type === 'string_start')) ?? '';
  return start.replace(/["']+$/, '').toLowerCase();
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };

function unescape(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (ch === '\\' && next !== undefined && next in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[next];
      i++;
    } else out += ch;
  }
  return out;
}

/**
 * The constant value of a string expression: literals (f-strings whose parts are constants too),
 * implicit and `+` concatenation, parentheses, and names / dotted names found in `constants`.
 */
export function evalString(node: Node | null | undefined, constants: ReadonlyMap<string, string>): string | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'string': {
      const prefix = stringPrefix(node);
      const isRaw = prefix.includes('r');
      const isF = prefix.includes('f');
      let out = '';
      for (const child of node.namedChildren) {
        if (!child || child.type === 'string_start' || child.type === 'string_end') continue;
        if (child.type === 'string_content') {
          let text = isRaw ? textOf(child) : unescape(textOf(child));
          if (isF) text = text.replaceAll('{{', '{').replaceAll('}}', '}');
          out += text;
        } else if (child.type === 'interpolation') {
          if (field(child, 'type_conversion') || field(child, 'format_specifier')) return undefined;
          const value = evalString(field(child, 'expression'), constants);
          if (value === undefined) return undefined;
          out += value;
        } else if (child.type === 'escape_sequence') {
          out += unescape(textOf(child));
        } else return undefined;
      }
      return out;
    }
    case 'concatenated_string': {
      let out = '';
      for (const child of node.namedChildren) {
        const part = evalString(child, constants);
        if (part === undefined) return undefined;
        out += part;
      }
      return out;
    }
    case 'binary_operator': {
      if (textOf(field(node, 'operator')) !== '+') return undefined;
      const left = evalString(field(node, 'left'), constants);
      const right = left === undefined ? undefined : evalString(field(node, 'right'), constants);
      return left !== undefined && right !== undefined ? left + right : undefined;
    }
    case 'parenthesized_expression':
      return evalString(node.namedChildren[0] ?? null, constants);
    case 'identifier':
    case 'attribute': {
      const path = dottedPath(node);
      return path ? constants.get(path.join('.')) : undefined;
    }
    default:
      return undefined;
  }
}

/** Class-level constant strings of a class body (`API_V1_STR: str = "/api/v1"`). */
function classConstants(cls: Node, constants: Map<string, string>): Map<string, { value: string; node: Node }> {
  const out = new Map<string, { value: string; node: Node }>();
  const body = field(cls, 'body');
  for (const statement of body?.namedChildren ?? []) {
    const assignment = statement ? assignmentOf(statement) : undefined;
    if (!assignment || assignment.type !== 'assignment') continue;
    const name = field(assignment, 'left');
    if (name?.type !== 'identifier') continue;
    const value = evalString(field(assignment, 'right'), constants);
    if (value !== undefined) out.set(textOf(name), { value, node: assignment });
  }
  return out;
}

/** Reads the in-file scope of a Python module (once per tree; shared, so callers must not mutate it). */
export function readModuleScope(root: Node): ModuleScope {
  return memoForRoot(MODULE_SCOPES, root, buildModuleScope);
}

const MODULE_SCOPES = new LastTreeCache<Map<number, ModuleScope>>();

function buildModuleScope(root: Node): ModuleScope {
  const scope: ModuleScope = {
    imports: new Map(), packages: new Set(), constants: new Map(), constantNodes: new Map(),
    classes: new Map(), functions: new Map(), calls: new Map(),
  };
  walk(root, (node) => {
    if (node.type === 'import_statement' || node.type === 'import_from_statement') {
      for (const { local, binding } of importBindings(node)) {
        if (!scope.imports.has(local)) scope.imports.set(local, binding);
        if (!binding.source.startsWith('.')) scope.packages.add(binding.source.split('.')[0]!);
      }
      return false;
    }
    const def = definitionOf(node);
    if (def && node.type !== 'decorated_definition') {
      const name = textOf(field(def, 'name'));
      const map = def.type === 'class_definition' ? scope.classes : scope.functions;
      if (name && !map.has(name)) map.set(name, def);
    }
    if (node.type === 'assignment') {
      const left = field(node, 'left');
      const right = field(node, 'right');
      if (left?.type === 'identifier' && right?.type === 'call' && !scope.calls.has(textOf(left))) scope.calls.set(textOf(left), right);
    }
    return true;
  });
  // Constants: top-level statements in order, so later ones can use earlier ones.
  const setConstant = (key: string, value: string, node: Node) => {
    scope.constants.set(key, value);
    scope.constantNodes.set(key, node);
  };
  const classValues = new Map<string, Map<string, { value: string; node: Node }>>();
  for (const statement of root.namedChildren) {
    const def = definitionOf(statement);
    if (def?.type === 'class_definition') {
      const name = textOf(field(def, 'name'));
      if (!name) continue;
      const values = classConstants(def, scope.constants);
      classValues.set(name, values);
      for (const [attr, { value, node }] of values) setConstant(`${name}.${attr}`, value, node);
      continue;
    }
    const assignment = assignmentOf(statement);
    if (!assignment || assignment.type !== 'assignment') continue;
    const left = field(assignment, 'left');
    const right = field(assignment, 'right');
    if (left?.type !== 'identifier' || !right) continue;
    const value = evalString(right, scope.constants);
    if (value !== undefined) {
      setConstant(textOf(left), value, assignment);
      continue;
    }
    // `settings = Settings()` of an in-file class: its attributes become `settings.ATTR`.
    if (right.type === 'call') {
      const callee = dottedPath(field(right, 'function'))?.join('.');
      const values = callee ? classValues.get(callee) : undefined;
      for (const [attr, { value: v }] of values ?? []) setConstant(`${textOf(left)}.${attr}`, v, assignment);
    }
  }
  return scope;
}

/** The last segment of the callee of the call bound to `name` in this file ('FastAPI', 'Blueprint'), if any. */
export function constructorOf(scope: ModuleScope, name: string | undefined): string | undefined {
  const call = name === undefined ? undefined : scope.calls.get(name);
  const callee = call ? dottedPath(field(call, 'function')) : undefined;
  return callee?.[callee.length - 1];
}

function importFacts(file: ParsedFile, root: Node): ImportFact[] {
  const out: ImportFact[] = [];
  walk(root, (node) => {
    if (node.type !== 'import_statement' && node.type !== 'import_from_statement') return true;
    for (const { local, binding } of importBindings(node)) {
      out.push({ kind: 'import', language: 'python', local, source: binding.source, imported: binding.imported, location: loc(file.path, node) });
    }
    return false;
  });
  return out;
}

function aliasFacts(file: ParsedFile, root: Node): AliasFact[] {
  const out: AliasFact[] = [];
  for (const statement of root.namedChildren) {
    const assignment = statement ? assignmentOf(statement) : undefined;
    if (!assignment || assignment.type !== 'assignment') continue;
    const left = field(assignment, 'left');
    const target = dottedPath(field(assignment, 'right'));
    if (left?.type !== 'identifier' || !target || (target.length === 1 && target[0] === textOf(left))) continue;
    out.push({ kind: 'alias', local: textOf(left), target: { file: file.path, path: target }, location: loc(file.path, assignment) });
  }
  return out;
}

/** Short, single-line values only: constants matter as path prefixes, not as text. */
const CONSTANT_VALUE = /^[^\s]{0,200}$/;

function constantFacts(file: ParsedFile, root: Node): ConstantFact[] {
  const scope = readModuleScope(root);
  const out: ConstantFact[] = [];
  for (const [key, value] of scope.constants) {
    const node = scope.constantNodes.get(key);
    if (!node || !CONSTANT_VALUE.test(value)) continue;
    out.push({ kind: 'constant', ref: { file: file.path, path: key.split('.') }, value, location: loc(file.path, node) });
  }
  return out;
}

export const pythonModules: Extractor = {
  id: 'python/modules',
  languages: ['python'],
  extract(file: ParsedFile): Fact[] {
    if (file.tree.kind !== 'tree-sitter') return [];
    const root = rootOf(file.tree.tree);
    return [...importFacts(file, root), ...aliasFacts(file, root), ...constantFacts(file, root)];
  },
};

export type PythonWebFramework = 'fastapi' | 'flask' | 'django' | 'other';

const CONSTRUCTOR_FRAMEWORK: Record<string, PythonWebFramework> = {
  FastAPI: 'fastapi', APIRouter: 'fastapi',
  Flask: 'flask', Blueprint: 'flask', APIFlask: 'flask', APIBlueprint: 'flask',
  DefaultRouter: 'django', SimpleRouter: 'django',
  Quart: 'other', Sanic: 'other', Starlette: 'other', Litestar: 'other', Robyn: 'other', Bottle: 'other',
  Router: 'other', Application: 'other', App: 'other', Ninja: 'other', NinjaAPI: 'other',
};

/** Web frameworks whose decorators look like Flask's or FastAPI's (not starlette: FastAPI code imports it all the time). */
const OTHER_WEB_PACKAGES = new Set([
  'quart', 'sanic', 'litestar', 'robyn', 'bottle', 'aiohttp', 'tornado', 'falcon', 'ninja',
  'pyramid', 'cherrypy', 'masonite', 'blacksheep', 'responder', 'hug', 'connexion', 'django', 'rest_framework',
]);

function packageFramework(pkg: string): PythonWebFramework | undefined {
  if (pkg === 'fastapi') return 'fastapi';
  if (pkg === 'flask' || pkg.startsWith('flask_')) return 'flask';
  if (pkg === 'rest_framework') return 'django';
  return OTHER_WEB_PACKAGES.has(pkg) ? 'other' : undefined;
}

/**
 * The framework of a constructor call (`Flask(__name__)`, `fastapi.APIRouter()`, quart's `Blueprint(...)`):
 * by where its name is imported from, else by the name alone. Undefined for unknown constructors.
 */
export function callFramework(scope: ModuleScope, call: Node): PythonWebFramework | undefined {
  const callee = dottedPath(field(call, 'function'));
  if (!callee) return undefined;
  const name = callee[callee.length - 1]!;
  const binding = scope.imports.get(callee[0]!);
  const source = binding ? binding.source : callee.length > 1 ? callee[0] : undefined;
  const byName = CONSTRUCTOR_FRAMEWORK[name];
  if (!byName) return undefined;
  const byImport = source && !source.startsWith('.') ? packageFramework(source.split('.')[0]!) : undefined;
  return byImport ?? byName;
}

/**
 * Which framework a decorator / call receiver (`app`, `router`, `bp`) belongs to: by the constructor
 * it is bound to in this file, else by what the file imports, else by the decorator style.
 */
export function receiverFramework(scope: ModuleScope, receiver: readonly string[], isRouteStyle: boolean): PythonWebFramework {
  const call = receiver.length === 1 ? scope.calls.get(receiver[0]!) : undefined;
  const known = call ? callFramework(scope, call) : undefined;
  return known ?? fileFramework(scope, isRouteStyle);
}

/** The web framework a file's imports point to (FastAPI, Flask, another one); by decorator style when it imports none. */
export function fileFramework(scope: ModuleScope, isRouteStyle: boolean): PythonWebFramework {
  const hasFastapi = scope.packages.has('fastapi');
  const hasFlask = [...scope.packages].some((p) => p === 'flask' || p.startsWith('flask_'));
  if (hasFastapi && !hasFlask) return 'fastapi';
  if (hasFlask && !hasFastapi) return 'flask';
  if (!hasFastapi && !hasFlask && [...scope.packages].some((p) => OTHER_WEB_PACKAGES.has(p))) return 'other';
  return isRouteStyle ? 'flask' : 'fastapi';
}

const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT', 'QUERY']);

export function isHttpMethod(value: string): value is HttpMethod {
  return HTTP_METHODS.has(value);
}

/** Methods of a `methods=[...]` list/tuple/set, upper-cased and de-duplicated; undefined when absent. */
export function httpMethodList(node: Node | null | undefined, scope: ModuleScope): HttpMethod[] | undefined {
  if (!node || !['list', 'tuple', 'set'].includes(node.type)) return undefined;
  const out: HttpMethod[] = [];
  for (const child of node.namedChildren) {
    if (!child || child.type === 'comment') continue;
    const value = evalString(child, scope.constants)?.toUpperCase();
    if (value && isHttpMethod(value) && !out.includes(value)) out.push(value);
  }
  return out;
}

export interface ClassBodyInfo {
  /** `name = value` statements of the class body, by name. */
  assignments: Map<string, Node>;
  /** Methods (decorated or not), by name; first wins. */
  functions: Map<string, Node>;
}

export function classBody(cls: Node): ClassBodyInfo {
  const assignments = new Map<string, Node>();
  const functions = new Map<string, Node>();
  for (const statement of field(cls, 'body')?.namedChildren ?? []) {
    const def = statement.type === 'decorated_definition' ? field(statement, 'definition') : statement;
    if (def?.type === 'function_definition') {
      const name = textOf(field(def, 'name'));
      if (name && !functions.has(name)) functions.set(name, def);
      continue;
    }
    const assignment = assignmentOf(statement);
    const target = field(assignment, 'left');
    const value = field(assignment, 'right');
    if (assignment?.type === 'assignment' && target?.type === 'identifier' && value) assignments.set(textOf(target), value);
  }
  return { assignments, functions };
}

/** Base class names, last segment (`generics.ListAPIView` -> 'ListAPIView'). */
export function baseNames(cls: Node): string[] {
  const out: string[] = [];
  for (const arg of field(cls, 'superclasses')?.namedChildren ?? []) {
    const path = dottedPath(arg);
    if (path) out.push(path[path.length - 1]!);
  }
  return out;
}

/** Decorator nodes of a function or class definition, top to bottom. */
export function decoratorsOf(def: Node): Node[] {
  const parent = def.parent;
  if (parent?.type !== 'decorated_definition') return [];
  return parent.namedChildren.filter((c) => c.type === 'decorator');
}

const TEST_DIRS = new Set(['test', 'tests', 'testing']);

/** Test modules (tests/, test_x.py, x_test.py, tests.py, conftest.py): routes declared there are test scaffolding. */
export function isPythonTestFile(path: string): boolean {
  const parts = path.split('/');
  const base = parts.pop() ?? '';
  if (parts.some((p) => TEST_DIRS.has(p))) return true;
  return base.startsWith('test_') || base.endsWith('_test.py') || base === 'tests.py' || base === 'conftest.py';
}
