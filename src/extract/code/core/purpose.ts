// What a hash is for, from names around it: where the digest goes (`user.setPassword(md.digest())`,
// `$hashed_password = md5(...)`, `token = sha1(...)`), what is hashed (`password.getBytes()`), where
// the holder of a digest object flows later, and the enclosing function's name. Password beats
// security beats non-security; nothing recognisable gives 'unknown' (a security use is assumed).
import type { HashCallFact } from '../../../core/facts.js';
import { combinedPurpose, isPasswordName, type NamePurpose } from '../../code-facts-text.js';
import { walk } from '../../tree-sitter/ast.js';
import { callView, type Lang, type Node } from './expr.js';
import type { FileValues } from './values.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

/** Calls that re-encode a digest without changing what it is for. */
const ENCODERS = /^(hex|toHex|toHexString|encodeHex|encodeHexString|encodeToString|encode|printHexBinary|bin2hex|base64_encode|base64Encode|strtoupper|strtolower|String|toString|hexdigest|hexDigest|digest|toByteArray|format|Sprintf|EncodeToString|Sum|ToBase64String|ToHexString|BitConverter|Convert|Replace|ToLower|ToUpper|encodeBase64String|encodeBase64|encodeForBase64|copyOf|new)$/;

const HASHY = /^(md\d?|sha\d*|sha\d*_?digest|hmac\w*|mac|digest|hash|hasher|h|m|d|alg|algorithm|crypto|sum|md\d?digest|messagedigest)$/i;

function nameLike(node: Node): boolean {
  return node.type.includes('identifier') || node.type === 'name' || node.type === 'simple_identifier';
}

/** Identifiers and short string values inside a node. */
export function namesIn(lang: Lang, node: Node | null | undefined): string[] {
  const out: string[] = [];
  if (!node) return out;
  walk(node, (n) => {
    if (n.namedChildCount === 0 && nameLike(n)) out.push(n.text.replace(/^\$/, ''));
    const e = n.type.includes('string') ? lang.expr(n) : undefined;
    if (e?.k === 'string' && e.value.length < 40) out.push(e.value);
    if (e?.k === 'lambda') return false;
    return undefined;
  });
  return out.filter((n) => !/^(getBytes|bytes|encode|decode|utf8|UTF_8|UTF8|StandardCharsets|Encoding|GetBytes|toByteArray|this|self|as_bytes|to_vec|into|hexdigest|digest|update|Update|Write)$/.test(n));
}

function isArgumentContainer(node: Node): boolean {
  return /^(argument_list|arguments|value_arguments|value_argument|argument|token_tree)$/.test(node.type);
}

/** The outermost expression of `MessageDigest.getInstance("MD5").digest(x)` / `hex(md5(x))`, and the data given along the chain. */
export function chainTop(values: FileValues, call: Node): { top: Node; chainData: Node[] } {
  const lang = values.lang;
  let top = call;
  const chainData: Node[] = [];
  for (let guard = 0; guard < 12; guard++) {
    const parent = top.parent;
    if (!parent) break;
    // a method called on the value: `md.digest()`, `md5.New().Sum(nil)` (the receiver sits one level lower in some grammars)
    const onValue = [parent, parent.parent].find((n) => callView(lang, n)?.receiver?.id === top.id);
    if (onValue) {
      const pv = callView(lang, onValue)!;
      if (/^(update|digest|Write|write|hash|doFinal|ComputeHash|chain_update|finalize|Sum)$/.test(pv.method)) chainData.push(...pv.args);
      top = onValue;
      continue;
    }
    const pe = lang.expr(parent);
    if (pe.k === 'wrap' || pe.k === 'cast') { top = parent; continue; }
    if (isArgumentContainer(parent)) {
      let container: Node | null = parent;
      while (container && isArgumentContainer(container)) container = container.parent;
      const cv = callView(lang, container);
      if (container && cv && ENCODERS.test(cv.method)) { top = container; continue; }
    }
    break;
  }
  return { top, chainData };
}

/** Names the value at `top` is given to: an assignment target, a named argument, the called function, a returned-from function. */
export function destinationNames(values: FileValues, top: Node): string[] {
  const lang = values.lang;
  let parent = top.parent;
  if (!parent) return [];
  // argument of a call: the call's name (setPassword, save_password)
  if (isArgumentContainer(parent)) {
    let container: Node | null = parent;
    let namedArg: string | undefined;
    while (container && isArgumentContainer(container)) {
      const n = fieldOf(container, 'name');
      if (n) namedArg = n.text;
      container = container.parent;
    }
    const cv = callView(lang, container);
    return [namedArg, cv?.method].filter((x): x is string => !!x);
  }
  if (parent.type === 'return_statement' || parent.type === 'return_expression' || parent.type === 'jump_expression') return values.enclosingNames(top).slice(0, 1);
  const raws = lang.bindings(parent);
  if (raws && raws.length > 0) return raws.filter((b) => !b.value || b.value.id === top.id).map((b) => b.name).slice(0, 1);
  // declarator inside a declaration (Java / C#), or a member assignment (`user.password = ...`)
  if (/declarator|assignment|property|pair|keyed_element|element_initializer|initializer/.test(parent.type)) {
    const left = fieldOf(parent, 'left') ?? fieldOf(parent, 'name') ?? fieldOf(parent, 'key') ?? fieldOf(parent, 'pattern')
      ?? parent.namedChildren.find((c) => c && c.id !== top.id) ?? null;
    if (left && left.id !== top.id) {
      const names = namesIn(lang, left);
      if (names.length > 0) return names.slice(-1);
    }
    if (parent.parent && /declarator|declaration/.test(parent.parent.type)) return destinationNames(values, parent);
  }
  if (lang.expr(parent).k === 'bool-op') {
    const other = parent.namedChildren.find((c) => c && c.id !== top.id) ?? null;
    return namesIn(lang, other).slice(-1);
  }
  return [];
}

