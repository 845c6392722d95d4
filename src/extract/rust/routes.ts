// Router-building code of axum, Actix-web, Rocket, tide, gotham, salvo, poem, Loco and rwf apps: one
// pass over the file's functions with the dialects (a file rarely mixes them; each op is recognised
// by its shape and the crates the file imports), plus the calls that boot the server.
import type { Fact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, treeOf, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { actixDialect } from './actix.js';
import { calleePath, isInTestCode, isRustTestPath, isTestOnlyFile } from './ast.js';
import { axumDialect } from './axum.js';
import { Evaluator } from './evaluator.js';
import { rocketDialect } from './rocket.js';
import { tideDialect } from './tide.js';
import { locoDialect } from './loco.js';
import { poemDialect } from './poem.js';
import { salvoDialect } from './salvo.js';
import { gothamDialect } from './gotham.js';
import { rwfDialect } from './rwf.js';

/** `axum::serve(..)`, `axum::Server::bind(..)`, `HttpServer::new(..)`: where the service starts listening. */
function serviceEntries(root: Node, file: string, ev: Evaluator): Fact[] {
  const out: Fact[] = [];
  for (const call of root.descendantsOfType('call_expression')) {
    const path = call ? calleePath(call) : undefined;
    if (!call || !path || path.length < 2) continue;
    const [owner, name] = path.slice(-2);
    const framework = owner === 'axum' && name === 'serve' ? 'axum'
      : owner === 'Server' && name === 'bind' && path[0] === 'axum' ? 'axum'
        : owner === 'HttpServer' && name === 'new' ? 'actix'
          : owner === 'Server' && name === 'new' && ev.usesCrate('salvo') ? 'salvo'
            : owner === 'Server' && name === 'new' && ev.usesCrate('poem') ? 'poem'
              : owner === 'gotham' && (name === 'start' || name === 'init_server') ? 'gotham'
                : undefined;
    if (framework && !isInTestCode(call)) out.push({ kind: 'service-entry', framework, location: loc(file, call) });
  }
  return out;
}

// Salvo first: its `Router::new()` would otherwise read as axum's in a salvo file.
const DIALECTS = [salvoDialect, axumDialect, actixDialect, rocketDialect, tideDialect, locoDialect, poemDialect, gothamDialect, rwfDialect];

export const rustRouterRoutes: Extractor = {
  id: 'rust/router-routes',
  languages: ['rust'],
  keywords: ['Router', 'route', 'nest', 'merge', 'App::new', 'scope', 'service', 'configure', 'mount', 'routes!', 'serve', 'tide', 'loco_rs', 'poem', 'salvo', 'gotham', 'rwf'],
  extract(file: ParsedFile): Fact[] {
    const tree = treeOf(file);
    if (!tree || isRustTestPath(file.path) || isTestOnlyFile(tree.rootNode)) return [];
    const ev = new Evaluator(file, tree.rootNode, DIALECTS);
    const facts = ev.run(tree.rootNode);
    return [...facts, ...serviceEntries(tree.rootNode, file.path, ev)];
  },
};
