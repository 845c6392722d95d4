// Tapir endpoint descriptions: `endpoint.get.in("users" / path[Int]("id")).out(jsonBody[User])`.
// An endpoint is a method chain rooted at `endpoint` (or at a `val` of the file holding such a chain,
// `baseEndpoint.post.in("add")`); method links (`.get`, `.method(Method.PUT)`) set the method and
// `.in(..)` / `.securityIn(..)` inputs add path segments (string literals, `path[T]("name")`, `paths`,
// `/`-combinations, and vals of the file holding those). Query, header, body and other inputs add
// nothing; an `auth.*` input (usually in `.securityIn`) marks the endpoint as authenticated. Every chain with a method is an endpoint, except vals that serve as the base of another
// chain of the file. Routes from `endpoint` are resolved in-file (no router): Tapir paths are absolute
// unless the server interpreter is given a prefix, which is rare and not followed. Chains on a base
// endpoint from another file (`secureEndpoint.get.in("me")`, `Base.secured.post.in("x")`) register on
// { file: 'tapir:endpoint', path: [<val name>] }, which the base's own file declares as a router with
// its path as prefix (or mounts under its own base).
import type { Fact, HttpMethod, RefExpr } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, namedChildren, treeOf, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { stringValue } from './ast.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'tapir';
const METHODS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', delete: 'DELETE', patch: 'PATCH', head: 'HEAD', options: 'OPTIONS',
};
const ROOTS = new Set(['endpoint', 'infallibleEndpoint']);
const PATH_INPUTS = new Set(['in', 'securityIn', 'prependIn', 'prependSecurityIn']);
/** Modifiers of an input that keep its path meaning (`path[Int]("id").description("..")`). */
const INPUT_MODIFIERS = new Set(['description', 'example', 'examples', 'name', 'validate', 'deprecated', 'default', 'schema', 'map', 'mapTo', 'attribute']);
const MAX_DEPTH = 8;
const ENDPOINT_LINKS = new Set([...PATH_INPUTS, 'out', 'errorOut', 'tag', 'tags', 'summary', 'securityIn', 'errorOutVariant', 'errorOutVariants']);
/** Base endpoints shared across files, by val name: routes built on them register on this ref. */
const BASES = 'tapir:endpoint';
const baseRef = (name: string): RefExpr => ({ file: BASES, path: [name] });

interface State {
  method?: HttpMethod;
  segments: string[];
  /** Starts at `endpoint` (in this file). */
  rooted: boolean;
  /** Starts at a base endpoint defined in another file (`secureEndpoint`, `Base.secured`). */
  external?: RefExpr;
  /** `external` is still a bare name (no link applied): `Base.secured` may refine it. */
  pristine?: boolean;
  /** A literal path segment was added. */
  literal?: boolean;
  /** An endpoint-only link was applied (`.in`, `.out`, `.errorOut`, `.securityIn`, `.tag`). */
  tapir?: boolean;
  /** An `auth.bearer` / `auth.basic` / `auth.apiKey(..)` input is required. */
  auth?: Node;
}

/** The `auth.x(..)` input an argument names, directly or through a val of the file. */
function authInput(node: Node | undefined, ctx: Ctx, depth = 0): Node | undefined {
  if (!node || depth > 4) return undefined;
  if (node.type === 'identifier') {
    const value = ctx.vals.get(node.text)?.childForFieldName('value');
    return value ? authInput(value, ctx, depth + 1) : undefined;
  }
  const hits = [node, ...node.descendantsOfType('field_expression').filter((n): n is Node => n !== null)];
  return hits.find((n) => n.type === 'field_expression' && fieldOf(n, 'value')?.text === 'auth');
}

interface Ctx {
  vals: Map<string, Node>;
  cache: Map<string, State | null>;
  usedAsBase: Set<string>;
}

function unparen(node: Node | null | undefined): Node | undefined {
  let cur = node ?? undefined;
  while (cur && (cur.type === 'parenthesized_expression' || (cur.type === 'block' && cur.namedChildCount === 1))) cur = namedChildren(cur)[0];
  return cur;
}

/** A parameter input by name: `path[Int]("id")` -> '{id}', `paths` -> '*', other inputs -> null (no path). */
function namedInput(name: string, args: Node | undefined): string[] | null {
  if (name === 'path') {
    const label = stringValue(namedChildren(args)[0]);
    return [`{${label || 'param'}}`];
  }
  if (name === 'paths') return ['*'];
  return null;
}

