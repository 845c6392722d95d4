// http4k (org.http4k.routing) routes:
// - `routes("/x" bind GET to handler, ...)`: a route per `path bind METHOD to handler`;
// - `"/api" bind routes(...)`: nested routes under a prefix; `"/x" bind routes(GET to h, DELETE to h)`:
//   methods bound under one path;
// - `"/x" bind handler` (no method): every method; `"/s" bind static(...)` / `singlePageApp(...)`: GET /s/**;
// - `contract { routes += "/x" / Path.of("id") meta { } bindContract GET to h }` (also routes built by a
//   function of the file) and its `descriptionPath` (GET, generated);
// - a routes value used by name (`"/users" bind userRoutes`, `userRoutes()`, `routes(api, admin)`) is a
//   mount of that value, read where it is declared (`val userRoutes = routes(...)`,
//   `fun userRoutes() = routes(...)`, in any file of the package or an imported one).
import type { Fact, HttpMethod, RefExpr } from '../../../core/facts.js';
import { descendants, loc, namedChildren, type Node } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { callView, type CallView } from '../calls.js';
import { joinLiteral } from '../class-facts.js';
import type { JvmFile } from '../jvm-source.js';
import { packageRefFile, type StrValue } from '../values.js';
import { enclosingClassName } from './bindings.js';
import { EMPTY, dedupeFacts, guarded, dslOutline, dslRouteFacts, importsFrom, joinValue, pathArg, verbOf } from './common.js';

const FRAMEWORK = 'http4k';
const MAX_DEPTH = 24;

function infixParts(node: Node): { left: Node; op: string; right: Node } | undefined {
  if (node.type !== 'infix_expression') return undefined;
  const kids = namedChildren(node);
  if (kids.length !== 3) return undefined;
  return { left: kids[0]!, op: kids[1]!.text, right: kids[2]! };
}

/** A path lens `Path.of("id")`, `Path.int().of("id")`, `idLens` -> '{id}'. */
function lensName(node: Node): string | undefined {
  const call = callView(node);
  if (call?.name === 'of' && call.args[0]?.type === 'string_literal') return `{${call.args[0].text.replace(/^"|"$/g, '')}}`;
  if (node.type === 'identifier' || node.type === 'simple_identifier') return `{${node.text}}`;
  return undefined;
}

function isRoutesCall(call: CallView | undefined): boolean {
  return !!call && call.name === 'routes' && !call.receiver && !call.lambda;
}

class Http4kReader {
  readonly facts: Fact[] = [];

  constructor(private readonly file: JvmFile) {}

  routes(call: CallView, prefix: StrValue, router: RefExpr, depth: number): void {
    if (depth > MAX_DEPTH) return;
    for (const arg of call.args) this.entry(arg, prefix, router, depth + 1);
  }

  private route(method: HttpMethod, path: StrValue, at: Node, router: RefExpr): void {
    this.facts.push(...dslRouteFacts(this.file, FRAMEWORK, { method, path, at, router }));
  }

  private entry(node: Node, prefix: StrValue, router: RefExpr, depth: number): void {
    if (depth > MAX_DEPTH) return;
    if (node.type === 'parenthesized_expression') {
      const inner = namedChildren(node)[0];
      if (inner) this.entry(inner, prefix, router, depth + 1);
      return;
    }
    const infix = infixParts(node);
    if (infix?.op === 'to') {
      const bound = infixParts(infix.left);
      if (bound?.op === 'bind') {
        // "/x" bind GET to handler
        const method = verbOf(bound.right);
        if (method) this.route(method, joinValue(prefix, pathArg(this.file, bound.left)), bound.left, router);
        return;
      }
      const method = verbOf(infix.left); // GET to handler, under a bound path
      if (method) this.route(method, prefix, infix.left, router);
      return;
    }
    if (infix?.op === 'bind') {
      const path = joinValue(prefix, pathArg(this.file, infix.left));
      if (path.kind === 'unknown') return;
      const target = callView(infix.right);
      if (target && isRoutesCall(target)) {
        this.routes(target, path, router, depth + 1);
        return;
      }
      if (target?.name === 'contract' && target.lambda) {
        this.contract(target.lambda, path, router, depth + 1);
        return;
      }
      if ((target?.name === 'static' || target?.name === 'singlePageApp') && !target.receiver) {
        if (path.kind === 'literal') this.route('GET', { kind: 'literal', text: joinLiteral(path.text, '**') }, infix.left, router);
        return;
      }
      const method = verbOf(infix.right);
      if (method) return; // `"/x" bind GET` without a handler: not a route yet
      if (this.mount(infix.right, path, router, infix.left)) return;
      this.route('ANY', path, infix.left, router);
      return;
    }
    const call = callView(node);
    if (call && isRoutesCall(call)) {
      this.routes(call, prefix, router, depth + 1);
      return;
    }
    if (call?.name === 'contract' && call.lambda) {
      this.contract(call.lambda, prefix, router, depth + 1);
      return;
    }
    this.mount(node, prefix, router, node);
  }

