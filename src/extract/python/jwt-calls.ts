// Python JWT calls and settings: PyJWT / python-jose encode / decode (algorithm 'none',
// options={'verify_signature': False}, verify=False, verify_exp False, payload without 'exp',
// literal keys), python-jose get_unverified_claims, flask_jwt_extended create_access_token
// (expires_delta=False) and JWT_* settings, djangorestframework-simplejwt SIMPLE_JWT.
import type { Fact, JwtCallFact, JwtIssue } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { ONE_DAY_SECONDS } from '../code-facts-text.js';
import type { Extractor } from '../types.js';
import { dottedPath, keywordArg, loc, positionalArgs, stringValue, type Node } from './ast.js';
import { PyFileValues } from './code-values.js';
import { callLocation } from './sql-calls.js';
import { field, rootOf, textOf } from '../tree-sitter/ast.js';

export const pythonJwtCalls: Extractor = {
  id: 'python/jwt-calls',
  languages: ['python'],
  keywords: ['jwt', 'JWT', 'jose'],
  extract(file: ParsedFile): Fact[] {
    if (file.tree.kind !== 'tree-sitter') return [];
    const values = PyFileValues.of(rootOf(file.tree.tree));
    const facts: Fact[] = [];
    for (const call of values.calls) {
      const fact = jwtCallFact(file.path, values, call);
      if (fact) facts.push(fact);
    }
    for (const assignment of values.assignments) facts.push(...settingFacts(file.path, values, assignment));
    return facts;
  },
};

type Library = 'pyjwt' | 'python-jose' | 'flask-jwt-extended';

function libraryOf(values: PyFileValues, fn: Node): { library: Library; method: string } | undefined {
  const q = values.qualifiedName(fn);
  if (!q) return undefined;
  const parts = q.split('.');
  const method = parts.at(-1)!;
  const base = parts.slice(0, -1).join('.');
  if (base === 'jwt' || base === 'jwt.api_jwt' || base === 'jwt.api_jws') return { library: 'pyjwt', method };
  if (base === 'jose.jwt' || base === 'jose.jws') return { library: 'python-jose', method };
  if (base === 'flask_jwt_extended' || (fn.type === 'identifier' && /^create_(access|refresh)_token$/.test(textOf(fn)))) return { library: 'flask-jwt-extended', method };
  return undefined;
}

function constOf(values: PyFileValues, node: Node | null | undefined, depth = 0): Node | undefined {
  if (!node || depth > 4) return undefined;
  if (node.type === 'identifier') {
    const res = values.resolve(textOf(node), node);
    if (res.kind === 'bindings' && res.bindings.length >= 1) {
      const last = res.bindings.at(-1)!;
      if (last.op === '=' && last.value) return constOf(values, last.value, depth + 1);
    }
    return undefined;
  }
  if (node.type === 'parenthesized_expression') return constOf(values, node.namedChildren[0], depth + 1);
  return node;
}

function dictGet(values: PyFileValues, dict: Node | undefined, key: string): Node | undefined {
  if (!dict) return undefined;
  if (dict.type === 'dictionary') {
    for (const pair of dict.namedChildren) {
      if (pair?.type === 'pair' && stringValue(field(pair, 'key')) === key) return field(pair, 'value') ?? undefined;
    }
    return undefined;
  }
  if (dict.type === 'call' && textOf(field(dict, 'function')) === 'dict') return keywordArg(dict, key);
  return undefined;
}

function isFalse(values: PyFileValues, node: Node | undefined): boolean {
  const v = constOf(values, node ?? null);
  return v?.type === 'false';
}

function stringItems(values: PyFileValues, node: Node | undefined): string[] {
  const v = constOf(values, node ?? null);
  if (!v) return [];
  if (v.type === 'list' || v.type === 'tuple' || v.type === 'set') {
    return v.namedChildren.map((c) => stringValue(constOf(values, c))).filter((s): s is string => s !== undefined);
  }
  const s = stringValue(v);
  return s === undefined ? [] : [s];
}

