// ASP.NET Core MVC / Web API controllers: [Route] on the class joined with [HttpGet("x")] /
// [AcceptVerbs] / [Route] on actions ([controller], [action], [area] tokens), '/' and '~/' templates
// that ignore the class route, one route per attribute; actions without attribute routes register
// on the project's conventional-routing ref (see conventional.ts). [Authorize] / [AllowAnonymous]
// give auth, [Tags] gives OpenAPI tags.
import type { Fact, HttpMethod, MiddlewareRef, RouteFact } from '../../core/facts.js';
import type { Location } from '../../core/types.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, namedChildren, treeOf, walk, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { attributesOf, modifiersOf, simpleName, stringValue, stringsAndMembers, type Attribute } from './ast.js';
import { conventionalRef } from './conventional.js';
import { cleanTemplate, isCsTestPath, toMethod } from './methods.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'aspnetcore';
const VERB_ATTRS: Record<string, HttpMethod> = {
  HttpGet: 'GET', HttpPost: 'POST', HttpPut: 'PUT', HttpPatch: 'PATCH', HttpDelete: 'DELETE', HttpHead: 'HEAD', HttpOptions: 'OPTIONS',
};
const ROUTING_ATTRS = new Set([...Object.keys(VERB_ATTRS), 'Route', 'RoutePrefix', 'AcceptVerbs', 'ApiController']);
const NOT_ACTIONS = new Set(['Dispose', 'OnActionExecuting', 'OnActionExecuted', 'OnActionExecutionAsync']);

interface ClassInfo {
  name: string; // controller name, without the 'Controller' suffix
  area?: string;
  routes: string[];
  isApi: boolean;
  /** Classic ASP.NET MVC (System.Web.Mvc): conventional actions are reported as {controller}/{action}, without the optional id. */
  classic: boolean;
  attrs: Attribute[];
}

/** One route an action declares: methods, template (undefined: none) and the attribute it came from. */
interface ActionRoute {
  methods: HttpMethod[];
  template?: string;
  node: Node;
}

const isAuthorize = (a: Attribute) => a.name === 'Authorize' || /Authorize$/.test(a.name);

function firstString(attr: Attribute, named: string): string | undefined {
  return stringValue(attr.args.named.get(named) ?? attr.args.positional[0]);
}

/** Replaces [controller] / [action] / [area] tokens (case-insensitive); `[[` / `]]` escapes are kept. */
export function replaceTokens(template: string, tokens: Record<string, string | undefined>): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (c === '[' && template[i + 1] !== '[') {
      const close = template.indexOf(']', i);
      const token = close > 0 ? template.slice(i + 1, close).toLowerCase() : '';
      const value = tokens[token];
      if (value !== undefined) {
        out += value;
        i = close;
        continue;
      }
    }
    out += c;
  }
  return out;
}

function joinTemplates(classRoute: string, template: string | undefined): string {
  if (template === undefined || template === '') return classRoute;
  if (!classRoute) return template;
  return `${classRoute.replace(/\/+$/, '')}/${template.replace(/^\/+/, '')}`;
}

function actionRoutes(attrs: Attribute[]): { routes: ActionRoute[]; templateless: ActionRoute[]; routeAttrs: Attribute[] } {
  const routes: ActionRoute[] = [];
  const templateless: ActionRoute[] = [];
  const routeAttrs: Attribute[] = [];
  for (const attr of attrs) {
    const verb = VERB_ATTRS[attr.name];
    if (verb) {
      const template = stringValue(attr.args.named.get('template') ?? attr.args.named.get('Template') ?? attr.args.positional[0]);
      (template === undefined ? templateless : routes).push({ methods: [verb], template, node: attr.node });
    } else if (attr.name === 'AcceptVerbs') {
      const methods = attr.args.positional.flatMap((n) => stringsAndMembers(n)).map(toMethod).filter((m): m is HttpMethod => !!m);
      const template = stringValue(attr.args.named.get('Route'));
      if (methods.length > 0) (template === undefined ? templateless : routes).push({ methods, template, node: attr.node });
    } else if (attr.name === 'Route') routeAttrs.push(attr);
  }
  return { routes, templateless, routeAttrs };
}

/**
 * Ardalis.ApiEndpoints: one class per endpoint deriving (through ControllerBase) from
 * `EndpointBaseAsync.WithRequest<R>.WithActionResult<S>`, `EndpointBaseSync...`, or the older
 * `BaseAsyncEndpoint<R, S>` / `BaseEndpoint<R, S>`; routes are attribute routes on Handle / HandleAsync.
 */
const ARDALIS_BASES = /^(EndpointBaseAsync|EndpointBaseSync|EndpointBase|BaseAsyncEndpoint|BaseEndpoint)$/;

