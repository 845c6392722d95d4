// Python's standard library http.server: request handler classes (subclasses of
// BaseHTTPRequestHandler / SimpleHTTPRequestHandler, or of an in-file subclass) dispatch by hand in
// do_GET / do_POST / ...: each `<path expr> == "/literal"` comparison (also `in ("/a", "/b")` and
// `match`/`case "/x"`) inside a do_<VERB> method is one route. The path expression must be the
// request path: `self.path`, `<x>.path` (urlparse(self.path).path), or a local name assigned from an
// expression that reads `self.path`.
import type { Fact, HttpMethod } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { dottedPath, loc, stringValue, walk, type Node } from '../python/ast.js';
import { baseNames, isPythonTestFile, readModuleScope, type ModuleScope } from '../python/modules.js';
import { field, rootOf, textOf } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';

const FRAMEWORK = 'http.server';
const HANDLER_BASES = new Set(['BaseHTTPRequestHandler', 'SimpleHTTPRequestHandler', 'CGIHTTPRequestHandler']);
const VERBS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

function isHandlerClass(scope: ModuleScope, cls: Node, depth = 0): boolean {
  if (depth > 8) return false;
  return baseNames(cls).some((base) => {
    if (HANDLER_BASES.has(base)) return true;
    const local = scope.classes.get(base);
    return !!local && local !== cls && isHandlerClass(scope, local, depth + 1);
  });
}

function readsSelfPath(node: Node): boolean {
  let found = false;
  walk(node, (n) => {
    if (found) return false;
    if (n.type === 'attribute' && dottedPath(n)?.join('.') === 'self.path') found = true;
    return !found;
  });
  return found;
}

/** Local names assigned (anywhere in the method) from an expression that reads self.path. */
function pathNames(def: Node): Set<string> {
  const names = new Set<string>();
  walk(def, (n) => {
    if (n.type === 'assignment') {
      const left = field(n, 'left');
      const right = field(n, 'right');
      if (left?.type === 'identifier' && right && readsSelfPath(right)) names.add(textOf(left));
    }
    return true;
  });
  return names;
}

function isRequestPath(node: Node | null | undefined, names: Set<string>): boolean {
  if (!node) return false;
  const path = dottedPath(node);
  if (path?.join('.') === 'self.path') return true;
  if (path?.length === 1 && names.has(path[0]!)) return true;
  // urlparse(self.path).path, parsed.path with parsed = urlparse(self.path)
  if (node.type === 'attribute' && textOf(field(node, 'attribute')) === 'path') {
    const object = field(node, 'object');
    const objectPath = dottedPath(object);
    if (objectPath?.length === 1 && names.has(objectPath[0]!)) return true;
    return !!object && object.type === 'call' && readsSelfPath(object);
  }
  return false;
}

function literalPaths(node: Node | null | undefined): string[] {
  if (!node) return [];
  const single = stringValue(node);
  if (single !== undefined) return single.startsWith('/') ? [single] : [];
  if (['tuple', 'list', 'set'].includes(node.type)) {
    return node.namedChildren.map((c) => stringValue(c)).filter((v): v is string => v !== undefined && v.startsWith('/'));
  }
  return [];
}

function methodRoutes(file: ParsedFile, def: Node, method: HttpMethod, className: string, out: Fact[]): void {
  const names = pathNames(def);
  const seen = new Set<string>();
  const emit = (path: string, at: Node) => {
    if (seen.has(path)) return;
    seen.add(path);
    out.push({
      kind: 'route', framework: FRAMEWORK, method, path, location: loc(file.path, at),
      handler: { name: `${className}.do_${method}`, location: loc(file.path, def) },
    });
  };
  walk(def, (node) => {
    if (node.type === 'comparison_operator') {
      const operands = node.namedChildren;
      const operators = node.children.filter((c) => !c.isNamed).map((c) => c.type);
      if (operands.length === 2 && (operators[0] === '==' || operators[0] === 'in')) {
        const [left, right] = operands as [Node, Node];
        if (isRequestPath(left, names)) for (const p of literalPaths(right)) emit(p, node);
        else if (operators[0] === '==' && isRequestPath(right, names)) for (const p of literalPaths(left)) emit(p, node);
      }
    } else if (node.type === 'match_statement') {
      const subject = field(node, 'subject');
      if (isRequestPath(subject, names)) {
        walk(node, (n) => {
          if (n.type === 'case_clause') {
            for (const pattern of n.namedChildren) {
              if (pattern?.type !== 'case_pattern') continue;
              const value = stringValue(pattern.namedChildren[0]);
              if (value?.startsWith('/')) emit(value, n);
            }
          }
          return true;
        });
      }
    }
    return true;
  });
}

export function extractHttpServerRoutes(file: ParsedFile): Fact[] {
  if (file.tree.kind !== 'tree-sitter' || isPythonTestFile(file.path)) return [];
  const root = rootOf(file.tree.tree);
  const scope = readModuleScope(root);
  const out: Fact[] = [];
  for (const [className, cls] of scope.classes) {
    if (!isHandlerClass(scope, cls)) continue;
    for (const statement of field(cls, 'body')?.namedChildren ?? []) {
      const def = statement.type === 'decorated_definition' ? field(statement, 'definition') : statement;
      const name = def?.type === 'function_definition' ? textOf(field(def, 'name')) : undefined;
      const verb = name?.startsWith('do_') ? name.slice(3) : undefined;
      if (def && verb && VERBS.has(verb)) methodRoutes(file, def, verb as HttpMethod, className, out);
    }
  }
  return out;
}

export const httpServerRoutes: Extractor = {
  id: 'http-server/routes',
  languages: ['python'],
  keywords: ['HTTPRequestHandler'],
  extract: extractHttpServerRoutes,
};
