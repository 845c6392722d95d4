// JVM configuration problems in code (Java, Kotlin, Scala): TLS certificate or host name checks
// switched off - an X509TrustManager whose checkServerTrusted does nothing, a HostnameVerifier /
// lambda that always returns true, NoopHostnameVerifier / ALLOW_ALL_HOSTNAME_VERIFIER /
// TrustAllStrategy / InsecureTrustManagerFactory, loadTrustMaterial(null, (chain, type) -> true).
import type { Fact } from '../../../core/facts.js';
import type { LanguageId } from '../../../core/types.js';
import type { ParsedFile } from '../../../languages/types.js';
import { walk } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { evalConst } from '../core/const-eval.js';
import { issueCollector } from '../core/config-extractor.js';
import { callView, type Lang, type Node } from '../core/expr.js';
import { FileValues } from '../core/values.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

const FUNCTION_TYPES = new Set(['method_declaration', 'function_declaration', 'function_definition']);
const INSECURE_NAMES = /^(NoopHostnameVerifier|AllowAllHostnameVerifier|TrustAllStrategy|InsecureTrustManagerFactory)$/;

/** A function body that does nothing (`{}`, only comments, or a bare `return;`). */
function isEmptyBody(body: Node | null | undefined): boolean {
  if (!body) return false;
  const stmts = body.namedChildren.filter((c) => c && !c.type.includes('comment'));
  if (stmts.length === 0) return true;
  return stmts.every((s) => s && (/^return(_statement|_expression)?$/.test(s.type) || s.type === 'jump_expression') && s.namedChildCount === 0);
}

/** The value a function or lambda returns when it is a single constant: `{ return true; }`, `-> true`, `= true`. */
function constantReturn(values: FileValues, fn: Node): unknown {
  if (fn.type === 'lambda_literal') {
    const stmts = fn.namedChildren.filter((c) => c && c.type !== 'lambda_parameters' && !c.type.includes('comment'));
    return stmts.length === 1 ? evalConst(values, stmts[0]) : undefined;
  }
  const body = fieldOf(fn, 'body') ?? fn.namedChildren.find((c) => c && /block|function_body|lambda_body/.test(c.type)) ?? null;
  if (!body) return undefined;
  const direct = evalConst(values, body);
  if (direct !== undefined) return direct;
  const stmts = (body.type === 'function_body' ? body.namedChildren[0] ?? body : body).namedChildren.filter((c) => c && !c.type.includes('comment'));
  if (stmts.length === 1) {
    const s = stmts[0]!;
    const expr = /return/.test(s.type) || s.type === 'jump_expression' ? s.namedChildren[0] : s.type === 'expression_statement' ? s.namedChildren[0] : s;
    return expr ? evalConst(values, expr) : undefined;
  }
  return undefined;
}

export function jvmConfigExtractor(id: string, language: LanguageId, lang: Lang): Extractor {
  return {
    id,
    languages: [language],
    keywords: ['checkServerTrusted', 'HostnameVerifier', 'hostnameVerifier', 'TrustAll', 'InsecureTrustManagerFactory', 'loadTrustMaterial', 'ALLOW_ALL'],
    extract(file: ParsedFile): Fact[] {
      if (file.tree.kind !== 'tree-sitter') return [];
      const values = new FileValues(lang, file.tree.tree.rootNode);
      const { facts, add } = issueCollector(file.path);
      walk(values.root, (node) => {
        if (FUNCTION_TYPES.has(node.type)) {
          const name = fieldOf(node, 'name')?.text;
          if (name === 'checkServerTrusted' && isEmptyBody(fieldOf(node, 'body') ?? node.namedChildren.find((c) => c?.type === 'function_body')?.namedChildren[0])) {
            add('tls-verification-disabled', node, 'checkServerTrusted accepts every certificate');
          }
          if (name === 'verify' && /HostnameVerifier/.test(enclosingClassHeader(node)) && constantReturn(values, node) === true) {
            add('tls-verification-disabled', node, 'HostnameVerifier.verify always returns true');
          }
        }
        if ((node.type === 'identifier' || node.type === 'type_identifier' || node.type === 'simple_identifier') && INSECURE_NAMES.test(node.text) && !/import/.test(node.parent?.type ?? '') && !/import/.test(node.parent?.parent?.type ?? '')) {
          add('tls-verification-disabled', statementOf(node), node.text);
        }
        if (node.type === 'identifier' && /^ALLOW_ALL_HOSTNAME_VERIFIER$/.test(node.text)) add('tls-verification-disabled', statementOf(node), 'ALLOW_ALL_HOSTNAME_VERIFIER');
        return undefined;
      });
      for (const call of values.calls) {
        const view = callView(lang, call);
        if (!view) continue;
        if (/^(setHostnameVerifier|setDefaultHostnameVerifier|hostnameVerifier|setSSLHostnameVerifier)$/.test(view.method)) {
          const arg = view.args[0] ?? view.trailing;
          const fn = arg ? lambdaOf(lang, arg) : undefined;
          if (fn && constantReturn(values, fn) === true) add('tls-verification-disabled', call, `${view.method} accepts every host name`);
        }
        if (view.method === 'loadTrustMaterial') {
          const strategy = view.args.at(-1) ?? view.trailing;
          const fn = strategy ? lambdaOf(lang, strategy) : undefined;
          if (fn && constantReturn(values, fn) === true) add('tls-verification-disabled', call, 'loadTrustMaterial trusts every certificate');
        }
      }
      return facts;
    },
  };
}

function lambdaOf(lang: Lang, node: Node): Node | undefined {
  if (lang.expr(node).k === 'lambda') return node;
  const inner = node.namedChildren.find((c) => c && lang.expr(c).k === 'lambda');
  return inner ?? undefined;
}

function enclosingClassHeader(node: Node): string {
  for (let cur = node.parent; cur; cur = cur.parent) {
    if (/class_declaration|object_creation_expression|object_literal|class_definition|object_definition/.test(cur.type)) {
      const body = cur.namedChildren.find((c) => c && /class_body|template_body/.test(c.type));
      return body ? cur.text.slice(0, body.startIndex - cur.startIndex) : cur.text.slice(0, 200);
    }
  }
  return '';
}

function statementOf(node: Node): Node {
  let cur = node;
  while (cur.parent && !/statement|declaration|definition|block|class_body|program|source_file|compilation_unit/.test(cur.parent.type)) cur = cur.parent;
  return cur;
}
