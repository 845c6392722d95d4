// Armeria (com.linecorp.armeria) routes:
// - annotated services: methods with @Get/@Post/.../@Path("/x") under an optional class @PathPrefix; the
//   class is a router ({ file: 'jvm:<pkg>', path: [Class] }), mounted by `annotatedService("/p", new C())`
//   / `annotatedService(new C())` / `annotatedService().pathPrefix("/p").build(new C())` from any file;
// - ServerBuilder calls: `service("/x", svc)` (every method; GET and HEAD for FileService / HttpFile
//   services), `serviceUnder("/p", svc)` (the prefix itself; a `new C()` that is an HttpServiceWithRoutes
//   takes C's routes under the prefix), `service(new C())` for an HttpServiceWithRoutes;
// - route builders: `route().get("/x").build(svc)`, `route().path("/x").methods(HttpMethod.GET, ...)`,
//   `withRoute(b -> b.path(...).methods(...).build(svc))`, `service(Route.builder().path(...).build(), svc)`;
// - HttpServiceWithRoutes classes: the `Route.builder()...build()` chains of their `routes()` method
//   become a `view` fact that `service(new C())` / `serviceUnder(p, new C())` expand.
import type { Fact, HttpMethod, RefExpr } from '../../../core/facts.js';
import { loc, namedChildren, type Node } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { callView, type CallView } from '../calls.js';
import { classRef } from '../class-facts.js';
import type { JvmAnnotation, JvmFile } from '../jvm-source.js';
import { allClasses } from '../jvm-source.js';
import { classChain, evalStrings, typeRefs, type StrValue } from '../values.js';
import {
  EMPTY, UNKNOWN, callsIn, chainCalls, constructedType, dedupeFacts, guarded, dslOutline, dslRouteFacts, importsFrom, localInit, pathArg, verbOf,
} from './common.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

const FRAMEWORK = 'armeria';
const ANNOTATION_VERBS: Record<string, HttpMethod> = {
  Get: 'GET', Post: 'POST', Put: 'PUT', Delete: 'DELETE', Patch: 'PATCH', Head: 'HEAD', Options: 'OPTIONS', Trace: 'TRACE',
};
const BUILDER_VERBS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', delete: 'DELETE', patch: 'PATCH', head: 'HEAD', options: 'OPTIONS', trace: 'TRACE', connect: 'CONNECT',
};
const FILE_SERVICES = new Set(['FileService', 'HttpFile']);

function isArmeriaAnnotation(file: JvmFile, ann: JvmAnnotation): boolean {
  if (ann.name.startsWith('com.linecorp.armeria.')) return true;
  const imported = file.imports.get(ann.name);
  if (imported) return imported.startsWith('com.linecorp.armeria.');
  return file.wildcardImports.includes('com.linecorp.armeria.server.annotation');
}

/** `exact:/x` -> `/x`; `regex:^/x$` -> regex path; `prefix:/x` -> `/x`; `glob:` kept as the pattern. */
function armeriaPath(value: StrValue): { path: StrValue; isRegex?: boolean } {
  if (value.kind !== 'literal') return { path: value };
  const text = value.text;
  const colon = /^(exact|prefix|glob|regex):/.exec(text);
  if (!colon) return { path: value };
  const rest = text.slice(colon[0].length);
  if (colon[1] === 'regex') return { path: { kind: 'literal', text: rest }, isRegex: true };
  return { path: { kind: 'literal', text: rest } };
}