/** The first name of a base type: `EndpointBaseAsync.WithRequest<R>.WithActionResult<S>` -> 'EndpointBaseAsync'. */
function baseHead(base: Node): string | undefined {
  let head: Node | null = base;
  for (let guard = 0; head && guard < 16 && (head.type === 'qualified_name' || head.type === 'member_access_expression'); guard++) {
    head = fieldOf(head, 'qualifier') ?? fieldOf(head, 'expression') ?? namedChildren(head)[0] ?? null;
  }
  return head ? simpleName(head) : undefined;
}

function isArdalisEndpoint(cls: Node): boolean {
  return namedChildren(namedChildren(cls).find((c) => c.type === 'base_list')).some((b) => ARDALIS_BASES.test(baseHead(b) ?? ''));
}

function isControllerClass(cls: Node, attrs: Attribute[], fileUsesAspNet: boolean): boolean {
  const mods = modifiersOf(cls);
  if (!mods.has('public') || mods.has('abstract') || mods.has('static')) return false;
  if (namedChildren(cls).some((c) => c.type === 'type_parameter_list')) return false;
  if (attrs.some((a) => a.name === 'NonController')) return false;
  if (isArdalisEndpoint(cls)) return true;
  const name = fieldOf(cls, 'name')?.text ?? '';
  const bases = namedChildren(namedChildren(cls).find((c) => c.type === 'base_list')).map((b) => simpleName(b) ?? '');
  const byName = name.endsWith('Controller') || bases.some((b) => /Controller(Base)?$/.test(b));
  const byAttr = attrs.some((a) => a.name === 'ApiController' || a.name === 'Controller');
  if (!byName && !byAttr) return false;
  const hasRouting = attrs.some((a) => ROUTING_ATTRS.has(a.name));
  return fileUsesAspNet || hasRouting || bases.some((b) => /^Controller(Base)?$/.test(b));
}

function actionName(method: Node, attrs: Attribute[]): string {
  const named = attrs.find((a) => a.name === 'ActionName');
  const explicit = named ? firstString(named, 'name') : undefined;
  if (explicit) return explicit;
  const name = fieldOf(method, 'name')?.text ?? '';
  return name.endsWith('Async') && name.length > 5 ? name.slice(0, -5) : name;
}

function hasIdParameter(method: Node): boolean {
  const params = namedChildren(fieldOf(method, 'parameters'));
  return params.some((p) => fieldOf(p, 'name')?.text.toLowerCase() === 'id');
}

function authOf(classAttrs: Attribute[], methodAttrs: Attribute[], file: ParsedFile): MiddlewareRef[] {
  const anonymous = [...classAttrs, ...methodAttrs].find((a) => a.name === 'AllowAnonymous');
  // Open on purpose: a 'public' marker, which an app-wide authorization policy respects.
  if (anonymous) return [{ name: 'AllowAnonymous', role: 'public', location: loc(file.path, anonymous.node) }];
  const attr = methodAttrs.find(isAuthorize) ?? classAttrs.find(isAuthorize);
  return attr ? [{ name: attr.name, role: 'auth', location: loc(file.path, attr.node) }] : [];
}

function tagsOf(attrs: Attribute[]): string[] {
  return attrs.filter((a) => a.name === 'Tags').flatMap((a) => a.args.positional.map((n) => stringValue(n)).filter((s): s is string => !!s));
}

