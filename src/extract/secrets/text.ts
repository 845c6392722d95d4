// Hardcoded secrets in plain configuration files (.env*, .properties, .ini, .toml, .yml/.yaml,
// .json, docker-compose*, .npmrc, .pem/.key, XML): the one extractor that reads text line by line.
// Each line is split into `key = value` / `key: value` by index arithmetic; regexes are applied
// only to one key or value at a time, and all of them are linear.
import type { SecretCandidateFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import type { Extractor } from '../types.js';
import { classifySecret } from './classify.js';
import { matchProvider } from './providers.js';
import { redactSecret } from './redact.js';
import { isTestOrExample } from './test-path.js';

/** Generated or dependency files: hashes and registry URLs, never hand-written secrets. */
const SKIP_FILES = /^(composer\.json|package-lock\.json|npm-shrinkwrap\.json|pnpm-lock\.ya?ml|yarn\.lock|composer\.lock|poetry\.lock|pipfile\.lock|tsconfig.*\.json|jsconfig\.json|\.eslintrc.*|\.prettierrc.*|renovate\.json|angular\.json|tslint\.json|.*\.schema\.json|.*\.min\.json|.*\.map|requirements.*\.txt|pipfile|.*\.prisma)$/i;

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
  const eq = rest.indexOf('=');
  const colon = rest.search(/:(\s|$|["'])/);
  let sep = -1;
  if (eq > 0 && (colon < 0 || eq < colon)) sep = eq;
  else if (colon > 0) sep = colon;
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
  const m = /<([A-Za-z_][A-Za-z0-9_.-]{0,60})>([^<]{1,500})<\/([A-Za-z_][A-Za-z0-9_.-]{0,60})>/.exec(line);
  if (!m || m[1] !== m[3]) return undefined;
  return { key: m[1]!, value: m[2]!.trim(), column: m.index + m[1]!.length + 2, quoted: true };
}

/** Unquoted YAML/INI values that are structure, references or multi-line markers, not text. */
function isStructural(value: string, quoted: boolean): boolean {
  if (quoted) return false;
  return value === '' || /^[[{|>&*!]/.test(value) || value === 'null' || value === '~';
}

export function extractTextSecrets(file: ParsedFile): SecretCandidateFact[] {
  const base = file.path.slice(file.path.lastIndexOf('/') + 1);
  if (SKIP_FILES.test(base) || file.text.length > 2_000_000) return [];
  const isTest = isTestOrExample(file.path);
  /** Translation catalogs hold UI text under password-ish keys: only credential formats count there. */
  const isCatalog = /(^|\/)(i18n|l10n|locales?|lang|langs|translations?|messages)\//i.test(file.path);
  const facts: SecretCandidateFact[] = [];
  const lines = file.text.split('\n');
  const push = (line: number, column: number, length: number, detector: string, redacted: string, confidence: SecretCandidateFact['confidence'], name?: string) => {
    const fact: SecretCandidateFact = {
      kind: 'secret-candidate', detector, redacted, confidence, isTestOrExample: isTest,
      location: { file: file.path, startLine: line, startColumn: column + 1, endLine: line, endColumn: column + 1 + length },
    };
    if (name) fact.name = name;
    facts.push(fact);
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.length > 4000) continue;
    const header = line.indexOf('-----BEGIN ');
    if (header >= 0 && /PRIVATE KEY( BLOCK)?-----/.test(line)) {
      let end = i + 1;
      while (end < lines.length && !lines[end]!.includes('-----END ')) end++;
      const inlineBody = line.length - header > 80;
      if (end - i > 1 || inlineBody) {
        const body = lines.slice(i, Math.min(end + 1, lines.length)).join('\n');
        push(i + 1, header, line.length - header, 'private-key', redactSecret(body.slice(header)), 'high');
      }
      i = end;
      continue;
    }
    const kv = splitKeyValue(line);
    if (kv && !isCatalog && !isStructural(kv.value, kv.quoted)) {
      const cls = classifySecret(kv.value, kv.key);
      if (cls) {
        push(i + 1, kv.column, kv.value.length, cls.detector, redactSecret(kv.value), cls.confidence, kv.key);
        continue;
      }
      if (kv.value.length < 8) continue;
    }
    const match = matchProvider(line);
    if (match && !(match.detector === 'private-key')) {
      push(i + 1, match.index, match.match.length, match.detector, redactSecret(match.match), match.confidence);
    }
  }
  return facts;
}

export const textSecrets: Extractor = {
  id: 'secrets/text',
  languages: ['text'],
  extract: extractTextSecrets,
};
