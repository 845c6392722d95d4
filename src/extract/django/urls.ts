// Django URLconfs: `urlpatterns` (and other pattern lists) built from path()/re_path()/url(),
// include() mounts (module strings, lists, router.urls), `+=` / extend / append, and DRF routers
// (`router.register(prefix, ViewSet)` expanded into the routes the router generates).
import type { Fact, HttpMethod, MiddlewareRef, RefExpr } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { descendants, dottedPath, keywordArg, loc, positionalArgs, type Node } from '../python/ast.js';
import { middlewareRef } from '../python/middleware-roles.js';
import { assignmentOf, evalString, isPythonTestFile, readModuleScope, type ModuleScope } from '../python/modules.js';
import type { Extractor } from '../types.js';
import { regexToPath } from './regex-path.js';
import { asViewTarget, classViewInfo, functionViewInfo, type ViewInfo } from './views.js';
import { drfRouterFacts } from './drf-routers.js';
import { field, rootOf, textOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'django';
const PATH_FUNCS = new Set(['path', 're_path', 'url']);
/** Calls that boot a Django project (manage.py). */
const ENTRY_CALLS = new Set(['execute_from_command_line']);
const METHOD_WRAPPERS: Record<string, HttpMethod[]> = { require_POST: ['POST'], require_GET: ['GET'], require_safe: ['GET'] };

interface Ctx {
  file: ParsedFile;
  scope: ModuleScope;
  facts: Fact[];
  /** Names of pattern lists whose router fact was emitted. */
  lists: Set<string>;
}

function ref(ctx: Ctx, path: string[]): RefExpr {
  return { file: ctx.file.path, path };
}

function lastName(node: Node | null | undefined): string | undefined {
  const path = dottedPath(node?.type === 'call' ? field(node, 'function') : node);
  return path?.[path.length - 1];
}

/** Module-level statements, descending into if/try/with blocks but not into functions or classes. */
function moduleStatements(root: Node): Node[] {
  const out: Node[] = [];
  const visit = (block: Node) => {
    for (const statement of block.namedChildren) {
      if (statement.type === 'expression_statement') out.push(statement);
      else if (['if_statement', 'try_statement', 'with_statement', 'else_clause', 'elif_clause', 'except_clause', 'finally_clause', 'block'].includes(statement.type)) visit(statement);
    }
  };
  visit(root);
  return out;
}

/** `path(...)` / `re_path(...)` / `url(...)` from Django (not tornado.web.url or os.path). */
function isPatternCall(scope: ModuleScope, node: Node): boolean {
  if (node.type !== 'call') return false;
  const callee = dottedPath(field(node, 'function'));
  if (!callee || !PATH_FUNCS.has(callee[callee.length - 1]!)) return false;
  const binding = scope.imports.get(callee[0]!);
  if (callee.length === 1) return !binding || binding.source.startsWith('django');
  return callee[0] === 'django' || !!binding?.source.startsWith('django');
}

function holdsPatterns(scope: ModuleScope, expr: Node | null): boolean {
  if (!expr) return false;
  if (isPatternCall(scope, expr)) return true;
  return descendants(expr, ['call']).some((c) => isPatternCall(scope, c));
}

function ensureList(ctx: Ctx, name: string, at: Node): void {
  if (ctx.lists.has(name)) return;
  ctx.lists.add(name);
  ctx.facts.push({ kind: 'router', framework: FRAMEWORK, ref: ref(ctx, [name]), location: loc(ctx.file.path, at) });
}

function mount(ctx: Ctx, target: string, child: string[], prefix: string, at: Node, childModule?: string): void {
  ctx.facts.push({
    kind: 'mount', framework: FRAMEWORK, parent: ref(ctx, [target]), child: ref(ctx, child), prefix,
    location: loc(ctx.file.path, at), ...(childModule !== undefined ? { childModule } : {}),
  });
}

/** True when `name` is bound by `import a.b as name` / `from . import name` (a module, not a list). */
function isModuleImport(ctx: Ctx, name: string): boolean {
  const binding = ctx.scope.imports.get(name);
  if (!binding) return false;
  return binding.imported === '*' || /^\.+$/.test(binding.source) || name.endsWith('urls');
}

/** A pattern list or router as referenced in include(x) / `urlpatterns += x`. */
function childRef(ctx: Ctx, node: Node): string[] | undefined {
  const path = dottedPath(node);
  if (!path) return undefined;
  if (path.length > 1 && path[path.length - 1] === 'urls') {
    const head = path.slice(0, -1);
    // `include(router.urls)` mounts the router; `include(blog.urls)` with `import blog` is the module blog.urls.
    return head.length === 1 && isModuleImport(ctx, head[0]!) ? [...path, 'urlpatterns'] : head;
  }
  if (path.length === 1 && !ctx.lists.has(path[0]!) && isModuleImport(ctx, path[0]!)) return [path[0]!, 'urlpatterns'];
  return path;
}

function includeArg(call: Node): Node | undefined {
  return keywordArg(call, 'arg') ?? positionalArgs(call)[0];
}

function handleInclude(ctx: Ctx, target: string, included: Node | undefined, prefix: string, at: Node): void {
  let arg = included;
  if (arg?.type === 'tuple' || arg?.type === 'parenthesized_expression') arg = arg.namedChildren[0] ?? undefined;
  if (!arg) return;
  const module = evalString(arg, ctx.scope.constants);
  if (module !== undefined) return mount(ctx, target, ['urlpatterns'], prefix, at, module);
  if (arg.type === 'list') return addSource(ctx, target, arg, prefix);
  const path = dottedPath(arg);
  if (path?.join('.') === 'admin.site.urls') {
    ctx.facts.push({
      kind: 'route', framework: FRAMEWORK, method: 'ANY', path: prefix, router: ref(ctx, [target]),
      handler: { name: 'admin.site.urls' }, location: loc(ctx.file.path, at), origin: 'generated',
      // The admin site asks for a staff login on every page but its login form.
      middleware: [{ name: 'admin.site (staff login)', role: 'auth', location: loc(ctx.file.path, at) }],
    });
    return;
  }
  const child = childRef(ctx, arg);
  if (child) mount(ctx, target, child, prefix, at);
}

interface ResolvedView {
  name: string;
  info?: ViewInfo;
  methods?: HttpMethod[];
  middleware: MiddlewareRef[];
}

/** Unwraps decorators applied by hand (`login_required(v)`, `cache_page(60)(v)`) and as_view(). */
function resolveView(ctx: Ctx, node: Node): ResolvedView | undefined {
  const middleware: MiddlewareRef[] = [];
  let methods: HttpMethod[] | undefined;
  let expr: Node | undefined = node;
  for (let i = 0; i < 8 && expr?.type === 'call'; i++) {
    const asView = asViewTarget(expr);
    if (asView) {
      const cls = asView.target.length === 1 ? ctx.scope.classes.get(asView.target[0]!) : undefined;
      const info = cls ? classViewInfo(ctx.file, ctx.scope, cls) : undefined;
      return { name: asView.target.join('.'), ...(info ? { info } : {}), methods: asView.actions ?? methods, middleware };
    }
    // `login_required(view)`: the wrapper is the callee; `cache_page(60)(view)`: the callee is a call.
    const fn: Node | null = field(expr, 'function');
    const wrapperName = dottedPath(fn?.type === 'call' ? field(fn, 'function') : fn)?.join('.');
    if (fn && wrapperName) {
      const restricted = METHOD_WRAPPERS[wrapperName.split('.').pop()!];
      if (restricted) methods = restricted;
      else middleware.push(middlewareRef(textOf(fn), loc(ctx.file.path, fn)));
    }
    expr = positionalArgs(expr)[0];
  }
  const path = dottedPath(expr);
  if (!path) return undefined;
  const local = path.length === 1 ? path[0]! : undefined;
  const fn = local ? ctx.scope.functions.get(local) : undefined;
  const cls = local ? ctx.scope.classes.get(local) : undefined;
  const info = fn ? functionViewInfo(ctx.file, ctx.scope, fn) : cls ? classViewInfo(ctx.file, ctx.scope, cls) : undefined;
  return { name: path.join('.'), ...(info ? { info } : {}), ...(methods ? { methods } : {}), middleware };
}

function routePath(ctx: Ctx, call: Node): { path: string; isRegex: boolean } | undefined {
  const node = keywordArg(call, 'route') ?? keywordArg(call, 'regex') ?? positionalArgs(call)[0];
  const value = evalString(node, ctx.scope.constants);
  if (value === undefined) return undefined;
  if (lastName(call) === 'path') return { path: value, isRegex: false };
  return regexToPath(value);
}

function handlePatternCall(ctx: Ctx, target: string, call: Node, prefix: string): void {
  const declared = routePath(ctx, call);
  const view = keywordArg(call, 'view') ?? positionalArgs(call)[1];
  if (!declared || !view) return;
  const path = prefix + declared.path;
  if (view.type === 'call' && lastName(view) === 'include') return handleInclude(ctx, target, includeArg(view), path, call);
  // `path('api/', api.urls)` / `path('admin/', admin.site.urls)`: the `(patterns, app, namespace)` triple of an include.
  if (view.type === 'attribute' && textOf(field(view, 'attribute')) === 'urls') return handleInclude(ctx, target, view, path, call);
  const resolved = resolveView(ctx, view);
  if (!resolved) return;
  const infoMethods = resolved.info && resolved.info.methods !== 'ANY' ? resolved.info.methods : undefined;
  const methods: HttpMethod[] = resolved.methods ?? infoMethods ?? ['ANY'];
  const middleware = [...resolved.middleware, ...(resolved.info?.middleware ?? [])];
  // A view from another module: the model refines the ANY route from that module's view facts.
  const viewRef = !resolved.info && !resolved.methods ? { view: { ref: ref(ctx, resolved.name.split('.')), base: path } } : {};
  for (const method of methods) {
    const handlerNode = resolved.info?.handlers.get(method);
    ctx.facts.push({
      ...viewRef,
      kind: 'route', framework: FRAMEWORK, method, path, router: ref(ctx, [target]),
      handler: { name: resolved.name, ...(handlerNode ? { location: loc(ctx.file.path, handlerNode) } : {}) },
      location: loc(ctx.file.path, call),
      ...(declared.isRegex && !prefix ? { isRegex: true } : {}),
      ...(middleware.length ? { middleware } : {}),
    });
  }
}

function addItems(ctx: Ctx, target: string, items: readonly Node[], prefix: string): void {
  for (const item of items) {
    if (isPatternCall(ctx.scope, item)) handlePatternCall(ctx, target, item, prefix);
    else if (item.type === 'list_splat') addSource(ctx, target, item.namedChildren[0] ?? null, prefix);
  }
}

/** Adds what an expression contributes to pattern list `target`: list items, other lists, router.urls. */
function addSource(ctx: Ctx, target: string, expr: Node | null, prefix = ''): void {
  if (!expr) return;
  switch (expr.type) {
    case 'list':
    case 'tuple':
      return addItems(ctx, target, expr.namedChildren, prefix);
    case 'binary_operator':
      addSource(ctx, target, field(expr, 'left'), prefix);
      addSource(ctx, target, field(expr, 'right'), prefix);
      return;
    case 'parenthesized_expression':
      return addSource(ctx, target, expr.namedChildren[0] ?? null, prefix);
    case 'call': {
      if (isPatternCall(ctx.scope, expr)) return handlePatternCall(ctx, target, expr, prefix);
      // i18n_patterns(path(...), ...) and format_suffix_patterns([...]) wrap plain patterns.
      const name = lastName(expr);
      if (name === 'i18n_patterns') return addItems(ctx, target, positionalArgs(expr), prefix);
      if (name === 'format_suffix_patterns') return addSource(ctx, target, positionalArgs(expr)[0] ?? null, prefix);
      return;
    }
    case 'identifier':
    case 'attribute': {
      if (expr.type === 'identifier' && textOf(expr) === target) return;
      const child = childRef(ctx, expr);
      if (child) mount(ctx, target, child, prefix, expr);
      return;
    }
    default:
  }
}

function listStatement(ctx: Ctx, statement: Node): void {
  const assignment = assignmentOf(statement);
  if (assignment) {
    const left = field(assignment, 'left');
    const right = field(assignment, 'right');
    if (left?.type !== 'identifier' || !right) return;
    const name = textOf(left);
    const isList = name === 'urlpatterns' || ctx.lists.has(name) || holdsPatterns(ctx.scope, right);
    if (!isList) return;
    ensureList(ctx, name, assignment);
    addSource(ctx, name, right);
    return;
  }
  const call = statement.namedChildren[0] ?? null;
  if (call?.type !== 'call') return;
  const callee = dottedPath(field(call, 'function'));
  if (!callee || callee.length !== 2 || !ctx.lists.has(callee[0]!)) return;
  const [name, method] = callee as [string, string];
  const args = positionalArgs(call);
  if (method === 'extend') addSource(ctx, name, args[0] ?? null);
  else if (method === 'append') addItems(ctx, name, args.slice(0, 1), '');
  else if (method === 'insert') addItems(ctx, name, args.slice(1, 2), '');
}

export function extractDjangoUrls(file: ParsedFile): Fact[] {
  if (file.tree.kind !== 'tree-sitter' || isPythonTestFile(file.path)) return [];
  const root = rootOf(file.tree.tree);
  const ctx: Ctx = { file, scope: readModuleScope(root), facts: [], lists: new Set() };
  const statements = moduleStatements(root);
  ctx.facts.push(...drfRouterFacts(file, ctx.scope, statements));
  for (const statement of statements) listStatement(ctx, statement);
  for (const call of descendants(root, ['call'])) {
    if (call && ENTRY_CALLS.has(lastName(call) ?? '')) {
      ctx.facts.push({ kind: 'service-entry', framework: FRAMEWORK, location: loc(file.path, call) });
    }
  }
  return ctx.facts;
}

export const djangoUrls: Extractor = {
  id: 'django/urls',
  languages: ['python'],
  keywords: ['urlpatterns', 'register(', 'path(', 'url(', 'execute_from_command_line'],
  extract: extractDjangoUrls,
};
