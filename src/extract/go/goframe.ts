// GoFrame standard routing: request structs embed `g.Meta` whose struct tag holds the route
// (`path:"/user/get" method:"get" tags:"User"`); controller methods `func (c *C) Get(ctx, req *v1.GetUserReq)`
// link a controller type to those request types; `group.Bind(c)` (router-methods.ts) mounts the controller.
//
// Facts: each request type is a router { file: '<dir>/', path: [ReqType] } holding the tag's route; each
// controller type { file: '<dir>/', path: [C] } is a router that mounts the request types it handles at ''.
// The model joins the group prefix and the meta path.
import type { Fact, HttpMethod, RefExpr } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import type { Extractor } from '../types.js';
import { loc, namedArgs, parameters, stringLiteral, treeOf, typeName, type Node } from './ast.js';
import { methodFromString } from './frameworks.js';
import { readGoImports } from './imports.js';
import { packageDir } from './scope.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const ALL_METHODS: readonly HttpMethod[] = ['ANY'];

/** `key:"value"` pairs of a Go struct tag. */
export function structTag(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /(?<![A-Za-z0-9_-])([A-Za-z_][A-Za-z0-9_-]*):"([^"]*)"/g; // starts only at a word's start: linear
  for (let m = re.exec(tag); m; m = re.exec(tag)) if (!out.has(m[1]!)) out.set(m[1]!, m[2]!);
  return out;
}

/** Methods of a g.Meta `method` tag ("get", "put,patch", absent or "all": every method). */
export function metaMethods(value: string | undefined): HttpMethod[] {
  if (!value) return [...ALL_METHODS];
  const out: HttpMethod[] = [];
  for (const part of value.split(',')) {
    const word = part.trim();
    if (!word) continue;
    const m = word.toUpperCase() === 'ALL' ? 'ANY' : methodFromString(word);
    if (m && !out.includes(m)) out.push(m);
  }
  return out;
}

export const goframeMeta: Extractor = {
  id: 'go/goframe-meta',
  languages: ['go'],
  keywords: ['github.com/gogf/gf', 'Req)', 'Req,', 'Controller'],
  extract(file: ParsedFile): Fact[] {
    if (file.path.endsWith('_test.go')) return [];
    const root = treeOf(file)?.rootNode;
    if (!root) return [];
    const facts: Fact[] = [];
    try {
      const dir = packageDir(file.path);
      const imports = new Map<string, string>();
      for (const imp of readGoImports(root)) imports.set(imp.local, imp.path);
      const gLocals = new Set([...imports].filter(([, p]) => /^github\.com\/gogf\/gf(\/v\d+)?\/frame\/g$/.test(p)).map(([l]) => l));
      const controllers = new Set<string>();
      for (const decl of namedArgs(root)) {
        if (decl.type === 'type_declaration' && gLocals.size) metaStructs(decl, dir, file.path, gLocals, facts);
        else if (decl.type === 'method_declaration') controllerMethod(decl, dir, file.path, imports, controllers, facts);
      }
      for (const decl of namedArgs(root)) controllerValues(decl, dir, file.path, controllers, facts);
    } catch {
      // keep what was read
    }
    return facts;
  },
};

function metaStructs(decl: Node, dir: string, path: string, gLocals: Set<string>, facts: Fact[]): void {
  for (const spec of namedArgs(decl)) {
    if (spec.type !== 'type_spec') continue;
    const name = fieldOf(spec, 'name');
    const struct = fieldOf(spec, 'type');
    if (!name || struct?.type !== 'struct_type') continue;
    for (const list of namedArgs(struct)) {
      for (const field of namedArgs(list)) {
        if (field.type !== 'field_declaration') continue;
        const type = typeName(fieldOf(field, 'type'));
        if (type?.name !== 'Meta' || !type.pkg || !gLocals.has(type.pkg)) continue;
        if (namedArgs(field).some((c) => c.type === 'field_identifier')) continue; // a named field, not embedded
        const tagNode = fieldOf(field, 'tag');
        const tag = structTag(stringLiteral(tagNode) ?? '');
        const route = tag.get('path');
        if (route === undefined || !route.startsWith('/')) continue;
        const router: RefExpr = { file: dir, path: [name.text] };
        facts.push({ kind: 'router', framework: 'goframe', ref: router, location: loc(path, name) });
        const tags = (tag.get('tags') ?? '').split(',').map((t) => t.trim()).filter(Boolean);
        for (const method of metaMethods(tag.get('method'))) {
          facts.push({
            kind: 'route', framework: 'goframe', method, path: route, router, location: loc(path, field),
            handler: { name: name.text, location: loc(path, name) }, ...(tags.length ? { openapiTags: tags } : {}),
          });
        }
      }
    }
  }
}

