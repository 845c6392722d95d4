// Sails.js: custom routes of config/routes.js (`module.exports.routes = { 'GET /x': 'UserController.find' }`)
// and the REST blueprint routes Sails binds for every model file (api/models/<Name>.js, `rest: true`
// by default in Sails 1). Action and shortcut blueprints are off by default and are not emitted.
import type * as t from '@babel/types';
import type { Fact, HttpMethod, RouteFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, memberPath, type Node } from '../javascript/ast.js';
import type { Extractor } from '../types.js';

const FRAMEWORK = 'sails';

const VERBS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', del: 'DELETE', head: 'HEAD', options: 'OPTIONS',
  all: 'ANY', '*': 'ANY',
};

/** Keys of a route target object that make it serve the request (a lone `{ policy }` only guards). */
const TARGET_KEYS = new Set(['action', 'controller', 'view', 'fn', 'response', 'redirect', 'blueprint', 'target']);

/** `'GET /users/:id'` -> GET, '/users/:id'; `'/x'` -> ANY; regex addresses (`r|^/x$|`) and others -> undefined. */
export function parseAddress(address: string): { method: HttpMethod; path: string } | undefined {
  const text = address.trim();
  const space = text.search(/\s/);
  let method: HttpMethod = 'ANY';
  let path = text;
  if (space > 0) {
    const verb = VERBS[text.slice(0, space).toLowerCase()];
    if (!verb) return undefined;
    method = verb;
    path = text.slice(space).trim();
  }
  if (!path.startsWith('/')) return undefined; // 'r|...|' regex addresses and anything unknown
  return { method, path };
}

function unwrap(node: Node | null | undefined): Node | undefined {
  let cur = node ?? undefined;
  while (cur && (cur.type === 'ParenthesizedExpression' || cur.type === 'TSAsExpression' || cur.type === 'TSSatisfiesExpression')) cur = cur.expression;
  return cur;
}

function keyName(key: Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral') return key.value;
  if (key.type === 'TemplateLiteral' && key.expressions.length === 0) return key.quasis.map((q) => q.value.cooked ?? q.value.raw).join('');
  return undefined;
}

/** The handler a route target names, or undefined when the target only guards (policy-only objects). */
function targetOf(value: Node | undefined): { name: string } | 'none' | undefined {
  const v = unwrap(value);
  if (!v) return undefined;
  if (v.type === 'StringLiteral') return { name: v.value };
  if (v.type === 'FunctionExpression' || v.type === 'ArrowFunctionExpression') return { name: '<inline>' };
  if (v.type === 'ObjectMethod') return { name: '<inline>' };
  if (v.type === 'ArrayExpression') {
    const last = v.elements[v.elements.length - 1];
    return last ? targetOf(last as Node) ?? { name: '<chain>' } : 'none';
  }
  if (v.type === 'ObjectExpression') {
    let controller: string | undefined;
    let action: string | undefined;
    let other: string | undefined;
    for (const prop of v.properties) {
      if (prop.type !== 'ObjectProperty' && prop.type !== 'ObjectMethod') continue;
      const key = keyName(prop.key as Node);
      if (!key || !TARGET_KEYS.has(key)) continue;
      const text = prop.type === 'ObjectProperty' && prop.value.type === 'StringLiteral' ? prop.value.value : undefined;
      if (key === 'controller') controller = text;
      else if (key === 'action') action = text;
      else other ??= text ? `${key}:${text}` : key;
    }
    if (controller || action) return { name: [controller, action].filter(Boolean).join('.') };
    return other ? { name: other } : 'none';
  }
  const path = memberPath(v);
  if (path) return { name: path.join('.') };
  return { name: '<expression>' };
}

function routesObject(file: ParsedFile, obj: t.ObjectExpression, facts: Fact[]): void {
  for (const prop of obj.properties) {
    if (prop.type !== 'ObjectProperty' && prop.type !== 'ObjectMethod') continue;
    if (prop.computed) continue;
    const address = keyName(prop.key as Node);
    if (address === undefined) continue;
    const parsed = parseAddress(address);
    if (!parsed) continue;
    const target = targetOf(prop.type === 'ObjectMethod' ? prop : (prop.value as Node));
    if (!target || target === 'none') continue;
    const route: RouteFact = {
      kind: 'route', framework: FRAMEWORK, method: parsed.method, path: parsed.path,
      handler: { name: target.name }, location: loc(file.path, prop),
    };
    facts.push(route);
  }
}

