// Heuristics over single values taken from a syntax tree (one string literal's text, one identifier's
// name) shared by the JS/TS and Python code-fact extractors (sql-calls, hash-calls, jwt-calls,
// config-issues). Nothing here looks at source text: callers pass values they read from the AST.

/** Statement keywords that open a SQL statement. */
const SQL_START = /^\s*\(?\s*(select|insert|update|delete|create|drop|alter|with|replace|merge|truncate|pragma|exec|execute|call|grant|revoke|upsert|declare|begin|explain|show|describe|set|values|lock|vacuum|analyze|copy)\b/i;

const WORD = /[a-z_]+/gi;

/**
 * True when a text looks like SQL: it opens with a statement keyword, or holds a typical clause
 * pair (`select … from`, `insert into`, `update … set`, `delete from`, `… where …`).
 * Linear: one keyword regex at the start, then a scan over words.
 */
export function looksLikeSql(text: string): boolean {
  if (SQL_START.test(text)) {
    // "Select a file" / "Update your profile": a statement keyword followed by plain prose.
    return hasSqlShape(text, true);
  }
  return hasSqlShape(text, false);
}

function hasSqlShape(text: string, startsWithKeyword: boolean): boolean {
  const words = (text.match(WORD) ?? []).map((w) => w.toLowerCase());
  const has = new Set(words);
  const first = words[0] ?? '';
  if (startsWithKeyword) {
    if (words.length <= 1) return ['select', 'insert', 'update', 'delete', 'with', 'pragma', 'truncate'].includes(first);
    switch (first) {
      case 'select': return has.has('from') || /[*(),=]/.test(text) || words.length <= 4;
      case 'insert': case 'replace': case 'upsert': return has.has('into') || has.has('values');
      case 'update': return has.has('set');
      case 'delete': return has.has('from') || has.has('where');
      case 'create': case 'drop': case 'alter': case 'truncate':
        return has.has('table') || has.has('index') || has.has('view') || has.has('database') || has.has('schema')
          || has.has('sequence') || has.has('trigger') || has.has('function') || has.has('procedure') || has.has('column') || has.has('extension');
      case 'with': return has.has('as') && (has.has('select') || has.has('insert') || has.has('update') || has.has('delete'));
      case 'set': return has.has('session') || has.has('search_path') || has.has('local') || (words[1] === 'schema' || words[1] === 'role') && words.length <= 4 || /=/.test(text) && words.length <= 6;
      case 'show': case 'describe': case 'explain': return has.has('tables') || has.has('select') || has.has('columns') || has.has('from') || words.length <= 3;
      case 'values': return /\(/.test(text);
      case 'begin': case 'exec': case 'execute': case 'call': case 'declare': return /[(;@]/.test(text) || words.length <= 3;
      default: return true;
    }
  }
  // Fragments: "… WHERE id = ", " AND name LIKE '", " ORDER BY ", "select … from …" inside a longer text.
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (w === 'select' && words.indexOf('from', i + 1) > i) return true;
    if (w === 'insert' && next === 'into') return true;
    if (w === 'delete' && next === 'from') return true;
    if (w === 'update' && words.indexOf('set', i + 2) > i && /=/.test(text)) return true;
    if ((w === 'where' || w === 'and' || w === 'or') && /(=|<|>|\blike\b|\bin\b|\bis\b)/i.test(text) && has.has('where')) return true;
    if (w === 'order' && next === 'by' && (has.has('asc') || has.has('desc') || has.has('select') || has.has('where'))) return true;
    if (w === 'group' && next === 'by' && (has.has('select') || has.has('where') || has.has('having'))) return true;
  }
  return false;
}

/** Lower-case words of an identifier: `hashPassword` -> ['hash', 'password'], `PW_TEXT` -> ['pw', 'text']. */
export function nameTokens(name: string): string[] {
  const out: string[] = [];
  for (const part of name.split(/[^A-Za-z0-9]+/)) {
    if (!part) continue;
    // split camelCase / PascalCase: boundaries before an upper-case letter that follows a lower-case one
    let current = '';
    for (let i = 0; i < part.length; i++) {
      const ch = part[i]!;
      const prev = part[i - 1];
      if (current && ch >= 'A' && ch <= 'Z' && prev !== undefined && prev >= 'a' && prev <= 'z') {
        out.push(current.toLowerCase());
        current = '';
      }
      current += ch;
    }
    if (current) out.push(current.toLowerCase());
  }
  return out;
}

const PASSWORD_WORDS = new Set(['password', 'passwords', 'passwd', 'pwd', 'pass', 'pw', 'passphrase', 'pswd', 'passwort', 'pword', 'pwhash', 'pwdhash', 'pwtext', 'passcode', 'pin']);

/** True when an identifier names a password (`password`, `userPwd`, `new_passwd`, `pwtext`). */
export function isPasswordName(name: string): boolean {
  return nameTokens(name).some((w) => PASSWORD_WORDS.has(w) || w.startsWith('password') || w.startsWith('passwd')
    || (w.startsWith('pw') && w.length <= 6 && !w.startsWith('pwa')));
}

/** Words that mark a hash as security-relevant but not a password hash: tokens, keys, signatures, salts. */
const SECURITY_WORDS = new Set([
  'token', 'tokens', 'secret', 'secrets', 'apikey', 'privkey', 'signingkey', 'signature', 'sig', 'sign', 'signed', 'nonce', 'salt',
  'session', 'sessionid', 'csrf', 'xsrf', 'otp', 'totp', 'reset', 'verify', 'verification', 'auth', 'authorization',
  'hmac', 'mac', 'cookie', 'jwt', 'credential', 'credentials', 'challenge', 'invite', 'activation', 'confirm', 'confirmation',
]);

/** Words that mark a digest as not a security control: caches, etags, file checksums, avatars. */
const NON_SECURITY_WORDS = new Set([
  'etag', 'etags', 'cache', 'cached', 'caching', 'checksum', 'checksums', 'crc', 'md5sum', 'sha1sum', 'file', 'files',
  'filename', 'filepath', 'path', 'chunk', 'chunks', 'content', 'contents', 'gravatar', 'avatar', 'color', 'colour',
  'fingerprint', 'integrity', 'dedupe', 'dedup', 'duplicate', 'bucket', 'shard', 'partition', 'asset', 'assets',
  'image', 'img', 'thumbnail', 'url', 'uri', 'slug', 'lock', 'fixture', 'sri', 'blob', 'upload', 'download',
]);

export type NamePurpose = 'password' | 'security' | 'non-security' | 'neutral';

/** What one identifier says about the purpose of a hash. Password beats security beats non-security. */
export function namePurpose(name: string): NamePurpose {
  if (isPasswordName(name)) return 'password';
  const words = nameTokens(name);
  if (words.some((w) => SECURITY_WORDS.has(w))) return 'security';
  if (words.some((w) => NON_SECURITY_WORDS.has(w))) return 'non-security';
  return 'neutral';
}

/** Combines several names: the strongest signal wins (password > security > non-security). */
export function combinedPurpose(names: Iterable<string>): NamePurpose {
  let best: NamePurpose = 'neutral';
  const rank: Record<NamePurpose, number> = { neutral: 0, 'non-security': 1, security: 2, password: 3 };
  for (const name of names) {
    const p = namePurpose(name);
    if (rank[p] > rank[best]) best = p;
  }
  return best;
}

const DURATION = /^\s*(-?\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i;
const UNIT_SECONDS: Record<string, number> = {
  '': 1, ms: 0.001, msec: 0.001, msecs: 0.001, millisecond: 0.001, milliseconds: 0.001,
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  m: 60, min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
  d: 86400, day: 86400, days: 86400,
  w: 604800, week: 604800, weeks: 604800,
  y: 31557600, yr: 31557600, yrs: 31557600, year: 31557600, years: 31557600,
};

/** `'7d'`, `'12h'`, `'30 days'`, `'3600'` (vercel/ms syntax used by jsonwebtoken) -> seconds; undefined when unparsable. */
export function parseDurationSeconds(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m) return undefined;
  const unit = UNIT_SECONDS[m[2]!.toLowerCase()];
  return unit === undefined ? undefined : Number(m[1]) * unit;
}

export const ONE_DAY_SECONDS = 86400;

/** Canonical digest name: 'SHA-256' / 'sha256' / 'RSA-SHA256' -> 'sha256'; 'md5' -> 'md5'. */
export function normaliseDigestName(name: string): string {
  const lower = name.toLowerCase().replace(/^rsa-/, '').replace(/[-_]/g, '');
  return lower === 'sha' ? 'sha1' : lower;
}
