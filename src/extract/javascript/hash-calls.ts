// JS/TS hashing calls: node crypto (createHash, hash, createHmac, pbkdf2, scrypt, subtle.digest),
// bcrypt / bcryptjs (hash, genSalt, compare), argon2 / @node-rs/argon2, md5 / sha1 / js-sha* packages
// and crypto-js. Each call gets the algorithm, its cost parameters when written as constants, and a
// purpose ('password' when the hashed data, where the digest goes, or the surrounding function is
// about passwords; 'other' when it is clearly not a security use such as an etag or file checksum).
import type * as t from '@babel/types';
import type { Fact, HashAlgorithm, HashCallFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { combinedPurpose, isPasswordName, normaliseDigestName, type NamePurpose } from '../code-facts-text.js';
import type { Extractor } from '../types.js';
import { loc, memberPath, objectProperty, walk, type Node } from './ast.js';
import { FileValues, nodeEnd, nodeStart, unwrap } from './code-values.js';

type Params = NonNullable<HashCallFact['params']>;

interface Match {
  algorithm: HashAlgorithm;
  library: string;
  /** Password libraries: purpose is 'password' whatever the names say. */
  passwordLibrary?: boolean;
  /** KDFs (pbkdf2, scrypt): 'password' unless names say it derives some other key. */
  kdf?: boolean;
  isVerify?: boolean;
  params?: Params;
  /** The hashed data argument, when the call has it. */
  data?: Node;
}

const BCRYPT_MODULES = new Set(['bcrypt', 'bcryptjs', 'bcrypt-nodejs', '@node-rs/bcrypt', 'bcrypt-ts']);
const ARGON2_MODULES = new Set(['argon2', '@node-rs/argon2', 'argon2-browser', 'hash-wasm']);
const DIGEST_PACKAGES: Record<string, string> = {
  md5: 'md5', 'blueimp-md5': 'md5', 'js-md5': 'md5', 'md5-hex': 'md5', 'crypto-js/md5': 'md5', 'md5.js': 'md5',
  sha1: 'sha1', 'js-sha1': 'sha1', 'crypto-js/sha1': 'sha1', 'sha.js': 'sha1',
  'js-sha256': 'sha256', 'crypto-js/sha256': 'sha256', sha256: 'sha256', 'js-sha512': 'sha512', 'crypto-js/sha512': 'sha512',
};

export const javascriptHashCalls: Extractor = {
  id: 'javascript/hash-calls',
  languages: ['javascript', 'typescript'],
  keywords: ['crypto', 'bcrypt', 'argon2', 'md5', 'sha1', 'sha256', 'sha512', 'Hash', 'hash', 'pbkdf2', 'scrypt', 'CryptoJS', 'MD5', 'SHA'],
  extract(file: ParsedFile): Fact[] {
    if (file.tree.kind !== 'babel') return [];
    const values = FileValues.of(file.tree.ast as unknown as Node);
    const facts: Fact[] = [];
    for (const call of values.calls) {
      const match = matchHashCall(values, call);
      if (!match) continue;
      const fact: HashCallFact = {
        kind: 'hash-call',
        algorithm: match.algorithm,
        library: match.library,
        purpose: purposeOf(values, call, match),
        location: loc(file.path, call as Node),
      };
      if (match.isVerify) fact.isVerify = true;
      if (match.params && Object.keys(match.params).length > 0) fact.params = match.params;
      facts.push(fact);
    }
    return facts;
  },
};

/** `crypto.createHash` with `crypto` required from 'node:crypto' -> { module: 'crypto', member: ['createHash'] }. */
function calleeModule(values: FileValues, call: t.CallExpression | t.NewExpression): { module: string; member: string[] } | undefined {
  const path = memberPath(unwrap(call.callee as Node));
  if (!path || path.length === 0) return undefined;
  const imp = values.importOf(path[0]!);
  if (imp) {
    const module = imp.source.replace(/^node:/, '');
    const member = imp.imported === 'default' || imp.imported === '*' ? path.slice(1) : [imp.imported, ...path.slice(1)];
    return { module, member };
  }
  // Not imported in this file: go by the conventional names.
  const root = path[0]!;
  if (root === 'crypto' || root === 'bcrypt' || root === 'bcryptjs' || root === 'argon2' || root === 'CryptoJS') {
    return { module: root === 'CryptoJS' ? 'crypto-js' : root, member: path.slice(1) };
  }
  return undefined;
}

function numberOf(values: FileValues, node: Node | undefined, depth = 0): number | undefined {
  const n = unwrap(node);
  if (!n || depth > 5) return undefined;
  if (n.type === 'NumericLiteral') return n.value;
  if (n.type === 'StringLiteral' && /^\d+$/.test(n.value)) return Number(n.value);
  if (n.type === 'BinaryExpression' && ['*', '+', '**', '<<'].includes(n.operator)) {
    const a = numberOf(values, n.left as Node, depth + 1);
    const b = numberOf(values, n.right, depth + 1);
    if (a === undefined || b === undefined) return undefined;
    return n.operator === '*' ? a * b : n.operator === '+' ? a + b : n.operator === '**' ? a ** b : a << b;
  }
  if (n.type === 'Identifier') {
    const res = values.resolve(n.name, n);
    if (res.kind === 'bindings' && res.bindings.length === 1 && res.bindings[0]!.op === '=') return numberOf(values, res.bindings[0]!.value, depth + 1);
    return undefined;
  }
  if (n.type === 'LogicalExpression' && (n.operator === '||' || n.operator === '??')) {
    // `Number(process.env.ROUNDS) || 12`: the fallback
    return numberOf(values, n.right, depth + 1);
  }
  if (n.type === 'CallExpression' && n.arguments.length === 1) {
    const name = memberPath(n.callee as Node)?.join('.');
    if (name === 'Number' || name === 'parseInt') return numberOf(values, n.arguments[0] as Node, depth + 1);
  }
  return undefined;
}

function stringOf(values: FileValues, node: Node | undefined, depth = 0): string | undefined {
  const n = unwrap(node);
  if (!n || depth > 5) return undefined;
  if (n.type === 'StringLiteral') return n.value;
  if (n.type === 'TemplateLiteral' && n.expressions.length === 0) return n.quasis.map((q) => q.value.cooked ?? '').join('');
  if (n.type === 'Identifier') {
    const res = values.resolve(n.name, n);
    if (res.kind === 'bindings' && res.bindings.length === 1 && res.bindings[0]!.op === '=') return stringOf(values, res.bindings[0]!.value, depth + 1);
  }
  return undefined;
}

function digestAlgorithm(name: string | undefined): { algorithm: HashAlgorithm; variant?: string } | undefined {
  if (name === undefined) return { algorithm: 'unknown' };
  const n = normaliseDigestName(name);
  if (n === 'md5') return { algorithm: 'md5' };
  if (n === 'sha1') return { algorithm: 'sha1' };
  if (n === 'sha256' || n === 'sha224' || n === 'sha3256' || n === 'sha512256') return { algorithm: 'sha256', variant: n === 'sha256' ? undefined : n };
  if (n === 'sha512' || n === 'sha384' || n === 'sha3512' || n === 'sha3384') return { algorithm: 'sha512', variant: n === 'sha512' ? undefined : n };
  return { algorithm: 'unknown', variant: n };
}

function withVariant(params: Params, variant: string | undefined): Params {
  if (variant) params.variant = variant;
  return params;
}

function matchHashCall(values: FileValues, call: t.CallExpression | t.NewExpression): Match | undefined {
  const target = calleeModule(values, call);
  if (!target) return undefined;
  const { module, member } = target;
  const args = call.arguments as Node[];
  const method = member.at(-1) ?? '';
  const matcher = module === 'crypto' ? nodeCrypto : BCRYPT_MODULES.has(module) ? bcryptCall
    : ARGON2_MODULES.has(module) ? argon2Call : module === 'crypto-js' ? cryptoJs : digestPackage;
  return matcher(values, call, module, member, args, method);
}

function nodeCrypto(values: FileValues, call: t.CallExpression | t.NewExpression, module: string, member: string[], args: Node[], method: string): Match | undefined {
  if (member.length === 1 && method === 'createHash') {
    const d = digestAlgorithm(stringOf(values, args[0]));
    if (!d) return undefined;
    return { algorithm: d.algorithm, library: 'crypto', params: withVariant({}, d.variant) };
  }
  if (member.length === 1 && method === 'hash') {
    const d = digestAlgorithm(stringOf(values, args[0]));
    return d && { algorithm: d.algorithm, library: 'crypto', params: withVariant({}, d.variant), data: args[1] };
  }
  if (member.length === 2 && member[0] === 'subtle' && method === 'digest') {
    const d = digestAlgorithm(stringOf(values, args[0]));
    return d && { algorithm: d.algorithm, library: 'crypto', params: withVariant({}, d.variant), data: args[1] };
  }
  if (member.length === 1 && method === 'createHmac') {
    const name = stringOf(values, args[0]);
    return { algorithm: 'hmac', library: 'crypto', params: withVariant({}, name ? normaliseDigestName(name) : undefined) };
  }
  if (member.length === 1 && (method === 'pbkdf2' || method === 'pbkdf2Sync')) {
    const params: Params = {};
    const iterations = numberOf(values, args[2]);
    if (iterations !== undefined) params.iterations = iterations;
    const digest = stringOf(values, args[4]);
    return { algorithm: 'pbkdf2', library: 'crypto', kdf: true, params: withVariant(params, digest ? normaliseDigestName(digest) : undefined), data: args[0] };
  }
  if (member.length === 1 && (method === 'scrypt' || method === 'scryptSync')) {
    const params: Params = {};
    const opts = unwrap(args[3]);
    const cost = numberOf(values, objectProperty(opts, 'N') ?? objectProperty(opts, 'cost'));
    if (cost !== undefined) params.cost = cost;
    return { algorithm: 'scrypt', library: 'crypto', kdf: true, params, data: args[0] };
  }
  return undefined;
  return undefined;
}

function bcryptCall(values: FileValues, call: t.CallExpression | t.NewExpression, module: string, member: string[], args: Node[], method: string): Match | undefined {
  const library = module === '@node-rs/bcrypt' || module === 'bcrypt-ts' ? module : module === 'bcryptjs' ? 'bcryptjs' : 'bcrypt';
  if (method === 'hash' || method === 'hashSync') {
    const params: Params = {};
    const rounds = roundsOf(values, args[1]);
    if (rounds !== undefined) params.cost = rounds;
    return { algorithm: 'bcrypt', library, passwordLibrary: true, params, data: args[0] };
  }
  if (method === 'genSalt' || method === 'genSaltSync') {
    const rounds = numberOf(values, args[0]);
    if (rounds === undefined) return undefined; // the hash call that uses the salt is reported
    if (isInsideBcryptHash(values, call)) return undefined;
    return { algorithm: 'bcrypt', library, passwordLibrary: true, params: { cost: rounds } };
  }
  if (method === 'compare' || method === 'compareSync' || method === 'verify') {
    return { algorithm: 'bcrypt', library, passwordLibrary: true, isVerify: true, data: args[0] };
  }
  return undefined;
  return undefined;
}

function argon2Call(values: FileValues, call: t.CallExpression | t.NewExpression, module: string, member: string[], args: Node[], method: string): Match | undefined {
  if (method === 'hash' || method === 'hashRaw' || method === 'argon2id' || method === 'argon2i' || method === 'argon2d') {
    const opts = unwrap(args[1]);
    const params: Params = {};
    const memory = numberOf(values, objectProperty(opts, 'memoryCost') ?? objectProperty(opts, 'memorySize'));
    const time = numberOf(values, objectProperty(opts, 'timeCost') ?? objectProperty(opts, 'iterations'));
    const par = numberOf(values, objectProperty(opts, 'parallelism'));
    if (memory !== undefined) params.memoryKiB = memory;
    if (time !== undefined) params.iterations = time;
    if (par !== undefined) params.parallelism = par;
    const variant = method.startsWith('argon2') ? method : argon2Variant(values, objectProperty(opts, 'type') ?? objectProperty(opts, 'algorithm'));
    params.variant = variant ?? 'argon2id';
    return { algorithm: 'argon2', library: module, passwordLibrary: true, params, data: args[0] };
  }
  if (method === 'verify' || method === 'argon2Verify') return { algorithm: 'argon2', library: module, passwordLibrary: true, isVerify: true, data: args[1] };
  return undefined;
  return undefined;
}

function cryptoJs(values: FileValues, call: t.CallExpression | t.NewExpression, module: string, member: string[], args: Node[], method: string): Match | undefined {
  const m = /^(MD5|SHA1|SHA256|SHA224|SHA512|SHA384|SHA3|RIPEMD160|HmacMD5|HmacSHA1|HmacSHA256|HmacSHA512|PBKDF2)$/.exec(method);
  if (!m) return undefined;
  if (method === 'PBKDF2') {
    const params: Params = {};
    const iterations = numberOf(values, objectProperty(unwrap(args[2]), 'iterations'));
    if (iterations !== undefined) params.iterations = iterations;
    return { algorithm: 'pbkdf2', library: 'crypto-js', kdf: true, params, data: args[0] };
  }
  if (method.startsWith('Hmac')) return { algorithm: 'hmac', library: 'crypto-js', params: { variant: normaliseDigestName(method.slice(4)) }, data: args[0] };
  const d = digestAlgorithm(method);
  return d && { algorithm: d.algorithm, library: 'crypto-js', params: withVariant({}, d.variant), data: args[0] };
  return undefined;
}

function digestPackage(values: FileValues, call: t.CallExpression | t.NewExpression, module: string, member: string[], args: Node[], method: string): Match | undefined {
  const digest = DIGEST_PACKAGES[module];
  if (digest && call.type === 'CallExpression' && (member.length === 0 || ['hex', 'create', 'update', 'array', 'digest'].includes(method))) {
    const d = digestAlgorithm(digest)!;
    return { algorithm: d.algorithm, library: module, params: withVariant({}, d.variant), data: args[0] };
  }
  return undefined;
}

function roundsOf(values: FileValues, node: Node | undefined): number | undefined {
  const n = unwrap(node);
  if (!n) return undefined;
  if (n.type === 'CallExpression') {
    const name = memberPath(n.callee as Node)?.at(-1);
    if (name === 'genSalt' || name === 'genSaltSync') return numberOf(values, n.arguments[0] as Node);
  }
  if (n.type === 'Identifier') {
    const res = values.resolve(n.name, n);
    if (res.kind === 'bindings' && res.bindings.length === 1) {
      const v = unwrap(res.bindings[0]!.value);
      if (v && v.type === 'CallExpression') return roundsOf(values, v);
    }
  }
  return numberOf(values, n);
}

function isInsideBcryptHash(values: FileValues, call: Node): boolean {
  for (let cur = values.parentOf(call); cur; cur = values.parentOf(cur)) {
    if (cur.type === 'CallExpression') {
      const name = memberPath(cur.callee as Node)?.at(-1);
      if (name === 'hash' || name === 'hashSync') return true;
    }
    if (cur.type.includes('Function') || cur.type.endsWith('Statement')) break;
  }
  // const salt = await bcrypt.genSalt(12); bcrypt.hash(pw, salt): the hash call carries the cost
  return holderName(values, call) !== undefined;
}

function argon2Variant(values: FileValues, node: Node | undefined): string | undefined {
  const n = unwrap(node);
  if (!n) return undefined;
  const path = memberPath(n);
  const last = path?.at(-1)?.toLowerCase();
  if (last && /^argon2(id|i|d)$/.test(last)) return last;
  const num = numberOf(values, n);
  if (num !== undefined) return ['argon2d', 'argon2i', 'argon2id'][num];
  return undefined;
}

// ------------------------------------------------------------------------------------------------
// Purpose

/** The expression a hash call's value ends up as: `crypto.createHash('md5').update(x).digest('hex')`. */
function chainTop(values: FileValues, call: Node): { top: Node; chainData: Node[] } {
  let top = call;
  const chainData: Node[] = [];
  for (;;) {
    const parent = values.parentOf(top);
    if (!parent) break;
    if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.object === top) {
      const grand = values.parentOf(parent);
      if (grand && (grand.type === 'CallExpression' || grand.type === 'OptionalCallExpression') && grand.callee === parent) {
        const method = memberPath(parent.property as Node)?.[0];
        if (method === 'update') chainData.push(...(grand.arguments as Node[]));
        top = grand;
        continue;
      }
      break;
    }
    if (parent.type === 'AwaitExpression' || parent.type === 'TSAsExpression' || parent.type === 'TSNonNullExpression' || parent.type === 'ParenthesizedExpression') {
      top = parent;
      continue;
    }
    break;
  }
  return { top, chainData };
}

