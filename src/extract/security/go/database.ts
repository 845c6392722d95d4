// Databases used by Go code: database/sql with its drivers (lib/pq, pgx, go-sql-driver/mysql,
// go-sqlite3, mssql, godror), `sql.Open("postgres", ...)`, gorm (v1 `gorm.Open("sqlite3", ...)` and v2
// with gorm.io/driver/*), sqlx, ent, bun, xorm, go-pg, the MongoDB driver and Redis clients. One fact
// per imported package the file uses (or a blank driver import), one per Open call naming its driver.
import type { DatabaseFact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import { treeOf, walk } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { DatabaseFacts, engineOfName, engineOfUrl } from '../shared/database.js';
import { goCall, goImports, goLiteral } from './dialect.js';

interface GoDbPackage {
  library: string;
  engine?: string;
}

const PACKAGES: [RegExp, GoDbPackage][] = [
  [/^github\.com\/lib\/pq$/, { library: 'lib/pq', engine: 'postgresql' }],
  [/^github\.com\/jackc\/pgx(\/v\d)?(\/(stdlib|pgxpool|pgconn))?$/, { library: 'pgx', engine: 'postgresql' }],
  [/^github\.com\/go-sql-driver\/mysql$/, { library: 'go-sql-driver/mysql', engine: 'mysql' }],
  [/^github\.com\/mattn\/go-sqlite3$|^modernc\.org\/sqlite$|^github\.com\/glebarez\/(go-)?sqlite$/, { library: 'sqlite3', engine: 'sqlite' }],
  [/^github\.com\/(denisenkom|microsoft)\/go-mssqldb$/, { library: 'go-mssqldb', engine: 'mssql' }],
  [/^github\.com\/godror\/godror$|^github\.com\/sijms\/go-ora/, { library: 'godror', engine: 'oracle' }],
  [/^gorm\.io\/gorm$|^github\.com\/jinzhu\/gorm$/, { library: 'gorm' }],
  [/^gorm\.io\/driver\/postgres$|^github\.com\/jinzhu\/gorm\/dialects\/postgres$/, { library: 'gorm', engine: 'postgresql' }],
  [/^gorm\.io\/driver\/mysql$|^github\.com\/jinzhu\/gorm\/dialects\/mysql$/, { library: 'gorm', engine: 'mysql' }],
  [/^gorm\.io\/driver\/sqlite$|^github\.com\/jinzhu\/gorm\/dialects\/sqlite$/, { library: 'gorm', engine: 'sqlite' }],
  [/^gorm\.io\/driver\/sqlserver$|^github\.com\/jinzhu\/gorm\/dialects\/mssql$/, { library: 'gorm', engine: 'mssql' }],
  [/^database\/sql$/, { library: 'database/sql' }],
  [/^github\.com\/jmoiron\/sqlx$/, { library: 'sqlx' }],
  [/^entgo\.io\/ent(\/dialect)?$/, { library: 'ent' }],
  [/^github\.com\/uptrace\/bun$/, { library: 'bun' }],
  [/^github\.com\/uptrace\/bun\/dialect\/pgdialect$/, { library: 'bun', engine: 'postgresql' }],
  [/^github\.com\/uptrace\/bun\/dialect\/mysqldialect$/, { library: 'bun', engine: 'mysql' }],
  [/^github\.com\/uptrace\/bun\/dialect\/sqlitedialect$/, { library: 'bun', engine: 'sqlite' }],
  [/^xorm\.io\/xorm$|^github\.com\/go-xorm\/xorm$/, { library: 'xorm' }],
  [/^github\.com\/go-pg\/pg(\/v\d+)?$/, { library: 'go-pg', engine: 'postgresql' }],
  [/^go\.mongodb\.org\/mongo-driver(\/v\d)?\/mongo$/, { library: 'mongo-driver', engine: 'mongodb' }],
  [/^gopkg\.in\/mgo\.v2$|^github\.com\/globalsign\/mgo$/, { library: 'mgo', engine: 'mongodb' }],
  [/^github\.com\/(redis|go-redis)\/go-redis(\/v\d+)?$|^github\.com\/go-redis\/redis(\/v\d+)?$/, { library: 'go-redis', engine: 'redis' }],
  [/^github\.com\/gomodule\/redigo\/redis$/, { library: 'redigo', engine: 'redis' }],
  [/^github\.com\/gocql\/gocql$/, { library: 'gocql', engine: 'cassandra' }],
  [/^github\.com\/volatiletech\/sqlboiler/, { library: 'sqlboiler' }],
  [/^github\.com\/Masterminds\/squirrel$/, { library: 'squirrel' }],
  [/^github\.com\/doug-martin\/goqu/, { library: 'goqu' }],
];

export function extractGoDatabases(file: ParsedFile): DatabaseFact[] {
  const tree = treeOf(file);
  if (!tree) return [];
  const root = tree.rootNode;
  const out = new DatabaseFacts(file);
  const used = new Set<string>();
  walk(root, (node) => {
    if (node.type === 'selector_expression' || node.type === 'qualified_type') {
      const head = node.namedChild(0);
      if (head && (head.type === 'identifier' || head.type === 'package_identifier')) used.add(head.text);
    }
    return undefined;
  });
  for (const imp of goImports(root)) {
    const pkg = PACKAGES.find(([re]) => re.test(imp.path))?.[1];
    if (!pkg) continue;
    // database/sql alone says nothing about the engine; the Open call or a driver import will.
    if (pkg.library === 'database/sql') continue;
    if (imp.local === '_' || used.has(imp.local)) out.push(imp.node, pkg.library, pkg.engine);
  }
  walk(root, (node) => {
    const call = goCall(node);
    if (call?.name === 'ApplyURI') {
      const engine = engineOfUrl(goLiteral(call.args[0]));
      if (engine) out.push(node, 'mongo-driver', engine);
    }
    if (!call?.path || call.path.length !== 2) return undefined;
    const [head, fn] = call.path as [string, string];
    // sql.Open("postgres", dsn), sqlx.Connect("mysql", dsn), gorm.Open("sqlite3", "./gorm.db") (gorm v1)
    if ((fn === 'Open' || fn === 'Connect' || fn === 'MustConnect' || fn === 'MustOpen') && call.args.length >= 2) {
      const driver = goLiteral(call.args[0]);
      const engine = engineOfName(driver) ?? engineOfName(driver?.replace(/^(cloudsql|nr)/, ''));
      const library = head === 'sql' ? 'database/sql' : head === 'gorm' ? 'gorm' : head === 'sqlx' ? 'sqlx' : head;
      if (engine) out.push(node, library, engine);
    }
    // pgx.Connect(ctx, "postgres://..."), pgxpool.New(ctx, url), mongo.Connect(ctx, options.Client().ApplyURI("mongodb://..."))
    if ((head === 'pgx' || head === 'pgxpool') && /^(Connect|New|NewWithConfig|ConnectConfig)$/.test(fn)) out.push(node, 'pgx', 'postgresql');
    return undefined;
  });
  return out.facts;
}

export const goDatabases: Extractor = {
  id: 'security/go/database',
  languages: ['go'],
  keywords: ['import'],
  extract: extractGoDatabases,
};
