// Shared plumbing for config-issue extractors over tree-sitter languages.
import type { ConfigIssueFact } from '../../../core/facts.js';
import { loc } from '../../tree-sitter/ast.js';
import type { Node } from './expr.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

export type AddIssue = (issue: ConfigIssueFact['issue'], node: Node, detail: string) => void;

export function issueCollector(file: string): { facts: ConfigIssueFact[]; add: AddIssue } {
  const facts: ConfigIssueFact[] = [];
  const seen = new Set<string>();
  const add: AddIssue = (issue, node, detail) => {
    const key = `${issue}:${node.startIndex}`;
    if (seen.has(key)) return;
    seen.add(key);
    facts.push({ kind: 'config-issue', issue, detail, location: loc(file, node) });
  };
  return { facts, add };
}

/** An `if` condition around a node that checks for a development / debug environment. */
export function insideDevelopmentCheck(node: Node, conditionTypes: readonly string[] = ['if_statement', 'if_expression']): boolean {
  let child: Node = node;
  for (let cur: Node | null = node.parent; cur; child = cur, cur = cur.parent) {
    if (conditionTypes.includes(cur.type)) {
      const condNode = fieldOf(cur, 'condition');
      const cond = condNode?.text ?? '';
      if (condNode && child.id === condNode.id) continue;
      const inConsequence = fieldOf(cur, 'consequence')?.id === child.id || fieldOf(cur, 'body')?.id === child.id;
      const negated = /^\(?\s*!/.test(cond) || /==\s*false|!=\s*true/.test(cond);
      if (/IsDevelopment|IsEnvironment\(\s*"Development"|isDev|isDevelopment|Development|DEBUG|isLocal|IsLocal|IsStaging/i.test(cond)) {
        if (inConsequence !== negated) return true;
      } else if (/IsProduction|isProd/i.test(cond)) {
        if (inConsequence === negated) return true;
      }
    }
    if (/^(method_declaration|function_declaration|function_definition|local_function_statement)$/.test(cur.type)) {
      const name = fieldOf(cur, 'name')?.text ?? '';
      if (/dev|debug|local|test/i.test(name)) return true;
    }
  }
  return false;
}
