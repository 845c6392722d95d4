// Directories of files served by Go routers: `static-mount` facts (the model lists the files).
//   Gin / Echo / Fiber v2 / Goyave v4 / Iris: r.Static("/public", "./public") serves ./public/x at /public/x;
//   r.StaticFS("/p", http.Dir("x")), gin.Dir("x", false), os.DirFS("x"), http.FS(...), echo.MustSubFS(e.Filesystem, "x");
//   Iris app.HandleDir("/p", iris.Dir("x")).
//   Hertz: h.Static("/static", "./public") appends the whole request path to the root (fasthttp FS):
//   ./public/static/x answers at /static/x; StaticFS(p, &app.FS{Root, PathRewrite: app.NewPathSlashesStripper(n)})
//   strips n leading segments first.
//   Echo e.Use(middleware.Static("public")) / StaticWithConfig(StaticConfig{Root, IgnoreBase}): the root joined with
//   the whole path (on the application, or on a group with IgnoreBase); Fiber v3 app.Use("/x", static.New("./public")).
//   net/http, chi, gorilla/mux: a handler `http.FileServer(http.Dir("x"))`, optionally wrapped in
//   http.StripPrefix(s, ...), registered at a prefix: without StripPrefix the prefix stays in the file path.
import type { MiddlewareRef, RefExpr } from '../../core/facts.js';
import { callArgs, literalFields, loc, selectorPath, type Node } from './ast.js';
import type { GoFramework } from './frameworks.js';
import type { GoRouteWalker } from './routes.js';
import type { Scope } from './scope.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const unwrapRef = (node: Node | undefined): Node | undefined =>
  node?.type === 'unary_expression' && fieldOf(node, 'operator')?.text === '&' ? (fieldOf(node, 'operand') ?? undefined) : node;

function calleeLast(node: Node | undefined): string | undefined {
  if (node?.type !== 'call_expression') return undefined;
  const path = selectorPath(fieldOf(node, 'function'));
  return path?.[path.length - 1];
}

/** Joins a directory as written with a URL path below it ('./public' + '/static' -> './public/static'). */
export function joinDir(dir: string, rest: string): string {
  const tail = rest.replace(/^\/+|\/+$/g, '');
  if (!tail) return dir;
  if (!dir) return tail;
  return `${dir.replace(/\/+$/, '')}/${tail}`;
}

/** The directory a file-system expression serves: http.Dir("x"), gin.Dir("x", b), os.DirFS("x"), http.FS(os.DirFS("x")), ... */
export function fsDir(w: GoRouteWalker, node: Node | undefined, scope: Scope | undefined, depth = 0): string | undefined {
  const expr = unwrapRef(node);
  if (!expr || depth > 4) return undefined;
  const direct = w.constOf(expr, scope);
  if (direct !== undefined) return direct;
  if (expr.type !== 'call_expression') return undefined;
  const args = callArgs(expr);
  switch (calleeLast(expr)) {
    case 'Dir': // http.Dir, gin.Dir(root, listing), iris.Dir
    case 'DirFS': // os.DirFS
      return w.constOf(args[0], scope);
    case 'FS': // http.FS(fsys)
      return fsDir(w, args[0], scope, depth + 1);
    case 'Sub': { // fs.Sub(os.DirFS("a"), "b")
      const base = fsDir(w, args[0], scope, depth + 1);
      const sub = w.constOf(args[1], scope);
      return base !== undefined && sub !== undefined ? joinDir(base, sub) : undefined;
    }
    case 'MustSubFS': { // echo.MustSubFS(e.Filesystem, "public"): Echo's default file system is the working directory
      const root = selectorPath(args[0]);
      const sub = w.constOf(args[1], scope);
      return root?.[root.length - 1] === 'Filesystem' && sub !== undefined ? sub : undefined;
    }
    default:
      return undefined;
  }
}

/** `http.FileServer(fs)` / `http.FileServerFS(fsys)`, optionally inside `http.StripPrefix("/x", ...)`. */
export function fileServerOf(w: GoRouteWalker, node: Node | undefined, scope: Scope | undefined): { dir: string; strip: string } | undefined {
  const name = calleeLast(node);
  if (!node || !name) return undefined;
  const args = callArgs(node);
  if (name === 'StripPrefix') {
    const strip = w.constOf(args[0], scope);
    const inner = args[1] && calleeLast(args[1]) !== 'StripPrefix' ? fileServerOf(w, args[1], scope) : undefined;
    return strip !== undefined && inner && inner.strip === '' ? { dir: inner.dir, strip } : undefined;
  }
  if (name !== 'FileServer' && name !== 'FileServerFS') return undefined;
  const path = selectorPath(fieldOf(node, 'function'));
  if (path && path.length === 2 && path[0] !== 'http') return undefined; // another package's FileServer
  const dir = fsDir(w, args[0], scope);
  return dir === undefined ? undefined : { dir, strip: '' };
}

export function emitStaticMount(
  w: GoRouteWalker, router: RefExpr, fw: GoFramework, prefix: string, dir: string, mw: readonly MiddlewareRef[], at: Node,
): void {
  w.facts.push({
    kind: 'static-mount', framework: fw, router, prefix, dir, base: 'cwd', location: loc(w.file.path, at),
    ...(mw.length ? { middleware: [...mw] } : {}),
  });
}

/**
 * A FileServer registered at `pattern` (`/static/`, chi `/static/*`): the URL prefix and the directory its
 * files come from. Without StripPrefix the request path is looked up whole below the directory.
 */
