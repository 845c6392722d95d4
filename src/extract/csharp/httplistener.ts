// System.Net.HttpListener servers: the code dispatches on the request path and method by hand,
// `if (method == "GET" && path == "/health")`, `switch (path) { case "/status": .. }`,
// `switch ((method, path)) { case ("PATCH", "/users/profile"): .. }`, switch expressions, and
// `"DELETE".Equals(method, ..)`. Path values are `request.Url.AbsolutePath` / `.LocalPath` /
// `RawUrl` (directly or through a local variable), methods `request.HttpMethod`.
// Each branch that fixes a path is an endpoint; its method comes from the same condition, an
// enclosing one, or the conditions nested in it (one endpoint per nested method). A branch that checks
// no method is reported as GET (the listener answers every method there; GET is how such paths are used).
// Paths are absolute: listener prefixes (`http://+:8080/api/`) are part of AbsolutePath already.
import type { Fact, HttpMethod } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, namedChildren, treeOf, walk, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { simpleName, stringValue } from './ast.js';
import { isCsTestPath } from './methods.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'httplistener';
const PATH_MEMBERS = new Set(['AbsolutePath', 'LocalPath', 'RawUrl']);
const VERBS = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const MAX_ALTERNATIVES = 16;

type Kind = 'path' | 'method';

interface Ctx {
  path?: string;
  methods?: HttpMethod[];
}

interface Scan {
  file: ParsedFile;
  vars: Map<string, Kind>;
  facts: Fact[];
}

/** The member names an expression reads (`request.Url?.AbsolutePath ?? "/"` -> Url, AbsolutePath, ...). */
function memberKind(node: Node): Kind | undefined {
  let kind: Kind | undefined;
  walk(node, (n) => {
    if (kind) return false;
    if (n.type === 'member_access_expression' || n.type === 'member_binding_expression') {
      const name = simpleName(fieldOf(n, 'name') ?? namedChildren(n).at(-1));
      if (name && PATH_MEMBERS.has(name)) kind = 'path';
      else if (name === 'HttpMethod') kind = 'method';
    }
    return n.type !== 'lambda_expression' && n.type !== 'invocation_expression' ? true : n.type === 'invocation_expression';
  });
  return kind;
}

function kindOf(node: Node | null | undefined, scan: Scan): Kind | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return scan.vars.get(node.text);
  if (node.type === 'parenthesized_expression') return kindOf(namedChildren(node)[0], scan);
  if (node.type === 'member_access_expression' || node.type === 'conditional_access_expression') {
    const name = node.type === 'member_access_expression' ? simpleName(fieldOf(node, 'name')) : simpleName(namedChildren(namedChildren(node).at(-1)).at(-1));
    if (name && PATH_MEMBERS.has(name)) return 'path';
    if (name === 'HttpMethod') return 'method';
    // path.ToLowerInvariant(), method.ToUpper()
  }
  if (node.type === 'invocation_expression') {
    const fn = fieldOf(node, 'function');
    const name = fn?.type === 'member_access_expression' ? simpleName(fieldOf(fn, 'name')) : undefined;
    if (name && /^(ToLower|ToUpper|ToLowerInvariant|ToUpperInvariant|Trim|TrimEnd)$/.test(name)) return kindOf(fieldOf(fn, 'expression'), scan);
  }
  return undefined;
}

function constraint(kind: Kind, value: string | undefined): Ctx | undefined {
  if (value === undefined) return undefined;
  if (kind === 'path') return value.startsWith('/') ? { path: value } : undefined;
  const verb = value.toUpperCase();
  return VERBS.has(verb) ? { methods: [verb as HttpMethod] } : undefined;
}

/** `a == "x"` / `"x".Equals(a, ..)` / `a.Equals("x")` / `string.Equals(a, "x", ..)` / `a is "x"`. */
function comparison(node: Node, scan: Scan): Ctx | undefined {
  const pair = (a: Node | null | undefined, b: Node | null | undefined): Ctx | undefined => {
    const ka = kindOf(a, scan);
    if (ka) return constraint(ka, stringValue(b));
    const kb = kindOf(b, scan);
    return kb ? constraint(kb, stringValue(a)) : undefined;
  };
  if (node.type === 'binary_expression' && fieldOf(node, 'operator')?.text === '==') {
    return pair(fieldOf(node, 'left'), fieldOf(node, 'right'));
  }
  if (node.type === 'is_pattern_expression') {
    const pattern = fieldOf(node, 'pattern');
    const value = pattern?.type === 'constant_pattern' ? stringValue(namedChildren(pattern)[0]) : undefined;
    const kind = kindOf(fieldOf(node, 'expression'), scan);
    return kind ? constraint(kind, value) : undefined;
  }
  if (node.type === 'invocation_expression') {
    const fn = fieldOf(node, 'function');
    if (fn?.type !== 'member_access_expression' || simpleName(fieldOf(fn, 'name')) !== 'Equals') return undefined;
    const args = namedChildren(fieldOf(node, 'arguments')).map((a) => namedChildren(a).at(-1));
    const target = fieldOf(fn, 'expression');
    if (target?.text === 'string' || target?.text === 'String') return pair(args[0], args[1]);
    return pair(target, args[0]);
  }
  return undefined;
}

