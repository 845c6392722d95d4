// Go JWT facts for golang-jwt/jwt (v3-v5) and dgrijalva/jwt-go: SigningMethodNone /
// UnsafeAllowNoneSignatureType (none-algorithm), ParseUnverified without a verifying Parse in the
// same function and without reading the `kid` header to choose a key (decode-only), WithoutClaimsValidation / SkipClaimsValidation (no-expiry on verify),
// claims without an expiry or with one longer than a day, and literal signing / verification keys
// (SignedString([]byte("...")), a keyfunc returning a literal).
import type { Fact, JwtCallFact, JwtIssue } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import { ONE_DAY_SECONDS } from '../../code-facts-text.js';
import { descendants, loc, walk } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { evalConst } from '../core/const-eval.js';
import { callView, type CallView, type Node } from '../core/expr.js';
import { hardcodedText } from '../core/keys.js';
import { FileValues } from '../core/values.js';
import { goImports } from './imports.js';
import { goLang } from './lang.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

const JWT_PACKAGES = /(golang-jwt\/jwt|dgrijalva\/jwt-go|form3tech-oss\/jwt-go|gbrlsnchs\/jwt|appleboy\/gin-jwt)/;
const LIBRARY = 'golang-jwt';

export const goJwtCalls: Extractor = {
  id: 'go/jwt-calls',
  languages: ['go'],
  keywords: ['jwt'],
  extract(file: ParsedFile): Fact[] {
    if (file.tree.kind !== 'tree-sitter') return [];
    const values = new FileValues(goLang, file.tree.tree.rootNode);
    const imports = goImports(values.root);
    const jwtNames = new Set([...imports].filter(([, path]) => JWT_PACKAGES.test(path)).map(([local]) => local));
    if (jwtNames.size === 0) return [];
    const facts: Fact[] = [];
    for (const call of values.calls) {
      const view = callView(goLang, call);
      if (!view || view.isNew) continue;
      const fact = jwtFact(file.path, values, call, view, jwtNames);
      if (fact) facts.push(fact);
    }
    // jwt.Parser{SkipClaimsValidation: true}
    walk(values.root, (node) => {
      if (node.type === 'keyed_element' && /^SkipClaimsValidation\s*:/.test(node.text) && /:\s*true$/.test(node.text)) {
        facts.push({ kind: 'jwt-call', library: LIBRARY, operation: 'verify', issues: ['no-expiry'], detail: 'SkipClaimsValidation: true', location: loc(file.path, node) });
      }
      return undefined;
    });
    return facts;
  },
};

function isJwtRef(node: Node | undefined, jwtNames: Set<string>, name: string): boolean {
  if (!node) return false;
  const e = goLang.expr(node);
  return e.k === 'member' && !!e.path && e.path.length === 2 && jwtNames.has(e.path[0]!) && e.path[1] === name;
}

function jwtFact(file: string, values: FileValues, call: Node, view: CallView, jwtNames: Set<string>): JwtCallFact | undefined {
  const issues: JwtIssue[] = [];
  const details: string[] = [];
  const add = (issue: JwtIssue, detail: string) => { if (!issues.includes(issue)) issues.push(issue); details.push(detail); };
  const make = (operation: JwtCallFact['operation']): JwtCallFact => {
    const f: JwtCallFact = { kind: 'jwt-call', library: LIBRARY, operation, issues, location: loc(file, call) };
    if (details.length > 0) f.detail = details.join('; ');
    return f;
  };
  const pkgCall = !!view.path && view.path.length === 2 && jwtNames.has(view.path[0]!);
  const method = view.method;
  if (pkgCall && (method === 'New' || method === 'NewWithClaims')) {
    if (isJwtRef(view.args[0], jwtNames, 'SigningMethodNone')) add('none-algorithm', 'SigningMethodNone');
    if (method === 'NewWithClaims') {
      const exp = claimsExpiry(values, view.args[1], call);
      if (exp.has === false) add('no-expiry', 'claims without an expiry');
      else if (exp.seconds !== undefined && exp.seconds > ONE_DAY_SECONDS && !/refresh|remember/i.test(values.enclosingNames(call).join(' '))) {
        add('long-expiry', `expiry ${Math.round(exp.seconds / 86400)} days ahead`);
      }
    }
    return make('sign');
  }
  if (method === 'SignedString' && view.receiver) {
    const key = view.args[0];
    if (isJwtRef(key, jwtNames, 'UnsafeAllowNoneSignatureType')) add('none-algorithm', 'UnsafeAllowNoneSignatureType');
    else {
      const hard = hardcodedText(values, key);
      if (hard) add('hardcoded-key', hard === 'fallback' ? 'literal fallback signing key' : 'literal signing key');
    }
    return issues.length > 0 ? make('sign') : undefined;
  }
  if (method === 'ParseUnverified') {
    const scope = values.scopeNodeOf(call);
    const verified = values.calls.some((c) => c.startIndex >= scope.startIndex && c.endIndex <= scope.endIndex && /^(Parse|ParseWithClaims|Verify)$/.test(callView(goLang, c)?.method ?? ''));
    // reading the `kid` header to pick the verification key (JWKS, key store) is the first half of a verification
    const picksKey = !verified && scope.descendantsOfType('interpreted_string_literal').some((n) => n.text === '"kid"');
    if (!verified && !picksKey) add('decode-only', 'ParseUnverified');
    return make('decode');
  }
  if ((method === 'Parse' || method === 'ParseWithClaims') && (pkgCall || /parser|jwt/i.test(view.receiver?.text ?? ''))) {
    const keyFunc = method === 'Parse' ? view.args[1] : view.args[2];
    const returned = keyFunc ? keyFuncReturns(keyFunc) : [];
    if (returned.some((r) => isJwtRef(r, jwtNames, 'UnsafeAllowNoneSignatureType'))) add('none-algorithm', 'keyfunc allows alg none');
    else if (returned.some((r) => hardcodedText(values, r))) add('hardcoded-key', 'literal verification key');
    const options = view.args.slice(method === 'Parse' ? 2 : 3);
    if (options.some((o) => /WithoutClaimsValidation\(\)$/.test(o.text))) add('no-expiry', 'WithoutClaimsValidation');
    return make('verify');
  }
  return undefined;
}

