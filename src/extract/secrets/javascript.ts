// Hardcoded secrets in JS/TS: credential formats in any string literal, literals held by
// secret-named variables / properties / parameters, env lookups with a literal fallback, and
// constants passed where a signing, HMAC, cipher, cookie or session key is expected.
import type * as t from '@babel/types';
import type { SecretCandidateFact } from '../../core/facts.js';
import type { Location } from '../../core/types.js';
import type { ParsedFile } from '../../languages/types.js';
import { calleeName, loc, memberPath, stringValue, walk, type Node } from '../javascript/ast.js';
import type { Extractor } from '../types.js';
import { classifySecret, type SecretClass, type SecretContext } from './classify.js';
import {
  constantString, envFallback, indexFile, propertyKeyName, resolveReference, unwrapTs, unwrapValueWrapper, type FileIndex,
} from './js-values.js';
import { secretNameStrength } from './names.js';
import { matchProvider } from './providers.js';
import { redactSecret } from './redact.js';
import { isTestOrExample } from './test-path.js';

/** Option names that carry key material in session / JWT / OAuth strategy options. */
const KEY_OPTIONS = ['secret', 'secretOrKey', 'secretOrPrivateKey', 'privateKey', 'clientSecret', 'consumerSecret', 'key', 'keys'];

/** Libraries whose factory / constructor takes an options object with key material. */
const OPTION_SINK_SOURCES = /^(express-session|cookie-session|express-jwt|koa-jwt|koa-session|@fastify\/jwt|@fastify\/session|@fastify\/secure-session|@fastify\/cookie|passport-.+|hono\/jwt|jwks-rsa)$/;

interface KeyArgSink {
  /** Argument index of the key. */
  index: number;
  what: string;
}

/** Calls that take a key as a positional argument. */
function keyArgSink(call: t.CallExpression | t.NewExpression, index: FileIndex): KeyArgSink | undefined {
  const name = calleeName(call);
  const path = memberPath(unwrapTs(call.callee as Node));
  const root = path?.[0];
  const imported = root ? index.imports.get(root) : undefined;
  const source = imported?.source ?? '';
  const last = path?.[path.length - 1] ?? '';
  const jwtLike = /^(jsonwebtoken|jws|jsrsasign)$/.test(source) || (path?.length === 2 && !imported?.source.startsWith('.') && /^(jwt|jsonwebtoken|jws)$/i.test(root ?? ''));
  if (jwtLike && (last === 'sign' || last === 'verify')) return { index: 1, what: `${name}()` };
  if (source === 'jwt-simple' && (last === 'encode' || last === 'decode')) return { index: 1, what: `${name}()` };
  // jose: JWT.sign(payload, key), jose.JWT.verify(token, key), jwtVerify(token, key), JWK.asKey(key), new SignJWT(p).sign(key)
  if (path && path.length >= 2 && path.includes('JWT') && (last === 'sign' || last === 'verify')) return { index: 1, what: `${name}()` };
  if (imported?.source === 'jose' && (last === 'jwtVerify' || last === 'compactVerify')) return { index: 1, what: `${name}()` };
  if (path && path.length >= 2 && path[path.length - 2] === 'JWK' && (last === 'asKey' || last === 'import')) return { index: 0, what: `${name}()` };
  if (!path && call.callee.type === 'MemberExpression' && call.callee.property.type === 'Identifier' && call.callee.property.name === 'sign' && isSignJwtChain(call.callee.object as Node)) {
    return { index: 0, what: 'SignJWT.sign()' };
  }
  if (last === 'createHmac' || last === 'createCipheriv' || last === 'createDecipheriv' || last === 'createCipher' || last === 'createDecipher') {
    return { index: 1, what: `${name}()` };
  }
  if (/^Hmac(SHA|MD5)/.test(last) || (path && path.length >= 2 && ['AES', 'DES', 'TripleDES', 'Rabbit', 'RC4'].includes(path[path.length - 2]!) && (last === 'encrypt' || last === 'decrypt'))) {
    return { index: 1, what: `${name}()` };
  }
  if (source === 'cookie-parser' || (path?.length === 1 && root === 'cookieParser')) return { index: 0, what: `${name}()` };
  return undefined;
}

