// Fresh (Deno) file routes under routes/:
// - `export const handler = { GET(req, ctx) {...}, POST... }` (Fresh 1 `Handlers`, Fresh 2
//   `define.handlers({...})`): one route per verb key;
// - `export const handler = (req, ctx) => ...` (a function): every method;
// - a default-exported page component (JSX, `defineRoute(fn)`, `define.page(fn)`, an async route
//   component): GET, unless `handler` is a function or has its own GET.
// Files and folders starting with `_` (_app, _layout, _middleware, _404) are not routed; (group) is
// dropped; [id] -> {id}, [...slug] -> {slug}; `index` names the directory.
// A handler function needs a Fresh import (a bare `handler` function is also how serverless functions
// look); a page needs one too unless routes/ is at the top of the tree.
import type { Fact, HttpMethod } from '../../core/facts.js';
import type { Node } from '../javascript/ast.js';
import { loc, memberPath, walk } from '../javascript/ast.js';
import type { Extractor } from '../types.js';
import {
  ALL_HANDLER_METHODS, STANDARD_METHOD_SET, isFunctionNode, readModuleShape, resolveLocal, unwrap, type ModuleShape,
} from '../file-routes/module-shape.js';
import { bracketSegment, expandPaths, isGroupSegment, isTestOrTooling, routeFact, segmentsUnder, stripSourceExtension } from '../file-routes/paths.js';

const FRAMEWORK = 'fresh';

export const freshRoutes: Extractor = {
  id: 'fresh/routes',
  languages: ['javascript', 'typescript'],
  keywords: ['export'],
  extract(file) {
    if (isTestOrTooling(file.path)) return [];
    const under = segmentsUnder(file.path, ['routes']);
    if (!under || under.length === 0) return [];
    const routesAt = file.path.length - under.join('/').length - 'routes/'.length;
    const parent = file.path.slice(0, Math.max(0, routesAt - 1)).split('/').pop() ?? '';
    if (parent === 'src' || parent === 'app' || parent === 'server') return []; // SvelteKit, Remix, Nitro trees
    const segments = [...under.slice(0, -1), stripSourceExtension(under[under.length - 1]!)];
    if (segments.some((s) => s.startsWith('_'))) return [];
    if (segments[segments.length - 1] === 'index') segments.pop();
    const shape = readModuleShape(file);
    if (!shape) return [];
    const freshImport = importsFresh(shape);
    const topLevelRoutes = routesAt === 0;

    const methods: { method: HttpMethod; at: Node; name: string }[] = [];
    const handler = shape.exports.get('handler') ?? shape.exports.get('handlers');
    let handlerListsMethods = false;
    let handlerIsFunction = false;
    if (handler) {
      const value = handlerValue(shape, handler.value);
      if (value?.type === 'ObjectExpression') {
        for (const prop of value.properties) {
          if (prop.type !== 'ObjectProperty' && prop.type !== 'ObjectMethod') continue;
          const key = prop.key.type === 'Identifier' ? prop.key.name : prop.key.type === 'StringLiteral' ? prop.key.value : '';
          if (STANDARD_METHOD_SET.has(key)) { methods.push({ method: key as HttpMethod, at: prop, name: `handler.${key}` }); handlerListsMethods = true; }
        }
      } else if (isFunctionNode(value) && freshImport) {
        for (const m of ALL_HANDLER_METHODS) methods.push({ method: m, at: handler.at, name: 'handler' });
        handlerIsFunction = true;
      }
    }
    // A page gets a GET handler that renders it unless `handler` has its own GET (or is a function).
    const handlesGet = handlerIsFunction || methods.some((m) => m.method === 'GET');
    if (!handlesGet && (freshImport || topLevelRoutes || handlerListsMethods)) {
      const page = shape.exports.get('default');
      if (page && isPage(shape, page.value, freshImport)) methods.push({ method: 'GET', at: page.at, name: 'default' });
    }
    const facts: Fact[] = [];
    const paths = expandPaths(segments.filter((s) => !isGroupSegment(s)).map(bracketSegment));
    for (const { method, at, name } of methods) {
      for (const path of paths) facts.push(routeFact(FRAMEWORK, method, path, loc(file.path, at), { name }));
    }
    return facts;
  },
};

function importsFresh(shape: ModuleShape): boolean {
  for (const stmt of shape.program.body) {
    if (stmt.type === 'ImportDeclaration' && /fresh/.test(stmt.source.value)) return true;
  }
  return false;
}

/** The handler object or function: directly, through a local, or wrapped (`define.handlers({...})`). */
function handlerValue(shape: ModuleShape, value: Node | undefined): Node | undefined {
  const resolved = resolveLocal(shape, value);
  if (resolved?.type === 'CallExpression' && resolved.arguments.length === 1) return resolveLocal(shape, resolved.arguments[0] as Node);
  return unwrap(resolved);
}

/**
 * A page: a function component that renders JSX; `defineRoute(fn)` / `define.page(fn)` (Fresh 1.5+ / 2);
 * with a Fresh import, an async route component `(req, ctx) => ...` too.
 */
function isPage(shape: ModuleShape, value: Node | undefined, freshImport: boolean): boolean {
  let fn = resolveLocal(shape, value);
  if (fn?.type === 'CallExpression' && fn.arguments.length === 1) {
    const callee = memberPath(fn.callee as Node)?.join('.');
    fn = resolveLocal(shape, fn.arguments[0] as Node);
    if ((callee === 'defineRoute' || callee === 'define.page') && isFunctionNode(fn)) return true;
  }
  if (!isFunctionNode(fn)) return false;
  if (freshImport && fn.params.length === 2) return true;
  let jsx = false;
  walk(fn, (node) => {
    if (jsx) return false;
    if (node.type === 'JSXElement' || node.type === 'JSXFragment') jsx = true;
    return undefined;
  });
  return jsx;
}
