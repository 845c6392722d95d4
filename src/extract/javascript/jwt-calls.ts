// JS/TS JWT calls and what is wrong with them: jsonwebtoken sign / verify / decode, jose
// (SignJWT, jwtVerify, decodeJwt, UnsecuredJWT, v2 JWT / JWK.None), express-jwt / koa-jwt,
// passport-jwt strategies, jwt-simple encode / decode, @nestjs/jwt JwtModule.register.
// Issues: 'none' algorithm, verification disabled, decode without any verify in the same function,
// no expiry, expiry longer than a day (not for refresh tokens), literal signing keys.
import type * as t from '@babel/types';
import type { Fact, JwtCallFact, JwtIssue } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { ONE_DAY_SECONDS, parseDurationSeconds } from '../code-facts-text.js';
import type { Extractor } from '../types.js';
import { loc, memberPath, objectProperty, type Node } from './ast.js';
import { FileValues, unwrap } from './code-values.js';
import { callLocation } from './sql-calls.js';

type Library = 'jsonwebtoken' | 'jose' | 'express-jwt' | 'koa-jwt' | 'passport-jwt' | 'jwt-simple' | '@nestjs/jwt';

export const javascriptJwtCalls: Extractor = {
  id: 'javascript/jwt-calls',
  languages: ['javascript', 'typescript'],
  keywords: ['jwt', 'Jwt', 'JWT', 'jose', 'jsonwebtoken', 'SignJWT', 'jwtVerify', 'decodeJwt'],
  extract(file: ParsedFile): Fact[] {
    if (file.tree.kind !== 'babel') return [];
    const values = FileValues.of(file.tree.ast as unknown as Node);
    const facts: Fact[] = [];
    for (const call of values.calls) {
      const fact = jwtFact(file.path, values, call);
      if (fact) facts.push(fact);
    }
    return facts;
  },
};

interface Target {
  library: Library;
  member: string[];
}

function targetOf(values: FileValues, call: t.CallExpression | t.NewExpression): Target | undefined {
  const path = memberPath(unwrap(call.callee as Node));
  if (!path || path.length === 0) return undefined;
  const imp = values.importOf(path[0]!);
  const member = (imported: string) => (imported === 'default' || imported === '*' ? path.slice(1) : [imported, ...path.slice(1)]);
  if (imp) {
    const source = imp.source;
    if (source === 'jsonwebtoken' || source === 'jose' || source === 'express-jwt' || source === 'koa-jwt' || source === 'passport-jwt'
      || source === 'jwt-simple' || source === '@nestjs/jwt') {
      return { library: source, member: member(imp.imported) };
    }
    return undefined;
  }
  if ((path[0] === 'jwt' || path[0] === 'jsonwebtoken') && path.length === 2) return { library: 'jsonwebtoken', member: path.slice(1) };
  // NestJS JwtService injected as this.jwtService
  if (path.length >= 2 && /^jwtService$/i.test(path.at(-2)!)) return { library: '@nestjs/jwt', member: path.slice(-1) };
  if (path[0] === 'JwtModule') return { library: '@nestjs/jwt', member: path };
  return undefined;
}

/** An object literal, directly or through a local constant. */
function objectOf(values: FileValues, node: Node | undefined, depth = 0): t.ObjectExpression | undefined {
  const n = unwrap(node);
  if (!n || depth > 4) return undefined;
  if (n.type === 'ObjectExpression') return n;
  if (n.type === 'Identifier') {
    const res = values.resolve(n.name, n);
    if (res.kind === 'bindings' && res.bindings.length === 1 && res.bindings[0]!.op === '=') return objectOf(values, res.bindings[0]!.value, depth + 1);
  }
  return undefined;
}

function constValue(values: FileValues, node: Node | undefined, depth = 0): string | number | boolean | undefined {
  const n = unwrap(node);
  if (!n || depth > 4) return undefined;
  if (n.type === 'StringLiteral') return n.value;
  if (n.type === 'NumericLiteral') return n.value;
  if (n.type === 'BooleanLiteral') return n.value;
  if (n.type === 'TemplateLiteral' && n.expressions.length === 0) return n.quasis.map((q) => q.value.cooked ?? '').join('');
  if (n.type === 'BinaryExpression' && n.operator === '*') {
    const a = constValue(values, n.left as Node, depth + 1);
    const b = constValue(values, n.right, depth + 1);
    return typeof a === 'number' && typeof b === 'number' ? a * b : undefined;
  }
  if (n.type === 'Identifier') {
    const res = values.resolve(n.name, n);
    if (res.kind === 'bindings' && res.bindings.length === 1 && res.bindings[0]!.op === '=') return constValue(values, res.bindings[0]!.value, depth + 1);
  }
  return undefined;
}

