// The hardcoded-secret judgement for tree-sitter languages, shared by the Go, JVM, PHP, C#, Rust
// and Scala extractors. Each language supplies a Dialect (how slots, literals, wrappers and
// environment lookups are spelled) and its key-argument sinks; the values themselves are judged
// by the same classifySecret / redactSecret as JS and Python, so placeholders, entropy and test
// paths behave the same everywhere.
import type { SecretCandidateFact } from '../../../core/facts.js';
import type { Location } from '../../../core/types.js';
import type { ParsedFile } from '../../../languages/types.js';
import { classifySecret, type SecretClass, type SecretContext } from '../../secrets/classify.js';
import { secretNameStrength } from '../../secrets/names.js';
import { matchProvider } from '../../secrets/providers.js';
import { redactSecret } from '../../secrets/redact.js';
import { loc, treeOf, walk } from '../../tree-sitter/ast.js';
import type { CallView, Dialect, Node } from './dialect.js';
import { indexFile, type FileIndex } from './file-index.js';
import { isTestFile } from './test-files.js';

/** The argument nodes of a call that receive key material (`SignedString(key)`, `HMAC256(key)`). */
export type KeySinks = (call: CallView, index: FileIndex) => (Node | undefined)[];

const GENERIC_DETECTORS = new Set(['secret-assignment', 'secret-reference', 'hardcoded-key', 'env-fallback']);

const compact = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Names whose value is key material in a framework although the words do not say so (Laravel APP_KEY). */
function judgedName(name: string | undefined): string | undefined {
  return name && /^app[_-]?key$/i.test(name) ? 'app_secret' : name;
}

export function extractSecretsWith(file: ParsedFile, dialect: Dialect, keySinks: KeySinks): SecretCandidateFact[] {
  const tree = treeOf(file);
  if (!tree) return [];
  const root = tree.rootNode;
  const index = indexFile(root, dialect);
  const isTest = isTestFile(file.path);
  const facts: SecretCandidateFact[] = [];
  const consumed = new Set<number>();
  const seen = new Set<string>();

  const emit = (cls: SecretClass, value: string, at: Node, name: string | undefined, detector = cls.detector) => {
    // Short or low-entropy literals in test code are test data, not leaked credentials.
    if (isTest && cls.confidence === 'low' && GENERIC_DETECTORS.has(detector)) return;
    const location: Location = loc(file.path, at);
    const key = `${location.startLine}:${location.startColumn}`;
    if (seen.has(key)) return;
    seen.add(key);
    const fact: SecretCandidateFact = {
      kind: 'secret-candidate', detector, redacted: redactSecret(value), confidence: cls.confidence, isTestOrExample: isTest, location,
    };
    if (name) fact.name = name;
    facts.push(fact);
  };

  const checkSlot = (name: string | undefined, valueNode: Node | undefined, context: SecretContext = 'assignment') => {
    if (!valueNode) return;
    const fallback = dialect.envFallback(valueNode) ?? dialect.envFallback(dialect.unwrap(valueNode));
    if (fallback) {
      const fbNode = dialect.unwrap(fallback.fallback);
      const text = fallback.value ?? dialect.literal(fbNode);
      if (text === undefined) return;
      consumed.add(fbNode.id);
      const envName = secretNameStrength(judgedName(fallback.env)) ? fallback.env : name;
      const cls = classifySecret(text, judgedName(envName), 'fallback')
        ?? (context === 'key-argument' ? classifySecret(text, undefined, 'key-argument') : undefined);
      if (cls) emit(cls.detector === 'hardcoded-key' ? { ...cls, detector: 'env-fallback' } : cls, text, fbNode, envName ?? name);
      return;
    }
    const value = dialect.unwrap(valueNode);
    const direct = dialect.literal(value);
    if (direct !== undefined) {
      consumed.add(value.id);
      // `SECRET_KEY = "secret_key"`, `CSRF_TOKEN = "csrf_token"`: the value names the setting, it is not one
      if (name && compact(direct) === compact(name)) return;
      const cls = classifySecret(direct, judgedName(name), context);
      if (cls) emit(cls, direct, value, name);
      return;
    }
    // A reference to a constant, into a key-material slot or a key argument: report where it is used.
    if (context === 'key-argument' || secretNameStrength(name) === 'strong') {
      const constant = index.constant(value);
      if (!constant || !constant.viaReference) return;
      const cls = classifySecret(constant.value, name, context);
      if (cls) emit(cls, constant.value, value, name ?? dialect.referenceName(value), 'secret-reference');
    }
  };

  walk(root, (node) => {
    for (const slot of dialect.slots(node)) checkSlot(slot.isKey ? undefined : slot.name, slot.value, slot.isKey ? 'key-argument' : 'assignment');
    const call = dialect.call(node);
    if (call) for (const arg of keySinks(call, index)) checkSlot(undefined, arg, 'key-argument');
  });

  // Known credential formats anywhere else: any string literal not judged above.
  walk(root, (node) => {
    if (!dialect.stringTypes.includes(node.type)) return undefined;
    if (consumed.has(node.id)) return false;
    const text = dialect.literalText(node);
    if (text !== undefined && text.length >= 8) {
      const match = matchProvider(text);
      const cls = match ? classifySecret(text) : undefined;
      if (match && cls) emit(cls, match.match, node, undefined);
    }
    return false;
  });

  return facts;
}