function holderName(values: FileValues, call: Node): string | undefined {
  const { top } = chainTop(values, call);
  const parent = values.parentOf(top);
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if (parent?.type === 'AssignmentExpression' && parent.left.type === 'Identifier') return parent.left.name;
  return undefined;
}

/** Identifier and property names inside an expression (`req.body.password` -> ['req', 'body', 'password']). */
function namesIn(node: Node | undefined): string[] {
  const out: string[] = [];
  if (!node) return out;
  walk(node, (n) => {
    if (n.type === 'Identifier') out.push(n.name);
    else if (n.type === 'StringLiteral' && n.value.length < 40) out.push(n.value);
    if (n.type.includes('Function')) return false;
    return undefined;
  });
  return out.filter((n) => !['toString', 'encode', 'from', 'Buffer', 'utf8', 'hex', 'base64', 'JSON', 'stringify', 'String', 'digest', 'update'].includes(n));
}

/** Names of where a value goes: the variable / property it is assigned to, the call it is passed to, what it is compared with. */
function destinationNames(values: FileValues, top: Node): string[] {
  const names: string[] = [];
  const parent = values.parentOf(top);
  if (!parent) return names;
  switch (parent.type) {
    case 'VariableDeclarator':
      if (parent.id.type === 'Identifier') names.push(parent.id.name);
      break;
    case 'AssignmentExpression': {
      const path = memberPath(parent.left as Node);
      if (path) names.push(path.at(-1)!);
      break;
    }
    case 'ObjectProperty': {
      const key = parent.key;
      if (key.type === 'Identifier') names.push(key.name);
      else if (key.type === 'StringLiteral') names.push(key.value);
      break;
    }
    case 'ClassProperty': {
      const key = parent.key;
      if (key.type === 'Identifier') names.push(key.name);
      break;
    }
    case 'CallExpression':
    case 'NewExpression': {
      if (parent.callee !== top) {
        const callee = memberPath(parent.callee as Node);
        if (callee) names.push(callee.at(-1)!);
        // the name the digest is stored under: res.setHeader('ETag', md5(...)), cache.set('avatar', ...)
        for (const arg of parent.arguments as Node[]) {
          if (arg !== top && arg.type === 'StringLiteral' && arg.value.length < 40) names.push(arg.value);
        }
      }
      break;
    }
    case 'BinaryExpression':
      if (['===', '==', '!==', '!='].includes(parent.operator)) {
        const other = parent.left === top ? parent.right : parent.left;
        names.push(...namesIn(other as Node).slice(-1));
      }
      break;
    default:
      break;
  }
  return names;
}

