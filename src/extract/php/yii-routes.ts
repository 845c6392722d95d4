// Yii 2 routes:
// - urlManager rules in the application config (`'rules' => ['GET,HEAD posts/<id:\d+>' => 'post/view',
//   ['pattern' => ..., 'route' => ..., 'verb' => ...], ['class' => 'yii\rest\UrlRule', 'controller' => 'user']]`);
// - the default `<controller>/<action>` routing of web controllers (`controllers/` and
//   `modules/<m>/controllers/`, classes extending yii\web\Controller or yii\rest\(Active)Controller):
//   `actionFooBar()` of `UserProfileController` is `/user-profile/foo-bar`. Such actions answer every
//   verb; we report GET, and POST where the action reads the body (`->post()`, `getBodyParam`).
//   ActiveController's built-in actions (index, view, create, update, delete, options) use their verbs().
//   Console controllers (yii\console\Controller) serve no HTTP.
import type { Fact, HttpMethod, RouteFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { descendants, loc, namedChildren, treeOf, walk, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { arrayEntries, arrayValue, lastName, stringList, stringValue } from './ast.js';
import { isPhpTestPath, toMethod } from './methods.js';
import { joinUrl, readsFormData } from './router-calls.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'yii';

/** Yii's `<name:regex>` / `<name>` parameters -> `{name}`. */
export function yiiPath(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c !== '<') {
      out += c;
      continue;
    }
    // The regex part may hold '<' or '>' only inside brackets; scan to the matching '>'.
    let j = i + 1;
    let depth = 0;
    while (j < pattern.length && !(pattern[j] === '>' && depth === 0)) {
      if (pattern[j] === '[' || pattern[j] === '(' || pattern[j] === '{') depth++;
      else if ((pattern[j] === ']' || pattern[j] === ')' || pattern[j] === '}') && depth > 0) depth--;
      j++;
    }
    const inner = pattern.slice(i + 1, j);
    const colon = inner.indexOf(':');
    out += `{${colon >= 0 ? inner.slice(0, colon) : inner}}`;
    i = j;
  }
  return out;
}

/** 'GET,HEAD posts/<id>' -> methods ['GET','HEAD'] and the pattern; no verb -> GET. */
function splitRuleKey(key: string): { methods: HttpMethod[]; pattern: string } {
  const trimmed = key.trim();
  const space = trimmed.search(/\s/);
  if (space > 0) {
    const verbs = trimmed.slice(0, space).split(',');
    const methods = verbs.map((v) => (v === v.toUpperCase() ? toMethod(v) : undefined));
    if (methods.every((m) => !!m)) return { methods: methods as HttpMethod[], pattern: trimmed.slice(space).trim() };
  }
  return { methods: ['GET'], pattern: trimmed };
}

function emit(facts: Fact[], file: ParsedFile, method: HttpMethod, path: string, node: Node, handler?: string, origin?: 'generated'): void {
  const fact: RouteFact = { kind: 'route', framework: FRAMEWORK, method, path, location: loc(file.path, node) };
  if (handler) fact.handler = { name: handler };
  if (origin) fact.origin = origin;
  facts.push(fact);
}

/** yii\rest\UrlRule's default patterns ({id} stands for `<id>`). */
const REST_PATTERNS: [HttpMethod, string, string][] = [
  ['PUT', '/{id}', 'update'], ['PATCH', '/{id}', 'update'], ['DELETE', '/{id}', 'delete'], ['GET', '/{id}', 'view'],
  ['POST', '', 'create'], ['GET', '', 'index'],
];

