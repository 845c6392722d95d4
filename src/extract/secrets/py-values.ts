// Constant values, imports and environment lookups inside ONE Python file, for the secrets,
// CORS, rate-limit and database extractors. Shallow on purpose: a name resolves only when it is
// assigned exactly once in the file and no enclosing function takes it as a parameter.
import type { Node } from 'web-tree-sitter';
import { field, fieldChildren, LastTreeCache, memoByNode, memoForRoot, textOf } from '../tree-sitter/ast.js';
import { callName, dottedPath, keywordArg, positionalArgs, stringValue, walk } from '../python/ast.js';

export interface PyFileIndex {
  /** `x = v` (any scope) and `self.x = v` under 'self.x'. */
  assignments: Map<string, Node[]>;
  /** Local name -> dotted module path it was imported as (`from a import b as c` -> c: 'a.b'). */
  imports: Map<string, string>;
}

const FILE_INDEXES = new LastTreeCache<Map<number, PyFileIndex>>();

/** The index of a file (built once per tree, shared by the extractors: do not mutate it). */
export function indexPythonFile(root: Node): PyFileIndex {
  return memoForRoot(FILE_INDEXES, root, buildPythonFileIndex);
}

function buildPythonFileIndex(root: Node): PyFileIndex {
  const assignments = new Map<string, Node[]>();
  const imports = new Map<string, string>();
  walk(root, (node) => {
    if (node.type === 'assignment') {
      const left = field(node, 'left');
      const right = field(node, 'right');
      const path = dottedPath(left);
      if (path && right && (path.length === 1 || (path.length === 2 && path[0] === 'self'))) {
        const key = path.join('.');
        const list = assignments.get(key);
        if (list) list.push(right);
        else assignments.set(key, [right]);
      }
    } else if (node.type === 'import_statement') {
      for (const child of node.namedChildren) {
        if (!child) continue;
        if (child.type === 'dotted_name') imports.set(textOf(child).split('.')[0]!, textOf(child).split('.')[0]!);
        else if (child.type === 'aliased_import') {
          const name = textOf(field(child, 'name'));
          const alias = textOf(field(child, 'alias'));
          if (name && alias) imports.set(alias, name);
        }
      }
    } else if (node.type === 'import_from_statement') {
      const module = textOf(field(node, 'module_name')) ?? '';
      for (const child of fieldChildren(node, 'name')) {
        if (!child) continue;
        if (child.type === 'dotted_name') imports.set(textOf(child), `${module}.${textOf(child)}`);
        else if (child.type === 'aliased_import') {
          const name = textOf(field(child, 'name'));
          const alias = textOf(field(child, 'alias'));
          if (name && alias) imports.set(alias, `${module}.${name}`);
        }
      }
    }
  });
  return { assignments, imports };
}

/** The dotted name a call's function stands for, with its first segment expanded through imports. */
export function qualifiedCallName(call: Node, index: PyFileIndex): string | undefined {
  // Memoised per index (one per tree): several extractors ask for every call of a file.
  return memoByNode(index, call, (c) => computeQualifiedCallName(c, index));
}

function computeQualifiedCallName(call: Node, index: PyFileIndex): string | undefined {
  const name = callName(call);
  if (!name) return undefined;
  const [head, ...rest] = name.split('.');
  const module = index.imports.get(head!);
  return module ? [module, ...rest].join('.') : name;
}

function enclosingParams(node: Node): Set<string> {
  const names = new Set<string>();
  for (let cur: Node | null = node.parent; cur; cur = cur.parent) {
    if (cur.type !== 'function_definition' && cur.type !== 'lambda') continue;
    const params = field(cur, 'parameters');
    for (const p of params?.namedChildren ?? []) {
      if (!p) continue;
      const id = p.type === 'identifier' ? p : (field(p, 'name') ?? p.namedChildren.find((c) => c?.type === 'identifier'));
      if (id) names.add(textOf(id));
    }
  }
  return names;
}

