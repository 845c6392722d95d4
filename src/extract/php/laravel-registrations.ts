// What one link of a Laravel route chain registers: `get('/x', [C::class, 'm'])`, `match([...], ...)`,
// `view`, `redirect`, `resource('photos', C::class, [...])`, and the modifiers chained after a
// resource (`->only()`, `->except()`, `->parameters()`, `->shallow()`); middleware names as written.
import type { HttpMethod } from '../../core/facts.js';
import type { Node } from '../tree-sitter/ast.js';
import { arrayEntries, arrayValue, classConstName, stringList, stringValue } from './ast.js';
import { emptyResourceOptions, type ResourceKind, type ResourceOptions } from './laravel-resources.js';
import { toMethod } from './methods.js';

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'options', 'any', 'query']);
const RESOURCE_KINDS = new Set<string>(['resource', 'apiResource', 'singleton', 'apiSingleton']);

export function middlewareNames(nodes: readonly Node[]): string[] {
  const out: string[] = [];
  for (const node of nodes) {
    const cls = classConstName(node);
    if (cls) {
      out.push(cls);
      continue;
    }
    const entries = arrayEntries(node);
    if (entries) {
      out.push(...middlewareNames(entries.map((e) => e.value)));
      continue;
    }
    const s = stringValue(node);
    if (s !== undefined) out.push(s);
  }
  return out;
}

export function handlerName(node: Node | undefined, controller: string | undefined): string | undefined {
  if (!node) return undefined;
  const entries = arrayEntries(node);
  if (entries && entries.length === 2) {
    const cls = classConstName(entries[0]!.value) ?? stringValue(entries[0]!.value);
    const method = stringValue(entries[1]!.value);
    return cls && method ? `${cls}@${method}` : undefined;
  }
  const cls = classConstName(node);
  if (cls) return cls;
  const s = stringValue(node);
  if (s === undefined) return undefined;
  if (s.includes('@') || !controller) return s;
  return `${controller}@${s}`;
}

function resourceOptionsFrom(node: Node | undefined): ResourceOptions {
  const options = emptyResourceOptions();
  if (!node) return options;
  const only = arrayValue(node, 'only');
  const except = arrayValue(node, 'except');
  if (only) options.only = stringList(only);
  if (except) options.except = stringList(except);
  addParameters(options, arrayValue(node, 'parameters'));
  return options;
}

function addParameters(options: ResourceOptions, node: Node | undefined): void {
  for (const entry of arrayEntries(node) ?? []) {
    const key = entry.key ? stringValue(entry.key) : undefined;
    const value = stringValue(entry.value);
    if (key && value) options.parameters.set(key, value);
  }
}

export interface Pending {
  methods: HttpMethod[];
  path: string;
  handler?: string;
  origin: 'route' | 'generated';
}

export interface PendingResource {
  kind: ResourceKind;
  name: string;
  controller?: string;
  options: ResourceOptions;
}

/** Routes and resources a registering link declares; undefined when the link registers nothing. */
export function registration(name: string, args: Node[], controller: string | undefined): { routes: Pending[]; resources: PendingResource[] } | undefined {
  const routes: Pending[] = [];
  const resources: PendingResource[] = [];
  if (VERBS.has(name)) {
    const path = stringValue(args[0]);
    const method = name === 'any' ? 'ANY' : toMethod(name);
    if (path !== undefined && method) routes.push({ methods: [method], path, handler: handlerName(args[1], controller), origin: 'route' });
  } else if (name === 'match' || name === 'addRoute') {
    const path = stringValue(args[1]);
    const methods = [...new Set(stringList(args[0]).map((m) => (m === '*' ? 'ANY' : toMethod(m))).filter((m): m is HttpMethod => !!m))];
    if (path !== undefined && methods.length > 0) routes.push({ methods, path, handler: handlerName(args[2], controller), origin: 'route' });
  } else if (name === 'view' || name === 'redirect' || name === 'permanentRedirect') {
    // Route::view registers GET (and HEAD); Route::redirect answers every method.
    const path = stringValue(args[0]);
    if (path !== undefined) routes.push({ methods: [name === 'view' ? 'GET' : 'ANY'], path, origin: 'route' });
  } else if (RESOURCE_KINDS.has(name)) {
    const resName = stringValue(args[0]);
    if (resName !== undefined) {
      resources.push({
        kind: name as ResourceKind, name: resName,
        controller: classConstName(args[1]) ?? stringValue(args[1]), options: resourceOptionsFrom(args[2]),
      });
    }
  } else if (name === 'resources' || name === 'apiResources') {
    for (const entry of arrayEntries(args[0]) ?? []) {
      const resName = entry.key ? stringValue(entry.key) : undefined;
      if (resName === undefined) continue;
      resources.push({
        kind: name === 'resources' ? 'resource' : 'apiResource', name: resName,
        controller: classConstName(entry.value) ?? stringValue(entry.value), options: resourceOptionsFrom(args[1]),
      });
    }
  } else if (name !== 'fallback') return undefined;
  return { routes, resources };
}

/** `->only([...])`, `->except([...])`, `->parameters([...])`, `->shallow()` ... after a resource. */
export function applyResourceModifier(name: string, args: Node[], resources: PendingResource[]): void {
  for (const r of resources) {
    if (name === 'only') r.options.only = args.flatMap((a) => stringList(a));
    else if (name === 'except') r.options.except = args.flatMap((a) => stringList(a));
    else if (name === 'parameters') addParameters(r.options, args[0]);
    else if (name === 'parameter') {
      const [key, value] = [stringValue(args[0]), stringValue(args[1])];
      if (key && value) r.options.parameters.set(key, value);
    } else if (name === 'shallow') r.options.shallow = true;
    else if (name === 'creatable') r.options.creatable = true;
    else if (name === 'destroyable') r.options.destroyable = true;
  }
}
