// Next.js endpoints, from the file's place in the tree and its exports:
// - App Router route handlers: app/**/route.(ts|js) exporting GET/POST/... functions;
//   (group) and @slot segments are dropped, _private folders and (.)intercepting routes are not routed.
// - Pages Router API routes: pages/api/**: the default-exported handler; its methods are the ones it
//   compares `req.method` with (if/switch/includes), every method when it never looks.
// - `export * from '../x/route'`: a placeholder that the model replaces with that module's handlers.
// - Server Actions: a module with a top-level 'use server' directive; each exported function is a
//   POST entry point (Next.js documents them as public HTTP endpoints), listed as POST /<name>.
import type { Fact, HttpMethod, ViewFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, memberPath, stringValue, walk, type Node } from '../javascript/ast.js';
import type { Extractor } from '../types.js';
import {
  ALL_HANDLER_METHODS, STANDARD_METHOD_SET, isFunctionNode, readModuleShape, resolveLocal, unwrap, type ModuleShape,
} from '../file-routes/module-shape.js';
import {
  bracketSegment, expandPaths, isGroupSegment, isTestOrTooling, routeFact, segmentsUnder, stripSourceExtension,
} from '../file-routes/paths.js';

const FRAMEWORK = 'nextjs';

export const nextjsRoutes: Extractor = {
  id: 'nextjs/routes',
  languages: ['javascript', 'typescript'],
  keywords: ['export'],
  extract(file) {
    if (isTestOrTooling(file.path)) return [];
    const pagesApi = segmentsUnder(file.path, ['pages', 'api']);
    const appDir = pagesApi ? undefined : segmentsUnder(file.path, ['app']);
    const isRouteFile = appDir !== undefined && /^route\.[cm]?[jt]sx?$/.test(appDir[appDir.length - 1] ?? '');
    const mayBeAction = file.text.includes('use server');
    if (!pagesApi && !isRouteFile && !mayBeAction) return [];
    const shape = readModuleShape(file);
    if (!shape) return [];
    const facts: Fact[] = [];
    if (pagesApi) facts.push(...pagesApiRoutes(file, shape, pagesApi));
    else if (isRouteFile) facts.push(...appRouteHandlers(file, shape, appDir!));
    if (shape.directives.includes('use server') && !isRouteFile) facts.push(...serverActions(file, shape));
    return facts;
  },
};

/** URL paths of an app/ route file (its directory names the URL) or a pages/ file (its name does). */
function nextPaths(segments: readonly string[], appRouter: boolean): string[] | undefined {
  const dirs = appRouter ? segments.slice(0, -1) : [...segments.slice(0, -1), stripSourceExtension(segments[segments.length - 1]!)];
  if (!appRouter && dirs[dirs.length - 1] === 'index') dirs.pop();
  const variants: string[][] = [];
  for (const seg of dirs) {
    if (appRouter && seg.startsWith('_')) return undefined; // App Router private folder: not routable
    if (seg.startsWith('(.')) return undefined; // intercepting route: renders elsewhere
    if (isGroupSegment(seg) || seg.startsWith('@')) continue;
    variants.push(bracketSegment(seg));
  }
  return expandPaths(variants);
}

/** The symbol a route module's handler set is published under, for `export * from './other/route'`. */
const HANDLER_SET = '$nextRouteHandlers';

function appRouteHandlers(file: ParsedFile, shape: ModuleShape, segments: string[]): Fact[] {
  const paths = nextPaths(segments, true);
  if (!paths) return [];
  const facts: Fact[] = [];
  const viewRoutes: ViewFact['routes'] = [];
  let first: Node | undefined;
  for (const [name, exported] of shape.exports) {
    if (!STANDARD_METHOD_SET.has(name)) continue;
    const value = resolveLocal(shape, exported.value);
    const handlerName = value && value.type === 'FunctionDeclaration' && value.id ? value.id.name : name;
    const handler = { name: handlerName, location: loc(file.path, value ?? exported.at) };
    first ??= exported.at;
    viewRoutes.push({ method: name as HttpMethod, path: '', handler });
    for (const path of paths) facts.push(routeFact(FRAMEWORK, name as HttpMethod, path, loc(file.path, exported.at), handler));
  }
  // Another route file may re-export this one wholesale: publish the handler set as a view.
  if (first) facts.push({ kind: 'view', framework: FRAMEWORK, ref: { file: file.path, path: [HANDLER_SET] }, routes: viewRoutes, location: loc(file.path, first) });
  // `export * from '../other/route'`: this URL serves that module's handlers (ANY while unresolved).
  shape.exportAll.forEach((source, i) => {
    const stmt = shape.program.body.find((s) => s.type === 'ExportAllDeclaration' && s.source.value === source) ?? shape.program;
    const at = loc(file.path, stmt);
    const local = `$nextReexport${i}`;
    facts.push({ kind: 'import', language: 'javascript', local, source, imported: '*', location: at });
    for (const path of paths) {
      facts.push({ ...routeFact(FRAMEWORK, 'ANY', path, at), view: { ref: { file: file.path, path: [local, HANDLER_SET] }, base: path } });
    }
  });
  return facts;
}