/** `module.exports.routes = {...}`, `exports.routes = {...}`, `module.exports = { routes: {...} }`. */
function routesTables(program: t.Program): t.ObjectExpression[] {
  const out: t.ObjectExpression[] = [];
  for (const statement of program.body) {
    if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'AssignmentExpression') continue;
    const { left, right } = statement.expression;
    const target = memberPath(left as Node)?.join('.');
    const value = unwrap(right as Node);
    if (value?.type !== 'ObjectExpression') continue;
    if (target === 'module.exports.routes' || target === 'exports.routes') out.push(value);
    else if (target === 'module.exports') {
      for (const prop of value.properties) {
        if (prop.type !== 'ObjectProperty' || keyName(prop.key as Node) !== 'routes') continue;
        const inner = unwrap(prop.value as Node);
        if (inner?.type === 'ObjectExpression') out.push(inner);
      }
    }
  }
  return out;
}

const MODEL_FILE = /(?:^|\/)api\/models\/([A-Za-z][A-Za-z0-9_]*)\.js$/;

const MODEL_KEYS = new Set(['attributes', 'tableName', 'primaryKey', 'datastore', 'identity', 'migrate', 'customToJSON', 'schema']);

/** REST blueprints of a model file: `module.exports = { attributes: {...} }` in api/models/. */
function modelBlueprints(file: ParsedFile, program: t.Program, identity: string, facts: Fact[]): void {
  for (const statement of program.body) {
    if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'AssignmentExpression') continue;
    if (memberPath(statement.expression.left as Node)?.join('.') !== 'module.exports') continue;
    const value = unwrap(statement.expression.right as Node);
    if (value?.type !== 'ObjectExpression') continue;
    // A Waterline model definition, not some other object that happens to live in api/models/.
    let isModel = false;
    let name = identity;
    for (const prop of value.properties) {
      if (prop.type !== 'ObjectProperty' && prop.type !== 'ObjectMethod') continue;
      const key = keyName(prop.key as Node);
      if (key && MODEL_KEYS.has(key)) isModel = true;
      if (key === 'identity' && prop.type === 'ObjectProperty' && prop.value.type === 'StringLiteral') name = prop.value.value.toLowerCase();
    }
    if (!isModel) return;
    const location = loc(file.path, statement);
    const base = `/${name}`;
    const rest: [HttpMethod, string, string][] = [
      ['GET', base, 'find'], ['POST', base, 'create'],
      ['GET', `${base}/:id`, 'findOne'], ['PATCH', `${base}/:id`, 'update'], ['DELETE', `${base}/:id`, 'destroy'],
    ];
    for (const [method, path, action] of rest) {
      facts.push({ kind: 'route', framework: FRAMEWORK, method, path, handler: { name: `blueprint.${action}` }, location, origin: 'generated' });
    }
    return;
  }
}

export function extractSailsRoutes(file: ParsedFile): Fact[] {
  if (file.tree.kind !== 'babel') return [];
  const program = file.tree.ast.program;
  const facts: Fact[] = [];
  const model = MODEL_FILE.exec(file.path);
  if (model) {
    modelBlueprints(file, program, model[1]!.toLowerCase(), facts);
    return facts;
  }
  if (!/(?:^|\/)config\//.test(file.path)) return facts;
  const tables = routesTables(program);
  for (const table of tables) routesObject(file, table, facts);
  // The app's assets/ folder (next to config/) is served at '/' (built into .tmp/public by the asset pipeline).
  if (tables.length > 0 && /(?:^|\/)config\/routes\.js$/.test(file.path)) {
    facts.push({ kind: 'static-mount', framework: FRAMEWORK, prefix: '/', dir: '../assets', base: 'file', location: loc(file.path, tables[0]!) });
  }
  return facts;
}

export const sailsRoutes: Extractor = {
  id: 'sails/routes',
  languages: ['javascript'],
  keywords: ['exports'],
  extract: extractSailsRoutes,
};