export function fileServerMount(pattern: string, server: { dir: string; strip: string }): { prefix: string; dir: string } | undefined {
  const prefix = pattern.replace(/\/?\*[A-Za-z0-9_]*$/, '').replace(/\/+$/, '') || '/';
  const strip = server.strip.replace(/\/+$/, '');
  if (!(prefix === strip || prefix.startsWith(`${strip}/`) || strip === '')) return undefined;
  return { prefix, dir: joinDir(server.dir, prefix.slice(strip.length)) };
}

/** Hertz app.FS{Root, PathRewrite: app.NewPathSlashesStripper(n)} at `prefix` -> the directory, when it can be told. */
function hertzFsDir(w: GoRouteWalker, node: Node | undefined, prefix: string, scope: Scope | undefined): string | undefined {
  const lit = unwrapRef(node);
  if (lit?.type !== 'composite_literal') return undefined;
  const fields = literalFields(lit);
  const rootNode = fields.get('Root');
  const root = rootNode ? w.constOf(rootNode, scope) : '.';
  if (root === undefined) return undefined;
  const rewrite = fields.get('PathRewrite');
  const segments = prefix.split('/').filter(Boolean);
  if (!rewrite) return joinDir(root, prefix);
  if (calleeLast(rewrite) !== 'NewPathSlashesStripper') return undefined;
  const count = Number(callArgs(rewrite)[0]?.text);
  if (!Number.isInteger(count) || count < 0 || count > segments.length) return undefined;
  return joinDir(root, segments.slice(count).join('/'));
}

/**
 * `Static` / `StaticFS` / Iris `HandleDir` on a router: emits the static mount; false when the call is not
 * one (unknown shape or not a constant directory).
 */
export function staticMethod(
  w: GoRouteWalker, router: RefExpr, fw: GoFramework, name: string, args: readonly Node[], mw: readonly MiddlewareRef[],
  at: Node, scope: Scope | undefined, known: boolean,
): boolean {
  if (fw === 'goyave') {
    // v2-v4: Static(uri, directory, download, middleware...). v5 takes a file system first
    // (Static(fs, uri, download)); `&osfs.FS{}` serves the whole working directory, which a route list cannot
    // honestly enumerate, so v5 mounts are reported only when the file system names a directory.
    const uriFirst = w.constOf(args[0], scope) !== undefined;
    const uri = w.pathOf(uriFirst ? args[0] : args[1], scope, known);
    const dir = uriFirst ? w.constOf(args[1], scope) : fsDir(w, args[0], scope);
    if (uri === undefined || dir === undefined) return false;
    emitStaticMount(w, router, fw, uri, dir, [...mw, ...(uriFirst ? w.middlewareArgs(args.slice(3)) : [])], at);
    return true;
  }
  if (args.length < 2) return false;
  const prefix = w.pathOf(args[0], scope, known);
  if (prefix === undefined) return false;
  if (fw === 'hertz') {
    const root = name === 'Static' ? w.constOf(args[1], scope) : undefined;
    const dir = name === 'Static' ? (root === undefined ? undefined : joinDir(root, prefix)) : hertzFsDir(w, args[1], prefix, scope);
    if (dir === undefined) return false;
    emitStaticMount(w, router, fw, prefix, dir, mw, at);
    return true;
  }
  const dir = name === 'Static' ? w.constOf(args[1], scope) ?? fsDir(w, args[1], scope) : fsDir(w, args[1], scope);
  if (dir === undefined) return false;
  emitStaticMount(w, router, fw, prefix, dir, mw, at);
  return true;
}

/**
 * Static-file middleware among `Use` arguments: emits their mounts and returns the other arguments.
 * Echo `middleware.Static(root)` / `middleware.StaticWithConfig(middleware.StaticConfig{Root, IgnoreBase})`
 * looks the whole request path up below the root, so only on the application (or with IgnoreBase, below
 * the group) is the mount exact; Fiber v3 `static.New(root)` serves below the `Use` prefix.
 */
export function staticMiddleware(
  w: GoRouteWalker, router: RefExpr, fw: GoFramework, pathPrefix: string, nodes: readonly Node[], mw: readonly MiddlewareRef[],
  at: Node, scope: Scope | undefined,
): Node[] {
  const rest: Node[] = [];
  for (const node of nodes) {
    const callee = node.type === 'call_expression' ? selectorPath(fieldOf(node, 'function')) : undefined;
    const source = callee?.length === 2 ? w.imports.get(callee[0]!) : undefined;
    const args = callee ? callArgs(node) : [];
    let dir: string | undefined;
    if (source && /^github\.com\/gofiber\/fiber\/v3\/middleware\/static$/.test(source) && callee![1] === 'New') {
      dir = w.constOf(args[0], scope) ?? (args.length === 0 ? '.' : undefined);
    } else if (source && /^github\.com\/labstack\/echo(\/v\d+)?\/middleware$/.test(source) && !pathPrefix) {
      const onApp = w.facts.some((f) => f.kind === 'router' && f.isApp && f.ref.file === router.file && f.ref.path.join('.') === router.path.join('.'));
      if (callee![1] === 'Static' && onApp) dir = w.constOf(args[0], scope);
      if (callee![1] === 'StaticWithConfig') {
        const lit = unwrapRef(args[0]);
        const fields = lit?.type === 'composite_literal' ? literalFields(lit) : undefined;
        const root = fields?.get('Root');
        const ignoreBase = fields?.get('IgnoreBase')?.text === 'true';
        if (root && (onApp || ignoreBase)) dir = w.constOf(root, scope);
      }
    }
    if (dir === undefined) rest.push(node);
    else emitStaticMount(w, router, fw, pathPrefix || '/', dir, mw, at);
  }
  return rest;
}
