// Rust JWT facts (jsonwebtoken crate): EncodingKey / DecodingKey from a literal secret (hardcoded-key),
// Validation with validate_exp = false (no-expiry) or insecure_disable_signature_validation()
// (no-verify), dangerous_insecure_decode / dangerous_unsafe_decode (decode-only), and encode(..) of a
// claims struct literal without an `exp` field (no-expiry).
import type { Fact, JwtCallFact, JwtIssue } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import { loc, walk } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { evalConst } from '../core/const-eval.js';
import { callView, type Node } from '../core/expr.js';
import { hardcodedText } from '../core/keys.js';
import { FileValues } from '../core/values.js';
import { named, rustLang } from './lang.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

const LIBRARY = 'jsonwebtoken';

export const rustJwtCalls: Extractor = {
  id: 'rust/jwt-calls',
  languages: ['rust'],
  keywords: ['jsonwebtoken', 'EncodingKey', 'DecodingKey', 'Validation', 'dangerous'],
  extract(file: ParsedFile): Fact[] {
    if (file.tree.kind !== 'tree-sitter') return [];
    const values = new FileValues(rustLang, file.tree.tree.rootNode);
    const facts: Fact[] = [];
    const push = (node: Node, operation: JwtCallFact['operation'], issue: JwtIssue, detail: string) =>
      facts.push({ kind: 'jwt-call', library: LIBRARY, operation, issues: [issue], detail, location: loc(file.path, node) });
    for (const call of values.calls) {
      const view = callView(rustLang, call);
      if (!view || view.isMacro) continue;
      const type = view.path?.at(-2);
      if ((type === 'EncodingKey' || type === 'DecodingKey') && /^from_(secret|base64_secret)$/.test(view.method)) {
        const hard = hardcodedText(values, view.args[0]);
        if (hard) push(call, type === 'EncodingKey' ? 'sign' : 'verify', 'hardcoded-key', hard === 'fallback' ? 'literal fallback secret' : 'literal secret');
        continue;
      }
      if (/^(dangerous_insecure_decode|dangerous_unsafe_decode|dangerous_insecure_decode_with_validation|insecure_decode)$/.test(view.method)) {
        push(call, 'decode', 'decode-only', view.method);
        continue;
      }
      if (view.method === 'insecure_disable_signature_validation') {
        push(call, 'verify', 'no-verify', 'insecure_disable_signature_validation()');
        continue;
      }
      if (view.method === 'encode' && (view.path?.[0] === 'jsonwebtoken' || view.path?.length === 1) && view.args.length === 3) {
        const claims = structOf(values, view.args[1]);
        if (claims && !named(fieldOf(claims, 'body')).some((f) => /^(exp|expires_at|expiration)$/.test(fieldOf(f, 'field')?.text ?? f.text))) {
          push(call, 'sign', 'no-expiry', `claims ${fieldOf(claims, 'name')?.text ?? ''} without exp`.trim());
        }
      }
    }
    // validation.validate_exp = false
    walk(values.root, (node) => {
      if (node.type !== 'assignment_expression') return undefined;
      const left = fieldOf(node, 'left');
      const field = left?.type === 'field_expression' ? fieldOf(left, 'field')?.text : undefined;
      if (field === 'validate_exp' && evalConst(values, fieldOf(node, 'right')) === false) push(node, 'verify', 'no-expiry', 'validate_exp = false');
      if (field === 'insecure_disable_signature_validation' || (field === 'validate_signature' && evalConst(values, fieldOf(node, 'right')) === false)) push(node, 'verify', 'no-verify', `${field} = false`);
      return undefined;
    });
    return facts;
  },
};

/** The struct literal a claims argument is (`&Claims { .. }` or a local bound to one). */
function structOf(values: FileValues, node: Node | undefined, depth = 0): Node | undefined {
  if (!node || depth > 4) return undefined;
  if (node.type === 'struct_expression') return node;
  const e = rustLang.expr(node);
  if (e.k === 'wrap') return structOf(values, e.inner, depth + 1);
  if (e.k === 'name') {
    const res = values.resolve(e.name, node);
    return res.kind === 'bindings' && res.bindings.length === 1 ? structOf(values, res.bindings[0]!.value, depth + 1) : undefined;
  }
  return undefined;
}
