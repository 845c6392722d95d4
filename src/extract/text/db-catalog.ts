// Database client and ORM packages (npm and PyPI) -> library name and engine, and engine-name
// normalisation. Shared by the JS, Python and manifest database extractors. Pure data.

export type Engine = 'postgresql' | 'mysql' | 'mariadb' | 'sqlite' | 'mongodb' | 'mssql' | 'oracle' | 'redis' | 'dynamodb' | 'cassandra' | 'neo4j';

export interface DbPackage {
  library: string;
  engine?: Engine;
}

/** npm package (import source) -> library / engine. Sub-paths are matched by `npmPackage`. */
export const NPM_DATABASE_PACKAGES: Record<string, DbPackage> = {
  pg: { library: 'pg', engine: 'postgresql' },
  'pg-promise': { library: 'pg-promise', engine: 'postgresql' },
  postgres: { library: 'postgres', engine: 'postgresql' },
  '@neondatabase/serverless': { library: 'neon', engine: 'postgresql' },
  '@vercel/postgres': { library: '@vercel/postgres', engine: 'postgresql' },
  slonik: { library: 'slonik', engine: 'postgresql' },
  mysql: { library: 'mysql', engine: 'mysql' },
  mysql2: { library: 'mysql2', engine: 'mysql' },
  'mysql2/promise': { library: 'mysql2', engine: 'mysql' },
  mariadb: { library: 'mariadb', engine: 'mariadb' },
  sqlite3: { library: 'sqlite3', engine: 'sqlite' },
  'better-sqlite3': { library: 'better-sqlite3', engine: 'sqlite' },
  sqlite: { library: 'sqlite', engine: 'sqlite' },
  '@libsql/client': { library: 'libsql', engine: 'sqlite' },
  mongoose: { library: 'mongoose', engine: 'mongodb' },
  '@nestjs/mongoose': { library: 'mongoose', engine: 'mongodb' },
  mongodb: { library: 'mongodb', engine: 'mongodb' },
  '@prisma/client': { library: 'prisma' },
  typeorm: { library: 'typeorm' },
  '@nestjs/typeorm': { library: 'typeorm' },
  sequelize: { library: 'sequelize' },
  'sequelize-typescript': { library: 'sequelize' },
  '@nestjs/sequelize': { library: 'sequelize' },
  knex: { library: 'knex' },
  objection: { library: 'objection' },
  kysely: { library: 'kysely' },
  bookshelf: { library: 'bookshelf' },
  'drizzle-orm': { library: 'drizzle' },
  'drizzle-orm/node-postgres': { library: 'drizzle', engine: 'postgresql' },
  'drizzle-orm/postgres-js': { library: 'drizzle', engine: 'postgresql' },
  'drizzle-orm/mysql2': { library: 'drizzle', engine: 'mysql' },
  'drizzle-orm/better-sqlite3': { library: 'drizzle', engine: 'sqlite' },
  '@mikro-orm/core': { library: 'mikro-orm' },
  '@mikro-orm/postgresql': { library: 'mikro-orm', engine: 'postgresql' },
  '@mikro-orm/mysql': { library: 'mikro-orm', engine: 'mysql' },
  '@mikro-orm/sqlite': { library: 'mikro-orm', engine: 'sqlite' },
  '@mikro-orm/mongodb': { library: 'mikro-orm', engine: 'mongodb' },
  redis: { library: 'redis', engine: 'redis' },
  ioredis: { library: 'ioredis', engine: 'redis' },
  '@upstash/redis': { library: '@upstash/redis', engine: 'redis' },
  mssql: { library: 'mssql', engine: 'mssql' },
  tedious: { library: 'tedious', engine: 'mssql' },
  oracledb: { library: 'oracledb', engine: 'oracle' },
  marsdb: { library: 'marsdb' },
  nedb: { library: 'nedb' },
  lowdb: { library: 'lowdb' },
  dynamoose: { library: 'dynamoose', engine: 'dynamodb' },
  '@aws-sdk/client-dynamodb': { library: 'aws-sdk-dynamodb', engine: 'dynamodb' },
  '@aws-sdk/lib-dynamodb': { library: 'aws-sdk-dynamodb', engine: 'dynamodb' },
  'cassandra-driver': { library: 'cassandra-driver', engine: 'cassandra' },
  'neo4j-driver': { library: 'neo4j-driver', engine: 'neo4j' },
  '@supabase/supabase-js': { library: 'supabase', engine: 'postgresql' },
};

