// Spring configuration callbacks that declare endpoints by call:
// - STOMP / WebSocket endpoints: `registry.addEndpoint("/ws", "/portfolio")`, `registry.addHandler(h, "/ws")`;
// - static resources: `registry.addResourceHandler("/assets/**", "/webjars/**")`;
// - view controllers (WebMvcConfigurer.addViewControllers): `registry.addViewController("/login")`,
//   `addRedirectViewController("/old", "/new")`, `addStatusController("/gone", HttpStatus.GONE)` (GET; the
//   first argument only);
// - Spring Cloud Gateway: `builder.routes().route("id", r -> r.method(HttpMethod.POST).and().path("/x").uri(...))`,
//   following predicate helpers declared in the same file (`isGetReportRoute(r)`, Kotlin extension functions).
import type { Fact, HttpMethod } from '../../core/facts.js';
import type { Node } from '../tree-sitter/ast.js';
import { argStrings, callView, lambdaArg, type CallView } from './calls.js';
import type { JvmFile, JvmMethod } from './jvm-source.js';
import { allClasses } from './jvm-source.js';
import { routeFacts } from './route-emit.js';
import type { StrValue } from './values.js';

const VERBS = new Set<HttpMethod>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE']);
const MAX_HELPER_DEPTH = 3;

interface Registry {
  call: string;
  /** The file must mention one of these for the call to be the Spring registry. */
  markers: string[];
  /** Index of the first path argument. */
  firstPath: number;
  /** How many path arguments there are (all the rest when absent). */
  count?: number;
}

const REGISTRIES: Registry[] = [
  { call: 'addEndpoint', markers: ['StompEndpointRegistry', 'registerStompEndpoints'], firstPath: 0 },
  { call: 'addHandler', markers: ['WebSocketHandlerRegistry', 'registerWebSocketHandlers'], firstPath: 1 },
  { call: 'addResourceHandler', markers: ['ResourceHandlerRegistry', 'addResourceHandlers'], firstPath: 0 },
  { call: 'addViewController', markers: ['ViewControllerRegistry', 'addViewControllers'], firstPath: 0, count: 1 },
  { call: 'addRedirectViewController', markers: ['ViewControllerRegistry', 'addViewControllers'], firstPath: 0, count: 1 },
  { call: 'addStatusController', markers: ['ViewControllerRegistry', 'addViewControllers'], firstPath: 0, count: 1 },
];

function calls(file: JvmFile, root: Node): CallView[] {
  const types = file.language === 'java' ? ['method_invocation'] : ['call_expression'];
  const out: CallView[] = [];
  for (const node of root.descendantsOfType(types)) {
    const call = callView(node);
    if (call) out.push(call);
  }
  return out;
}

function registryFacts(file: JvmFile, text: string): Fact[] {
  const active = REGISTRIES.filter((r) => r.markers.some((m) => text.includes(m)));
  if (active.length === 0) return [];
  const facts: Fact[] = [];
  for (const call of calls(file, file.root)) {
    const registry = active.find((r) => r.call === call.name);
    if (!registry) continue;
    const end = registry.count === undefined ? undefined : registry.firstPath + registry.count;
    for (const arg of call.args.slice(registry.firstPath, end)) {
      for (const path of argStrings(file, arg)) facts.push(...routeFacts(file, { framework: 'spring', method: 'GET', path, at: call.nameNode }));
    }
  }
  return facts;
}

interface GatewayPredicate {
  methods: HttpMethod[];
  paths: StrValue[];
}

function helperMethods(file: JvmFile): Map<string, JvmMethod> {
  const out = new Map<string, JvmMethod>();
  for (const cls of allClasses(file)) for (const method of cls.methods) if (method.body && !out.has(method.name)) out.set(method.name, method);
  return out;
}

function gatherPredicate(file: JvmFile, node: Node, helpers: Map<string, JvmMethod>, into: GatewayPredicate, depth: number): void {
  for (const call of calls(file, node)) {
    if (call.name === 'path') for (const arg of call.args) into.paths.push(...argStrings(file, arg));
    else if (call.name === 'method') {
      for (const arg of call.args) {
        const name = arg.text.split('.').pop()?.toUpperCase() as HttpMethod | undefined;
        if (name && VERBS.has(name) && !into.methods.includes(name)) into.methods.push(name);
      }
    } else if (depth < MAX_HELPER_DEPTH) {
      const helper = helpers.get(call.name);
      if (helper?.body && !(helper.body.startIndex <= node.startIndex && node.endIndex <= helper.body.endIndex)) {
        gatherPredicate(file, helper.body, helpers, into, depth + 1);
      }
    }
  }
}

function gatewayFacts(file: JvmFile, text: string): Fact[] {
  if (!text.includes('RouteLocator')) return [];
  const helpers = helperMethods(file);
  const facts: Fact[] = [];
  for (const call of calls(file, file.root)) {
    if (call.name !== 'route') continue;
    const lambda = lambdaArg(call);
    if (!lambda || !calls(file, lambda).some((c) => c.name === 'uri')) continue;
    const predicate: GatewayPredicate = { methods: [], paths: [] };
    gatherPredicate(file, lambda, helpers, predicate, 0);
    for (const path of predicate.paths) {
      for (const method of predicate.methods.length ? predicate.methods : (['ANY'] as HttpMethod[])) {
        facts.push(...routeFacts(file, { framework: 'spring', method, path, at: call.nameNode }));
      }
    }
  }
  return facts;
}

export function registryRouteFacts(file: JvmFile, text: string): Fact[] {
  return [...registryFacts(file, text), ...gatewayFacts(file, text)];
}