/** Routes of annotated service classes: a router per class, with its @PathPrefix as prefix. */
function annotatedFacts(file: JvmFile): Fact[] {
  const out: Fact[] = [];
  for (const cls of allClasses(file)) {
    const scope = { file, classes: classChain(file, cls) };
    const routerRef = serviceRef(classRef(file.packageName, cls.qualifiedPath));
    let routes = 0;
    for (const method of cls.methods) {
      const anns = method.annotations.filter((a) => isArmeriaAnnotation(file, a));
      const verbs = anns.filter((a) => ANNOTATION_VERBS[a.simpleName]);
      if (verbs.length === 0) continue;
      const pathAnns = anns.filter((a) => a.simpleName === 'Path');
      const paths: StrValue[] = [];
      for (const ann of pathAnns) for (const arg of ann.args) paths.push(...evalStrings(arg.value, scope));
      for (const verb of verbs) {
        const own = verb.args.find((a) => (a.name ?? 'value') === 'value');
        const values = own ? evalStrings(own.value, scope) : paths.length ? paths : [EMPTY];
        for (const value of values) {
          const { path, isRegex } = armeriaPath(value);
          routes++;
          out.push(...dslRouteFacts(file, FRAMEWORK, {
            method: ANNOTATION_VERBS[verb.simpleName]!, path, at: verb.node, router: routerRef,
            handler: `${cls.name}.${method.name}`, ...(isRegex ? { isRegex } : {}),
          }));
        }
      }
    }
    if (routes === 0) continue;
    const prefixAnn = cls.annotations.find((a) => a.simpleName === 'PathPrefix' && isArmeriaAnnotation(file, a));
    const prefix = prefixAnn?.args[0] ? evalStrings(prefixAnn.args[0].value, scope)[0] : undefined;
    const location = loc(file.path, fieldOf(cls.node, 'name') ?? cls.node);
    if (prefix?.kind === 'ref') {
      // The prefix is another file's constant: hang the class under a root through a mount with prefixRef.
      out.push({ kind: 'mount', framework: FRAMEWORK, parent: classRef(file.packageName, [...cls.qualifiedPath, '$root']), child: routerRef, prefix: prefix.fallback, prefixRef: prefix.ref, location });
      out.push({ kind: 'router', framework: FRAMEWORK, ref: routerRef, location });
    } else {
      out.push({ kind: 'router', framework: FRAMEWORK, ref: routerRef, location, ...(prefix?.kind === 'literal' && prefix.text ? { prefix: prefix.text } : {}) });
    }
  }
  return out;
}

interface BuiltRoute {
  methods: HttpMethod[];
  path: StrValue;
  isRegex?: boolean;
}

/** Methods and path of a route builder chain (`route().get("/x")`, `b.path("/x").methods(GET, POST)`). */
function builderRoute(file: JvmFile, calls: readonly CallView[]): BuiltRoute | undefined {
  const methods: HttpMethod[] = [];
  let path: StrValue | undefined;
  let isRegex = false;
  for (const call of calls) {
    const verb = BUILDER_VERBS[call.name];
    if (verb || call.name === 'path' || call.name === 'pathPrefix') {
      if (verb && !methods.includes(verb)) methods.push(verb);
      if (call.args.length === 1) {
        const parsed = armeriaPath(pathArg(file, call.args[0]));
        path = parsed.path;
        isRegex = !!parsed.isRegex;
      }
    } else if (call.name === 'methods') {
      for (const arg of call.args) {
        const m = verbOf(arg);
        if (m && !methods.includes(m)) methods.push(m);
      }
    }
  }
  if (!path) return undefined;
  return { methods: methods.length ? methods : ['ANY'], path, ...(isRegex ? { isRegex } : {}) };
}

/** The part of a chain after its last route-builder start (`route()`, `Route.builder()`). */
function afterBuilderStart(chain: readonly CallView[]): CallView[] | undefined {
  for (let i = chain.length - 1; i >= 0; i--) {
    const call = chain[i]!;
    if ((call.name === 'route' && call.args.length === 0) || (call.name === 'builder' && call.receiver?.text === 'Route')) return chain.slice(i + 1);
  }
  return undefined;
}

type ServiceKind = { kind: 'file' } | { kind: 'class'; type: string } | { kind: 'other' };

