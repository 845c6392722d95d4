// Router-building code of axum, Actix-web and Rocket apps: one pass over the file's functions with
// the three dialects (a file rarely mixes them; each op is recognised by its shape), plus the calls
// that boot the server.
import type { Fact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, treeOf, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { actixDialect } from './actix.js';
import { calleePath, isInTestCode, isRustTestPath, isTestOnlyFile } from './ast.js';
import { axumDialect } from './axum.js';
import { Evaluator } from './evaluator.js';
import { rocketDialect } from './rocket.js';

/** `axum::serve(..)`, `axum::Server::bind(..)`, `HttpServer::new(..)`: where the service starts listening. */
function serviceEntries(root: Node, file: string): Fact[] {
  const out: Fact[] = [];
  for (const call of root.descendantsOfType('call_expression')) {
    const path = call ? calleePath(call) : undefined;
    if (!call || !path || path.length < 2) continue;
    const [owner, name] = path.slice(-2);
    const framework = owner === 'axum' && name === 'serve' ? 'axum'
      : owner === 'Server' && name === 'bind' && path[0] === 'axum' ? 'axum'
        : owner === 'HttpServer' && name === 'new' ? 'actix'
          : undefined;
    if (framework && !isInTestCode(call)) out.push({ kind: 'service-entry', framework, location: loc(file, call) });
  }
  return out;
}

export const rustRouterRoutes: Extractor = {
  id: 'rust/router-routes',
  languages: ['rust'],
  keywords: ['Router', 'route', 'nest', 'merge', 'App::new', 'scope', 'service', 'configure', 'mount', 'routes!', 'serve'],
  extract(file: ParsedFile): Fact[] {
    const tree = treeOf(file);
    if (!tree || isRustTestPath(file.path) || isTestOnlyFile(tree.rootNode)) return [];
    const facts = new Evaluator(file, tree.rootNode, [axumDialect, actixDialect, rocketDialect]).run(tree.rootNode);
    return [...facts, ...serviceEntries(tree.rootNode, file.path)];
  },
};