function stringItems(values: FileValues, node: Node | undefined): string[] {
  const n = unwrap(node);
  if (!n) return [];
  if (n.type === 'ArrayExpression') return n.elements.map((e) => constValue(values, e as Node)).filter((v): v is string => typeof v === 'string');
  const v = constValue(values, n);
  return typeof v === 'string' ? [v] : [];
}

/** A signing / verification key written in the code: a literal, a local constant, or a literal fallback. */
export function hardcodedKey(values: FileValues, node: Node | undefined, depth = 0): 'literal' | 'fallback' | undefined {
  const n = unwrap(node);
  if (!n || depth > 4) return undefined;
  if (n.type === 'StringLiteral') return n.value.length > 0 ? 'literal' : undefined;
  if (n.type === 'TemplateLiteral') return n.expressions.length === 0 && n.quasis.some((q) => (q.value.cooked ?? '').length > 0) ? 'literal' : undefined;
  if (n.type === 'LogicalExpression' && (n.operator === '||' || n.operator === '??')) {
    return hardcodedKey(values, n.right, depth + 1) ? 'fallback' : undefined;
  }
  if (n.type === 'Identifier') {
    const res = values.resolve(n.name, n);
    if (res.kind === 'bindings' && res.bindings.length === 1 && res.bindings[0]!.op === '=') return hardcodedKey(values, res.bindings[0]!.value, depth + 1);
    return undefined;
  }
  if (n.type === 'CallExpression' || n.type === 'NewExpression') {
    // Buffer.from('secret'), new TextEncoder().encode('secret'), createSecretKey(Buffer.from('x'))
    const callee = unwrap(n.callee as Node);
    const name = callee && callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier'
      ? callee.property.name : memberPath(callee)?.at(-1);
    if (name === 'from' || name === 'encode' || name === 'createSecretKey' || name === 'asKey') return hardcodedKey(values, n.arguments[0] as Node, depth + 1) ? 'literal' : undefined;
  }
  return undefined;
}

function isRefreshContext(values: FileValues, call: Node, payload: Node | undefined): boolean {
  const names = [...values.enclosingFunctionNames(call), ...(memberPath(unwrap(payload)) ?? [])];
  const parent = values.parentOf(call);
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') names.push(parent.id.name);
  return names.some((n) => /refresh|remember/i.test(n));
}

/** Payload claims an application checks itself instead of the registered `exp`. */
const CUSTOM_EXPIRY = ['expiresAt', 'expires_at', 'expiry', 'expiration', 'expires', 'validUntil', 'valid_until', 'expireAt', 'expire_at'];

function payloadHasExp(values: FileValues, payload: Node | undefined, at: Node): boolean | undefined {
  const n = unwrap(payload);
  if (!n) return undefined;
  const obj = objectOf(values, n);
  if (obj) {
    if (objectProperty(obj, 'exp')) return true;
    // an application-checked expiry claim (`expiresAt: addHours(now, 24)`): the token does expire
    if (CUSTOM_EXPIRY.some((k) => objectProperty(obj, k))) return true;
    if (obj.properties.some((p) => p.type === 'SpreadElement')) return undefined;
    if (n.type === 'Identifier' && values.memberAssignsOn(n.name, at).some((m) => m.prop === 'exp')) return true;
    return false;
  }
  if (n.type === 'Identifier' && values.memberAssignsOn(n.name, at).some((m) => m.prop === 'exp')) return true;
  return undefined;
}

/** Is there a verify call in the function around `node` (jsonwebtoken verify, jose jwtVerify, ...)? */
const VERIFY_NAMES = new Set(['verify', 'jwtVerify', 'verifyAsync', 'verifyToken', 'verifyJwt']);

/**
 * A verify call in the function around the decode, or (one level up) in a function of the same file
 * that calls it: `getPayload(token)` decodes to find the user, its caller verifies with the user's key.
 */
