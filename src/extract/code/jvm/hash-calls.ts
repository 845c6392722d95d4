// JVM hashing calls (Java, Kotlin, Scala): MessageDigest.getInstance, Mac.getInstance, commons-codec
// DigestUtils, Spring DigestUtils, Guava Hashing, SecretKeyFactory PBKDF2 with PBEKeySpec, Spring
// Security PasswordEncoders (BCrypt, Argon2, Pbkdf2, SCrypt, NoOp, MessageDigest, Standard, LdapSha,
// Md4, Md5, Sha), DelegatingPasswordEncoder, jBCrypt / favre BCrypt, Bouncy Castle digests.
import type { HashAlgorithm } from '../../../core/facts.js';
import { normaliseDigestName } from '../../code-facts-text.js';
import { constNumber, constString } from '../core/const-eval.js';
import type { CallView, Node } from '../core/expr.js';
import { receiverName } from '../core/expr.js';
import { digestAlgorithm, withVariant, type HashMatch, type HashParams } from '../core/hash-extractor.js';
import type { FileValues } from '../core/values.js';

const DIGEST_UTILS: Record<string, string> = {
  md2: 'md2', md2Hex: 'md2', md5: 'md5', md5Hex: 'md5', sha: 'sha1', shaHex: 'sha1', sha1: 'sha1', sha1Hex: 'sha1', sha256: 'sha256', sha256Hex: 'sha256',
  sha384: 'sha384', sha384Hex: 'sha384', sha512: 'sha512', sha512Hex: 'sha512', getMd2Digest: 'md2', getMd5Digest: 'md5', getShaDigest: 'sha1', getSha1Digest: 'sha1',
  getSha256Digest: 'sha256', getSha384Digest: 'sha384', getSha512Digest: 'sha512', md5DigestAsHex: 'md5', md5Digest: 'md5', appendMd5DigestAsHex: 'md5',
  sha3_256: 'sha3256', sha3_256Hex: 'sha3256', sha3_512Hex: 'sha3512',
};
const GUAVA: Record<string, string> = { md5: 'md5', sha1: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' };
const BC_DIGESTS: Record<string, string> = { MD5Digest: 'md5', MD4Digest: 'md4', MD2Digest: 'md2', SHA1Digest: 'sha1', SHA256Digest: 'sha256', SHA512Digest: 'sha512', RIPEMD160Digest: 'ripemd160' };

function last2(view: CallView): string {
  return view.path?.slice(-2).join('.') ?? view.method;
}

function digestMatch(name: string | undefined, library: string, data: Node[]): HashMatch {
  const d = digestAlgorithm(name);
  return { algorithm: d.algorithm, library, params: withVariant({}, d.variant), data };
}

function hmacAlgorithm(name: string): { algorithm: HashAlgorithm; variant?: string } {
  const n = normaliseDigestName(name.replace(/^hmac/i, ''));
  return { algorithm: 'hmac', variant: n };
}

/** PBKDF2 iteration count from a `new PBEKeySpec(password, salt, iterations, keyLength)` in the same function. */
function pbeIterations(values: FileValues, call: Node): number | undefined {
  const scope = values.scopeNodeOf(call);
  for (const c of values.calls) {
    if (c.startIndex < scope.startIndex || c.endIndex > scope.endIndex) continue;
    const e = values.lang.expr(c);
    if (e.k === 'call' && (e.method === 'PBEKeySpec' || e.method === 'PBEParameterSpec') && (e.isNew || values.lang.id !== 'java')) {
      const it = constNumber(values, e.method === 'PBEKeySpec' ? e.args[2] : e.args[1]);
      if (it !== undefined) return it;
    }
  }
  return undefined;
}

function encoder(view: CallView, values: FileValues): HashMatch | undefined {
  const n = (i: number) => constNumber(values, view.args[i]);
  const library = 'spring-security';
  const isFactory = /^defaultsForSpringSecurity_v(\d+)_(\d+)$/.exec(view.method);
  const type = isFactory ? receiverName(values.lang, view.receiver) : view.method;
  switch (type) {
    case 'BCryptPasswordEncoder': {
      const params: HashParams = {};
      const cost = view.args.map((_, i) => n(i)).find((x) => x !== undefined);
      params.cost = cost ?? 10;
      return { algorithm: 'bcrypt', library, passwordLibrary: true, params };
    }
    case 'Argon2PasswordEncoder': {
      const params: HashParams = { variant: 'argon2id' };
      if (isFactory) {
        const old = isFactory[1] === '5' && Number(isFactory[2]) < 8;
        params.memoryKiB = old ? 4096 : 16384;
        params.iterations = old ? 3 : 2;
        params.parallelism = 1;
      } else if (view.args.length >= 5) {
        const [p, m, t] = [n(2), n(3), n(4)];
        if (p !== undefined) params.parallelism = p;
        if (m !== undefined) params.memoryKiB = m;
        if (t !== undefined) params.iterations = t;
      }
      return { algorithm: 'argon2', library, passwordLibrary: true, params };
    }
    case 'Pbkdf2PasswordEncoder': {
      const params: HashParams = {};
      if (isFactory) {
        const old = isFactory[1] === '5' && Number(isFactory[2]) < 8;
        params.iterations = old ? 185000 : 310000;
        params.variant = old ? 'sha1' : 'sha256';
      } else {
        const it = view.args.length >= 3 ? n(2) : view.args.length === 2 ? n(1) : undefined;
        params.iterations = it ?? 185000;
        const alg = view.args.find((a) => /PBKDF2WithHmacSHA(1|256|512)/.test(a.text))?.text.match(/SHA(1|256|512)/)?.[0];
        params.variant = alg ? alg.toLowerCase() : 'sha1';
      }
      return { algorithm: 'pbkdf2', library, passwordLibrary: true, params };
    }
    case 'SCryptPasswordEncoder': {
      const params: HashParams = {};
      if (isFactory) {
        params.cost = isFactory[1] === '5' && Number(isFactory[2]) < 8 ? 16384 : 65536;
      } else {
        const cpu = n(0);
        params.cost = cpu ?? 16384;
        const p = n(2);
        if (p !== undefined) params.parallelism = p;
      }
      return { algorithm: 'scrypt', library, passwordLibrary: true, params };
    }
    case 'NoOpPasswordEncoder': return { algorithm: 'plaintext', library, passwordLibrary: true };
    case 'MessageDigestPasswordEncoder': {
      const d = digestAlgorithm(constString(values, view.args[0]));
      return { algorithm: d.algorithm, library, passwordLibrary: true, params: withVariant({}, d.variant) };
    }
    case 'StandardPasswordEncoder': return { algorithm: 'sha256', library, passwordLibrary: true };
    case 'LdapShaPasswordEncoder': return { algorithm: 'sha1', library, passwordLibrary: true };
    case 'Md4PasswordEncoder': return { algorithm: 'unknown', library, passwordLibrary: true, params: { variant: 'md4' } };
    case 'Md5PasswordEncoder': return { algorithm: 'md5', library, passwordLibrary: true };
    case 'ShaPasswordEncoder': {
      const bits = n(0);
      return { algorithm: bits === 256 ? 'sha256' : bits === 512 || bits === 384 ? 'sha512' : 'sha1', library, passwordLibrary: true };
    }
    default:
      return undefined;
  }
}

export function matchJvmHash(view: CallView, call: Node, values: FileValues): HashMatch | undefined {
  const lang = values.lang;
  const method = view.method;
  const pair = last2(view);
  const encoded = encoder(view, values);
  if (encoded && (view.isNew || /^defaultsForSpringSecurity/.test(method) || lang.id !== 'java')) return encoded;
  if (pair === 'NoOpPasswordEncoder.getInstance') return { algorithm: 'plaintext', library: 'spring-security', passwordLibrary: true };
  if (pair === 'PasswordEncoderFactories.createDelegatingPasswordEncoder') return { algorithm: 'bcrypt', library: 'spring-security', passwordLibrary: true, params: { cost: 10 } };
  if (pair === 'MessageDigest.getInstance' || pair === 'DigestUtils.getDigest') {
    const name = constString(values, view.args[0]);
    return digestMatch(name, 'java.security', []);
  }
  if (pair === 'Mac.getInstance') {
    const name = constString(values, view.args[0]);
    if (!name) return undefined;
    const h = hmacAlgorithm(name);
    return { algorithm: h.algorithm, library: 'javax.crypto', params: withVariant({}, h.variant) };
  }
  if (pair === 'SecretKeyFactory.getInstance') {
    const name = constString(values, view.args[0]) ?? '';
    const m = /^PBKDF2WithHmac(SHA\d*|MD5)/i.exec(name);
    if (!m) return undefined;
    const params: HashParams = { variant: normaliseDigestName(m[1]!) };
    const it = pbeIterations(values, call);
    if (it !== undefined) params.iterations = it;
    return { algorithm: 'pbkdf2', library: 'javax.crypto', kdf: true, params };
  }
  const recv = receiverName(lang, view.receiver);
  if (recv === 'DigestUtils' && DIGEST_UTILS[method]) return digestMatch(DIGEST_UTILS[method], 'commons-codec', view.args.slice(0, 1));
  if (recv === 'Hashing' && GUAVA[method]) return digestMatch(GUAVA[method], 'guava', []);
  if (view.isNew && BC_DIGESTS[method]) return digestMatch(BC_DIGESTS[method], 'bouncycastle', []);
  if (view.isNew && method === 'HMac') return undefined;
  // jBCrypt / Spring BCrypt / favre bcrypt
  if (recv === 'BCrypt' && (method === 'hashpw' || method === 'hashPassword')) {
    const params: HashParams = {};
    const salt = view.args[1];
    const se = salt ? lang.expr(salt) : undefined;
    if (se?.k === 'call' && se.method === 'gensalt') params.cost = constNumber(values, se.args[0]) ?? 10;
    return { algorithm: 'bcrypt', library: 'jbcrypt', passwordLibrary: true, params, data: view.args.slice(0, 1) };
  }
  if (recv === 'BCrypt' && (method === 'checkpw' || method === 'verify')) return { algorithm: 'bcrypt', library: 'jbcrypt', passwordLibrary: true, isVerify: true };
  if (method === 'hashToString' || method === 'hashToChar' || (method === 'hash' && /BCrypt|withDefaults/.test(view.receiver?.text ?? ''))) {
    if (!/BCrypt/.test(view.receiver?.text ?? '')) return undefined;
    const cost = constNumber(values, view.args[0]);
    return { algorithm: 'bcrypt', library: 'favre-bcrypt', passwordLibrary: true, params: cost !== undefined ? { cost } : {} };
  }
  // Argon2 (argon2-jvm / de.mkammerer): argon2.hash(iterations, memory, parallelism, password)
  if (method === 'hash' && /argon2/i.test(recv) && view.args.length >= 4) {
    const params: HashParams = { variant: 'argon2i' };
    const [t, m, p] = [constNumber(values, view.args[0]), constNumber(values, view.args[1]), constNumber(values, view.args[2])];
    if (t !== undefined) params.iterations = t;
    if (m !== undefined) params.memoryKiB = m;
    if (p !== undefined) params.parallelism = p;
    const created = /Argon2id|ARGON2id/.test(values.root.text.slice(0, 20000)) ? 'argon2id' : 'argon2i';
    params.variant = created;
    return { algorithm: 'argon2', library: 'argon2-jvm', passwordLibrary: true, params };
  }
  return undefined;
}
