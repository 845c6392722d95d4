// CORS judgement shared by the Go, JVM, PHP, C#, Rust and Scala extractors: origin lists,
// origin functions, and raw `Access-Control-Allow-Origin` header writes in any of their spellings.
import type { CorsConfigFact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import { weakOriginRegex } from '../../cors/origin-patterns.js';
import { loc, walk } from '../../tree-sitter/ast.js';
import { named, type Dialect, type Node } from './dialect.js';
import type { FileIndex } from './file-index.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

export type Policy = CorsConfigFact['policy'];

export interface OriginJudgement {
  policy: Policy;
  detail: string;
  permissivePattern?: string;
}

/** Collects cors-config facts of one file, one per location. */
export class CorsFacts {
  private readonly list: CorsConfigFact[] = [];
  private readonly seen = new Set<string>();
  constructor(private readonly file: ParsedFile) {}

  push(at: Node, judged: OriginJudgement, credentials: boolean | null, library: string): void {
    const location = loc(this.file.path, at);
    const key = `${location.startLine}:${location.startColumn}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const fact: CorsConfigFact = { kind: 'cors-config', policy: judged.policy, credentials, library, detail: judged.detail, location };
    if (judged.permissivePattern !== undefined) fact.permissivePattern = judged.permissivePattern;
    this.list.push(fact);
  }

  /** The facts in source order. */
  get facts(): CorsConfigFact[] {
    return [...this.list].sort((a, b) => a.location.startLine - b.location.startLine || a.location.startColumn - b.location.startColumn);
  }
}

/** An origin list: '*' (or a scheme-wide `https://*`) allows any origin; anything else is an allowlist. */
export function judgeOriginStrings(values: readonly string[], what = 'origins'): OriginJudgement {
  for (const raw of values) {
    for (const v of raw.split(',').map((s) => s.trim())) {
      if (v === '*' || v === 'https://*' || v === 'http://*' || v === '*://*') return { policy: 'wildcard', detail: `${what} ['${v}']` };
    }
  }
  return { policy: 'allowlist', detail: `${what} allowlist` };
}

/** An origin regular expression (Spring originPatterns, nelmio origin_regex, allowed_origins_patterns). */
export function judgeOriginRegex(pattern: string, what = 'origin pattern'): OriginJudgement {
  const weak = weakOriginRegex(pattern);
  if (weak === 'matches-any') return { policy: 'wildcard', detail: `${what} '${pattern}' matches any origin` };
  if (weak) return { policy: 'allowlist', detail: `${what} '${pattern}' has an unescaped '.'`, permissivePattern: pattern };
  return { policy: 'allowlist', detail: `${what} '${pattern}'` };
}

/** The string values of a list literal or a single string (unresolvable elements are skipped). */
export function stringValues(dialect: Dialect, index: FileIndex, node: Node | undefined): string[] | undefined {
  if (!node) return undefined;
  const single = index.constant(node);
  if (single) return [single.value];
  let list = dialect.listElements(node);
  if (!list) {
    const target = index.resolve(dialect.unwrap(node));
    list = target ? dialect.listElements(target) : undefined;
  }
  if (!list) return undefined;
  return list.map((e) => index.constant(e)?.value).filter((v): v is string => v !== undefined);
}

/** A function (lambda, closure, func literal) whose every result is `true`: it accepts every origin. */
export function alwaysTrue(dialect: Dialect, fn: Node | undefined): boolean | undefined {
  if (!fn) return undefined;
  const results: Node[] = [];
  const bodyTypes = new Set(['block', 'statement_list', 'function_body', 'compound_statement', 'lambda_literal', 'statements']);
  let hasBlock = false;
  for (const child of named(fn)) {
    if (bodyTypes.has(child.type)) hasBlock = true;
  }
  const visit = (node: Node) => {
    for (const child of named(node)) {
      if (dialect.functionTypes.includes(child.type) || child.type === 'func_literal') continue;
      if (child.type === 'return_statement' || child.type === 'return_expression' || child.type === 'jump_expression') {
        const value = named(child).find((c) => c.type !== 'expression_list') ?? named(named(child)[0])[0];
        if (value) results.push(value);
        continue;
      }
      visit(child);
    }
  };
  visit(fn);
  if (!hasBlock) {
    // expression-bodied lambda: its last named child is the result
    const parts = named(fn);
    const last = parts[parts.length - 1];
    if (last && dialect.bool(last) !== undefined) results.push(last);
  }
  // Kotlin / Scala / Rust blocks: the last expression is the result
  if (results.length === 0) {
    const body = named(fn).find((c) => bodyTypes.has(c.type) || c.type === 'block');
    const stmts = named(body);
    const last = stmts[stmts.length - 1];
    if (last) results.push(named(last).length === 1 && last.type === 'expression_statement' ? named(last)[0]! : last);
  }
  if (results.length === 0) return undefined;
  return results.every((r) => dialect.bool(r) === true);
}

const ACAO = 'accesscontrolalloworigin';
const REFLECT = '\u0000reflect';
const ACAC = 'accesscontrolallowcredentials';

function headerKey(dialect: Dialect, node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const lit = dialect.literal(dialect.unwrap(node));
  const text = lit ?? (() => {
    // HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, echo.HeaderAccessControlAllowOrigin, header::ACCESS_CONTROL_ALLOW_ORIGIN
    const call = dialect.call(node);
    if (call) return undefined;
    const name = dialect.referenceName(node) ?? (node.type.includes('identifier') ? node.text : undefined);
    return name;
  })();
  if (text === undefined) return undefined;
  const key = text.toLowerCase().replace(/[^a-z]/g, '').replace(/^header/, '');
  return key === ACAO || key === ACAC ? key : undefined;
}

function isOriginName(dialect: Dialect, node: Node | undefined): boolean {
  if (!node) return false;
  const lit = dialect.literal(dialect.unwrap(node));
  const text = (lit ?? dialect.referenceName(node) ?? '').toLowerCase().replace(/[^a-z]/g, '');
  return text === 'origin' || text === 'httporigin' || text === 'headerorigin';
}

const HEADER_GETTERS = /^(get|Get|getHeader|GetHeader|header|getHeaderLine|get_header|Header|getFirst|headerValue|GetValues|getOrElse|first|value)$/;

/** Is this expression the request's Origin header (directly or through a one-hop local)? */
export function isRequestOrigin(dialect: Dialect, index: FileIndex, node: Node | undefined, depth = 0): boolean {
  if (!node || depth > 2) return false;
  const n = dialect.unwrap(node);
  // $_SERVER['HTTP_ORIGIN'] ?? '', origin || '*', x ?: y: the left operand
  if (n.type === 'binary_expression' || n.type === 'elvis_expression') {
    const left = fieldOf(n, 'left') ?? named(n)[0];
    return left ? isRequestOrigin(dialect, index, left, depth + 1) : false;
  }
  const call = dialect.call(n);
  if (call) {
    if (HEADER_GETTERS.test(call.name) && isOriginName(dialect, call.args[0])) return true;
    // .unwrap(), .to_str(), .ToString(), .orEmpty(): look through
    if (call.receiver && call.args.length === 0 && /^(unwrap|to_str|ToString|toString|orEmpty|trim|unwrap_or_default|String|First|FirstOrDefault)$/.test(call.name)) {
      return isRequestOrigin(dialect, index, call.receiver, depth + 1);
    }
    return false;
  }
  // $_SERVER['HTTP_ORIGIN'], Request.Headers["Origin"], r.Header["Origin"]
  if (/subscript|element_access|index_expression/.test(n.type)) {
    const parts = named(n);
    const key = named(parts[parts.length - 1]).length === 1 && parts[parts.length - 1]!.type.includes('argument') ? named(parts[parts.length - 1])[0] : parts[parts.length - 1];
    const keyNode = key && key.type === 'argument' ? named(key)[0] : key;
    return isOriginName(dialect, keyNode);
  }
  // Request.Headers.Origin
  if (dialect.referenceName(n) === 'Origin' && /Headers/.test(named(n)[0]?.text ?? '')) return true;
  const target = index.resolve(n);
  return target ? isRequestOrigin(dialect, index, target, depth + 1) : false;
}

/** Is the node inside an `if` whose condition mentions `name` (a checked origin)? */
function guardedBy(node: Node, name: string): boolean {
  for (let cur = node.parent; cur; cur = cur.parent) {
    if (/^(if_statement|if_expression|conditional_expression|ternary_expression)$/.test(cur.type)) {
      const condition = fieldOf(cur, 'condition') ?? named(cur)[0];
      if (condition && condition.descendantsOfType(['identifier', 'variable_name', 'name', 'simple_identifier']).some((i) => i?.text === name || i?.text === name.replace(/^\$/, ''))) return true;
    }
  }
  return false;
}

/** Raw Access-Control-Allow-Origin writes: `w.Header().Set(...)`, `response.setHeader(...)`, `header('...: *')`, `Headers["..."] = v`. */
export function headerFacts(root: Node, dialect: Dialect, index: FileIndex, out: CorsFacts): void {
  const writes: { at: Node; value: Node | string; scope: Node }[] = [];
  const credentials: { scope: Node; value: boolean }[] = [];
  const scopeOf = (node: Node): Node => {
    for (let cur = node.parent; cur; cur = cur.parent) if (dialect.functionTypes.includes(cur.type) || cur.type === 'func_literal') return cur;
    return root;
  };
  const record = (at: Node, key: string, value: Node | string) => {
    if (key === ACAO) writes.push({ at, value, scope: scopeOf(at) });
    else {
      const v = typeof value === 'string' ? value : dialect.literal(dialect.unwrap(value)) ?? String(dialect.bool(value));
      credentials.push({ scope: scopeOf(at), value: v.trim().toLowerCase() === 'true' });
    }
  };
  walk(root, (node) => {
    const call = dialect.call(node);
    if (call) {
      if (call.args.length >= 2) {
        const key = headerKey(dialect, call.args[0]);
        if (key) record(node, key, call.args[1]!);
      } else if (call.args.length === 1) {
        // PHP header('Access-Control-Allow-Origin: *'), Rust insert_header(("...", "*"))
        const arg = call.args[0]!;
        const text = dialect.literalText(dialect.unwrap(arg));
        const colon = text?.indexOf(':') ?? -1;
        if (text !== undefined && colon > 0) {
          const key = text.slice(0, colon).toLowerCase().replace(/[^a-z]/g, '');
          let value = text.slice(colon + 1).trim();
          // "Access-Control-Allow-Origin: $origin": look at the interpolated parts
          if (value.includes('${x}')) {
            const holes = named(dialect.unwrap(arg)).filter((c) => !/string_content|string_value|escape_sequence|fragment/.test(c.type));
            value = holes.some((h) => isRequestOrigin(dialect, index, named(h).length === 1 && /interpolation/.test(h.type) ? named(h)[0] : h)) ? REFLECT : '';
          }
          if (key === ACAO || key === ACAC) record(node, key, value);
        } else if (arg.type === 'tuple_expression') {
          const [k, v] = named(arg);
          const key = headerKey(dialect, k);
          if (key && v) record(node, key, v);
        }
      }
    }
    for (const slot of dialect.slots(node)) {
      const key = slot.name.toLowerCase().replace(/[^a-z]/g, '');
      if (key === ACAO || key === ACAC) record(node, key, slot.value);
    }
  });
  for (const write of writes) {
    const allowCredentials = credentials.some((c) => c.value && (c.scope.id === write.scope.id || c.scope.id === root.id)) ? true : null;
    const judged = judgeHeaderValue(dialect, index, write.value, write.at);
    if (judged) out.push(write.at, judged, allowCredentials, 'header');
  }
}

function judgeHeaderValue(dialect: Dialect, index: FileIndex, value: Node | string, at: Node): OriginJudgement | undefined {
  if (typeof value === 'string') {
    const v = value.trim();
    if (v === REFLECT) return { policy: 'reflect-origin', detail: 'Access-Control-Allow-Origin echoes the request Origin' };
    if (v === '*') return { policy: 'wildcard', detail: 'Access-Control-Allow-Origin: *' };
    if (v.includes('${x}') || v.startsWith('$') || v === '' || v === 'null') return undefined;
    return { policy: 'allowlist', detail: `Access-Control-Allow-Origin: ${v}` };
  }
  const constant = index.constant(value);
  if (constant) {
    const v = constant.value.trim();
    if (v === '*') return { policy: 'wildcard', detail: 'Access-Control-Allow-Origin: *' };
    if (v === '' || v === 'null') return undefined;
    return { policy: 'allowlist', detail: `Access-Control-Allow-Origin: ${v}` };
  }
  // PHP "Access-Control-Allow-Origin: $origin" / C# $"{origin}" are handled as strings above
  if (isRequestOrigin(dialect, index, value)) {
    const name = dialect.referenceName(dialect.unwrap(value));
    if (name && guardedBy(at, name)) return { policy: 'allowlist', detail: 'Access-Control-Allow-Origin set to a checked request Origin' };
    return { policy: 'reflect-origin', detail: 'Access-Control-Allow-Origin echoes the request Origin' };
  }
  return undefined;
}
