// Hardcoded secrets in plain configuration files (.env*, .properties, .ini, .toml, .yml/.yaml,
// .json, docker-compose*, .npmrc, .pem/.key, XML): the one extractor that reads text line by line.
// Each line is split into `key = value` / `key: value` by index arithmetic; regexes are applied
// only to one key or value at a time, and all of them are linear.
import type { SecretCandidateFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import type { Extractor } from '../types.js';
import { classifySecret } from './classify.js';
import { isPlaceholder, shannonEntropy } from './placeholder.js';
import { matchProvider } from './providers.js';
import { redactSecret } from './redact.js';
import { isTestOrExample } from './test-path.js';

/** Generated or dependency files: hashes and registry URLs, never hand-written secrets. */
/** Lock files, tool configs, schemas, maps and manifests: no secrets worth a finding. Plain tests (a long alternation with `.*` parts was quadratic). */
const SKIP_NAMES = new Set([
  'composer.json', 'package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'pnpm-lock.yml', 'yarn.lock', 'composer.lock',
  'poetry.lock', 'pipfile.lock', 'jsconfig.json', 'renovate.json', 'angular.json', 'tslint.json', 'pipfile',
]);
const SKIP_FILES = {
  test(base: string): boolean {
    const name = base.toLowerCase();
    return SKIP_NAMES.has(name) || (name.startsWith('tsconfig') && name.endsWith('.json')) || name.startsWith('.eslintrc')
      || name.startsWith('.prettierrc') || name.endsWith('.schema.json') || name.endsWith('.min.json') || name.endsWith('.map')
      || (name.startsWith('requirements') && name.endsWith('.txt')) || name.endsWith('.prisma');
  },
};

interface KeyValue {
  key: string;
  value: string;
  /** 0-based column of the value in the line. */
  column: number;
  quoted: boolean;
}

const KEY_TOKEN = /^[A-Za-z_./:@-][A-Za-z0-9_./:@-]*$/;

/** `KEY=value`, `export KEY="value"`, `- KEY=value`, `key: value`, `"key": "value",`, `<password>v</password>`. */
export function splitKeyValue(line: string): KeyValue | undefined {
  let start = 0;
  while (start < line.length && (line[start] === ' ' || line[start] === '\t')) start++;
  let rest = line.slice(start);
  if (rest.startsWith('#') || rest.startsWith(';') || rest.startsWith('//') && !rest.includes(':_')) return undefined;
  if (rest.startsWith('<')) return xmlKeyValue(line);
  let offset = start;
  for (const prefix of ['export ', '- ', 'set ']) {
    if (rest.startsWith(prefix)) {
      rest = rest.slice(prefix.length);
      offset += prefix.length;
    }
  }
  // One quoted `KEY=value` item of a list: `"SECRET_KEY=s3cr3t",` (pytest-env, compose `environment`)
  const item = /^(["'])([A-Za-z_][A-Za-z0-9_.]*=[^"']*)\1,?\s*$/.exec(rest);
  if (item) {
    rest = item[2]!;
    offset += 1;
  }
  const eq = rest.indexOf('=');
  const colon = rest.search(/:(\s|$|["'])/);
  let sep = -1;
  if (eq > 0 && (colon < 0 || eq < colon)) sep = eq;
  else if (colon > 0) sep = colon;
  // `sauce_access_key:034e…`: a colon straight after an identifier, with no other separator on the line
  else if (eq < 0) {
    const tight = /^[A-Za-z_][A-Za-z0-9_.-]{0,80}:(?![/:\\])/.exec(rest);
    if (tight) sep = tight[0].length - 1;
  }
  if (sep <= 0) return undefined;
  let key = rest.slice(0, sep).trim();
  if (key.startsWith('"') || key.startsWith("'")) key = key.slice(1);
  if (key.endsWith('"') || key.endsWith("'")) key = key.slice(0, -1);
  if (!KEY_TOKEN.test(key)) return undefined;
  const rawValue = rest.slice(sep + 1);
  const lead = rawValue.length - rawValue.trimStart().length;
  let value = rawValue.trim();
  let column = offset + sep + 1 + lead;
  let quoted = false;
  const quote = value[0];
  if (quote === '"' || quote === "'" || quote === '`') {
    const end = value.indexOf(quote, 1);
    if (end < 0) return undefined;
    value = value.slice(1, end);
    column += 1;
    quoted = true;
  } else {
    const comment = value.search(/\s[#;]/);
    if (comment >= 0) value = value.slice(0, comment);
    value = value.replace(/,$/, '').trim();
  }
  // npmrc scoped keys (//registry.npmjs.org/:_authToken) name the setting after the last ':'/'/';
  // other keys with '/' or '@' are package names (composer.json, package.json), not settings.
  if (key.startsWith('//')) key = key.split(/[:/]/).filter(Boolean).pop() ?? key;
  else if (key.includes('/') || key.startsWith('@')) return undefined;
  return { key, value, column, quoted };
}

function xmlKeyValue(line: string): KeyValue | undefined {
  // Android resources and .NET settings name the value in an attribute: <string name="maps_key">v</string>,
  // <add key="ApiKey" value="v" />
  const named = /<(string|item|entry|property|add|setting)\s[^<>]{0,200}\b(name|key)="([A-Za-z_][A-Za-z0-9_.-]{0,80})"[^<>]{0,200}>([^<]{1,500})<\/([a-z]{1,10})>/.exec(line);
  if (named && named[1] === named[5]) {
    const valueAt = named.index + named[0].length - named[5]!.length - 3 - named[4]!.length;
    return { key: named[3]!, value: named[4]!.trim(), column: valueAt, quoted: true };
  }
  const attr = /<(add|setting|property)\s[^<>]{0,200}\b(key|name)="([A-Za-z_][A-Za-z0-9_.-]{0,80})"[^<>]{0,200}\bvalue="([^"]{1,500})"/.exec(line);
  if (attr) return { key: attr[3]!, value: attr[4]!, column: attr.index + attr[0].length - attr[4]!.length - 1, quoted: true };
  const m = /<([A-Za-z_][A-Za-z0-9_.-]{0,60})>([^<]{1,500})<\/([A-Za-z_][A-Za-z0-9_.-]{0,60})>/.exec(line);
  if (!m || m[1] !== m[3]) return undefined;
  return { key: m[1]!, value: m[2]!.trim(), column: m.index + m[1]!.length + 2, quoted: true };
}

/** Unquoted YAML/INI values that are structure, references or multi-line markers, not text. */
function isStructural(value: string, quoted: boolean): boolean {
  if (quoted) return false;
  return value === '' || /^[[{|>&*!]/.test(value) || value === 'null' || value === '~';
}

const BASE64_LINE = /^[A-Za-z0-9+/=]+$/;

/** One line of a key body without its wrapping: quotes, `\n` escapes, `\` continuations, commas, `+`. */
function bodyText(line: string): string {
  const text = line.replace(/\\n/g, '');
  const isBase64 = (c: string): boolean => /[A-Za-z0-9+/=]/.test(c);
  let from = 0;
  let to = text.length;
  while (from < to && !isBase64(text[from]!)) from++;
  while (to > from && !isBase64(text[to - 1]!)) to--;
  return text.slice(from, to);
}

/**
 * The key material of a PEM block whose header is on line `start`: the base64 lines up to the END
 * line, or, for a block cut short without one (a pasted or truncated key), the base64 lines right
 * after the header. `last` is the last line of the block. RFC 1421 headers (`Proc-Type:`,
 * `DEK-Info:`) and blank lines inside a complete block are skipped.
 */
export function privateKeyBlock(lines: readonly string[], start: number, header: number): { body: string; last: number } {
  const first = lines[start]!;
  const close = first.indexOf('-----', first.indexOf('KEY', header));
  const after = close >= 0 ? first.slice(close + 5) : '';
  const endAt = after.indexOf('-----END ');
  const inline = close >= 0 ? (endAt >= 0 ? after.slice(0, endAt) : after).replace(/\\n/g, '').trim() : '';
  let end = -1;
  for (let j = start + 1; j < lines.length && j <= start + 200; j++) {
    if (lines[j]!.includes('-----END ')) { end = j; break; }
    if (lines[j]!.includes('-----BEGIN ')) break;
  }
  const body: string[] = [];
  if (inline.length > 0) body.push(inline.split(/[^A-Za-z0-9+/=]/)[0]!);
  if (end >= 0) {
    for (let j = start + 1; j < end; j++) {
      const text = bodyText(lines[j]!);
      if (BASE64_LINE.test(text)) body.push(text);
    }
    return { body: body.join(''), last: end };
  }
  let last = start;
  for (let j = start + 1; j < lines.length; j++) {
    const text = bodyText(lines[j]!);
    if (!BASE64_LINE.test(text)) break;
    body.push(text);
    last = j;
  }
  return { body: body.join(''), last };
}

/** npm's own credential settings in .npmrc: `_auth` is base64 `user:password`. */
const NPMRC_CREDENTIALS = new Set(['_auth', '_authtoken', '_password']);

/** INI / TOML sections read only by test runners: `[tool.pytest.ini_options]`, `[pytest]`, `[tool:pytest]`, `[testenv:py3]`. */
const TEST_SECTION = /^\[{1,2}\s*(tool[.:])?(pytest|tox|testenv|nosetests|coverage)([.:\]\s]|$)/i;

const indentOf = (line: string): number => line.length - line.trimStart().length;

/**
 * YAML: the line of the top-level sequence item (`- email: ...` / a bare `-`) whose mapping holds
 * line `at`, or -1 when the line belongs to a mapping (configuration) rather than a list of records.
 */
function topLevelRecord(lines: readonly string[], at: number): number {
  const own = lines[at]!.trimStart();
  if (/^-\s+[^=\s]+\s*:/.test(own)) return indentOf(lines[at]!) === 0 ? at : -1;
  const min = indentOf(lines[at]!);
  for (let j = at - 1; j >= 0 && j >= at - 200; j--) {
    const line = lines[j]!.replace(/\r$/, '');
    const text = line.trim();
    if (text === '' || text.startsWith('#') || indentOf(line) >= min) continue;
    return (text === '-' || text.startsWith('- ')) && indentOf(line) === 0 ? j : -1;
  }
  return -1;
}

/**
 * Seed and fixture data sets: a YAML file that is a list of records, or a JSON file whose top
 * level is an array, where one secret-named key recurs in several records (demo users and their
 * passwords). Those values are data loaded into a development database, reported like test data.
 */
function markRecordSets(file: ParsedFile, lines: readonly string[], facts: SecretCandidateFact[]): void {
  const yaml = /\.ya?ml$/i.test(file.path);
  const jsonArray = /\.json$/i.test(file.path) && file.text.trimStart().startsWith('[');
  if (!yaml && !jsonArray) return;
  const named = facts.filter((f) => f.name !== undefined && !f.isTestOrExample);
  const records = new Map<SecretCandidateFact, number>();
  for (const fact of named) {
    const record = yaml ? topLevelRecord(lines, fact.location.startLine - 1) : 0;
    if (record >= 0) records.set(fact, yaml ? record : fact.location.startLine);
  }
  const byName = new Map<string, Set<number>>();
  for (const [fact, record] of records) {
    const key = fact.name!.toLowerCase();
    const set = byName.get(key) ?? new Set<number>();
    set.add(record);
    byName.set(key, set);
  }
  if (![...byName.values()].some((set) => set.size >= 2)) return;
  for (const fact of records.keys()) fact.isTestOrExample = true;
}

/**
 * Catalog lines (see isCatalog) in which nothing was found. Catalogs repeat their lines from locale
 * to locale (untranslated strings, shared keys: 78% of juice-shop's 6.9 MB of catalogs), and a line
 * of a catalog is judged on its text alone, so a line seen quiet once is skipped after. Bounded.
 */
const QUIET_CATALOG_LINES = new Set<string>();
const MAX_QUIET_LINES = 50_000;

function rememberQuietCatalogLine(line: string): void {
  if (QUIET_CATALOG_LINES.size >= MAX_QUIET_LINES) QUIET_CATALOG_LINES.clear();
  QUIET_CATALOG_LINES.add(line);
}

export function extractTextSecrets(file: ParsedFile): SecretCandidateFact[] {
  const base = file.path.slice(file.path.lastIndexOf('/') + 1);
  if (SKIP_FILES.test(base) || file.text.length > 2_000_000) return [];
  const isTest = isTestOrExample(file.path);
  const isNpmrc = /\.npmrc$/i.test(base);
  const sectioned = /\.(toml|ini|cfg)$/i.test(base);
  let inTestSection = false;
  /** Translation catalogs hold UI text under password-ish keys: only credential formats count there. */
  const isCatalog = /(^|\/)(i18n|l10n|locales?|lang|langs|translations?|messages)\//i.test(file.path);
  const facts: SecretCandidateFact[] = [];
  const lines = file.text.split('\n');
  const push = (line: number, column: number, length: number, detector: string, redacted: string, confidence: SecretCandidateFact['confidence'], name?: string) => {
    const fact: SecretCandidateFact = {
      kind: 'secret-candidate', detector, redacted, confidence, isTestOrExample: isTest || inTestSection,
      location: { file: file.path, startLine: line, startColumn: column + 1, endLine: line, endColumn: column + 1 + length },
    };
    if (name) fact.name = name;
    facts.push(fact);
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.length > 4000) continue;
    if (isCatalog && QUIET_CATALOG_LINES.has(line)) continue;
    if (sectioned && /^\s*\[/.test(line) && /\]\s*$/.test(line)) {
      inTestSection = TEST_SECTION.test(line.trim());
      continue;
    }
    const header = line.indexOf('-----BEGIN ');
    if (header >= 0 && /PRIVATE KEY( BLOCK)?-----/.test(line)) {
      const block = privateKeyBlock(lines, i, header);
      if (block.body.length >= 32 && shannonEntropy(block.body) >= 3.5) {
        const text = lines.slice(i, block.last + 1).join('\n').slice(header);
        push(i + 1, header, line.length - header, 'private-key', redactSecret(text), 'high');
      }
      i = block.last;
      continue;
    }
    const kv = isCatalog ? undefined : splitKeyValue(line);
    if (kv && !isStructural(kv.value, kv.quoted)) {
      const judged = isNpmrc && NPMRC_CREDENTIALS.has(kv.key.toLowerCase()) ? 'authSecret' : kv.key;
      const cls = classifySecret(kv.value, judged);
      if (cls) {
        push(i + 1, kv.column, kv.value.length, cls.detector, redactSecret(kv.value), cls.confidence, kv.key);
        continue;
      }
      if (kv.value.length < 8) continue;
    }
    const match = matchProvider(line);
    if (match && !(match.detector === 'private-key')) {
      push(i + 1, match.index, match.match.length, match.detector, redactSecret(match.match), match.confidence);
      continue;
    }
    // `sshpass -p 'pw' ssh host` in scripts, CI steps and notes: the password is on the command line
    const ssh = line.includes('sshpass') ? /\bsshpass\s+-p\s?(['"]?)([^\s'"]{4,200})\1/.exec(line) : null;
    if (ssh && !isPlaceholder(ssh[2]!) && !/^[$%{]/.test(ssh[2]!)) {
      const column = ssh.index + ssh[0].length - ssh[2]!.length - ssh[1]!.length;
      push(i + 1, column, ssh[2]!.length, 'ssh-password', redactSecret(ssh[2]!), 'medium');
    } else if (isCatalog && !match) {
      rememberQuietCatalogLine(line);
    }
  }
  markRecordSets(file, lines, facts);
  return facts;
}

export const textSecrets: Extractor = {
  id: 'secrets/text',
  languages: ['text'],
  extract: extractTextSecrets,
};