function merge(a: Ctx, b: Ctx): Ctx | undefined {
  if (a.path !== undefined && b.path !== undefined && a.path !== b.path) return undefined;
  let methods = a.methods ?? b.methods;
  if (a.methods && b.methods) {
    methods = a.methods.filter((m) => b.methods!.includes(m));
    if (methods.length === 0) return undefined;
  }
  return { ...((a.path ?? b.path) !== undefined ? { path: a.path ?? b.path } : {}), ...(methods ? { methods } : {}) };
}

/** Alternatives a condition admits: `&&` combines, `||` lists. Unknown parts constrain nothing. */
function alternatives(node: Node | null | undefined, scan: Scan): Ctx[] {
  if (!node) return [{}];
  if (node.type === 'parenthesized_expression') return alternatives(namedChildren(node)[0], scan);
  if (node.type === 'binary_expression') {
    const op = fieldOf(node, 'operator')?.text;
    if (op === '&&') {
      const out: Ctx[] = [];
      for (const l of alternatives(fieldOf(node, 'left'), scan)) {
        for (const r of alternatives(fieldOf(node, 'right'), scan)) {
          const m = merge(l, r);
          if (m && out.length < MAX_ALTERNATIVES) out.push(m);
        }
      }
      return out;
    }
    if (op === '||') {
      const left = alternatives(fieldOf(node, 'left'), scan);
      const right = alternatives(fieldOf(node, 'right'), scan);
      // `path == "/a" || x`: the unknown side admits anything; keep only fully known alternatives
      if (left.some((c) => c.path === undefined && !c.methods) || right.some((c) => c.path === undefined && !c.methods)) return [{}];
      return [...left, ...right].slice(0, MAX_ALTERNATIVES);
    }
  }
  return [comparison(node, scan) ?? {}];
}

/** A case value (`"/x"`, `("GET", "/x")`) against the switch value's kinds. */
function valueAlternatives(value: Node, kinds: (Kind | undefined)[]): Ctx[] {
  if (kinds.length === 1) {
    const c = kinds[0] ? constraint(kinds[0], stringValue(value)) : undefined;
    return c ? [c] : [];
  }
  const parts = namedChildren(value).map((a) => (a.type === 'argument' || a.type === 'subpattern' ? namedChildren(a).at(-1) : a));
  let ctx: Ctx | undefined = {};
  for (let i = 0; i < kinds.length && ctx; i++) {
    const kind = kinds[i];
    const part = parts[i];
    if (!kind || !part) continue;
    const v = part.type === 'constant_pattern' ? stringValue(namedChildren(part)[0]) : stringValue(part);
    if (v === undefined) continue; // `_` / var
    const c = constraint(kind, v);
    ctx = c ? merge(ctx, c) : undefined;
  }
  return ctx && (ctx.path !== undefined || ctx.methods) ? [ctx] : [];
}

/** Case labels of a switch section / arm: patterns (`or` lists, tuples) or labels holding values. */
function labelAlternatives(label: Node, kinds: (Kind | undefined)[]): Ctx[] {
  switch (label.type) {
    case 'or_pattern':
    case 'parenthesized_pattern':
    case 'case_switch_label':
    case 'case_pattern_switch_label':
      return namedChildren(label).flatMap((p) => labelAlternatives(p, kinds));
    case 'constant_pattern': {
      const inner = namedChildren(label)[0];
      return inner ? valueAlternatives(inner, kinds) : [];
    }
    case 'positional_pattern':
    case 'tuple_pattern':
    case 'tuple_expression':
      return valueAlternatives(label, kinds);
    default:
      return stringValue(label) !== undefined ? valueAlternatives(label, kinds) : [];
  }
}

