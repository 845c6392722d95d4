// C# configuration problems in code:
// tls-verification-disabled: ServerCertificateCustomValidationCallback / ServerCertificateValidationCallback /
//   RemoteCertificateValidationCallback that always returns true, DangerousAcceptAnyServerCertificateValidator.
// debug-enabled: app.UseDeveloperExceptionPage() / UseDatabaseErrorPage() without an IsDevelopment() check.
import type { Fact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import { walk } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { evalConst } from '../core/const-eval.js';
import { insideDevelopmentCheck, issueCollector } from '../core/config-extractor.js';
import { callView, type Node } from '../core/expr.js';
import { FileValues } from '../core/values.js';
import { csharpLang, named } from './lang.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

const CALLBACKS = /^(ServerCertificateCustomValidationCallback|ServerCertificateValidationCallback|RemoteCertificateValidationCallback|CertificateValidationCallback|ServerCertificateValidationCallbackFunc)$/;

/** A lambda / anonymous method whose result is always true. */
function alwaysTrue(values: FileValues, node: Node | null | undefined): boolean {
  if (!node) return false;
  if (node.type !== 'lambda_expression' && node.type !== 'anonymous_method_expression') return false;
  const body = fieldOf(node, 'body') ?? named(node).find((c) => c.type === 'block');
  if (!body) return false;
  if (body.type !== 'block') return evalConst(values, body) === true;
  const stmts = named(body);
  return stmts.length === 1 && stmts[0]!.type === 'return_statement' && evalConst(values, named(stmts[0])[0]) === true;
}

export const csharpConfigIssues: Extractor = {
  id: 'csharp/config-issues',
  languages: ['csharp'],
  keywords: ['ValidationCallback', 'DangerousAcceptAnyServerCertificateValidator', 'UseDeveloperExceptionPage', 'UseDatabaseErrorPage'],
  extract(file: ParsedFile): Fact[] {
    if (file.tree.kind !== 'tree-sitter') return [];
    const values = new FileValues(csharpLang, file.tree.tree.rootNode);
    const { facts, add } = issueCollector(file.path);
    walk(values.root, (node) => {
      if (node.type === 'assignment_expression') {
        const left = fieldOf(node, 'left');
        const prop = left?.type === 'member_access_expression' ? fieldOf(left, 'name')?.text : left?.text;
        if (prop && CALLBACKS.test(prop) && alwaysTrue(values, fieldOf(node, 'right'))) add('tls-verification-disabled', node, `${prop} always returns true`);
      }
      if (node.type === 'identifier' && node.text === 'DangerousAcceptAnyServerCertificateValidator') add('tls-verification-disabled', node.parent ?? node, 'DangerousAcceptAnyServerCertificateValidator');
      return undefined;
    });
    for (const call of values.calls) {
      const view = callView(csharpLang, call);
      if (!view) continue;
      if (view.isNew && /^(SslStream|RemoteCertificateValidationCallback)$/.test(view.method)) {
        if (view.args.some((a) => alwaysTrue(values, a))) add('tls-verification-disabled', call, `${view.method} with a callback that always returns true`);
      }
      if (!view.isNew && /^(UseDeveloperExceptionPage|UseDatabaseErrorPage)$/.test(view.method) && !insideDevelopmentCheck(call)) {
        add('debug-enabled', call, `${view.method}() without an IsDevelopment() check`);
      }
    }
    return facts;
  },
};
