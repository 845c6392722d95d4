// Database engines named by connection URLs, JDBC URLs, driver names and driver classes, and a
// collector of database facts for one file.
import type { DatabaseFact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import { loc } from '../../tree-sitter/ast.js';
import type { Node } from './dialect.js';

/** 'postgres', 'pgx', 'pgsql', 'sqlite3', 'sqlserver', 'mariadb' ... -> the normalised engine. */
export function engineOfName(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const s = raw.toLowerCase().trim().replace(/^pdo_/, '');
  if (/^(postgres|postgresql|pg|pgx|pgsql|psql|npgsql|postgis|cockroach|cockroachdb|redshift|timescaledb)$/.test(s)) return 'postgresql';
  if (/^(mysql|mysqli|mysql2)$/.test(s)) return 'mysql';
  if (s === 'mariadb') return 'mariadb';
  if (/^(sqlite|sqlite3|libsql)$/.test(s)) return 'sqlite';
  if (/^(mongodb|mongo|mongodb\+srv)$/.test(s)) return 'mongodb';
  if (/^(mssql|sqlserver|sqlsrv|sql_server|azuresql)$/.test(s)) return 'mssql';
  if (/^(oracle|oci|oci8|godror|oracledb)$/.test(s)) return 'oracle';
  if (/^(redis|rediss)$/.test(s)) return 'redis';
  if (s === 'h2') return 'h2';
  return undefined;
}

/** 'jdbc:postgresql://h/db', 'r2dbc:mysql://', 'postgres://u@h/db', 'mysql:host=...;dbname=' (PDO), 'sqlite:x.db'. */
export function engineOfUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const s = url.trim();
  const jdbc = /^(jdbc|r2dbc)(:[a-z0-9]+)?:([a-z0-9]+)[:/]/i.exec(s);
  if (jdbc) return engineOfName(jdbc[3]) ?? engineOfName(jdbc[2]?.slice(1));
  const scheme = /^([a-z][a-z0-9+]*):/i.exec(s);
  if (!scheme) return undefined;
  return engineOfName(scheme[1]!.split('+')[0]) ?? (scheme[1]!.toLowerCase() === 'mongodb+srv' ? 'mongodb' : undefined);
}

const DRIVER_CLASSES: [RegExp, string][] = [
  [/^org\.postgresql\./, 'postgresql'],
  [/^com\.mysql\.(cj\.)?jdbc\./, 'mysql'],
  [/^org\.mariadb\.jdbc\./, 'mariadb'],
  [/^org\.h2\./, 'h2'],
  [/^org\.sqlite\./, 'sqlite'],
  [/^com\.microsoft\.sqlserver\./, 'mssql'],
  [/^oracle\.jdbc\./, 'oracle'],
];

/** 'org.postgresql.Driver' -> 'postgresql'. */
export function engineOfDriverClass(name: string | undefined): string | undefined {
  if (!name) return undefined;
  return DRIVER_CLASSES.find(([re]) => re.test(name.trim()))?.[1];
}

export class DatabaseFacts {
  private readonly list: DatabaseFact[] = [];
  private readonly seen = new Set<string>();
  constructor(private readonly file: ParsedFile) {}

  push(at: Node, library: string, engine?: string): void {
    const location = loc(this.file.path, at);
    const key = `${location.startLine}:${library}:${engine ?? ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const fact: DatabaseFact = { kind: 'database', library, location };
    if (engine) fact.engine = engine;
    this.list.push(fact);
  }

  get facts(): DatabaseFact[] {
    return [...this.list].sort((a, b) => a.location.startLine - b.location.startLine || a.location.startColumn - b.location.startColumn || a.library.localeCompare(b.library));
  }
}