/** What a service argument is: a file service, `new C()` (possibly through a local variable), or something else. */
function serviceKind(file: JvmFile, node: Node | undefined, depth = 0): ServiceKind {
  if (!node || depth > 4) return { kind: 'other' };
  if (node.type === 'parenthesized_expression') return serviceKind(file, namedChildren(node)[0], depth + 1);
  const type = constructedType(node);
  if (type) return { kind: 'class', type };
  if (node.type === 'identifier' || node.type === 'simple_identifier') {
    const found = localInit(file, node, node.text);
    if (found?.init) return serviceKind(file, found.init, depth + 1);
    return { kind: 'other' };
  }
  const call = callView(node);
  if (call) {
    const chain = chainCalls(call);
    const root = chain[0]?.receiver?.text;
    if (root && FILE_SERVICES.has(root.split('.').pop()!)) return { kind: 'file' };
  }
  return { kind: 'other' };
}

/**
 * The router of an annotated service class: the class ref with a '$armeria' member, so that it never
 * meets facts other extractors emit for the same class (a JAX-RS reading of Armeria's @Path).
 */
function serviceRef(cls: RefExpr): RefExpr {
  return { file: cls.file, path: [...cls.path, '$armeria'] };
}

function classRefOf(file: JvmFile, type: string): RefExpr | undefined {
  return typeRefs(file, type)[0];
}

