// ASP.NET Core Razor Pages: a page model `Pages/Basket/Checkout.cshtml.cs` (class deriving from PageModel)
// serves the URL of its file path below the `Pages` folder (`/Basket/Checkout`; `Index` pages serve their
// folder: `Pages/Index` -> `/`, `Pages/Basket/Index` -> `/Basket`); pages of an area live in
// `Areas/<Area>/Pages/` and get `/<Area>` in front. Handler methods `OnGet`, `OnPostAsync`,
// `OnPostUpdate[Async]` (named handlers, selected by ?handler=) give the methods; a page without handler
// methods answers GET. [Authorize] / [AllowAnonymous] on the page model give auth.
// Not seen here: route templates of the `@page "{id}"` directive (in the .cshtml file) and
// `options.Conventions.AuthorizePage/AuthorizeFolder(...)` in Program.cs.
import type { Fact, HttpMethod, MiddlewareRef } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, namedChildren, treeOf, walk, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { attributesOf, modifiersOf, simpleName } from './ast.js';
import { isCsTestPath } from './methods.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'aspnetcore';
const HANDLER_VERBS: [string, HttpMethod][] = [['Get', 'GET'], ['Post', 'POST'], ['Put', 'PUT'], ['Patch', 'PATCH'], ['Delete', 'DELETE']];
const PAGE_BASES = new Set(['PageModel']);

/** `Web/Areas/Identity/Pages/Account/Login.cshtml.cs` -> '/Identity/Account/Login'; undefined outside a Pages folder. */
export function razorPagePath(path: string): string | undefined {
  if (!path.endsWith('.cshtml.cs')) return undefined;
  const segments = path.slice(0, -'.cshtml.cs'.length).split('/');
  const pages = segments.lastIndexOf('Pages');
  if (pages < 0 || pages === segments.length - 1) return undefined;
  const rest = segments.slice(pages + 1);
  if (rest.some((s) => s.startsWith('_'))) return undefined; // _Layout, _ViewImports, partials
  const area = pages >= 2 && segments[pages - 2] === 'Areas' ? segments[pages - 1] : undefined;
  if (rest[rest.length - 1] === 'Index') rest.pop();
  return `/${[...(area ? [area] : []), ...rest].join('/')}`;
}

/** `OnGet`, `OnPostAsync`, `OnPostUpdate` -> GET / POST / POST. */
export function handlerVerb(name: string): HttpMethod | undefined {
  if (!name.startsWith('On')) return undefined;
  for (const [verb, method] of HANDLER_VERBS) {
    if (!name.startsWith(verb, 2)) continue;
    const next = name[2 + verb.length];
    if (next === undefined || (next >= 'A' && next <= 'Z')) return method;
  }
  return undefined;
}

function isPageModel(cls: Node): boolean {
  const mods = modifiersOf(cls);
  if (mods.has('abstract') || mods.has('static')) return false;
  const bases = namedChildren(namedChildren(cls).find((c) => c.type === 'base_list')).map((b) => simpleName(b) ?? '');
  return bases.some((b) => PAGE_BASES.has(b));
}

function pageRoutes(cls: Node, file: ParsedFile, path: string, facts: Fact[]): void {
  const attrs = attributesOf(cls);
  const authAttr = attrs.find((a) => a.name === 'Authorize');
  const anonymous = attrs.some((a) => a.name === 'AllowAnonymous');
  const classMiddleware: MiddlewareRef[] = authAttr && !anonymous ? [{ name: 'Authorize', role: 'auth', location: loc(file.path, authAttr.node) }] : [];
  const seen = new Set<HttpMethod>();
  for (const member of namedChildren(fieldOf(cls, 'body'))) {
    if (member.type !== 'method_declaration' || !modifiersOf(member).has('public')) continue;
    const nameNode = fieldOf(member, 'name');
    const method = handlerVerb(nameNode?.text ?? '');
    if (!method || seen.has(method)) continue;
    seen.add(method);
    const methodAttrs = attributesOf(member);
    const middleware = methodAttrs.some((a) => a.name === 'AllowAnonymous') ? [] : classMiddleware;
    facts.push({
      kind: 'route', framework: FRAMEWORK, method, path,
      handler: { name: `${fieldOf(cls, 'name')?.text ?? ''}.${nameNode?.text ?? ''}`, ...(nameNode ? { location: loc(file.path, nameNode) } : {}) },
      ...(middleware.length > 0 ? { middleware } : {}),
      location: loc(file.path, member),
    });
  }
  if (seen.size === 0) {
    const name = fieldOf(cls, 'name');
    facts.push({
      kind: 'route', framework: FRAMEWORK, method: 'GET', path,
      ...(classMiddleware.length > 0 ? { middleware: classMiddleware } : {}),
      location: loc(file.path, name ?? cls),
    });
  }
}

export const razorPages: Extractor = {
  id: 'aspnetcore/razor-pages',
  languages: ['csharp'],
  keywords: ['PageModel'],
  extract(file) {
    const path = razorPagePath(file.path);
    const tree = treeOf(file);
    if (!tree || path === undefined || isCsTestPath(file.path)) return [];
    const facts: Fact[] = [];
    let done = false;
    walk(tree.rootNode, (node) => {
      if (done) return false;
      if (node.type === 'class_declaration') {
        // One page model per page file: the first class deriving from PageModel.
        if (isPageModel(node)) {
          pageRoutes(node, file, path, facts);
          done = true;
        }
        return false;
      }
      return true;
    });
    return facts;
  },
};