function verifiedInScope(values: FileValues, node: Node): boolean {
  const hasVerify = (scope: Node) => values.calls.some((c) => values.scopeNodeOf(c) === scope && VERIFY_NAMES.has(memberPath(unwrap(c.callee as Node))?.at(-1) ?? ''));
  const scope = values.scopeNodeOf(node);
  if (hasVerify(scope)) return true;
  const fnName = scope.type === 'Program' ? undefined : values.enclosingFunctionNames(node)[0];
  if (!fnName || VERIFY_NAMES.has(fnName)) return false;
  return values.calls.some((c) => memberPath(unwrap(c.callee as Node))?.at(-1) === fnName && hasVerify(values.scopeNodeOf(c)));
}

function expiresInIssue(values: FileValues, value: Node | undefined, call: Node, payload: Node | undefined): { issue: JwtIssue; detail: string } | undefined {
  const v = constValue(values, value);
  if (v === undefined || typeof v === 'boolean') return undefined;
  const seconds = typeof v === 'number' ? v : parseDurationSeconds(v);
  if (seconds === undefined || seconds <= ONE_DAY_SECONDS || isRefreshContext(values, call, payload)) return undefined;
  return { issue: 'long-expiry', detail: `expiresIn: ${JSON.stringify(v)}` };
}

interface Ctx {
  values: FileValues;
  call: t.CallExpression | t.NewExpression;
  target: Target;
  args: Node[];
  method: string;
  add: (issue: JwtIssue, detail: string) => void;
  fact: (library: string, operation: JwtCallFact['operation']) => JwtCallFact;
}

const LIBRARY_FACTS: Record<Library, (ctx: Ctx) => JwtCallFact | undefined> = {
  jsonwebtoken: (ctx) => jsonwebtokenFact(ctx),
  jose: (ctx) => joseFact(ctx),
  'express-jwt': (ctx) => expressJwtFact(ctx),
  'koa-jwt': (ctx) => expressJwtFact(ctx),
  'passport-jwt': (ctx) => passportJwtFact(ctx),
  'jwt-simple': (ctx) => jwtSimpleFact(ctx),
  '@nestjs/jwt': (ctx) => nestJwtFact(ctx),
};

function jwtFact(file: string, values: FileValues, call: t.CallExpression | t.NewExpression): JwtCallFact | undefined {
  const target = targetOf(values, call);
  if (!target) return undefined;
  const issues: JwtIssue[] = [];
  const details: string[] = [];
  const add = (issue: JwtIssue, detail: string) => {
    if (!issues.includes(issue)) issues.push(issue);
    details.push(detail);
  };
  const location = call.type === 'CallExpression' ? callLocation(file, call) : loc(file, call as Node);
  const fact = (library: string, operation: JwtCallFact['operation']): JwtCallFact => {
    const f: JwtCallFact = { kind: 'jwt-call', library, operation, issues, location };
    if (details.length > 0) f.detail = details.join('; ');
    return f;
  };
  const ctx: Ctx = { values, call, target, args: call.arguments as Node[], method: target.member.at(-1) ?? '', add, fact };
  return LIBRARY_FACTS[target.library](ctx);
}

function jsonwebtokenFact(ctx: Ctx): JwtCallFact | undefined {
  const { values, call, target, args, method, add, fact } = ctx;
  if (target.member.length !== 1) return undefined;
  if (method === 'sign') {
    const [payload, secret, third] = args;
    const options = objectOf(values, third);
    const key = hardcodedKey(values, secret);
    if (key) add('hardcoded-key', key === 'fallback' ? 'literal fallback signing key' : 'literal signing key');
    const alg = constValue(values, objectProperty(options, 'algorithm'));
    if (typeof alg === 'string' && alg.toLowerCase() === 'none') add('none-algorithm', "algorithm: 'none'");
    const optionsOpaque = third && !options && unwrap(third)?.type !== 'ArrowFunctionExpression' && unwrap(third)?.type !== 'FunctionExpression';
    const expiresIn = objectProperty(options, 'expiresIn');
    if (expiresIn) {
      const long = expiresInIssue(values, expiresIn, call, payload);
      if (long) add(long.issue, long.detail);
    } else if (!optionsOpaque) {
      const hasExp = payloadHasExp(values, payload, call);
      const payloadNode = unwrap(payload);
      if (hasExp === false || (hasExp === undefined && payloadNode && payloadNode.type !== 'StringLiteral')) add('no-expiry', 'no expiresIn and no exp claim');
    }
    return fact('jsonwebtoken', 'sign');
  }
  if (method === 'verify') {
    const [, secret, third] = args;
    const options = objectOf(values, third);
    const key = hardcodedKey(values, secret);
    if (key) add('hardcoded-key', key === 'fallback' ? 'literal fallback verification key' : 'literal verification key');
    const algs = stringItems(values, objectProperty(options, 'algorithms'));
    if (algs.some((a) => a.toLowerCase() === 'none')) add('none-algorithm', "algorithms include 'none'");
    if (constValue(values, objectProperty(options, 'ignoreExpiration')) === true) add('no-expiry', 'ignoreExpiration: true');
    return fact('jsonwebtoken', 'verify');
  }
  if (method === 'decode') {
    if (!verifiedInScope(values, call as Node)) add('decode-only', 'decoded without verification');
    return fact('jsonwebtoken', 'decode');
  }
  return undefined;
}

