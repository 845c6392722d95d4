// The front controller that boots a Laravel or Symfony app: public/index.php requiring
// bootstrap/app.php (Laravel) or creating the Kernel (Symfony).
import type { Fact } from '../../core/facts.js';
import { descendants, loc, namedChildren, treeOf } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { lastName, stringTail } from './ast.js';

const INCLUDES = ['require_expression', 'require_once_expression', 'include_expression', 'include_once_expression'];

export const phpServiceEntry: Extractor = {
  id: 'php/service-entry',
  languages: ['php'],
  keywords: ['bootstrap/app.php', 'Kernel'],
  extract(file) {
    if (!/(^|\/)public\/index\.php$/.test(file.path)) return [];
    const tree = treeOf(file);
    if (!tree) return [];
    const facts: Fact[] = [];
    for (const inc of descendants(tree.rootNode, INCLUDES)) {
      const target = stringTail(namedChildren(inc)[0]);
      if (target?.endsWith('bootstrap/app.php')) {
        facts.push({ kind: 'service-entry', framework: 'laravel', location: loc(file.path, inc) });
        return facts;
      }
    }
    for (const creation of descendants(tree.rootNode, ['object_creation_expression'])) {
      const name = namedChildren(creation).find((c) => c.type === 'name' || c.type === 'qualified_name');
      if (name && lastName(name) === 'Kernel') {
        facts.push({ kind: 'service-entry', framework: 'symfony', location: loc(file.path, creation) });
        return facts;
      }
    }
    return facts;
  },
};
