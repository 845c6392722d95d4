// Rust configuration problems in code: danger_accept_invalid_certs(true) / danger_accept_invalid_hostnames(true)
// (reqwest, native-tls), openssl set_verify(SslVerifyMode::NONE), rustls certificate verifiers whose
// verify_server_cert always answers ServerCertVerified::assertion().
import type { Fact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import { walk } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { evalConst } from '../core/const-eval.js';
import { issueCollector } from '../core/config-extractor.js';
import { callView } from '../core/expr.js';
import { FileValues } from '../core/values.js';
import { named, rustLang } from './lang.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

export const rustConfigIssues: Extractor = {
  id: 'rust/config-issues',
  languages: ['rust'],
  keywords: ['danger_accept_invalid', 'SslVerifyMode', 'ServerCertVerified'],
  extract(file: ParsedFile): Fact[] {
    if (file.tree.kind !== 'tree-sitter') return [];
    const values = new FileValues(rustLang, file.tree.tree.rootNode);
    const { facts, add } = issueCollector(file.path);
    for (const call of values.calls) {
      const view = callView(rustLang, call);
      if (!view) continue;
      if (/^danger_accept_invalid_(certs|hostnames)$/.test(view.method) && evalConst(values, view.args[0]) === true) add('tls-verification-disabled', view.nameNode ?? call, `${view.method}(true)`);
      if ((view.method === 'set_verify' || view.method === 'set_verify_callback') && /SslVerifyMode::NONE|SSL_VERIFY_NONE/.test(view.args[0]?.text ?? '')) add('tls-verification-disabled', call, 'SslVerifyMode::NONE');
    }
    walk(values.root, (node) => {
      if (node.type !== 'function_item' || fieldOf(node, 'name')?.text !== 'verify_server_cert') return undefined;
      const body = fieldOf(node, 'body');
      const stmts = named(body);
      if (stmts.length === 1 && /^Ok\(\s*(rustls::)?(client::danger::)?ServerCertVerified::assertion\(\)\s*\)$/.test(stmts[0]!.text.trim())) {
        add('tls-verification-disabled', node, 'verify_server_cert accepts every certificate');
      }
      return false;
    });
    return facts;
  },
};