/** Python distribution or top-level module (lower-case, '-' for '_') -> library / engine. */
export const PY_DATABASE_PACKAGES: Record<string, DbPackage> = {
  psycopg2: { library: 'psycopg2', engine: 'postgresql' },
  'psycopg2-binary': { library: 'psycopg2', engine: 'postgresql' },
  psycopg: { library: 'psycopg', engine: 'postgresql' },
  'psycopg-binary': { library: 'psycopg', engine: 'postgresql' },
  asyncpg: { library: 'asyncpg', engine: 'postgresql' },
  aiopg: { library: 'aiopg', engine: 'postgresql' },
  pymysql: { library: 'pymysql', engine: 'mysql' },
  mysqlclient: { library: 'mysqlclient', engine: 'mysql' },
  mysqldb: { library: 'mysqlclient', engine: 'mysql' },
  'mysql-connector-python': { library: 'mysql-connector', engine: 'mysql' },
  'mysql.connector': { library: 'mysql-connector', engine: 'mysql' },
  aiomysql: { library: 'aiomysql', engine: 'mysql' },
  asyncmy: { library: 'asyncmy', engine: 'mysql' },
  sqlite3: { library: 'sqlite3', engine: 'sqlite' },
  aiosqlite: { library: 'aiosqlite', engine: 'sqlite' },
  sqlalchemy: { library: 'sqlalchemy' },
  'flask-sqlalchemy': { library: 'sqlalchemy' },
  flask_sqlalchemy: { library: 'sqlalchemy' },
  sqlmodel: { library: 'sqlmodel' },
  pymongo: { library: 'pymongo', engine: 'mongodb' },
  motor: { library: 'motor', engine: 'mongodb' },
  mongoengine: { library: 'mongoengine', engine: 'mongodb' },
  beanie: { library: 'beanie', engine: 'mongodb' },
  odmantic: { library: 'odmantic', engine: 'mongodb' },
  redis: { library: 'redis', engine: 'redis' },
  aioredis: { library: 'aioredis', engine: 'redis' },
  'tortoise-orm': { library: 'tortoise' },
  tortoise: { library: 'tortoise' },
  peewee: { library: 'peewee' },
  'pony': { library: 'pony' },
  databases: { library: 'databases' },
  'cx-oracle': { library: 'cx_oracle', engine: 'oracle' },
  cx_oracle: { library: 'cx_oracle', engine: 'oracle' },
  oracledb: { library: 'oracledb', engine: 'oracle' },
  pymssql: { library: 'pymssql', engine: 'mssql' },
  pyodbc: { library: 'pyodbc' },
  'cassandra-driver': { library: 'cassandra-driver', engine: 'cassandra' },
  cassandra: { library: 'cassandra-driver', engine: 'cassandra' },
  neo4j: { library: 'neo4j', engine: 'neo4j' },
};

/** 'postgres', 'pg', 'postgresql+asyncpg', 'django.db.backends.postgresql' -> 'postgresql'. */
export function normaliseEngine(raw: string | undefined): Engine | undefined {
  if (!raw) return undefined;
  const s = raw.toLowerCase();
  const last = s.split('.').pop() ?? s;
  const head = last.split('+')[0]!.replace(/^(node-|drizzle-)/, '');
  if (/^(postgres|postgresql|pg|psql|postgis|cockroachdb|cockroach|redshift|asyncpg|psycopg2?|aurora-postgres|timescaledb)$/.test(head) || head.startsWith('postgresql_psycopg')) return 'postgresql';
  if (/^(mysql|mysql2|aurora-mysql|pymysql|mysqldb)$/.test(head)) return 'mysql';
  if (/^mariadb$/.test(head)) return 'mariadb';
  if (/^(sqlite|sqlite3|better-sqlite3|libsql|sqljs|aiosqlite|capacitor|expo|cordova|react-native)$/.test(head)) return 'sqlite';
  if (/^(mongodb|mongo|mongodb-srv|mongodb\+srv)$/.test(head)) return 'mongodb';
  if (/^(mssql|sqlserver|sql_server|tedious|pymssql|mssql_django)$/.test(head)) return 'mssql';
  if (/^(oracle|oracledb|cx_oracle)$/.test(head)) return 'oracle';
  if (/^(redis|rediss|ioredis)$/.test(head)) return 'redis';
  return undefined;
}

/** The engine of a connection URL: 'postgresql+asyncpg://u@h/db' -> 'postgresql'. */
export function engineOfUrl(url: string | undefined): Engine | undefined {
  if (!url) return undefined;
  const i = url.indexOf('://');
  if (i <= 0) return url.startsWith('sqlite:') ? 'sqlite' : undefined;
  return normaliseEngine(url.slice(0, i));
}

/** Package lookup for a JS import source: exact, then the package part of a deep import ('pg/lib/x' -> 'pg'). */
export function npmPackage(source: string): DbPackage | undefined {
  if (NPM_DATABASE_PACKAGES[source]) return NPM_DATABASE_PACKAGES[source];
  const parts = source.split('/');
  const pkg = source.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return NPM_DATABASE_PACKAGES[pkg];
}

/** Package lookup for a Python module or distribution name. */
export function pyPackage(name: string): DbPackage | undefined {
  const lower = name.toLowerCase();
  return PY_DATABASE_PACKAGES[lower] ?? PY_DATABASE_PACKAGES[lower.replace(/_/g, '-')] ?? PY_DATABASE_PACKAGES[lower.split('.')[0]!];
}
