// Hardcoded secrets in Python: credential formats in any string, literals held by secret-named
// names / attributes / dict keys / keyword arguments / parameters (SECRET_KEY = '...',
// app.config['SECRET_KEY'] = '...'), env lookups with a literal default, and constants passed
// where a JWT, HMAC, signer or cipher key is expected.
import type { Node } from 'web-tree-sitter';
import type { SecretCandidateFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { callName, dottedPath, keywordArg, loc, positionalArgs, stringValue, walk } from '../python/ast.js';
import type { Extractor } from '../types.js';
import { classifySecret, type SecretClass, type SecretContext } from './classify.js';
import { secretNameStrength } from './names.js';
import { matchProvider } from './providers.js';
import { indexPythonFile, pyConstantString, pyEnvFallback, qualifiedCallName, unwrapPyValue, type PyFileIndex } from './py-values.js';
import { redactSecret } from './redact.js';
import { isTestOrExample } from './test-path.js';
import { field, rootOf, textOf } from '../tree-sitter/ast.js';

interface PyKeySink {
  index: number;
  keyword: string;
}

/** Last name segments the checks below can accept (of the call's name or of its qualified name). */
const SINK_LAST_NAMES = new Set(['encode', 'decode', 'new', 'HMAC', 'digest', 'Fernet']);

/** Calls that take a key as an argument: PyJWT / python-jose, hmac, itsdangerous, Fernet, pycryptodome. */
function pyKeySink(call: Node, index: PyFileIndex): PyKeySink | undefined {
  const name = callName(call) ?? '';
  const qualified = qualifiedCallName(call, index) ?? name;
  const parts = name.split('.');
  const last = parts[parts.length - 1]!;
  if (!SINK_LAST_NAMES.has(last) && !SINK_LAST_NAMES.has(qualified.slice(qualified.lastIndexOf('.') + 1)) && !/(Serializer|Signer)$/.test(last)) {
    return undefined;
  }
  const root = parts[0]!;
  if (parts.length === 2 && /^(jwt|jose\.jwt|jose)$/.test(index.imports.get(root) ?? root) && (last === 'encode' || last === 'decode')) {
    return { index: 1, keyword: 'key' };
  }
  if (/^(jwt|jose\.jwt)\.(encode|decode)$/.test(qualified)) return { index: 1, keyword: 'key' };
  if (qualified === 'hmac.new' || qualified === 'hmac.HMAC' || qualified === 'hmac.digest') return { index: 0, keyword: 'key' };
  if (/^itsdangerous\.|^(URLSafeTimedSerializer|URLSafeSerializer|TimedSerializer|TimestampSigner|Signer|TimedJSONWebSignatureSerializer)$/.test(qualified)
    && /(Serializer|Signer)$/.test(last)) return { index: 0, keyword: 'secret_key' };
  if (/(^|\.)Fernet$/.test(qualified)) return { index: 0, keyword: 'key' };
  if (/^(Crypto|Cryptodome)\.Cipher\.[A-Za-z0-9]+\.new$/.test(qualified) || (/^(AES|DES|DES3|Blowfish|ARC4|ChaCha20)\.new$/.test(name))) {
    return { index: 0, keyword: 'key' };
  }
  return undefined;
}

function slotName(target: Node): string | undefined {
  if (target.type === 'identifier') return textOf(target);
  if (target.type === 'attribute') return textOf(field(target, 'attribute'));
  if (target.type === 'subscript') return stringValue(field(target, 'subscript'));
  return undefined;
}

const GENERIC_DETECTORS = new Set(['secret-assignment', 'secret-reference', 'hardcoded-key', 'env-fallback']);

export function extractPythonSecrets(file: ParsedFile): SecretCandidateFact[] {
  if (file.tree.kind !== 'tree-sitter') return [];
  const root = rootOf(file.tree.tree);
  const index = indexPythonFile(root);
  const isTest = isTestOrExample(file.path);
  const facts: SecretCandidateFact[] = [];
  const consumed = new Set<number>();
  const seen = new Set<string>();

  const emit = (cls: SecretClass, value: string, at: Node, name: string | undefined, detector = cls.detector) => {
    // Short or low-entropy literals in test code are test data, not leaked credentials.
    if (isTest && cls.confidence === 'low' && GENERIC_DETECTORS.has(detector)) return;
    const location = loc(file.path, at);
    const key = `${location.startLine}:${location.startColumn}:${detector}`;
    if (seen.has(key)) return;
    seen.add(key);
    const fact: SecretCandidateFact = {
      kind: 'secret-candidate', detector, redacted: redactSecret(value), confidence: cls.confidence, isTestOrExample: isTest, location,
    };
    if (name) fact.name = name;
    facts.push(fact);
  };

  const checkSlot = (name: string | undefined, valueNode: Node | null | undefined, context: SecretContext = 'assignment') => {
    if (!valueNode) return;
    const fallback = pyEnvFallback(valueNode, index);
    if (fallback) {
      const literal = stringValue(fallback.fallback)!;
      consumed.add(fallback.fallback.id);
      const envName = secretNameStrength(fallback.env) ? fallback.env : name;
      const cls = classifySecret(literal, envName, 'fallback')
        ?? (context === 'key-argument' ? classifySecret(literal, undefined, 'key-argument') : undefined);
      if (cls) emit(cls.detector === 'hardcoded-key' ? { ...cls, detector: 'env-fallback' } : cls, literal, fallback.fallback, envName ?? name);
      return;
    }
    const value = unwrapPyValue(valueNode);
    if (!value) return;
    const direct = stringValue(value);
    if (direct !== undefined) {
      consumed.add(value.id);
      const cls = classifySecret(direct, name, context);
      if (cls) emit(cls, direct, value, name);
      return;
    }
    if (context === 'key-argument' || secretNameStrength(name) === 'strong') {
      const constant = pyConstantString(value, index);
      if (!constant || !constant.viaReference) return;
      const cls = classifySecret(constant.value, name, context);
      if (cls) emit(cls, constant.value, value, name ?? dottedPath(value)?.join('.'), 'secret-reference');
    }
  };

  walk(root, (node) => {
    switch (node.type) {
      case 'assignment': {
        const left = field(node, 'left');
        const right = field(node, 'right');
        if (left && right) checkSlot(slotName(left), right);
        break;
      }
      case 'keyword_argument':
        checkSlot(textOf(field(node, 'name')), field(node, 'value'));
        break;
      case 'pair': {
        const key = field(node, 'key');
        checkSlot(key ? stringValue(key) : undefined, field(node, 'value'));
        break;
      }
      case 'default_parameter':
      case 'typed_default_parameter':
        checkSlot(textOf(field(node, 'name')), field(node, 'value'));
        break;
      case 'call': {
        // os.environ.setdefault('SECRET_KEY', '...') as a statement
        if (node.parent?.type === 'expression_statement') checkSlot(undefined, node);
        const sink = pyKeySink(node, index);
        if (sink) checkSlot(undefined, keywordArg(node, sink.keyword) ?? positionalArgs(node)[sink.index], 'key-argument');
        break;
      }
      default:
        break;
    }
    return undefined;
  });

  walk(root, (node) => {
    if (node.type !== 'string') return;
    if (consumed.has(node.id)) return false;
    const text = node.namedChildren.filter((c) => c?.type === 'string_content').map((c) => textOf(c!)).join('{x}');
    if (text.length >= 8) {
      const match = matchProvider(text);
      const cls = match ? classifySecret(text) : undefined;
      if (match && cls) emit(cls, match.match, node, undefined);
    }
    return false;
  });

  return facts;
}

export const pythonSecrets: Extractor = {
  id: 'secrets/python',
  languages: ['python'],
  extract: extractPythonSecrets,
};