/** `new SignJWT(payload).setProtectedHeader(...)...` */
function isSignJwtChain(node: Node): boolean {
  let cur: Node | undefined = node;
  for (let i = 0; i < 12 && cur; i++) {
    if (cur.type === 'NewExpression') return memberPath(cur.callee as Node)?.pop() === 'SignJWT';
    if (cur.type === 'CallExpression' && cur.callee.type === 'MemberExpression') cur = cur.callee.object as Node;
    else return false;
  }
  return false;
}

function isOptionSink(call: t.CallExpression | t.NewExpression, index: FileIndex): boolean {
  const path = memberPath(unwrapTs(call.callee as Node));
  if (!path) return false;
  const imported = index.imports.get(path[0]!);
  if (imported && OPTION_SINK_SOURCES.test(imported.source)) return true;
  return call.type === 'NewExpression' && /Strategy$/.test(path[path.length - 1]!);
}

/** `undefined`, `null`, booleans, numbers and constant strings. */
function isConstant(node: Node | null | undefined): boolean {
  const n = unwrapTs(node);
  if (!n) return false;
  if (n.type === 'Identifier') return n.name === 'undefined';
  return n.type === 'NullLiteral' || n.type === 'BooleanLiteral' || n.type === 'NumericLiteral' || stringValue(n) !== undefined;
}

const GENERIC_DETECTORS = new Set(['secret-assignment', 'secret-reference', 'hardcoded-key', 'env-fallback']);