/** 'user' -> 'users' (Inflector::pluralize for the common cases). */
function pluralize(word: string): string {
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

function restRule(rule: Node, prefix: string, file: ParsedFile, facts: Fact[]): void {
  const controllers = arrayValue(rule, 'controller');
  const pluralizeOn = arrayValue(rule, 'pluralize')?.text.toLowerCase() !== 'false';
  const only = stringList(arrayValue(rule, 'only'));
  const except = stringList(arrayValue(rule, 'except'));
  const names: [string, string][] = [];
  for (const entry of arrayEntries(controllers) ?? []) {
    const value = stringValue(entry.value);
    const key = entry.key ? stringValue(entry.key) : undefined;
    if (value) names.push([key ?? (pluralizeOn ? pluralize(value.split('/').pop()!) : value), value]);
  }
  const single = stringValue(controllers);
  if (single) {
    const last = single.split('/').pop()!;
    names.push([single.slice(0, single.length - last.length) + (pluralizeOn ? pluralize(last) : last), single]);
  }
  for (const [url, controller] of names) {
    for (const [method, suffix, action] of REST_PATTERNS) {
      if ((only.length > 0 && !only.includes(action)) || except.includes(action)) continue;
      emit(facts, file, method, joinUrl(prefix, url) + suffix, rule, `${controller}/${action}`, 'generated');
    }
  }
}

function urlRules(rules: Node, file: ParsedFile, facts: Fact[]): void {
  for (const entry of arrayEntries(rules) ?? []) {
    const key = entry.key ? stringValue(entry.key) : undefined;
    if (key !== undefined) {
      const target = stringValue(entry.value) ?? stringValue(arrayValue(entry.value, 'route'));
      const { methods, pattern } = splitRuleKey(key);
      for (const m of methods) emit(facts, file, m, joinUrl(yiiPath(pattern)), entry.key!, target);
      continue;
    }
    const rule = entry.value;
    if (rule.type !== 'array_creation_expression') continue;
    // 'yii\rest\UrlRule' or \yii\rest\UrlRule::class
    const cls = arrayValue(rule, 'class')?.text ?? '';
    if (cls.includes('UrlRule') && cls.includes('rest')) {
      restRule(rule, stringValue(arrayValue(rule, 'prefix')) ?? '', file, facts);
      continue;
    }
    const pattern = stringValue(arrayValue(rule, 'pattern'));
    if (pattern === undefined) continue;
    const verbNode = arrayValue(rule, 'verb');
    const verbs = stringList(verbNode).flatMap((v) => v.split(',')).map((v) => toMethod(v)).filter((v): v is HttpMethod => !!v);
    for (const m of verbs.length > 0 ? verbs : ['GET' as HttpMethod]) {
      emit(facts, file, m, joinUrl(yiiPath(pattern)), rule, stringValue(arrayValue(rule, 'route')));
    }
  }
}

function configRules(root: Node, file: ParsedFile, facts: Fact[]): void {
  walk(root, (node) => {
    if (node.type !== 'array_element_initializer') return true;
    const [key, value] = namedChildren(node);
    if (!key || !value || stringValue(key) !== 'urlManager') return true;
    const rules = arrayValue(value, 'rules');
    if (rules) urlRules(rules, file, facts);
    return false;
  });
}

// ---------------------------------------------------------------- controllers

/** 'UserProfile' -> 'user-profile' (Yii's controller and action ids). */
function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

const ACTIVE_ACTIONS: [string, HttpMethod[]][] = [
  ['index', ['GET']], ['view', ['GET']], ['create', ['POST']], ['update', ['PUT', 'PATCH']], ['delete', ['DELETE']], ['options', ['OPTIONS']],
];

function controllerRoutes(root: Node, file: ParsedFile, facts: Fact[]): void {
  // controllers/<sub>/XController.php, modules/<m>/controllers/<sub>/XController.php
  const segments = file.path.split('/');
  const at = segments.lastIndexOf('controllers');
  if (at < 0 || !segments[segments.length - 1]!.endsWith('Controller.php')) return;
  const module = at >= 2 && segments[at - 2] === 'modules' ? segments[at - 1]! : '';
  const prefix = joinUrl(module, ...segments.slice(at + 1, -1).map(kebab));
  for (const cls of descendants(root, ['class_declaration'])) {
    const name = lastName(fieldOf(cls, 'name'));
    const base = namedChildren(cls).find((c) => c.type === 'base_clause');
    if (!name?.endsWith('Controller') || !base) continue;
    if (namedChildren(cls).some((c) => c.type === 'abstract_modifier')) continue;
    const controller = joinUrl(prefix, kebab(name.slice(0, -'Controller'.length)));
    const handlerBase = name;
    if (/ActiveController$/.test(base.text)) {
      for (const [action, methods] of ACTIVE_ACTIONS) {
        for (const m of methods) emit(facts, file, m, `${controller}/${action}`, cls, `${handlerBase}::${action}`, 'generated');
      }
    }
    for (const method of descendants(cls, ['method_declaration'])) {
      const mName = fieldOf(method, 'name')?.text ?? '';
      const body = fieldOf(method, 'body');
      if (!/^action[A-Z0-9]/.test(mName) || mName === 'actions' || !body) continue;
      const mods = namedChildren(method).filter((c) => c.type.endsWith('_modifier')).map((c) => c.text);
      if (mods.includes('private') || mods.includes('protected') || mods.includes('static')) continue;
      const action = kebab(mName.slice('action'.length));
      const verbs: HttpMethod[] = readsFormData(body) ? ['GET', 'POST'] : ['GET'];
      for (const v of verbs) emit(facts, file, v, `${controller}/${action}`, method, `${handlerBase}::${mName}`, 'generated');
    }
  }
}

/** Web controllers only: console controllers (yii\console\Controller) are CLI commands. */
function isWebController(file: ParsedFile): boolean {
  return (file.text.includes('yii\\web\\') || file.text.includes('yii\\rest\\')) && !file.text.includes('yii\\console\\');
}

export const yiiRoutes: Extractor = {
  id: 'yii/routes',
  languages: ['php'],
  keywords: ['urlManager', 'yii\\'],
  extract(file) {
    const tree = treeOf(file);
    if (!tree || isPhpTestPath(file.path) || /(^|\/)vendor\//.test(file.path)) return [];
    const facts: Fact[] = [];
    if (file.text.includes('urlManager')) configRules(tree.rootNode, file, facts);
    if (isWebController(file)) controllerRoutes(tree.rootNode, file, facts);
    return facts;
  },
};
