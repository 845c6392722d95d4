// Databases used by Rust code: sqlx (engine from PgPool / MySqlPool / SqlitePool / Postgres ... types),
// diesel (PgConnection / MysqlConnection / SqliteConnection), sea-orm, tokio-postgres, rusqlite,
// mysql / mysql_async, mongodb, redis; one fact per crate per file at its first `use`, and one per
// connection URL literal passed to a connect call.
import type { DatabaseFact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import { treeOf, walk } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import type { Node } from '../shared/dialect.js';
import { DatabaseFacts, engineOfUrl } from '../shared/database.js';
import { rustCall, rustLiteral } from './dialect.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

const CRATES: Record<string, { library: string; engine?: string }> = {
  sqlx: { library: 'sqlx' },
  diesel: { library: 'diesel' },
  sea_orm: { library: 'sea-orm' },
  tokio_postgres: { library: 'tokio-postgres', engine: 'postgresql' },
  postgres: { library: 'postgres', engine: 'postgresql' },
  deadpool_postgres: { library: 'deadpool-postgres', engine: 'postgresql' },
  bb8_postgres: { library: 'bb8-postgres', engine: 'postgresql' },
  rusqlite: { library: 'rusqlite', engine: 'sqlite' },
  mysql: { library: 'mysql', engine: 'mysql' },
  mysql_async: { library: 'mysql_async', engine: 'mysql' },
  mongodb: { library: 'mongodb', engine: 'mongodb' },
  redis: { library: 'redis', engine: 'redis' },
  deadpool_redis: { library: 'redis', engine: 'redis' },
  scylla: { library: 'scylla', engine: 'cassandra' },
  surrealdb: { library: 'surrealdb' },
};

const TYPE_ENGINES: [RegExp, string][] = [
  [/^(PgPool|PgPoolOptions|PgConnection|PgConnectOptions|Postgres|PgRow|PgQueryResult|PgExecutor|Pg)$/, 'postgresql'],
  [/^(MySqlPool|MySqlPoolOptions|MySqlConnection|MysqlConnection|MySql|Mysql|MySqlRow)$/, 'mysql'],
  [/^(SqlitePool|SqlitePoolOptions|SqliteConnection|Sqlite|SqliteRow)$/, 'sqlite'],
  [/^(MssqlPool|MssqlConnection|Mssql)$/, 'mssql'],
];

export function extractRustDatabases(file: ParsedFile): DatabaseFact[] {
  const tree = treeOf(file);
  if (!tree) return [];
  const root = tree.rootNode;
  const out = new DatabaseFacts(file);
  const engines = new Set<string>();
  walk(root, (node) => {
    if (node.type === 'identifier' || node.type === 'type_identifier') {
      const engine = TYPE_ENGINES.find(([re]) => re.test(node.text))?.[1];
      if (engine) engines.add(engine);
    }
    return undefined;
  });
  const engine = engines.size === 1 ? [...engines][0] : undefined;
  const first = new Map<string, Node>();
  walk(root, (node) => {
    if (node.type === 'use_declaration' || node.type === 'extern_crate_declaration') {
      const crate = node.descendantsOfType('identifier')[0]?.text;
      const head = crate === 'crate' || crate === 'self' || crate === 'super' ? undefined : crate;
      if (head && Object.hasOwn(CRATES, head) && !first.has(head)) first.set(head, node);
      return false;
    }
    // sqlx::query!(...) / diesel::insert_into without a `use`
    if (node.type === 'scoped_identifier' || node.type === 'macro_invocation') {
      const head = (node.type === 'macro_invocation' ? fieldOf(node, 'macro') : node)?.text.split('::')[0];
      if (head && Object.hasOwn(CRATES, head) && !first.has(head) && (head === 'sqlx' || head === 'diesel' || head === 'sea_orm')) first.set(head, node);
    }
    return undefined;
  });
  for (const [crate, node] of first) {
    const pkg = CRATES[crate]!;
    out.push(node, pkg.library, pkg.engine ?? (pkg.library === 'sqlx' || pkg.library === 'diesel' ? engine : undefined));
  }
  // Database::connect("postgres://..."), PgPool::connect("..."), Client::with_uri_str("mongodb://...")
  walk(root, (node) => {
    const call = rustCall(node);
    if (!call || !/^(connect|connect_lazy|with_uri_str|open|establish|new)$/.test(call.name)) return undefined;
    const url = rustLiteral(call.args[0]);
    const urlEngine = url && url.includes(':') ? engineOfUrl(url) : undefined;
    if (!urlEngine) return undefined;
    // the crate of this file that speaks that engine: an engine-specific one first, then sqlx / diesel / sea-orm
    const crates = [...first.keys()].map((c) => CRATES[c]!);
    const pkg = crates.find((c) => c.engine === urlEngine) ?? crates.find((c) => c.engine === undefined);
    if (pkg) out.push(node, pkg.library, urlEngine);
    return undefined;
  });
  return out.facts;
}

export const rustDatabases: Extractor = {
  id: 'security/rust/database',
  languages: ['rust'],
  extract: extractRustDatabases,
};