  /** `contract { routes += "/x" / Path.of("id") meta { } bindContract GET to h; descriptionPath = "/openapi.json" }`. */
  private contract(lambda: Node, prefix: StrValue, router: RefExpr, depth: number): void {
    for (const statement of namedChildren(lambda)) {
      if (statement.type !== 'assignment') continue;
      const [target, value] = [namedChildren(statement)[0], namedChildren(statement).at(-1)];
      if (!target || !value) continue;
      if (target.text === 'routes' && statement.child(1)?.type === '+=') this.contractEntry(value, prefix, router, depth + 1);
      else if (target.text === 'descriptionPath') {
        const path = joinValue(prefix, pathArg(this.file, value));
        this.facts.push(...dslRouteFacts(this.file, FRAMEWORK, { method: 'GET', path, at: target, router, origin: 'generated' }));
      }
    }
  }

  private contractEntry(node: Node, prefix: StrValue, router: RefExpr, depth: number): void {
    if (depth > MAX_DEPTH) return;
    const infix = infixParts(node);
    if (infix?.op === 'to') {
      const bound = infixParts(infix.left);
      const method = bound?.op === 'bindContract' ? verbOf(bound.right) : undefined;
      if (!bound || !method) return;
      const spec = infixParts(bound.left)?.op === 'meta' ? infixParts(bound.left)!.left : bound.left;
      const path = this.contractPath(spec, 0);
      if (path) this.route(method, joinValue(prefix, { kind: 'literal', text: path }), spec, router);
      return;
    }
    const call = callView(node);
    if (call && ['listOf', 'arrayOf', 'setOf'].includes(call.name)) {
      for (const arg of call.args) this.contractEntry(arg, prefix, router, depth + 1);
      return;
    }
    // A route built by a function or value of this file: `routes += searchRoute()`.
    const name = call && !call.receiver ? call.name : node.type === 'identifier' ? node.text : undefined;
    const body = name ? this.declarationBody(name) : undefined;
    if (body) this.contractEntry(body, prefix, router, depth + 1);
  }

  /** `"/a" / Path.of("id") / "b"` -> '/a/{id}/b'; undefined when a piece is not understood. */
  private contractPath(node: Node, depth: number): string | undefined {
    if (depth > 16) return undefined;
    if (node.type === 'string_literal') {
      const value = pathArg(this.file, node);
      return value.kind === 'literal' ? value.text : undefined;
    }
    if ((node.type === 'binary_expression' || node.type === 'multiplicative_expression') && node.child(1)?.type === '/') {
      const left = this.contractPath(node.child(0)!, depth + 1);
      const right = node.child(2)!;
      const segment = right.type === 'string_literal' ? this.contractPath(right, depth + 1) : lensName(right);
      return left === undefined || segment === undefined ? undefined : joinLiteral(left, segment);
    }
    const value = pathArg(this.file, node);
    return value.kind === 'literal' ? value.text : undefined;
  }

