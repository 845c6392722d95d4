// Databases used by C# code: EF Core (`UseSqlServer` / `UseNpgsql` / `UseSqlite` / `UseMySql` /
// `UseOracle` / `UseCosmos` and DbContext subclasses), Dapper, ADO.NET connections (`new SqlConnection`,
// `new NpgsqlConnection`, ...), the MongoDB driver and StackExchange.Redis.
import type { DatabaseFact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import { treeOf, walk } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { named } from '../shared/dialect.js';
import { DatabaseFacts } from '../shared/database.js';
import { csCall } from './dialect.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

const EF_PROVIDERS: Record<string, string | undefined> = {
  UseSqlServer: 'mssql', UseAzureSql: 'mssql', UseNpgsql: 'postgresql', UseSqlite: 'sqlite', UseMySql: 'mysql', UseMySQL: 'mysql',
  UseOracle: 'oracle', UseCosmos: 'cosmosdb', UseMongoDB: 'mongodb', UseInMemoryDatabase: undefined, UseJet: undefined, UseFirebird: undefined,
};

const CONNECTIONS: Record<string, { library: string; engine: string }> = {
  SqlConnection: { library: 'ado.net', engine: 'mssql' },
  NpgsqlConnection: { library: 'npgsql', engine: 'postgresql' },
  NpgsqlDataSource: { library: 'npgsql', engine: 'postgresql' },
  SqliteConnection: { library: 'microsoft.data.sqlite', engine: 'sqlite' },
  SQLiteConnection: { library: 'system.data.sqlite', engine: 'sqlite' },
  MySqlConnection: { library: 'mysqlconnector', engine: 'mysql' },
  OracleConnection: { library: 'oracle.manageddataaccess', engine: 'oracle' },
  MongoClient: { library: 'mongodb-driver', engine: 'mongodb' },
};

export function extractCsharpDatabases(file: ParsedFile): DatabaseFact[] {
  const tree = treeOf(file);
  if (!tree) return [];
  const root = tree.rootNode;
  const out = new DatabaseFacts(file);
  for (const using of root.descendantsOfType('using_directive')) {
    const name = using ? named(using).map((c) => c.text).join('') : '';
    if (name === 'Dapper') out.push(using!, 'dapper');
    if (/^(Dapper\.Contrib|Dapper\.FluentMap)/.test(name)) out.push(using!, 'dapper');
  }
  walk(root, (node) => {
    if (node.type === 'class_declaration') {
      const bases = named(named(node).find((c) => c.type === 'base_list')).map((b) => b.text.replace(/<.*$/, ''));
      if (bases.some((b) => /^(DbContext|IdentityDbContext|ApiAuthorizationDbContext)$/.test(b))) out.push(fieldOf(node, 'name') ?? node, 'efcore');
      return undefined;
    }
    const call = csCall(node);
    if (!call) return undefined;
    if (Object.hasOwn(EF_PROVIDERS, call.name) && call.receiver) out.push(node, 'efcore', EF_PROVIDERS[call.name]);
    else if (call.isNew && Object.hasOwn(CONNECTIONS, call.name)) out.push(node, CONNECTIONS[call.name]!.library, CONNECTIONS[call.name]!.engine);
    else if (call.name === 'Connect' && call.path?.[0] === 'ConnectionMultiplexer') out.push(node, 'stackexchange-redis', 'redis');
    else if (call.name === 'ConnectAsync' && call.path?.[0] === 'ConnectionMultiplexer') out.push(node, 'stackexchange-redis', 'redis');
    return undefined;
  });
  return out.facts;
}

export const csharpDatabases: Extractor = {
  id: 'security/csharp/database',
  languages: ['csharp'],
  extract: extractCsharpDatabases,
};
