// JVM JWT facts (Java, Kotlin, Scala):
// - jjwt: Jwts.parser()...parse(token) / parseClaimsJwt / parseUnsecuredClaims accept unsigned tokens;
//   setSigningKey / verifyWith / signWith with a literal key; Jwts.builder() without signWith
//   (unsigned) or without setExpiration / expiration.
// - auth0 java-jwt: JWT.decode without a verify in the same method, Algorithm.none(),
//   Algorithm.HMAC256("literal"), JWT.create()...sign(..) without withExpiresAt.
// - Nimbus: PlainJWT / PlainHeader, MACSigner / MACVerifier with a literal secret, JWTParser.parse /
//   SignedJWT.parse without verify().
// - jose4j: setSkipSignatureVerification, AlgorithmConstraints.NO_CONSTRAINTS, AlgorithmIdentifiers.NONE.
// - jwt-scala: Jwt.encode / Jwt.decode with a literal key, JwtOptions(signature = false).
import type { Fact, JwtCallFact, JwtIssue } from '../../../core/facts.js';
import type { LanguageId } from '../../../core/types.js';
import type { ParsedFile } from '../../../languages/types.js';
import { loc } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { callView, receiverChain, receiverName, type CallView, type Lang, type Node } from '../core/expr.js';
import { hardcodedText } from '../core/keys.js';
import { FileValues } from '../core/values.js';

interface ChainLink { view: CallView; node: Node }

/** The calls of a fluent chain from its root to `top`: Jwts.builder().setSubject(..).compact(). */
function chainOf(lang: Lang, top: Node): ChainLink[] {
  const links: ChainLink[] = [];
  let cur: Node | undefined = top;
  for (let i = 0; cur && i < 40; i++) {
    const view = callView(lang, cur);
    if (!view) {
      const e = lang.expr(cur);
      if (e.k === 'wrap') { cur = e.inner; continue; }
      break;
    }
    links.unshift({ view, node: cur });
    cur = view.receiver;
  }
  return links;
}

/** The outermost call of the chain a call belongs to. */
function chainTopOf(lang: Lang, call: Node): Node {
  let top = call;
  for (let i = 0; i < 40; i++) {
    const parent = top.parent;
    const candidates = [parent, parent?.parent];
    const next = candidates.find((n) => n && callView(lang, n)?.receiver?.id === top.id);
    if (!next) break;
    top = next;
  }
  return top;
}

function scopeHasCall(values: FileValues, at: Node, pattern: RegExp): boolean {
  const scope = values.scopeNodeOf(at);
  return values.calls.some((c) => c.startIndex >= scope.startIndex && c.endIndex <= scope.endIndex && pattern.test(callView(values.lang, c)?.method ?? ''));
}

export function jvmJwtExtractor(id: string, language: LanguageId, lang: Lang): Extractor {
  return {
    id,
    languages: [language],
    keywords: ['Jwt', 'JWT', 'jwt', 'Jws', 'MACSigner', 'MACVerifier', 'PlainJWT', 'JwtConsumer', 'AlgorithmIdentifiers'],
    extract(file: ParsedFile): Fact[] {
      if (file.tree.kind !== 'tree-sitter') return [];
      const values = new FileValues(lang, file.tree.tree.rootNode);
      const facts: Fact[] = [];
      const done = new Set<number>();
      for (const call of values.calls) {
        const view = callView(lang, call);
        if (!view) continue;
        const fact = jwtFact(file.path, values, call, view, done);
        if (fact) facts.push(fact);
      }
      return facts;
    },
  };
}