/** `func (c *C) M(ctx context.Context, req *v1.XReq) (...)`: controller C serves request type XReq. */
function controllerMethod(decl: Node, dir: string, path: string, imports: Map<string, string>, controllers: Set<string>, facts: Fact[]): void {
  const recv = typeName(parameters(fieldOf(decl, 'receiver'))[0]?.type)?.name;
  const params = parameters(fieldOf(decl, 'parameters'));
  if (!recv || params.length !== 2) return;
  const ctx = typeName(params[0]!.type);
  if (ctx?.name !== 'Context' || !ctx.pkg || imports.get(ctx.pkg) !== 'context') return;
  const req = typeName(params[1]!.type);
  if (!req || !req.name.endsWith('Req')) return;
  const parent: RefExpr = { file: dir, path: [recv] };
  if (!controllers.has(recv)) {
    controllers.add(recv);
    facts.push({ kind: 'router', framework: 'goframe', ref: parent, location: loc(path, decl) });
  }
  if (req.pkg && !imports.has(req.pkg)) {
    // `import "app/api/user/v1"` used as `v1.GetUserReq`: the package clause says v1, while an
    // unaliased /vN import is named after the element before it; name the import as the file uses it.
    const source = [...new Set(imports.values())].find((p) => p.endsWith(`/${req.pkg}`));
    if (!source) return;
    imports.set(req.pkg, source);
    facts.push({ kind: 'import', language: 'go', local: req.pkg, source, imported: '*', location: loc(path, decl) });
  }
  const child: RefExpr = req.pkg ? { file: path, path: [req.pkg, req.name] } : { file: dir, path: [req.name] };
  facts.push({ kind: 'mount', framework: 'goframe', parent, child, prefix: '', location: loc(path, decl) });
}

/** The local type a value allocates: `T{}`, `&T{}`, `new(T)`. */
function allocatedType(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'unary_expression') return allocatedType(fieldOf(node, 'operand') ?? undefined);
  if (node.type === 'composite_literal') {
    const type = typeName(fieldOf(node, 'type'));
    return type && !type.pkg ? type.name : undefined;
  }
  if (node.type === 'call_expression' && fieldOf(node, 'function')?.text === 'new') {
    const arg = namedArgs(fieldOf(node, 'arguments'))[0];
    return arg?.type === 'type_identifier' || arg?.type === 'identifier' ? arg.text : undefined;
  }
  return undefined;
}

/**
 * Names that stand for a controller: `var User = cUser{}` and `func NewV1() IUserV1 { return &ControllerV1{} }`
 * (mounted by `group.Bind(controller.User)` / `group.Bind(user.NewV1())`). Only for types that are
 * controllers here (methods taking *XxxReq in this file) or are named Controller*.
 */
function controllerValues(decl: Node, dir: string, path: string, controllers: Set<string>, facts: Fact[]): void {
  const isController = (t: string | undefined): t is string => !!t && (controllers.has(t) || t.startsWith('Controller'));
  const link = (name: string, type: string, at: Node, extra: string[] = []) => {
    facts.push({ kind: 'mount', framework: 'goframe', parent: { file: dir, path: [name, ...extra] }, child: { file: dir, path: [type] }, prefix: '', location: loc(path, at) });
  };
  if (decl.type === 'var_declaration') {
    for (const spec of decl.descendantsOfType('var_spec')) {
      if (!spec) continue;
      const names = namedArgs(spec).filter((c) => c.type === 'identifier');
      const values = namedArgs(fieldOf(spec, 'value'));
      names.forEach((name, i) => {
        const type = allocatedType(values[i]);
        if (isController(type)) link(name.text, type, spec);
      });
    }
  } else if (decl.type === 'function_declaration') {
    const name = fieldOf(decl, 'name')?.text;
    const body = fieldOf(decl, 'body');
    if (!name || !body) return;
    const list = namedArgs(body);
    const statements = list.length === 1 && list[0]!.type === 'statement_list' ? namedArgs(list[0]) : list;
    for (const stmt of statements) {
      if (stmt.type !== 'return_statement') continue;
      const list = namedArgs(stmt)[0];
      const first = list?.type === 'expression_list' ? namedArgs(list)[0] : list;
      const type = allocatedType(first);
      if (isController(type)) link(name, type, stmt, ['return']);
    }
  }
}
