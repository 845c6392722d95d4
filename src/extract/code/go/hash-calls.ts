// Go hashing calls: crypto/md5, crypto/sha1, crypto/sha256, crypto/sha512 (Sum* / New), crypto/hmac,
// golang.org/x/crypto bcrypt (GenerateFromPassword cost, CompareHashAndPassword), argon2 (IDKey /
// Key with time, memory, threads), scrypt.Key (N, r, p) and pbkdf2.Key (iterations, hash).
import type { HashAlgorithm } from '../../../core/facts.js';
import { constNumber } from '../core/const-eval.js';
import type { CallView, Node } from '../core/expr.js';
import { hashExtractor, type HashMatch, type HashParams } from '../core/hash-extractor.js';
import type { FileValues } from '../core/values.js';
import { goImports } from './imports.js';
import { goLang } from './lang.js';

const DIGESTS: Record<string, HashAlgorithm> = { 'crypto/md5': 'md5', 'crypto/sha1': 'sha1', 'crypto/sha256': 'sha256', 'crypto/sha512': 'sha512' };
const COSTS: Record<string, number> = { DefaultCost: 10, MinCost: 4, MaxCost: 31 };

/** Import path of a package-qualified call (`md5.Sum` -> 'crypto/md5'). */
export function packageOf(imports: ReadonlyMap<string, string>, view: CallView): string | undefined {
  if (!view.path || view.path.length !== 2) return undefined;
  return imports.get(view.path[0]!);
}

function hashFuncVariant(values: FileValues, node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const text = node.text;
  const m = /(md5|sha1|sha256|sha512|sha3)\.(New\w*|Sum\w*)/.exec(text);
  if (!m) return undefined;
  const suffix = /New(\d+)/.exec(m[2]!)?.[1];
  void values;
  return m[1] === 'sha512' && suffix === '384' ? 'sha384' : m[1] === 'sha256' && suffix === '224' ? 'sha224' : m[1];
}

function match(view: CallView, _call: Node, values: FileValues, imports: ReadonlyMap<string, string>): HashMatch | undefined {
  const pkg = packageOf(imports, view);
  if (!pkg) return undefined;
  const method = view.method;
  const args = view.args;
  const num = (i: number) => constNumber(values, args[i]);
  const digest = DIGESTS[pkg];
  if (digest && /^(Sum|Sum\d+|New|New\d+|Sum512_256|New512_256)$/.test(method)) {
    const params: HashParams = {};
    if (/224$/.test(method)) params.variant = 'sha224';
    if (/384$/.test(method)) params.variant = 'sha384';
    return { algorithm: digest, library: pkg, params, data: method.startsWith('Sum') ? args.slice(0, 1) : [] };
  }
  if (pkg === 'crypto/hmac' && method === 'New') {
    return { algorithm: 'hmac', library: pkg, params: { variant: hashFuncVariant(values, args[0]) ?? 'unknown' }, data: [] };
  }
  if (pkg === 'golang.org/x/crypto/bcrypt') {
    if (method === 'GenerateFromPassword') {
      const costNode = args[1];
      const member = costNode ? goLang.expr(costNode) : undefined;
      const cost = num(1) ?? (member?.k === 'member' ? COSTS[member.name] : undefined);
      return { algorithm: 'bcrypt', library: 'x/crypto/bcrypt', passwordLibrary: true, params: cost !== undefined ? { cost } : {}, data: args.slice(0, 1) };
    }
    if (method === 'CompareHashAndPassword') return { algorithm: 'bcrypt', library: 'x/crypto/bcrypt', passwordLibrary: true, isVerify: true };
    return undefined;
  }
  if (pkg === 'golang.org/x/crypto/argon2' && (method === 'IDKey' || method === 'Key')) {
    const params: HashParams = { variant: method === 'IDKey' ? 'argon2id' : 'argon2i' };
    const [t, m, p] = [num(2), num(3), num(4)];
    if (t !== undefined) params.iterations = t;
    if (m !== undefined) params.memoryKiB = m;
    if (p !== undefined) params.parallelism = p;
    return { algorithm: 'argon2', library: 'x/crypto/argon2', passwordLibrary: true, params, data: args.slice(0, 1) };
  }
  if (pkg === 'golang.org/x/crypto/scrypt' && method === 'Key') {
    const params: HashParams = {};
    const [n, p] = [num(2), num(4)];
    if (n !== undefined) params.cost = n;
    if (p !== undefined) params.parallelism = p;
    return { algorithm: 'scrypt', library: 'x/crypto/scrypt', kdf: true, params, data: args.slice(0, 1) };
  }
  if ((pkg === 'golang.org/x/crypto/pbkdf2' || pkg === 'crypto/pbkdf2') && method === 'Key') {
    const params: HashParams = {};
    const std = pkg === 'crypto/pbkdf2';
    const it = num(std ? 3 : 2);
    if (it !== undefined) params.iterations = it;
    const variant = hashFuncVariant(values, std ? args[0] : args[4]);
    if (variant) params.variant = variant;
    return { algorithm: 'pbkdf2', library: pkg.replace('golang.org/', ''), kdf: true, params, data: args.slice(std ? 1 : 0, std ? 2 : 1) };
  }
  return undefined;
}

export const goHashCalls = hashExtractor({
  id: 'go/hash-calls',
  language: 'go',
  lang: goLang,
  keywords: ['crypto/', 'x/crypto'],
  match,
  imports: goImports,
});
