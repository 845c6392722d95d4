import type { Fact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc } from '../python/ast.js';
import { isPythonTestFile, readModuleScope } from '../python/modules.js';
import type { Extractor } from '../types.js';
import { describeDjangoViews } from './view-descriptions.js';
import { rootOf } from '../tree-sitter/ast.js';

export const djangoViews: Extractor = {
  id: 'django/views',
  languages: ['python'],
  keywords: ['request', 'View'],
  extract(file: ParsedFile): Fact[] {
    if (file.tree.kind !== 'tree-sitter' || isPythonTestFile(file.path)) return [];
    const root = rootOf(file.tree.tree);
    return describeDjangoViews(file, readModuleScope(root), root).map((v) => ({
      kind: 'view', framework: 'django', ref: { file: file.path, path: [v.name] }, location: loc(file.path, v.node),
      routes: v.routes.map((r) => ({ method: r.method, path: r.path, handler: { name: r.handler, ...(r.handlerNode ? { location: loc(file.path, r.handlerNode) } : {}) } })),
      ...(v.middleware.length ? { middleware: v.middleware } : {}),
    }));
  },
};
