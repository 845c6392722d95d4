// JS/TS configuration problems visible in code: TLS certificate verification turned off
// (`rejectUnauthorized: false` in https / tls / axios / pg / request options, `strictSSL: false`,
// `NODE_TLS_REJECT_UNAUTHORIZED = '0'`, a no-op `checkServerIdentity`, superagent `disableTLSCerts()`).
import type * as t from '@babel/types';
import type { ConfigIssueFact, Fact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import type { Extractor } from '../types.js';
import { loc, memberPath, stringValue, walk, type Node } from './ast.js';
import { unwrap } from './code-values.js';

export const javascriptConfigIssues: Extractor = {
  id: 'javascript/config-issues',
  languages: ['javascript', 'typescript'],
  keywords: ['rejectUnauthorized', 'NODE_TLS_REJECT_UNAUTHORIZED', 'strictSSL', 'checkServerIdentity', 'disableTLSCerts'],
  extract(file: ParsedFile): Fact[] {
    if (file.tree.kind !== 'babel') return [];
    const facts: Fact[] = [];
    const issue = (node: Node, detail: string): ConfigIssueFact => ({ kind: 'config-issue', issue: 'tls-verification-disabled', detail, location: loc(file.path, node) });
    walk(file.tree.ast as unknown as Node, (node, ancestors) => {
      if (node.type === 'ObjectProperty') {
        const key = keyName(node);
        const value = unwrap(node.value as Node);
        if (key === 'rejectUnauthorized' && isFalsy(value)) {
          if (!isServerWithoutClientCerts(ancestors.at(-1))) facts.push(issue(node, 'rejectUnauthorized: false'));
        }
        else if (key === 'strictSSL' && isFalsy(value)) facts.push(issue(node, 'strictSSL: false'));
        else if (key === 'checkServerIdentity' && isNoOpFunction(value)) facts.push(issue(node, 'checkServerIdentity does nothing'));
      } else if (node.type === 'AssignmentExpression') {
        const path = memberPath(node.left as Node);
        if (path && path.length === 3 && path[0] === 'process' && path[1] === 'env' && path[2] === 'NODE_TLS_REJECT_UNAUTHORIZED') {
          const v = unwrap(node.right);
          if (isFalsy(v) || stringValue(v) === '0') facts.push(issue(node, 'NODE_TLS_REJECT_UNAUTHORIZED = 0'));
        }
        if (path && path.at(-1) === 'rejectUnauthorized' && isFalsy(unwrap(node.right))) facts.push(issue(node, 'rejectUnauthorized = false'));
      } else if (node.type === 'CallExpression') {
        const callee = memberPath(node.callee as Node);
        if (callee?.at(-1) === 'disableTLSCerts') facts.push(issue(node, 'disableTLSCerts()'));
      }
      return undefined;
    });
    return facts;
  },
};

/**
 * Server TLS options (`https.createServer({ key, cert, requestCert: false, rejectUnauthorized: false })`):
 * without `requestCert: true` the server asks for no client certificate, so the flag checks nothing.
 */
function isServerWithoutClientCerts(object: Node | undefined): boolean {
  if (!object || object.type !== 'ObjectExpression') return false;
  const requestCert = object.properties.find((p): p is t.ObjectProperty => p.type === 'ObjectProperty' && keyName(p) === 'requestCert');
  if (!requestCert) return false;
  const value = unwrap(requestCert.value as Node);
  return value?.type === 'BooleanLiteral' && value.value === false;
}

function keyName(prop: t.ObjectProperty): string | undefined {
  const key = prop.key as Node;
  if (key.type === 'Identifier' && !prop.computed) return key.name;
  if (key.type === 'StringLiteral') return key.value;
  return undefined;
}

function isFalsy(node: Node | undefined): boolean {
  if (!node) return false;
  if (node.type === 'BooleanLiteral') return node.value === false;
  if (node.type === 'NumericLiteral') return node.value === 0;
  if (node.type === 'UnaryExpression' && node.operator === '!' && node.argument.type === 'NumericLiteral') return node.argument.value !== 0;
  return false;
}

function isNoOpFunction(node: Node | undefined): boolean {
  if (!node || (node.type !== 'ArrowFunctionExpression' && node.type !== 'FunctionExpression')) return false;
  if (node.body.type === 'BlockStatement') {
    return node.body.body.every((s) => s.type === 'ReturnStatement' && (!s.argument || s.argument.type === 'NullLiteral' || (s.argument.type === 'Identifier' && s.argument.name === 'undefined')));
  }
  const body = node.body as Node;
  return body.type === 'NullLiteral' || (body.type === 'Identifier' && body.name === 'undefined');
}
