// PHP hashing calls: md5 / sha1 / md5_file / sha1_file / hash() / hash_hmac / hash_pbkdf2 / crypt,
// password_hash (PASSWORD_DEFAULT / BCRYPT / ARGON2I / ARGON2ID with options), password_verify,
// sodium_crypto_pwhash_str, Laravel Hash::make / bcrypt() / Hash::driver('argon2id'), and the
// hashing driver in Laravel's config/hashing.php.
import type { Fact, HashCallFact } from '../../../core/facts.js';
import { normaliseDigestName } from '../../code-facts-text.js';
import { loc } from '../../tree-sitter/ast.js';
import { constNumber, constString } from '../core/const-eval.js';
import type { CallView, Node } from '../core/expr.js';
import { namePath } from '../core/expr.js';
import { digestAlgorithm, hashExtractor, withVariant, type HashMatch, type HashParams } from '../core/hash-extractor.js';
import type { FileValues } from '../core/values.js';
import { phpLang } from './lang.js';

/** An option of an options array literal: ['cost' => 12]. */
function option(values: FileValues, node: Node | undefined, key: string): Node | undefined {
  if (!node) return undefined;
  const e = values.lang.expr(node);
  if (e.k === 'name') {
    const res = values.resolve(e.name, node);
    if (res.kind === 'bindings' && res.bindings.length === 1 && res.bindings[0]!.value) return option(values, res.bindings[0]!.value, key);
    return undefined;
  }
  if (e.k !== 'map') return undefined;
  return e.entries.find((en) => en.key && constString(values, en.key) === key)?.value;
}

function passwordHashParams(values: FileValues, algo: string, opts: Node | undefined): { algorithm: HashCallFact['algorithm']; params: HashParams } {
  const a = algo.replace(/^\\/, '').toUpperCase();
  if (a.includes('ARGON2')) {
    const params: HashParams = { variant: a.includes('ARGON2ID') || a === "'ARGON2ID'" ? 'argon2id' : 'argon2i' };
    const m = constNumber(values, option(values, opts, 'memory_cost'));
    const t = constNumber(values, option(values, opts, 'time_cost'));
    const p = constNumber(values, option(values, opts, 'threads'));
    params.memoryKiB = m ?? 65536;
    params.iterations = t ?? 4;
    if (p !== undefined) params.parallelism = p;
    return { algorithm: 'argon2', params };
  }
  const cost = constNumber(values, option(values, opts, 'cost'));
  return { algorithm: 'bcrypt', params: { cost: cost ?? 10 } };
}

function cryptAlgorithm(salt: string | undefined): { algorithm: HashCallFact['algorithm']; params: HashParams } {
  if (salt === undefined) return { algorithm: 'md5', params: { variant: 'crypt' } };
  if (/^\$2[abxy]?\$(\d\d)\$/.test(salt)) return { algorithm: 'bcrypt', params: { cost: Number(/^\$2[abxy]?\$(\d\d)/.exec(salt)![1]) } };
  if (salt.startsWith('$6$')) return { algorithm: 'sha512', params: { variant: 'sha512-crypt' } };
  if (salt.startsWith('$5$')) return { algorithm: 'sha256', params: { variant: 'sha256-crypt' } };
  if (salt.startsWith('$1$')) return { algorithm: 'md5', params: { variant: 'md5-crypt' } };
  return { algorithm: 'unknown', params: { variant: 'des' } };
}