function pagesApiRoutes(file: ParsedFile, shape: ModuleShape, segments: string[]): Fact[] {
  const exported = shape.exports.get('default');
  if (!exported) return [];
  const handler = handlerFunction(shape, exported.value);
  // Next.js calls whatever a pages/api module default-exports: a handler made by a library
  // (`export default NextAuth(options)`) or imported from elsewhere serves every method too.
  const value = resolveLocal(shape, exported.value);
  if (!handler && value && value.type !== 'CallExpression' && value.type !== 'Identifier') return [];
  // A tRPC adapter is a transport: its procedures are the endpoints (the tRPC extractor lists them).
  if (!handler && value?.type === 'CallExpression' && isTrpcAdapter(shape, value)) return [];
  const paths = nextPaths(['api', ...segments], false);
  if (!paths) return [];
  const checked = handler ? checkedMethods(handler) : [];
  const methods: readonly HttpMethod[] = checked.length > 0 ? checked : ALL_HANDLER_METHODS;
  const name = handler?.type === 'FunctionDeclaration' && handler.id ? handler.id.name : 'default';
  const facts: Fact[] = [];
  for (const path of paths) {
    for (const method of methods) facts.push(routeFact(FRAMEWORK, method, path, loc(file.path, exported.at), { name, location: loc(file.path, handler ?? exported.at) }));
  }
  return facts;
}

function isTrpcAdapter(shape: ModuleShape, call: Node & { type: 'CallExpression' }): boolean {
  const head = memberPath(call.callee as Node)?.[0];
  const source = head ? shape.imports.get(head)?.source : undefined;
  return !!source && source.startsWith('@trpc/');
}

/** The handler function of a default export: a function, a local bound to one, or the function a wrapper call receives. */
function handlerFunction(shape: ModuleShape, value: Node | undefined): Node | undefined {
  let current = resolveLocal(shape, value);
  for (let depth = 0; depth < 4 && current; depth++) {
    if (isFunctionNode(current)) return current;
    if (current.type !== 'CallExpression') return undefined;
    // `withAuth(handler)`, `apiHandler({ get, post })` is not read: only a function argument.
    let next: Node | undefined;
    for (const arg of current.arguments) {
      const resolved = resolveLocal(shape, arg as Node);
      if (resolved && (isFunctionNode(resolved) || resolved.type === 'CallExpression')) { next = resolved; break; }
    }
    current = next;
  }
  return undefined;
}

/** Methods the handler compares `req.method` with: `req.method === 'POST'`, `switch (req.method)`, `['GET'].includes(req.method)`. */
function checkedMethods(fn: Node): HttpMethod[] {
  const params = 'params' in fn ? (fn.params as Node[]) : [];
  const first = params[0];
  const reqName = first?.type === 'Identifier' ? first.name : undefined;
  const isReq = (name: string | undefined): boolean => (reqName ? name === reqName : name === 'req' || name === 'request');
  // Locals holding the method: `const { method } = req`, `const m = req.method`.
  const methodLocals = new Set<string>();
  const isMethodRef = (node: Node | null | undefined): boolean => {
    const target = unwrap(node);
    if (target?.type === 'Identifier') return methodLocals.has(target.name);
    const path = memberPath(target);
    return !!path && path.length === 2 && path[1] === 'method' && isReq(path[0]);
  };
  const found = new Set<HttpMethod>();
  const add = (node: Node | null | undefined) => {
    const value = stringValue(unwrap(node))?.toUpperCase();
    if (value && STANDARD_METHOD_SET.has(value)) found.add(value as HttpMethod);
  };
  walk(fn, (node) => {
    if (node.type === 'VariableDeclarator') {
      const init = unwrap(node.init);
      if (node.id.type === 'Identifier' && isMethodRef(init)) methodLocals.add(node.id.name);
      else if (node.id.type === 'ObjectPattern' && init?.type === 'Identifier' && isReq(init.name)) {
        for (const p of node.id.properties) {
          if (p.type === 'ObjectProperty' && p.key.type === 'Identifier' && p.key.name === 'method' && p.value.type === 'Identifier') methodLocals.add(p.value.name);
        }
      }
    } else if (node.type === 'BinaryExpression' && ['===', '==', '!==', '!='].includes(node.operator)) {
      if (isMethodRef(node.left as Node)) add(node.right);
      else if (isMethodRef(node.right)) add(node.left as Node);
    } else if (node.type === 'SwitchStatement' && isMethodRef(node.discriminant)) {
      for (const c of node.cases) add(c.test);
    } else if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression'
      && node.callee.property.type === 'Identifier' && node.callee.property.name === 'includes'
      && node.arguments.length === 1 && isMethodRef(node.arguments[0] as Node)) {
      const list = unwrap(node.callee.object as Node);
      if (list?.type === 'ArrayExpression') for (const el of list.elements) add(el as Node | null);
    }
  });
  return [...found];
}

function serverActions(file: ParsedFile, shape: ModuleShape): Fact[] {
  const facts: Fact[] = [];
  for (const [name, exported] of shape.exports) {
    if (name === 'default') continue;
    const value = resolveLocal(shape, exported.value);
    if (!isFunctionNode(value)) continue;
    facts.push(routeFact(FRAMEWORK, 'POST', `/${name}`, loc(file.path, exported.at), { name, location: loc(file.path, value) }));
  }
  return facts;
}