function joseFact(ctx: Ctx): JwtCallFact | undefined {
  const { values, call, target, args, add, fact } = ctx;
  const name = target.member.join('.');
  if (name === 'jwtVerify') {
    const key = hardcodedKey(values, args[1]);
    if (key) add('hardcoded-key', 'literal verification key');
    return fact('jose', 'verify');
  }
  if (name === 'decodeJwt' || name === 'decodeProtectedHeader' || name === 'JWT.decode') {
    if (name === 'decodeProtectedHeader') return undefined;
    if (!verifiedInScope(values, call as Node)) add('decode-only', 'decoded without verification');
    return fact('jose', 'decode');
  }
  if (name === 'UnsecuredJWT' && call.type === 'NewExpression') {
    add('none-algorithm', 'UnsecuredJWT');
    return fact('jose', 'sign');
  }
  if (name === 'SignJWT' && call.type === 'NewExpression') return signJwtChain(values, call, add, fact);
  if (name === 'JWT.verify' || name === 'JWT.sign') {
    const keyPath = memberPath(unwrap(args[1]))?.join('.');
    if (keyPath === 'JWK.None' || keyPath?.endsWith('.None')) add('none-algorithm', 'JWK.None');
    const key = hardcodedKey(values, args[1]);
    if (key) add('hardcoded-key', 'literal key');
    return fact('jose', name === 'JWT.sign' ? 'sign' : 'verify');
  }
  return undefined;
}

function expressJwtFact(ctx: Ctx): JwtCallFact | undefined {
  const { values, target, args, method, add, fact } = ctx;
  if (!(target.member.length === 0 || method === 'expressjwt')) return undefined;
  const options = objectOf(values, args[0]);
  if (!options) return undefined;
  const key = hardcodedKey(values, objectProperty(options, 'secret'));
  if (key) add('hardcoded-key', 'literal secret');
  if (stringItems(values, objectProperty(options, 'algorithms')).some((a) => a.toLowerCase() === 'none')) add('none-algorithm', "algorithms include 'none'");
  return fact(target.library, 'verify');
}

function passportJwtFact(ctx: Ctx): JwtCallFact | undefined {
  const { values, call, args, method, add, fact } = ctx;
  if (method !== 'Strategy' || call.type !== 'NewExpression') return undefined;
  const options = objectOf(values, args[0]);
  if (!options) return undefined;
  const key = hardcodedKey(values, objectProperty(options, 'secretOrKey'));
  if (key) add('hardcoded-key', 'literal secretOrKey');
  if (constValue(values, objectProperty(options, 'ignoreExpiration')) === true) add('no-expiry', 'ignoreExpiration: true');
  if (stringItems(values, objectProperty(options, 'algorithms')).some((a) => a.toLowerCase() === 'none')) add('none-algorithm', "algorithms include 'none'");
  return fact('passport-jwt', 'verify');
}

