// FastAPI: FastAPI()/APIRouter() objects, @router.<method> decorators, add_api_route,
// include_router mounts, static mounts and the service entry (FastAPI() / uvicorn.run).
import type { Fact, HttpMethod, MiddlewareRef, MountFact, RouteFact, RouterFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { dottedPath, keywordArg, loc, positionalArgs, walk, type Node } from '../python/ast.js';
import { middlewareRef } from '../python/middleware-roles.js';
import {
  callFramework, evalString, fileFramework, httpMethodList, isPythonTestFile, readModuleScope, receiverFramework, type ModuleScope,
} from '../python/modules.js';
import type { Extractor } from '../types.js';
import { dependencyMiddleware, parameterDependencies, stringOrTextList } from './dependencies.js';
import { field, rootOf, textOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'fastapi';

const METHOD_DECORATORS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', options: 'OPTIONS', head: 'HEAD', trace: 'TRACE',
};
/** Decorators that register a route without a method in their name. */
const GENERIC_DECORATORS = new Set(['api_route', 'route', 'websocket', 'websocket_route']);

interface Ctx {
  file: ParsedFile;
  scope: ModuleScope;
  facts: Fact[];
}

function calleeParts(call: Node): { receiver: string[]; method: string } | undefined {
  const path = dottedPath(field(call, 'function'));
  if (!path || path.length < 2) return undefined;
  return { receiver: path.slice(0, -1), method: path[path.length - 1]! };
}

function isFastapiReceiver(ctx: Ctx, receiver: string[]): boolean {
  return receiverFramework(ctx.scope, receiver, false) === 'fastapi';
}

function routerFact(ctx: Ctx, target: string[], call: Node, ctor: string): void {
  const isApp = ctor === 'FastAPI';
  const prefixNode = isApp ? undefined : keywordArg(call, 'prefix');
  const prefix = prefixNode ? evalString(prefixNode, ctx.scope.constants) : undefined;
  const tags = stringOrTextList(keywordArg(call, 'tags'), ctx.scope);
  const middleware = dependencyMiddleware(ctx.file, keywordArg(call, 'dependencies'));
  const fact: RouterFact = {
    kind: 'router', framework: FRAMEWORK, ref: { file: ctx.file.path, path: target }, location: loc(ctx.file.path, call),
    ...(prefix ? { prefix } : {}),
    ...(isApp ? { isApp: true } : {}),
    ...(tags.length ? { openapiTags: tags } : {}),
    ...(middleware.length ? { middleware } : {}),
  };
  ctx.facts.push(fact);
  if (isApp) ctx.facts.push({ kind: 'service-entry', framework: FRAMEWORK, location: loc(ctx.file.path, call) });
}

function pathArg(ctx: Ctx, call: Node): string | undefined {
  const node = keywordArg(call, 'path') ?? positionalArgs(call)[0];
  return evalString(node, ctx.scope.constants);
}

function decoratorRoutes(ctx: Ctx, decorated: Node): void {
  const def = field(decorated, 'definition');
  if (def?.type !== 'function_definition') return;
  const decorators = decorated.namedChildren.filter((c): c is Node => c?.type === 'decorator');
  decorators.forEach((decorator, index) => {
    const call = decorator.namedChildren[0] ?? null;
    if (call?.type !== 'call') return;
    const parts = calleeParts(call);
    if (!parts) return;
    const shortcut = METHOD_DECORATORS[parts.method];
    if (!shortcut && !GENERIC_DECORATORS.has(parts.method)) return;
    if (!isFastapiReceiver(ctx, parts.receiver)) return;
    const path = pathArg(ctx, call);
    if (path === undefined) return;
    let methods: HttpMethod[];
    if (shortcut) methods = [shortcut];
    else if (parts.method.startsWith('websocket')) methods = ['GET'];
    else methods = httpMethodList(keywordArg(call, 'methods'), ctx.scope) ?? ['GET'];
    const name = textOf(field(def, 'name')) ?? '';
    const wrappers = decorators.slice(index + 1).map((d) => middlewareRef(textOf(d).replace(/^@\s*/, ''), loc(ctx.file.path, d)));
    const middleware: MiddlewareRef[] = [
      ...dependencyMiddleware(ctx.file, keywordArg(call, 'dependencies')),
      ...wrappers,
      ...parameterDependencies(ctx.file, def),
    ];
    const tags = stringOrTextList(keywordArg(call, 'tags'), ctx.scope);
    for (const method of methods) {
      const route: RouteFact = {
        kind: 'route', framework: FRAMEWORK, method, path,
        router: { file: ctx.file.path, path: parts.receiver },
        handler: { name, location: loc(ctx.file.path, def) },
        location: loc(ctx.file.path, decorator),
        ...(middleware.length ? { middleware } : {}),
        ...(tags.length ? { openapiTags: tags } : {}),
      };
      ctx.facts.push(route);
    }
  });
}

function handlerOf(ctx: Ctx, node: Node | undefined): { name: string; location?: ReturnType<typeof loc> } | undefined {
  const path = dottedPath(node);
  if (!path) return undefined;
  const def = path.length === 1 ? ctx.scope.functions.get(path[0]!) : undefined;
  return { name: path.join('.'), ...(def ? { location: loc(ctx.file.path, def) } : {}) };
}

function addApiRoute(ctx: Ctx, call: Node, receiver: string[], isWebsocket: boolean): void {
  const path = pathArg(ctx, call);
  if (path === undefined) return;
  const endpoint = keywordArg(call, 'endpoint') ?? positionalArgs(call)[1];
  const handler = handlerOf(ctx, endpoint);
  const methods = isWebsocket ? ['GET' as const] : httpMethodList(keywordArg(call, 'methods'), ctx.scope) ?? ['GET' as const];
  const endpointPath = dottedPath(endpoint);
  const def = endpointPath?.length === 1 ? ctx.scope.functions.get(endpointPath[0]!) : undefined;
  const middleware = [
    ...dependencyMiddleware(ctx.file, keywordArg(call, 'dependencies')),
    ...(def ? parameterDependencies(ctx.file, def) : []),
  ];
  const tags = stringOrTextList(keywordArg(call, 'tags'), ctx.scope);
  for (const method of methods) {
    ctx.facts.push({
      kind: 'route', framework: FRAMEWORK, method, path,
      router: { file: ctx.file.path, path: receiver },
      location: loc(ctx.file.path, call),
      ...(handler ? { handler } : {}),
      ...(middleware.length ? { middleware } : {}),
      ...(tags.length ? { openapiTags: tags } : {}),
    });
  }
}

function includeRouter(ctx: Ctx, call: Node, receiver: string[]): void {
  const childNode = keywordArg(call, 'router') ?? positionalArgs(call)[0];
  const child = dottedPath(childNode);
  if (!child) return;
  const prefixNode = keywordArg(call, 'prefix');
  const prefixValue = prefixNode ? evalString(prefixNode, ctx.scope.constants) : undefined;
  // A prefix written as a name (`prefix=settings.api_prefix`): the model resolves it through constant facts.
  const prefixRef = prefixValue === undefined ? dottedPath(prefixNode) : undefined;
  const tags = stringOrTextList(keywordArg(call, 'tags'), ctx.scope);
  const middleware = dependencyMiddleware(ctx.file, keywordArg(call, 'dependencies'));
  const mount: MountFact = {
    kind: 'mount', framework: FRAMEWORK,
    parent: { file: ctx.file.path, path: receiver },
    child: { file: ctx.file.path, path: child },
    prefix: prefixValue ?? '', location: loc(ctx.file.path, call),
    ...(prefixRef ? { prefixRef: { file: ctx.file.path, path: prefixRef } } : {}),
    ...(tags.length ? { openapiTags: tags } : {}),
    ...(middleware.length ? { middleware } : {}),
  };
  ctx.facts.push(mount);
}

/** `app.mount('/static', StaticFiles(...))` serves files below the path; `app.mount('/v2', sub_app)` mounts an app. */
function mountCall(ctx: Ctx, call: Node, receiver: string[]): void {
  const path = pathArg(ctx, call);
  const appNode = keywordArg(call, 'app') ?? positionalArgs(call)[1];
  if (path === undefined || !appNode) return;
  if (appNode.type === 'call') {
    const callee = dottedPath(field(appNode, 'function'));
    if (callee?.[callee.length - 1] !== 'StaticFiles') return;
    ctx.facts.push({
      kind: 'route', framework: FRAMEWORK, method: 'GET', path: `${path.replace(/\/+$/, '')}/{path}`,
      router: { file: ctx.file.path, path: receiver }, handler: { name: 'StaticFiles' },
      location: loc(ctx.file.path, call), origin: 'generated',
    });
    return;
  }
  const child = dottedPath(appNode);
  if (!child) return;
  ctx.facts.push({
    kind: 'mount', framework: FRAMEWORK, parent: { file: ctx.file.path, path: receiver },
    child: { file: ctx.file.path, path: child }, prefix: path, location: loc(ctx.file.path, call),
  });
}

function callFacts(ctx: Ctx, call: Node): void {
  const parts = calleeParts(call);
  if (!parts) return;
  if (parts.receiver.join('.') === 'uvicorn' && parts.method === 'run') {
    ctx.facts.push({ kind: 'service-entry', framework: FRAMEWORK, location: loc(ctx.file.path, call) });
    return;
  }
  const handlers: Record<string, () => void> = {
    include_router: () => includeRouter(ctx, call, parts.receiver),
    add_api_route: () => addApiRoute(ctx, call, parts.receiver, false),
    add_api_websocket_route: () => addApiRoute(ctx, call, parts.receiver, true),
    mount: () => mountCall(ctx, call, parts.receiver),
  };
  // Only on receivers bound to FastAPI()/APIRouter(), or unbound ones in a FastAPI file (`mount` is a common name).
  const handler = handlers[parts.method];
  if (handler && isFastapiReceiver(ctx, parts.receiver)) handler();
}

export function extractFastapiRoutes(file: ParsedFile): Fact[] {
  if (file.tree.kind !== 'tree-sitter' || isPythonTestFile(file.path)) return [];
  const root = rootOf(file.tree.tree);
  const ctx: Ctx = { file, scope: readModuleScope(root), facts: [] };
  if (fileFramework(ctx.scope, false) !== 'fastapi') return [];
  walk(root, (node) => {
    if (node.type === 'assignment') {
      const target = dottedPath(field(node, 'left'));
      const right = field(node, 'right');
      if (target && right?.type === 'call') {
        const callee = dottedPath(field(right, 'function'));
        const ctor = callee?.[callee.length - 1];
        if ((ctor === 'FastAPI' || ctor === 'APIRouter') && callFramework(ctx.scope, right) === 'fastapi') routerFact(ctx, target, right, ctor);
      }
    } else if (node.type === 'decorated_definition') {
      decoratorRoutes(ctx, node);
    } else if (node.type === 'call') {
      callFacts(ctx, node);
    }
    return true;
  });
  return ctx.facts;
}

export const fastapiRoutes: Extractor = {
  id: 'fastapi/routes',
  languages: ['python'],
  keywords: ['fastapi', 'FastAPI', 'APIRouter', 'include_router', 'add_api_route', '@router.', '@app.', '@api.'],
  extract: extractFastapiRoutes,
};
