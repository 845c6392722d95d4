// TanStack Start server routes (HTTP endpoints; client-only TanStack Router page routes are not):
// - `createFileRoute('/api/users')({ server: { handlers: { GET, POST } } })`, handlers also as
//   `({ createHandlers }) => createHandlers({ GET: { handler } })`;
// - `createServerFileRoute('/api/users').methods({ GET, POST })` (optionally `.middleware([...])` first);
// - the older API routes: `createAPIFileRoute('/api/users')({ GET, POST })`.
// The path is the route id the file declares: `$id` -> {id}, `$` -> {splat}, `{-$lang}` optional (kept as {lang}),
// `(group)` and `_pathless` segments dropped, a trailing `_` (un-nesting) removed. `ANY` answers every method.
import type { Fact, HttpMethod } from '../../core/facts.js';
import { loc, memberPath, objectProperty, stringValue, type Node } from '../javascript/ast.js';
import type { Extractor } from '../types.js';
import { STANDARD_METHOD_SET, readModuleShape, resolveLocal, unwrap, type ModuleShape } from '../file-routes/module-shape.js';
import { expandPaths, isGroupSegment, isTestOrTooling, routeFact } from '../file-routes/paths.js';

const FRAMEWORK = 'tanstack-start';
const FACTORIES = new Set(['createFileRoute', 'createServerFileRoute', 'createAPIFileRoute']);

export const tanstackStartRoutes: Extractor = {
  id: 'tanstack-start/routes',
  languages: ['javascript', 'typescript'],
  keywords: ['createFileRoute', 'createServerFileRoute', 'createAPIFileRoute'],
  extract(file) {
    if (isTestOrTooling(file.path)) return [];
    const shape = readModuleShape(file);
    if (!shape) return [];
    const facts: Fact[] = [];
    for (const exported of shape.exports.values()) {
      const value = unwrap(exported.value);
      if (value?.type !== 'CallExpression') continue;
      const found = serverHandlers(shape, value);
      if (!found) continue;
      const paths = tanstackPaths(found.routeId);
      for (const [method, node] of found.methods) {
        for (const path of paths) facts.push(routeFact(FRAMEWORK, method, path, loc(file.path, exported.at), { name: method, location: loc(file.path, node) }));
      }
    }
    return facts;
  },
};

/** `factory('/id')` where factory is imported from a @tanstack package: the factory name and route id. */
function factoryCall(shape: ModuleShape, node: Node | undefined): { factory: string; routeId: string } | undefined {
  const call = unwrap(node);
  if (call?.type !== 'CallExpression' || call.callee.type !== 'Identifier') return undefined;
  const imported = shape.imports.get(call.callee.name);
  if (!imported || !imported.source.startsWith('@tanstack/') || !FACTORIES.has(imported.imported)) return undefined;
  const routeId = stringValue(call.arguments[0] as Node | undefined);
  return routeId === undefined ? undefined : { factory: imported.imported, routeId };
}

function serverHandlers(shape: ModuleShape, call: Node & { type: 'CallExpression' }): { routeId: string; methods: [HttpMethod, Node][] } | undefined {
  const callee = unwrap(call.callee as Node);
  // createFileRoute('/x')({...}) / createAPIFileRoute('/x')({...})
  const direct = factoryCall(shape, callee);
  if (direct) {
    const options = resolveLocal(shape, call.arguments[0] as Node | undefined);
    if (direct.factory === 'createAPIFileRoute') return { routeId: direct.routeId, methods: methodKeys(shape, options) };
    if (direct.factory !== 'createFileRoute') return undefined;
    const handlers = resolveLocal(shape, objectProperty(resolveLocal(shape, objectProperty(options, 'server')), 'handlers'));
    return { routeId: direct.routeId, methods: methodKeys(shape, handlers) };
  }
  // createServerFileRoute('/x')[.middleware([...])].methods({...})
  if (callee?.type === 'MemberExpression' && memberPath(callee.property as Node)?.[0] === 'methods') {
    let target = unwrap(callee.object as Node);
    for (let i = 0; i < 4 && target?.type === 'CallExpression' && target.callee.type === 'MemberExpression'; i++) target = unwrap(target.callee.object as Node);
    const base = factoryCall(shape, target);
    if (base?.factory !== 'createServerFileRoute') return undefined;
    return { routeId: base.routeId, methods: methodKeys(shape, resolveLocal(shape, call.arguments[0] as Node | undefined)) };
  }
  return undefined;
}

/** Verb keys of a handler object, or of the object a `(helpers) => createHandlers({...})` / `=> ({...})` function returns. */
function methodKeys(shape: ModuleShape, node: Node | undefined): [HttpMethod, Node][] {
  let object = unwrap(node);
  if (object && (object.type === 'ArrowFunctionExpression' || object.type === 'FunctionExpression')) {
    let body: Node | undefined = object.body as Node;
    if (body.type === 'BlockStatement') {
      const ret = body.body.find((s) => s.type === 'ReturnStatement');
      body = ret?.type === 'ReturnStatement' ? (ret.argument as Node | undefined) : undefined;
    }
    body = unwrap(body);
    if (body?.type === 'CallExpression') body = resolveLocal(shape, body.arguments[0] as Node | undefined);
    object = body;
  }
  const out: [HttpMethod, Node][] = [];
  if (object?.type !== 'ObjectExpression') return out;
  for (const prop of object.properties) {
    if (prop.type !== 'ObjectProperty' && prop.type !== 'ObjectMethod') continue;
    const key = prop.key.type === 'Identifier' ? prop.key.name : prop.key.type === 'StringLiteral' ? prop.key.value : '';
    if (STANDARD_METHOD_SET.has(key) || key === 'ANY') out.push([key as HttpMethod, prop]);
  }
  return out;
}

/** URL paths of a TanStack route id ('/_auth/posts/$postId/' -> '/posts/{postId}'). */
export function tanstackPaths(routeId: string): string[] {
  const variants: string[][] = [];
  for (let seg of routeId.split('/')) {
    if (!seg || seg === 'index' || isGroupSegment(seg) || seg.startsWith('_')) continue;
    if (seg.length > 1 && seg.endsWith('_')) seg = seg.slice(0, -1);
    const optional = /^\{-\$([A-Za-z0-9_]+)\}$/.exec(seg);
    if (optional) { variants.push([`{${optional[1]}}`]); continue; } // kept, as for ':id?'
    if (seg === '$') { variants.push(['{splat}']); continue; }
    if (seg.startsWith('$')) { variants.push([`{${seg.slice(1)}}`]); continue; }
    variants.push([seg.replace(/\{\$([A-Za-z0-9_]+)\}/g, '{$1}')]);
  }
  return expandPaths(variants);
}