function jwtFact(file: string, values: FileValues, call: Node, view: CallView, done: Set<number>): JwtCallFact | undefined {
  const lang = values.lang;
  const issues: JwtIssue[] = [];
  const details: string[] = [];
  const add = (issue: JwtIssue, detail: string) => { if (!issues.includes(issue)) issues.push(issue); details.push(detail); };
  const make = (library: string, operation: JwtCallFact['operation'], at: Node): JwtCallFact | undefined => {
    if (done.has(at.id)) return undefined;
    done.add(at.id);
    const f: JwtCallFact = { kind: 'jwt-call', library, operation, issues, location: loc(file, at) };
    if (details.length > 0) f.detail = details.join('; ');
    return f;
  };
  const method = view.method;
  const recv = receiverName(lang, view.receiver);
  const chainNames = receiverChain(lang, view.receiver);

  // ---- jjwt
  if (chainNames.includes('Jwts') || recv === 'Jwts') {
    const top = chainTopOf(lang, call);
    if (top.id !== call.id) return undefined; // judge the whole chain once, at its outermost call
    const links = chainOf(lang, top);
    const names = links.map((l) => l.view.method);
    const isParser = names.includes('parser') || names.includes('parserBuilder');
    const isBuilder = names.includes('builder');
    if (isParser) {
      const last = [...names].reverse().find((n) => /^parse/.test(n)) ?? '';
      for (const l of links) {
        if (/^(setSigningKey|verifyWith|decryptWith)$/.test(l.view.method)) {
          const key = l.view.args.at(-1);
          const hard = hardcodedText(values, key);
          if (hard) add('hardcoded-key', 'literal verification key');
        }
      }
      if (/^(parse|parseClaimsJwt|parsePlaintextJwt|parseUnsecuredClaims|parseUnsecuredContent)$/.test(last)) add('none-algorithm', `${last}() accepts unsigned tokens`);
      if (!/^(parse|parse\w+)$/.test(last)) return undefined;
      return make('jjwt', 'verify', top);
    }
    if (isBuilder && /^(compact)$/.test(names.at(-1) ?? '')) {
      const sign = links.find((l) => l.view.method === 'signWith');
      if (!sign) add('none-algorithm', 'builder without signWith');
      else {
        const key = sign.view.args.find((a) => hardcodedText(values, a));
        if (key) add('hardcoded-key', 'literal signing key');
      }
      const hasExp = links.some((l) => /^(setExpiration|expiration)$/.test(l.view.method))
        || links.some((l) => /^(setClaims|claims|addClaims)$/.test(l.view.method) && /exp/i.test(l.node.text.slice(0, 400)))
        || links.some((l) => l.view.method === 'claim' && /"exp"/.test(l.view.args[0]?.text ?? ''));
      const claimsFromVar = links.some((l) => /^(setClaims|claims|addClaims)$/.test(l.view.method));
      if (!hasExp && !claimsFromVar) add('no-expiry', 'no setExpiration');
      return make('jjwt', 'sign', top);
    }
    return undefined;
  }

  // ---- auth0 java-jwt
  if (recv === 'JWT' && method === 'decode') {
    if (!scopeHasCall(values, call, /^verify$/)) add('decode-only', 'JWT.decode without verify');
    return make('java-jwt', 'decode', call);
  }
  if (recv === 'Algorithm' && method === 'none') {
    const inRequire = ancestorCallNamed(lang, call, /^require$/);
    add('none-algorithm', 'Algorithm.none()');
    return make('java-jwt', inRequire ? 'verify' : 'sign', call);
  }
  if (recv === 'Algorithm' && /^HMAC(256|384|512)$/.test(method)) {
    const hard = hardcodedText(values, view.args[0]);
    if (!hard) return undefined;
    add('hardcoded-key', hard === 'fallback' ? 'literal fallback signing key' : 'literal HMAC secret');
    return make('java-jwt', ancestorCallNamed(lang, call, /^require$/) ? 'verify' : 'sign', call);
  }
  if (method === 'sign' && (chainNames.includes('JWT') || chainNames.includes('create'))) {
    const top = chainTopOf(lang, call);
    const links = chainOf(lang, top);
    if (!links.some((l) => l.view.method === 'create')) return undefined;
    if (!links.some((l) => /^(withExpiresAt|withClaim)$/.test(l.view.method) && (l.view.method === 'withExpiresAt' || /"exp"/.test(l.view.args[0]?.text ?? '')))) add('no-expiry', 'no withExpiresAt');
    return issues.length > 0 ? make('java-jwt', 'sign', call) : undefined;
  }

  // ---- Nimbus JOSE+JWT
  if (view.isNew && (method === 'PlainJWT' || method === 'PlainHeader')) {
    add('none-algorithm', `new ${method}`);
    return make('nimbus-jose-jwt', 'sign', call);
  }
  if (view.isNew && (method === 'MACSigner' || method === 'MACVerifier')) {
    const hard = hardcodedText(values, view.args[0]);
    if (!hard) return undefined;
    add('hardcoded-key', hard === 'fallback' ? 'literal fallback secret' : 'literal secret');
    return make('nimbus-jose-jwt', method === 'MACSigner' ? 'sign' : 'verify', call);
  }
  if ((recv === 'JWTParser' || recv === 'SignedJWT') && method === 'parse') {
    if (!scopeHasCall(values, call, /^(verify|process)$/)) add('decode-only', `${recv}.parse without verify`);
    return issues.length > 0 ? make('nimbus-jose-jwt', 'decode', call) : undefined;
  }

  // ---- jose4j
  if (method === 'setSkipSignatureVerification' || method === 'setDisableRequireSignature') {
    add('no-verify', method);
    return make('jose4j', 'verify', call);
  }
  if (method === 'setAlgorithmConstraints' && /NO_CONSTRAINTS/.test(view.args[0]?.text ?? '')) {
    add('none-algorithm', 'AlgorithmConstraints.NO_CONSTRAINTS');
    return make('jose4j', 'verify', call);
  }
  if (method === 'setAlgorithmHeaderValue' && /\bNONE\b|"none"/.test(view.args[0]?.text ?? '')) {
    add('none-algorithm', 'alg none');
    return make('jose4j', 'sign', call);
  }

  // ---- jwt-scala
  if (/^Jwt(Json|Circe|PlayJson|Json4s|Spray|Upickle|Argonaut|ZIOJson)?$/.test(recv) && /^(encode|decode|decodeRaw|decodeAll|decodeJson|decodeJsObject|validate|isValid)$/.test(method)) {
    const operation = method === 'encode' ? 'sign' : method === 'validate' || method === 'isValid' ? 'verify' : 'decode';
    const keyIndex = method === 'encode' ? (view.args.length >= 3 ? 1 : -1) : 1;
    const key = keyIndex >= 0 ? view.args[keyIndex] : undefined;
    const hard = key ? hardcodedText(values, key) : undefined;
    if (hard) add('hardcoded-key', hard === 'fallback' ? 'literal fallback key' : 'literal key');
    if (view.args.some((a) => /signature\s*=\s*false/.test(a.text)) || [...view.named.values()].some((a) => /signature\s*=\s*false/.test(a.text))) add('no-verify', 'JwtOptions(signature = false)');
    if (operation !== 'sign' && view.args.length === 1 && /^decode/.test(method)) add('decode-only', `${recv}.${method} without a key`);
    if (view.args.some((a) => /JwtAlgorithm\.none|JwtUnkwownAlgorithm/.test(a.text))) add('none-algorithm', 'JwtAlgorithm none');
    return issues.length > 0 ? make('jwt-scala', operation, call) : undefined;
  }
  return undefined;
}

function ancestorCallNamed(lang: Lang, node: Node, name: RegExp): boolean {
  for (let cur = node.parent; cur; cur = cur.parent) {
    const v = callView(lang, cur);
    if (v && name.test(v.method)) return true;
    if (/statement|declaration|definition/.test(cur.type)) return false;
  }
  return false;
}