/** A key written in the code: a literal, a constant, or the literal default of os.environ.get / getenv. */
export function hardcodedKey(values: PyFileValues, node: Node | null | undefined, depth = 0): 'literal' | 'fallback' | undefined {
  if (!node || depth > 4) return undefined;
  const s = stringValue(node);
  if (s !== undefined) return s.length > 0 ? 'literal' : undefined;
  if (node.type === 'identifier') {
    const res = values.resolve(textOf(node), node);
    if (res.kind === 'bindings' && res.bindings.length === 1 && res.bindings[0]!.op === '=') return hardcodedKey(values, res.bindings[0]!.value, depth + 1);
    return undefined;
  }
  if (node.type === 'call') {
    const name = dottedPath(field(node, 'function'))?.join('.') ?? '';
    const args = positionalArgs(node);
    if (/(^|\.)(getenv|environ\.get|get)$/.test(name) && /environ|getenv|config|settings/.test(name) && args[1]) {
      return hardcodedKey(values, args[1], depth + 1) ? 'fallback' : undefined;
    }
    if (/(^|\.)(encode|bytes)$/.test(name)) {
      const receiver = field(field(node, 'function'), 'object');
      return hardcodedKey(values, receiver ?? args[0], depth + 1);
    }
  }
  if (node.type === 'boolean_operator' && textOf(field(node, 'operator')) === 'or') {
    return hardcodedKey(values, field(node, 'right'), depth + 1) ? 'fallback' : undefined;
  }
  return undefined;
}

/** timedelta(days=30) / timedelta(hours=2) / datetime.timedelta(...) -> seconds. */
function timedeltaSeconds(values: PyFileValues, node: Node | undefined): number | undefined {
  const v = constOf(values, node ?? null);
  if (!v || v.type !== 'call') return undefined;
  const name = dottedPath(field(v, 'function'))?.at(-1);
  if (name !== 'timedelta') return undefined;
  const units: Record<string, number> = { weeks: 604800, days: 86400, hours: 3600, minutes: 60, seconds: 1 };
  let total = 0;
  const pos = positionalArgs(v);
  if (pos[0]) total += num(pos[0]) * 86400;
  if (pos[1]) total += num(pos[1]);
  for (const [unit, factor] of Object.entries(units)) {
    const arg = keywordArg(v, unit);
    if (arg) total += num(arg) * factor;
  }
  return total;
}

function num(node: Node): number {
  const n = Number(textOf(node).replace(/_/g, ''));
  return Number.isFinite(n) ? n : 0;
}

/** The seconds added to "now" in an `exp` value: `datetime.utcnow() + timedelta(days=30)`. */
function expSeconds(values: PyFileValues, node: Node | undefined): number | undefined {
  let v = constOf(values, node ?? null);
  // unwrap conversions of the datetime: int(dt.strftime('%s')), int(dt.timestamp()), calendar.timegm(dt.utctimetuple())
  for (let i = 0; i < 4 && v?.type === 'call'; i++) {
    const fn = field(v, 'function');
    const name = dottedPath(fn)?.at(-1);
    const inner = name && /^(int|float|round|timegm|mktime)$/.test(name) ? positionalArgs(v)[0]
      : fn?.type === 'attribute' && name && /^(strftime|timestamp|utctimetuple|timetuple)$/.test(name) ? field(fn, 'object') ?? undefined
      : undefined;
    if (!inner) break;
    v = constOf(values, inner);
  }
  if (!v) return undefined;
  if (v.type === 'binary_operator' && textOf(field(v, 'operator')) === '+') {
    return timedeltaSeconds(values, field(v, 'right') ?? undefined) ?? timedeltaSeconds(values, field(v, 'left') ?? undefined);
  }
  return undefined;
}

function isRefreshContext(values: PyFileValues, call: Node): boolean {
  const names = values.enclosingFunctionNames(call);
  const parent = call.parent;
  if (parent?.type === 'assignment') names.push(textOf(field(parent, 'left')) ?? '');
  return names.some((n) => /refresh|remember/i.test(n));
}

