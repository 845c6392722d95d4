// Rust hashing calls: md5::compute, md-5 / sha1 / sha2 digests (Md5 / Sha1 / Sha256 / Sha512 ::new / ::digest),
// ring::digest, bcrypt::hash (cost) / verify, argon2 (Argon2::default() is Argon2id with OWASP's
// parameters; Argon2::new with Params::new(m, t, p)), rust-argon2 hash_encoded with its Config, pbkdf2
// (pbkdf2_hmac / pbkdf2 with rounds), ring::pbkdf2::derive, scrypt::scrypt with Params::new(log_n, r, p).
import type { HashAlgorithm } from '../../../core/facts.js';
import { constNumber } from '../core/const-eval.js';
import { callView, type CallView, type Node } from '../core/expr.js';
import { hashExtractor, type HashMatch, type HashParams } from '../core/hash-extractor.js';
import type { FileValues } from '../core/values.js';
import { named, rustLang } from './lang.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

const DIGEST_TYPES: Record<string, { algorithm: HashAlgorithm; variant?: string }> = {
  Md5: { algorithm: 'md5' }, Sha1: { algorithm: 'sha1' }, Sha256: { algorithm: 'sha256' }, Sha224: { algorithm: 'sha256', variant: 'sha224' },
  Sha384: { algorithm: 'sha512', variant: 'sha384' }, Sha512: { algorithm: 'sha512' }, Md4: { algorithm: 'unknown', variant: 'md4' },
  Md2: { algorithm: 'unknown', variant: 'md2' }, Ripemd160: { algorithm: 'unknown', variant: 'ripemd160' },
};

/** Params::new(m_cost, t_cost, p_cost, len) of the argon2 crate, through a local. */
function argon2Params(values: FileValues, node: Node | undefined, depth = 0): HashParams | undefined {
  if (!node || depth > 4) return undefined;
  const e = rustLang.expr(node);
  if (e.k === 'wrap') return argon2Params(values, e.inner, depth + 1);
  if (e.k === 'name') {
    const res = values.resolve(e.name, node);
    return res.kind === 'bindings' && res.bindings.length === 1 ? argon2Params(values, res.bindings[0]!.value, depth + 1) : undefined;
  }
  if (e.k !== 'call') return undefined;
  if (['unwrap', 'expect'].includes(e.method) && e.receiver) return argon2Params(values, e.receiver, depth + 1);
  if (e.path?.slice(-2).join('::') === 'Params::new') {
    const params: HashParams = {};
    const [m, t, p] = [constNumber(values, e.args[0]), constNumber(values, e.args[1]), constNumber(values, e.args[2])];
    if (m !== undefined) params.memoryKiB = m;
    if (t !== undefined) params.iterations = t;
    if (p !== undefined) params.parallelism = p;
    return params;
  }
  return undefined;
}

/** rust-argon2 presets: Config::rfc9106_low_mem() / rfc9106() / original(); Config::default() changed between versions. */
const ARGON2_PRESETS: Record<string, HashParams> = {
  rfc9106_low_mem: { variant: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 4 },
  rfc9106: { variant: 'argon2id', memoryKiB: 2097152, iterations: 1, parallelism: 4 },
  original: { variant: 'argon2i', memoryKiB: 4096, iterations: 3, parallelism: 1 },
};

function rustArgon2Config(values: FileValues, node: Node | undefined, depth = 0): HashParams {
  if (!node || depth > 4) return {};
  const e = rustLang.expr(node);
  if (e.k === 'wrap') return rustArgon2Config(values, e.inner, depth + 1);
  if (e.k === 'name') {
    const r = values.resolve(e.name, node);
    return r.kind === 'bindings' && r.bindings.length === 1 ? rustArgon2Config(values, r.bindings[0]!.value, depth + 1) : {};
  }
  if (e.k === 'call') return e.path?.at(-2) === 'Config' ? { ...(ARGON2_PRESETS[e.method] ?? {}) } : {};
  if (node.type !== 'struct_expression') return {};
  let params: HashParams = {};
  const fields = named(fieldOf(node, 'body'));
  const base = fields.find((f) => f.type === 'base_field_initializer');
  if (base) params = rustArgon2Config(values, named(base)[0], depth + 1);
  for (const f of fields) {
    const key = fieldOf(f, 'field')?.text;
    const n = constNumber(values, fieldOf(f, 'value'));
    if (key === 'mem_cost' && n !== undefined) params.memoryKiB = n;
    if (key === 'time_cost' && n !== undefined) params.iterations = n;
    if (key === 'lanes' && n !== undefined) params.parallelism = n;
    if (key === 'variant') params.variant = /Argon2id/.test(f.text) ? 'argon2id' : /Argon2d/.test(f.text) ? 'argon2d' : 'argon2i';
  }
  return params;
}

function digestFromPath(view: CallView): { algorithm: HashAlgorithm; variant?: string } | undefined {
  const type = view.path?.at(-2);
  return type ? DIGEST_TYPES[type] : undefined;
}