  /** The expression a top-level `fun name() = expr` / `{ return expr }` / `val name = expr` of this file stands for. */
  private declarationBody(name: string): Node | undefined {
    for (const child of namedChildren(this.file.root)) {
      if (child.type === 'function_declaration' && namedChildren(child).find((c) => c.type === 'identifier')?.text === name) {
        const body = namedChildren(child).find((c) => c.type === 'function_body');
        const kids = namedChildren(body);
        if (kids[0]?.type !== 'block') return kids[0];
        const ret = namedChildren(kids[0]).find((c) => c.type === 'return_expression' || c.type === 'jump_expression');
        return namedChildren(ret)[0];
      }
      if (child.type === 'property_declaration') {
        const variable = namedChildren(child).find((c) => c.type === 'variable_declaration');
        if (namedChildren(variable).find((c) => c.type === 'identifier')?.text === name) return namedChildren(child).at(-1);
      }
    }
    return undefined;
  }

  /** A routes value used by name: a mount of its declaration. True when the node names one. */
  private mount(node: Node, prefix: StrValue, parent: RefExpr, at: Node): boolean {
    let name: string | undefined;
    if (node.type === 'identifier' || node.type === 'simple_identifier') name = node.text;
    else {
      const call = callView(node);
      if (call && !call.receiver && !call.lambda && /^[a-z]/.test(call.name)) name = call.name;
    }
    if (!name || /^[A-Z]/.test(name)) return false;
    const location = loc(this.file.path, at);
    for (const child of this.declarationRefs(name, node)) {
      if (prefix.kind === 'literal') this.facts.push({ kind: 'mount', framework: FRAMEWORK, parent, child, prefix: prefix.text, location });
      else if (prefix.kind === 'ref') this.facts.push({ kind: 'mount', framework: FRAMEWORK, parent, child, prefix: prefix.fallback, prefixRef: prefix.ref, location });
    }
    return true;
  }

  private declarationRefs(name: string, at: Node): RefExpr[] {
    const imported = this.file.imports.get(name);
    if (imported) {
      const pkg = imported.slice(0, Math.max(0, imported.lastIndexOf('.')));
      return [{ file: packageRefFile(pkg), path: [name] }];
    }
    const cls = enclosingClassName(this.file, at) ?? [];
    const out = [{ file: packageRefFile(this.file.packageName), path: [name] }];
    if (cls.length) out.unshift({ file: packageRefFile(this.file.packageName), path: [...cls, name] });
    return out;
  }
}

/** The ref of the declaration a root routes(...) call defines: `val app = routes(...)`, `fun api() = routes(...)`. */
function declaredRef(file: JvmFile, node: Node): RefExpr {
  for (let cur: Node | null = node.parent; cur; cur = cur.parent) {
    if (cur.type === 'property_declaration' || cur.type === 'function_declaration') {
      const variable = cur.type === 'property_declaration' ? namedChildren(cur).find((c) => c.type === 'variable_declaration') : cur;
      const name = namedChildren(variable).find((c) => c.type === 'identifier' || c.type === 'simple_identifier')?.text;
      if (!name) break;
      const inFunction = cur.parent && ['block', 'statements'].includes(cur.parent.type);
      if (inFunction) return { file: file.path, path: [`${name}:${node.startPosition.row + 1}`] };
      return { file: packageRefFile(file.packageName), path: [...(enclosingClassName(file, cur) ?? []), name] };
    }
    if (cur.type === 'class_body' || cur.type === 'source_file') break;
  }
  return { file: file.path, path: [`$routes:${node.startPosition.row + 1}`] };
}

function http4kFacts(file: JvmFile): Fact[] {
  const reader = new Http4kReader(file);
  const done: Node[] = [];
  for (const node of descendants(file.root, ['call_expression'])) {
    if (!node || done.some((d) => d.startIndex <= node.startIndex && node.endIndex <= d.endIndex)) continue;
    const call = callView(node);
    if (!call || !isRoutesCall(call) || call.args.length === 0) continue;
    done.push(node);
    reader.routes(call, EMPTY, declaredRef(file, node), 0);
  }
  return reader.facts;
}

export const http4kRoutes: Extractor = {
  id: 'http4k/routes',
  languages: ['kotlin'],
  keywords: ['org.http4k'],
  extract(parsed) {
    const file = dslOutline(parsed);
    if (!file || !importsFrom(file, 'org.http4k')) return [];
    return guarded(() => dedupeFacts(http4kFacts(file)));
  },
};