/** References to a local `holder` after `after`, and the names their values are given to. */
export function flowNames(values: FileValues, holder: string, after: Node): string[] {
  const scope = values.scopeNodeOf(after);
  const out: string[] = [];
  walk(scope, (n) => {
    if (n.startIndex < after.endIndex && n.endIndex <= after.endIndex) return n.endIndex > after.startIndex ? false : undefined;
    if (n.namedChildCount === 0 && nameLike(n) && n.text.replace(/^\$/, '') === holder && n.startIndex >= after.endIndex) {
      let ref: Node = n;
      if (ref.parent?.type === 'variable_name') ref = ref.parent;
      const { top } = chainTop(values, ref);
      out.push(...destinationNames(values, top));
    }
    return undefined;
  });
  return out;
}

/** The local a call's result is assigned to (`md` in `MessageDigest md = MessageDigest.getInstance(...)`). */
export function holderOf(values: FileValues, call: Node): string | undefined {
  let cur: Node = call;
  while (cur.parent && (values.lang.expr(cur.parent).k === 'wrap' || values.lang.expr(cur.parent).k === 'cast')) cur = cur.parent;
  const parent = cur.parent;
  if (!parent) return undefined;
  const raws = values.lang.bindings(parent);
  const own = raws?.find((b) => b.value?.id === cur.id);
  if (own) return own.name;
  if (/declarator/.test(parent.type)) return values.lang.bindings(parent.parent!)?.find((b) => b.value?.id === cur.id)?.name;
  return undefined;
}

export interface PurposeInput {
  /** The hashed data given to the call itself. */
  data: Node[];
  passwordLibrary?: boolean;
  kdf?: boolean;
  notForSecurity?: boolean;
}

/** Purpose of a hash call, and the later call on its holder where a password digest is produced (for the location). */
export function purposeOf(values: FileValues, call: Node, input: PurposeInput): { purpose: HashCallFact['purpose']; digestAt?: Node } {
  if (input.notForSecurity) return { purpose: 'other' };
  if (input.passwordLibrary) return { purpose: 'password' };
  const lang = values.lang;
  const { top, chainData } = chainTop(values, call);
  const holder = holderOf(values, top) ?? holderOf(values, call);
  const data = [...input.data, ...chainData];
  let digestAt: Node | undefined;
  const holderDestinations: string[] = [];
  if (holder) {
    const res = values.resolve(holder, top);
    const scope = res.kind === 'bindings' || res.kind === 'param' ? res.scope : values.scopeOf(call);
    for (const op of values.methodOpsOn(holder, scope)) {
      if (op.start <= call.startIndex) continue;
      if (/^(update|Update|digest|doFinal|ComputeHash|TransformBlock|TransformFinalBlock|Write|chain_update|hash|engineUpdate)$/.test(op.method)) data.push(...op.args);
      if (/^(digest|doFinal|ComputeHash|Sum|finalize|finalize_fixed|hexdigest|TransformFinalBlock)$/.test(op.method)) {
        const dTop = chainTop(values, op.node).top;
        const names = destinationNames(values, dTop);
        holderDestinations.push(...names);
        if (names.some((n) => isPasswordName(n))) digestAt ??= op.node;
      }
    }
  }
  const decide = (p: NamePurpose): HashCallFact['purpose'] | undefined =>
    p === 'password' ? 'password' : p === 'security' ? 'unknown' : p === 'non-security' ? 'other' : undefined;
  // a holder named after the algorithm (`hmac`, `md5`, `digest`, `hasher`) says nothing about the purpose
  const direct = decide(combinedPurpose([...destinationNames(values, top), ...holderDestinations].filter((n) => !HASHY.test(n))));
  if (direct) return { purpose: input.kdf && direct === 'unknown' ? 'unknown' : direct, digestAt };
  const dataNames = [...data.flatMap((d) => namesIn(lang, d)), ...data.flatMap((d) => definitionNames(values, d))];
  // protocol-mandated digests: the WebSocket accept key (RFC 6455)
  if (dataNames.some((n) => n.toUpperCase() === '258EAFA5-E914-47DA-95CA-C5AB0DC85B11')) return { purpose: 'other' };
  const fromData = combinedPurpose(dataNames);
  if (fromData === 'password') return { purpose: 'password', digestAt };
  const holderOfTop = holderOf(values, top);
  if (holderOfTop && flowNames(values, holderOfTop, top).some((n) => isPasswordName(n))) return { purpose: 'password', digestAt };
  const byData = decide(fromData);
  if (byData) return { purpose: byData, digestAt };
  const byFunction = decide(combinedPurpose(values.enclosingNames(call)));
  if (byFunction) return { purpose: byFunction, digestAt };
  return { purpose: input.kdf ? 'password' : 'unknown', digestAt };
}

/** Names in the definitions of the locals the data uses (`content = readFile(path)`). */
function definitionNames(values: FileValues, data: Node): string[] {
  const out: string[] = [];
  walk(data, (n) => {
    if (n.namedChildCount !== 0 || !nameLike(n)) return undefined;
    const res = values.resolve(n.text.replace(/^\$/, ''), n);
    if (res.kind === 'bindings' && res.bindings.length === 1 && res.bindings[0]!.value) out.push(...namesIn(values.lang, res.bindings[0]!.value));
    if (res.kind === 'param') out.push(res.param.name);
    return undefined;
  });
  return out;
}
