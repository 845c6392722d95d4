// CherryPy: the URL space is an object tree. Each class is a router; its exposed methods
// (`@cherrypy.expose`, `name.exposed = True`) are routes at `/<method>` plus one `/{param}` segment per
// required positional parameter (optional ones are query parameters), `index` is the object's own
// path and `default(*args)` catches everything below it. A class exposed as a whole
// (`@cherrypy.expose` on the class, `exposed = True`) with GET/POST/... methods is a MethodDispatcher
// resource. Child objects (`users = Users()` in the class body or `self.users = Users()` in __init__)
// are mounts at `/<attribute>`; `cherrypy.quickstart(Root(), '/x')` / `cherrypy.tree.mount(Root(), '/x')`
// mount the root object.
import type { Fact, HttpMethod } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { dottedPath, keywordArg, loc, positionalArgs, walk, type Node } from '../python/ast.js';
import { evalString } from '../python/modules.js';
import { fileRef as ref, openPythonModule, type PyRouteCtx as Ctx } from '../python/route-helpers.js';
import { field, textOf } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';

const FRAMEWORK = 'cherrypy';
export const CHERRYPY_TREE = '<cherrypy-tree>';
const REST_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** `cherrypy.expose` / `expose` imported from cherrypy, called or not. */
function isExposeDecorator(ctx: Ctx, decorator: Node): boolean {
  let expr: Node | null | undefined = decorator.namedChildren[0];
  if (expr?.type === 'call') expr = field(expr, 'function');
  const path = dottedPath(expr);
  if (!path || path[path.length - 1] !== 'expose') return false;
  return ctx.scope.imports.get(path[0]!)?.source.split('.')[0] === 'cherrypy';
}

function isTrue(node: Node | null | undefined): boolean {
  return node?.type === 'true';
}

/** Required positional parameters after `self`, and whether there is a `*args`. */
function parameters(def: Node): { required: string[]; varargs?: string } {
  const out: { required: string[]; varargs?: string } = { required: [] };
  const params = field(def, 'parameters')?.namedChildren ?? [];
  params.forEach((param, index) => {
    if (index === 0) return; // self
    if (param.type === 'identifier') out.required.push(textOf(param));
    else if (param.type === 'typed_parameter') {
      const name = param.namedChildren.find((c) => c?.type === 'identifier');
      if (name) out.required.push(textOf(name));
    } else if (param.type === 'list_splat_pattern') {
      const name = param.namedChildren[0];
      out.varargs = name ? textOf(name) : 'args';
    }
  });
  return out;
}

function segments(names: string[]): string {
  return names.map((n) => `/{${n}}`).join('');
}

