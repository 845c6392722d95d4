// Keys written in the source: a string literal, a constant holding one, the bytes of one
// (`Encoding.UTF8.GetBytes("k")`, `"k".getBytes()`, `[]byte("k")`, `b"k"`, `"k".as_bytes()`), or the
// literal fallback of a missing environment variable (`getenv("K") ?: "k"`, `env('K', 'k')`).
import type { Node } from './expr.js';
import type { FileValues } from './values.js';

const BYTES_METHODS = /^(ToArray|AsSpan|AsMemory|getBytes|GetBytes|toByteArray|as_bytes|into_bytes|to_vec|as_ref|into|encodeToByteArray|toCharArray|to_owned|to_string|String|bytes|Bytes|from|FromBase64String|decode|Decode|DecodeString|parseBase64Binary|hmacShaKeyFor|HMAC256|HMAC384|HMAC512|hmacShaKeyFor|secretKeyFor|new_from_slice|from_secret|from_base64_secret|hmac_sha256|HS256|HS512)$/;
const ENV_CALLS = /^(getenv|Getenv|GetEnvironmentVariable|env|getProperty|get|getOrDefault|getOrElse|var|LookupEnv|Get|GetValue|config)$/;

export function hardcodedText(values: FileValues, node: Node | null | undefined, depth = 0): 'literal' | 'fallback' | undefined {
  if (!node || depth > 6) return undefined;
  const lang = values.lang;
  const e = lang.expr(node);
  switch (e.k) {
    case 'string': return e.value.length > 0 ? 'literal' : undefined;
    case 'wrap': case 'cast': return hardcodedText(values, e.inner, depth + 1);
    case 'name': {
      const res = values.resolve(e.name, node);
      if (res.kind === 'bindings') {
        const live = res.bindings.filter((b) => b.op !== 'declare');
        if (live.length === 0) return undefined;
        // `key := os.Getenv("K"); if key == "" { key = "fallback" }`
        const kinds = live.map((b) => (b.op === '=' ? hardcodedText(values, b.value, depth + 1) : undefined));
        if (kinds.every((k) => k === 'literal')) return 'literal';
        if (kinds.some((k) => k)) return 'fallback';
        return undefined;
      }
      if (res.kind === 'field') {
        const field = values.constantField(e.name);
        return field ? hardcodedText(values, field.value, depth + 1) : undefined;
      }
      return undefined;
    }
    case 'member': {
      const field = e.path && e.path.length === 2 && /^(this|self|static|Self)$/.test(e.path[0]!) || (e.path && /^[A-Z]/.test(e.path[0]!) && e.path.length === 2)
        ? values.constantField(e.name) : undefined;
      return field ? hardcodedText(values, field.value, depth + 1) : undefined;
    }
    case 'cond': {
      // getenv("K") ?: "fallback" / a ?? "fallback"
      const kinds = e.branches.map((b) => hardcodedText(values, b, depth + 1));
      if (kinds.every((k) => k === 'literal')) return 'literal';
      return kinds.some((k) => k) ? 'fallback' : undefined;
    }
    case 'call': {
      if (ENV_CALLS.test(e.method) && e.args.length >= 2 && /env|Env|ENV|property|Property|config|Config/.test(e.path?.join('.') ?? e.method + (e.receiver?.text ?? ''))) {
        return hardcodedText(values, e.args.at(-1), depth + 1) ? 'fallback' : undefined;
      }
      if (BYTES_METHODS.test(e.method)) {
        if (e.receiver && e.args.length === 0) return hardcodedText(values, e.receiver, depth + 1);
        if (e.args[0]) return hardcodedText(values, e.args[0], depth + 1);
        if (e.receiver) return hardcodedText(values, e.receiver, depth + 1);
      }
      if (e.isNew && /^(SecretKeySpec|SymmetricSecurityKey|String|HmacKey|Key)$/.test(e.method) && e.args[0]) return hardcodedText(values, e.args[0], depth + 1);
      return undefined;
    }
    default:
      return undefined;
  }
}
