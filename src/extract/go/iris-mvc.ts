// Iris MVC. Registration: `mvc.New(party).Handle(new(UserController))`, `mvc.Configure(party, func(m *mvc.Application) {
// m.Handle(new(C)) })`: the controller type { file: '<dir>/', path: [Type] } is mounted on the party.
// Controllers (types named *Controller in files importing Iris): exported methods whose name starts with
// an HTTP verb are routes; the rest of the name gives the path, one lower-case segment per word, `By`
// standing for a path parameter (`GetBy(id int64)` -> GET /{id}, `PostLogin` -> POST /login,
// `GetUserProfileBy(name string)` -> GET /user/profile/{name}); `Any...` is every method.
import type { Fact, HttpMethod, RefExpr } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import type { Extractor } from '../types.js';
import { loc, namedArgs, parameters, treeOf, typeName, type ChainSegment, type Node } from './ast.js';
import { readGoImports } from './imports.js';
import { inlineSubrouter } from './router-methods.js';
import type { GoRouteWalker } from './routes.js';
import { packageDir, type Scope } from './scope.js';
import { NONE, type RouterVal, type Val } from './values.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const VERB_PREFIX: readonly [string, HttpMethod][] = [
  ['Options', 'OPTIONS'], ['Connect', 'CONNECT'], ['Delete', 'DELETE'], ['Patch', 'PATCH'], ['Trace', 'TRACE'],
  ['Post', 'POST'], ['Head', 'HEAD'], ['Get', 'GET'], ['Put', 'PUT'], ['Any', 'ANY'],
];

/** `mvc.New(party)`, `mvc.Configure(party, configurators...)`. */
export function irisMvcCall(w: GoRouteWalker, seg: ChainSegment, scope: Scope | undefined): Val {
  const first = seg.args[0];
  if (!first || (seg.name !== 'New' && seg.name !== 'Configure')) return NONE;
  const val = w.evalExpr(first, scope);
  const party: RouterVal | undefined = val.k === 'ref' ? val : w.asRouter(val, first);
  if (!party) return NONE;
  if (seg.name === 'New') return { k: 'child', parent: party.ref, fw: 'iris', prefix: '', mw: party.mw ?? [], at: seg.call };
  for (const fn of seg.args.slice(1)) inlineSubrouter(w, party, 'iris', '', fn, seg.call, scope);
  return NONE;
}

/** `m.Handle(new(UserController))` / `m.Handle(&UserController{})`: mount the controller type. */
export function irisMvcHandle(w: GoRouteWalker, r: RouterVal, arg: Node, at: Node, scope: Scope | undefined): Val {
  const val = w.evalExpr(arg, scope);
  const type = val.k === 'typed' ? val.type : val.k === 'ref' ? val.type : undefined;
  if (!type) return NONE;
  const child: RefExpr = type.pkg ? { file: w.file.path, path: [type.pkg, type.name] } : { file: w.dir, path: [type.name] };
  w.emitMount(r.ref, child, '', r.mw ?? [], at, 'iris');
  return NONE;
}

/** Words of a camel-case name (`UserProfileBy` -> User, Profile, By). */
function words(name: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const ch of name) {
    if (ch >= 'A' && ch <= 'Z' && current) {
      out.push(current);
      current = '';
    }
    current += ch;
  }
  if (current) out.push(current);
  return out;
}

/** Method and path of an MVC controller method name, or undefined when it is not a route. */
export function irisMvcRoute(name: string, paramNames: readonly string[]): { method: HttpMethod; path: string } | undefined {
  const verb = VERB_PREFIX.find(([prefix]) => name.startsWith(prefix) && (name.length === prefix.length || /[A-Z]/.test(name[prefix.length]!)));
  if (!verb) return undefined;
  const segments: string[] = [];
  let param = 0;
  for (const word of words(name.slice(verb[0].length))) {
    if (word === 'By') segments.push(`{${paramNames[param++] ?? `param${param}`}}`);
    else segments.push(word.toLowerCase());
  }
  return { method: verb[1], path: `/${segments.join('/')}` };
}

export const irisMvcControllers: Extractor = {
  id: 'go/iris-mvc',
  languages: ['go'],
  keywords: ['github.com/kataras/iris'],
  extract(file: ParsedFile): Fact[] {
    if (file.path.endsWith('_test.go')) return [];
    const root = treeOf(file)?.rootNode;
    if (!root) return [];
    const facts: Fact[] = [];
    try {
      if (!readGoImports(root).some((imp) => /^github\.com\/kataras\/iris(\/|$)/.test(imp.path))) return [];
      const dir = packageDir(file.path);
      const routers = new Set<string>();
      for (const decl of namedArgs(root)) {
        if (decl.type !== 'method_declaration') continue;
        const name = fieldOf(decl, 'name')?.text;
        const recv = typeName(parameters(fieldOf(decl, 'receiver'))[0]?.type)?.name;
        if (!name || !recv || !recv.endsWith('Controller')) continue;
        const paramList = parameters(fieldOf(decl, 'parameters'));
        // func (c *UserController) GetUser(ctx iris.Context): a plain handler registered by hand, not an MVC action.
        if (paramList.some((p) => typeName(p.type)?.name === 'Context')) continue;
        const params = paramList.map((p) => p.name).filter(Boolean);
        const router: RefExpr = { file: dir, path: [recv] };
        const ensureRouter = () => {
          if (routers.has(recv)) return;
          routers.add(recv);
          facts.push({ kind: 'router', framework: 'iris', ref: router, location: loc(file.path, decl) });
        };
        if (name === 'BeforeActivation' && params.length === 1) {
          // b.Handle("GET", "/x", "Method") inside BeforeActivation(b mvc.BeforeActivation): b is the controller's router.
          ensureRouter();
          const child: RefExpr = { file: dir, path: [recv, name, 'arg0'] };
          facts.push({ kind: 'mount', framework: 'iris', parent: router, child, prefix: '', location: loc(file.path, decl) });
          continue;
        }
        const route = irisMvcRoute(name, params);
        if (!route) continue;
        ensureRouter();
        const at = fieldOf(decl, 'name') ?? decl;
        facts.push({
          kind: 'route', framework: 'iris', method: route.method, path: route.path, router, location: loc(file.path, decl),
          handler: { name: `${recv}.${name}`, location: loc(file.path, at) },
        });
      }
    } catch {
      // keep what was read
    }
    return facts;
  },
};
