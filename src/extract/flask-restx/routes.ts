// Flask-RESTX (and Flask-RESTPlus): Namespace objects (prefix `path=`, else `/<name>`), `@ns.route(url, ...)`
// and `@api.route(url)` on Resource classes (one route per get/post/... method), `ns.add_resource(R, url)`,
// `api.add_namespace(ns, path)` (the mount path replaces the namespace's own), and the Api object
// attached to its app or blueprint (`Api(bp, prefix=)`, `api.init_app(app)`). Flask's own objects
// (Flask(), Blueprint(), register_blueprint) and `api.add_resource` are the Flask extractor's.
import type { Fact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { flaskViewInfo } from '../flask/views.js';
import { dottedPath, keywordArg, loc, positionalArgs, type Node } from '../python/ast.js';
import {
  decoratorCalls, fileRef as ref, importedCtor, openPythonModule, pushRouterFact, scopeString as str, visitModule, type PyRouteCtx as Ctx,
} from '../python/route-helpers.js';
import { field, textOf } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';

const FRAMEWORK = 'flask-restx';
const PACKAGES = ['flask_restx', 'flask_restplus'];

function restxCtor(ctx: Ctx, call: Node | undefined): 'Api' | 'Namespace' | undefined {
  return importedCtor(ctx.scope, call, ['Api', 'Namespace'] as const, PACKAGES);
}

/** Bound to Api()/Namespace() here, or imported from a project module. */
function isReceiver(ctx: Ctx, receiver: string[]): boolean {
  if (receiver.length !== 1) return false;
  const bound = ctx.scope.calls.get(receiver[0]!);
  if (bound) return !!restxCtor(ctx, bound);
  const binding = ctx.scope.imports.get(receiver[0]!);
  return !!binding && !PACKAGES.includes(binding.source.split('.')[0]!) && binding.source.split('.')[0] !== 'flask';
}

function resourceRoutes(ctx: Ctx, cls: Node, receiver: string[], urls: Node[], at: Node): void {
  const name = textOf(field(cls, 'name')) ?? '';
  const info = flaskViewInfo(ctx.file, ctx.scope, cls);
  for (const urlNode of urls) {
    const url = str(ctx, urlNode);
    if (url === undefined) continue;
    for (const method of info.methods) {
      if (method === 'QUERY') continue;
      const handler = info.handlers.get(method);
      ctx.facts.push({
        kind: 'route', framework: FRAMEWORK, method, path: url, router: ref(ctx, receiver), location: loc(ctx.file.path, at),
        handler: { name: handler ? `${name}.${method.toLowerCase()}` : name, ...(handler ? { location: loc(ctx.file.path, handler) } : {}) },
        ...(info.middleware.length ? { middleware: info.middleware } : {}),
      });
    }
  }
}

function decoratedClass(ctx: Ctx, decorated: Node): void {
  const cls = field(decorated, 'definition');
  if (cls?.type !== 'class_definition') return;
  for (const { decorator, call } of decoratorCalls(decorated)) {
    const callee = dottedPath(field(call, 'function'));
    if (!callee || callee.length !== 2 || callee[1] !== 'route' || !isReceiver(ctx, [callee[0]!])) continue;
    resourceRoutes(ctx, cls, [callee[0]!], positionalArgs(call), decorator);
  }
}

function callFacts(ctx: Ctx, call: Node): void {
  const callee = dottedPath(field(call, 'function'));
  if (!callee || callee.length !== 2) return;
  const [receiver, method] = callee as [string, string];
  if (!isReceiver(ctx, [receiver])) return;
  const args = positionalArgs(call);
  if (method === 'add_namespace') {
    const child = dottedPath(keywordArg(call, 'ns') ?? args[0]);
    const pathNode = keywordArg(call, 'path') ?? args[1];
    const prefix = pathNode ? str(ctx, pathNode) : undefined;
    if (!child || (pathNode && prefix === undefined)) return;
    ctx.facts.push({
      kind: 'mount', framework: FRAMEWORK, parent: ref(ctx, [receiver]), child: ref(ctx, child), prefix: prefix ?? '', location: loc(ctx.file.path, call),
      ...(prefix !== undefined ? { replacesChildPrefix: true } : {}),
    });
  } else if (method === 'init_app') {
    const app = dottedPath(keywordArg(call, 'app') ?? args[0]);
    if (app) ctx.facts.push({ kind: 'mount', framework: FRAMEWORK, parent: ref(ctx, app), child: ref(ctx, [receiver]), prefix: '', location: loc(ctx.file.path, call) });
  } else if (method === 'add_resource') {
    // Api.add_resource is handled by the Flask extractor (flask-restful's API); Namespace.add_resource here.
    const bound = ctx.scope.calls.get(receiver);
    if (!bound || restxCtor(ctx, bound) !== 'Namespace') return;
    const [resource, ...urls] = args;
    const cls = resource?.type === 'identifier' ? ctx.scope.classes.get(textOf(resource)) : undefined;
    if (cls) resourceRoutes(ctx, cls, [receiver], urls, call);
  }
}

function creation(ctx: Ctx, target: string[], call: Node): void {
  const kind = restxCtor(ctx, call);
  if (!kind) return;
  const location = loc(ctx.file.path, call);
  if (kind === 'Namespace') {
    const name = str(ctx, keywordArg(call, 'name') ?? positionalArgs(call)[0]);
    const path = str(ctx, keywordArg(call, 'path'));
    pushRouterFact(ctx, FRAMEWORK, target, call, path ?? (name ? `/${name}` : undefined));
    return;
  }
  pushRouterFact(ctx, FRAMEWORK, target, call, str(ctx, keywordArg(call, 'prefix')));
  const app = dottedPath(keywordArg(call, 'app') ?? positionalArgs(call)[0]);
  if (app) ctx.facts.push({ kind: 'mount', framework: FRAMEWORK, parent: ref(ctx, app), child: ref(ctx, target), prefix: '', location });
}

export function extractFlaskRestxRoutes(file: ParsedFile): Fact[] {
  const module = openPythonModule(file, PACKAGES);
  if (!module) return [];
  const { root, scope } = module;
  const ctx: Ctx = { file, scope, facts: [] };
  visitModule(root, {
    assignment: (target, right) => {
      if (target && right?.type === 'call') creation(ctx, target, right);
    },
    decorated: (node) => decoratedClass(ctx, node),
    call: (node) => callFacts(ctx, node),
  });
  return ctx.facts;
}

export const flaskRestxRoutes: Extractor = {
  id: 'flask-restx/routes',
  languages: ['python'],
  keywords: ['flask_restx', 'flask_restplus'],
  extract: extractFlaskRestxRoutes,
};
