// Hyperf routes:
// - config/routes.php: Router::get/post/put/patch/delete/head/options, Router::addRoute(methods, path, h),
//   Router::addGroup(prefix, closure, ['middleware' => [...]]) nested, inside Router::addServer blocks;
// - annotation routes (PHP attributes or docblock annotations): #[Controller(prefix: '/x')] with
//   #[GetMapping]/#[PostMapping]/.../#[RequestMapping(path:, methods:)], and #[AutoController] (every
//   public method at `<prefix>/<method>` for GET, POST and HEAD, `index` also at `<prefix>`).
//   As Hyperf's DispatcherFactory does: a mapping path starting with '/' is absolute, any other path
//   (the method name when omitted) is joined to the prefix, an empty path is the prefix itself; the
//   default prefix is the class name after `\Controller\` without 'Controller', snake_cased.
import type { Fact, HttpMethod, MiddlewareRef, RouteFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { descendants, loc, namedChildren, treeOf, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { arrayEntries, arrayValue, attributesOf, classConstName, docCommentOf, lastName, stringList, stringValue, type CallArgs, type CallChain } from './ast.js';
import { annotationStrings, parseDocAnnotations, type DocAnnotation } from './doc-annotations.js';
import { isPhpTestPath, toMethod } from './methods.js';
import { laravelMiddlewareRole } from './middleware-roles.js';
import { closureOf, visitRouterChains } from './router-calls.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'hyperf';
const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);
const MAPPINGS: Record<string, HttpMethod[]> = {
  GetMapping: ['GET'], PostMapping: ['POST'], PutMapping: ['PUT'], PatchMapping: ['PATCH'], DeleteMapping: ['DELETE'],
  RequestMapping: ['GET', 'POST'],
};

function methodsFrom(strings: string[]): HttpMethod[] {
  return [...new Set(strings.flatMap((s) => s.split(',')).map((s) => toMethod(s)).filter((m): m is HttpMethod => !!m))];
}

function middlewareRefs(node: Node | undefined, at: Node, file: ParsedFile): MiddlewareRef[] {
  const out: MiddlewareRef[] = [];
  for (const entry of arrayEntries(node) ?? []) {
    const name = classConstName(entry.value) ?? stringValue(entry.value);
    if (name) out.push({ name, role: middlewareRole(name), location: loc(file.path, at) });
  }
  return out;
}

function middlewareRole(name: string): MiddlewareRef['role'] {
  const role = laravelMiddlewareRole(name);
  if (role !== 'other') return role;
  return /auth|jwt|token/i.test(name) ? 'auth' : 'other';
}

function joinPlain(prefix: string, path: string): string {
  const joined = `${prefix}${path}`;
  return joined.startsWith('/') ? joined : `/${joined}`;
}

function handlerOf(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const s = stringValue(node);
  if (s !== undefined) return s;
  const entries = arrayEntries(node);
  if (entries?.length === 2) {
    const cls = classConstName(entries[0]!.value) ?? stringValue(entries[0]!.value);
    const m = stringValue(entries[1]!.value);
    if (cls && m) return `${cls}@${m}`;
  }
  return undefined;
}

interface Scope { prefix: string; middleware: MiddlewareRef[] }

function handleChain(chain: CallChain, node: Node, scope: Scope, file: ParsedFile, facts: Fact[]): boolean {
  const link = chain.links[0];
  if (!link) return false;
  const args = link.args.positional;
  if (link.name === 'addGroup') {
    const prefix = stringValue(args[0]);
    const closure = closureOf(args[1]);
    if (prefix === undefined || !closure) return true;
    const inner: Scope = {
      prefix: joinPlain(scope.prefix, prefix),
      middleware: [...scope.middleware, ...middlewareRefs(arrayValue(args[2], 'middleware'), node, file)],
    };
    visitRoutes(closure.body, inner, file, facts);
    return true;
  }
  let methods: HttpMethod[];
  let at = 0;
  if (VERBS.has(link.name)) methods = [toMethod(link.name)!];
  else if (link.name === 'addRoute') {
    methods = methodsFrom(stringList(args[0]));
    at = 1;
  } else return false;
  const path = stringValue(args[at]);
  if (path === undefined) return true;
  const middleware = [...scope.middleware, ...middlewareRefs(arrayValue(args[at + 2], 'middleware'), node, file)];
  const handler = handlerOf(args[at + 1]);
  for (const method of methods) {
    const fact: RouteFact = { kind: 'route', framework: FRAMEWORK, method, path: joinPlain(scope.prefix, path), location: loc(file.path, node) };
    if (handler) fact.handler = { name: handler };
    if (middleware.length > 0) fact.middleware = middleware;
    facts.push(fact);
  }
  return true;
}

function visitRoutes(node: Node, scope: Scope, file: ParsedFile, facts: Fact[]): void {
  visitRouterChains(node, (chain) => chain.isStatic && chain.root === 'Router', (chain, call) => handleChain(chain, call, scope, file, facts));
}

// ---------------------------------------------------------------- annotations

interface Annotation { name: string; get(key: string, index: number): string[] }

function fromAttribute(name: string, args: CallArgs): Annotation {
  return {
    name,
    get: (key, index) => {
      const node = args.named.get(key) ?? args.positional[index];
      return node ? stringList(node) : [];
    },
  };
}

function fromDoc(ann: DocAnnotation): Annotation {
  return {
    name: ann.name.slice(ann.name.lastIndexOf('\\') + 1),
    get: (key, index) => annotationStrings(ann.named.get(key) ?? ann.positional[index]),
  };
}

function annotationsOf(decl: Node): Annotation[] {
  const out = attributesOf(decl).map((a) => fromAttribute(a.name, a.args));
  const doc = docCommentOf(decl);
  if (doc) out.push(...parseDocAnnotations(doc.text).map(fromDoc));
  return out;
}

/** DispatcherFactory::getPrefix without an explicit prefix: App\Controller\Admin\UserController -> /admin/user. */
function defaultPrefix(namespace: string, cls: string): string {
  const full = `${namespace}\\${cls}`;
  const cut = full.indexOf('\\Controller\\');
  const rest = (cut >= 0 ? full.slice(cut + '\\Controller\\'.length) : cls).replace('Controller', '');
  const snake = rest.replace(/\\/g, '/').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().replace(/\/_/g, '/');
  return snake.startsWith('/') ? snake : `/${snake}`;
}

function controllerRoutes(root: Node, file: ParsedFile, facts: Fact[]): void {
  const ns = descendants(root, ['namespace_definition'])[0]?.childForFieldName('name')?.text ?? '';
  for (const cls of descendants(root, ['class_declaration'])) {
    const clsName = lastName(fieldOf(cls, 'name'));
    if (!clsName) continue;
    const classAnns = annotationsOf(cls);
    const controller = classAnns.find((a) => a.name === 'Controller' || a.name === 'AutoController');
    if (!controller) continue;
    const explicit = controller.get('prefix', 0)[0];
    let prefix = explicit ? explicit : defaultPrefix(ns, clsName);
    if (!prefix.startsWith('/')) prefix = `/${prefix}`;
    const classMw = classAnns.filter((a) => a.name === 'Middleware').flatMap((a) => a.get('middleware', 0));
    for (const method of descendants(cls, ['method_declaration'])) {
      const name = fieldOf(method, 'name')?.text;
      if (!name || name.startsWith('__')) continue;
      const mods = namedChildren(method).filter((c) => c.type.endsWith('_modifier')).map((c) => c.text);
      if (mods.includes('private') || mods.includes('protected')) continue;
      const anns = annotationsOf(method);
      const mwNames = [...classMw, ...anns.filter((a) => a.name === 'Middleware').flatMap((a) => a.get('middleware', 0))];
      const middleware = mwNames.map((n) => ({ name: n, role: middlewareRole(n.slice(n.lastIndexOf('\\') + 1)) }));
      const emit = (m: HttpMethod, path: string, origin?: 'generated') => {
        const fact: RouteFact = { kind: 'route', framework: FRAMEWORK, method: m, path, handler: { name: `${clsName}@${name}` }, location: loc(file.path, method) };
        if (middleware.length > 0) fact.middleware = middleware;
        if (origin) fact.origin = origin;
        facts.push(fact);
      };
      if (controller.name === 'AutoController') {
        const path = `${prefix.replace(/\/$/, '')}/${name}`;
        for (const m of ['GET', 'POST', 'HEAD'] as HttpMethod[]) {
          emit(m, path, 'generated');
          if (name === 'index') emit(m, prefix, 'generated');
        }
        continue;
      }
      for (const ann of anns) {
        const defaults = MAPPINGS[ann.name];
        if (!defaults) continue;
        const declaredPath = ann.get('path', 0);
        let path = declaredPath.length > 0 ? declaredPath[0]! : name;
        if (path === '') path = prefix;
        else if (!path.startsWith('/')) path = `${prefix.replace(/\/$/, '')}/${path}`;
        const declared = ann.name === 'RequestMapping' ? methodsFrom(ann.get('methods', 1)) : [];
        for (const m of declared.length > 0 ? declared : defaults) emit(m, path);
      }
    }
  }
}

export const hyperfRoutes: Extractor = {
  id: 'hyperf/routes',
  languages: ['php'],
  keywords: ['Hyperf\\'],
  extract(file) {
    const tree = treeOf(file);
    if (!tree || isPhpTestPath(file.path) || /(^|\/)vendor\//.test(file.path)) return [];
    const facts: Fact[] = [];
    if (file.text.includes('Router::')) visitRoutes(tree.rootNode, { prefix: '', middleware: [] }, file, facts);
    if (file.text.includes('Controller')) controllerRoutes(tree.rootNode, file, facts);
    return facts;
  },
};
