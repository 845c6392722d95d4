// PHP JWT facts: firebase/php-jwt JWT::encode / JWT::decode (alg 'none', literal keys, payloads
// without 'exp'), a manual JWT::jsonDecode / urlsafeB64Decode of the payload (decode-only), and
// lcobucci/jwt (Configuration::forUnsecuredSigner, InMemory::plainText('literal'), parser()->parse()
// without validate / assert in the same function, builders without expiresAt).
import type { Fact, JwtCallFact, JwtIssue } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import { loc } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { constString } from '../core/const-eval.js';
import { callView, receiverChain, type CallView, type Node } from '../core/expr.js';
import { hardcodedText } from '../core/keys.js';
import { FileValues } from '../core/values.js';
import { phpLang } from './lang.js';

export const phpJwtCalls: Extractor = {
  id: 'php/jwt-calls',
  languages: ['php'],
  keywords: ['JWT', 'Jwt', 'jwt'],
  extract(file: ParsedFile): Fact[] {
    if (file.tree.kind !== 'tree-sitter') return [];
    const values = new FileValues(phpLang, file.tree.tree.rootNode);
    const facts: Fact[] = [];
    for (const call of values.calls) {
      const view = callView(phpLang, call);
      if (!view) continue;
      const fact = jwtFact(file.path, values, call, view);
      if (fact) facts.push(fact);
    }
    return facts;
  },
};

function items(values: FileValues, node: Node | undefined): { key?: string; value: Node }[] {
  if (!node) return [];
  const e = phpLang.expr(node);
  if (e.k === 'name') {
    const res = values.resolve(e.name, node);
    if (res.kind === 'bindings' && res.bindings.length >= 1 && res.bindings[0]!.op === '=') {
      const base = items(values, res.bindings[0]!.value);
      const scope = res.scope;
      const puts = values.methodOpsOn(e.name, scope, node.startIndex).filter((op) => op.method === 'put')
        .map((op) => ({ key: constString(values, op.args[0]), value: op.args[1]! }));
      return [...base, ...puts];
    }
    return [];
  }
  if (e.k === 'map') return e.entries.map((en) => ({ key: en.key ? constString(values, en.key) : undefined, value: en.value }));
  if (e.k === 'list') return e.items.map((value) => ({ value }));
  return [];
}

function jwtFact(file: string, values: FileValues, call: Node, view: CallView): JwtCallFact | undefined {
  const issues: JwtIssue[] = [];
  const details: string[] = [];
  const add = (issue: JwtIssue, detail: string) => { if (!issues.includes(issue)) issues.push(issue); details.push(detail); };
  const make = (library: string, operation: JwtCallFact['operation']): JwtCallFact => {
    const f: JwtCallFact = { kind: 'jwt-call', library, operation, issues, location: loc(file, call) };
    if (details.length > 0) f.detail = details.join('; ');
    return f;
  };
  const scope = view.path?.length === 2 ? view.path[0] : undefined;
  const args = view.args;
  if (scope === 'JWT' || scope === 'FirebaseJWT') {
    if (view.method === 'encode') {
      const alg = constString(values, args[2]);
      if (alg?.toLowerCase() === 'none') add('none-algorithm', "alg 'none'");
      const hard = hardcodedText(values, args[1]);
      if (hard) add('hardcoded-key', hard === 'fallback' ? 'literal fallback signing key' : 'literal signing key');
      const payload = items(values, args[0]);
      if (payload.length > 0 && !payload.some((p) => p.key === 'exp')) add('no-expiry', "payload without 'exp'");
      return make('php-jwt', 'sign');
    }
    if (view.method === 'decode') {
      const keyArg = args[1];
      const keyView = keyArg ? callView(phpLang, keyArg) : undefined;
      const key = keyView?.isNew && keyView.method === 'Key' ? keyView.args[0] : keyArg;
      const hard = hardcodedText(values, key);
      if (hard) add('hardcoded-key', hard === 'fallback' ? 'literal fallback verification key' : 'literal verification key');
      const algs = items(values, args[2]).map((i) => constString(values, i.value)?.toLowerCase());
      if (algs.includes('none') || (keyView?.isNew && constString(values, keyView.args[1])?.toLowerCase() === 'none')) add('none-algorithm', "allowed algorithms include 'none'");
      if (!keyArg) add('no-verify', 'no key');
      return make('php-jwt', 'decode');
    }
    if (view.method === 'jsonDecode' && /urlsafeB64Decode/.test(args[0]?.text ?? '')) {
      const fnScope = values.scopeNodeOf(call);
      const verified = values.calls.some((c) => c.startIndex >= fnScope.startIndex && c.endIndex <= fnScope.endIndex && /^(decode|verify)$/.test(callView(phpLang, c)?.method ?? ''));
      if (!verified) add('decode-only', 'payload decoded by hand');
      return issues.length > 0 ? make('php-jwt', 'decode') : undefined;
    }
    return undefined;
  }
  // lcobucci/jwt
  if (scope === 'Configuration' && view.method === 'forUnsecuredSigner') {
    add('none-algorithm', 'Configuration::forUnsecuredSigner()');
    return make('lcobucci-jwt', 'sign');
  }
  if (scope === 'InMemory' && /^(plainText|base64Encoded|empty)$/.test(view.method)) {
    const hard = view.method === 'empty' ? 'literal' : hardcodedText(values, args[0]);
    if (!hard) return undefined;
    add('hardcoded-key', view.method === 'empty' ? 'empty key' : hard === 'fallback' ? 'literal fallback key' : 'literal key');
    return make('lcobucci-jwt', 'sign');
  }
  if (view.method === 'parse' && receiverChain(phpLang, view.receiver).includes('parser')) {
    const fnScope = values.scopeNodeOf(call);
    const verified = values.calls.some((c) => c.startIndex >= fnScope.startIndex && c.endIndex <= fnScope.endIndex && /^(validate|assert|verify)$/.test(callView(phpLang, c)?.method ?? ''));
    if (!verified) add('decode-only', 'parsed without validate / assert');
    return issues.length > 0 ? make('lcobucci-jwt', 'decode') : undefined;
  }
  if (view.method === 'getToken' && receiverChain(phpLang, view.receiver).includes('builder')) {
    if (!receiverChain(phpLang, view.receiver).includes('expiresAt')) add('no-expiry', 'no expiresAt');
    return issues.length > 0 ? make('lcobucci-jwt', 'sign') : undefined;
  }
  return undefined;
}