/** Does the payload carry an `exp`? true / false, or undefined when it cannot be seen. */
function payloadExp(values: PyFileValues, payload: Node | undefined, at: Node): { has: boolean | undefined; value?: Node } {
  if (!payload) return { has: undefined };
  const name = payload.type === 'identifier' ? textOf(payload) : undefined;
  if (name) {
    const assigned = values.memberAssignsOn(name, at).find((m) => m.prop === 'exp' && m.start < at.startIndex);
    if (assigned) return { has: true, value: assigned.value };
    for (const c of values.methodCallsOn(name, at)) {
      if (c.startIndex > at.startIndex) continue;
      if (textOf(field(field(c, 'function'), 'attribute')) !== 'update') continue;
      const arg = positionalArgs(c)[0];
      const exp = dictGet(values, constOf(values, arg ?? null), 'exp') ?? keywordArg(c, 'exp');
      if (exp) return { has: true, value: exp };
      if (arg && constOf(values, arg)?.type !== 'dictionary') return { has: undefined };
    }
  }
  const dict = constOf(values, payload);
  if (!dict || (dict.type !== 'dictionary' && !(dict.type === 'call' && textOf(field(dict, 'function')) === 'dict'))) return { has: undefined };
  if (dict.type === 'dictionary' && dict.namedChildren.some((c) => c?.type === 'dictionary_splat')) return { has: undefined };
  const exp = dictGet(values, dict, 'exp');
  return exp ? { has: true, value: exp } : { has: false };
}

function jwtCallFact(file: string, values: PyFileValues, call: Node): JwtCallFact | undefined {
  const fn = field(call, 'function');
  if (!fn) return undefined;
  const lib = libraryOf(values, fn);
  if (!lib) return undefined;
  const args = positionalArgs(call);
  const kw = (name: string) => keywordArg(call, name);
  const issues: JwtIssue[] = [];
  const details: string[] = [];
  const add = (issue: JwtIssue, detail: string) => {
    if (!issues.includes(issue)) issues.push(issue);
    details.push(detail);
  };
  const fact = (operation: JwtCallFact['operation']): JwtCallFact => {
    const f: JwtCallFact = { kind: 'jwt-call', library: lib.library, operation, issues, location: callLocation(file, call) };
    if (details.length > 0) f.detail = details.join('; ');
    return f;
  };
  if (lib.library === 'flask-jwt-extended') {
    if (lib.method !== 'create_access_token' && lib.method !== 'create_refresh_token') return undefined;
    const delta = kw('expires_delta');
    if (delta && isFalse(values, delta)) add('no-expiry', 'expires_delta=False');
    else if (lib.method === 'create_access_token') {
      const seconds = timedeltaSeconds(values, delta);
      if (seconds !== undefined && seconds > ONE_DAY_SECONDS) add('long-expiry', `expires_delta of ${Math.round(seconds / 86400)} days`);
    }
    return fact('sign');
  }
  if (lib.method === 'encode') {
    const payload = args[0] ?? kw('payload') ?? kw('claims');
    const key = args[1] ?? kw('key');
    const alg = stringValue(constOf(values, args[2] ?? kw('algorithm')));
    if (alg !== undefined && alg.toLowerCase() === 'none') add('none-algorithm', "algorithm='none'");
    else {
      const hard = hardcodedKey(values, key);
      if (hard) add('hardcoded-key', hard === 'fallback' ? 'literal fallback signing key' : 'literal signing key');
    }
    const exp = payloadExp(values, payload, call);
    if (exp.has === false) add('no-expiry', "payload without 'exp'");
    else if (exp.has && !isRefreshContext(values, call)) {
      const seconds = expSeconds(values, exp.value);
      if (seconds !== undefined && seconds > ONE_DAY_SECONDS) add('long-expiry', `exp ${Math.round(seconds / 86400)} days ahead`);
    }
    return fact('sign');
  }
  if (lib.method === 'decode') {
    const key = args[1] ?? kw('key');
    const algs = stringItems(values, args[2] ?? kw('algorithms'));
    if (algs.some((a) => a.toLowerCase() === 'none')) add('none-algorithm', "algorithms include 'none'");
    const options = constOf(values, kw('options') ?? null);
    if (options && isFalse(values, dictGet(values, options, 'verify_signature'))) add('no-verify', "options verify_signature False");
    if (isFalse(values, kw('verify'))) add('no-verify', 'verify=False');
    if (options && isFalse(values, dictGet(values, options, 'verify_exp'))) add('no-expiry', 'options verify_exp False');
    const hard = key && key.type !== 'none' ? hardcodedKey(values, key) : undefined;
    if (hard) add('hardcoded-key', hard === 'fallback' ? 'literal fallback verification key' : 'literal verification key');
    return fact('decode');
  }
  if (lib.method === 'get_unverified_claims' || lib.method === 'get_unverified_payload') {
    const scope = values.scopeNodeOf(call);
    const verified = values.calls.some((c) => c.id !== call.id && values.scopeNodeOf(c).id === scope.id
      && /(^|\.)(decode|verify)$/.test(values.qualifiedName(field(c, 'function')) ?? ''));
    if (!verified) add('decode-only', 'claims read without verification');
    return fact('decode');
  }
  return undefined;
}

