// Go configuration problems in code: tls.Config{InsecureSkipVerify: true} (or assigned later),
// gin.SetMode(gin.DebugMode) / gin.SetMode("debug"), echo's e.Debug = true.
import type { Fact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import { walk } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { evalConst } from '../core/const-eval.js';
import { issueCollector } from '../core/config-extractor.js';
import { callView } from '../core/expr.js';
import { FileValues } from '../core/values.js';
import { goImports } from './imports.js';
import { goLang } from './lang.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

export const goConfigIssues: Extractor = {
  id: 'go/config-issues',
  languages: ['go'],
  keywords: ['InsecureSkipVerify', 'SetMode', 'Debug'],
  extract(file: ParsedFile): Fact[] {
    if (file.tree.kind !== 'tree-sitter') return [];
    const values = new FileValues(goLang, file.tree.tree.rootNode);
    const imports = goImports(values.root);
    const { facts, add } = issueCollector(file.path);
    const isTrue = (n: import('../core/expr.js').Node | null | undefined) => !!n && evalConst(values, n) === true;
    walk(values.root, (node) => {
      if (node.type === 'keyed_element') {
        const [key, value] = node.namedChildren;
        if (key?.text === 'InsecureSkipVerify' && isTrue(value?.namedChildren[0] ?? value)) add('tls-verification-disabled', node, 'InsecureSkipVerify: true');
      } else if (node.type === 'assignment_statement') {
        const left = fieldOf(node, 'left')?.namedChildren[0];
        const right = fieldOf(node, 'right')?.namedChildren[0];
        if (left?.type === 'selector_expression' && isTrue(right)) {
          const field = fieldOf(left, 'field')?.text;
          if (field === 'InsecureSkipVerify') add('tls-verification-disabled', node, `${left.text} = true`);
          if (field === 'Debug' && [...imports.values()].some((p) => p.includes('labstack/echo'))) add('debug-enabled', node, `${left.text} = true`);
        }
      }
      return undefined;
    });
    for (const call of values.calls) {
      const view = callView(goLang, call);
      if (view?.method !== 'SetMode' || !view.path || view.path.length !== 2) continue;
      if (!(imports.get(view.path[0]!) ?? '').includes('gin-gonic/gin')) continue;
      const mode = view.args[0];
      if (mode && (/\.DebugMode$/.test(mode.text) || evalConst(values, mode) === 'debug')) add('debug-enabled', call, 'gin.SetMode(gin.DebugMode)');
    }
    return facts;
  },
};