function match(view: CallView, _call: Node, values: FileValues): HashMatch | undefined {
  const path = view.path ?? [];
  const joined = path.join('::');
  const last = view.method;
  if (view.isMacro) return undefined;
  if (joined === 'md5::compute') return { algorithm: 'md5', library: 'md5', data: view.args.slice(0, 1) };
  const d = digestFromPath(view);
  if (d && /^(new|digest|new_with_prefix|default)$/.test(last)) {
    return { algorithm: d.algorithm, library: 'rustcrypto', params: d.variant ? { variant: d.variant } : {}, data: last === 'digest' ? view.args.slice(0, 1) : [] };
  }
  if (/digest::digest$/.test(joined) || (joined === 'digest' && view.args.length === 2)) {
    const alg = view.args[0]?.text ?? '';
    const m = /(SHA1_FOR_LEGACY_USE_ONLY|SHA256|SHA384|SHA512)/.exec(alg);
    if (!m) return undefined;
    const algorithm: HashAlgorithm = m[1]!.startsWith('SHA1') ? 'sha1' : m[1] === 'SHA256' ? 'sha256' : 'sha512';
    return { algorithm, library: 'ring', data: view.args.slice(1, 2) };
  }
  if (path[0] === 'bcrypt' || (path.length === 1 && /^(hash|hash_with_result|hash_with_salt)$/.test(last) && /bcrypt/.test(values.root.text.slice(0, 3000)))) {
    if (/^(hash|hash_with_result|hash_with_salt)$/.test(last)) {
      const costNode = view.args[1];
      const cost = constNumber(values, costNode) ?? (costNode && /DEFAULT_COST/.test(costNode.text) ? 12 : undefined);
      return { algorithm: 'bcrypt', library: 'bcrypt', passwordLibrary: true, params: cost !== undefined ? { cost } : {}, data: view.args.slice(0, 1) };
    }
    if (last === 'verify') return { algorithm: 'bcrypt', library: 'bcrypt', passwordLibrary: true, isVerify: true };
  }
  if (joined === 'Argon2::default') return { algorithm: 'argon2', library: 'argon2', passwordLibrary: true, params: { variant: 'argon2id', memoryKiB: 19456, iterations: 2, parallelism: 1 } };
  if (joined === 'Argon2::new') {
    const alg = view.args[0]?.text ?? '';
    const variant = /Argon2id/.test(alg) ? 'argon2id' : /Argon2i/.test(alg) ? 'argon2i' : /Argon2d/.test(alg) ? 'argon2d' : 'argon2id';
    return { algorithm: 'argon2', library: 'argon2', passwordLibrary: true, params: { variant, ...(argon2Params(values, view.args[2]) ?? {}) } };
  }
  if (/(^|::)(hash_encoded|hash_raw)$/.test(joined) && (path[0] === 'argon2' || view.args.length === 3)) {
    return { algorithm: 'argon2', library: 'rust-argon2', passwordLibrary: true, params: rustArgon2Config(values, view.args[2]), data: view.args.slice(0, 1) };
  }
  if (/^(pbkdf2_hmac|pbkdf2|pbkdf2_hmac_array|pbkdf2_array)$/.test(last) && (path[0] === 'pbkdf2' || path.length === 1)) {
    const rounds = constNumber(values, view.args[2]);
    const type = /<([^>]*)>/.exec(view.nameNode?.parent?.text ?? _call.text)?.[1] ?? _call.text;
    const variant = /Sha512/.test(type) ? 'sha512' : /Sha1/.test(type) ? 'sha1' : /Sha256/.test(type) ? 'sha256' : undefined;
    const params: HashParams = {};
    if (rounds !== undefined) params.iterations = rounds;
    if (variant) params.variant = variant;
    return { algorithm: 'pbkdf2', library: 'pbkdf2', kdf: true, params, data: view.args.slice(0, 1) };
  }
  if (joined === 'pbkdf2::derive' || (last === 'derive' && /PBKDF2_HMAC/.test(view.args[0]?.text ?? ''))) {
    const alg = view.args[0]?.text ?? '';
    const it = view.args[1] ? callView(rustLang, view.args[1]) : undefined;
    const iterations = it ? constNumber(values, it.args[0] ?? (it.receiver ? callView(rustLang, it.receiver)?.args[0] : undefined)) : undefined;
    const params: HashParams = { variant: /SHA512/.test(alg) ? 'sha512' : /SHA1/.test(alg) ? 'sha1' : 'sha256' };
    if (iterations !== undefined) params.iterations = iterations;
    return { algorithm: 'pbkdf2', library: 'ring', kdf: true, params, data: view.args.slice(3, 4) };
  }
  if (joined === 'scrypt::scrypt' || (last === 'scrypt' && path.length === 1)) {
    const p = view.args[2];
    const pe = p ? rustLang.expr(p) : undefined;
    const inner = pe?.k === 'wrap' ? callView(rustLang, pe.inner) : undefined;
    const paramsCall = inner && ['unwrap', 'expect'].includes(inner.method) && inner.receiver ? callView(rustLang, inner.receiver) : inner;
    const params: HashParams = {};
    if (paramsCall?.path?.slice(-2).join('::') === 'Params::new') {
      const logN = constNumber(values, paramsCall.args[0]);
      const par = constNumber(values, paramsCall.args[2]);
      if (logN !== undefined) params.cost = 2 ** logN;
      if (par !== undefined) params.parallelism = par;
    }
    return { algorithm: 'scrypt', library: 'scrypt', kdf: true, params, data: view.args.slice(0, 1) };
  }
  return undefined;
}

export const rustHashCalls = hashExtractor({
  id: 'rust/hash-calls',
  language: 'rust',
  lang: rustLang,
  keywords: ['md5', 'Md5', 'Sha1', 'Sha256', 'Sha512', 'digest', 'bcrypt', 'argon2', 'Argon2', 'pbkdf2', 'scrypt'],
  match,
});
