// React Router v7 framework mode (Remix's successor) maps URLs in app/routes.ts:
//   export default [index('routes/home.tsx'), route('about', 'routes/about.tsx'),
//     layout('routes/auth.tsx', [route('login', 'routes/login.tsx')]), ...prefix('api', [...])]
// Each route becomes a placeholder (GET: every route module serves its document or loader) linked to
// its module; the module's own view (remixRouteModuleView, below) then gives the real methods
// (loader / page -> GET, action -> POST, PUT, PATCH, DELETE). `flatRoutes()` entries are file routes
// (read by remix/routes); ':id' and ':id?' keep their syntax, '*' becomes {splat}.
import type { Fact, HttpMethod, ViewFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, stringValue, type Node } from '../javascript/ast.js';
import type { Extractor } from '../types.js';
import { readModuleShape, resolveLocal, unwrap, type ModuleShape } from '../file-routes/module-shape.js';

const FRAMEWORK = 'remix';
/** The symbol a route module publishes its methods under. */
export const ROUTE_MODULE_VIEW = '$remixRouteModule';
const CONFIG_SOURCES = ['@react-router/dev/routes', '@remix-run/route-config'];
const ACTION_METHODS: readonly HttpMethod[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

export const remixRouteConfig: Extractor = {
  id: 'remix/route-config',
  languages: ['javascript', 'typescript'],
  keywords: CONFIG_SOURCES,
  extract(file) {
    if (!/(^|\/)app\/routes\.[cm]?[jt]s$/.test(file.path)) return [];
    const shape = readModuleShape(file);
    const exported = shape?.exports.get('default');
    if (!shape || !exported) return [];
    const helpers = new Map<string, string>(); // local -> index | route | layout | prefix
    for (const [local, binding] of shape.imports) {
      if (CONFIG_SOURCES.includes(binding.source) && ['index', 'route', 'layout', 'prefix'].includes(binding.imported)) helpers.set(local, binding.imported);
    }
    if (helpers.size === 0) return [];
    const facts: Fact[] = [];
    let n = 0;
    const visit = (list: Node | undefined, prefix: string, depth: number): void => {
      const array = resolveLocal(shape, list);
      if (array?.type !== 'ArrayExpression' || depth > 16) return;
      for (const element of array.elements) {
        if (!element) continue;
        const call = unwrap((element.type === 'SpreadElement' ? element.argument : element) as Node);
        if (call?.type !== 'CallExpression' || call.callee.type !== 'Identifier') continue;
        const kind = helpers.get(call.callee.name);
        const args = call.arguments as Node[];
        if (kind === 'index' || kind === 'route') {
          const path = kind === 'route' ? stringValue(args[0]) : '';
          const module = stringValue(args[kind === 'route' ? 1 : 0]);
          if (path === undefined || module === undefined) continue;
          const full = joinRoutePath(prefix, path);
          const at = loc(file.path, call);
          const local = `$rrRoute${n++}`;
          facts.push({ kind: 'import', language: 'javascript', local, source: module.startsWith('.') ? module : `./${module}`, imported: '*', location: at });
          facts.push({
            kind: 'route', framework: FRAMEWORK, method: 'GET', path: full, location: at,
            view: { ref: { file: file.path, path: [local, ROUTE_MODULE_VIEW] }, base: full },
          });
          if (kind === 'route') visit(args.find((a, i) => i >= 2 && unwrap(a)?.type === 'ArrayExpression'), full, depth + 1);
        } else if (kind === 'layout') {
          visit(args[1]?.type === 'ArrayExpression' ? args[1] : args[2], prefix, depth + 1);
        } else if (kind === 'prefix') {
          const path = stringValue(args[0]);
          if (path !== undefined) visit(args[1], joinRoutePath(prefix, path), depth + 1);
        }
      }
    };
    visit(exported.value, '', 0);
    return facts;
  },
};

function joinRoutePath(prefix: string, path: string): string {
  const segments = [...prefix.split('/'), ...path.split('/')].filter(Boolean).map((s) => (s === '*' ? '{splat}' : s));
  return `/${segments.join('/')}`;
}

/**
 * The methods a React Router / Remix route module serves, published for route configs: loader or a
 * rendered page -> GET; action -> POST, PUT, PATCH, DELETE. Undefined when the module has neither.
 */
export function remixRouteModuleView(file: ParsedFile, shape: ModuleShape, hasPage: boolean): ViewFact | undefined {
  const loader = shape.exports.get('loader');
  const action = shape.exports.get('action');
  const routes: ViewFact['routes'] = [];
  if (loader || hasPage) routes.push({ method: 'GET', path: '', handler: { name: loader ? 'loader' : 'default' } });
  if (action) for (const m of ACTION_METHODS) routes.push({ method: m, path: '', handler: { name: 'action' } });
  const at = loader ?? action ?? shape.exports.get('default');
  if (routes.length === 0 || !at) return undefined;
  return { kind: 'view', framework: FRAMEWORK, ref: { file: file.path, path: [ROUTE_MODULE_VIEW] }, routes, location: loc(file.path, at.at) };
}