function emitAction(cls: ClassInfo, method: Node, file: ParsedFile, facts: Fact[]): void {
  const attrs = attributesOf(method);
  if (attrs.some((a) => a.name === 'NonAction')) return;
  const { routes, templateless, routeAttrs } = actionRoutes(attrs);
  const action = actionName(method, attrs);
  const tokens = { controller: cls.name, action, area: cls.area };
  const nameNode = fieldOf(method, 'name');
  const handlerName = `${cls.name}Controller.${nameNode?.text ?? action}`;
  const middleware = authOf(cls.attrs, attrs, file);
  const tags = [...new Set([...tagsOf(cls.attrs), ...tagsOf(attrs)])];
  const templatelessMethods = [...new Set(templateless.flatMap((r) => r.methods))];

  const entries: ActionRoute[] = [...routes];
  for (const attr of routeAttrs) {
    entries.push({ methods: templatelessMethods.length > 0 ? templatelessMethods : ['ANY'], template: firstString(attr, 'template') ?? '', node: attr.node });
  }
  if (routeAttrs.length === 0) {
    if (templateless.length > 0) entries.push(...templateless);
    else if (routes.length === 0) entries.push({ methods: [], node: nameNode ?? method });
  }

  const push = (fact: RouteFact) => {
    fact.handler = { name: handlerName, ...(nameNode ? { location: loc(file.path, nameNode) } : {}) };
    if (middleware.length > 0) fact.middleware = middleware;
    if (tags.length > 0) fact.openapiTags = tags;
    facts.push(fact);
  };
  for (const entry of entries) {
    const location: Location = loc(file.path, entry.node);
    const absolute = entry.template !== undefined && /^~?\//.test(entry.template);
    if (absolute || (entry.template !== undefined && cls.routes.length === 0)) {
      const template = cleanTemplate(replaceTokens(entry.template!.replace(/^~/, ''), tokens));
      for (const m of entry.methods) push({ kind: 'route', framework: FRAMEWORK, method: m, path: template || '/', location });
    } else if (cls.routes.length > 0) {
      const methods = entry.methods.length > 0 ? entry.methods : (['ANY'] as HttpMethod[]);
      for (const classRoute of cls.routes) {
        const template = cleanTemplate(replaceTokens(joinTemplates(classRoute, entry.template), tokens));
        for (const m of methods) push({ kind: 'route', framework: FRAMEWORK, method: m, path: template || '/', location });
      }
    } else if (!cls.isApi) {
      // Conventional routing: '{controller}/{action}/{id?}'. An action without a verb attribute answers
      // every method; reported as GET, the way such (view) actions are used.
      const path = `${cls.area ? `${cls.area}/` : ''}${cls.name}/${action}${hasIdParameter(method) && !cls.classic ? '/{id}' : ''}`;
      const methods = entry.methods.length > 0 ? entry.methods : (['GET'] as HttpMethod[]);
      for (const m of methods) {
        push({ kind: 'route', framework: FRAMEWORK, method: m, path, location, router: conventionalRef(file.path, !!cls.area) });
      }
    }
  }
}

function isAction(method: Node): boolean {
  if (method.type !== 'method_declaration') return false;
  const mods = modifiersOf(method);
  if (!mods.has('public') || mods.has('static') || mods.has('abstract')) return false;
  if (namedChildren(method).some((c) => c.type === 'type_parameter_list')) return false;
  return !NOT_ACTIONS.has(fieldOf(method, 'name')?.text ?? '');
}

function controllerRoutes(cls: Node, file: ParsedFile, usesAspNet: boolean, classic: boolean, facts: Fact[]): void {
  const attrs = attributesOf(cls);
  if (!isControllerClass(cls, attrs, usesAspNet)) return;
  const className = fieldOf(cls, 'name')?.text ?? '';
  const area = attrs.find((a) => a.name === 'Area');
  const info: ClassInfo = {
    name: className.endsWith('Controller') && className.length > 10 ? className.slice(0, -10) : className,
    area: area ? firstString(area, 'areaName') : undefined,
    // [RoutePrefix] is ASP.NET Web API 2's class-level route.
    routes: attrs.filter((a) => a.name === 'Route' || a.name === 'RoutePrefix').map((a) => firstString(a, 'template') ?? firstString(a, 'prefix') ?? ''),
    // Ardalis endpoints are attribute-routed API endpoints: no conventional-route fallback.
    isApi: attrs.some((a) => a.name === 'ApiController') || isArdalisEndpoint(cls),
    classic: classic && !usesAspNet,
    attrs,
  };
  for (const member of namedChildren(fieldOf(cls, 'body'))) {
    if (isAction(member)) emitAction(info, member, file, facts);
  }
}

/** Whether the file imports ASP.NET Core (Microsoft.AspNetCore.*) and classic ASP.NET MVC (System.Web.Mvc). */
function aspNetUsings(root: Node): { core: boolean; classic: boolean } {
  const found = { core: false, classic: false };
  walk(root, (node) => {
    if (found.core) return false;
    if (node.type === 'using_directive') {
      if (node.text.includes('Microsoft.AspNetCore')) found.core = true;
      if (node.text.includes('System.Web.Mvc')) found.classic = true;
      return false;
    }
    return node.type === 'compilation_unit' || node.type === 'namespace_declaration' || node.type === 'file_scoped_namespace_declaration'
      || node.type === 'declaration_list';
  });
  return found;
}

export const aspnetControllers: Extractor = {
  id: 'aspnetcore/controllers',
  languages: ['csharp'],
  keywords: ['Controller', 'EndpointBase', 'BaseAsyncEndpoint', 'BaseEndpoint'],
  extract(file) {
    const tree = treeOf(file);
    if (!tree || isCsTestPath(file.path)) return [];
    const usings = aspNetUsings(tree.rootNode);
    const facts: Fact[] = [];
    walk(tree.rootNode, (node) => {
      if (node.type === 'class_declaration') {
        controllerRoutes(node, file, usings.core, usings.classic, facts);
        return false;
      }
      return node.type === 'compilation_unit' || node.type === 'namespace_declaration'
        || node.type === 'file_scoped_namespace_declaration' || node.type === 'declaration_list';
    });
    return facts;
  },
};