/** Path segments an input expression contributes; [] for non-path inputs; undefined when unknown. */
function pathSegments(node: Node | null | undefined, ctx: Ctx, depth: number): string[] | undefined {
  const n = unparen(node);
  if (!n || depth > MAX_DEPTH) return undefined;
  const literal = stringValue(n);
  if (literal !== undefined) return literal.split('/').filter(Boolean);
  switch (n.type) {
    case 'identifier': {
      const fromInput = namedInput(n.text, undefined);
      if (fromInput) return fromInput;
      const def = ctx.vals.get(n.text);
      return def ? pathSegments(fieldOf(def, 'value'), ctx, depth + 1) : undefined;
    }
    case 'infix_expression': {
      if (fieldOf(n, 'operator')?.text !== '/') return [];
      const left = pathSegments(fieldOf(n, 'left'), ctx, depth + 1);
      const right = pathSegments(fieldOf(n, 'right'), ctx, depth + 1);
      return [...(left ?? []), ...(right ?? [])];
    }
    case 'generic_function':
      return pathSegments(fieldOf(n, 'function'), ctx, depth + 1);
    case 'call_expression': {
      const fn = fieldOf(n, 'function');
      const args = fieldOf(n, 'arguments') ?? undefined;
      if (fn?.type === 'generic_function' || fn?.type === 'identifier') {
        // tree-sitter-scala reads `"a" / path[Int]("id")` as (`"a" / path`)[Int]("id").
        const inner = fn.type === 'generic_function' ? fieldOf(fn, 'function') : fn;
        if (inner?.type === 'identifier') return namedInput(inner.text, args) ?? [];
        if (inner?.type === 'infix_expression' && fieldOf(inner, 'operator')?.text === '/') {
          const left = pathSegments(fieldOf(inner, 'left'), ctx, depth + 1) ?? [];
          const right = fieldOf(inner, 'right');
          const last = right?.type === 'identifier' ? namedInput(right.text, args) ?? [] : [];
          return [...left, ...last];
        }
        return [];
      }
      if (fn?.type === 'field_expression' && INPUT_MODIFIERS.has(fieldOf(fn, 'field')?.text ?? '')) {
        return pathSegments(fieldOf(fn, 'value'), ctx, depth + 1);
      }
      return [];
    }
    default:
      return [];
  }
}

/** The state of a chain expression: follows links back to `endpoint` or a val of the file. */
function chainState(node: Node | null | undefined, ctx: Ctx, depth: number): State | undefined {
  const n = unparen(node);
  if (!n || depth > 64) return undefined;
  if (n.type === 'identifier') {
    if (ROOTS.has(n.text)) return { segments: [], rooted: true };
    const def = ctx.vals.get(n.text);
    if (!def) return /^[A-Za-z_]\w*$/.test(n.text) ? { segments: [], rooted: false, external: baseRef(n.text), pristine: true } : undefined;
    ctx.usedAsBase.add(n.text);
    if (ctx.cache.has(n.text)) return ctx.cache.get(n.text) ?? undefined;
    ctx.cache.set(n.text, null);
    const state = chainState(fieldOf(def, 'value'), ctx, depth + 1);
    ctx.cache.set(n.text, state ?? null);
    return state;
  }
  if (n.type === 'field_expression') {
    const base = chainState(fieldOf(n, 'value'), ctx, depth + 1);
    const field = fieldOf(n, 'field')?.text ?? '';
    if (!base) return undefined;
    if (METHODS[field]) return { ...base, method: METHODS[field], pristine: false };
    // `Endpoints.secured`: a member of another file's object names the base.
    if (base.pristine && /^[A-Z]/.test(base.external?.path[0] ?? '')) return { ...base, external: baseRef(field) };
    return { ...base, pristine: false };
  }
  if (n.type === 'call_expression') {
    let fn = fieldOf(n, 'function');
    if (fn?.type === 'generic_function') fn = fieldOf(fn, 'function');
    if (fn?.type !== 'field_expression') return undefined;
    const found = chainState(fieldOf(fn, 'value'), ctx, depth + 1);
    if (!found) return undefined;
    const field = fieldOf(fn, 'field')?.text ?? '';
    const base: State = { ...found, pristine: false, ...(ENDPOINT_LINKS.has(field) ? { tapir: true } : {}) };
    const args = namedChildren(fieldOf(n, 'arguments'));
    if (PATH_INPUTS.has(field) && args.length === 1) {
      const segs = pathSegments(args[0], ctx, 0) ?? [];
      const auth = base.auth ?? authInput(args[0], ctx);
      const literal = base.literal || segs.some((seg) => !seg.startsWith('{') && seg !== '*');
      return { ...base, literal, segments: field.startsWith('prepend') ? [...segs, ...base.segments] : [...base.segments, ...segs], ...(auth ? { auth } : {}) };
    }
    if (field === 'method' && args[0]) {
      const name = args[0].type === 'field_expression' ? args[0].childForFieldName('field')?.text : args[0].text;
      const method = name ? METHODS[name.toLowerCase()] : undefined;
      return method ? { ...base, method } : base;
    }
    return base;
  }
  return undefined;
}

