// Tornado: URL specs in handler lists (`Application([(r"/x", XHandler), url(r"/y", Y)])`,
// `add_handlers(host, [...])`, module-level `default_handlers = [...]`), and RequestHandler
// classes whose `get`/`post`/... methods the model turns the specs into (`view` facts).
import type { Fact, HttpMethod, RouteFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { regexToPath } from '../django/regex-path.js';
import { dottedPath, loc, positionalArgs, keywordArg, walk, type Node } from '../python/ast.js';
import { baseNames, evalString, isPythonTestFile, readModuleScope, type ModuleScope } from '../python/modules.js';
import { field, rootOf, textOf } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { classViewFacts, moduleClasses } from './class-views.js';

const FRAMEWORK = 'tornado';

/** Handlers Tornado ships: they serve fixed methods, whatever module they are imported from. */
const BUILTIN_HANDLERS: Record<string, HttpMethod[]> = {
  StaticFileHandler: ['GET', 'HEAD'],
  RedirectHandler: ['GET'],
  FallbackHandler: ['ANY'],
};

/** Callables that build one URL spec: `url(...)`, `tornado.web.URLSpec(...)`, `routing.Rule(PathMatches(...), H)`. */
const SPEC_CALLS = new Set(['url', 'URLSpec', 'Rule']);

interface Ctx {
  file: ParsedFile;
  scope: ModuleScope;
  importsTornado: boolean;
  facts: Fact[];
}

/** A Tornado pattern: a regular expression matched against the whole path. */
function patternOf(ctx: Ctx, node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'call') {
    // routing.PathMatches(r"/x")
    const callee = dottedPath(field(node, 'function'));
    if (callee?.[callee.length - 1] !== 'PathMatches') return undefined;
    return patternOf(ctx, positionalArgs(node)[0]);
  }
  const value = evalString(node, ctx.scope.constants);
  if (value === undefined) return undefined;
  return value.startsWith('/') || value.startsWith('^/') ? value : undefined;
}

function isHandlerName(ctx: Ctx, path: string[] | undefined): path is string[] {
  if (!path) return false;
  const last = path[path.length - 1]!;
  if (!/^[A-Z]/.test(last)) return false;
  return ctx.importsTornado || last.endsWith('Handler');
}

function spec(ctx: Ctx, element: Node): { pattern: string; handler: string[]; at: Node } | undefined {
  let patternNode: Node | undefined;
  let handlerNode: Node | undefined;
  if (element.type === 'tuple') {
    const items = element.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    [patternNode, handlerNode] = items;
  } else if (element.type === 'call') {
    const callee = dottedPath(field(element, 'function'));
    if (!callee || !SPEC_CALLS.has(callee[callee.length - 1]!)) return undefined;
    const args = positionalArgs(element);
    patternNode = keywordArg(element, 'pattern') ?? keywordArg(element, 'matcher') ?? args[0];
    handlerNode = keywordArg(element, 'handler') ?? keywordArg(element, 'target') ?? args[1];
  } else return undefined;
  const pattern = patternOf(ctx, patternNode);
  const handler = dottedPath(handlerNode);
  if (pattern === undefined || !isHandlerName(ctx, handler)) return undefined;
  return { pattern, handler, at: element };
}

function emit(ctx: Ctx, s: { pattern: string; handler: string[]; at: Node }): void {
  const clean = regexToPath(s.pattern);
  const path = clean.isRegex ? s.pattern : clean.path;
  const name = s.handler.join('.');
  const base: Omit<RouteFact, 'method'> = {
    kind: 'route', framework: FRAMEWORK, path, location: loc(ctx.file.path, s.at),
    handler: { name }, ...(clean.isRegex ? { isRegex: true } : {}),
  };
  const builtin = BUILTIN_HANDLERS[s.handler[s.handler.length - 1]!];
  if (builtin && (s.handler.length > 1 || !ctx.scope.classes.has(s.handler[0]!))) {
    for (const method of builtin) ctx.facts.push({ ...base, method, origin: 'generated' });
    return;
  }
  // The handler class says which methods it serves: the model swaps this placeholder for its view.
  ctx.facts.push({ ...base, method: 'GET', view: { ref: { file: ctx.file.path, path: s.handler }, base: path } });
}

function handlerClasses(root: Node): Set<Node> {
  const classes = moduleClasses(root);
  const names = new Set<string>();
  const out = new Set<Node>();
  // Bases come first in a module, so a pass in order settles nearly every chain; a second pass the rest.
  for (let pass = 0; pass < 2; pass++) {
    for (const cls of classes) {
      if (out.has(cls)) continue;
      if (baseNames(cls).some((b) => b.endsWith('Handler') || names.has(b))) {
        out.add(cls);
        const name = textOf(field(cls, 'name'));
        if (name) names.add(name);
      }
    }
  }
  return out;
}

export function extractTornadoRoutes(file: ParsedFile): Fact[] {
  if (file.tree.kind !== 'tree-sitter' || isPythonTestFile(file.path)) return [];
  const root = rootOf(file.tree.tree);
  const scope = readModuleScope(root);
  const ctx: Ctx = { file, scope, importsTornado: scope.packages.has('tornado'), facts: [] };
  walk(root, (node) => {
    if (node.type !== 'list') return true;
    for (const element of node.namedChildren) {
      if (!element) continue;
      const s = spec(ctx, element);
      if (s) emit(ctx, s);
    }
    return true;
  });
  // Handler classes: a base named *Handler (RequestHandler, the app's BaseHandler) or an in-file handler class.
  const handlers = handlerClasses(root);
  ctx.facts.push(...classViewFacts(file, root, FRAMEWORK, (cls, bases) => {
    if (!handlers.has(cls)) return false;
    return bases.some((b) => b.endsWith('WebSocketHandler')) ? ['GET'] : true;
  }));
  return ctx.facts;
}

export const tornadoRoutes: Extractor = {
  id: 'tornado/routes',
  languages: ['python'],
  keywords: ['tornado', 'Handler'],
  extract: extractTornadoRoutes,
};