function match(view: CallView, _call: Node, values: FileValues): HashMatch | undefined {
  const args = view.args;
  if (!view.receiver && !view.isNew) {
    const fn = view.method.toLowerCase();
    switch (fn) {
      case 'md5': case 'md5_file': return { algorithm: 'md5', library: 'php', data: args.slice(0, 1) };
      case 'sha1': case 'sha1_file': return { algorithm: 'sha1', library: 'php', data: args.slice(0, 1) };
      case 'hash': case 'hash_file': case 'hash_init': case 'mhash': {
        const d = digestAlgorithm(constString(values, args[0]));
        return { algorithm: d.algorithm, library: 'php', params: withVariant({}, d.variant), data: args.slice(1, 2) };
      }
      case 'hash_hmac': case 'hash_hmac_file': {
        const name = constString(values, args[0]);
        return { algorithm: 'hmac', library: 'php', params: withVariant({}, name ? normaliseDigestName(name) : undefined), data: args.slice(1, 2) };
      }
      case 'hash_pbkdf2': case 'openssl_pbkdf2': {
        const params: HashParams = {};
        const alg = constString(values, fn === 'hash_pbkdf2' ? args[0] : args[4]);
        if (alg) params.variant = normaliseDigestName(alg);
        const it = constNumber(values, fn === 'hash_pbkdf2' ? args[3] : args[3]);
        if (it !== undefined) params.iterations = it;
        return { algorithm: 'pbkdf2', library: 'php', kdf: true, params, data: args.slice(fn === 'hash_pbkdf2' ? 1 : 0, fn === 'hash_pbkdf2' ? 2 : 1) };
      }
      case 'crypt': {
        const c = cryptAlgorithm(args[1] ? constString(values, args[1]) ?? '' : undefined);
        return { algorithm: c.algorithm, library: 'php', params: c.params, data: args.slice(0, 1) };
      }
      case 'password_hash': {
        const algo = args[1]?.text ?? 'PASSWORD_DEFAULT';
        const p = passwordHashParams(values, algo, args[2]);
        return { algorithm: p.algorithm, library: 'php', passwordLibrary: true, params: p.params, data: args.slice(0, 1) };
      }
      case 'password_verify': return { algorithm: 'bcrypt', library: 'php', passwordLibrary: true, isVerify: true };
      case 'bcrypt': {
        const cost = constNumber(values, option(values, args[1], 'rounds'));
        return { algorithm: 'bcrypt', library: 'laravel', passwordLibrary: true, params: { cost: cost ?? 10 }, data: args.slice(0, 1) };
      }
      case 'sodium_crypto_pwhash_str': return { algorithm: 'argon2', library: 'sodium', passwordLibrary: true, params: { variant: 'argon2id' } };
      default: return undefined;
    }
  }
  const recv = namePath(values.lang, view.receiver)?.join('.') ?? '';
  if ((recv === 'Hash' || /^(hasher|hash|hashManager)$/i.test(recv.split('.').at(-1) ?? '')) && view.method === 'make') {
    const params: HashParams = {};
    const rounds = constNumber(values, option(values, args[1], 'rounds'));
    const memory = constNumber(values, option(values, args[1], 'memory'));
    if (memory !== undefined) {
      const time = constNumber(values, option(values, args[1], 'time'));
      return { algorithm: 'argon2', library: 'laravel', passwordLibrary: true, params: { memoryKiB: memory, ...(time !== undefined ? { iterations: time } : {}) }, data: args.slice(0, 1) };
    }
    if (rounds !== undefined) params.cost = rounds;
    return { algorithm: 'bcrypt', library: 'laravel', passwordLibrary: true, params, data: args.slice(0, 1) };
  }
  if (recv === 'Hash' && view.method === 'check') return { algorithm: 'bcrypt', library: 'laravel', passwordLibrary: true, isVerify: true };
  return undefined;
}

/** Laravel config/hashing.php: 'driver' => 'bcrypt' | 'argon' | 'argon2id', with 'bcrypt' => ['rounds' => n]. */
function laravelHashingConfig(file: string, values: FileValues): Fact[] {
  if (!/(^|\/)config\/hashing\.php$/.test(file)) return [];
  const out: Fact[] = [];
  const root = values.root;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'array_element_initializer') {
      const [k, v] = n.namedChildren.filter((c): c is Node => !!c);
      if (k && v && constString(values, k) === 'driver') {
        const driver = constString(values, v) ?? (v.type === 'function_call_expression' ? constString(values, phpLang.expr(v).k === 'call' ? (phpLang.expr(v) as CallView).args[1] : undefined) : undefined);
        if (driver) {
          const algorithm = driver === 'bcrypt' ? 'bcrypt' : driver.startsWith('argon') ? 'argon2' : 'unknown';
          const fact: HashCallFact = { kind: 'hash-call', algorithm, library: 'laravel', purpose: 'password', location: loc(file, n) };
          fact.params = algorithm === 'argon2' ? { variant: driver === 'argon2id' ? 'argon2id' : 'argon2i' } : algorithm === 'bcrypt' ? roundsOf(values, root) : { variant: driver };
          out.push(fact);
        }
      }
    }
    for (let i = n.namedChildCount - 1; i >= 0; i--) { const c = n.namedChild(i); if (c) stack.push(c); }
  }
  return out;
}

function roundsOf(values: FileValues, root: Node): HashParams {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'array_element_initializer') {
      const [k, v] = n.namedChildren.filter((c): c is Node => !!c);
      if (k && v && constString(values, k) === 'rounds') {
        const e = phpLang.expr(v);
        const r = constNumber(values, v) ?? (e.k === 'call' && e.method === 'env' ? constNumber(values, e.args[1]) : undefined);
        if (r !== undefined) return { cost: r };
      }
    }
    for (let i = n.namedChildCount - 1; i >= 0; i--) { const c = n.namedChild(i); if (c) stack.push(c); }
  }
  return {};
}

export const phpHashCalls = hashExtractor({
  id: 'php/hash-calls',
  language: 'php',
  lang: phpLang,
  keywords: ['md5', 'sha1', 'hash', 'crypt', 'password_', 'Hash::', 'bcrypt', 'sodium_crypto_pwhash', 'driver'],
  match,
  extra: laravelHashingConfig,
});
