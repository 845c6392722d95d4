import type { Fact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc } from '../python/ast.js';
import { isPythonTestFile, readModuleScope } from '../python/modules.js';
import type { Extractor } from '../types.js';
import { describeFlaskViews } from './views.js';
import { rootOf } from '../tree-sitter/ast.js';

export const flaskViews: Extractor = {
  id: 'flask/views',
  languages: ['python'],
  keywords: ['Resource', 'View'],
  extract(file: ParsedFile): Fact[] {
    if (file.tree.kind !== 'tree-sitter' || isPythonTestFile(file.path)) return [];
    const root = rootOf(file.tree.tree);
    return describeFlaskViews(file, readModuleScope(root), root).map((v) => ({
      kind: 'view', framework: 'flask', ref: { file: file.path, path: [v.name] }, location: loc(file.path, v.node),
      routes: v.info.methods.map((method) => {
        const h = v.info.handlers.get(method);
        return { method, path: '', handler: { name: h ? `${v.name}.${method.toLowerCase()}` : v.name, ...(h ? { location: loc(file.path, h) } : {}) } };
      }),
      ...(v.info.middleware.length ? { middleware: v.info.middleware } : {}),
    }));
  },
};