/** Later uses of a holder variable: names of the calls it is passed to / members it is assigned to. */
function flowNames(values: FileValues, holder: string, after: Node): string[] {
  const out: string[] = [];
  for (const ref of values.referencesIn(holder, after)) {
    if (nodeStart(ref) < nodeEnd(after)) continue;
    let top: Node = ref;
    // holder.digest('hex') / holder.finalize()
    for (;;) {
      const p = values.parentOf(top);
      const g = p ? values.parentOf(p) : undefined;
      if (p && p.type === 'MemberExpression' && p.object === top && g && g.type === 'CallExpression' && g.callee === p) { top = g; continue; }
      break;
    }
    out.push(...destinationNames(values, top));
  }
  return out;
}

function dataOf(values: FileValues, call: Node, match: Match, holder: string | undefined): Node[] {
  const data: Node[] = [];
  if (match.data) data.push(match.data);
  data.push(...chainTop(values, call).chainData);
  if (holder) {
    for (const c of values.methodCallsOn(holder, call)) {
      const method = memberPath(c.callee as Node)?.at(-1);
      if (method === 'update' && nodeStart(c) > nodeStart(call)) data.push(...(c.arguments as Node[]));
    }
  }
  return data;
}

function definitionNames(values: FileValues, data: Node): string[] {
  const out: string[] = [];
  walk(data, (n) => {
    if (n.type !== 'Identifier') return undefined;
    const res = values.resolve(n.name, n);
    if (res.kind === 'bindings' && res.bindings.length === 1 && res.bindings[0]!.value) out.push(...namesIn(res.bindings[0]!.value));
    return undefined;
  });
  return out;
}