/** The single value a reference (`x`, `self.x`) stands for in this file, or undefined. */
export function resolvePyReference(node: Node | null | undefined, index: PyFileIndex): Node | undefined {
  if (!node) return undefined;
  const path = dottedPath(node);
  if (!path || !(path.length === 1 || (path.length === 2 && path[0] === 'self'))) return undefined;
  if (path.length === 1 && (enclosingParams(node).has(path[0]!) || index.imports.has(path[0]!))) return undefined;
  const values = index.assignments.get(path.join('.'));
  return values && values.length === 1 ? values[0] : undefined;
}

/** `SecretStr('x')`, `str('x')`, `b'x'`, `'x'.encode()`, `bytes('x', 'utf-8')` -> the string node. */
export function unwrapPyValue(node: Node | null | undefined): Node | undefined {
  let cur = node ?? undefined;
  for (let i = 0; i < 3 && cur; i++) {
    if (cur.type === 'parenthesized_expression') { cur = cur.namedChildren[0] ?? undefined; continue; }
    if (cur.type !== 'call') break;
    const fn = field(cur, 'function');
    const name = callName(cur);
    const first = name && /^(SecretStr|SecretBytes|str|bytes|Secret)$/.test(name) ? positionalArgs(cur)[0] : undefined;
    if (first) { cur = first; continue; }
    if (fn?.type === 'attribute' && textOf(field(fn, 'attribute')) === 'encode') {
      const obj = field(fn, 'object');
      if (obj && stringValue(obj) !== undefined) { cur = obj; continue; }
    }
    break;
  }
  return cur;
}

/** A constant string: a literal, or a one-hop reference to one. */
export function pyConstantString(node: Node | null | undefined, index: PyFileIndex): { value: string; literal: Node; viaReference: boolean } | undefined {
  const n = unwrapPyValue(node);
  if (!n) return undefined;
  const direct = stringValue(n);
  if (direct !== undefined) return { value: direct, literal: n, viaReference: false };
  const target = unwrapPyValue(resolvePyReference(n, index));
  const value = stringValue(target);
  return value !== undefined && target ? { value, literal: target, viaReference: true } : undefined;
}

const ENV_GET = new Set(['os.environ.get', 'os.getenv', 'environ.get', 'getenv', 'os.environ.setdefault', 'os.getenv']);

/** `os.environ.get('X', 'v')`, `os.getenv('X', 'v')`, `os.environ.get('X') or 'v'`, decouple `config('X', default='v')`. */
export function pyEnvFallback(node: Node | null | undefined, index: PyFileIndex): { env: string; fallback: Node } | undefined {
  if (!node) return undefined;
  if (node.type === 'boolean_operator' && textOf(field(node, 'operator')) === 'or') {
    const left = field(node, 'left');
    const right = field(node, 'right');
    const env = left ? pyEnvName(left, index) : undefined;
    if (env !== undefined && right && stringValue(right) !== undefined) return { env, fallback: right };
    return undefined;
  }
  if (node.type !== 'call') return undefined;
  const name = qualifiedCallName(node, index) ?? '';
  if (ENV_GET.has(name) || ENV_GET.has(callName(node) ?? '')) {
    const args = positionalArgs(node);
    const fallback = args[1] ?? keywordArg(node, 'default');
    const env = stringValue(args[0]);
    if (env !== undefined && fallback && stringValue(fallback) !== undefined) return { env, fallback };
    return undefined;
  }
  if (/^(config|env|env\.str|decouple\.config)$/.test(name)) {
    const fallback = keywordArg(node, 'default');
    const env = stringValue(positionalArgs(node)[0]);
    if (env !== undefined && /^[A-Z][A-Z0-9_]*$/.test(env) && fallback && stringValue(fallback) !== undefined) return { env, fallback };
  }
  return undefined;
}

/** `os.environ['X']`, `os.environ.get('X')`, `os.getenv('X')` -> 'X'. */
export function pyEnvName(node: Node, index: PyFileIndex): string | undefined {
  if (node.type === 'subscript') {
    const value = dottedPath(field(node, 'value'))?.join('.');
    if (value === 'os.environ' || value === 'environ') return stringValue(field(node, 'subscript')) ?? '?';
  }
  if (node.type === 'call') {
    const name = qualifiedCallName(node, index) ?? '';
    if (ENV_GET.has(name) || ENV_GET.has(callName(node) ?? '')) return stringValue(positionalArgs(node)[0]) ?? '?';
  }
  return undefined;
}