/** Facts of ServerBuilder calls and route builders. */
function builderFacts(file: JvmFile): Fact[] {
  const out: Fact[] = [];
  const server: RefExpr = { file: file.path, path: ['$armeria-server'] };
  const push = (methods: HttpMethod[], path: StrValue, at: Node, extra: { isRegex?: boolean; view?: { ref: RefExpr; base: string } } = {}) => {
    for (const method of methods) out.push(...dslRouteFacts(file, FRAMEWORK, { method, path, at, ...extra }));
  };
  const mount = (type: string, prefix: StrValue, at: Node) => {
    const cls = classRefOf(file, type);
    if (!cls) return;
    const child = serviceRef(cls);
    const location = loc(file.path, at);
    if (prefix.kind === 'literal') out.push({ kind: 'mount', framework: FRAMEWORK, parent: server, child, prefix: prefix.text, location });
    else if (prefix.kind === 'ref') out.push({ kind: 'mount', framework: FRAMEWORK, parent: server, child, prefix: prefix.fallback, prefixRef: prefix.ref, location });
  };
  const serviceAt = (path: StrValue, svc: Node | undefined, at: Node, under: boolean) => {
    const parsed = armeriaPath(path);
    if (parsed.path.kind === 'unknown') return;
    const kind = serviceKind(file, svc);
    if (kind.kind === 'file') push(['GET', 'HEAD'], parsed.path, at);
    else if (under && kind.kind === 'class' && parsed.path.kind === 'literal') {
      const ref = classRefOf(file, kind.type);
      push(['ANY'], parsed.path, at, ref ? { view: { ref, base: parsed.path.text.replace(/\/+$/, '') } } : {});
    } else push(['ANY'], parsed.path, at, parsed.isRegex ? { isRegex: true } : {});
  };

  for (const call of callsIn(file)) {
    const at = call.nameNode;
    switch (call.name) {
      case 'service':
      case 'serviceUnder': {
        const [first, second] = call.args;
        const svc = second ?? call.lambda;
        if (!first) break;
        const firstCall = callView(first);
        if (firstCall?.name === 'build' && svc) {
          // service(Route.builder().path(...).methods(...).build(), svc)
          const route = builderRoute(file, afterBuilderStart(chainCalls(firstCall)) ?? []);
          if (route) push(route.methods, route.path, at, route.isRegex ? { isRegex: true } : {});
          break;
        }
        if (!svc) {
          // service(new RoutesService()): an HttpServiceWithRoutes brings its own routes.
          const kind = serviceKind(file, first);
          const ref = kind.kind === 'class' ? classRefOf(file, kind.type) : undefined;
          if (ref && call.name === 'service') push(['ANY'], EMPTY, at, { view: { ref, base: '' } });
          break;
        }
        serviceAt(pathArg(file, first), svc, at, call.name === 'serviceUnder');
        break;
      }
      case 'annotatedService': {
        const [first, second] = call.args;
        if (!first) break; // builder form, read at its build()
        const declared = second ? pathArg(file, first) : UNKNOWN;
        const withPrefix = declared.kind !== 'unknown';
        const prefix = withPrefix ? declared : EMPTY;
        const kind = serviceKind(file, withPrefix ? second : first);
        if (kind.kind === 'class') mount(kind.type, prefix, at);
        break;
      }
      case 'build': {
        if (call.args.length !== 1) break;
        const chain = chainCalls(call);
        const annotated = chain.findIndex((c) => c.name === 'annotatedService' && c.args.length === 0);
        if (annotated >= 0) {
          const prefixCall = chain.slice(annotated + 1).find((c) => c.name === 'pathPrefix' && c.args.length === 1);
          const kind = serviceKind(file, call.args[0]);
          if (kind.kind === 'class') mount(kind.type, prefixCall ? pathArg(file, prefixCall.args[0]) : EMPTY, at);
          break;
        }
        const rest = afterBuilderStart(chain) ?? (withRouteLambdaChain(call) ? chain : undefined);
        if (!rest) break;
        const isRouteServiceArg = chain.some((c) => c.name === 'builder' && c.receiver?.text === 'Route');
        if (isRouteServiceArg) break; // Route.builder()...build() is a Route value, read by its user
        const route = builderRoute(file, rest);
        if (route) push(route.methods, route.path, chain[0]!.nameNode, route.isRegex ? { isRegex: true } : {});
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** True when the chain of `build(svc)` starts at the parameter of a `withRoute(b -> ...)` lambda. */
function withRouteLambdaChain(call: CallView): boolean {
  const chain = chainCalls(call);
  const rootName = chain[0]?.receiver?.text;
  if (!rootName) return false;
  for (let cur: Node | null = call.node.parent; cur; cur = cur.parent) {
    if (cur.type === 'lambda_expression' || cur.type === 'lambda_literal') {
      const outer = callView(cur.parent?.type === 'argument_list' ? cur.parent.parent : cur.parent?.parent);
      return outer?.name === 'withRoute';
    }
    if (cur.type === 'method_declaration' || cur.type === 'function_declaration') return false;
  }
  return false;
}

/** `view` facts for HttpServiceWithRoutes classes: the routes their routes() method builds. */
function routesServiceViews(file: JvmFile): Fact[] {
  const out: Fact[] = [];
  for (const cls of allClasses(file)) {
    if (!cls.supertypes.some((s) => s.endsWith('HttpServiceWithRoutes'))) continue;
    const method = cls.methods.find((m) => m.name === 'routes');
    if (!method?.body) continue;
    const routes: { method: HttpMethod; path: string }[] = [];
    for (const call of callsIn(file, method.body)) {
      if (call.name !== 'build') continue;
      const chain = chainCalls(call);
      if (!chain.some((c) => c.name === 'builder' && c.receiver?.text === 'Route')) continue;
      const route = builderRoute(file, afterBuilderStart(chain) ?? []);
      if (!route || route.path.kind !== 'literal') continue;
      for (const m of route.methods) routes.push({ method: m, path: route.path.text });
    }
    if (routes.length === 0) continue;
    out.push({ kind: 'view', framework: FRAMEWORK, ref: classRef(file.packageName, cls.qualifiedPath), routes, location: loc(file.path, fieldOf(cls.node, 'name') ?? cls.node) });
  }
  return out;
}

export const armeriaRoutes: Extractor = {
  id: 'armeria/routes',
  languages: ['java', 'kotlin'],
  keywords: ['com.linecorp.armeria'],
  extract(parsed) {
    const file = dslOutline(parsed);
    if (!file || !importsFrom(file, 'com.linecorp.armeria')) return [];
    return guarded(() => dedupeFacts([...annotatedFacts(file), ...builderFacts(file), ...routesServiceViews(file)]));
  },
};