function purposeOf(values: FileValues, call: Node, match: Match): HashCallFact['purpose'] {
  if (match.passwordLibrary) return 'password';
  const { top } = chainTop(values, call);
  const holder = holderName(values, call);
  const destination = destinationNames(values, top);
  const fromDestination = combinedPurpose(destination);
  const dataNodes = dataOf(values, call, match, holder);
  // names in the data and in the definitions of the locals it uses (`buffer = fs.readFileSync(file)`)
  const dataNames = [...dataNodes.flatMap((d) => namesIn(d)), ...dataNodes.flatMap((d) => definitionNames(values, d))];
  const fromData = combinedPurpose(dataNames);
  const flows = holder ? flowNames(values, holder, top) : [];
  const functionNames = values.enclosingFunctionNames(call);
  const decide = (p: NamePurpose): HashCallFact['purpose'] | undefined =>
    p === 'password' ? 'password' : p === 'security' ? 'unknown' : p === 'non-security' ? 'other' : undefined;
  // where the digest goes says most; then the hashed data; then later uses; then the function's name
  const direct = decide(fromDestination);
  if (direct) return match.kdf && direct === 'unknown' ? 'unknown' : direct;
  if (fromData === 'password') return 'password';
  if (flows.some((n) => isPasswordName(n))) return 'password';
  const byData = decide(fromData);
  if (byData) return byData;
  const byFunction = decide(combinedPurpose(functionNames));
  if (byFunction) return byFunction;
  return match.kdf ? 'password' : 'unknown';
}