export function extractJavaScriptSecrets(file: ParsedFile): SecretCandidateFact[] {
  if (file.tree.kind !== 'babel') return [];
  const ast = file.tree.ast;
  const index = indexFile(ast);
  const isTest = isTestOrExample(file.path);
  const facts: SecretCandidateFact[] = [];
  const consumed = new Set<Node>();
  const seen = new Set<string>();

  const emit = (cls: SecretClass, value: string, at: Node, name: string | undefined, detector = cls.detector) => {
    // Short or low-entropy literals in test code are test data, not leaked credentials.
    if (isTest && cls.confidence === 'low' && GENERIC_DETECTORS.has(detector)) return;
    const location: Location = loc(file.path, at);
    const key = `${location.startLine}:${location.startColumn}:${detector}`;
    if (seen.has(key)) return;
    seen.add(key);
    const fact: SecretCandidateFact = {
      kind: 'secret-candidate', detector, redacted: redactSecret(value), confidence: cls.confidence, isTestOrExample: isTest, location,
    };
    if (name) fact.name = name;
    facts.push(fact);
  };

  /** A value held by a slot called `name` (variable, property, assignment target, parameter). */
  const checkSlot = (name: string | undefined, valueNode: Node | null | undefined, ancestors: readonly Node[], context: SecretContext = 'assignment') => {
    const value = unwrapValueWrapper(unwrapTs(valueNode));
    if (!value) return;
    // `process.env.X ? undefined : 'X is not set'`, `cond ? 'a' : 'b'`: when the set branch is itself a
    // constant, neither branch is X's fallback; each is simply a value of this slot.
    if (value.type === 'ConditionalExpression' && isConstant(value.consequent)) {
      checkSlot(name, value.consequent, ancestors, context);
      checkSlot(name, value.alternate, ancestors, context);
      return;
    }
    const fallback = envFallback(value);
    if (fallback) {
      const literal = stringValue(fallback.fallback)!;
      consumed.add(fallback.fallback);
      const envName = secretNameStrength(fallback.env) ? fallback.env : name;
      const cls = classifySecret(literal, envName, 'fallback')
        ?? (context === 'key-argument' ? classifySecret(literal, undefined, 'key-argument') : undefined);
      if (cls) emit(cls.detector === 'hardcoded-key' ? { ...cls, detector: 'env-fallback' } : cls, literal, fallback.fallback, envName ?? name);
      return;
    }
    const direct = stringValue(value);
    if (direct !== undefined) {
      consumed.add(value);
      const cls = classifySecret(direct, name, context);
      if (cls) emit(cls, direct, value, name);
      return;
    }
    // A reference to a constant, into a key-material slot or a key argument: report where it is used.
    if (context === 'key-argument' || secretNameStrength(name) === 'strong') {
      const constant = constantString(value, index, ancestors);
      if (!constant || !constant.viaReference) return;
      const cls = classifySecret(constant.value, name, context);
      if (cls) emit(cls, constant.value, value, name ?? memberPath(value)?.join('.'), 'secret-reference');
    }
  };

  /** `session(config)`, `new JwtStrategy(this.options)`: key options inside a referenced object literal. */
  const checkReferencedOptions = (arg: Node, ancestors: readonly Node[]) => {
    const target = resolveReference(arg, index, ancestors);
    if (!target || target.type !== 'ObjectExpression') return;
    for (const prop of target.properties) {
      if (prop.type !== 'ObjectProperty') continue;
      const key = propertyKeyName(prop);
      if (!key || !KEY_OPTIONS.includes(key)) continue;
      const constant = constantString(prop.value as Node, index, ancestors);
      if (!constant || !constant.viaReference) continue;
      const cls = classifySecret(constant.value, key === 'key' || key === 'keys' ? 'secret' : key);
      if (cls) emit(cls, constant.value, arg, key, 'secret-reference');
    }
  };

  walk(ast.program, (node, ancestors) => {
    const parent = ancestors[ancestors.length - 1];
    switch (node.type) {
      case 'VariableDeclarator':
        if (node.id.type === 'Identifier') checkSlot(node.id.name, node.init, ancestors);
        break;
      case 'ObjectProperty': {
        if (parent?.type === 'ObjectPattern') break;
        const key = propertyKeyName(node);
        if (key) checkSlot(key, node.value as Node, ancestors);
        break;
      }
      case 'ClassProperty':
      case 'ClassPrivateProperty': {
        const key = propertyKeyName(node);
        if (key) checkSlot(key, node.value, ancestors);
        break;
      }
      case 'AssignmentExpression': {
        if (node.operator !== '=' && node.operator !== '||=' && node.operator !== '??=') break;
        const path = memberPath(node.left as Node);
        if (path) checkSlot(path[path.length - 1], node.right, ancestors);
        break;
      }
      case 'AssignmentPattern':
        if (node.left.type === 'Identifier') checkSlot(node.left.name, node.right, ancestors);
        break;
      case 'CallExpression':
      case 'NewExpression': {
        const sink = keyArgSink(node, index);
        if (sink) {
          const arg = node.arguments[sink.index];
          if (arg && arg.type !== 'SpreadElement' && arg.type !== 'ArgumentPlaceholder') checkSlot(undefined, arg as Node, ancestors, 'key-argument');
        }
        if (isOptionSink(node, index)) {
          for (const arg of node.arguments) if (arg.type !== 'ObjectExpression' && arg.type !== 'SpreadElement') checkReferencedOptions(arg as Node, ancestors);
        }
        break;
      }
      default:
        break;
    }
    return undefined;
  });

  // Known credential formats anywhere else: any literal or template text not judged above.
  walk(ast.program, (node) => {
    if (consumed.has(node)) return;
    let text: string | undefined;
    if (node.type === 'StringLiteral') text = node.value;
    else if (node.type === 'TemplateLiteral') text = node.quasis.map((q) => q.value.cooked ?? q.value.raw).join('${x}');
    if (text === undefined || text.length < 8) return;
    const match = matchProvider(text);
    if (!match) return;
    const cls = classifySecret(text);
    if (cls) emit(cls, match.match, node, undefined);
  });

  return facts;
}

export const javascriptSecrets: Extractor = {
  id: 'secrets/javascript',
  languages: ['javascript', 'typescript'],
  extract: extractJavaScriptSecrets,
};
