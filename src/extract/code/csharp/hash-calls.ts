// C# hashing calls: MD5 / SHA1 / SHA256 / SHA384 / SHA512 .Create() / .HashData() / *CryptoServiceProvider /
// *Managed, HashAlgorithm.Create("MD5"), HMACMD5 / HMACSHA1 / HMACSHA256, Rfc2898DeriveBytes (constructor and
// Pbkdf2), KeyDerivation.Pbkdf2, ASP.NET Identity PasswordHasher (PBKDF2) and PasswordHasherOptions.IterationCount,
// BCrypt.Net HashPassword / EnhancedHashPassword / Verify, Konscious Argon2id / Argon2i with their settings.
import type { HashAlgorithm } from '../../../core/facts.js';
import { normaliseDigestName } from '../../code-facts-text.js';
import { constNumber, constString } from '../core/const-eval.js';
import { receiverName, type CallView, type Node } from '../core/expr.js';
import { digestAlgorithm, hashExtractor, withVariant, type HashMatch, type HashParams } from '../core/hash-extractor.js';
import type { FileValues } from '../core/values.js';
import { csharpLang, named } from './lang.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

const DIGEST_TYPES: Record<string, HashAlgorithm> = { MD5: 'md5', SHA1: 'sha1', SHA256: 'sha256', SHA384: 'sha512', SHA512: 'sha512' };

function digestType(name: string): { algorithm: HashAlgorithm; variant?: string } | undefined {
  const m = /^(MD5|SHA1|SHA256|SHA384|SHA512|RIPEMD160|MD4)(CryptoServiceProvider|Managed|Cng)?$/.exec(name);
  if (!m) return undefined;
  if (m[1] === 'SHA384') return { algorithm: 'sha512', variant: 'sha384' };
  if (m[1] === 'RIPEMD160' || m[1] === 'MD4') return { algorithm: 'unknown', variant: m[1].toLowerCase() };
  return { algorithm: DIGEST_TYPES[m[1]!]! };
}

/** Values set in an object initializer: `new Argon2id(pw) { Iterations = 4, MemorySize = 65536 }`. */
function initializerValues(values: FileValues, view: CallView): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of named(view.trailing)) {
    if (a.type !== 'assignment_expression') continue;
    const n = constNumber(values, fieldOf(a, 'right'));
    const key = fieldOf(a, 'left')?.text;
    if (key && n !== undefined) out.set(key, n);
  }
  return out;
}

function hashName(node: Node | undefined): string | undefined {
  const m = node ? /(MD5|SHA1|SHA256|SHA384|SHA512)/i.exec(node.text) : null;
  return m ? normaliseDigestName(m[1]!) : undefined;
}

function match(view: CallView, call: Node, values: FileValues): HashMatch | undefined {
  const recv = receiverName(csharpLang, view.receiver);
  const method = view.method;
  if (view.isNew) {
    const d = digestType(method);
    if (d) return { algorithm: d.algorithm, library: 'System.Security.Cryptography', params: withVariant({}, d.variant) };
    const hmac = /^HMAC(MD5|SHA1|SHA256|SHA384|SHA512)$/.exec(method);
    if (hmac) return { algorithm: 'hmac', library: 'System.Security.Cryptography', params: { variant: normaliseDigestName(hmac[1]!) } };
    if (method === 'Rfc2898DeriveBytes') {
      const params: HashParams = {};
      const it = constNumber(values, view.named.get('iterations') ?? view.args[2]);
      params.iterations = it ?? 1000;
      params.variant = hashName(view.named.get('hashAlgorithm') ?? view.args[3]) ?? 'sha1';
      return { algorithm: 'pbkdf2', library: 'System.Security.Cryptography', kdf: true, params, data: view.args.slice(0, 1) };
    }
    // ASP.NET Core Identity's PasswordHasher<TUser> (PBKDF2); a non-generic PasswordHasher is an application class
    if (method === 'PasswordHasher' && view.nameNode?.type === 'generic_name') return { algorithm: 'pbkdf2', library: 'aspnetcore-identity', passwordLibrary: true };
    if (method === 'Argon2id' || method === 'Argon2i' || method === 'Argon2d') {
      const init = initializerValues(values, view);
      const params: HashParams = { variant: method.toLowerCase() };
      if (init.has('Iterations')) params.iterations = init.get('Iterations');
      if (init.has('MemorySize')) params.memoryKiB = init.get('MemorySize');
      if (init.has('DegreeOfParallelism')) params.parallelism = init.get('DegreeOfParallelism');
      return { algorithm: 'argon2', library: 'konscious', passwordLibrary: true, params };
    }
    return undefined;
  }
  const d = digestType(recv);
  if (d && (method === 'Create' || method === 'HashData' || method === 'HashDataAsync' || method === 'ComputeHash')) {
    return { algorithm: d.algorithm, library: 'System.Security.Cryptography', params: withVariant({}, d.variant), data: method === 'HashData' ? view.args.slice(0, 1) : [] };
  }
  if (recv === 'HashAlgorithm' && method === 'Create') {
    const da = digestAlgorithm(constString(values, view.args[0]));
    return { algorithm: da.algorithm, library: 'System.Security.Cryptography', params: withVariant({}, da.variant) };
  }
  if ((recv === 'Rfc2898DeriveBytes' && method === 'Pbkdf2') || (recv === 'KeyDerivation' && method === 'Pbkdf2')) {
    const params: HashParams = {};
    const it = constNumber(values, view.named.get('iterations') ?? view.named.get('iterationCount') ?? view.args[recv === 'KeyDerivation' ? 3 : 2]);
    if (it !== undefined) params.iterations = it;
    const variant = hashName(view.named.get('hashAlgorithm') ?? view.named.get('prf') ?? view.args[recv === 'KeyDerivation' ? 2 : 3]);
    if (variant) params.variant = variant;
    return { algorithm: 'pbkdf2', library: recv === 'KeyDerivation' ? 'aspnetcore-dataprotection' : 'System.Security.Cryptography', kdf: true, params, data: view.args.slice(0, 1) };
  }
  if (recv === 'BCrypt' && /^(HashPassword|EnhancedHashPassword|HashString)$/.test(method)) {
    const cost = constNumber(values, view.named.get('workFactor') ?? view.args.slice(1).find((a) => constNumber(values, a) !== undefined));
    return { algorithm: 'bcrypt', library: 'BCrypt.Net', passwordLibrary: true, params: { cost: cost ?? 11 }, data: view.args.slice(0, 1) };
  }
  if (recv === 'BCrypt' && /^(Verify|EnhancedVerify)$/.test(method)) return { algorithm: 'bcrypt', library: 'BCrypt.Net', passwordLibrary: true, isVerify: true };
  if (recv === 'PasswordHash' && /^ArgonHashString/.test(method)) return { algorithm: 'argon2', library: 'libsodium-net', passwordLibrary: true, params: { variant: 'argon2id' } };
  void call;
  return undefined;
}

export const csharpHashCalls = hashExtractor({
  id: 'csharp/hash-calls',
  language: 'csharp',
  lang: csharpLang,
  keywords: ['MD5', 'SHA1', 'SHA256', 'SHA512', 'SHA384', 'HMAC', 'Rfc2898DeriveBytes', 'Pbkdf2', 'PasswordHasher', 'BCrypt', 'Argon2', 'HashAlgorithm', 'ArgonHashString'],
  match,
});