function jwtSimpleFact(ctx: Ctx): JwtCallFact | undefined {
  const { values, call, args, method, add, fact } = ctx;
  if (method === 'encode') {
    const key = hardcodedKey(values, args[1]);
    if (key) add('hardcoded-key', 'literal signing key');
    if (payloadHasExp(values, args[0], call) === false) add('no-expiry', 'no exp claim');
    return fact('jwt-simple', 'sign');
  }
  if (method === 'decode') {
    const key = hardcodedKey(values, args[1]);
    if (key) add('hardcoded-key', 'literal verification key');
    const noVerify = unwrap(args[2]);
    if (noVerify) {
      const v = constValue(values, noVerify);
      // the third argument is `noVerify`: any truthy value (true, 'HS256', 'false') skips the signature check
      if (v === true || (typeof v === 'string' && v.length > 0) || (typeof v === 'number' && v !== 0)) add('no-verify', `noVerify argument ${JSON.stringify(v)}`);
    }
    return fact('jwt-simple', 'decode');
  }
  return undefined;
}

function nestJwtFact(ctx: Ctx): JwtCallFact | undefined {
  const { values, call, target, args, method, add, fact } = ctx;
  if (target.member[0] === 'JwtModule' && (method === 'register')) {
    const options = objectOf(values, args[0]);
    if (!options) return undefined;
    const key = hardcodedKey(values, objectProperty(options, 'secret') ?? objectProperty(options, 'privateKey'));
    if (key) add('hardcoded-key', 'literal secret');
    const sign = objectOf(values, objectProperty(options, 'signOptions'));
    const expiresIn = objectProperty(sign, 'expiresIn');
    if (!expiresIn) add('no-expiry', 'signOptions without expiresIn');
    else {
      const long = expiresInIssue(values, expiresIn, call as Node, undefined);
      if (long) add(long.issue, long.detail);
    }
    return fact('@nestjs/jwt', 'sign');
  }
  if (method === 'sign' || method === 'signAsync' || method === 'verify' || method === 'verifyAsync') {
    const options = objectOf(values, args[1]);
    const key = hardcodedKey(values, objectProperty(options, 'secret'));
    if (key) add('hardcoded-key', 'literal secret');
    if (method.startsWith('sign')) {
      const long = expiresInIssue(values, objectProperty(options, 'expiresIn'), call as Node, args[0]);
      if (long) add(long.issue, long.detail);
    }
    return fact('@nestjs/jwt', method.startsWith('sign') ? 'sign' : 'verify');
  }
  if (method === 'decode') {
    if (!verifiedInScope(values, call as Node)) add('decode-only', 'decoded without verification');
    return fact('@nestjs/jwt', 'decode');
  }
  return undefined;
}

/** new SignJWT(payload).setProtectedHeader(...).setExpirationTime(...).sign(key) */
function signJwtChain(
  values: FileValues,
  call: t.NewExpression,
  add: (issue: JwtIssue, detail: string) => void,
  fact: (library: string, operation: JwtCallFact['operation']) => JwtCallFact,
): JwtCallFact {
  const methods = new Map<string, t.CallExpression>();
  let top: Node = call;
  for (;;) {
    const parent = values.parentOf(top);
    const grand = parent ? values.parentOf(parent) : undefined;
    if (parent && parent.type === 'MemberExpression' && parent.object === top && grand && grand.type === 'CallExpression' && grand.callee === parent) {
      const name = memberPath(parent.property as Node)?.[0];
      if (name) methods.set(name, grand);
      top = grand;
      continue;
    }
    break;
  }
  const header = objectOf(values, methods.get('setProtectedHeader')?.arguments[0] as Node | undefined);
  const alg = constValue(values, objectProperty(header, 'alg'));
  if (typeof alg === 'string' && alg.toLowerCase() === 'none') add('none-algorithm', "alg: 'none'");
  const sign = methods.get('sign');
  if (sign) {
    const key = hardcodedKey(values, sign.arguments[0] as Node);
    if (key) add('hardcoded-key', 'literal signing key');
  }
  const exp = methods.get('setExpirationTime');
  if (!exp) {
    if (sign && payloadHasExp(values, call.arguments[0] as Node, call) !== true) add('no-expiry', 'no setExpirationTime and no exp claim');
  } else if (typeof constValue(values, exp.arguments[0] as Node) === 'string') {
    // a number is an absolute timestamp, not a duration
    const long = expiresInIssue(values, exp.arguments[0] as Node, call, call.arguments[0] as Node);
    if (long) add(long.issue, long.detail.replace('expiresIn', 'setExpirationTime'));
  }
  return fact('jose', 'sign');
}