function classFacts(ctx: Ctx, cls: Node, decorators: Node[]): void {
  const name = textOf(field(cls, 'name'));
  if (!name) return;
  const router = ref(ctx, [name]);
  const body = field(cls, 'body')?.namedChildren ?? [];
  let classExposed = decorators.some((d) => isExposeDecorator(ctx, d));
  const exposedByAssignment = new Set<string>();
  const methods: { name: string; def: Node; exposed: boolean }[] = [];
  const children: { attr: string; value: Node; at: Node }[] = [];
  for (const statement of body) {
    const inner = statement.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
    if (inner?.type === 'assignment') {
      const left = field(inner, 'left');
      const right = field(inner, 'right');
      const target = dottedPath(left);
      if (target?.length === 1 && target[0] === 'exposed' && isTrue(right)) classExposed = true;
      else if (target?.length === 2 && target[1] === 'exposed' && isTrue(right)) exposedByAssignment.add(target[0]!);
      else if (target?.length === 1 && right?.type === 'call') children.push({ attr: target[0]!, value: right, at: inner });
      continue;
    }
    const decorated = statement.type === 'decorated_definition';
    const def = decorated ? field(statement, 'definition') : statement;
    if (def?.type !== 'function_definition') continue;
    const fn = textOf(field(def, 'name'));
    if (!fn) continue;
    const exposed = decorated && statement.namedChildren.some((d) => d?.type === 'decorator' && isExposeDecorator(ctx, d));
    methods.push({ name: fn, def, exposed });
    // `self.child = Child()` in __init__.
    if (fn === '__init__') {
      walk(def, (node) => {
        if (node.type !== 'assignment') return true;
        const target = dottedPath(field(node, 'left'));
        const right = field(node, 'right');
        if (target?.length === 2 && target[0] === 'self' && right?.type === 'call') children.push({ attr: target[1]!, value: right, at: node });
        return false;
      });
    }
  }
  const route = (method: HttpMethod, path: string, def: Node, handler: string) => ctx.facts.push({
    kind: 'route', framework: FRAMEWORK, method, path: path || '/', router, location: loc(ctx.file.path, def),
    handler: { name: `${name}.${handler}`, location: loc(ctx.file.path, def) },
  });
  let hasRoutes = false;
  for (const m of methods) {
    const { required, varargs } = parameters(m.def);
    if (classExposed && REST_METHODS.has(m.name)) {
      route(m.name as HttpMethod, segments(required), m.def, m.name);
      hasRoutes = true;
    } else if (m.exposed || exposedByAssignment.has(m.name)) {
      const base = m.name === 'index' ? '/' : m.name === 'default' ? '' : `/${m.name}`;
      const tail = segments(required) + (varargs ? `/{${varargs}}` : '');
      route('GET', m.name === 'index' ? base + tail.replace(/^\//, '') : base + tail, m.def, m.name);
      hasRoutes = true;
    }
  }
  const mounts = children.filter((c) => /^[A-Z]/.test(dottedPath(field(c.value, 'function'))?.slice(-1)[0] ?? ''));
  if (hasRoutes || mounts.length) ctx.facts.push({ kind: 'router', framework: FRAMEWORK, ref: router, location: loc(ctx.file.path, cls) });
  for (const child of mounts) {
    const childClass = dottedPath(field(child.value, 'function'))!;
    ctx.facts.push({
      kind: 'mount', framework: FRAMEWORK, parent: router, child: ref(ctx, childClass), prefix: `/${child.attr}`, location: loc(ctx.file.path, child.at),
    });
  }
}

/** `cherrypy.quickstart(Root(), '/')`, `cherrypy.tree.mount(Root(), '/api', conf)`. */
function treeMount(ctx: Ctx, call: Node): void {
  const callee = dottedPath(field(call, 'function'));
  if (!callee) return;
  const joined = callee.join('.');
  const isQuickstart = joined === 'cherrypy.quickstart' || (callee.length === 1 && callee[0] === 'quickstart' && ctx.scope.imports.get('quickstart')?.source === 'cherrypy');
  if (!isQuickstart && joined !== 'cherrypy.tree.mount' && joined !== 'cherrypy.Application') return;
  const args = positionalArgs(call);
  let root = keywordArg(call, 'root') ?? args[0];
  if (root?.type === 'identifier') root = ctx.scope.calls.get(textOf(root)) ?? root;
  const cls = root?.type === 'call' ? dottedPath(field(root, 'function')) : undefined;
  const scriptName = keywordArg(call, 'script_name') ?? args[1];
  const prefix = scriptName ? evalString(scriptName, ctx.scope.constants) : '';
  if (!cls || prefix === undefined) return;
  ctx.facts.push({ kind: 'mount', framework: FRAMEWORK, parent: ref(ctx, [CHERRYPY_TREE]), child: ref(ctx, cls), prefix, location: loc(ctx.file.path, call) });
}

export function extractCherrypyRoutes(file: ParsedFile): Fact[] {
  const module = openPythonModule(file, ['cherrypy']);
  if (!module) return [];
  const { root, scope } = module;
  const ctx: Ctx = { file, scope, facts: [] };
  walk(root, (node) => {
    if (node.type === 'class_definition') {
      const decorators = node.parent?.type === 'decorated_definition' ? node.parent.namedChildren.filter((c): c is Node => c?.type === 'decorator') : [];
      classFacts(ctx, node, decorators);
      return false;
    }
    if (node.type === 'call') treeMount(ctx, node);
    return true;
  });
  return ctx.facts;
}

export const cherrypyRoutes: Extractor = {
  id: 'cherrypy/routes',
  languages: ['python'],
  keywords: ['cherrypy'],
  extract: extractCherrypyRoutes,
};
