// Builds a hash-call extractor for one language from a matcher over its calls; the purpose comes
// from the names around each call (purpose.ts).
import type { Fact, HashAlgorithm, HashCallFact } from '../../../core/facts.js';
import type { LanguageId } from '../../../core/types.js';
import type { ParsedFile } from '../../../languages/types.js';
import { normaliseDigestName } from '../../code-facts-text.js';
import { loc } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { callView, type CallView, type Lang, type Node } from './expr.js';
import { purposeOf } from './purpose.js';
import { FileValues } from './values.js';

export type HashParams = NonNullable<HashCallFact['params']>;

export interface HashMatch {
  algorithm: HashAlgorithm;
  library: string;
  params?: HashParams;
  isVerify?: boolean;
  /** A password-hashing API: the purpose is 'password' whatever the names say. */
  passwordLibrary?: boolean;
  /** A key-derivation function (PBKDF2, scrypt): 'password' unless the names say otherwise. */
  kdf?: boolean;
  notForSecurity?: boolean;
  data?: Node[];
  /** Where to report, when not the call (a config entry, a constructor argument). */
  at?: Node;
}

export type HashMatcher = (view: CallView, call: Node, values: FileValues, imports: ReadonlyMap<string, string>) => HashMatch | undefined;

export function hashExtractor(spec: {
  id: string;
  language: LanguageId;
  lang: Lang;
  keywords: readonly string[];
  match: HashMatcher;
  /** Local name -> imported module / package, for matchers that resolve package-qualified calls. */
  imports?: (root: Node) => Map<string, string>;
  /** Facts that do not come from one call (settings files, annotations). */
  extra?: (file: string, values: FileValues) => Fact[];
}): Extractor {
  return {
    id: spec.id,
    languages: [spec.language],
    keywords: spec.keywords,
    extract(file: ParsedFile): Fact[] {
      if (file.tree.kind !== 'tree-sitter') return [];
      const values = new FileValues(spec.lang, file.tree.tree.rootNode);
      const facts: Fact[] = [];
      const imports = spec.imports?.(values.root) ?? new Map<string, string>();
      for (const call of values.calls) {
        const view = callView(spec.lang, call);
        if (!view) continue;
        const m = spec.match(view, call, values, imports);
        if (!m) continue;
        const { purpose, digestAt } = purposeOf(values, call, { data: m.data ?? [], passwordLibrary: m.passwordLibrary, kdf: m.kdf, notForSecurity: m.notForSecurity });
        const at = m.at ?? (purpose === 'password' && digestAt && !m.passwordLibrary ? digestAt : call);
        const fact: HashCallFact = { kind: 'hash-call', algorithm: m.algorithm, library: m.library, purpose, location: loc(file.path, at) };
        if (m.isVerify) fact.isVerify = true;
        if (m.params && Object.keys(m.params).length > 0) fact.params = m.params;
        facts.push(fact);
      }
      if (spec.extra) facts.push(...spec.extra(file.path, values));
      return facts;
    },
  };
}

/** A digest name ('MD5', 'SHA-256', 'sha1', 'SHA3-512') -> algorithm and variant. */
export function digestAlgorithm(name: string | undefined): { algorithm: HashAlgorithm; variant?: string } {
  if (name === undefined) return { algorithm: 'unknown' };
  const n = normaliseDigestName(name);
  if (n === 'md5') return { algorithm: 'md5' };
  if (n === 'sha1') return { algorithm: 'sha1' };
  if (n === 'sha256' || n === 'sha224' || n === 'sha3256' || n === 'sha3224' || n === 'sha512256') return n === 'sha256' ? { algorithm: 'sha256' } : { algorithm: 'sha256', variant: n };
  if (n === 'sha512' || n === 'sha384' || n === 'sha3512' || n === 'sha3384') return n === 'sha512' ? { algorithm: 'sha512' } : { algorithm: 'sha512', variant: n };
  return { algorithm: 'unknown', variant: n };
}

export function withVariant(params: HashParams, variant: string | undefined): HashParams {
  if (variant) params.variant = variant;
  return params;
}
