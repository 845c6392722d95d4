// Phalcon routes:
// - Micro apps and collections held in variables (`$app = new Micro()`, `$c = new Collection()` with
//   `setPrefix`): get/post/put/patch/delete/head/options, `map(...)->via([...])`;
// - the MVC router and its groups (`new Router()`, `new Group()` with `setPrefix`): addGet/addPost/...,
//   `add(...)` (`->via([...])` or the method argument);
// - annotation routes on controllers (`@RoutePrefix`, `@Get`/`@Post`/..., `@Route('/x', methods={...})`);
// - the router's default `/:controller/:action/:params` routes for controllers without annotations
//   (`indexAction` at `/<controller>`, other actions at `/<controller>/<action>` plus one segment per
//   parameter).
// Routes that accept every verb (no `via`, no method) are reported as GET, like the dispatcher's pages.
import type { Fact, HttpMethod, RouteFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { descendants, loc, namedChildren, treeOf, walk, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { arrayValue, lastName, stringList, stringValue, type CallChain } from './ast.js';
import { annotationStrings, parseDocAnnotations } from './doc-annotations.js';
import { isPhpTestPath, toMethod } from './methods.js';
import { joinUrl, visitRouterChains } from './router-calls.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'phalcon';
const MICRO_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);
const ROUTER_VERBS: Record<string, HttpMethod> = {
  addGet: 'GET', addPost: 'POST', addPut: 'PUT', addPatch: 'PATCH', addDelete: 'DELETE', addHead: 'HEAD', addOptions: 'OPTIONS',
};
const ROUTER_CLASSES = new Set(['Micro', 'Collection', 'MicroCollection', 'Router', 'Group', 'RouterGroup']);
const ANNOTATION_VERBS: Record<string, HttpMethod> = {
  Get: 'GET', Post: 'POST', Put: 'PUT', Patch: 'PATCH', Delete: 'DELETE', Head: 'HEAD', Options: 'OPTIONS',
};

function methodsOf(node: Node | undefined): HttpMethod[] {
  return [...new Set(stringList(node).map((m) => toMethod(m)).filter((m): m is HttpMethod => !!m))];
}

function targetName(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const s = stringValue(node);
  if (s !== undefined) return s;
  const controller = stringValue(arrayValue(node, 'controller'));
  const action = stringValue(arrayValue(node, 'action'));
  return controller || action ? `${controller ?? ''}::${action ?? 'index'}` : undefined;
}

/** Variables holding a Micro app, a collection, a router or a router group, with the prefixes they set. */
function routerVars(root: Node): Map<string, string> {
  const vars = new Map<string, string>();
  walk(root, (node) => {
    if (node.type !== 'assignment_expression') return true;
    const right = fieldOf(node, 'right');
    if (right?.type !== 'object_creation_expression') return true;
    const cls = namedChildren(right).find((c) => c.type === 'name' || c.type === 'qualified_name');
    const left = fieldOf(node, 'left');
    if (cls && left?.type === 'variable_name' && ROUTER_CLASSES.has(lastName(cls) ?? '')) vars.set(left.text, '');
    return false;
  });
  walk(root, (node) => {
    if (node.type !== 'member_call_expression') return true;
    const obj = fieldOf(node, 'object')?.text ?? '';
    if (fieldOf(node, 'name')?.text === 'setPrefix' && vars.has(obj)) {
      const prefix = stringValue(namedChildren(fieldOf(node, 'arguments'))[0]);
      if (prefix !== undefined) vars.set(obj, prefix);
    }
    return true;
  });
  return vars;
}

function emit(facts: Fact[], file: ParsedFile, method: HttpMethod, path: string, node: Node, handler?: string, origin?: 'generated'): void {
  const fact: RouteFact = { kind: 'route', framework: FRAMEWORK, method, path, location: loc(file.path, node) };
  if (handler) fact.handler = { name: handler };
  if (origin) fact.origin = origin;
  facts.push(fact);
}

function handleChain(chain: CallChain, node: Node, prefix: string, file: ParsedFile, facts: Fact[]): boolean {
  const link = chain.links[0];
  if (!link) return false;
  const args = link.args.positional;
  const name = link.name;
  let methods: HttpMethod[];
  if (MICRO_VERBS.has(name)) methods = [toMethod(name)!];
  else if (ROUTER_VERBS[name]) methods = [ROUTER_VERBS[name]!];
  else if (name === 'add' || name === 'map') methods = methodsOf(args[2]);
  else return false;
  const via = chain.links.find((l) => l.name === 'via');
  if (via) methods = methodsOf(via.args.positional[0]);
  if (methods.length === 0) methods = ['GET'];
  const path = stringValue(args[0]);
  if (path === undefined) return true;
  const handler = targetName(args[1]);
  for (const m of methods) emit(facts, file, m, joinUrl(prefix, path), node, handler);
  return true;
}

// ---------------------------------------------------------------- controllers

/** Phalcon's uncamelize: 'UserProfiles' -> 'user_profiles'. */
function uncamelize(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

function controllerRoutes(root: Node, file: ParsedFile, facts: Fact[]): void {
  for (const cls of descendants(root, ['class_declaration'])) {
    const clsName = lastName(fieldOf(cls, 'name'));
    if (!clsName?.endsWith('Controller') || !namedChildren(cls).some((c) => c.type === 'base_clause')) continue;
    const classDoc = docOf(cls);
    const prefixAnn = parseDocAnnotations(classDoc).find((a) => a.name === 'RoutePrefix');
    const prefix = prefixAnn ? annotationStrings(prefixAnn.positional[0])[0] ?? '' : '';
    const actions = descendants(cls, ['method_declaration']).filter((m) => {
      const n = fieldOf(m, 'name')?.text ?? '';
      const mods = namedChildren(m).filter((c) => c.type.endsWith('_modifier')).map((c) => c.text);
      return n.endsWith('Action') && n.length > 'Action'.length && !mods.includes('private') && !mods.includes('protected') && !mods.includes('static');
    });
    let annotated = !!prefixAnn;
    const pending: Fact[] = [];
    for (const action of actions) {
      const actionName = fieldOf(action, 'name')!.text;
      for (const ann of parseDocAnnotations(docOf(action))) {
        const verb = ANNOTATION_VERBS[ann.name];
        if (!verb && ann.name !== 'Route') continue;
        annotated = true;
        const path = annotationStrings(ann.positional[0])[0] ?? '';
        const declared = annotationStrings(ann.named.get('methods')).map((m) => toMethod(m)).filter((m): m is HttpMethod => !!m);
        const methods = verb ? [verb] : declared.length > 0 ? declared : ['GET' as HttpMethod];
        for (const m of methods) emit(pending, file, m, joinUrl(prefix, path), action, `${clsName}::${actionName}`);
      }
    }
    if (annotated) {
      facts.push(...pending);
      continue;
    }
    if (namedChildren(cls).some((c) => c.type === 'abstract_modifier')) continue;
    const base = uncamelize(clsName.slice(0, -'Controller'.length));
    if (!base) continue;
    for (const action of actions) {
      const actionName = fieldOf(action, 'name')!.text;
      const act = actionName.slice(0, -'Action'.length);
      const params = namedChildren(fieldOf(action, 'parameters'))
        .map((p) => fieldOf(p, 'name')?.text.replace(/^\$/, ''))
        .filter((p): p is string => !!p);
      const path = act === 'index' && params.length === 0
        ? joinUrl(base)
        : joinUrl(base, uncamelize(act), ...params.map((p) => `{${p}}`));
      emit(facts, file, 'GET', path, action, `${clsName}::${actionName}`, 'generated');
    }
  }
}

function docOf(decl: Node): string {
  let prev = decl.previousNamedSibling;
  while (prev && prev.type === 'comment' && !prev.text.startsWith('/**')) prev = prev.previousNamedSibling;
  return prev && prev.type === 'comment' && prev.text.startsWith('/**') ? prev.text : '';
}

export const phalconRoutes: Extractor = {
  id: 'phalcon/routes',
  languages: ['php'],
  keywords: ['Phalcon\\'],
  extract(file) {
    const tree = treeOf(file);
    if (!tree || isPhpTestPath(file.path) || /(^|\/)vendor\//.test(file.path)) return [];
    const root = tree.rootNode;
    const facts: Fact[] = [];
    const vars = routerVars(root);
    if (vars.size > 0) {
      visitRouterChains(
        root,
        (chain) => !chain.isStatic && vars.has(chain.root),
        (chain, node) => handleChain(chain, node, vars.get(chain.root) ?? '', file, facts),
      );
    }
    if (file.text.includes('Controller')) controllerRoutes(root, file, facts);
    return facts;
  },
};
