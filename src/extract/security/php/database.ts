// Databases used by PHP code: Eloquent models and the DB facade, Laravel `config/database.php`
// (`'default' => env('DB_CONNECTION', 'mysql')`), Doctrine ORM / DBAL, PDO DSNs
// (`new PDO('pgsql:host=...')`), mysqli, pg_connect, MongoDB and Redis clients.
import type { DatabaseFact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import { treeOf, walk } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { named, type Node } from '../shared/dialect.js';
import { DatabaseFacts, engineOfName, engineOfUrl } from '../shared/database.js';
import { arrayPairs } from './cors.js';
import { phpCall, phpDialect, phpLiteral } from './dialect.js';

const USES: [RegExp, { library: string; engine?: string }][] = [
  [/^Illuminate\\Database\\Eloquent\\/, { library: 'eloquent' }],
  [/^Illuminate\\Foundation\\Auth\\User$/, { library: 'eloquent' }],
  [/^Illuminate\\Support\\Facades\\DB$/, { library: 'illuminate-database' }],
  [/^Doctrine\\(ORM|ODM|DBAL|Persistence|Bundle\\DoctrineBundle)\\/, { library: 'doctrine' }],
  [/^MongoDB\\/, { library: 'mongodb', engine: 'mongodb' }],
  [/^Predis\\/, { library: 'predis', engine: 'redis' }],
  [/^Illuminate\\Support\\Facades\\Redis$/, { library: 'laravel-redis', engine: 'redis' }],
  [/^Cycle\\ORM\\/, { library: 'cycle-orm' }],
  [/^Propel\\/, { library: 'propel' }],
  [/^RedBeanPHP\\/, { library: 'redbean' }],
];

function uses(root: Node): { path: string; node: Node }[] {
  const out: { path: string; node: Node }[] = [];
  for (const decl of root.descendantsOfType('namespace_use_declaration')) {
    if (!decl) continue;
    for (const clause of named(decl)) {
      const name = named(clause).find((c) => c.type === 'qualified_name' || c.type === 'name');
      if (name) out.push({ path: name.text.replace(/^\\/, ''), node: decl });
    }
  }
  return out;
}

export function extractPhpDatabases(file: ParsedFile): DatabaseFact[] {
  const tree = treeOf(file);
  if (!tree) return [];
  const root = tree.rootNode;
  const out = new DatabaseFacts(file);
  const done = new Set<string>();
  for (const u of uses(root)) {
    const pkg = USES.find(([re]) => re.test(u.path))?.[1];
    if (!pkg || done.has(pkg.library)) continue;
    done.add(pkg.library);
    out.push(u.node, pkg.library, pkg.engine);
  }
  // Laravel config/database.php: the default connection
  if (/(^|\/)config\/database\.php$/.test(file.path)) {
    const ret = root.descendantsOfType('return_statement')[0];
    const pairs = arrayPairs(ret ? named(ret)[0] : undefined);
    const def = pairs.get('default');
    if (def) {
      const fallback = phpDialect.envFallback(def.value);
      const engine = engineOfName(phpLiteral(fallback?.fallback ?? def.value));
      out.push(def.element, 'eloquent', engine);
    }
  }
  walk(root, (node) => {
    const call = phpCall(node);
    if (!call) return undefined;
    if (call.isNew && call.name === 'PDO') {
      const dsn = phpDialect.literal(call.args[0]) ?? phpDialect.literalText(call.args[0] ?? node);
      out.push(node, 'pdo', engineOfUrl(dsn));
    } else if (call.name === 'mysqli_connect' || (call.isNew && call.name === 'mysqli')) out.push(node, 'mysqli', 'mysql');
    else if (call.name === 'pg_connect' || call.name === 'pg_pconnect') out.push(node, 'pgsql', 'postgresql');
    return undefined;
  });
  return out.facts;
}

export const phpDatabases: Extractor = {
  id: 'security/php/database',
  languages: ['php'],
  extract: extractPhpDatabases,
};
