// Python hashing calls: hashlib (md5, sha1, sha*, new, pbkdf2_hmac, scrypt), hmac.new,
// cryptography `hashes.MD5()` / `SHA1()`, pycryptodome `MD5.new()` / `MD4.new()`, bcrypt (hashpw,
// gensalt, checkpw), flask_bcrypt, passlib (schemes, `using(rounds=)`, CryptContext), argon2-cffi
// (PasswordHasher, low_level.hash_secret), werkzeug generate_password_hash(method=), Django
// make_password(hasher=) and the PASSWORD_HASHERS setting. Algorithm, constant cost parameters, and a
// purpose ('password' / 'other' for clearly non-security uses / 'unknown').
import type { Fact, HashAlgorithm, HashCallFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { combinedPurpose, isPasswordName, normaliseDigestName, type NamePurpose } from '../code-facts-text.js';
import type { Extractor } from '../types.js';
import { dottedPath, keywordArg, loc, positionalArgs, stringList, stringValue, walk, type Node } from './ast.js';
import { PyFileValues } from './code-values.js';
import { field, rootOf, textOf } from '../tree-sitter/ast.js';

type Params = NonNullable<HashCallFact['params']>;

interface Match {
  algorithm: HashAlgorithm;
  library: string;
  passwordLibrary?: boolean;
  kdf?: boolean;
  isVerify?: boolean;
  params?: Params;
  data?: Node;
  /** usedforsecurity=False */
  notForSecurity?: boolean;
}

const HASHLIB_DIGESTS = new Set(['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'md4', 'ripemd160']);
const CRYPTOGRAPHY_HASHES = /^cryptography\.hazmat\.primitives\.hashes\.(MD5|SHA1|SHA224|SHA256|SHA384|SHA512|SHA3_256|SHA3_512|SHA512_256)$/;
const PYCRYPTO_HASH = /^(Crypto|Cryptodome)\.Hash\.(MD2|MD4|MD5|SHA|SHA1|SHA224|SHA256|SHA384|SHA512|RIPEMD|RIPEMD160)\.new$/;

const DJANGO_HASHERS: Record<string, HashAlgorithm> = {
  PBKDF2PasswordHasher: 'pbkdf2', PBKDF2SHA1PasswordHasher: 'pbkdf2', Argon2PasswordHasher: 'argon2',
  BCryptSHA256PasswordHasher: 'bcrypt', BCryptPasswordHasher: 'bcrypt', ScryptPasswordHasher: 'scrypt',
  MD5PasswordHasher: 'md5', UnsaltedMD5PasswordHasher: 'md5', SHA1PasswordHasher: 'sha1', UnsaltedSHA1PasswordHasher: 'sha1',
  CryptPasswordHasher: 'unknown',
};
const DJANGO_HASHER_NAMES: Record<string, HashAlgorithm> = {
  default: 'pbkdf2', pbkdf2_sha256: 'pbkdf2', pbkdf2_sha1: 'pbkdf2', argon2: 'argon2', bcrypt_sha256: 'bcrypt', bcrypt: 'bcrypt',
  scrypt: 'scrypt', md5: 'md5', unsalted_md5: 'md5', sha1: 'sha1', unsalted_sha1: 'sha1', crypt: 'unknown',
};

export const pythonHashCalls: Extractor = {
  id: 'python/hash-calls',
  languages: ['python'],
  keywords: ['hashlib', 'hmac', 'hashes', 'Hash', 'bcrypt', 'passlib', 'argon2', 'password', 'PASSWORD_HASHERS', 'CryptContext', 'md5', 'sha1'],
  extract(file: ParsedFile): Fact[] {
    if (file.tree.kind !== 'tree-sitter') return [];
    const values = PyFileValues.of(rootOf(file.tree.tree));
    const facts: Fact[] = [];
    for (const call of values.calls) {
      const match = matchHashCall(values, call);
      if (!match) continue;
      const fact: HashCallFact = {
        kind: 'hash-call',
        algorithm: match.algorithm,
        library: match.library,
        purpose: match.notForSecurity ? 'other' : purposeOf(values, call, match),
        location: loc(file.path, call),
      };
      if (match.isVerify) fact.isVerify = true;
      if (match.params && Object.keys(match.params).length > 0) fact.params = match.params;
      facts.push(fact);
    }
    facts.push(...djangoPasswordHashers(file.path, values));
    return facts;
  },
};

function numberOf(values: PyFileValues, node: Node | null | undefined, depth = 0): number | undefined {
  if (!node || depth > 5) return undefined;
  if (node.type === 'integer') {
    const n = Number(textOf(node).replace(/_/g, ''));
    return Number.isFinite(n) ? n : undefined;
  }
  if (node.type === 'parenthesized_expression') return numberOf(values, node.namedChildren[0], depth + 1);
  if (node.type === 'binary_operator') {
    const a = numberOf(values, field(node, 'left'), depth + 1);
    const b = numberOf(values, field(node, 'right'), depth + 1);
    const op = textOf(field(node, 'operator'));
    if (a === undefined || b === undefined) return undefined;
    return op === '*' ? a * b : op === '+' ? a + b : op === '**' ? a ** b : op === '<<' ? a << b : undefined;
  }
  if (node.type === 'identifier') {
    const res = values.resolve(textOf(node), node);
    if (res.kind === 'bindings' && res.bindings.length === 1 && res.bindings[0]!.op === '=') return numberOf(values, res.bindings[0]!.value, depth + 1);
  }
  if (node.type === 'call') {
    // int(os.environ.get('ROUNDS', 12)) -> the default
    const name = dottedPath(field(node, 'function'))?.join('.');
    const args = positionalArgs(node);
    if (name === 'int' && args[0]) return numberOf(values, args[0], depth + 1);
    if (name && /(^|\.)(get|getenv)$/.test(name) && args[1]) return numberOf(values, args[1], depth + 1);
  }
  return undefined;
}

function stringOf(values: PyFileValues, node: Node | null | undefined, depth = 0): string | undefined {
  if (!node || depth > 5) return undefined;
  const s = stringValue(node);
  if (s !== undefined) return s;
  if (node.type === 'identifier') {
    const res = values.resolve(textOf(node), node);
    if (res.kind === 'bindings' && res.bindings.length === 1 && res.bindings[0]!.op === '=') return stringOf(values, res.bindings[0]!.value, depth + 1);
  }
  return undefined;
}

function digest(name: string | undefined): { algorithm: HashAlgorithm; variant?: string } {
  if (name === undefined) return { algorithm: 'unknown' };
  const n = normaliseDigestName(name);
  if (n === 'md5') return { algorithm: 'md5' };
  if (n === 'sha1') return { algorithm: 'sha1' };
  if (n === 'sha256' || n === 'sha224' || n === 'sha3256' || n === 'sha3224' || n === 'sha512256') return { algorithm: 'sha256', variant: n === 'sha256' ? undefined : n };
  if (n === 'sha512' || n === 'sha384' || n === 'sha3512' || n === 'sha3384') return { algorithm: 'sha512', variant: n === 'sha512' ? undefined : n };
  return { algorithm: 'unknown', variant: n };
}

function withVariant(params: Params, variant: string | undefined): Params {
  if (variant) params.variant = variant;
  return params;
}

/** `hashlib.sha256` / `'sha256'` / `SHA256` as a digestmod argument -> 'sha256'. */
function digestName(values: PyFileValues, node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const s = stringOf(values, node);
  if (s !== undefined) return normaliseDigestName(s);
  const q = values.qualifiedName(node);
  if (q) return normaliseDigestName(q.split('.').at(-1)!);
  return undefined;
}

function matchHashCall(values: PyFileValues, call: Node): Match | undefined {
  const fn = field(call, 'function');
  if (!fn) return undefined;
  const q = values.qualifiedName(fn) ?? usingChainName(values, fn) ?? '';
  const args = positionalArgs(call);
  const kw = (name: string) => keywordArg(call, name);
  const notForSecurity = kw('usedforsecurity')?.type === 'false';
  const method = q.split('.').at(-1) ?? '';

  if (q.startsWith('hashlib.')) {
    const name = q.slice('hashlib.'.length);
    if (HASHLIB_DIGESTS.has(name)) {
      const d = digest(name);
      return { algorithm: d.algorithm, library: 'hashlib', params: withVariant({}, d.variant), data: args[0] ?? kw('data') ?? kw('string'), notForSecurity };
    }
    if (name === 'new') {
      const d = digest(stringOf(values, args[0] ?? kw('name')));
      return { algorithm: d.algorithm, library: 'hashlib', params: withVariant({}, d.variant), data: args[1] ?? kw('data') ?? kw('string'), notForSecurity };
    }
    if (name === 'pbkdf2_hmac') {
      const params: Params = {};
      const it = numberOf(values, args[3] ?? kw('iterations'));
      if (it !== undefined) params.iterations = it;
      const hashName = stringOf(values, args[0] ?? kw('hash_name'));
      return { algorithm: 'pbkdf2', library: 'hashlib', kdf: true, params: withVariant(params, hashName ? normaliseDigestName(hashName) : undefined), data: args[1] ?? kw('password') };
    }
    if (name === 'scrypt') {
      const params: Params = {};
      const n = numberOf(values, kw('n'));
      if (n !== undefined) params.cost = n;
      const p = numberOf(values, kw('p'));
      if (p !== undefined) params.parallelism = p;
      return { algorithm: 'scrypt', library: 'hashlib', kdf: true, params, data: args[0] ?? kw('password') };
    }
    return undefined;
  }
  if (q === 'hmac.new' || q === 'hmac.digest' || q === 'hmac.HMAC') {
    const mod = args[2] ?? kw('digestmod') ?? kw('digest');
    return { algorithm: 'hmac', library: 'hmac', params: withVariant({}, mod ? digestName(values, mod) : 'md5'), data: args[1] ?? kw('msg') };
  }
  const crypt = CRYPTOGRAPHY_HASHES.exec(q);
  if (crypt) {
    const d = digest(crypt[1]!);
    return { algorithm: d.algorithm, library: 'cryptography', params: withVariant({}, d.variant) };
  }
  const pyc = PYCRYPTO_HASH.exec(q);
  if (pyc) {
    const d = digest(pyc[2] === 'SHA' ? 'sha1' : pyc[2] === 'RIPEMD' ? 'ripemd160' : pyc[2]!);
    return { algorithm: d.algorithm, library: 'pycryptodome', params: withVariant({}, d.variant), data: args[0] ?? kw('data') };
  }
  if (q === 'bcrypt.hashpw') {
    const params: Params = {};
    const cost = bcryptRounds(values, args[1] ?? kw('salt'));
    if (cost !== undefined) params.cost = cost;
    return { algorithm: 'bcrypt', library: 'bcrypt', passwordLibrary: true, params, data: args[0] ?? kw('password') };
  }
  if (q === 'bcrypt.gensalt') {
    const cost = numberOf(values, args[0] ?? kw('rounds'));
    if (cost === undefined || insideHashpwOrAssigned(values, call)) return undefined;
    return { algorithm: 'bcrypt', library: 'bcrypt', passwordLibrary: true, params: { cost } };
  }
  if (q === 'bcrypt.checkpw') return { algorithm: 'bcrypt', library: 'bcrypt', passwordLibrary: true, isVerify: true, data: args[0] };
  // flask_bcrypt: bcrypt = Bcrypt(app); bcrypt.generate_password_hash(pw, rounds)
  if (fn.type === 'attribute' && (method === 'generate_password_hash' || method === 'check_password_hash')
    && (/bcrypt/i.test(dottedPath(field(fn, 'object'))?.join('.') ?? '') || q.startsWith('flask_bcrypt'))) {
    if (method === 'check_password_hash') return { algorithm: 'bcrypt', library: 'flask-bcrypt', passwordLibrary: true, isVerify: true };
    const params: Params = {};
    const cost = numberOf(values, args[1] ?? kw('rounds'));
    if (cost !== undefined) params.cost = cost;
    return { algorithm: 'bcrypt', library: 'flask-bcrypt', passwordLibrary: true, params, data: args[0] };
  }
  if (q === 'werkzeug.security.generate_password_hash' || q === 'werkzeug.generate_password_hash' || (fn.type === 'identifier' && textOf(fn) === 'generate_password_hash' && !values.imports.has('generate_password_hash'))) {
    return { ...werkzeugMethod(stringOf(values, args[1] ?? kw('method'))), library: 'werkzeug', passwordLibrary: true, data: args[0] ?? kw('password') };
  }
  if (q === 'werkzeug.security.check_password_hash' || (fn.type === 'identifier' && textOf(fn) === 'check_password_hash' && !values.imports.has('check_password_hash'))) {
    return { algorithm: 'pbkdf2', library: 'werkzeug', passwordLibrary: true, isVerify: true };
  }
  if (q === 'django.contrib.auth.hashers.make_password') {
    const hasher = stringOf(values, args[2] ?? kw('hasher')) ?? 'default';
    return { algorithm: DJANGO_HASHER_NAMES[hasher] ?? 'unknown', library: 'django', passwordLibrary: true, params: hasher === 'default' ? {} : { variant: hasher }, data: args[0] };
  }
  if (q.startsWith('passlib.hash.')) return passlibCall(values, call, q);
  if (q === 'passlib.context.CryptContext' || (fn.type === 'identifier' && textOf(fn) === 'CryptContext')) return cryptContext(values, call);
  if (q === 'argon2.PasswordHasher' || q === 'argon2.low_level.hash_secret' || q === 'argon2.low_level.hash_secret_raw') {
    const params: Params = {};
    const lowLevel = q.includes('low_level');
    const offset = lowLevel ? 2 : 0;
    const time = numberOf(values, args[offset] ?? kw('time_cost'));
    const memory = numberOf(values, args[offset + 1] ?? kw('memory_cost'));
    const par = numberOf(values, args[offset + 2] ?? kw('parallelism'));
    if (time !== undefined) params.iterations = time;
    if (memory !== undefined) params.memoryKiB = memory;
    if (par !== undefined) params.parallelism = par;
    const type = dottedPath(kw('type') ?? (lowLevel ? args[6] : args[6]))?.at(-1);
    params.variant = type === 'I' ? 'argon2i' : type === 'D' ? 'argon2d' : 'argon2id';
    return { algorithm: 'argon2', library: 'argon2-cffi', passwordLibrary: true, params, data: lowLevel ? args[0] : undefined };
  }
  return undefined;
}

/** `pbkdf2_sha256.using(rounds=1000).hash` -> 'passlib.hash.pbkdf2_sha256.using.hash'. */
function usingChainName(values: PyFileValues, fn: Node): string | undefined {
  if (fn.type !== 'attribute') return undefined;
  const object = field(fn, 'object');
  if (object?.type !== 'call') return undefined;
  const inner = field(object, 'function');
  if (inner?.type !== 'attribute' || textOf(field(inner, 'attribute')) !== 'using') return undefined;
  const base = values.qualifiedName(inner);
  return base ? `${base}.${textOf(field(fn, 'attribute'))}` : undefined;
}

const PASSLIB_SCHEMES: Record<string, HashAlgorithm> = {
  bcrypt: 'bcrypt', bcrypt_sha256: 'bcrypt', argon2: 'argon2', scrypt: 'scrypt',
  pbkdf2_sha1: 'pbkdf2', pbkdf2_sha256: 'pbkdf2', pbkdf2_sha512: 'pbkdf2', django_pbkdf2_sha256: 'pbkdf2', django_pbkdf2_sha1: 'pbkdf2',
  md5_crypt: 'md5', apr_md5_crypt: 'md5', hex_md5: 'md5', ldap_md5: 'md5', ldap_salted_md5: 'md5', django_salted_md5: 'md5',
  hex_sha1: 'sha1', ldap_sha1: 'sha1', ldap_salted_sha1: 'sha1', django_salted_sha1: 'sha1', sha1_crypt: 'sha1',
  hex_sha256: 'sha256', hex_sha512: 'sha512', sha256_crypt: 'sha256', sha512_crypt: 'sha512',
  plaintext: 'plaintext', ldap_plaintext: 'plaintext', des_crypt: 'unknown', bsdi_crypt: 'unknown',
};

function passlibCall(values: PyFileValues, call: Node, q: string): Match | undefined {
  const parts = q.slice('passlib.hash.'.length).split('.');
  const scheme = parts[0]!;
  const method = parts.at(-1)!;
  const algorithm = PASSLIB_SCHEMES[scheme];
  if (!algorithm) return undefined;
  const isVerify = method === 'verify';
  if (method !== 'hash' && method !== 'encrypt' && !isVerify) return undefined;
  const params: Params = { variant: scheme };
  if (parts.includes('using')) {
    const using = field(field(call, 'function'), 'object');
    const rounds = using ? numberOf(values, keywordArg(using, 'rounds') ?? keywordArg(using, 'default_rounds')) : undefined;
    if (rounds !== undefined) {
      if (algorithm === 'bcrypt') params.cost = rounds;
      else params.iterations = rounds;
    }
    const memory = using ? numberOf(values, keywordArg(using, 'memory_cost')) : undefined;
    if (memory !== undefined) params.memoryKiB = memory;
  }
  return { algorithm, library: 'passlib', passwordLibrary: true, isVerify: isVerify || undefined, params, data: positionalArgs(call)[0] };
}

function cryptContext(values: PyFileValues, call: Node): Match | undefined {
  const schemes = stringList(keywordArg(call, 'schemes') ?? positionalArgs(call)[0]);
  const first = schemes?.[0];
  if (!first) return undefined;
  const algorithm = PASSLIB_SCHEMES[first] ?? 'unknown';
  const params: Params = { variant: first };
  const rounds = numberOf(values, keywordArg(call, `${first}__rounds`) ?? keywordArg(call, `${first}__default_rounds`));
  if (rounds !== undefined) {
    if (algorithm === 'bcrypt') params.cost = rounds;
    else params.iterations = rounds;
  }
  const memory = numberOf(values, keywordArg(call, `${first}__memory_cost`));
  if (memory !== undefined) params.memoryKiB = memory;
  const time = numberOf(values, keywordArg(call, `${first}__time_cost`));
  if (time !== undefined) params.iterations = time;
  return { algorithm, library: 'passlib', passwordLibrary: true, params };
}

function werkzeugMethod(method: string | undefined): { algorithm: HashAlgorithm; params: Params } {
  if (!method) return { algorithm: 'pbkdf2', params: {} };
  const [name, a, b] = method.split(':');
  if (name === 'pbkdf2') {
    const params: Params = {};
    if (a) params.variant = normaliseDigestName(a);
    if (b && /^\d+$/.test(b)) params.iterations = Number(b);
    return { algorithm: 'pbkdf2', params };
  }
  if (name === 'scrypt') {
    const params: Params = {};
    if (a && /^\d+$/.test(a)) params.cost = Number(a);
    return { algorithm: 'scrypt', params };
  }
  if (name === 'plain') return { algorithm: 'plaintext', params: {} };
  const d = digest(name);
  return { algorithm: d.algorithm, params: withVariant({}, d.variant ?? name) };
}

function bcryptRounds(values: PyFileValues, node: Node | null | undefined, depth = 0): number | undefined {
  if (!node || depth > 4) return undefined;
  if (node.type === 'call') {
    const q = values.qualifiedName(field(node, 'function'));
    if (q === 'bcrypt.gensalt') return numberOf(values, positionalArgs(node)[0] ?? keywordArg(node, 'rounds')) ?? 12;
    return undefined;
  }
  if (node.type === 'identifier') {
    const res = values.resolve(textOf(node), node);
    if (res.kind === 'bindings' && res.bindings.length === 1) return bcryptRounds(values, res.bindings[0]!.value, depth + 1);
  }
  return undefined;
}

function insideHashpwOrAssigned(values: PyFileValues, call: Node): boolean {
  for (let cur = call.parent; cur; cur = cur.parent) {
    if (cur.type === 'call' && values.qualifiedName(field(cur, 'function')) === 'bcrypt.hashpw') return true;
    if (cur.type === 'assignment') return field(cur, 'left')?.type === 'identifier';
    if (cur.type.endsWith('statement') || cur.type === 'block') break;
  }
  return false;
}

/** PASSWORD_HASHERS = ['django.contrib.auth.hashers.MD5PasswordHasher', ...]: the first entry is in use. */
function djangoPasswordHashers(file: string, values: PyFileValues): HashCallFact[] {
  const out: HashCallFact[] = [];
  for (const assignment of values.assignments) {
    const left = field(assignment, 'left');
    if (left?.type !== 'identifier' || textOf(left) !== 'PASSWORD_HASHERS') continue;
    const right = field(assignment, 'right');
    const first = right?.namedChildren.find((c) => c && c.type !== 'comment');
    const value = stringValue(first);
    if (!first || value === undefined) continue;
    const cls = value.split('.').at(-1) ?? '';
    out.push({
      kind: 'hash-call', algorithm: DJANGO_HASHERS[cls] ?? 'unknown', library: 'django', purpose: 'password',
      // Django's Argon2PasswordHasher uses Argon2id (since Django 3.2): name the variant, not the class
      params: { variant: cls === 'Argon2PasswordHasher' ? 'argon2id' : cls }, location: loc(file, first),
    });
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// Purpose

const WRAPPERS = new Set(['Hash', 'HMAC']);

/** The outermost expression of `hashlib.md5(x).hexdigest()` / `hashes.Hash(hashes.MD5())`, and `.update(...)` data in it. */
function chainTop(call: Node): { top: Node; chainData: Node[] } {
  let top = call;
  const chainData: Node[] = [];
  for (;;) {
    const parent = top.parent;
    if (!parent) break;
    if (parent.type === 'attribute' && field(parent, 'object')?.id === top.id) {
      const grand = parent.parent;
      if (grand?.type === 'call' && field(grand, 'function')?.id === parent.id) {
        if (textOf(field(parent, 'attribute')) === 'update') chainData.push(...positionalArgs(grand));
        top = grand;
        continue;
      }
      break;
    }
    if (parent.type === 'argument_list') {
      const grand = parent.parent;
      const name = dottedPath(field(grand, 'function'))?.at(-1);
      if (grand?.type === 'call' && name && WRAPPERS.has(name)) { top = grand; continue; }
      break;
    }
    if (parent.type === 'parenthesized_expression' || parent.type === 'await') { top = parent; continue; }
    break;
  }
  return { top, chainData };
}

function holderOf(top: Node): string | undefined {
  const parent = top.parent;
  if (parent?.type === 'assignment' && field(parent, 'right')?.id === top.id) {
    const left = field(parent, 'left');
    if (left?.type === 'identifier') return textOf(left);
  }
  return undefined;
}

function namesIn(node: Node | null | undefined): string[] {
  const out: string[] = [];
  if (!node) return out;
  walk(node, (n) => {
    if (n.type === 'identifier') out.push(textOf(n));
    else if (n.type === 'string' && textOf(n).length < 40) { const v = stringValue(n); if (v) out.push(v); }
    if (n.type === 'lambda') return false;
    return undefined;
  });
  return out.filter((n) => !['encode', 'decode', 'bytes', 'str', 'utf8', 'utf-8', 'hexdigest', 'digest', 'update'].includes(n));
}

function destinationNames(top: Node): string[] {
  const parent = top.parent;
  if (!parent) return [];
  switch (parent.type) {
    case 'assignment': {
      if (field(parent, 'right')?.id !== top.id) return [];
      const left = field(parent, 'left');
      if (left?.type === 'identifier') return [textOf(left)];
      if (left?.type === 'attribute') return [textOf(field(left, 'attribute')) ?? ''];
      if (left?.type === 'subscript') { const k = stringValue(field(left, 'subscript')); return k ? [k] : []; }
      return [];
    }
    case 'keyword_argument':
      return [textOf(field(parent, 'name')) ?? ''];
    case 'pair':
      return [stringValue(field(parent, 'key')) ?? ''];
    case 'argument_list': {
      const name = dottedPath(field(parent.parent, 'function'))?.at(-1);
      return name ? [name] : [];
    }
    case 'comparison_operator': {
      const other = parent.namedChildren.find((c) => c && c.id !== top.id);
      return namesIn(other).slice(-1);
    }
    default:
      return [];
  }
}

function flowNames(values: PyFileValues, holder: string, after: Node): string[] {
  const out: string[] = [];
  for (const ref of values.referencesIn(holder, after)) {
    if (ref.startIndex < after.endIndex) continue;
    let top = ref;
    for (;;) {
      const p = top.parent;
      const g = p?.parent;
      if (p?.type === 'attribute' && field(p, 'object')?.id === top.id && g?.type === 'call' && field(g, 'function')?.id === p.id) { top = g; continue; }
      break;
    }
    out.push(...destinationNames(top));
  }
  return out;
}

/** Names in the definitions of the locals the data uses (`content = open(path).read()`). */
function definitionNames(values: PyFileValues, data: Node): string[] {
  const out: string[] = [];
  walk(data, (n) => {
    if (n.type !== 'identifier') return undefined;
    const res = values.resolve(textOf(n), n);
    if (res.kind === 'bindings' && res.bindings.length === 1 && res.bindings[0]!.value) out.push(...namesIn(res.bindings[0]!.value));
    return undefined;
  });
  return out;
}

function purposeOf(values: PyFileValues, call: Node, match: Match): HashCallFact['purpose'] {
  if (match.passwordLibrary) return 'password';
  const { top, chainData } = chainTop(call);
  const holder = holderOf(top);
  const data: Node[] = [...(match.data ? [match.data] : []), ...chainData];
  if (holder) {
    for (const c of values.methodCallsOn(holder, call)) {
      if (c.startIndex > call.startIndex && textOf(field(field(c, 'function'), 'attribute')) === 'update') data.push(...positionalArgs(c));
    }
  }
  const decide = (p: NamePurpose): HashCallFact['purpose'] | undefined =>
    p === 'password' ? 'password' : p === 'security' ? 'unknown' : p === 'non-security' ? 'other' : undefined;
  const direct = decide(combinedPurpose(destinationNames(top)));
  if (direct) return direct;
  const fromData = combinedPurpose([...data.flatMap((d) => namesIn(d)), ...data.flatMap((d) => definitionNames(values, d))]);
  if (fromData === 'password') return 'password';
  if (holder && flowNames(values, holder, top).some((n) => isPasswordName(n))) return 'password';
  const byData = decide(fromData);
  if (byData) return byData;
  const byFunction = decide(combinedPurpose(values.enclosingFunctionNames(call)));
  if (byFunction) return byFunction;
  return match.kdf ? 'password' : 'unknown';
}