const isLabel = (n: Node) => n.type.endsWith('_pattern') || n.type === 'case_switch_label' || n.type === 'case_pattern_switch_label';

function switchKinds(value: Node | null | undefined, scan: Scan): (Kind | undefined)[] {
  if (!value) return [];
  const v = value.type === 'parenthesized_expression' ? namedChildren(value)[0] : value;
  if (v?.type === 'tuple_expression') return namedChildren(v).map((a) => kindOf(namedChildren(a).at(-1), scan));
  return [kindOf(v, scan)];
}

/** Visits a branch body with a context; emits at the deepest branch that fixes a path. Returns whether it emitted. */
function branch(body: Node | null | undefined, ctx: Ctx, at: Node, scan: Scan): boolean {
  const emitted = body ? visit(body, ctx, scan) : false;
  if (emitted || ctx.path === undefined) return emitted;
  for (const method of ctx.methods ?? (['GET'] as HttpMethod[])) {
    scan.facts.push({ kind: 'route', framework: FRAMEWORK, method, path: ctx.path, location: loc(scan.file.path, at) });
  }
  return true;
}

function visit(node: Node, ctx: Ctx, scan: Scan): boolean {
  if (node.type === 'if_statement') {
    let emitted = false;
    for (const alt of alternatives(fieldOf(node, 'condition'), scan)) {
      const merged = merge(ctx, alt);
      if (merged && (alt.path !== undefined || alt.methods)) emitted = branch(fieldOf(node, 'consequence'), merged, node, scan) || emitted;
      else if (merged) emitted = visit(fieldOf(node, 'consequence') ?? node, merged, scan) || emitted;
    }
    const otherwise = fieldOf(node, 'alternative');
    if (otherwise) emitted = visit(otherwise, ctx, scan) || emitted;
    return emitted;
  }
  if (node.type === 'switch_statement' || node.type === 'switch_expression') {
    const kinds = switchKinds(fieldOf(node, 'value') ?? namedChildren(node)[0], scan);
    if (kinds.some(Boolean)) {
      let emitted = false;
      const sections = node.type === 'switch_statement'
        ? namedChildren(fieldOf(node, 'body'))
        : namedChildren(node).filter((c) => c.type === 'switch_expression_arm');
      for (const section of sections) {
        const children = namedChildren(section);
        const labels = children.filter(isLabel);
        const alts = labels.flatMap((p) => labelAlternatives(p, kinds));
        const rest = children.filter((c) => !isLabel(c) && c.type !== 'when_clause');
        const when = children.find((c) => c.type === 'when_clause');
        const guards = when ? alternatives(namedChildren(when)[0], scan) : [{}];
        for (const alt of alts.flatMap((a) => guards.flatMap((g) => merge(a, g) ?? []))) {
          const merged = merge(ctx, alt);
          if (!merged) continue;
          let sectionEmitted = false;
          for (const stmt of rest) sectionEmitted = visit(stmt, merged, scan) || sectionEmitted;
          if (!sectionEmitted && merged.path !== undefined) sectionEmitted = branch(undefined, merged, section, scan);
          emitted = emitted || sectionEmitted;
        }
      }
      return emitted;
    }
  }
  if (node.type === 'lambda_expression' || node.type === 'local_function_statement') return false;
  let emitted = false;
  for (const child of namedChildren(node)) emitted = visit(child, ctx, scan) || emitted;
  return emitted;
}

export const httpListenerRoutes: Extractor = {
  id: 'httplistener/routes',
  languages: ['csharp'],
  keywords: ['HttpListener'],
  extract(file) {
    const tree = treeOf(file);
    if (!tree || isCsTestPath(file.path)) return [];
    const scan: Scan = { file, vars: new Map(), facts: [] };
    // Locals holding the path or method (`var path = request.Url.AbsolutePath;`).
    walk(tree.rootNode, (node) => {
      if (node.type === 'variable_declarator') {
        const name = fieldOf(node, 'name') ?? namedChildren(node)[0];
        const value = namedChildren(node).at(-1);
        if (name?.type === 'identifier' && value && value.id !== name.id) {
          const kind = memberKind(value);
          if (kind) scan.vars.set(name.text, kind);
        }
        return false;
      }
      return true;
    });
    for (const method of tree.rootNode.descendantsOfType(['method_declaration', 'local_function_statement', 'lambda_expression'])) {
      const body = fieldOf(method, 'body');
      if (body) visit(body, {}, scan);
    }
    return scan.facts;
  },
};