/** JWT_SECRET_KEY = '...', app.config['JWT_ACCESS_TOKEN_EXPIRES'] = False, SIMPLE_JWT = {...}. */
function settingFacts(file: string, values: PyFileValues, assignment: Node): JwtCallFact[] {
  const left = field(assignment, 'left');
  const right = field(assignment, 'right') ?? undefined;
  if (!left || !right) return [];
  let name: string | undefined;
  if (left.type === 'identifier') name = textOf(left);
  else if (left.type === 'subscript') name = stringValue(field(left, 'subscript'));
  else if (left.type === 'attribute') name = textOf(field(left, 'attribute'));
  if (!name) return [];
  const make = (issue: JwtIssue, detail: string, library: string): JwtCallFact =>
    ({ kind: 'jwt-call', library, operation: 'sign', issues: [issue], detail, location: loc(file, assignment) });
  if (name === 'JWT_SECRET_KEY' || name === 'JWT_PRIVATE_KEY') {
    const hard = hardcodedKey(values, right);
    return hard ? [make('hardcoded-key', `${name} is a literal`, 'flask-jwt-extended')] : [];
  }
  if (name === 'JWT_ACCESS_TOKEN_EXPIRES') {
    if (right.type === 'false') return [make('no-expiry', 'JWT_ACCESS_TOKEN_EXPIRES = False', 'flask-jwt-extended')];
    const seconds = timedeltaSeconds(values, right);
    if (seconds !== undefined && seconds > ONE_DAY_SECONDS) return [make('long-expiry', `JWT_ACCESS_TOKEN_EXPIRES of ${Math.round(seconds / 86400)} days`, 'flask-jwt-extended')];
    return [];
  }
  if (name === 'SIMPLE_JWT' && right.type === 'dictionary') {
    const out: JwtCallFact[] = [];
    const key = dictGet(values, right, 'SIGNING_KEY');
    if (key && hardcodedKey(values, key)) out.push(make('hardcoded-key', 'SIMPLE_JWT SIGNING_KEY is a literal', 'djangorestframework-simplejwt'));
    const lifetime = timedeltaSeconds(values, dictGet(values, right, 'ACCESS_TOKEN_LIFETIME'));
    if (lifetime !== undefined && lifetime > ONE_DAY_SECONDS) out.push(make('long-expiry', `ACCESS_TOKEN_LIFETIME of ${Math.round(lifetime / 86400)} days`, 'djangorestframework-simplejwt'));
    const alg = stringValue(dictGet(values, right, 'ALGORITHM'));
    if (alg?.toLowerCase() === 'none') out.push(make('none-algorithm', "SIMPLE_JWT ALGORITHM 'none'", 'djangorestframework-simplejwt'));
    return out;
  }
  return [];
}