/** First values of the return statements of a func literal keyfunc. */
function keyFuncReturns(node: Node): Node[] {
  if (node.type !== 'func_literal') return [];
  const out: Node[] = [];
  walk(node, (n) => {
    if (n.type === 'func_literal' && n.id !== node.id) return false;
    if (n.type === 'return_statement') {
      const list = n.namedChildren.find((c) => c?.type === 'expression_list');
      const first = list?.namedChildren[0] ?? n.namedChildren[0];
      if (first) out.push(first);
    }
    return undefined;
  });
  return out;
}

/** Whether claims carry an expiry: a MapClaims literal with "exp", or a claims struct with ExpiresAt. */
function claimsExpiry(values: FileValues, claims: Node | undefined, at: Node, depth = 0): { has: boolean | undefined; seconds?: number } {
  if (!claims || depth > 4) return { has: undefined };
  const e = goLang.expr(claims);
  if (e.k === 'wrap') return claimsExpiry(values, e.inner, at, depth + 1);
  if (e.k === 'name') {
    // claims["exp"] = ... / claims.ExpiresAt = ... anywhere in the function
    const scope = values.scopeNodeOf(at);
    for (const assign of descendants(scope, ['assignment_statement'])) {
      const left = fieldOf(assign, 'left')?.text ?? '';
      if (left.startsWith(`${e.name}[`) && /\["exp"\]/.test(left)) return { has: true, seconds: durationSeconds(values, fieldOf(assign, 'right')?.namedChildren[0] ?? undefined) };
      if (left.startsWith(`${e.name}.`) && /ExpiresAt$/.test(left)) return { has: true };
    }
    const res = values.resolve(e.name, claims);
    if (res.kind === 'bindings' && res.bindings.length === 1 && res.bindings[0]!.value) return claimsExpiry(values, res.bindings[0]!.value, at, depth + 1);
    return { has: undefined };
  }
  if (claims.type !== 'composite_literal') return { has: undefined };
  const type = fieldOf(claims, 'type')?.text ?? '';
  const body = fieldOf(claims, 'body');
  if (!body) return { has: undefined };
  const keyed = descendants(body, ['keyed_element']);
  for (const k of keyed) {
    const key = k.namedChildren[0]?.text ?? '';
    if (key === '"exp"' || key === '`exp`' || /^ExpiresAt$/.test(key)) {
      return { has: true, seconds: durationSeconds(values, k.namedChildren[1]?.namedChildren[0] ?? k.namedChildren[1] ?? undefined) };
    }
  }
  if (/MapClaims$/.test(type)) return { has: false };
  if (/(StandardClaims|RegisteredClaims)$/.test(type)) return { has: false };
  return { has: keyed.some((k) => /(StandardClaims|RegisteredClaims)/.test(k.text)) ? false : undefined };
}

const UNITS: Record<string, number> = { Nanosecond: 1e-9, Microsecond: 1e-6, Millisecond: 0.001, Second: 1, Minute: 60, Hour: 3600 };

/** `time.Now().Add(time.Hour * 24 * 30).Unix()` / `jwt.NewNumericDate(time.Now().Add(72 * time.Hour))` -> seconds ahead. */
function durationSeconds(values: FileValues, node: Node | undefined): number | undefined {
  if (!node) return undefined;
  let found: number | undefined;
  walk(node, (n) => {
    if (found !== undefined) return false;
    const v = callView(goLang, n);
    if (v?.method === 'Add' && v.args[0]) { found = durationOf(values, v.args[0]); return false; }
    if (v?.method === 'AddDate' && v.args.length === 3) {
      const [y, m, d] = v.args.map((a) => evalConst(values, a));
      if (typeof y === 'number' && typeof m === 'number' && typeof d === 'number') found = (y * 365 + m * 30 + d) * 86400;
      return false;
    }
    return undefined;
  });
  return found;
}

function durationOf(values: FileValues, node: Node): number | undefined {
  const e = goLang.expr(node);
  if (e.k === 'wrap' || e.k === 'cast') return durationOf(values, e.inner);
  if (e.k === 'member' && e.path?.length === 2 && e.path[0] === 'time' && e.name in UNITS) return UNITS[e.name];
  if (e.k === 'arith' && e.op === '*' && e.left && e.right) {
    const a = durationOf(values, e.left) ?? numberOf(values, e.left);
    const b = durationOf(values, e.right) ?? numberOf(values, e.right);
    return a !== undefined && b !== undefined ? a * b : undefined;
  }
  if (e.k === 'call' && e.method === 'Duration' && e.args[0]) return numberOf(values, e.args[0]);
  if (e.k === 'name') {
    const res = values.resolve(e.name, node);
    if (res.kind === 'bindings' && res.bindings.length === 1 && res.bindings[0]!.value) return durationOf(values, res.bindings[0]!.value);
    if (res.kind === 'field' && res.binding.value) return durationOf(values, res.binding.value);
  }
  return undefined;
}

function numberOf(values: FileValues, node: Node): number | undefined {
  const v = evalConst(values, node);
  return typeof v === 'number' ? v : undefined;
}