/** True when `node` continues into its parent's chain (`node.x`, `node(..)`). */
function continuesChain(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === 'field_expression') return fieldOf(parent, 'value')?.id === node.id;
  if (parent.type === 'call_expression' || parent.type === 'generic_function') return fieldOf(parent, 'function')?.id === node.id;
  if (parent.type === 'parenthesized_expression') return continuesChain(parent);
  return false;
}

export const tapirRoutes: Extractor = {
  id: 'tapir/routes',
  languages: ['scala'],
  keywords: ['sttp.tapir'],
  extract(file: ParsedFile): Fact[] {
    const tree = treeOf(file);
    if (!tree || /(^|\/)src\/test\//.test(file.path)) return [];
    const ctx: Ctx = { vals: new Map(), cache: new Map(), usedAsBase: new Set() };
    for (const def of tree.rootNode.descendantsOfType('val_definition')) {
      const name = fieldOf(def, 'pattern');
      if (def && name?.type === 'identifier' && !ctx.vals.has(name.text)) ctx.vals.set(name.text, def);
    }
    const found: { top: Node; state: State; val?: string }[] = [];
    const facts: Fact[] = [];
    for (const node of tree.rootNode.descendantsOfType(['field_expression', 'call_expression'])) {
      if (!node || continuesChain(node)) continue;
      const state = chainState(node, ctx, 0);
      if (!state) continue;
      const def = node.parent?.type === 'val_definition' && fieldOf(node.parent, 'value')?.id === node.id ? node.parent : undefined;
      const val = fieldOf(def, 'pattern')?.text;
      if (!state.method) {
        // A base endpoint other files may build on: `val secured = endpoint.securityIn(auth.bearer[String]()).in("api")`.
        const prefix = `/${state.segments.join('/')}`;
        const middleware = state.auth ? [{ name: state.auth.text, role: 'auth' as const, location: loc(file.path, state.auth) }] : undefined;
        if (val && state.rooted) {
          facts.push({ kind: 'router', framework: FRAMEWORK, ref: baseRef(val), prefix, ...(middleware ? { middleware } : {}), location: loc(file.path, def!) });
        } else if (val && state.external && state.tapir) {
          facts.push({ kind: 'mount', framework: FRAMEWORK, parent: state.external, child: baseRef(val), prefix, ...(middleware ? { middleware } : {}), location: loc(file.path, def!) });
        }
        continue;
      }
      // Chains on an unknown base count only with a literal path: `opt.get` alone is no endpoint.
      if (!state.rooted && !(state.external && state.literal)) continue;
      found.push({ top: node, state, val });
    }
    for (const { top, state, val } of found) {
      if (val && ctx.usedAsBase.has(val)) continue;
      const at = top.parent?.type === 'val_definition' ? top.parent : top;
      facts.push({
        kind: 'route', framework: FRAMEWORK, method: state.method!, path: `/${state.segments.join('/')}`,
        ...(state.rooted ? {} : { router: state.external! }),
        ...(val ? { handler: { name: val } } : {}),
        ...(state.auth ? { middleware: [{ name: state.auth.text, role: 'auth' as const, location: loc(file.path, state.auth) }] } : {}),
        location: loc(file.path, at),
      });
    }
    return facts;
  },
};
